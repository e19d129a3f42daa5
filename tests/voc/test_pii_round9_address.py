"""Round 9 address classes: openers without a street word, pieces before the starter, abroad
shapes, typos, and a business's own place kept (phrasings written for these tests)."""

import pytest

from voc.pii import address_edges, redact


def _redacted_whole(text: str, address: str) -> None:
    result = redact(text)
    start = text.index(address)
    covered = [
        any(span.start <= i < span.end and span.type == "ADDRESS" for span in result.spans)
        for i in range(start, start + len(address))
    ]
    assert all(covered), result.text
    assert redact(result.text).spans == ()  # idempotent


# (text, address): village and hamlet pieces, towns and postcode written before the starter.
PIECES_BEFORE = [
    (
        "alamat: Jorong Tanjung, Nagari Koto Baru, Kec. Sungai Tarab, Tanah Datar",
        "Jorong Tanjung, Nagari Koto Baru, Kec. Sungai Tarab, Tanah Datar",
    ),
    (
        "rumah saya di Banjar Dinas Kelod, Desa Pejeng, Tampaksiring",
        "Banjar Dinas Kelod, Desa Pejeng, Tampaksiring",
    ),
    ("kirim ke Ds. Sidorejo Dsn. Ngemplak RT 04 RW 02 Kec. Godean", "Ds. Sidorejo Dsn. Ngemplak"),
    ("Kak, ongkir ke RT 07 Desa Wonokerto, Kec. Turi berapa?", "RT 07 Desa Wonokerto"),
    (
        "Isi alamatnya begini: 40235, Bandung, Sukajadi, Gg. Melur no 12",
        "40235, Bandung, Sukajadi, Gg. Melur no 12",
    ),
    (
        "skrg aku di kos bu tini kamar 3, jl. kaliurang km 7, sleman",
        "kos bu tini kamar 3, jl. kaliurang km 7, sleman",
    ),
    ("pindah ke kost mawar putih gg. anggrek no. 8", "kost mawar putih gg. anggrek no. 8"),
    (
        "Tolong kirim ke Taman Cibodas Indah 3 Blk 2F no 18, Tangerang",
        "Taman Cibodas Indah 3 Blk 2F no 18, Tangerang",
    ),
    ("alamat: Gg. Sawo RT/RW 02/05 Kel. Jati", "Gg. Sawo RT/RW 02/05 Kel. Jati"),
    (
        "kirim ke prum bumi asri blk C nmr 4, jaln melati raya, bogor",
        "prum bumi asri blk C nmr 4",
    ),
    ("almt: Lrg. Damai III No. 4, Palembang", "Lrg. Damai III No. 4, Palembang"),
    (
        "Deliver ke Tower C lantai 12 unit 1203BA Apartemen Green Bay, Pluit",
        "Tower C lantai 12 unit 1203BA Apartemen Green Bay, Pluit",
    ),
    (
        "Alamat baru: Apartemen Gading Nias Tower 2 / 17F / unit D. Makasih",
        "Apartemen Gading Nias Tower 2 / 17F / unit D",
    ),
    (
        "shipping ke The Peak Sudirman Tower Aspen unit 805, Setiabudi",
        "The Peak Sudirman Tower Aspen unit 805, Setiabudi",
    ),
]

# (text, address): English number-first addresses and postcode shapes of many countries.
ABROAD = [
    ("Please ship to Unit 4/12 Smith St, Fitzroy VIC 3065", "Unit 4/12 Smith St, Fitzroy VIC 3065"),
    ("my flat is Flat C, 21 Nathan Road, Tsim Sha Tsui", "Flat C, 21 Nathan Road"),
    ("mailing address: RR 1 Box 12, Sundre AB T0M 1X0", "RR 1 Box 12, Sundre AB T0M 1X0"),
    ("I'm at Blk 123 Bedok North St 2 #04-56 S460123", "Blk 123 Bedok North St 2 #04-56 S460123"),
    (
        "ship to Lot 12 Blk 4, Greenwoods Subd., Brgy. Pinagbuhatan, Pasig City",
        "Lot 12 Blk 4, Greenwoods Subd., Brgy. Pinagbuhatan, Pasig City",
    ),
    ("Deliver to Calle Mayor 12, 3º B, 28013 Madrid please", "Calle Mayor 12, 3º B, 28013 Madrid"),
    ("my home is Via Roma 15, 00184 Roma", "Via Roma 15, 00184 Roma"),
    ("new address Musterstr. 5, 10115 Berlin", "Musterstr. 5, 10115 Berlin"),
    ("send to 12 high street, oxford ox1 4ag thanks", "12 high street, oxford ox1 4ag"),
    ("I LIVE AT 48 PARK AVE, BRISTOL BS8 1TH", "48 PARK AVE, BRISTOL BS8 1TH"),
    ("post it to 9 Harbour Pde, Manly NSW 2095", "9 Harbour Pde, Manly NSW 2095"),
    ("i live at 4 heron close didcot ox11 7ge", "4 heron close didcot ox11 7ge"),
    ("deliver to 30 the crescent, bath ba1 2lr", "30 the crescent, bath ba1 2lr"),
    ("ship to 5/8 Moo 3, Tambon Rawai, Phuket 83130", "5/8 Moo 3, Tambon Rawai, Phuket 83130"),
    ("Rose Cottage, Mill Lane, Great Tew, Chipping Norton OX7 4AB", "Rose Cottage, Mill Lane"),
    ("Address: Apt 7, 2 Main Street, Cork T12 X8Y2", "Apt 7, 2 Main Street, Cork T12 X8Y2"),
    ("new home: Prinsengracht 22-B, 1015 DV Amsterdam", "Prinsengracht 22-B, 1015 DV Amsterdam"),
    ("Envie para Rua do Carmo 40, 1200-093 Lisboa", "Rua do Carmo 40, 1200-093 Lisboa"),
    ("mon adresse: 8 rue Victor Hugo, 69002 Lyon", "8 rue Victor Hugo, 69002 Lyon"),
    (
        "Ship to A-5-2, Pangsapuri Vista Angkasa, Jalan Klang Lama",
        "A-5-2, Pangsapuri Vista Angkasa, Jalan",
    ),
    ("送り先: 〒530-0001 Osaka-shi Kita-ku Umeda 2-4-9, Room 801.", "〒530-0001 Osaka-shi"),
]


# (text, address): estate, sub-village and ward words; Japanese addresses in romaji.
MORE_OPENERS = [
    ("deliver to Purok 3, Brgy. San Roque, Antipolo City", "Purok 3, Brgy. San Roque, Antipolo"),
    ("kirim ke BTN Griya Hartaco Blok B5 No. 7, Makassar", "BTN Griya Hartaco Blok B5 No. 7"),
    (
        "my address: 25 Le Loi, Ben Thanh Ward, District 1, Ho Chi Minh City",
        "25 Le Loi, Ben Thanh Ward, District 1, Ho Chi Minh City",
    ),
    (
        "address: Tokyo-to Minato-ku Roppongi 6-10-1, apt 1203",
        "Minato-ku Roppongi 6-10-1, apt 1203",
    ),
    ("Please send to 3-2-1 Nishiki, Naka-ku, Nagoya asap", "3-2-1 Nishiki, Naka-ku, Nagoya"),
]


@pytest.mark.parametrize(("text", "address"), PIECES_BEFORE + ABROAD + MORE_OPENERS)
def test_round9_address_classes(text, address):
    _redacted_whole(text, address)


# A business's own place, a region, a quoted product and a car-park block stay.
LOOKALIKES = [
    "Cabang Jl. Thamrin No. 5 tutup hari ini?",
    "Drop point J&T di Jl. Raya Bogor No. 12 tutup jam berapa?",
    "Paket saya nyangkut di sorting center Jl. Raya Cakung KM 3",
    "Alamat kantor pusat kalian Jl. Sudirman Kav. 52 kan?",
    "Gudang kalian di Kawasan Industri Jatake Blok A3 No. 2 bisa ambil sendiri?",
    "Saya lihat di Google Maps alamatnya Jl. Pemuda No. 8, benar?",
    "Alamat outlet kalian di IG tertulis Ruko Sentra Niaga Blok B No. 3, Bekasi",
    "Ruko Golden Boulevard Blok C No. 12 itu kantor kalian ya?",
    "Gedung Sentral lantai 9 itu head office kalian?",
    "Is 350 George Street your head office?",
    "Is your store at 55 George St, Sydney 2000 open today?",
    "Warehouse: 88 Industrial Road, Singapore 629000 - do you allow walk-in returns?",
    "The distribution centre at Unit 5, 20 Factory Lane, Leeds LS9 0AB rejected my return.",
    "Bought the '10 Downing Street' mug as a gift, the handle broke.",
    "Block 3 of the car park was full so I left.",
    "Wilayah Kec. Tebet Kota Jakarta Selatan sudah bisa COD?",
    "Kec. Cibinong sama Kab. Bogor masuk zona berapa?",
    "Wisma 46 lantai 3 food court ramai.",
    "Lt. 3 food court AC nya mati",
    "SKU TS-BLK-40-002 habis terus",
    "Rating 3/11 gak masuk akal.",
    "Hotel in Shibuya-ku, Tokyo was nice but the SIM never arrived.",
    "Toko kalian alamatnya Jl. Merdeka No. 45, Bandung kan?",
    "Your warehouse address is 12 Dock Road, Tilbury RM18 7EH, right?",
    "Kantor cabang kalian pindah ke Jalan Diponegoro nomor 15?",
    "Sinyal jelek di Kel. Sukajadi, Kec. Sukasari sejak kemarin",
    "Banjir di Desa Sukamaju, Kec. Cibadak, Sukabumi kemarin sore",
    "Listrik padam di Dusun Krajan, Desa Sumberejo dari pagi",
    "Bought 2 Abbey Road tickets for my parents.",
    "Is your office at 12 Collins Street, Melbourne VIC 3000 open on Saturday?",
    "bisa pasang di ruko yang lantai 3 gak?",
    "Flight GA 408, Terminal 3, Gate 12, Jakarta 10110",
    "Day 2 Road 9, then camp by the lake",
    "asrama kami gedung A lantai 2 bocor",
    "Macet total di Jl. Gatot Subroto Kav. 36, ojol pada telat",
    "Acara di Gedung Serbaguna RT 07 kemarin ramai",
    "Banjir di RT 05 RW 03 Kel. Cawang, listrik padam juga",
    "Kantor pajak di Jl. Otista No. 14 buka Sabtu?",
    "Paket tertahan di DC Cakung, Jl. Raya Bekasi No. 88",
    "Between 5 Street and 6 Street the road is closed",
    "Ordered size 40 Olive Green, got black instead",
    "Pack of 12 Lime Green markers arrived dry",
    "Transfer ke BTN 0012 kemarin belum masuk, Blok M macet.",
    # The business word governs the address; a pronoun or a verb before it changes nothing.
    "Alamat hub kalian: Jl. Raya Narogong KM 7, Bekasi, kan?",
    "Our store at 18 King Street, Perth WA 6000 is closed on Sundays",
    "Saya sudah ke cabang kalian di Jl. Gajah Mada No. 20 tapi tutup",
    "I went to your branch at 40 Queen Street, Auckland 1010 but it was shut",
    "Tolong kirim ke gudang kalian di Jl. Industri Raya No. 3, Cikarang ya",
    "Retur saya sudah sampai ke hub kalian: Jl. Raya Cakung Cilincing KM 2, Jakarta Utara",
    "Sorting center kalian: Kawasan Pergudangan Bandara Blok C No. 12, Tangerang",
    "Saw your address on Google Maps: 25 Pitt Street, Sydney NSW 2000, is that the store?",
    # The sentence names the address as the business's, or the business moves there.
    "Alamat toko kalian di Google Maps salah, harusnya di Jl. Merpati No. 10, Serpong",
    "The store's address on your site is wrong, it should be 44 Church Road, Bristol BS5 9JA",
    "Kantor cabang di Jalan Veteran pindah ke gedung baru di Jalan Diponegoro nomor 18.",
    "Per minggu depan service center pindah ke Jl. Ahmad Yani No. 40, Surabaya",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_round9_address_lookalikes_stay(text):
    assert redact(text).spans == (), redact(text).text


# The writer's own place beside a business word is still an address.
OWN_PLACE = [
    ("Saya pesan dari toko X, tolong kirim ke Jl. Mawar No. 5, Depok", "Jl. Mawar No. 5, Depok"),
    (
        "I ordered from your store, please ship to 12 Baker Street, London NW1 6XE",
        "12 Baker Street, London NW1 6XE",
    ),
    (
        "Barang dari gudang Cikarang, diantar ke Perum Griya Indah Blok A No. 3",
        "Perum Griya Indah Blok A No. 3",
    ),
    ("Toko online saya alamatnya Jl. Raya Darmo No. 15, Surabaya", "Jl. Raya Darmo No. 15"),
    ("Rumah saya kebanjiran, Desa Sukamaju, Kec. Cibadak", "Desa Sukamaju, Kec. Cibadak"),
    ("Listrik padam dari pagi di Gg. Nangka no. 14 RT 03, tolong dicek", "Gg. Nangka no. 14 RT 03"),
    ("alamat rumah: griya permata hijau c3/12, cileungsi", "griya permata hijau c3/12, cileungsi"),
    ("alamat: perumahan bumi mas blok c no 2", "perumahan bumi mas blok c no 2"),
    ("Send it to 80 Lake Ave, Apt 2\nTacoma, WA 98402", "80 Lake Ave, Apt 2\nTacoma, WA 98402"),
    (
        "Apartment: The Loft Tower Sky lt. 9 unit 3, Kemang",
        "The Loft Tower Sky lt. 9 unit 3, Kemang",
    ),
    ("Ship to: Calle de las Flores 12, 28013 Madrid", "Calle de las Flores 12, 28013 Madrid"),
    ("send to 12 Road 5, Dhanmondi, Dhaka 1205", "12 Road 5, Dhanmondi, Dhaka 1205"),
    ("Tolong antar ke Apartemen Puri Indah Tower C/1509, Kembangan", "Tower C/1509, Kembangan"),
    ("aku di asrama putra itb, gedung b kamar 12, bandung", "asrama putra itb, gedung b kamar 12"),
    ("we're at House 9, Street 14, Sector G-6/1, Islamabad", "House 9, Street 14, Sector G-6/1"),
    (
        "tolong kirim ke Kab. Jayawijaya, Distrik Wamena Kota, Jl. Irian No. 4",
        "Kab. Jayawijaya, Distrik Wamena Kota, Jl. Irian No. 4",
    ),
    (
        "pengiriman ke kost pak rt, jl. kebon sirih barat gg. melati II no 12, menteng",
        "kost pak rt, jl. kebon sirih barat gg. melati II no 12, menteng",
    ),
    ("Address: Flat 2, 8 Sea Road, Bray, Co. Wicklow A98 K2R4", "Bray, Co. Wicklow A98 K2R4"),
    (
        "Deliver to No. 5, Jalan Damai 3, 47400 Petaling Jaya, Selangor please",
        "No. 5, Jalan Damai 3, 47400 Petaling Jaya, Selangor",
    ),
    (
        "pickup point-nya ga usah, antar ke rumah aja: Gg. Kenari No. 3, Bogor",
        "Gg. Kenari No. 3, Bogor",
    ),
    (
        "Jl. Flamboyan No. 7, Medan itu rumah saya, bukan toko",
        "Jl. Flamboyan No. 7, Medan",
    ),
    (
        "Send to 14 Elm Road, Leeds LS6 1AA, not the shop where I bought it",
        "14 Elm Road, Leeds LS6 1AA",
    ),
    # The business word names the sender or the place the parcel left, and governs nothing.
    (
        "Paket dari toko Sinar belum sampai ke Jl. Melati No. 5 RT 02/RW 03, Bandung",
        "Jl. Melati No. 5 RT 02/RW 03, Bandung",
    ),
    (
        "Saya lihat promo di ig, tapi paket ke Jl. Melati No. 5 RT 02/RW 03 Bandung belum sampai",
        "Jl. Melati No. 5 RT 02/RW 03 Bandung",
    ),
    (
        "The store shipped the wrong item and it went to 12 Baker Street, London NW1 6XE",
        "12 Baker Street, London NW1 6XE",
    ),
    (
        "Admin toko bilang udah nyampe ke Gg. Mangga No. 3 RT 01/RW 02, Depok, padahal belum",
        "Gg. Mangga No. 3 RT 01/RW 02, Depok",
    ),
    ("Paket dari toko Sinar sampai ke Jl. Dahlia No. 4, Bekasi", "Jl. Dahlia No. 4, Bekasi"),
    ("Kurir dari hub Cakung ngantar ke Perum Griya Asri Blok D No. 2", "Perum Griya Asri Blok D"),
    ("Saya beli di store resmi, alamat pengiriman Jl. Cempaka No. 11, Bogor", "Jl. Cempaka No. 11"),
    (
        "My parcel left the hub on Monday and still hasn't reached 21 Mill Road, Cambridge CB1 2AD",
        "21 Mill Road, Cambridge CB1 2AD",
    ),
    (
        "The warehouse sent it to 7 Oak Lane, Bath BA1 1AA instead of the locker",
        "7 Oak Lane, Bath BA1 1AA",
    ),
    ("Pesanan dari outlet Bintaro nyasar ke Jl. Kenari No. 12, Tangerang", "Jl. Kenari No. 12"),
    (
        "Alamat toko kalian salah, paket saya malah dikirim ke Jl. Dahlia No. 4, Bekasi",
        "Jl. Dahlia No. 4, Bekasi",
    ),
    # The business word governs the address, but a home in the sentence makes it personal.
    (
        "Yang kalian tulis sebagai pickup point: Gg. Kenari No. 3, Bogor itu rumah saya",
        "Gg. Kenari No. 3, Bogor",
    ),
]


@pytest.mark.parametrize(("text", "address"), OWN_PLACE)
def test_round9_own_place_beside_a_business_word(text, address):
    _redacted_whole(text, address)


@pytest.mark.parametrize("word", ["padahal", "bukan", "not"])
def test_two_addresses_joined_by_a_word_stay_apart(word):
    text = f"tertulis Jl. Melati 4 {word} Jl. Melati IV No. 14"
    assert redact(text).text == f"tertulis [ADDRESS] {word} [ADDRESS]"


# (text, address, is the business's): the business word must govern the address.
GOVERNED = [
    ("Gudangnya di Jl. Industri No. 3, Cikarang", "Jl. Industri No. 3", True),
    ("Drop point J&T di Jl. Raya Bogor No. 12", "Jl. Raya Bogor No. 12", True),
    ("hub kalian: Jl. Raya Narogong KM 7", "Jl. Raya Narogong KM 7", True),
    ("Your warehouse address is 12 Dock Road, Tilbury", "12 Dock Road", True),
    ("Di Google Maps tertulis Jl. Pemuda No. 8", "Jl. Pemuda No. 8", True),
    ("Toko X kirim barang yang salah ke Jl. Mawar No. 5", "Jl. Mawar No. 5", False),
    ("Toko online saya alamatnya Jl. Raya Darmo No. 15", "Jl. Raya Darmo No. 15", False),
    ("Beli di outlet, lalu dibawa pulang ke Jl. Mawar No. 5", "Jl. Mawar No. 5", False),
    ("Gudang kalian di Jl. Mawar No. 5, itu rumah ortu saya", "Jl. Mawar No. 5", False),
    ("I saw it on the website and then it went to 4 Elm Road", "4 Elm Road", False),
]


@pytest.mark.parametrize(("text", "address", "business"), GOVERNED)
def test_business_word_governs_the_address(text, address, business):
    start = text.index(address)
    assert address_edges.is_business_place(text, start, start + len(address)) is business


class _Reach:
    """Wraps a compiled pattern and records how many characters each call reads."""

    def __init__(self, pattern):
        self.pattern = pattern
        self.widths = []

    def finditer(self, text, pos=0, endpos=None):
        self.widths.append((len(text) if endpos is None else endpos) - pos)
        return self.pattern.finditer(text, pos, len(text) if endpos is None else endpos)

    def search(self, text, pos=0, endpos=None):
        self.widths.append((len(text) if endpos is None else endpos) - pos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)


def test_sentence_around_an_address_is_read_in_a_bounded_window(monkeypatch):
    reach = _Reach(address_edges._SENTENCE_END)
    monkeypatch.setattr(address_edges, "_SENTENCE_END", reach)
    text = "tolong kirim ke Jl. Melati No. 5, Bandung, lalu ke toko di Jl. Kenari No. 7, " * 200
    redact(text)
    assert reach.widths
    assert max(reach.widths) <= 2 * address_edges._SENTENCE_REACH  # not from the text's start

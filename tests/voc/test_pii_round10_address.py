"""Round 10 address classes: parts the span used to miss before or after its starter, and
places that are no one's address (phrasings written for these tests)."""

import time

import pytest

from voc.pii import redact


def _address_covers(text: str, value: str) -> tuple[bool, str]:
    result = redact(text)
    start = text.index(value)
    covered = all(
        any(span.start <= i < span.end and span.type == "ADDRESS" for span in result.spans)
        for i in range(start, start + len(value))
    )
    return covered, result.text


# (text, address): the whole address must be redacted.
SPANS = [
    # a lane (Lr.) inside or opening the street, an Acehnese village (Gampong)
    # guard (review 10): this case passed on the round-9 code too
    (
        "kirim ke Jl. Teuku Umar Lr. Mawar No. 3, Gampong Lamlagang, Banda Aceh ya",
        "Jl. Teuku Umar Lr. Mawar No. 3, Gampong Lamlagang, Banda Aceh",
    ),
    (
        "alamat saya Lr. Bahagia No. 12, Seberang Ulu I, Palembang",
        "Lr. Bahagia No. 12, Seberang Ulu I, Palembang",
    ),
    # a district whose name opens with a street word
    (
        "Alamat: Jl. Cempaka No. 4, Kel. Jati, Kec. Kampung Baru, Kota Medan",
        "Jl. Cempaka No. 4, Kel. Jati, Kec. Kampung Baru, Kota Medan",
    ),
    # numbered districts and a roman numeral closing a place
    (
        "Alamat: Jl. Kapten Rivai Lr. Damai No. 9 RT 05, 3 Ulu Laut, Seberang Ulu II, Palembang",
        "Jl. Kapten Rivai Lr. Damai No. 9 RT 05, 3 Ulu Laut, Seberang Ulu II, Palembang",
    ),
    # a Malaysian unit code before Jalan, right after a label
    # guard (review 10): this case passed on the round-9 code too
    (
        "Address: 7-2B Jalan Damai 3, 56000 Cheras, Kuala Lumpur",
        "7-2B Jalan Damai 3, 56000 Cheras, Kuala Lumpur",
    ),
    # a tower inside an estate's name, house numbers with letters
    (
        "tinggal di Apartemen Sentra Timur Residence Tower B Unit 0912, Cakung",
        "Apartemen Sentra Timur Residence Tower B Unit 0912, Cakung",
    ),
    (
        "antar ke Apartemen Kalibata City Tower Jasmine lantai 12 no 12AB ya",
        "Apartemen Kalibata City Tower Jasmine lantai 12 no 12AB",
    ),
    (
        "Alamat: Apartemen Gading Mediterania Tower Ruby Lt. 5 No. BD, Kelapa Gading",
        "Apartemen Gading Mediterania Tower Ruby Lt. 5 No. BD, Kelapa Gading",
    ),
    # a named block before the house number
    (
        "alamat rumah: Perum Griya Asri Blok Eropa No. 7, Cibinong",
        "Perum Griya Asri Blok Eropa No. 7, Cibinong",
    ),
    # a block code with a space
    (
        "rumah saya di Jl. Taman Golf Raya BC 7 No. 4, Cibubur",
        "Jl. Taman Golf Raya BC 7 No. 4, Cibubur",
    ),
    # Japan: a hyphenated town before the ward, the postcode after the address
    (
        "my sister lives at 2-8-4 Nishi-Shinjuku, Shinjuku-ku, Tokyo, 160-0023 and",
        "2-8-4 Nishi-Shinjuku, Shinjuku-ku, Tokyo, 160-0023",
    ),
    # a landmark in brackets, then the town
    (
        "Alamat Jl. Melati No. 8 (depan masjid Al Huda), Sleman",
        "Jl. Melati No. 8 (depan masjid Al Huda), Sleman",
    ),
    # "Rumah Susun" opens the estate's name
    (
        "please deliver to Rumah Susun Bendungan Hilir Blok 3 Lt. 2 No. 204, Tanah Abang",
        "Rumah Susun Bendungan Hilir Blok 3 Lt. 2 No. 204, Tanah Abang",
    ),
    # a road between two towns written with an en dash
    (
        "Alamat kirim: Jl. Raya Solo–Sragen Km 9, Karanganyar",
        "Jl. Raya Solo–Sragen Km 9, Karanganyar",
    ),
    # continental street and postcode on separate lines
    (
        "Please send the card to:\nLindenweg 7\n3012 Bern\nSwitzerland\nThanks",
        "Lindenweg 7\n3012 Bern\nSwitzerland",
    ),
    # guard (review 10): this case passed on the round-9 code too
    (
        "my address: Keizersgracht 221\n1016 DV Amsterdam\nNetherlands",
        "Keizersgracht 221\n1016 DV Amsterdam",
    ),
    # an estate named "The X at Y"
    (
        "Alamat:\nThe Residences at Kuningan, Tower 2 Lt. 7 No. 3\nJakarta Selatan 12940",
        "The Residences at Kuningan, Tower 2 Lt. 7 No. 3\nJakarta Selatan 12940",
    ),
    # a lower-case street name with a short number, closed by the next lane
    # guard (review 10): this case passed on the round-9 code too
    (
        "debt collector dtg ke jl. sei padang psr 1 gg. mawar no 3 medan tadi",
        "jl. sei padang psr 1 gg. mawar no 3 medan",
    ),
    # the writer's own business, and a home after a shop's street
    # guard (review 10): this case passed on the round-9 code too
    (
        "Warung saya di Jl. Melati No. 5, Bantul, tolong kirim ke sana",
        "Jl. Melati No. 5, Bantul",
    ),
    # guard (review 10): this case passed on the round-9 code too
    (
        "Toko X di Jl. Anggrek No. 5 tapi kirim ke rumah saya di Jl. Kenanga No. 7 ya",
        "Jl. Kenanga No. 7",
    ),
    # a home at a crossing keeps its number
    # guard (review 10): this case passed on the round-9 code too
    ("rumah saya di perempatan Jl. Melati No. 4, Depok", "Jl. Melati No. 4, Depok"),
    # a flat's floor-unit code after its tower
    (
        "kirim ke Apartemen Kalibata Residence Tower C 12-07, Jl. Raya Kalibata, Pancoran ya",
        "Apartemen Kalibata Residence Tower C 12-07, Jl. Raya Kalibata, Pancoran",
    ),
    (
        "I live at Apartemen Taman Anggrek Tower Magnolia 21-03, Jl. Letjen S. Parman, Grogol",
        "Apartemen Taman Anggrek Tower Magnolia 21-03, Jl. Letjen S. Parman, Grogol",
    ),
    # an English estate name opening with "The" before a comma
    (
        "Please pick up from my flat. The Breeze Bintaro, Tower Alpha, Unit 12-05, Pondok Aren.",
        "The Breeze Bintaro, Tower Alpha, Unit 12-05, Pondok Aren",
    ),
    # a lot or house number and its block open an address; the house named before its number
    (
        "it's next to my aunt's house (Kavling 12, Blok C, Griya Permata Batam)",
        "Kavling 12, Blok C, Griya Permata Batam",
    ),
    (
        "Saya pemilik rumah No. 7 Blok B, Perum Taman Sari, Jl. Raya Bogor, Depok",
        "rumah No. 7 Blok B, Perum Taman Sari, Jl. Raya Bogor, Depok",
    ),
    # a landmark in brackets right after the street's number
    (
        "antar ke Jl. Diponegoro 21A (depan apotek), Kel. Tegal Rejo, Yogyakarta",
        "Jl. Diponegoro 21A (depan apotek), Kel. Tegal Rejo, Yogyakarta",
    ),
    # a Balinese banjar (Br.) after the house number
    (
        "kirim ke Jl. Raya Ubud No. 5, Br. Kutuh Kaja, Ubud, Gianyar",
        "Jl. Raya Ubud No. 5, Br. Kutuh Kaja, Ubud, Gianyar",
    ),
    # a town with a particle
    (
        "New address: Goethestrasse 9, 60313 Frankfurt am Main, Germany.",
        "Goethestrasse 9, 60313 Frankfurt am Main, Germany",
    ),
    # "utama" (main) inside a lower-case street name
    ("alamatnya jl. gading utama 5B sektor 2, serpong", "jl. gading utama 5B sektor 2, serpong"),
    # a short aside in brackets when the address goes on after it
    (
        "kirim ke Jl. Melati, Gg. Mawar, No. 5 (rumah cat hijau), Depok",
        "Jl. Melati, Gg. Mawar, No. 5 (rumah cat hijau), Depok",
    ),
    # a label with words or a bracket before its colon; a part opening the value
    # guard (review 10): this case passed on the round-9 code too
    (
        "Alamat kantor baru (mulai Juni): Gedung Graha Mandiri Lt. 5, Jl. Imam Bonjol No. 61",
        "Gedung Graha Mandiri Lt. 5, Jl. Imam Bonjol No. 61",
    ),
    ("alamat kos:\nkamar 7\njl. kaliurang km 5 no 3", "kamar 7\njl. kaliurang km 5 no 3"),
    # multi-line pastes: an English street opening a line, a number closing a line
    (
        "Address:\nApt 4B\n221 West 57th Street\nNew York, NY 10019",
        "Apt 4B\n221 West 57th Street\nNew York, NY 10019",
    ),
    (
        "Alamat:\nNo. 12, Jalan SS 2/24\n47300 Petaling Jaya\nSelangor",
        "No. 12, Jalan SS 2/24\n47300 Petaling Jaya\nSelangor",
    ),
    # Japan: one ward before the district and its chome number
    (
        "ship to Shibuya-ku, Jingumae 4-12-3, Tokyo 150-0001",
        "Shibuya-ku, Jingumae 4-12-3, Tokyo 150-0001",
    ),
    # the writer's own stall in a market stays theirs
    # guard (review 10): this case passed on the round-9 code too
    (
        "Kios saya di Pasar Senen Blok III Lt. 2 No. 45 kebakaran",
        "Pasar Senen Blok III Lt. 2 No. 45",
    ),
    # a home listed after a shop's street
    # guard (review 10): this case passed on the round-9 code too
    (
        "toko di Jl. Anggrek No. 5 dan rumah saya di Jl. Kenanga No. 7",
        "Jl. Kenanga No. 7",
    ),
    # an event at someone's home stays an address
    # guard (review 10): this case passed on the round-9 code too
    ("Acara di rumah saya, Jl. Melati No. 5, Bekasi, datang ya", "Jl. Melati No. 5, Bekasi"),
]

# Texts whose places are no one's address: nothing is redacted as ADDRESS.
NO_ADDRESS = [
    # an eatery, a shop in a mall, a trade centre's floor and block
    "The noodles from Kedai Mie Aceh, Jl. Kaliurang No. 5, were cold.",
    "the shop is listed at Plaza Senayan Lt. 2 Blok B No. 3 but it's closed",
    "Toko resminya di ITC Cempaka Mas Lt. 3 Blok B No. 12 ternyata udah tutup",
    "Makan di Rumah Makan Sederhana, Jl. Veteran No. 9, enak banget",
    # street corners and crossings
    "Lampu merah di perempatan Jl. Kaliurang - Jl. Ring Road Utara mati dari pagi",
    "The traffic light at the corner of Jl. Sudirman and Jl. Thamrin is broken",
    "Lubang besar di pertigaan Jl. Magelang Km 7 bikin motor jatuh",
    # a developer's show unit
    "Show unit tipe 36/72 di Blok B2 No. 3 buka jam berapa ya?",
    # ("Rumah contoh di Blok A No. 1 bagus, tapi unit saya beda" is redacted again: a personal
    # sentence keeps an address, review 10)
    "Unit contoh di Blok A No. 1 bagus ya",
    # a stretch of road
    "Jalan Melati sampai Jalan Melati 5 belum diaspal, becek",
    "Jalan rusak sepanjang Jl. Raya Bogor Km 30 bikin macet",
    # an event's venue, a hospital's street, outpatient care, a due date, a public office
    "Seminar di Gedung Sate, Jl. Diponegoro No. 22 dimulai jam 9",
    "Interview at Menara Astra, Jl. Jend. Sudirman Kav. 5-6, floor 20 tomorrow",
    "Is the Siloam hospital on Jl. Garnisun Kav. 2 open on Sunday?",
    "Klaim rawat jalan tgl 3/4 belum cair juga",
    "bayar kos tanggal 5 ya guys",
    "Bisa kirim ke Kantor Kecamatan Sukasari? Buat acara posyandu.",
    "berkasnya antar ke Balai Desa Sukamaju, Kec. Cibadak ya",
    # a street with a landmark in brackets but no number
    "macet di Jl. Sudirman (depan Plaza Senayan) parah",
    # a market's stall, a junction
    "Kemarin beli di Pasar Baru Blok B Lt. 2 No. 18, barangnya rusak",
    "Simpang Jl. Ahmad Yani - Jl. Diponegoro macet",
    # two branches in a list
    "Promo berlaku di cabang Jl. Ahmad Yani No. 9 dan Jl. Diponegoro No. 5",
    # an e-mail address after "alamat" (a house for sale is redacted again: review 10, 6)
    "Alamat email baru: dina.rahma@contoh.co.id",
    # a number and a year on two lines, an acronym, a tower alone
    "Order 12\n2024 Review pending",
    "the LR schedule was 0.01 at step 3",
    "Tower B lift rusak terus",
]

# (text, kept): an address whose neighbours stay readable.
KEPT_AROUND = [
    ("Alamat: Jl. Mawar No. 5, Depok\nNo. HP: 0812 3456 7890", "No. HP"),
    ("Alamat: Jl. Mawar No. 5, Depok\nCatatan: titip satpam", "Catatan"),
    ("My villa address is Jl. Pantai No. 8, Canggu", "villa address is"),
    ("Kurir antar ke Jl. Merak 12 bukan Jl. Merak 21", "bukan"),
    ("Alamat lama: Jl. Kenari No. 3, Bogor\nAlamat baru: Jl. Dahlia No. 9, Depok", "Alamat baru"),
    # an aside in brackets that closes the address stays out
    ("kirim ke Jl. Anggrek No. 7 (udah 3 hari belum sampai), tolong dicek", "udah 3 hari"),
]


@pytest.mark.parametrize(("text", "address"), SPANS)
def test_round10_whole_address_is_redacted(text, address):
    covered, redacted = _address_covers(text, address)
    assert covered, redacted
    assert redact(redacted).spans == ()  # idempotent


@pytest.mark.parametrize("text", NO_ADDRESS)
def test_round10_places_that_are_no_address_stay(text):
    result = redact(text)
    assert not [span for span in result.spans if span.type == "ADDRESS"], result.text


@pytest.mark.parametrize(("text", "kept"), KEPT_AROUND)
def test_round10_address_stops_at_its_edge(text, kept):
    result = redact(text)
    assert any(span.type == "ADDRESS" for span in result.spans), result.text
    assert kept in result.text


# Review 10 of the address rules: privacy first. Each case failed on the round-10 code.

# (text, address): a personal or delivery sentence, a district named for a market, an estate
# named graha/wisma with a block, a home listed after a branch, a street named for an office,
# a line between the label and the street.
REVIEW_PRIVACY = [
    # a district named "Pasar X" before the street is where people live (finding 3)
    ("Paketnya belum datang ke Pasar Rebo, Jl. Cempaka Putih No. 8", "Jl. Cempaka Putih No. 8"),
    (
        "Tujuan paket: Pasar Kemis, Perum Griya Kencana Blok D No. 4",
        "Perum Griya Kencana Blok D No. 4",
    ),
    ("Pasar Minggu, Gg. Haji Sairin No. 21 RT 03/RW 09", "Gg. Haji Sairin No. 21 RT 03/RW 09"),
    # a public place opening the address in a personal sentence (finding 4)
    ("Pasar Baru Blok C No. 21 itu rumah saya", "Blok C No. 21"),
    ("Kampus Residence Blok F No. 7, kirim ke sana ya kak", "Blok F No. 7"),
    # graha/wisma with a block or a house number open housing estates (finding 5)
    ("Resepsi adik di Graha Permai Blok E No. 9, Cibubur. Datang ya", "Graha Permai Blok E No. 9"),
    ("Pengajian rutin di Wisma Jaya Blok A No. 2, Bekasi", "Wisma Jaya Blok A No. 2"),
    # a house bought near a landmark: "beli rumah" is still a home (finding 6)
    ("aku beli rumah dekat terminal, di Jl. Flamboyan No. 14", "Jl. Flamboyan No. 14"),
    # a home listed after a branch (finding 7)
    (
        "Cabang Jl. Gatot Subroto No. 2 dan Jl. Nangka No. 6 (rumah saya)",
        "Jl. Nangka No. 6",
    ),
    # a street named for a public office (finding 8)
    ("Rumah kami di Jl. Balai Desa No. 12, Sleman", "Jl. Balai Desa No. 12, Sleman"),
    ("rumah saya di Jl. Kantor Desa No. 4", "Jl. Kantor Desa No. 4"),
    # an abbreviation's dot ends no sentence: "rumah saya" governs the street after "Jl. A"
    ("rumah saya di Jl. Pinus, sampai Jl. Jati 15 ya", "Jl. Jati 15"),
    # a line between the label and the street stays in the span (finding 9)
    ("Alamat rumah: Sawangan Lestari\nJl. Anggrek 2 No. 7", "Sawangan Lestari"),
    ("Ship to:\nTaman Sari Indah\nJl. Melati No. 9", "Taman Sari Indah\nJl. Melati No. 9"),
    ("Ship to:\nMarta Kowalski\n18 Elm Street, Apt 2\nBoston, MA 02116", "Marta Kowalski"),
    # the writer's own stall with a roman block, no floor (finding 12)
    ("kios saya di Pasar Senen Blok III No. 45, tolong kirim ke sana", "Blok III No. 45"),
    # guard: an estate with a roman block was an address before too
    ("Perum Griya Asri Blok IV No. 2, Bekasi", "Perum Griya Asri Blok IV No. 2, Bekasi"),
    # guard: a ward and a short chome after an address cue stay an address (finding 10)
    ("my address: Shinjuku-ku 2-8", "Shinjuku-ku 2-8"),
]


@pytest.mark.parametrize(("text", "address"), REVIEW_PRIVACY)
def test_review10_personal_addresses_are_redacted(text, address):
    covered, redacted = _address_covers(text, address)
    assert covered, redacted


# Look-alikes that stay clean: a ward with a score or dates (finding 10, failed before); the
# rest are guards that passed before and must survive the privacy fixes.
REVIEW_KEPT = [
    "Tokyo-to 2-3 juara liga musim ini",
    "Setagaya-ku 10-12 Juli ada festival",
    "beli di Pasar Senen Blok III No. 45 murah",
    "Paket nyangkut di Kantor Pos Pasar Minggu, Jl. Raya Pasar Minggu No. 3",
    "dikirim ke gudang kami: Gudang Sinar Abadi, Jl. Industri No. 8, Kawasan Industri Delta, "
    "Bekasi 17530",
    "beli di Pasar Baru Blok B Lt. 2 No. 18 murah",
    "Seminar di Gedung Serbaguna, Jl. Pahlawan No. 22 jam 9",
    "Kantor Kecamatan Cilandak tutup hari ini",
    "Cabang BCA Jl. Ahmad Yani No. 9 dan Jl. Diponegoro No. 5 tutup hari Minggu",
]


@pytest.mark.parametrize("text", REVIEW_KEPT)
def test_review10_places_set_aside_stay(text):
    assert not [s for s in redact(text).spans if s.type == "ADDRESS"], redact(text).text


# Adversarial runs of starters, lines and asides (review 10, findings 1 and 2): redaction must
# never raise and must stay linear. The limit is generous: no benchmark, a guard against the
# RecursionError and the quadratic walks (32 s and more on 20,000 characters before).
ADVERSARIAL = [
    "221 West 57th Street\n" * 950,
    "Jl. Kenanga No. 5 (rumah) " * 1000,
    "Jl. A No. 1\n" * 1820,
    "Tower B " * 2500,
    "Kec. " * 4000,
    "Kec. Abc " * 2220,
    # guards: linear before too
    "Tower B 15-02 " * 1430,
    "Jl. A No. 5 (" * 1540,
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:24]))
def test_review10_adversarial_text_redacts_in_linear_time(text):
    started = time.perf_counter()
    redact(text)  # must not raise
    assert time.perf_counter() - started < 10.0

"""Round 12: coined firms, months, places and walks that stood where a name or an address would.

Every phrasing here is this test's own (no string of a corpus file), one or more per class of
``voc/pii/name_coined.py`` and the round-12 address, number and cue changes, each class with
the person or the address that must still be found.
"""

from __future__ import annotations

import pytest

from tests.voc.pii_helpers import gone as _gone
from voc.pii import redact
from voc.pii.name_coined import coined_word


@pytest.mark.parametrize(
    "text",
    [
        # a coined firm: an everyday word and a brand ending
        "CS Kabelku ramah banget, gangguan langsung dicek",
        "teknisi Sawahnet dateng jam 9 tepat",
        "makasih Kirimin, paketnya sampe sehari",
        "thanks Dompetpay, the refund landed today",
        # a firm's handle in the same text
        "@GerobakCare ada yg nipu pakai nama Gerobak di WA, hati2",
        # a run opened by a firm's kind
        "terima kasih Asuransi Tenang Jaya, klaim cair cepat",
        "thanks Koperasi Maju Bersama for the quick loan",
        # a customer of a firm named with everyday words
        "Saya pelanggan Gas Kota sejak 2019, tagihan naik terus",
        # a month after a word of time or before a year
        "Cicilan mulai awal Agustus ya kak",
        "The new fares apply since June",
        "Tagihan Maret 2025 belum muncul di aplikasi",
        # an era after a year
        "Tahun 1445 H. Mohon kwitansinya diperbaiki",
        # a place named by its kind after it, a run of places
        "kereta dari Manggarai station telat lagi",
        "halo min, ini Cibubur Timur, sinyal ilang dari pagi",
        # a frequent English verb before its object
        "the cashier made me wait for twenty minutes",
        # an English participle after a name cue
        "my name is spelled wrong on the e-ticket",
        "nama di sertifikat keliru, tolong dicek",
        # a vehicle's own name, a brand's partner, a perfume, a dormitory, an advert's star
        "bus Harapan Mulya jam 7 dari Cirebon gak berangkat",
        "kapal Tidar dari Makassar delay 6 jam",
        "promo bareng Isyana masih berlaku gak?",
        "The 'Melati' perfume is out of stock again",
        "Jemputan ke Asrama Haji Pondok Gede jam berapa?",
        "Your new ad featuring Ustadz Hanan Attaki is lovely",
        "Donasi atas nama Hamba Allah bisa dapat bukti potong?",
        # a street named after a titled person, a number plate, an idol's photocard
        "apotek di Jl. Dr. Soetomo buka 24 jam gak?",
        "MOBIL PLAT D 1207 XYZ NGALANGIN GERBANG, TOLONG DIUMUMKAN",
        "photocard Jaehyun di album ini dapet random ya?",
        # third batch: a work's author or performer, a desk, a route, a church, a train, a
        # firm's field, a stadium named after a national figure, a public religious talk
        "ada novel Ronggeng Dukuh Paruk karya Ahmad Tohari yg edisi lama?",
        "tiket konser Nadin di Bandung kapan dibuka?",
        "Dear Pengelola, lift gedung C mati lagi",
        "Kepada Yth.\nBagian Pemasaran\n\nDengan hormat, kami ingin memesan 40 kotak",
        "naik kereta dr Gambir ke Cirebon penuh terus",
        "jadwal misa Gereja Santo Yusup hari Sabtu jam berapa?",
        "tiket KA Taksaka tgl 20 bisa refund?",
        "Nama Toko: Sumber Rejeki Abadi\nKeluhan: stok kosong terus",
        "Parkir di Stadion Kapten Mattone penuh sekali",
        "tabligh akbar Ustadz Somad di alun-alun jadi kapan?",
        "Ordered 2 jars of Nutella, got one",
        # fourth batch: a sign-off with no name, a route with a dash, a game hero, a creator
        "The refund never arrived.\n\nKind regards",
        "tiket kereta Gambir - Semarang Tawang tgl 3 habis?",
        "hero Gusion kena nerf lagi, gak adil",
        "Streamer favorit aku, Windah, katanya sponsor kalian?",
    ],
)
def test_look_alikes_stay(text: str) -> None:
    redacted = redact(text).text
    assert "[NAME]" not in redacted, redacted


@pytest.mark.parametrize(
    "text",
    [
        "sekarang jalan kaki 20 menit ke halte",
        "motor ini baru dipake jalan 3 kali udah mogok",
        "alamat saya di gang sempit, kurir suka nyasar",
        "desa sebelah kebanjiran, sinyal ikut ilang",
        "tokonya pindah ke ruko sebelah, FYI",
        "paket buat kos-kosan 12 kamar ada gak?",
        "pulang kerja jalan pelan2 sambil dengerin podcast",
        "Satpam gudang minta surat jalan dulu baru boleh masuk",
        "manasik pindah ke Masjid Agung lantai 3, jam 8",
        "Kopdar komunitas? Kantor yg di Ruko Mutiara Blok C No. 8 Depok buka Sabtu?",
        "Your Surabaya office at Jl. Basuki Rahmat No. 10 closes too early",
        "The clinic at Jl. Cempaka Putih Raya No. 4 lost my results",
        "Alamat Outlet: Jl. Gajah Mada No. 3, Semarang\nKeluhan: kopinya tinggal setengah gelas",
        "sy udh 2x ke kantor pemasaran di Jl. Raya Serpong Km 7 No. 3 tp tutup",
        "Is your pharmacy at Jl. Panglima Polim No. 9 open on Sundays?",
        "satpam nyuruh saya jalan ke parkiran B2, jauh banget",
        "the Depok office moved to Jl. Margonda Raya No. 88 in May",
    ],
)
def test_walks_alleys_and_business_places_are_no_address(text: str) -> None:
    redacted = redact(text).text
    assert "[ADDRESS]" not in redacted, redacted


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("rumah saya di jalan mawar 5, bandung", "jalan mawar 5"),
        ("kirim ke gang kelinci 3 rt 2 rw 4", "gang kelinci 3 rt 2 rw 4"),
        ("rumah sy di gang buntu no 8 rt 01, kel. sukamaju", "gang buntu no 8 rt 01"),
        ("Alamat: Tower 3 lantai 12 unit 5, Apartemen Kalibata City", "Tower 3 lantai 12 unit 5"),
        ("Jalan Kaki Langit No. 5, Sleman", "Jalan Kaki Langit No. 5"),
        # the writer's own office, or an office given as a form field
        ("please deliver to my office at Jl. Sudirman Kav. 21, Jakarta", "Jl. Sudirman Kav. 21"),
        ("Office: Wisma Mulia Lt. 12, Jl. Gatot Subroto 42", "Wisma Mulia Lt. 12"),
    ],
)
def test_addresses_still_found(text: str, address: str) -> None:
    redacted = redact(text).text
    assert _gone(address, redacted), redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mohon maaf, saya atas nama keluarga besar Andi Baso Tenri berterima kasih", "Baso Tenri"),
        ("kurir kalian Darsono nitip paket ke satpam tanpa bilang", "Darsono"),
        ("the mover Sutrisno scratched our table", "Sutrisno"),
        ("Our guide Sheikh Rahmatullah was patient with the elderly", "Rahmatullah"),
        ("Tickets for Nurul binte Hassan please", "Nurul binte Hassan"),
        ("Yesterday Rudianto tried to deliver twice", "Rudianto"),
        # given names that a coined-firm split would have cut
        ("makasih Purnamasari udah bantu retur", "Purnamasari"),
        ("anak saya Made Wirawan yang pesan", "Made Wirawan"),
        ("Bu Juli yang terima paketnya", "Juli"),
        # a name's spelling corrected "from X to Y" is no route
        ("Please change the name from Rina to Rani on my booking", "Rina"),
        ("Tolong ganti nama penumpang dari Yohana ke Johanna ya, typo", "Yohana"),
        ("tiket kereta untuk Rina - Budi tolong dipisah", "Rina"),
        # a person in brackets after a firm's role, a clause opened by a name in lower case
        ("The courier (Obinna) said nobody was home", "Obinna"),
        ("rina bilang paketnya udah dikirim dari kemarin", "rina"),
        ("ok, tapi andi bilang refundnya 3 hari", "andi"),
        ("Pemesan Tjong Siu Mei, mohon dicek", "Tjong Siu Mei"),
        ("Yohanes was rude to my mother at the counter", "Yohanes"),
    ],
)
def test_people_still_found(text: str, name: str) -> None:
    redacted = redact(text).text
    assert _gone(name, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Call me at 013-447 2091 after six", "PHONE", "013-447 2091"),
        ("my NIK for the hotel booking is 3273014507900003, please fix", "NIK", "3273014507900003"),
        (
            "NPWP lama 02.331.774.5-407.000 diganti, yang baru 0923317745407000",
            "NPWP",
            "0923317745407000",
        ),
    ],
)
def test_numbers_found(text: str, kind: str, value: str) -> None:
    result = redact(text)
    spans = [(text[s.start : s.end], s.type) for s in result.spans]
    assert (value, kind) in spans, spans


@pytest.mark.parametrize(
    "text",
    [
        "The IMEI on my warranty card (490154203237518) is different from the box",
        "sudah 4x telpon call center 021-2950-1234 gak diangkat",
        "hotline 021 8090 1111 sibuk terus",
        "order 012-388 4719 belum dikirim",
    ],
)
def test_firm_numbers_stay(text: str) -> None:
    assert redact(text).spans == (), redact(text).text


@pytest.mark.parametrize(
    ("word", "coined"),
    [
        ("kabelku", True),
        ("kirimin", True),
        ("sawahnet", True),
        ("listriku", True),  # "listrik" + "ku", the k shared
        ("purnamasari", False),  # a given name
        ("martin", False),
        ("sukarti", False),  # two everyday words run together: not tried
        ("okonkwo", False),
        ("budi", False),  # too short
    ],
)
def test_coined_word(word: str, coined: bool) -> None:
    assert coined_word(word) is coined

"""Round 14: public figures by name, idols beside their group, and a business's place asked about.

Every phrasing here is this test's own (no string of a corpus file): the famous names of
``voc/pii/name_public.py`` that stay in any text, the private people of the same names that a
role, a kin word or the writer's own cue keeps redacted, and the question about where a branch
is (``voc/pii/address_edges._asked_place``) with the deliveries and homes that must stay found.
"""

from __future__ import annotations

import pytest

from tests.voc.pii_helpers import gone as _gone
from tests.voc.pii_helpers import words as _words
from voc.pii import redact


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a famous full name with an honorific and no talk of public life
        ("Mohon Pak Ridwan Kamil tahu soal jembatan yang ambruk ini.", "Kamil"),
        ("Najwa Shihab katanya mau datang ke kampus kami bulan depan.", "Shihab"),
        # an everyday word the finder took in before the name
        ("Saw Jonatan Christie train here once, so my kids want to join.", "Christie"),
        # a famous full name at an event or in a book talk
        ("Seminar bareng Dewi Lestari kemarin molor dua jam.", "Lestari"),
        # national figures by the form the public uses
        ("Rumah pengasingan Bung Hatta bersih sekali, petugasnya ramah.", "Hatta"),
        ("Tiket masuk museum R.A. Kartini naik jadi Rp 15.000.", "Kartini"),
        # an idol beside the group's name, before or after
        ("Photocard Jisoo (BLACKPINK) di paket saya tertekuk.", "Jisoo"),
        ("The BTS member Jimin poster arrived torn.", "Jimin"),
        # a mononym in talk of an office
        ("Waktu Bu Risma jadi menteri, bansos cepat cair.", "Risma"),
    ],
)
def test_public_figures_stay(text, kept):
    assert kept in _words(redact(text).text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the same names borne by private people: a role, kin, a service verb, the writer
        ("Kurir Raffi Ahmad tadi antar paket ke rumah saya, ramah sekali.", "Ahmad"),
        ("Anak saya namanya Reza Rahadian, kartu pelajarnya hilang.", "Rahadian"),
        ("Saya, Bambang Pamungkas, keberatan dengan denda ini.", "Pamungkas"),
        ("Dilayani oleh Sri Mulyani di loket 3, cepat dan sopan.", "Mulyani"),
        ("Hi, I'm Taufik Hidayat and my refund is still pending.", "Hidayat"),
        # a common given name that an idol also bears, with no group beside it
        ("Jennie dari bagian keuangan belum balas email saya.", "Jennie"),
        ("Tadi Lisa yang antar galon lupa bawa kembalian.", "Lisa"),
        # a famous name's common form of address without public talk
        ("Ibu Kartini minta tagihan bulan ini dicetak ulang.", "Kartini"),
    ],
)
def test_private_people_of_famous_names_stay_found(text, name):
    redacted = redact(text).text
    assert _gone(name, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Where is your Medan outlet now? Is it still at Jl. Gatot Subroto No. 210?", "210"),
        ("Cabang Depok tutup ya? Google Maps masih nunjukin Jl. Margonda Raya No. 88.", "88"),
        ("gudang kalian yg di Cikarang masih buka? Jl. Industri Selatan 5 No. 12 kan?", "12"),
    ],
)
def test_a_business_place_asked_about_stays(text, kept):
    assert kept in _words(redact(text).text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # the writer's own place after a question about a branch
        ("Cabang Bogor masih buka? Tolong kirim ke Jl. Pajajaran No. 17 saja.", "Pajajaran"),
        ("Is your Surabaya branch open? We're at Jl. Darmo Permai No. 4, come over.", "Permai"),
        ("Outlet Bekasi pindah? Alamat saya Jl. Cut Meutia No. 9, antar ke sini.", "Meutia"),
        ("Gudang kalian masih di Cakung? Paket saya belum sampai ke Jl. Kenari No. 3.", "Kenari"),
        # a home address with its neighbourhood parts after a question about a branch
        ("Toko cabang Solo masih ada? Jl. Slamet Riyadi Gg. 2 RT 03 RW 05 No. 7.", "Riyadi"),
    ],
)
def test_the_writers_address_after_a_branch_question_stays_found(text, address):
    redacted = redact(text).text
    assert _gone(address, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # government bodies and offices taken for a name
        ("Terima kasih Pemkot Bogor, trotoarnya sudah rapi.", "Bogor"),
        ("Sudah lapor ke Dinas Perhubungan tapi lampunya masih mati.", "Perhubungan"),
        ("Pak Kapolsek bilang patroli ditambah mulai minggu ini.", "Kapolsek"),
        # the rest of a street's name after its first word
        ("Your Malang office on Jl. Ijen Boulevard No. 20 is closed on Saturdays?", "Boulevard"),
        # a representative office and a workshop asked about
        ("Is the Bogor workshop on Jl. Pajajaran No. 45 still open?", "45"),
        # a brand after a parent word without a comma
        ("Sabun Mama Lime yang 800 ml kok sekarang lebih encer?", "Lime"),
    ],
)
def test_bodies_streets_and_brands_stay(text, kept):
    assert kept in _words(redact(text).text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # asking someone to pass a message on, with a name no list holds
        ("Please tell Chukwuemeka the car is ready for pick-up.", "Chukwuemeka"),
        ("tolong kabari Tendai ya kalau paketnya sudah datang", "Tendai"),
        ("Could Oyelaran please call me back this afternoon?", "Oyelaran"),
        # the late, an inspector, the person answerable for a patient
        ("Saya anak dari almarhum Wayan Sukra, mau urus surat kematian.", "Sukra"),
        ("The inspector Oluwaseun was rude to my driver.", "Oluwaseun"),
        ("PJ: Herlambang Wicaksono (anak)", "Herlambang"),
        # a parent named after a comma, the holder of an account in English
        ("Bisa satu kamar dengan papa, Yohanis Rumbewas?", "Rumbewas"),
        ("Please refund to BRI 0029384756 under Ngozi Okafor.", "Okafor"),
        # a given name that was also read as a place
        ("Her son Paulo will pick up the keys.", "Paulo"),
    ],
)
def test_round14_people_are_found(text, name):
    redacted = redact(text).text
    assert _gone(name, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # two sides of a match, holidays and terms built on a given name
        ("Apakah Persib lawan Madura United tayang di aplikasi?", "Persib"),
        ("Can I watch Liverpool vs Everton on the basic plan?", "Liverpool"),
        ("Do you open on Idul Adha? I want to come in the morning.", "Adha"),
        ("Is the Grace period for late payment still 5 days?", "Grace"),
        # a point on a highway by its kilometre marker, nothing of a house after it
        ("Ada truk mogok di Jl. Raya Cileungsi km 18 sejak pagi.", "Cileungsi"),
        ("Huge pothole on Jl. Raya Serang KM 24 (near the toll gate).", "Serang"),
    ],
)
def test_matches_holidays_and_highway_points_stay(text, kept):
    assert kept in _words(redact(text).text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a home on a highway: a number, a town, a label or the writer's own place
        ("Kirim ke Jl. Raya Cileungsi km 18 No. 7 ya kak.", "Cileungsi"),
        ("Alamat: Jl. Raya Solo KM 8, Kartasura", "Kartasura"),
        ("Alamat rumah Jl. Raya Serang Km 12", "Serang"),
        ("Rumah saya di Jl. Raya Bogor km 29, tolong teknisinya datang.", "Bogor"),
        ("Internet kami di Jl. Raya Parung Km 21 mati dari pagi.", "Parung"),
    ],
)
def test_homes_on_highways_stay_found(text, address):
    redacted = redact(text).text
    assert _gone(address, redacted), redacted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a booking or an order held under a full name
        ("I reserved table 4 under Nnamdi Okonkwo for Friday night.", "Okonkwo"),
        ("Order under Wojciech Nowak has not shipped yet.", "Nowak"),
        # a self-introduction closed by a dash or a comma
        ("Hi Mrs. Tan, it's Oluchi \u2014 can I pick up the cake at five?", "Oluchi"),
        ("Halo admin, this is Nirwasita, can I move my appointment?", "Nirwasita"),
        # a name before the role that serves ("X the detailer")
        ("Honestly Sutrisno the detailer did a great job on the seats.", "Sutrisno"),
    ],
)
def test_round14_bookings_intros_and_roles_are_found(text, name):
    redacted = redact(text).text
    assert _gone(name, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # bookings under a plan or a section, a team asked to act
        ("My order under Gold Member pricing was charged at the normal rate.", "Member"),
        ("Could Support please call me back today?", "Support"),
        # the speaker of a sermon or a public talk, a hub named after a person
        ("The sermon by Pendeta Markus Situmorang on Sunday was moving.", "Situmorang"),
        ("Narasumber Bapak Anwar Hakim dari OJK menjelaskan dengan jelas.", "Hakim"),
        ("Bisa antar ke Bandara Halim jam 7 pagi?", "Halim"),
    ],
)
def test_round14_plans_speakers_and_hubs_stay(text, kept):
    assert kept in _words(redact(text).text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names printed, stitched or engraved on personalised goods
        ('Tolong tulisannya "Happy Birthday Kinanti" ya kak, warna pink.', "Kinanti"),
        ('Please engrave "Obiageli & Tunde - always" inside the ring.', "Obiageli"),
        ("The towel says 'Zahrani' but I ordered 'Zahrina', please redo it.", "Zahrina"),
        ("Bisa bordir nama 'Kaivan' di handuk bayi?", "Kaivan"),
        ("Nama punggung jersey: SIREGAR 7, LUMBANTOBING 10, MANURUNG 4", "LUMBANTOBING"),
        ("Can my jersey say 'ODUYA 23'? Same size as last time.", "ODUYA"),
    ],
)
def test_printed_names_are_found(text, name):
    redacted = redact(text).text
    assert _gone(name, redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # wishes, sizes, footballers on replica shirts, reported typos, words on goods
        ("Kue tulisan 'Happy Graduation' ya kak, 2 tingkat.", "Graduation"),
        ("Jersey size XXL 3 pcs, XL 2 pcs, nama punggung nyusul.", "XXL"),
        ("Jersey custom nama punggung MESSI 10 bisa kak?", "MESSI"),
        ("Typo di karangan bunga: 'Berduka' jadi 'Berdukka', mohon diganti.", "Berdukka"),
        ("Mug tulisan 'Kopi Kenangan' 20 pcs buat event kantor.", "Kenangan"),
        ("Bisa ukir 'Bismillah' di cincin perak?", "Bismillah"),
        ("Kaos seragam tulisan 'CREW 07' di punggung, 12 pcs.", "CREW"),
        # quotes in a message that is no order for printed goods
        ('The agent said it was "approved with your OTP" but I never got one.', "OTP"),
        ('I got a call "from @HarbourBank" saying my card was blocked.', "HarbourBank"),
    ],
)
def test_printed_lookalikes_stay(text, kept):
    assert kept in _words(redact(text).text.replace("'", " "))


def test_a_partner_no_dictionary_holds_is_found_beside_a_name():
    # a word no dictionary, place or brand list holds, paired with a name already found
    redacted = redact("Kamar buat Rina & Oktaviona ya kak.").text
    assert _gone("Oktaviona", redacted), redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Saya Budi Santoso, mau kirim ke Bekasi dan Cikarang.", "Cikarang"),
        ("Pak Hendra Wijaya sama Shopee sudah saya hubungi.", "Shopee"),
    ],
)
def test_places_and_brands_beside_a_name_stay(text, kept):
    assert kept in _words(redact(text).text)

"""Round 13: East Asian and Vietnamese given names and address forms abroad.

Every phrasing here is this test's own (no string of a corpus file): the names of
``voc/pii/name_syllables.py`` with the compounds, loan words and characters that must stay,
and the street-first, Taiwanese, Korean, Vietnamese and plot addresses of
``voc/pii/address_abroad.py`` with the look-alikes that must stay.
"""

from __future__ import annotations

import pytest

from tests.voc.pii_helpers import gone as _gone
from voc.pii import redact
from voc.pii.name_lexicons import not_name_words
from voc.pii.name_syllables import is_syllable_name


@pytest.mark.parametrize(
    "word",
    ["Jun-ho", "Min-ji", "Seo-yeon", "Jae-Won", "Yi-hsuan", "Mei-fang", "Dong-hyun", "Eun-ji"],
)
def test_two_romanised_syllables_make_a_given_name(word):
    assert is_syllable_name(word, not_name_words().__contains__)


@pytest.mark.parametrize(
    "word",
    [
        "Top-up",  # two everyday words
        "Set-up",
        "Hot-pot",
        "Pop-up",
        "Wi-fi",  # loan compounds
        "Co-op",
        "Di-cek",  # an Indonesian prefix before a loan word
        "Go-jek",  # a brand family
        "Siap-siap",  # reduplication
        "Hip-hop",  # the same consonants around another vowel
        "Tik-tok",
        "Shin-chan",  # a form of address after the name
        "Mi-nya",  # an Indonesian clitic after a word
        "E-mail",  # one letter is no syllable here
        "Check-in",  # no syllable
        "Sarah-Jane",  # no East Asian syllables (the cue finders read it)
    ],
)
def test_compounds_and_loans_are_no_syllable_name(word):
    assert not is_syllable_name(word, not_name_words().__contains__)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my husband Sung-min will pick up the order tomorrow", "Sung-min"),
        ("halo kak, ini Ye-jin, pesanan aku kok belum dikirim ya", "Ye-jin"),
        ("barusan Hyun-jae dari tim gudang nelpon, katanya stok habis", "Hyun-jae"),
        ("please send the invoice to Lin Chia-hui, our finance lead", "Lin Chia-hui"),
        ("Receiver: Park Ji-woo, thanks", "Park Ji-woo"),
        ("hi it's Seo-yeon, the seller never replied to my chat", "Seo-yeon"),
    ],
)
def test_hyphenated_given_names_are_redacted(text, value):
    redacted = redact(text).text
    assert _gone(value, redacted), redacted


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the parcel for Tran Thi Thu was left at the wrong gate", "Tran Thi Thu"),
        ("Pham Van Duc here, my refund is still pending", "Pham Van Duc"),
        ("tolong hubungi ibu saya Nguyen Ngoc Anh ya", "Nguyen Ngoc Anh"),
    ],
)
def test_vietnamese_full_names_are_redacted(text, value):
    redacted = redact(text).text
    assert _gone(value, redacted), redacted


@pytest.mark.parametrize(
    "text",
    [
        "the hotel on Le Van Sy street was noisy all night",
        "our hotel was on Nguyen Thi Minh Khai Road, very noisy",
        "flight to Ho Chi Minh City delayed again",
        "Nguyen Trai is a busy road, the courier got lost",
    ],
)
def test_vietnamese_streets_and_cities_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "Top-up pulsa gagal terus dari tadi pagi",
        "The pop-up store at the mall closes at 9",
        "Set-up router baru ribet bgt, manualnya gak jelas",
        "Wi-fi di lobby mati lagi",
        "kue ulang tahun Shin-chan buat 20 orang bisa?",
        "Hip-hop night-nya jadi dibatalin?",
        "nonton fan meeting sama Cha Eun-woo tahun lalu seru banget",
        "Di-cek dulu ya kak resinya",
    ],
)
def test_compounds_characters_and_stars_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Please ship it to Via dei Coronari 18, 00186 Roma, Italy before Friday",
            "Via dei Coronari 18, 00186 Roma, Italy",
        ),
        (
            "new address: ul. Marszałkowska 21/5, 00-628 Warszawa, Poland",
            "ul. Marszałkowska 21/5, 00-628 Warszawa, Poland",
        ),
        (
            "Deliver to Rua Augusta 90, apto 12, 1100-053 Lisboa, Portugal please",
            "Rua Augusta 90, apto 12, 1100-053 Lisboa, Portugal",
        ),
        (
            "mi dirección: Calle Mayor 7, 2º dcha, 28013 Madrid, Spain",
            "Calle Mayor 7, 2º dcha, 28013 Madrid, Spain",
        ),
        (
            "ship to Av. Santa Fe 1200, Piso 3, C1059 Buenos Aires, Argentina. thanks",
            "Av. Santa Fe 1200, Piso 3, C1059 Buenos Aires, Argentina",
        ),
        (
            # a town that is an everyday Indonesian word ("lima" is five) after a street word
            "kirim ke Calle Las Palmas 310, Dpto 5, Surco, Lima 15038 ya",
            "Calle Las Palmas 310, Dpto 5, Surco, Lima 15038",
        ),
        (
            "my sister lives at 3F, No. 8, Alley 2, Lane 100, Minsheng East Road, "
            "Songshan District, Taipei 105. Her parcel is late",
            "3F, No. 8, Alley 2, Lane 100, Minsheng East Road, Songshan District, Taipei 105",
        ),
        (
            "kirim ke 101-502, 27 Olympic-ro, Songpa-gu, Seoul ya kak",
            "101-502, 27 Olympic-ro, Songpa-gu, Seoul",
        ),
        (
            "my shop is at home: 45 Le Loi, Ward 6, District 3, Ho Chi Minh City",
            "45 Le Loi, Ward 6, District 3, Ho Chi Minh City",
        ),
        (
            "we moved to Plot 22, Ahmadu Bello Way, Victoria Island, Lagos last month",
            "Plot 22, Ahmadu Bello Way, Victoria Island, Lagos",
        ),
    ],
)
def test_addresses_abroad_are_redacted(text, value):
    result = redact(text)
    assert value not in result.text and "[ADDRESS]" in result.text, result.text
    assert any(text[s.start : s.end] == value for s in result.spans if s.type == "ADDRESS"), [
        text[s.start : s.end] for s in result.spans
    ]


@pytest.mark.parametrize(
    "text",
    [
        "bayar via BCA 2 kali, 10000 poin belum masuk",
        "Gate No. 3, Terminal 2 was closed so we missed the flight",
        "the plot of episode 7, season 2 was a letdown",
        "beli 5 tiket, lima 15000 kurang",
    ],
)
def test_look_alikes_of_addresses_abroad_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "my wife Min-ji and I moved to Via dei Coronari 18, 00186 Roma, Italy",
        "kirim ke 101-502, 27 Olympic-ro, Songpa-gu, Seoul, penerima Park Ji-woo",
    ],
)
def test_a_second_redaction_changes_nothing(text):
    once = redact(text).text
    assert redact(once).text == once


@pytest.mark.parametrize(
    "text",
    [
        "salonnya yg mana sih, the salon on Jl. Kenanga No. 12, Menteng?",
        "coworking di Jl. Pantai Berawa No. 9 buka jam berapa?",
        "Ruko kalian di Komplek Niaga Blok F No. 8 BSD masih buka?",
        "tolong perpanjang villa 3 malam lagi ya",
        "can we extend the villa 2 nights?",
    ],
)
def test_salons_coworking_and_nights_are_no_home(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("kirim ke salon saya di Jl. Melati No. 3 ya", "Jl. Melati No. 3"),
        ("saya tinggal di ruko Blok C No. 21 BSD, kirim kesana", "Blok C No. 21"),
    ],
)
def test_the_writers_own_salon_or_shophouse_stays_an_address(text, value):
    assert value not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        # drinks and cakes named like people, a film's star, a suite's quoted name
        "the Earl Grey latte was cold, and the Tom Collins too sweet",
        "kue Lapis Legit sama kue Nastar ready?",
        "pengen nonton film Dilan lagi di bioskop kalian",
        'kamar "Sekar Jagad" nya masih kosong?',
        # a code ending in a letter and a full stop is no initial
        "Serial number TX-5521-B. Garansi masih jalan kan?",
        # a role written short, a desk addressed as Sir or Madam
        "note dari CS: 'Cust minta refund penuh'",
        "Yth Bapak/Ibu Manajemen,\nkami mau komplain soal parkir",
        "Father Christmas costumes are sold out already?",
        # a venue named for an event, a firm's kitchen
        "for our town hall, venue: Aula Wisma Barat, Jl. Merdeka No. 5, the food came late",
        "dapur kalian di Jl. Raya Serpong Km 7 boleh dikunjungi?",
    ],
)
def test_round13_look_alikes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Father Benediktus led the mass beautifully, thank you", "Benediktus"),
        ("barber Gilang potongnya rapi banget", "Gilang"),
        ("the dispatcher wahyu hung up on me twice", "wahyu"),
        ("Yth Bapak/Ibu Suharto, pesanan anda sudah dikirim", "Suharto"),
        ("kue buat ultah Nadia, tolong tulis namanya yg jelas", "Nadia"),
    ],
)
def test_round13_people_are_still_found(text, value):
    assert _gone(value, redact(text).text), redact(text).text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "she lives at Purok 5, Barangay Poblacion, Lipa City now",
            "Purok 5, Barangay Poblacion, Lipa City",
        ),
        (
            "padala ke 12-A Rizal Street, Barangay San Roque, Marikina 1801 ya",
            "12-A Rizal Street, Barangay San Roque, Marikina 1801",
        ),
        (
            "my sister's flat: 8/F Block B, Lok Fu Gardens, Kowloon. Please courier it",
            "8/F Block B, Lok Fu Gardens, Kowloon",
        ),
        ("gửi về số 21 ngõ 8 Kim Mã, Ba Đình, Hà Nội nhé", "số 21 ngõ 8 Kim Mã, Ba Đình, Hà Nội"),
        (
            "alamat baru: Perumahan Taman Sari Blok Melati 2 No. 14, Cikarang",
            "Perumahan Taman Sari Blok Melati 2 No. 14, Cikarang",
        ),
    ],
)
def test_round13_more_addresses_are_redacted(text, value):
    result = redact(text)
    assert any(text[s.start : s.end] == value for s in result.spans if s.type == "ADDRESS"), [
        text[s.start : s.end] for s in result.spans
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the 3/F Block A, Meeting Room talk moved online",
        "kirim 3 dus ke Hong Kong, berapa ongkirnya?",
        "the session moved to Court C, the app still says Court A",
        "harga gas di agen Pangkalan Maju Jaya naik lagi",
        "kapan ada promo Lebaran lagi?",
        "Your warehouse at Jl. Kapten Tendean No. 9 is closed today?",
    ],
)
def test_round13_more_look_alikes_stay(text):
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the instructor Bayu shouted at the kids", "Bayu"),
        ("wasit Rahmat salah kasih kartu merah", "Rahmat"),
        ("Emergency contact: Pieter van der Meer, +31 6 1234 5678", "Pieter van der Meer"),
    ],
)
def test_round13_more_people_are_found(text, value):
    redacted = redact(text).text
    assert value not in redacted and _gone(value.split()[0], redacted), redacted


def test_a_placeholder_is_no_talk_of_a_name():
    # A second redaction must not read "[NAME]" as the word "name" and take a move between
    # two rooms for a change of passenger names.
    text = "We got a [NAME] upgrade offer, can we move from Ocean View to Garden View room?"
    assert redact(text).text == text
    swap = "please change the passenger from Sunny Blake to Harper Blake"
    assert redact(swap).text == "please change the passenger from [NAME] to [NAME]"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("tolong ganti data siswa Kenzo, alamatnya pindah", "Kenzo"),
        ("my team captain Diego Alves forgot to register me", "Diego Alves"),
    ],
)
def test_students_and_team_captains_are_people(text, value):
    assert value not in redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "Selamat pagi Bapak/Ibu Biro Keuangan,\nmohon info pembayaran",
        "Yth. Tim Layanan Pelanggan, aplikasi error terus",
        "PO Sumber Makmur tolong AC bus nya dicek",
        "Vessel: KM Lambelu, departure 08.00",
        "Nama properti: Graha Asri Homestay",
        "is the Clarissa setting powder original?",
    ],
)
def test_desks_bus_firms_ships_and_products_stay(text):
    assert redact(text).text == text


def test_a_known_given_name_paired_with_a_found_name_is_found_once():
    # The first redaction finds both people, so a second one has nothing left to find.
    text = "Dimas sama Fajar udah coba login tapi akun kasirnya keblokir"
    once = redact(text).text
    assert "Dimas" not in once and "Fajar" not in once
    assert redact(once).text == once

"""Round 7 look-alikes: products, shops and labels in a name's place; names beside them."""

from __future__ import annotations

import pytest

from voc.pii import redact


def _assert_redacted(text: str, value: str, kind: str) -> None:
    """``value`` is gone from the redacted text, a ``[kind]`` placeholder stands there, and
    redacting the result again changes nothing."""
    result = redact(text)
    assert value not in result.text
    assert f"[{kind}]" in result.text
    assert redact(result.text).text == result.text  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        # a product kind before the Capitalised words
        "kak sabun Melati Segar Wangi masih dijual di minimarket?",
        "Beras Sri Rejeki Pulen 10kg kok harganya naik terus",
        "minyak goreng Bunga Matahari 1L stoknya kosong ya kak",
        "Lipstik shade 'Ratna' yang matte udah restock belum?",
        "Can I book the meeting room 'Harmoni' on the 5th floor via the app?",
        # a shop or product word closing the run
        "Kak, Larasati Bakery yang di Cikini masih buka jam 8?",
        "The cashier at your Sunny Side Café in Kemang was lovely.",
        "jgn ke rek toko Budi Jaya Elektronik ya, itu bukan punya saya",
        "I bought the Amelia Rose scarf in navy last week",
        "Is the Lestari Court branch open on Sunday?",
        # a global brand word inside the name
        "A Christian Dior Sauvage bottle was charged twice on my card",
        # an eatery word opening a name after an honorific
        "kak Soto Pak Darmo cabang Tebet masih buka?",
        "kak Bakso Lapangan Tembak bisa pesan antar?",
        # "dr" as chat for "dari", "Teh" as the drink
        "ongkir dr Semarang ke Kupang brp kak?",
        "pesen 12 pcs Teh Kembang Wangi kok yg dateng 10",
        "enakan Teh Hijau Sejuk atau yang original kak?",
    ],
)
def test_product_shop_and_label_lookalikes_are_kept(text):
    assert redact(text).spans == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # names still found next to the look-alikes
        ("Teh Rina, paket saya udah sampai belum?", "Rina"),
        ("hasil lab dari dr. Andi Wijaya belum keluar", "Andi Wijaya"),
        ("My name is Will Hartono and my order is late.", "Will Hartono"),
        ("Thanks, Hope Gunawan.", "Hope Gunawan"),
        ("istri saya, Anggun Pertiwi, yang ambil paketnya", "Anggun Pertiwi"),
        ("paketnya dititip di lobi, penerimanya Raka Mahendra", "Raka Mahendra"),
        ("penerimanya harusnya Dimas Prakoso, bukan saya", "Dimas Prakoso"),
        ("halo, ini Bimo. paket saya kapan sampai?", "Bimo"),
    ],
)
def test_names_beside_lookalikes_are_redacted(text, name):
    _assert_redacted(text, name, "NAME")


@pytest.mark.parametrize(
    "text",
    [
        "Will the refund come back to my card?",
        "ok, will check again tomorrow",
        "Ibu Pertiwi menangis melihat ini",
        "petugasnya jelasin semua dengan sabar",
    ],
)
def test_word_names_stay_words_without_a_strong_cue(text):
    assert redact(text).spans == ()


@pytest.mark.parametrize(
    "text",
    [
        "The driver waited at Kota Kasablanka Mall 1 for twenty minutes.",
        "ketemuan di Pondok Gede Plaza aja kak",
        "Our office di Gedung Sentra lantai 12 mau pesan 30 nasi box.",
        "Our office on level 9 of Menara Astra never gets the parcels on time.",
        "kantor Tiki di Jl. Merdeka No. 40 tutup jam berapa kak?",
    ],
)
def test_public_places_and_company_offices_are_no_address(text):
    assert redact(text).spans == ()


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "alamat baru saya Perumahan Griya Asri Blok Melati C7 No. 3, Cileungsi, Bogor",
            "Perumahan Griya Asri Blok Melati C7 No. 3, Cileungsi, Bogor",
        ),
        ("kirim ke kantor saya di Wisma Mulia lantai 12 ya", "Wisma Mulia lantai 12"),
        ("kirim ke kantor suami saya di Jl. Merdeka No. 40", "Jl. Merdeka No. 40"),
    ],
)
def test_addresses_beside_the_public_places_are_redacted(text, address):
    _assert_redacted(text, address, "ADDRESS")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Please move the guest on booking QX-5521 from Daisy Morgan to Carter Morgan.",
            ["Daisy Morgan", "Carter Morgan"],
        ),
        ("tolong ganti nama penumpang dari Andi Wijaya ke Budi Santoso", ["Andi Wijaya"]),
        ("paketnya dititip satpam, kurirnya bilang penerimanya Untung Siregar", ["Siregar"]),
    ],
)
def test_swapped_names_and_everyday_first_names_are_redacted(text, names):
    result = redact(text).text
    assert all(name not in result for name in names)


@pytest.mark.parametrize(
    "text",
    [
        "Please change my flight from Garuda Indonesia to Batik Air, passenger name stays",
        "We moved the guest from Kebon Jeruk to Kelapa Gading last week.",
        "Love it. Thanks Google Play",
        "kak Baik Sekali pelayanannya",
    ],
)
def test_routes_brands_and_praise_stay(text):
    assert redact(text).spans == ()


@pytest.mark.parametrize(
    "text",
    [
        # a hospital, clinic or eatery named after a person, before the honorific
        "RS Dr. Kartono Wirosaputro parkirannya penuh terus tiap pagi",
        "Klinik dr. Hartanto tutup jam berapa hari minggu?",
        "Apotek Bu Sumarni kok stok vitaminnya kosong terus",
        "Nasi Uduk Hj. Romlah langganan saya, tp kemarin basi",
        "Is Soto Pak Darmaji open on public holidays?",
        # a shop word inside the Capitalised run
        "makasih mas barista Senja Coffee Tebet, kopinya enak",
        # public names side by side
        "Raffi sama Gading iklannya muncul terus di tv",
        # "si" before a character, in talk about a show or a mascot
        "The Si Kancil mascot at the mall was so cute",
        "Si Komo masih tayang gak sih sekarang?",
        # a word after a hyphen is part of a compound, and a station number is no house number
        "The Wi-Fi at your Kemang branch keeps dropping.",
        "isi bensin di SPBU 31.128.02 Jl. Raya Serpong takarannya kurang",
    ],
)
def test_places_characters_and_public_names_are_kept(text):
    assert redact(text).spans == ()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("janji temu di Klinik dr. Hartanto, nama pasien: Wahyu Pranoto", "Wahyu Pranoto"),
        ("di klinik tadi, dr. Hartanto bilang harus kontrol lagi", "Hartanto"),
        ("tadi saya ngobrol sama Rina soal refund", "Rina"),
        ("si Rina CS nya jutek banget pas saya telpon", "Rina"),
        ("Dian at your Kemang branch was very helpful", "Dian"),
    ],
)
def test_people_beside_places_and_characters_are_redacted(text, name):
    _assert_redacted(text, name, "NAME")

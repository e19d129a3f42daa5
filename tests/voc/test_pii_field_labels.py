"""Form-field labels after "Nama": the label is no name, the name after it still is."""

from __future__ import annotations

import pytest

from voc.pii import redact


@pytest.mark.parametrize(
    "text",
    [
        "Nama Penerima",
        "Nama Pengirim di resi salah",
        "Tolong cek Nama Penerima di resi, kak",
        "Nama Pemesan tidak muncul di tiket",
        "Nama Penumpang harus sesuai KTP ya?",
        "Kolom Nama Tertanggung kosong",
        "Nama Pelapor wajib diisi",
        "Nama Ibu Kandung yang saya isi beda",
        "Nama Penerima Paket",
    ],
)
def test_a_field_label_after_nama_is_kept(text):
    """'Nama Penerima' (recipient's name) was redacted to 'Nama [NAME]'."""
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nama Penerima: Budi Santoso", "Budi Santoso"),
        ("Nama Penumpang Wahyu Hidayat, kursi 12A", "Wahyu Hidayat"),
        ("Nama Pelapor: Sri Wahyuni", "Sri Wahyuni"),
        ("Nama Ibu Kandung: Siti Aminah", "Siti Aminah"),
        ("nama Budi Santoso, no order 123", "Budi Santoso"),
        ("Nama Tertanggung : Rasyid Ridho", "Rasyid Ridho"),
    ],
)
def test_the_name_in_the_field_is_still_redacted(text, name):
    redacted = redact(text).text
    assert not any(word in redacted for word in name.split()), redacted
    assert "Nama" in redacted or "nama" in redacted
    label = text.split(":")[0].split(name)[0].strip()
    assert redacted.startswith(label), redacted


@pytest.mark.parametrize(
    "text",
    [
        "Yth. Bapak/Ibu Pemegang Polis",
        "Suster Jaga tidak respon",
        "Nama Rekening Tujuan tidak sesuai",
        "Ibu Negara hadir di acara peresmian",
        "Mbak Pramugari ramah sekali",
        "Ibu Kos marah karena telat bayar",
        "Kang Parkir minta 5000",
        "Ibu Hamil dapat antrean prioritas",
        "Kak Pengirim tolong kirim ulang",
        "Mas Ganteng kurirnya",
        "Petugas Loket galak",
        "Teknisi Lapangan datang telat",
        "Supervisor Shift Malam ramah",
        "Talked to Tech Support, no help",
        "From: Marketing Team",
        "I was helped by Technical Support",
        "Shout out to Night Shift team",
    ],
)
def test_a_very_frequent_word_after_an_honorific_is_kept(text):
    """'Suster Jaga' (the nurse on duty) became 'Suster [NAME]'."""
    assert redact(text).text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pak Untung sudah datang", "Untung"),  # a frequent word, and a name after Pak
        ("Bu Sabar ramah sekali", "Sabar"),
        ("Suster Rina baik", "Rina"),
        ("Ibu Indah yang bantu", "Indah"),  # frequent, but a known given name
        ("Nama Rekening Tujuan: Budi Santoso", "Budi"),
        ("Nama Pengirim: Rina Wijaya", "Rina"),
        ("Pengirim: Hendra Gunawan", "Hendra"),
        ("Petugas Loket Budi Santoso galak", "Budi"),
        ("Talked to Rina from Support", "Rina"),
        ("Thanks Dewi Team CS", "Dewi"),  # a known given name before a team word
        ("CS Rina shift malam ramah", "Rina"),
    ],
)
def test_names_after_an_honorific_are_still_redacted(text, name):
    assert name not in redact(text).text

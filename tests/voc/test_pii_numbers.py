"""Number cues: a word naming whose number it is does not hide the cue saying what it is."""

from __future__ import annotations

import pytest

from voc.pii import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIK pelanggan 3174051208900003 tidak cocok", "NIK pelanggan [NIK] tidak cocok"),
        ("nomor KTP member: 3273015509850002", "nomor KTP member: [NIK]"),
        ("NIK pemegang polis 3578104602910001 ya", "NIK pemegang polis [NIK] ya"),
        ("refund ke rekening pelanggan 1234567890", "refund ke rekening pelanggan [ACCOUNT]"),
        ("rek BCA customer 5430987612 a.n. saya", "rek BCA customer [ACCOUNT] a.n. saya"),
        ("VA tagihan 8808123456789012 gagal", "VA tagihan [ACCOUNT] gagal"),
        ("kartu kredit customer 4556737586899855", "kartu kredit customer [CARD]"),
        ("NPWP pelanggan 012345678901000 salah", "NPWP pelanggan [NPWP] salah"),
    ],
)
def test_owner_word_between_cue_and_number(text, expected):
    assert redact(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "rekening listrik id pelanggan 512345678901 belum lunas",  # a customer id
        "id pelanggan PLN 512345678901",
        "kartu member 1234567890 sudah aktif",  # a membership card number
        "no rek pembayaran customer id 88081234567",  # the owner word names an id
        "rek saya beda, order 12345678 dibatalkan",  # another label, not an owner word
    ],
)
def test_owner_words_leave_look_alikes_alone(text):
    assert redact(text).text == text

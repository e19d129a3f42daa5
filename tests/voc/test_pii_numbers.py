"""Number cues: whose number it is, where money goes (transfers, IBANs) and what it is."""

from __future__ import annotations

import re

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money sent to a number: an account (a mobile number stays a phone)
        ("udh transfer ke 5521098834 a.n. Toni", "udh transfer ke [ACCOUNT] a.n. [NAME]"),
        ("sudah tf ke 8830012245 (BNI) kak", "sudah tf ke [ACCOUNT] (BNI) kak"),
        ("transfer ke 081355512345 ya (dana)", "transfer ke [PHONE] ya (dana)"),
        # someone's account with the bank in brackets
        ("paid from my husband's account (ANZ 0331 5520 8841)", None),
        # an IBAN with right check digits
        ("Please wire it to IBAN NL91 ABNA 0417 1643 00 today", None),
        # a second virtual account in grouped digits, far from its cue
        ("VA nya beda? kemarin 7008 1200 4418 3302 sekarang jadi 7008 1200 4418 5566", None),
    ],
)
def test_transfer_iban_and_grouped_accounts(text, expected):
    result = redact(text)
    if expected is None:
        assert result.spans and all(span.type == "ACCOUNT" for span in result.spans)
        assert re.search(r"\d{4}", result.text) is None
    else:
        assert result.text == expected
    assert redact(result.text).text == result.text  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        "sudah transfer ke toko Rp 150.000 kemarin",
        "transfer ke 3 rekening sekaligus bisa?",
        "kode NL92 ABNA 0417 1643 00 di struk itu apa ya",  # wrong check digits
        "tolong transfer ke cabang 14045 untuk info",  # a hotline
    ],
)
def test_transfer_and_iban_look_alikes_are_kept(text):
    assert redact(text).spans == ()

"""PII redaction: types and languages, look-alikes, offsets, idempotence, corpus floors, CLI."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from voc.cli import app
from voc.errors import ConfigError, InputFileError, ValidationError
from voc.pii import (
    FACTORY_NAME,
    PII_TYPES,
    PiiRedactor,
    PiiSpan,
    Redaction,
    build_pipeline,
    redact,
    redact_batch,
)
from voc.pii.evaluate import evaluate, load_corpus
from voc.pii.types import apply_spans
from voc.pii.validators import luhn_valid, nik_valid

CORPUS = Path(__file__).resolve().parents[1] / "data" / "pii"
# The development parts, named one by one. heldout*.jsonl files were written blind to the rules;
# only the floor test below reads them, never a test that guides rule writing.
DEV_PARTS = (
    "dev.jsonl",
    "dev_2.jsonl",
    "dev_extra.jsonl",
    "dev_3.jsonl",
    "dev_4.jsonl",
    "dev_5.jsonl",
    "dev_6.jsonl",
    "dev_7.jsonl",
    "dev_8.jsonl",
    "dev_9.jsonl",
    "dev_10.jsonl",
    "dev_11.jsonl",
    "dev_12.jsonl",
    "dev_13.jsonl",
    "dev_14.jsonl",
    "dev_15.jsonl",
    "dev_16.jsonl",
    "dev_17.jsonl",
    "dev_18.jsonl",
    "dev_19.jsonl",
    "dev_20.jsonl",
    "dev_21.jsonl",
    "dev_22.jsonl",
    "dev_23.jsonl",
    "dev_24.jsonl",
    "dev_25.jsonl",
    "dev_26.jsonl",
    "dev_27.jsonl",
    "dev_28.jsonl",
    "dev_29.jsonl",
    "dev_30.jsonl",
    "dev_31.jsonl",
    "dev_32.jsonl",
    "dev_33.jsonl",
    "dev_34.jsonl",
    "dev_35.jsonl",
    "dev_36.jsonl",
    "dev_37.jsonl",
    "dev_38.jsonl",
    "dev_39.jsonl",
    "dev_40.jsonl",
    "dev_41.jsonl",
    "dev_42.jsonl",
    "dev_43.jsonl",
    "dev_44.jsonl",
    "dev_45.jsonl",
    "dev_46.jsonl",
    "dev_47.jsonl",
    "dev_48.jsonl",
    "dev_49.jsonl",
)


def _dev_corpus():
    return [case for part in DEV_PARTS for case in load_corpus(CORPUS / part)]


# (text, PII value, type): one or more per type and language; all data is fake.
CASES = {
    "id": [
        ("hubungi saya di 0812-3456-7890 ya kak", "0812-3456-7890", "PHONE"),
        ("WA +62 857 1122 3344 aja", "+62 857 1122 3344", "PHONE"),
        ("telp kantor (021) 5551234", "(021) 5551234", "PHONE"),
        ("email saya budi.santoso@yahoo.co.id", "budi.santoso@yahoo.co.id", "EMAIL"),
        ("NIK saya 3209250511761663 ditolak", "3209250511761663", "NIK"),
        ("npwp 01.234.567.8-901.000 untuk faktur", "01.234.567.8-901.000", "NPWP"),
        ("kartu kredit 4526 0181 5908 3012 kena charge", "4526 0181 5908 3012", "CARD"),
        ("refund ke rek BCA 1234567890 ya", "1234567890", "ACCOUNT"),
        ("bayar ke VA 8808123456789012 belum lunas", "8808123456789012", "ACCOUNT"),
        ("paket atas nama Siti Nurhaliza belum sampai", "Siti Nurhaliza", "NAME"),
        ("Saya komplain ke Bu Ratna di cabang", "Ratna", "NAME"),
        ("nama saya dewi anggraini, mau tanya", "dewi anggraini", "NAME"),
        (
            "kirim ke Jl. Kenanga Raya No. 5 RT 03/RW 05 ya",
            "Jl. Kenanga Raya No. 5 RT 03/RW 05",
            "ADDRESS",
        ),
        ("rumah saya kode pos 55281 tidak dikenali", "55281", "ADDRESS"),
    ],
    "en": [
        ("Call me back at +1 (415) 555-0132 please", "+1 (415) 555-0132", "PHONE"),
        ("Send the receipt to john.doe1985@gmail.com", "john.doe1985@gmail.com", "EMAIL"),
        ("KYC keeps failing with NIK 1101241704921945", "1101241704921945", "NIK"),
        ("Please add our tax ID 087013676222000", "087013676222000", "NPWP"),
        ("I was charged twice on my card 4821 9935 1819 0934", "4821 9935 1819 0934", "CARD"),
        ("Refund to account number 0601234567 at BCA", "0601234567", "ACCOUNT"),
        ("My name is John Miller and I want to close my account", "John Miller", "NAME"),
        ("Mr. Tan at the branch refused to help", "Tan", "NAME"),
        ("Please deliver to 221B Baker St, Apt 4B", "221B Baker St, Apt 4B", "ADDRESS"),
    ],
    "mixed": [
        ("kak my number is 0856-7788-9900, tolong follow up", "0856-7788-9900", "PHONE"),
        ("pls reset akun fitri.handayani@gmail.com", "fitri.handayani@gmail.com", "EMAIL"),
        ("pls fix my nik 1109121109801002, salah digit", "1109121109801002", "NIK"),
        ("tax number 02.095.121.2-450.002 tolong diupdate", "02.095.121.2-450.002", "NPWP"),
        (
            "my debit card 4768426846563212 got declined tapi saldo cukup",
            "4768426846563212",
            "CARD",
        ),
        ("pls transfer the refund to BNI 0298765432", "0298765432", "ACCOUNT"),
        ("my name is ayu, please help track my parcel", "ayu", "NAME"),
        (
            "pls deliver ke Jl. Cempaka Putih Tengah No. 3, thanks",
            "Jl. Cempaka Putih Tengah No. 3",
            "ADDRESS",
        ),
    ],
}
PARAMS = [
    pytest.param(lang, text, value, pii_type, id=f"{lang}-{pii_type}-{i}")
    for lang, cases in CASES.items()
    for i, (text, value, pii_type) in enumerate(cases)
]

# Look-alikes that must stay untouched.
HARD_NEGATIVES = [
    "Pesanan INV/20260512/MPL/123456 belum dikirim",
    "resi JP1234567890 dan SPXID0123456789 ga update",
    "Harga Rp 150.000, ongkir Rp15rb, total IDR 1.250.000,00",
    "Paket tiba 12/05/2026 jam 14.30 WIB, refund 2026-05-12",
    "Tiket #TK-88231, voucher HEMAT50, SKU BRG-00123-XL",
    "Penerbangan GA 123 dan QZ7510 delay",
    "Sudah telepon 14045 dan 1500-888, juga *123#",
    "Aplikasi versi v4.12.3 crash, beli 3 pcs",
    "kak tolong dibantu ya, mas kurirnya ramah",
    "Lagi di jalan, macet di jalan tol",
    "Rekening saya terpotong Rp 1.500.000 tanpa notifikasi",
    "Order ID 2405121234567890 refund belum diproses",
    "Nama saya tidak muncul di daftar penerima",
    "Kak Tolong Dibantu Pesanan Saya Belum Sampai",
    "Call center 021-500-888 sibuk",
    "Terima kasih, Admin",
]

# Names after the wider cue classes: (text, name), Indonesian, English and mixed.
NAME_CASES = [
    ("order under the name of Lukas Hartanto never shipped", "Lukas Hartanto"),
    ("the reservation is in the name of Kevin Tan", "Kevin Tan"),
    ("Name on the card: Melissa Tanuwijaya", "Melissa Tanuwijaya"),
    ("his name is Arman and he was rude", "Arman"),
    ("cs nya namanya tika, baik bgt", "tika"),
    ("nama kurirnya Bagus, dia lempar paket", "Bagus"),
    ("driver yg bernama Joko Susilo minta bayar lebih", "Joko Susilo"),
    ("yang ngangkat telepon namanya mbak rani", "rani"),
    ("Penerima: ibu wulandari", "wulandari"),
    ("minta tolong dihubungi pak budi santoso ya", "budi santoso"),
    ("Aku Sela, pelanggan setia, kenapa voucher gak bisa dipakai", "Sela"),
    ("Ini Budi, pelanggan lama, mau tanya tagihan", "Budi"),
    ("Hi, Andrew here. My order is late", "Andrew"),
    ("Sudah saya sampaikan ke teknisi Gunadi kemarin", "Gunadi"),
    ("The technician, Ardiansyah, fixed it in ten minutes", "Ardiansyah"),
    ("sudah bicara dengan Andi tapi belum ada solusi", "Andi"),
    ("Thanks Kevin for sorting it out so fast", "Kevin"),
    ("barusan call dengan agent Tania, she said tunggu 2 hari", "Tania"),
    ("tolong refund, account under the name of Kurniawati ya", "Kurniawati"),
    ("the account holder is my late father, Robertus Simanjuntak", "Robertus Simanjuntak"),
    ("pacarku, si Arga, yang pesen pake akun aku", "Arga"),
    ("saya Ny. Hartini, ingin mengganti nomor HP terdaftar", "Hartini"),
    ("nama di aplikasi Sugiono, orangnya tinggi", "Sugiono"),
    ("pengirimnya CV Berkah, tapi yang terima Rini", "Rini"),
    ("nama aku tuh Salsabila bukan Salsa", "Salsabila"),
    ("complaint filed by Mrs. Halimah binti Ahmad", "Halimah binti Ahmad"),
    ("TOLONG PAK BUDI CEK PESANAN SAYA", "BUDI"),
    ("My account is under my maiden name, Siti Rohani", "Siti Rohani"),
    ("the cardholder name is ADRIANUS TANJUNG, please check", "ADRIANUS TANJUNG"),
    ("cc: Hendra Gunawan (manager), Lydia Tan (finance)", "Lydia Tan"),
]

# Signatures: a name that closes the message after a sign-off, a dash or alone on its line.
SIGNATURE_CASES = [
    ("Salam,\nIndra Gunawan", "Indra Gunawan"),
    ("Regards, Anita Sari", "Anita Sari"),
    ("Mohon segera diproses.\n\nHormat saya,\nDrs. Suparman", "Suparman"),
    ("tolong segera dicek ya\nMakasih, Nurlela", "Nurlela"),
    ("Please fix this.\n\nKind regards,\nPatricia Halim\n0813-7700-1122", "Patricia Halim"),
    ("Cheers,\nLiam O'Connor", "Liam O'Connor"),
    ("still waiting for the callback - Hendrik", "Hendrik"),
    ("Regards,\nDimas Anggara (pelanggan sejak 2018)", "Dimas Anggara"),
    ("udah 3 hari belum sampai, tolong dicek\nRizky", "Rizky"),
]

# Brands and businesses built on an honorific or a person's name, company branches and
# landmarks, look-alike numbers: all stay.
LOOKALIKE_NEGATIVES = [
    # 20-digit prepaid electricity tokens grouped by four: the first 16 digits pass Luhn
    "Token listrik 4111 1111 1111 1111 0019 gak bisa masuk ke meteran",
    "my PLN token 5555 5555 5555 4444 7781 was rejected twice",
    "beli di Mr. DIY kemarin, barangnya cacat",
    "Dr. Martens boots arrived with a scuffed toe",
    "sepatu Dr. Martens saya lecet padahal baru",
    "Mrs. Fields cookies in the hamper were stale",
    "the Ms. Word template you sent is broken",
    "Sate Pak Slamet tutup hari ini",
    "tas Charles & Keith yang datang KW",
    "Thanks Shopee, paketnya cepat",
    "driver Maxim minta ongkos tambahan",
    "Salam Sehat",
    "Regards,\nTim Customer Care",
    "this is Ridiculous, still no refund",
    "kirim ke Jakarta tapi nyampe Bandung",
    "Cabang Jl. Thamrin antriannya panjang",
    "ATM BCA di Jl. Gatot Subroto rusak dari kemarin",
    "the outlet on Jl. Pemuda was closed at 8pm",
    "macet di Jl. Sudirman bikin kurir telat",
    "kantor cabang di Jl. Asia Afrika No. 8 tutup lebih awal",
    "IMEI HP saya 356650752917031 diblokir padahal beli resmi",
    "my phone IMEI 864236671276843 is not registered",
    "HP baru saya 356650752917031 ga bisa sinyal, IMEI belum terdaftar",
    "Pesanan no. 2405-2330-7924-4020 belum dikirim",
    "Hubungi Halo BCA 1500888 katanya",
    "called BNI 1500046 twice, no answer",
    "ID pelanggan 532100123456 token ga masuk",
    "idpel 532100123457 sudah bayar tp listrik padam",
    "kartu BPJS 0001234567890 tidak bisa dipakai",
    "SKU 8991234567890 salah kirim warna",
    "Mr. Bread roti nya keras",
    "Mister Potato chips expired",
    "Kak Gemoy banget sih CS nya",
    "Regards,\nMaju Jaya Motor",
    "Unit 3 dari 5 barang rusak",
    "dengan senang hati, kirim ke rumah nenek",
]

# Numbers and e-mails in the wider phrasings: (text, value, type).
NUMBER_CASES = [
    ("kartu 4111 1111 1111 1111 123 exp 12/27", "4111 1111 1111 1111 123", "CARD"),  # + CVV
    ("NIK 3174 0512 0490 0002 1 salah ketik", "3174 0512 0490 0002", "NIK"),  # a stray digit
    ("refund to a/c 0067 1234 56 at BCA", "0067 1234 56", "ACCOUNT"),
    ("Please transfer to acct 7720098812", "7720098812", "ACCOUNT"),
    ("norek lama 1230004455 udah tutup, pakai 1230009988 aja", "1230009988", "ACCOUNT"),
    ("kartu kredit BCA 4556 7375 8689 9855 dobel tagih", "4556 7375 8689 9855", "CARD"),
    ("Amex 379378657975432 was charged", "379378657975432", "CARD"),
    ("email ke ratna dot sari at gmail dot com aja", "ratna dot sari at gmail dot com", "EMAIL"),
    ("Transaksi 5384-1485-2538-8858 tidak dikenali", "5384-1485-2538-8858", "CARD"),
    ("ke rekening mandiri no 123-00-9876543-2 an. Paulus", "123-00-9876543-2", "ACCOUNT"),
    ("Account: 003-123456-789 (OCBC)", "003-123456-789", "ACCOUNT"),
    (
        "Please update my address to Unit 12B, 88 Jalan Sultan Ismail, Kuala Lumpur",
        "Unit 12B, 88 Jalan Sultan Ismail, Kuala Lumpur",
        "ADDRESS",
    ),
    ("kirim aja ke kosan aku di Jl. Cik Di Tiro 15, deket UGM", "Jl. Cik Di Tiro 15", "ADDRESS"),
]


def _span_of(result: Redaction, text: str, value: str) -> PiiSpan | None:
    start = text.index(value)
    covering = [s for s in result.spans if s.start <= start and start + len(value) <= s.end]
    return covering[0] if covering else None


@pytest.mark.parametrize(("lang", "text", "value", "pii_type"), PARAMS)
def test_each_type_is_redacted_with_its_placeholder(lang, text, value, pii_type):
    result = redact(text)
    span = _span_of(result, text, value)
    assert span is not None, f"{value!r} not redacted in {lang}: {result.text}"
    assert span.type == pii_type
    assert f"[{pii_type}]" in result.text
    assert value not in result.text


@pytest.mark.parametrize(("lang", "text", "value", "pii_type"), PARAMS)
def test_offsets_point_at_the_value_in_the_input(lang, text, value, pii_type):
    result = redact(text)
    span = _span_of(result, text, value)
    assert span is not None
    assert text[span.start : span.end] == value


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_hard_negatives_are_left_alone(text):
    result = redact(text)
    assert result.spans == ()
    assert result.text == text


@pytest.mark.parametrize(("text", "name"), NAME_CASES + SIGNATURE_CASES)
def test_names_after_wider_cues_and_signatures(text, name):
    result = redact(text)
    span = _span_of(result, text, name)
    assert span is not None, result.text
    assert span.type == "NAME"
    assert text[span.start : span.end] == name


@pytest.mark.parametrize("text", LOOKALIKE_NEGATIVES)
def test_brands_branches_and_lookalike_numbers_are_left_alone(text):
    result = redact(text)
    assert result.spans == (), result.text


@pytest.mark.parametrize(("text", "value", "pii_type"), NUMBER_CASES)
def test_numbers_in_wider_phrasings(text, value, pii_type):
    result = redact(text)
    span = _span_of(result, text, value)
    assert span is not None, result.text
    assert span.type == pii_type


def test_name_lexicons_are_consistent():
    from voc.pii.names import brand_phrases, given_names, not_name_words

    assert {"budi", "sela", "wulandari", "santoso"} <= given_names()
    assert "mr diy" in brand_phrases() and "charles & keith" in brand_phrases()
    assert {"shopee", "maxim", "admin"} <= not_name_words()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kak tolong dibantu", "kak tolong dibantu"),
        ("Bu Sari tolong dibantu", "Bu [NAME] tolong dibantu"),
        ("pak budi kurirnya baik", "pak [NAME] kurirnya baik"),
        ("Mas, Paketnya Udah Dikirim Belum?", "Mas, Paketnya Udah Dikirim Belum?"),
    ],
)
def test_honorifics_need_a_name_after_them(text, expected):
    assert redact(text).text == expected


def test_counts_per_type_and_span_order():
    text = "WA 0812-3456-7890 atau 0813-1111-2222, email a.b@gmail.com, a.n. Budi Santoso"
    result = redact(text)
    assert result.counts == {"EMAIL": 1, "PHONE": 2, "NAME": 1}
    assert list(result.spans) == sorted(result.spans)
    assert all(a.end <= b.start for a, b in zip(result.spans, result.spans[1:], strict=False))
    assert result.text == "WA [PHONE] atau [PHONE], email [EMAIL], a.n. [NAME]"


def test_validators():
    assert luhn_valid("4111111111111111")
    assert not luhn_valid("4111111111111112")
    assert nik_valid("3209250511761663")
    assert nik_valid("3209254511761663")  # women: day + 40
    assert not nik_valid("9909250511761663")  # unknown province
    assert not nik_valid("3209253511761663")  # day 35
    assert not nik_valid("3209250513761663")  # month 13


@pytest.mark.parametrize("bad", [None, 12, b"bytes"])
def test_redact_rejects_non_text(bad):
    with pytest.raises(ValidationError, match="expects text as str"):
        redact(bad)
    with pytest.raises(ValidationError, match="expects text as str"):
        redact_batch(["ok", bad])


@pytest.mark.parametrize("batch_size", [0, -3, 2.5])
def test_redact_batch_rejects_bad_batch_size(batch_size):
    with pytest.raises(ConfigError, match="batch_size"):
        redact_batch(["x"], batch_size=batch_size)


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_blank_text_is_returned_unchanged(text):
    assert redact(text) == Redaction(text=text)


def test_spacy_component_and_type_selection():
    nlp = build_pipeline(types=["PHONE"])
    assert nlp.pipe_names == [FACTORY_NAME]
    doc = nlp("a.n. Budi Santoso, HP 0812-3456-7890")
    assert [s.type for s in doc._.pii_spans] == ["PHONE"]
    assert doc._.redacted == "a.n. Budi Santoso, HP [PHONE]"
    with pytest.raises(ConfigError, match="Unknown PII type"):
        PiiRedactor(nlp, types=["PASSPORT"])


def test_batch_equals_single():
    texts = [json.loads(line)["text"] for line in (CORPUS / "dev.jsonl").open()][:80]
    assert redact_batch(texts, batch_size=7) == [redact(t) for t in texts]


@pytest.fixture(scope="module")
def corpus_results():
    cases = _dev_corpus()
    return cases, redact_batch([case.text for case in cases])


def test_corpus_size_and_coverage():
    cases = _dev_corpus()
    positives = [c for c in cases if c.pii]
    assert len(positives) >= 300 and len(cases) - len(positives) >= 200
    assert {t for c in positives for _, t in c.pii} == set(PII_TYPES)
    assert {c.lang for c in cases} == {"id", "en", "mixed"}


def test_every_span_is_consistent_with_the_input(corpus_results):
    for case, result in zip(*corpus_results, strict=True):
        assert apply_spans(case.text, result.spans) == result.text
        for span in result.spans:
            piece = case.text[span.start : span.end]
            assert piece and piece == piece.strip(), (case.text, span)


def test_redaction_is_idempotent(corpus_results):
    cases, results = corpus_results
    again = redact_batch([result.text for result in results])
    for first, second in zip(results, again, strict=True):
        assert second.text == first.text
        assert second.spans == ()


# Floors just below the measured level (see docs/PII.md): a rule change that loses recall or
# adds false positives fails here. All parts are development material (the rules were tuned on
# them, the spent blind file dev_3 included), so these floors say nothing about unseen text;
# that is measured on a separate blind heldout*.jsonl file, never read by these tests.
@pytest.mark.parametrize(
    ("part", "min_recall", "max_fp_rate"),
    [
        ("dev.jsonl", 0.99, 0.004),  # 0.994: bare postcodes asked about stay (round 6)
        ("dev_2.jsonl", 0.99, 0.011),
        ("dev_extra.jsonl", 0.98, 0.016),
        ("dev_3.jsonl", 0.985, 0.005),
        ("dev_4.jsonl", 0.995, 0.01),  # 1.000 after round 9
        ("dev_5.jsonl", 0.895, 0.02),
        ("dev_6.jsonl", 0.975, 0.006),
        ("dev_7.jsonl", 0.97, 0.0),
        ("dev_8.jsonl", 0.99, 0.025),
        ("dev_9.jsonl", 0.985, 0.005),  # 0.987 after round 9
        ("dev_10.jsonl", 0.96, 0.04),
        ("dev_11.jsonl", 0.98, 0.005),  # 0.983 after round 9
        ("dev_12.jsonl", 0.99, 0.005),  # round 7: look-alikes (0.995, 0.0%)
        ("dev_13.jsonl", 0.98, 0.005),  # round 8: places, accounts (0.982, 0.0% after round 9)
        ("dev_14.jsonl", 0.89, 0.06),  # round 9: cue-less names, 0.623 / 8.1% -> 0.896 / 5.6%
        ("dev_15.jsonl", 0.99, 0.01),  # round 9: addresses, 0.840 / 8.6% -> 0.993 / 0.7%
        ("dev_16.jsonl", 0.995, 0.013),  # round 10: 0.972 / 6.2% -> 0.998 / 1.2%
        ("dev_17.jsonl", 0.995, 0.007),  # round 10: 0.955 / 3.1% -> 0.997 / 0.6%
        ("dev_18.jsonl", 0.99, 0.0),  # round 10: 0.956 / 5.0% -> 0.991 / 0.0%
        ("dev_19.jsonl", 0.99, 0.025),  # round 10: 0.962 / 9.4% -> 0.991 / 2.5%
        ("dev_20.jsonl", 0.99, 0.007),  # round 11: 0.978 / 2.5% -> 0.994 / 0.6%
        ("dev_21.jsonl", 0.99, 0.0),  # round 11: 0.958 / 3.75% -> 0.996 / 0.0%
        ("dev_22.jsonl", 0.99, 0.007),  # round 11: 0.970 / 5.0% -> 0.996 / 0.6%
        ("dev_23.jsonl", 0.98, 0.03),  # round 12: 0.979 / 3.1% -> 0.987 / 2.5%
        ("dev_24.jsonl", 0.98, 0.02),  # round 12: 0.984 / 7.5% -> 0.987 / 1.25%
        ("dev_25.jsonl", 0.975, 0.025),  # round 12: 0.970 / 3.75% -> 0.979 / 1.9%
        ("dev_26.jsonl", 0.975, 0.005),  # round 12: 0.973 / 1.9% -> 0.979 / 0.0%
        ("dev_27.jsonl", 0.98, 0.015),  # round 12: 0.984 / 3.1% -> 0.984 / 1.25%
        ("dev_28.jsonl", 0.965, 0.015),  # round 12: 0.963 / 1.9% -> 0.967 / 0.6%; round 13: 1.25%
        # round 12, third batch: 100 messages with personal data, 300 hard negatives each
        ("dev_29.jsonl", 0.97, 0.025),  # 0.973 / 3.0% -> 0.973 / 2.0%
        ("dev_30.jsonl", 0.965, 0.035),  # 0.967 / 4.7% -> 0.967 / 3.3%
        ("dev_31.jsonl", 0.98, 0.015),  # 0.981 / 4.0% -> 0.981 / 1.0%
        ("dev_32.jsonl", 0.975, 0.015),  # 0.977 / 2.3% -> 0.981 / 1.0%
        ("dev_33.jsonl", 0.975, 0.015),  # 0.981 / 3.7% -> 0.981 / 1.0%
        # round 13 (session 18): 100 / 300 each, then 240 / 160 each
        ("dev_34.jsonl", 0.99, 0.015),  # 0.976 / 1.7% -> 1.000 / 1.0%
        ("dev_35.jsonl", 0.97, 0.015),  # 0.968 / 3.3% -> 0.977 / 1.0%
        ("dev_36.jsonl", 0.99, 0.025),  # 0.986 / 3.3% -> 0.995 / 2.0%
        ("dev_37.jsonl", 0.975, 0.03),  # 0.978 / 3.75% -> 0.978 / 2.5%
        ("dev_38.jsonl", 0.985, 0.015),  # 0.985 / 1.9% -> 0.992 / 1.25%
        ("dev_39.jsonl", 0.985, 0.015),  # 0.971 / 1.9% -> 0.990 / 1.25%
        # round 13, last batch: 100 / 300 each, public services, shops, travel, finance
        ("dev_40.jsonl", 0.99, 0.055),  # 1.000 / 9.0% -> 1.000 / 8.3%; round 14: 5.0%
        ("dev_41.jsonl", 0.98, 0.03),  # 0.982 / 3.7% -> 0.986 / 2.7%
        ("dev_42.jsonl", 0.965, 0.035),  # 0.954 / 3.3% -> 0.968 / 3.3%
        ("dev_43.jsonl", 0.99, 0.035),  # 0.995 / 3.3% -> 0.995 / 3.3%; round 14: 2.0%
        # round 14 (session 19): debt collection, car care, news and civic accounts, care homes,
        # then personalised goods (jerseys and embroidery; cakes, invitations, engraving)
        ("dev_44.jsonl", 0.975, 0.02),  # 0.981 / 2.0% -> 0.981 / 1.3%
        ("dev_45.jsonl", 0.975, 0.025),  # 0.975 / 2.5% -> 0.981 / 1.9%
        ("dev_46.jsonl", 0.99, 0.035),  # 0.991 / 11.7% -> 0.995 / 3.0%
        ("dev_47.jsonl", 0.975, 0.005),  # 0.973 / 0.6% -> 0.982 / 0.0%
        ("dev_48.jsonl", 0.955, 0.01),  # 0.931 / 1.25% -> 0.960 / 0.6%
        ("dev_49.jsonl", 0.97, 0.015),  # 0.958 / 1.9% -> 0.977 / 1.25%
    ],
)
def test_corpus_recall_and_false_positive_floors(part, min_recall, max_fp_rate):
    report = evaluate(load_corpus(CORPUS / part))
    assert report.recall >= min_recall, report.misses
    assert report.false_positive_rate <= max_fp_rate, report.false_positives
    assert report.type_accuracy >= 0.98


def _heldout_files():
    from voc.pii.evaluate import corpus_parts

    return corpus_parts(CORPUS)["heldout"]


# Every blind file (heldout*.jsonl, written by an author who never saw the rules) gets a floor
# just below its measurement (docs/PII.md; the targets are 0.98 and 2%): a guard against
# regressions, not a target. Files not listed get the loosest floor. None may exist.
_BLIND_FLOORS = {
    "heldout_v3": (0.975, 0.01),
    "heldout_v4": (0.93, 0.025),
    "heldout_v5": (0.975, 0.02),
    "heldout_v6": (0.985, 0.015),
    "heldout_v7": (0.985, 0.02),  # session 18: 1.25% -> 1.9% with the tagger of round 13
    "heldout_v8": (0.985, 0.01),
    "heldout_v9": (0.975, 0.03),  # session 6: 0.963 / 3.1% before round 9, 0.974 / 3.8% after
    "heldout_v10": (0.97, 0.035),  # session 6: 0.961 / 3.8% before round 9, 0.965 / 3.8% after
    # Session 7, measured before and after round 10 (docs/PII.md).
    "heldout_v11": (0.965, 0.04),  # 0.953 / 4.4% -> 0.971 / 3.8%
    "heldout_v12": (0.93, 0.065),  # 0.918 / 6.2% -> 0.934 / 6.2%
    "heldout_v13": (0.985, 0.03),  # 0.976 / 3.1% -> 0.989 / 1.9%; session 18: 2.5%
    "heldout_v14": (0.945, 0.055),  # 0.933 / 5.6% -> 0.949 / 5.0%
    # Session 8, measured before and after round 11 (docs/PII.md).
    "heldout_v15": (0.965, 0.04),  # 0.965 / 3.75% -> 0.970 / 3.75%
    "heldout_v16": (0.98, 0.04),  # 0.982 / 3.75% -> 0.984 / 3.75%
    "heldout_v17": (0.95, 0.05),  # 0.952 / 4.4% -> 0.957 / 4.4%
    # Session 17, measured before and after round 12 (docs/PII.md).
    "heldout_v18": (0.975, 0.005),  # 0.975 / 0.0% -> 0.979 / 0.0%
    "heldout_v19": (0.965, 0.035),  # 0.969 / 3.1% -> 0.969 / 3.1%
    "heldout_v20": (0.97, 0.01),  # 0.973 / 1.25% -> 0.975 / 0.6%
    "heldout_v21": (0.965, 0.04),  # 0.967 / 3.75% -> 0.967 / 3.75%
    # Session 18, measured before and after round 13 (docs/PII.md).
    "heldout_v22": (0.955, 0.04),  # 0.949 / 4.4% -> 0.961 / 3.75%
    "heldout_v23": (0.97, 0.035),  # 0.973 / 3.1% -> 0.977 / 3.1%
    "heldout_v24": (0.965, 0.035),  # 0.962 / 2.5% -> 0.971 / 3.1%
    "heldout_v25": (0.965, 0.065),  # 0.969 / 5.6% -> 0.973 / 6.25%
    # Written during round 13 and measured only twice: at its start and at its end.
    "heldout_v26": (0.98, 0.03),  # 0.967 / 3.1% -> 0.985 / 2.5%
    "heldout_v27": (0.965, 0.01),  # 0.968 / 0.6% -> 0.968 / 0.6%
    "heldout_v28": (0.975, 0.015),  # 0.972 / 1.25% -> 0.977 / 1.25%
    "heldout_v29": (0.975, 0.005),  # 0.977 / 0.0% -> 0.980 / 0.0%
    # Written during round 14 (session 19) and measured three times: at its start, after its
    # first fixes and at its end.
    "heldout_v30": (0.97, 0.01),  # 0.974 / 1.25% -> 0.974 / 0.6%
    "heldout_v31": (0.945, 0.015),  # 0.941 / 1.25% -> 0.947 / 1.25%
    "heldout_v32": (0.98, 0.01),  # 0.983 / 0.6% -> 0.985 / 0.6%
    "heldout_v33": (0.965, 0.04),  # 0.971 / 3.75% -> 0.970 / 3.75%
}


@pytest.mark.parametrize("path", _heldout_files(), ids=lambda path: path.name)
def test_blind_heldout_floor(path):
    min_recall, max_fp_rate = _BLIND_FLOORS.get(path.stem, (0.875, 0.025))
    report = evaluate(load_corpus(path))
    assert report.recall >= min_recall
    assert report.false_positive_rate <= max_fp_rate


def test_development_corpus_meets_the_targets():
    report = evaluate(_dev_corpus())
    assert report.recall >= 0.98
    assert report.false_positive_rate <= 0.02


def test_report_counts_false_positives_per_type():
    from voc.pii.evaluate import PiiCase

    cases = [
        # A hard negative that holds a real-looking phone and a name cue: both get redacted.
        PiiCase("hubungi 0812-3456-7890 atas nama Budi Santoso", (), "id"),
        PiiCase("WA saya 0813-9876-5432 ya kak", (), "id"),
        PiiCase("resi JP1234567890 belum update", (), "id"),  # kept: not a false positive
        PiiCase("WA 0812-1111-2222", (("0812-1111-2222", "PHONE"),), "id"),
    ]
    summary = evaluate(cases).summary()
    assert summary["negatives"] == 3
    assert summary["negative_fp_rate"] == round(2 / 3, 4)
    assert summary["negatives_redacted_per_type"] == {"NAME": 1, "PHONE": 2}


def test_load_corpus_errors(tmp_path):
    with pytest.raises(InputFileError, match="No PII corpus"):
        load_corpus(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputFileError, match="Line 1 .* is not a PII case"):
        load_corpus(bad)
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text('{"text": "x", "pii": [{"value": "y", "type": "NAME"}]}\n', "utf-8")
    with pytest.raises(InputFileError, match="does not occur"):
        load_corpus(wrong)


LINES = ["WA saya 0812-3456-7890 ya", "resi JP1234567890", "", "a.n. Budi Santoso"]


def test_cli_redact_plain_from_stdin():
    result = CliRunner().invoke(app, ["redact"], input="\n".join(LINES) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "WA saya [PHONE] ya",
        "resi JP1234567890",
        "",
        "a.n. [NAME]",
    ]


def test_cli_redact_json_round_trip(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(path), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == len(LINES)
    for line, record in zip(LINES, records, strict=True):
        spans = [PiiSpan(s["start"], s["end"], s["type"]) for s in record["spans"]]
        assert apply_spans(line, tuple(spans)) == record["text"]
    assert records[0]["spans"] == [{"start": 8, "end": 22, "type": "PHONE"}]
    assert LINES[3][records[3]["spans"][0]["start"] :] == "Budi Santoso"


def test_cli_redact_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["redact", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputFileError)
    assert "no such file" in str(result.exception)


def test_cli_redact_stops_at_a_line_that_is_not_utf8_after_writing_the_lines_before():
    data = b"WA saya 0812-3456-7890 ya\nresi JP1234567890\nrusak \xff\xfe\nlagi\n"
    result = CliRunner().invoke(app, ["redact"], input=data)
    assert result.exit_code != 0
    assert isinstance(result.exception, InputFileError)
    message = str(result.exception)
    assert "stdin is not UTF-8 text: line 3" in message and "2 lines before it" in message
    assert result.stdout.splitlines() == ["WA saya [PHONE] ya", "resi JP1234567890"]


def test_cli_redact_reads_any_line_ending_and_drops_a_bom(tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(b"\xef\xbb\xbfa.n. Budi Santoso\r\nresi JP1234567890\rok\n\nakhir")
    result = CliRunner().invoke(app, ["redact", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["a.n. [NAME]", "resi JP1234567890", "ok", "", "akhir"]


def test_cli_pii_eval_json(tmp_path):
    (tmp_path / "dev.jsonl").write_bytes((CORPUS / "dev.jsonl").read_bytes())
    (tmp_path / "heldout_x.jsonl").write_bytes((CORPUS / "dev_2.jsonl").read_bytes())
    result = CliRunner().invoke(app, ["pii-eval", "--corpus", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload["results"]) == {"dev", "heldout_x", "all_dev", "all_heldout"}
    assert payload["results"]["all_dev"]["items"] == payload["results"]["dev"]["items"]
    assert set(payload["results"]["dev"]["negatives_redacted_per_type"]) <= set(PII_TYPES)
    # The targets are judged on the held-out group.
    assert all("(all_heldout)" in k for k in payload["checks"] if "recall" in k or "FP" in k)


@pytest.mark.parametrize("text", ["1 " * 20_000, "0812 " * 8_000, "Pak Budi " * 8_000])
def test_pathological_inputs_stay_linear(text):
    # A quadratic scan took about 90 s on "1 " * 20_000; linear code needs well under 1 s.
    import time

    started = time.perf_counter()
    redact(text)
    assert time.perf_counter() - started < 15

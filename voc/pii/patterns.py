"""Pattern detectors: e-mail addresses and every kind of number that can identify a person.

Each detector takes the raw text and returns candidate spans ``(start, end, type)`` with
character offsets. Numbers are found once as *chunks* (digit groups joined by single spaces,
dots or dashes, with an optional ``+country`` and ``(area)`` code) and then classified from
their shape, their checksum and the nearest cue word before them, so that a 16-digit NIK,
a Luhn-valid card, a +62 mobile and an order number are told apart in one place.
"""

from __future__ import annotations

import re

from voc.pii.account_context import ACCOUNT_WORDS, DEBIT_FROM, account_named_at, ibans_after_cue
from voc.pii.email_loose import find_emails
from voc.pii.number_extras import (
    PURPOSE_LABEL,
    bank_codes,
    find_ibans,
    find_postal_codes,
    glued_numbers,
    holder_after,
    phone_after,
    spelled_numbers,
    with_extensions,
)
from voc.pii.validators import Candidate, card_prefix_fits, luhn_valid, nik_valid, payment_card

__all__ = ["Candidate", "find_emails", "find_ibans", "find_numbers", "find_postal_codes"]


# A chunk opens with "(", "+" or a digit: the guard in front drops every other position at once.
_NUMBER_CHUNK = re.compile(
    r"(?=[(+\d])(?<![\w/#@&=%-])(?<!\d[.,])"
    r"(?:\(?\+\s?\d{1,3}\)?[ .-]?(?:\(0\)[ ]?)?)?"  # +62, (+62), +1 (0)
    r"(?:\(\d{1,5}\)[ .-]?)?"  # (021)
    # at most 8 groups (long runs split, stay linear); a dash may have blanks: "0812 — 3456"
    r"\d+(?:(?:[ .\-\u2013\u2014]| [-\u2013\u2014] )\d+){0,7}"
    r"(?![\w/@%])(?![.,]\d)"
)
_DIGIT_GROUP = re.compile(r"\d+")
_ONE_DIGIT_GROUP = re.compile(r"(?<!\d)\d(?!\d)")
# Digits typed one by one ("0 8 1 2 7 7 8 8 9 9 0 0", "0878 2 7 3 2 8 8 9 1"): too many groups
# for a chunk, so they are read as one number of their own.
_SPACED_DIGITS = re.compile(r"(?<![\w/#@&=%.,-])(?:\d{2,4} )?\d(?: \d){6,18}(?! ?\d)(?![\w/@%])")
_NPWP_SHAPE = re.compile(r"\d{2}\.\d{3}\.\d{3}\.\d[.-]\d{3}\.\d{3}")
_PRICE_SHAPE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# A date written as digits: "20241215", "2025-01-15", "15.01.2025".
_DAY, _MONTH, _YEAR = r"(?:0[1-9]|[12]\d|3[01])", r"(?:0[1-9]|1[0-2])", r"(?:19|20)\d\d"
_DATE_SHAPE = re.compile(rf"{_YEAR}([-./]?){_MONTH}\1{_DAY}|{_DAY}([-./]?){_MONTH}\2{_YEAR}")
# A range of years or amounts joined by a dash: "2010—2024", "15.000 - 25.000".
_RANGE = re.compile(
    r"((?:19|20)\d\d|[1-9]\d{0,2}(?:\.\d{3})+)\s?[-\u2013\u2014]\s?"
    r"((?:19|20)\d\d|[1-9]\d{0,2}(?:\.\d{3})+)"
)

# Cue words before a number (nearest first) say what it is. ``label`` marks identifiers that
# are not personal data (orders, parcels, tickets, devices, utility customer numbers) and
# ``neg`` amounts and transactions; the others say which identifier follows.
_BANKS = (
    r"bca|bni|bri|btn|bsi|bjb|mandiri|cimb(?:\s+niaga)?|permata|danamon|jago|jenius|seabank|"
    r"btpn|ocbc(?:\s+nisp)?|maybank|panin|mega|muamalat|uob|hsbc|dbs|citibank|sinarmas|"
    r"bukopin|blu|allo|superbank|nobu|bank\s+\w+"
)
# Every cue opens with a word at a word boundary; the guard in front drops every other
# position at once.
_CUES = re.compile(
    r"\b(?=\w)(?:"
    r"(?P<label>\b(?:(?:member(?:ship)?|loyalty|rewards?|insurance|health|library|access|key|"
    r"parking|toll|e-?toll|transit|commuter|train|bus|gym|club|discount|points?|patient|"
    r"hospital)\s+card|frequent\s+flyer|flyer|miles|mileage|loyalty|rewards?|order|orderan|"
    r"pesanan|invoice|inv|resi|awb|tracking|track|tiket|ticket|"
    r"call[ \t]*cent(?:er|re)|hotline|helpline|"  # round 12: a firm's own number
    r"(?:warranty|guarantee)[ \t]+card|"
    r"booking|voucher|promo|kupon|coupon|sku|barcode|ean|serial|s/?n|no\.?\s*seri|nomor\s+seri|"
    r"imei|ref|referensi|reference|id\s+(?:pesanan|order|transaksi)|kode\s+(?:booking|pesanan|"
    r"voucher|promo|tiket|bayar|pembayaran|billing)|meter|meteran|kwh|token|pin|otp|flight|"
    r"penerbangan|nop|pbb|sppt|user\s*id|uid|player\s*id|game\s*id|id\s+game|"
    r"case|customer|pelanggan|idpel|id\s*pel|pln|pdam|bpjs|indihome|internet|inet|member|"
    r"membership|anggota|kode|code|kartu\s+(?:member|anggota|bpjs|perdana|sim|pelajar|"
    r"mahasiswa|garansi|parkir|e-?money|flazz|brizzi|tapcash|kis|indonesia\s+sehat|jkn|"
    r"prakerja|tani|pkh|kks|kip|pasien|berobat|tol|e-?toll|krl|kmt|commuter|perpus\w*|akses|"
    r"vaksin|nikah|kia|loyalty|poin|reward|diskon|pegadaian|asuransi|lansia)|"
    r"simcard|sim\s+card|iccid|polis|policy|klaim|claim|gift\s*cards?|e-?gift|gift\s+voucher|"
    r"kartu\s+(?:hadiah|voucher|gift)|sambungan|nosamb|no\.?\s*samb|error|err|galat|"
    # vehicle papers and contracts: "STNK no 1234 a.n. ...", "no rangka", "nomor kontrak"
    r"stnk|bpkb|nopol|vin|sbg|paspor|passport|kontrak|contract|sim|kendaraan|plat|"
    r"(?:no|nomor|nomer)\.?\s*(?:rangka|mesin|polisi|pol|chassis|engine))"
    r"(?:\s+(?:number|num|no|nomor|id|code|kode))?\b\.?)"
    r"|(?P<lookalike>\b(?:peserta|kepesertaan|participant|certificate|certified|cert|sertifikat|"
    r"nisn|nis|nim|nip|nuptk|npsn|student|siswa|mahasiswa|pegawai|employee|karyawan|staff|"
    r"receipt|struk|kuitansi|kwitansi|nota|faktur|laporan|pengaduan|aduan|komplain|complaint|"
    r"keluhan|registrasi|pendaftaran|antrian|antrean|agenda|berkas|registration|confirmation|"
    r"reservation|reservasi|konfirmasi|itinerary|permohonan|application)"
    r"(?:\s+(?:number|num|no|nomor|id|code|kode))?\b\.?)"
    r"|(?P<neg>\b(?:rp\.?|idr|usd|sgd|sebesar|senilai|saldo|nominal|total|harga|price|amount|"
    r"tagihan|bill|qty|pcs|unit|transaksi|trx|transaction)\b\.?)"
    r"|(?P<nik>\b(?:nik|e-?ktp|ktp|nomor\s+induk(?:\s+kependudukan)?|kependudukan|"
    r"identity\s+(?:card|number)|id\s+card|kartu\s+keluarga|(?:no|nomor|nomer|nmr)\.?\s*kk)\b)"
    r"|(?P<npwp>\b(?:npwp|nitku|tax\s+(?:id|number)|nomor\s+pokok\s+wajib\s+pajak)\b)"
    r"|(?P<card>\b(?:kartu(?:\s+kredit|\s+debit|\s+atm)?|cc|credit\s+card|debit\s+card|card|"
    r"visa|master\s?card|jcb|amex|american\s+express|diners(?:\s+club)?)\b)"
    r"|(?P<account>\b(?:" + ACCOUNT_WORDS + r"|rek|"
    r"(?:my|our|your|the|to|into|saya|sy)\s+(?:[\w'’]+\s+)?account(?:\s+(?:number|num|no))?|"
    r"account(?=[\s:#.,]*$))\b)"
    r"|(?P<transfer>\b(?:transfer|trf|tf|transfr|wire|kirim(?:\s+(?:uang|dana|duit))?)\s+"
    r"(?:ke|to|into)\b)"
    r"|(?P<refund>\b(?:refund(?:s|ed|nya)?|(?:di)?kembalikan|(?:di)?balikin|(?:di)?cairkan|pay|"
    r"paid|bayar)\s+(?:ke|to|into)\b)"
    r"|(?P<debit>\b" + DEBIT_FROM + r"\b)"
    r"|(?P<wallet>\b(?:ovo|gopay|dana|shopee\s?pay|link\s?aja|i\.?saku|e-?wallet|"
    r"dompet\s+digital)\b)"
    r"|(?P<bank>\b(?:" + _BANKS + r")\b)"
    r"|(?P<phone>\b(?:hp|handphone|ponsel|hape|wa|whatsapp|whatsap|wasap|telp|tlp|tlpn|telepon|"
    r"telpon|phone|tel|mobile|cell|call|calls|called|ring|text|ph|mob|hubungi|kontak|contact|"
    r"sms|nomer|nmr|nomor|no|"
    r"number)\b))",
    re.IGNORECASE,
)
_CUE_WINDOW = 40
# Words that say whose number follows ("NIK pelanggan", "no rek member", "kartu kredit
# customer"), not what it is; a personal-number cue before them (at most two plain words
# between, none of them a number word) still decides the type.
_OWNER_WORDS = frozenset(
    {
        "customer",
        "pelanggan",
        "member",
        "anggota",
        "membership",
        "polis",
        "policy",
        "klaim",
        "claim",
        "tagihan",
        "bill",
        "bpjs",
        "peserta",
        "participant",
        "student",
        "siswa",
        "mahasiswa",
        "pegawai",
        "employee",
        "karyawan",
        "staff",
    }
)
_PERSONAL_CUES = frozenset({"nik", "npwp", "card", "account", "bank"})
# People words ("HP karyawan", "WA siswa") name whose phone follows after a phone cue that
# is more than a generic number word ("nomor peserta 0002 ..." is the participant number).
_PEOPLE_WORDS = frozenset(
    {"peserta", "participant", "student", "siswa", "mahasiswa", "pegawai", "employee"}
    | {"karyawan", "staff"}
)
_PHONE_CUES = frozenset({"phone", "number"})
_MONEY_CUES = frozenset({"account", "bank", "transfer", "refund", "debit", "wallet"})
_GENERIC_NUMBER_WORDS = frozenset({"no", "nomor", "nomer", "nmr", "number"})
_OWNED = re.compile(
    r"\b(?:saya|sy|aku|gw|gue|kami|my|our|his|her|their|ini|bapak|ibu|suami|istri|anak|kantor|"
    r"ayah|mama|papa|adik|kakak)\b",
    re.IGNORECASE,
)
_SOFT_LOOKALIKE = ("konfirm", "registr", "pendaftar", "confirm")  # "konfirmasi <rekening>"
_OWNER_GAP = re.compile(
    r"\s+(?:(?!(?:id|no|nomor|nomer|number|kode|code)\b)[^\W\d]+\s+){0,2}", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s+[A-Z]")
# A dot after these is an abbreviation, not a sentence end: "rek mandiri an. Hendra: ...".
_ABBREVIATION_END = re.compile(
    r"\b(?:an|a\.n|no|jl|sdr|bpk|ibu|bu|pak|mr|mrs|ms|dr|ny|tn)\.$", re.I
)
# A look-alike word right after the number: "356938035643809 (IMEI)".
_LABEL_AFTER = re.compile(r"[\s(:,-]{0,3}(?:imei|serial|resi|awb|sku)\b", re.IGNORECASE)
# A bank named right after a number that has no cue of its own: "refund to 1234567890 BCA".
_BANK_AFTER = re.compile(r"[ \t]*[(,\-\u2013]?[ \t]*(?:" + _BANKS + r")\b", re.IGNORECASE)
# Company hotlines: 1500-xxx(x), 14xxx and 080x toll-free numbers are never personal.
_HOTLINE = re.compile(r"1500\d{3,4}|1[45]\d{3}|080\d{5,9}")

_NANP_SHAPE = re.compile(r"\d{3}[-. ]\d{3}[-. ]\d{4}")
_TWO_DIGIT_AREAS = frozenset({"21", "22", "24", "31", "61"})
_WA_LINK = re.compile(r"\b(?:wa\.me/|phone=)\+?(\d{10,15})\b")  # api.whatsapp.com/send?phone=
# Phone numbers joined by slashes ("0812 3456 7890/0857 1234 5678", "... / 62 857 ...//0813
# ..."): the slash that keeps dates and order paths out of the number chunks hides them. Each
# side is atomic, so a long list that fails at its end is not tried again in other splits.
_PHONE_SIDE = r"(?>(?:\+?62[ .-]?|0)\d{2,4}(?:[ .-]?\d{2,4}){1,3})"
_PHONE_LIST = re.compile(
    r"(?<![\w/#@&=%-])" + _PHONE_SIDE + r"(?: ?//? ?" + _PHONE_SIDE + r")+(?![\w/@%])(?![.,]\d)"
)
_LIST_SLASH = re.compile(r" ?//? ?")


def _cues_before(text: str, start: int) -> list[tuple[str, bool]]:
    """Return ``(category, adjacent)`` of the cue words before ``start``, nearest first.

    Only cues in the same clause count (a sentence break in between cancels them);
    ``adjacent`` says that nothing but punctuation separates the cue from the number.
    """
    window = text[max(0, start - _CUE_WINDOW) : start]
    matches = list(_CUES.finditer(window))
    cues: list[tuple[str, bool]] = []
    kept: list[re.Match] = []
    for match in reversed(matches):
        gap = window[match.end() :]
        if "\n" in gap or any(
            not _ABBREVIATION_END.search(gap, 0, stop.start() + 1)
            for stop in _SENTENCE_BREAK.finditer(gap)
        ):
            break
        kind = match.lastgroup
        if kind == "phone" and _bare_number_word(window, match):
            kind = "number"  # "No. 8123456789 belum diproses": no word says it is a phone
        elif kind == "label" and PURPOSE_LABEL.fullmatch(match.group()):
            kind = "purpose"
        elif kind == "lookalike" and match.group().lower().startswith(_SOFT_LOOKALIKE):
            kind = "soft"
        cues.append((kind, not gap.strip(" \t:#.-=(")))
        kept.append(match)
    # "NIK pelanggan 3174...", "NIK peserta BPJS 3174...", "HP karyawan 021 ...": owner words
    # name whose number it is, so the personal cue before them says what the number is.
    owners = 0
    while owners + 1 < len(kept) and _owner_word(window, kept[owners], kept[owners + 1]):
        owners += 1
    if owners and _owner_cue(kept[owners], kept[:owners]):
        cues = [(cues[owners][0], cues[0][1]), *cues[owners + 1 :]]
    return cues


def _bare_number_word(window: str, cue: re.Match) -> bool:
    """Whether ``cue`` is a plain number word ("no", "nomor", "number") owned by nobody."""
    return cue.group().lower() in _GENERIC_NUMBER_WORDS and not _OWNED.search(
        window, max(0, cue.start() - 20)
    )


def _owner_word(window: str, nearest: re.Match, before: re.Match) -> bool:
    """Whether ``nearest`` is an owner word with only plain words between it and ``before``."""
    return (
        nearest.lastgroup in ("label", "neg", "lookalike")
        and nearest.group().lower().rstrip(".") in _OWNER_WORDS
        and _OWNER_GAP.fullmatch(window[before.end() : nearest.start()]) is not None
    )


def _owner_cue(cue: re.Match, owners: list[re.Match]) -> bool:
    """Whether ``cue`` before the owner words says what the number is."""
    if cue.lastgroup in _PERSONAL_CUES:
        return True
    return (
        cue.lastgroup == "phone"
        and cue.group().lower() not in _GENERIC_NUMBER_WORDS
        and all(m.group().lower().rstrip(".") in _PEOPLE_WORDS for m in owners)
    )


# Malaysian mobiles keep their dash after the 3-digit prefix; no Indonesian number opens "01".
_MY_MOBILE = re.compile(r"01\d-\d{3,4}[ ]?\d{4}")


def _is_phone(digits: str, chunk: str, cue: str | None) -> bool:
    if chunk.lstrip("(").startswith("+"):
        return _is_international(digits)
    soft = cue in ("purpose", "lookalike")  # "STNK 62 812 ...", "kontrak 021-5551234" stay
    if not digits.startswith("08") and (
        cue in ("neg", "label", "lookalike") or (cue == "purpose" and chunk.isdigit())
    ):
        # "resi 6281234567891", "order 0212345678", "laporan 81234567890": look-alikes
        return soft and digits[:3] == "628" and 11 <= len(digits) <= 14
    if digits.startswith("00"):
        # "00" + country code (never 0) + at least 8 more digits: "0001 8823 4410 8" and
        # "0098765432" are ids with leading zeros.
        return digits[2] != "0" and len(digits) >= 12 and _is_international(digits[2:])
    if digits.startswith("62"):  # "62 812 ...", also with the 0 kept: "62 0812 ..."
        return (digits[2] == "8" and 11 <= len(digits) <= 14) or (
            digits[2:4] == "08" and 12 <= len(digits) <= 15
        )
    if digits.startswith("08"):
        return digits[2] != "0" and 10 <= len(digits) <= 13
    if digits.startswith("0") and digits[1] in "2345679":
        # Landline: the five big cities have 2-digit area codes and 7-8 digit numbers;
        # elsewhere a 3-digit area code and 5-8 digits. Shorter ones are hotlines.
        if len(_DIGIT_GROUP.search(chunk).group()) == 2:
            return False  # "05.11.203344": an area code has 3-4 digits with its 0
        national = digits[1:]
        area, minimum = (2, 7) if national[:2] in _TWO_DIGIT_AREAS else (3, 5)
        return minimum <= len(national) - area <= 8
    if chunk.startswith("(") and len(digits) == 10:  # (415) 555-0132
        return True
    if cue in (None, "phone", "number") and _MY_MOBILE.fullmatch(chunk):
        return True  # a Malaysian mobile: "012-388 4719", "011-2345 6789" (round 12)
    if cue in ("phone", "number") and (
        (_NANP_SHAPE.fullmatch(chunk) and digits[0] in "23456789")
        or (len(digits) == 11 and digits[:2] in ("01", "02", "07"))
    ):
        return True  # after a phone cue: "call 917-555-0143", UK "called 01223 555 872"
    if (
        cue in ("phone", "wallet")
        or soft
        or (cue == "number" and (len(digits) == 11 or not chunk.isdigit()))
    ):
        # A mobile written without its leading 0 ("WA 812 3456 7890", "nomor 812-3456-7890").
        return digits.startswith("8") and 9 <= len(digits) <= 12
    return False


def _is_international(digits: str) -> bool:
    """Digits after ``+`` (or ``00``): country code and number."""
    if digits.startswith("62"):
        return 10 <= len(digits) <= 14
    return 8 <= len(digits) <= 15


def _amount_or_date(chunk: str, digits: str) -> bool:
    """Whether a number without a personal cue reads as an amount or a date."""
    return bool(
        _PRICE_SHAPE.fullmatch(chunk) or _DATE_SHAPE.fullmatch(chunk) or digits.endswith("0000")
    )


def _classify(chunk: str, digits: str, cues: list[tuple[str, bool]]) -> str | None:
    """Return the PII type of a number chunk, or ``None`` for a look-alike."""
    n = len(digits)
    cue, adjacent = cues[0] if cues else (None, False)
    named = False  # a look-alike word names the number: "NISN 0087...", "nomor peserta 0002..."
    if cue in ("lookalike", "soft"):
        # A look-alike word only rules out a phone, and only when it names the number itself:
        # a NIK or card behind it stays one ("data karyawan 3174...", "struk 4556 ...").
        named, soft = adjacent, cue == "soft"
        rest = [
            (c, a)
            for c, a in cues[1:]
            if c not in ("lookalike", "soft") and not (named and c in _PHONE_CUES)
        ]
        cue, adjacent = rest[0] if rest else (None, False)
        if named and cue in _MONEY_CUES and not soft:
            cue = None  # "rekening kena debet, ID laporan 2405...": the report's number
    if cue == "number" and not _is_phone(digits, chunk, cue):
        # "hubungi nomor 8123456789", "my phone number ...": a phone cue before the number word
        real = next((c for c, _ in cues[1:] if c != "number"), None)
        if real == "phone" and _is_phone(digits, chunk, "phone"):
            cue = "phone"
    if cue in _PHONE_CUES and not _is_phone(digits, chunk, cue):
        # "IMEI HP saya 35...", "rekening mandiri no 123-00-...": a generic "no" or "HP"
        # right before the number hides the cue that says what it is.
        cue, adjacent = next(((c, a) for c, a in cues[1:] if c not in _PHONE_CUES), (None, False))
    if _NPWP_SHAPE.fullmatch(chunk):
        return "NPWP"
    if _HOTLINE.fullmatch(digits):
        return None
    if cue == "nik" and (n == 16 or (adjacent and 15 <= n <= 17)):  # one digit lost or doubled
        return "NIK"
    if cue == "npwp" and 15 <= n <= 22:  # NITKU = NPWP + 6-digit branch code
        return "NPWP"
    if cue == "card" and 13 <= n <= 19:
        return "CARD"
    if cue == "bank" and n in (15, 16) and luhn_valid(digits) and card_prefix_fits(digits):
        return "CARD"  # "kartu kredit BCA 4556 7375 8689 9855", "debit BNI 5329 ..."
    if cue in ("account", "bank") and 6 <= n <= 20 and not _PRICE_SHAPE.fullmatch(chunk):
        return "ACCOUNT"
    if _is_phone(digits, chunk, "lookalike" if named else cue):
        return "PHONE"
    purpose = cue == "purpose"
    if purpose:
        # "kartu pasien 4111 ...", "paspor 3174...": a valid NIK or payment card stays one
        if n == 16 and nik_valid(digits):
            return "NIK"
        if payment_card(digits):
            return "CARD"
        cue = "label"
    if cue == "transfer" and 8 <= n <= 18 and not _PRICE_SHAPE.fullmatch(chunk):
        return "ACCOUNT"  # "transfer ke 1240098812 a.n. ...": money goes to an account
    if cue == "refund" and 10 <= n <= 18 and not _amount_or_date(chunk, digits):
        return "ACCOUNT"  # "refund ke 5521098834", not "paid to 12345678 merchants"
    if cue == "debit" and 10 <= n <= 19 and not _amount_or_date(chunk, digits):
        # "debited from 7301 5567 8890": money taken from an account, or from a card.
        return "CARD" if luhn_valid(digits) and card_prefix_fits(digits) else "ACCOUNT"
    if cue == "wallet" and 10 <= n <= 16 and not _PRICE_SHAPE.fullmatch(chunk):
        return "ACCOUNT"  # an e-wallet id that is not a phone number ("akun OVO 9517-2607-...")
    if (
        cue in ("label", "neg")
        and 13 <= n <= 19
        and any(c == "card" for c, _ in cues[1:])
        and card_prefix_fits(digits)
        and luhn_valid(digits)
    ):
        return "CARD"  # "kartu kredit yang dipakai beli tiket 5264 ...": the card paid for it
    groups = [len(g) for g in _DIGIT_GROUP.findall(chunk)]
    card_grouped = len(groups) > 1 and (
        all(g == 4 for g in groups[:-1]) or groups in ([4, 6, 5], [4, 6, 4])
    )
    if 13 <= n <= 19 and luhn_valid(digits) and card_grouped:
        # Grouped like a card and Luhn-valid: a card even after "transaksi", unless the
        # number is the labelled order/ticket number itself ("Pesanan no. 2405-1212-...").
        if not (cue == "label" and adjacent):
            return "CARD"
    if (
        cue in ("neg", "label")
        and n == 16
        and any(c == "nik" for c, _ in cues[1:])
        and nik_valid(digits)
    ):
        return "NIK"  # "my NIK for the train booking is 3174...": the NIK named before (round 12)
    if cue in ("neg", "label"):
        return None
    if n == 16 and nik_valid(digits):
        return "NIK"
    if 13 <= n <= 19 and n != 14 and luhn_valid(digits) and card_prefix_fits(digits):
        return "CARD"  # a bare 14-digit Diners number needs its 4-6-4 grouping or a card cue
    if n == 15 and len(groups) == 1 and (digits.startswith("0") or digits.endswith("000")):
        return "NPWP"
    return None


def find_numbers(text: str) -> list[Candidate]:
    """Return phone, NIK, NPWP, card and account numbers in ``text``.

    A chunk that is too long for its type is retried without its trailing groups, so
    ``"0812 3456 7890 2"`` still yields the phone number. Once an account number is found,
    other bare numbers of about its length in the same text are accounts too ("rek lama
    1230004455 ditutup, pakai 1230009988").
    """
    found: list[Candidate] = (
        [(m.start(1), m.end(1), "PHONE") for m in _WA_LINK.finditer(text)]
        if "wa.me/" in text or "phone=" in text  # the links' fixed parts (case-sensitive)
        else []
    )
    if "/" in text:
        for match in _PHONE_LIST.finditer(text):
            # All sides share the cue before the first: "resi 0211234567/0211234568" stays.
            cues = _cues_before(text, match.start())
            sides, start = [], match.start()
            for slash in [*_LIST_SLASH.finditer(text, start, match.end()), None]:
                end = slash.start() if slash else match.end()
                sides.append((start, end))
                start = slash.end() if slash else end
            if all(
                _classify(text[s:e], re.sub(r"\D", "", text[s:e]), cues) == "PHONE"
                for s, e in sides
            ):
                found += [(s, e, "PHONE") for s, e in sides]
    bare: list[tuple[int, int, str]] = []
    spaced_end = -1
    chunks = list(_NUMBER_CHUNK.finditer(text))
    # Seven digits typed one by one leave at least four one-digit groups in one chunk.
    if any(len(_ONE_DIGIT_GROUP.findall(m.group())) >= 4 for m in chunks):
        for match in _SPACED_DIGITS.finditer(text):
            digits = match.group().replace(" ", "")
            pii_type = _classify(digits, digits, _cues_before(text, match.start()))
            if pii_type:
                found.append((match.start(), match.end(), pii_type))
                spaced_end = match.end()
    for match in chunks:
        start, end = match.span()
        if start < spaced_end and any(s <= start < e for s, e, _ in found):
            continue
        chunk = match.group()
        digits_only = re.sub(r"\D", "", chunk)
        if len(digits_only) < 6:
            continue
        cues = _cues_before(text, start)
        if cues and cues[0][0] == "number" and phone_after(text, end):
            cues = [("phone", cues[0][1]), *cues[1:]]
        if (_DATE_SHAPE.fullmatch(chunk) and not chunk.isdigit()) or _RANGE.fullmatch(chunk):
            continue  # "2024-01-15", "dibuka 2010—2024", "biaya 15.000 - 25.000": no part is one
        if _LABEL_AFTER.match(text, end):
            cues = [("label", True)]
        groups = list(_DIGIT_GROUP.finditer(chunk))
        # Try the whole chunk, then drop trailing groups one at a time.
        typed = False
        for keep in range(len(groups), 0, -1):
            sub_end = groups[keep - 1].end()
            sub = chunk[:sub_end]
            digits = re.sub(r"\D", "", sub)
            if len(digits) < 6:
                break
            pii_type = _classify(sub, digits, cues)
            if pii_type in ("CARD", "NIK") and len(digits_only) - len(digits) >= 4:
                # A whole group more: one longer number, not a card or NIK with a stray
                # digit ("token listrik 5523 1234 5678 9012 0019" is a 20-digit meter token).
                break
            if pii_type:
                found.append((start, start + sub_end, pii_type))
                typed = True
                break
        if (
            not typed
            and 8 <= len(digits_only) <= 18
            and (_BANK_AFTER.match(text, end) or holder_after(text, end))
            and not _amount_or_date(chunk, digits_only)
        ):
            pii_type = _classify(chunk, digits_only, [("bank", True)])
            if pii_type and (not cues or cues[0][0] in ("phone", "number", "transfer", "refund")):
                found.append((start, end, pii_type))
                continue
        if not typed and not cues:
            bare.append((start, end, digits_only))  # "7008 1200 4418 9917" as well
    found += find_ibans(text) + ibans_after_cue(text)
    accounts = [e - s for s, e, t in found if t == "ACCOUNT"]
    low, high = (min(accounts) - 3, max(accounts) + 3) if accounts else (0, 0)
    named_at = account_named_at(text) if bare else None
    npwp_found = bare and any(t == "NPWP" for _, _, t in found)
    for start, end, digits in bare:
        chunk = text[start:end]
        if _PRICE_SHAPE.fullmatch(chunk) or _HOTLINE.fullmatch(digits):
            continue
        if npwp_found and len(digits) in (15, 16):
            # "NPWP yg lama 01.882.451.7-608.000, yang baru 0946537201845000": the text's
            # second tax number, written plain (round 12)
            found.append((start, end, "NPWP"))
            continue
        if (low <= len(digits) <= high and 8 <= len(digits) <= 16) or (
            # "VA saya kok ganti? Kemarin masih 3901 2288 4410 7766": the account
            # the text is about, named in an earlier sentence (not a round amount).
            10 <= len(digits) <= 16
            and not digits.endswith("0000")
            and named_at is not None
            and named_at <= start
        ):
            found.append((start, end, "ACCOUNT"))
    found += bank_codes(text) + glued_numbers(text, _classify)
    found += spelled_numbers(text, _classify, _cues_before)
    return with_extensions(text, found)

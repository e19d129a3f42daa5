"""Number shapes the chunk scan misses: extensions, bank codes, glued cues, holders, digit words."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from voc.pii.validators import Candidate

__all__ = [
    "PURPOSE_LABEL",
    "bank_codes",
    "find_ibans",
    "find_postal_codes",
    "glued_numbers",
    "holder_after",
    "phone_after",
    "spelled_numbers",
    "with_extensions",
]

# Round-11 label words that name a document or a card by its purpose (vehicle papers, tax
# objects, game ids, "kartu pasien", "gym card", miles): a look-alike of a phone or account,
# but a valid NIK or a Luhn-valid payment card after them stays one (review 11, findings 2-3).
PURPOSE_LABEL = re.compile(
    r"(?:(?:member(?:ship)?|loyalty|rewards?|insurance|health|library|access|key|parking|toll|"
    r"e-?toll|transit|commuter|train|bus|gym|club|discount|points?|patient|hospital)\s+card|"
    r"frequent\s+flyer|flyer|miles|mileage|loyalty|rewards?|meteran|nop|pbb|sppt|user\s*id|uid|"
    r"player\s*id|game\s*id|id\s+game|kartu\s+(?:jkn|prakerja|tani|pkh|kks|kip|pasien|berobat|"
    r"tol|e-?toll|krl|kmt|commuter|perpus\w*|akses|vaksin|nikah|kia|loyalty|poin|reward|diskon|"
    r"pegadaian|asuransi|lansia)|stnk|bpkb|nopol|vin|sbg|paspor|passport|kontrak|contract|sim|"
    r"kendaraan|plat|(?:no|nomor|nomer)\.?\s*(?:rangka|mesin|polisi|pol|chassis|engine))"
    r"(?:\s+(?:number|num|no|nomor|id|code|kode))?\.?",
    re.IGNORECASE,
)
# Phone evidence right after a number behind a bare number word: "No. 81234567890 (WA)",
# "nomor 8123456789 tidak aktif", "... 8123456789 milik saya" (review 11, finding 5).
_PHONE_AFTER = re.compile(
    r"[ \t]*[(:,-]?[ \t]*(?:(?:ini|itu)[ \t]+)?(?:(?:nomor|nomer|no)\.?[ \t]+)?(?:please[ \t]+)?"
    r"(?:(?:wa|whatsapp|hp|sms|telp|telpon|telepon|call|text)\b|"
    r"(?:(?:masih|sudah|sdh|udah|tidak|tdk|gak|ga|nggak|ngga|gk)[ \t]+){0,2}aktif\b|"
    r"(?:milik|punya|punyanya)[ \t]+(?:saya|sy|aku|gw|gue|kami|bapak|ibu|suami|istri))",
    re.IGNORECASE,
)


def phone_after(text: str, end: int) -> bool:
    """Whether a phone word follows the number that ends at ``end``."""
    return _PHONE_AFTER.match(text, end) is not None


# An extension after a phone number belongs to it: "(021) 5794 6620 ext. 115", "021-5551234
# pes. 12" (pesawat), "psw 33", "extension 5521", "x115" (not "x2": twice). At most 5 digits.
_EXT = (
    r"(?:(?:ext|extn|extension|ekst|ekstensi|pes|psw|pesawat)\.?[ \t]*[:#]?[ \t]*\d{1,5}"
    r"|x\d{2,5})(?!\d)"
)
_EXTENSION = re.compile(r"[ \t]*,?[ \t]*(?:\(" + _EXT + r"\)|" + _EXT + ")", re.IGNORECASE)

# A bank's branch code written beside an account: UK sort codes ("sort code 20-45-77"),
# Australian BSBs ("BSB 062-000") and US routing numbers ("routing number 021000021").
_BANK_CODE = re.compile(
    r"\b(?:sort[ \t]?code|bsb|routing[ \t]+(?:number|no|num))\b"
    r"[ \t]*(?:is[ \t]+|:[ \t]*|#[ \t]*|-[ \t]*)?"
    r"(\d{2}[- ]\d{2}[- ]\d{2}|\d{3}[- ]\d{3}|\d{6}|\d{9})(?![\d-])",
    re.IGNORECASE,
)

# A number typed right after its cue with no blank: "no.hp081234567890", "NIK3174...",
# "wa:0812...", "norek1234567890", "hp-0812...", "nohp=0812...". Only cues that say what the
# number is.
_GLUED = re.compile(
    r"\b(?:no\.?[ \t]?)?(?P<cue>hp|wa|telp|tlp|nik|ktp|npwp|norek|rek)[.:=#-]?"
    r"(?P<number>\d+(?:[ .-]\d+){0,7})(?![\w/@%])(?![.,]\d)",
    re.IGNORECASE,
)
# Every glued cue ends in p, a or k right before the digits: a cheap scan first.
_GLUED_PRECHECK = re.compile(r"[pPaAkK][.:=#-]?\d")
_GLUED_CATEGORY = {
    "hp": "phone",
    "wa": "phone",
    "telp": "phone",
    "tlp": "phone",
    "nik": "nik",
    "ktp": "nik",
    "npwp": "npwp",
    "norek": "account",
    "rek": "account",
}

# The holder of an account named right after a number: "1234567890 a.n. Budi", "... a/n PT
# Maju", "... atas nama Rina".
_HOLDER = re.compile(
    r"[ \t]*[(,\-]?[ \t]*(?:a\.[ \t]?n\b\.?|a/n\b|an\.|atas[ \t]+nama\b)", re.IGNORECASE
)
# Money moving or a bank in the text: meters, tax objects and game ids have holders too.
_MONEY_TALK = re.compile(
    r"\b(?:transfer|tf|trf|kirim|refund|uang|duit|dana|rek|rekening|norek|bank|account|acc|"
    r"saldo|(?:di)?kembalikan|balikin|cair|pencairan|payout|bca|bni|bri|btn|bsi|mandiri|cimb|"
    r"permata|danamon|jago|jenius|seabank|ocbc|maybank|panin|btpn|muamalat)\w*",
    re.IGNORECASE,
)


def holder_after(text: str, end: int) -> bool:
    """Whether an account holder follows a number ending at ``end`` in a text about money.

    A number with no cue of its own is then a bank account: "sudah kirim 7720114588 a.n.
    Yohana", not "meteran 1234567 a.n. Budi".
    """
    return _HOLDER.match(text, end) is not None and _money_talk(text)


@lru_cache(maxsize=4)
def _money_talk(text: str) -> bool:
    return _MONEY_TALK.search(text) is not None  # once per text, not once per number


Classifier = Callable[[str, str, list[tuple[str, bool]]], "str | None"]


def with_extensions(text: str, found: list[Candidate]) -> list[Candidate]:
    """Return ``found`` with every phone span grown over an extension written after it."""
    if not any(kind == "PHONE" for _, _, kind in found):
        return found
    grown: list[Candidate] = []
    for start, end, kind in found:
        if kind == "PHONE":
            match = _EXTENSION.match(text, end)
            if match:
                end = match.end()
        grown.append((start, end, kind))
    return grown


def bank_codes(text: str) -> list[Candidate]:
    """Return sort codes, BSBs and routing numbers after their cue (as ``ACCOUNT``)."""
    lower = text.lower()
    if "sort" not in lower and "bsb" not in lower and "routing" not in lower:
        return []
    found: list[Candidate] = []
    for match in _BANK_CODE.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        cue = match.group().lower()
        if len(digits) == 9 and "routing" not in cue:
            continue  # a sort code or BSB has 6 digits
        if len(digits) == 6 and "routing" in cue:
            continue  # a routing number has 9
        found.append((match.start(1), match.end(1), "ACCOUNT"))
    return found


def glued_numbers(text: str, classify: Classifier) -> list[Candidate]:
    """Return numbers typed right after their cue word ("no.hp0812...", "NIK3174...").

    Args:
        text: The raw text.
        classify: The number classifier ``(chunk, digits, cues) -> type | None``.
    """
    if not _GLUED_PRECHECK.search(text):
        return []
    found: list[Candidate] = []
    for match in _GLUED.finditer(text):
        chunk = match.group("number")
        cues = [(_GLUED_CATEGORY[match.group("cue").lower()], True)]
        groups = list(re.finditer(r"\d+", chunk))
        for keep in range(len(groups), 0, -1):  # "NIK3174... 2" still yields the NIK
            sub = chunk[: groups[keep - 1].end()]
            digits = re.sub(r"\D", "", sub)
            if len(digits) < 6:
                break
            pii_type = classify(sub, digits, cues)
            if pii_type:
                start = match.start("number")
                found.append((start, start + len(sub), pii_type))
                break
    return found


# Digits written as words, Indonesian or English, alone or mixed with figures: "nol delapan
# satu dua 3456 7890", "zero eight one two ...". Tokens are separated by blanks, commas or
# dashes; one bounded repetition, so the scan is linear.
_DIGIT_WORDS = {
    **dict.fromkeys(("nol", "kosong", "zero", "oh"), "0"),
    **dict.fromkeys(("satu", "one"), "1"),
    **dict.fromkeys(("dua", "two"), "2"),
    **dict.fromkeys(("tiga", "three"), "3"),
    **dict.fromkeys(("empat", "four"), "4"),
    **dict.fromkeys(("lima", "five"), "5"),
    **dict.fromkeys(("enam", "six"), "6"),
    **dict.fromkeys(("tujuh", "seven"), "7"),
    **dict.fromkeys(("delapan", "eight"), "8"),
    **dict.fromkeys(("sembilan", "nine"), "9"),
}
_TOKEN = r"(?:" + "|".join(_DIGIT_WORDS) + r"|\d{1,4})\b"
_SPELLED = re.compile(
    r"(?<![\w-])" + _TOKEN + r"(?:[ ,\-]{1,3}" + _TOKEN + r"){4,15}", re.IGNORECASE
)


def spelled_numbers(
    text: str, classify: Classifier, cues_before: Callable[[str, int], list]
) -> list[Candidate]:
    """Return phone numbers written (partly) as digit words: "kosong delapan satu dua ...".

    Args:
        text: The raw text.
        classify: The number classifier ``(chunk, digits, cues) -> type | None``.
        cues_before: The cue reader ``(text, start) -> cues``.
    """
    lower = text.lower()
    if "delapan" not in lower and "eight" not in lower:
        return []  # every mobile number starts 08 / 62 8
    found: list[Candidate] = []
    for match in _SPELLED.finditer(text):
        tokens = re.findall(r"\w+", match.group().lower())
        if sum(token in _DIGIT_WORDS for token in tokens) < 3:
            continue  # figures alone are read by the number scan
        digits = "".join(_DIGIT_WORDS.get(token, token) for token in tokens)
        if classify(digits, digits, cues_before(text, match.start())) == "PHONE":
            found.append((match.start(), match.end(), "PHONE"))
    return found


_POSTAL = re.compile(
    r"\b(?:kode\s*pos|kodepos|kd\.?\s*pos|postal\s*code|post\s*code|postcode|zip(?:\s*code)?)"
    r"\s*[:.]?\s*(\d{5})(?!\d)",
    re.IGNORECASE,
)


# A postal code is personal only as part of someone's address: "kode pos saya 40115", "alamat
# ... kodepos 55281", "my zip is 94103". "How much is shipping to postcode 10110?" and "The zip
# code 94103 isn't accepted" ask about a town's code and stay; a form field ("Kodepos: 40115")
# is someone's.
_POSTAL_OWNER = re.compile(
    r"\b(?:saya|sy|aku|ku|kami|gue|gw|rumah|rmh|alamat\w*|tinggal|domisili|my|our|home|"
    r"address|live|penerima|recipient)\b|(?:pos|zip|code)(?:nya|ku)\b",
    re.IGNORECASE,
)


def find_postal_codes(text: str) -> list[Candidate]:
    """Return 5-digit postal codes that follow a postal-code cue (the digits only)."""
    lower = text.lower()
    if "pos" not in lower and "zip" not in lower and (text.isascii() or "\u017f" not in text):
        return []  # every cue contains "pos" or "zip" ("\u017f" matches "s" under IGNORECASE)
    return [
        (m.start(1), m.end(1), "ADDRESS")
        for m in _POSTAL.finditer(text)
        if ":" in text[m.start() : m.start(1)]  # a form field: "kodepos: 40115"
        or _POSTAL_OWNER.search(text, max(0, m.start() - 40), m.start(1))
    ]


# An IBAN: country, check digits, then up to 30 letters and digits in groups of four.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b")


def find_ibans(text: str) -> list[Candidate]:
    """Return IBANs whose ISO 13616 check digits are right ("GB29 NWBK 6016 1331 9268 19")."""
    found: list[Candidate] = []
    for match in _IBAN.finditer(text):
        code = match.group().replace(" ", "")
        moved = code[4:] + code[:4]
        number = "".join(str(int(char, 36)) for char in moved)
        if len(code) >= 15 and int(number) % 97 == 1:
            found.append((match.start(), match.end(), "ACCOUNT"))
    return found

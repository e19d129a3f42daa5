"""Street addresses: Indonesian (Jl./Jalan, No., RT/RW, Blok, Kel./Kec., postal code) and English.

An address starts at a strong cue (``Jl.``, ``Perum``, ``RT 03/RW 05``, ``Kec.``, ``alamat:``,
``12 Baker Street``, ``Apt 4B``) and then grows over the parts that usually follow it,
separated by spaces, commas or slashes: a house number, ``Blok``, ``RT/RW``, ``Kel./Kec./Kab./
Kota`` names, ``Km``, ``Kav.``, floor/unit, a 5-digit postal code and a place name that closes
it. It stops at the first word that is none of these, so the complaint around it survives.
"""

from __future__ import annotations

import re
from functools import lru_cache

from voc.pii.address_abroad import find_abroad_addresses
from voc.pii.address_tail import caps_town_end, landmark_end, line_town_end, lower_town_end
from voc.pii.names import given_names, not_name_words

__all__ = ["find_addresses"]

_STREET_ABBREV = r"jl|jln|gg|komp|perum|perumnas|ruko|rukan|dsn|kp"
# Words that need a following part (No., RT, Blok...) or an address cue before them,
# because they are also everyday words ("di jalan", "komplek sebelah", "desa kami").
_WEAK_STREET = (
    r"jalan|gang|desa|dusun|kampung|komplek|kompleks|perumahan|apartemen|apartment|griya|lorong"
)
# Housing estates and buildings: need a following part or an address cue, like _WEAK_STREET.
_ESTATE = (
    r"cluster|klaster|villa|vila|puri|residence|residences|regency|graha|bumi|pondok|wisma|"
    r"townhouse|rusun|rusunawa|rusunami|asrama|kost|kos|kosan|gedung|menara|tower|plaza|condo|"
    r"kondominium"
)
# English street suffixes after a house number and one to three Capitalised words.
_EN_STREET = (
    r"(?-i:\b\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?\s+"
    r"(?:(?:[A-Z][a-z]+\.?|\d{1,3}(?:st|nd|rd|th))\s+){1,3}"
    r"(?:Street|St|Road|Rd|"
    r"Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Crescent|"
    r"Close|Highway|Hwy|Parkway|Pkwy|Square|Sq|Grove|Walk|Rise|Hill|Park|Row|Gardens|Mews|"
    r"Cross|Main|Circle|Trail)\b\.?)"
)
_EN_SUFFIX = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|"
    r"terrace|crescent|close|highway|hwy|parkway|pkwy|square|sq|grove"
)
_EN_LOWER = (
    r"\b\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?)?\s+(?:[nsew]\.?\s+)?"
    r"(?:[a-z]{2,}|\d{1,3}(?:st|nd|rd|th))(?:\s+[a-z]{2,}){0,2}\s+(?:" + _EN_SUFFIX + r")\b\.?"
)
_NOT_A_PHONE = r"(?![ \t]*[-.]?[ \t]*\d{3})"
# A floor, room or unit: "Lt. 12", "lantai 5", "12th floor", "3/F", "kamar 7", "Tower B-1508".
_FLOOR = (
    r"(?:lt|lantai|floor|fl|level|unit|tower|apt|suite|flat|kamar|kmr|room|rm)\.?\s*#?"
    r"[A-Za-z]?-?\d+[A-Za-z]?(?:-\d+)?\b|\d{1,3}(?:st|nd|rd|th)\s+(?:floor|fl)\b\.?|\d{1,2}/F\b"
    r"|(?-i:[Uu]nit\s+[A-Z]{1,2})\b(?![-/.])"
)
_STARTERS = re.compile(
    r"(?P<street>\b(?:" + _STREET_ABBREV + r")\b\.?)"
    r"|(?P<jalan>\b(?:" + _WEAK_STREET + "|" + _ESTATE + r")\b)"
    r"|(?P<rtrw>(?=\brt\.?\s*:?\s*\d{1,3}\s*(?:[/,.-]?\s*rw\b|/\s*\d)))"
    # A Singapore block ("Blk 412 Ang Mo Kio Ave 10") before "Blok C2".
    r"|(?P<blk>\b(?:blk|block)\.?\s*\d{1,4}[A-Za-z]?\b(?=\s+[A-Za-z]{2}))"
    r"|(?P<blok>(?=\b(?:blok|block)\.?\s*(?:[A-Za-z]{0,2}[-./ ]?\d|[A-Za-z]{1,2}\s+no\b)))"
    r"|(?P<floor>(?=\b(?:lt|lantai|floor|level|room)\.?\s*\d|\b\d{1,3}(?:st|nd|rd|th)\s+floor\b|\b\d{1,2}/F\b))"
    r"|(?P<admin>(?=\b(?:kel|kec)\b\.|(?-i:\b(?:[Kk]elurahan|[Kk]ecamatan)\s+[A-Z])))"
    r"|(?P<label>\b(?:alamat(?:\s+(?:saya|lengkap|rumah|kantor|pengiriman|kirim|baru|lama))?|"
    r"address|home\s+address|shipping\s+address|delivery\s+address|"
    r"(?:deliver|delivery|ship|send|mail|post)\s+to)\s*:\s*)"
    r"|(?P<en_street>" + _EN_STREET + ")"
    r"|(?P<unit>(?-i:\b(?:[Aa]pt|APT|[Ss]uite|[Ff]lat)\b\.?\s*#?\d+[A-Za-z]?\b"
    r"|\b[Uu]nit\s*#?(?:\d+[A-Za-z]\b|\d+(?=,\s*\d))))"
    # Malaysian and Singaporean order: the house number before "Jalan": "88 Jalan Ampang".
    r"|(?P<my_street>(?-i:\b\d{1,5}[A-Za-z]?\s+(?=(?:Jalan|Jln|Jl)\b)))"
    # A post-office box.
    r"|(?P<pobox>\bp\.?\s?o\.?\s*box\s*\d{1,6}\b)"
    # A unit number opening the address: "#05-22, 10 Anson Road" (needs a part after it).
    r"|(?P<sg_unit>#\d{1,3}-\d{2,5}\b)"
    # English streets in lower case or capitals: "518 w 48th st", "4812 W 63RD ST".
    r"|(?P<en_lower>" + _EN_LOWER + ")",
    re.IGNORECASE,
)
_NESTED_STREET = re.compile(r"(?:" + _STREET_ABBREV + "|" + _WEAK_STREET + r")\b\.?", re.I)
# Parts that may follow once an address has started (tried in this order); the first
# seven also end a street name.
_PARTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:no|nomor|nomer|nmr|#)\.?\s*:?\s*\d+[A-Za-z]?(?:\s*[-/]\s*\d+[A-Za-z]?)?\b"
        r"(?:\s(?-i:[A-HJ-Z])\b(?![-/.]))?",  # "No. 31 B"
        # a named block before its code ("Blok Bougenville B4 No. 11") or a block code
        r"(?:blok|block)(?:\s+(?-i:[A-Z][a-z]+)\b(?=\s+(?-i:[A-Z]{1,2}-?\d))|"
        r"\.?\s*[A-Za-z]{0,2}[-. ]?\d{0,4}[A-Za-z]?(?:\s*[-/.]\s*\d+[A-Za-z]?)*\b)",
        r"rt\.?\s*:?\s*\d{1,3}(?:\s*[/,.-]?\s*rw\.?\s*:?\s*\d{1,3}|\s*/\s*\d{1,3})?\b",
        r"rw\.?\s*:?\s*\d{1,3}\b",
        r"km\.?\s*\d+(?:[.,]\d+)?\b",
        r"kav(?:ling)?\.?\s*[A-Za-z]?-?\d+[A-Za-z]?(?:\s*[-/]\s*\d+[A-Za-z]?)?\b",
        _FLOOR,
        r"(?:sektor|sector)\s*\d{1,2}(?:\.\d{1,2})?[A-Za-z]?\b",  # "sektor 1.2"
        r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\b",  # UK postcode: "NW1 6XE"
        # house codes: "C3/18", "B-12", "X/12"
        r"(?-i:[A-Z]{1,2})(?:-?\d{1,3}[A-Za-z]?(?:-\d{1,3})*(?:\s*/\s*\d{1,3}[A-Za-z]?)?|/\d{1,3})\b",
        r"tower\s+(?-i:[A-Z]\d?)\b",  # "Tower B lantai 9"
        _EN_STREET,  # "Unit 5, 12 Collins Street"
        _EN_LOWER,  # "apt 3r, 518 w 48th st"
        # state and postcode: "VIC 3000", "NY 10019" (not "HP 0812 ...")
        r"(?-i:[A-Z]{2,3})\s+\d{4,5}\b" + _NOT_A_PHONE,
        # postal codes (ID 5, SG 6, AU/NZ 4), not the first group of a phone number
        r"\d{4,6}\b(?!\s*(?:rb|ribu|k|jt|juta)\b)" + _NOT_A_PHONE,
        r"\d{1,4}[A-Za-z]?\b(?=\s*(?:[,.;)#]|rt\b|blok\b|$))",
        r"\d{1,5}[A-Za-z]?\b(?=\s+(?:jalan|jln|jl)\b)",
        # a direction after a block or number: "Blok B1 Utara No. 52"
        r"(?-i:Utara|Selatan|Timur|Barat|Tengah)\b(?=\s*,?\s*(?:no|nomor|blok|rt|\d))",
        # a named tower before its floor: "Tower Scarlet Lt. 22"
        r"(?:tower|menara|wisma)\s+(?-i:[A-Z][a-z]+)\b(?=\s+(?:lt|lantai|floor|fl|unit|level)\b)",
        # the postal code with its cue inside an address: "..., bandung, kode pos 40619"
        r"(?:kode\s*pos|kodepos|kd\.?\s*pos|postal\s*code|post\s*code|postcode|zip(?:\s*code)?)"
        r"\s*[:.]?\s*\d{4,6}\b",
        # postcodes of Canada and Ireland: "QC H3A 2R7", "ON L5B 3K2", "A96 X2K7"
        r"(?-i:(?:[A-Z]{2}\s+)?[A-Z]\d[A-Z]\s?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d{2}\s[A-Z\d]{4})\b",
    )
]
_N_NAME_ENDING_PARTS = 10
_ADMIN_PART = re.compile(
    r"(?:kel|kelurahan|desa|ds|kec|kecamatan|kab|kabupaten|kota|kodya|prov|provinsi|"
    r"dusun|dsn|brgy|barangay|distrik|banjar|seksyen)\b\.?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*\.?|\d+[A-Za-z]?\b")
_BLANKS = re.compile(r"[ \t]*")
_SEP = re.compile(r"[ \t]*(?:\.?,|/|-(?=\s))?[ \t]*")  # "Mahogany St., Brgy. ..."
_PLACE = re.compile(
    r"[A-Z](?:[a-zà-öø-ÿ]+|[A-Z]{1,3}\b)(?:\s+[A-Z][a-zà-öø-ÿ]+){0,2}(?![\w-])"
)  # Bandung, BSD City
_CLOSING = re.compile(r"\s*(?:[,.;:)!?\n]|\s[-–—]\s|$)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_POSTAL_NEXT = re.compile(r"\s*,?\s*\d{5}\b")
_ADDRESS_CONTEXT = re.compile(
    r"(?:\b(?:alamat\w*|rumah(?!\s+(?:sakit|makan))|tinggal|domisili|kos(?:an|t)?\s+(?:saya|aku|ku)|"
    r"(?:di|ter|salah\s+)?kirim(?:kan)?\s+ke|antar(?:kan)?\s+ke|diantar\s+ke|nganter(?:in)?\s+ke|"
    r"nyasar\s+ke|pindah\s+ke|address|live\s+(?:at|on|in)|lives\s+(?:at|on)|ship(?:ped)?\s+to|"
    r"deliver(?:ed)?\s+to|sen[dt]\s+to|moved\s+to|(?:my|our)\s+(?:office|workplace)|"
    r"kantor\s+(?:saya|kami|aku|ku))\b|\boffice\s*:)"
    r"[^.!?\n\]]{0,25}$",  # not across a placeholder: redacting twice changes nothing
    re.IGNORECASE,
)
# A business or landmark right before a street ("Cabang Jl. Thamrin", "ATM BCA di Jl. X",
# "the outlet on Jl. Y", "SPBU Pertamina 34.121.07 Jl. Z"): a company's branch address is not
# personal data.
_LANDMARK_BEFORE = re.compile(
    r"\b(?:cabang|kcp|outlet|gerai|store|toko|branch|showroom|dealer|bengkel|atm|spbu|"
    r"indomaret|alfamart|alfamidi|minimarket|supermarket|mall|plaza|stasiun|station|halte|"
    r"terminal|bandara|airport|rs|rumah\s+sakit|hospital|klinik|clinic|apotek|hotel|restoran|"
    r"restaurant|resto|cafe|kafe|pasar|kampus|sekolah|masjid|gereja|kantor\s+pos|drop\s*point|"
    r"agen|counter|konter|service\s+cent(?:er|re)|servis\s+center|grapari|galeri|gallery|"
    r"booth|kios|gudang|warehouse|hub|kantor\s+pusat|head\s+office|kantor\s+cabang|branch|"
    r"kantor(?=[ \t]+(?-i:[A-Z])))\b"  # "kantor JNE di Jl. ...": a company's office
    r"(?!\s+(?:saya|aku|ku|kami|gue|gw|sy|my|our)\b)"
    r"(?:\s+[\w&'.-]+){0,3}?\s*[,(]?\s*(?:(?:yang|yg)\s+)?(?:di|on|at|in|dekat|depan|near)?\s*$",
    re.IGNORECASE,
)
_ESTATE_BEFORE = re.compile(
    r"\b(?:kav|kavling|asrama|komp|komplek|kompleks|perum|perumahan|cluster|pondok)\.?[ \t]+\Z",
    re.IGNORECASE,
)
_OPENER_WORD = re.compile(
    r"\b(?:no|lot|unit|house|apt|apartment|flat|blk|block|suite|room)\.?[ \t]*#?\Z", re.I
)
_ROUTE = re.compile(r"[ \t]*(?:tol|toll|layang|lingkar)\b", re.IGNORECASE)
_SHOW_UNIT = re.compile(r"\b(?:show|display|contoh|model)[ \t]+\Z", re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|dekat|deket|depan|opposite|behind|belakang|samping|sebelah|across)"
    r"(?:[ \t]+(?:the|from|to|of|dari))?[ \t]*\Z",
    re.IGNORECASE,
)
# A unit, lot or house number before the street it belongs to: "No. 8, Lorong Bukit Bintang".
_OPENER = re.compile(
    r"(?:\b(?:no|lot|unit|level|lvl|blk|block|apt|apartment|suite|room|warehouse|flat|house)"
    r"\.?\s*#?\d{1,5}[A-Za-z]?(?:-\d{1,5})?\s*(?:,\s*(?:the\s+)?|\s(?:at|di)\s+)|\bunit\s+"
    r"|\b\d{1,2}/F\s*,\s*"  # "Room 1104, 11/F, Block 2, ..."
    # the company at the address: "addressed to PT Cahaya Abadi, Jl. ..."
    r"|(?-i:\b(?:PT|CV)\.?\s+(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*),\s*)\Z",
    re.IGNORECASE,
)
# A town (and state) before a postal code: "Jakarta Barat 11530", "new york ny 10036".
_TOWN_POSTAL = re.compile(
    r"(?:[A-Za-z]+,?[ \t]+){1,4}\d{4,6}\b(?![-.]\d)(?!\s*(?:rb|ribu|k|jt|juta)\b)" + _NOT_A_PHONE
)
_NOT_PLACE = frozenset(
    "phone tel telp telepon hp wa whatsapp npwp nik ktp email no call called contact hubungi "
    "fax mobile cell nomor rek rekening account an atas attn".split()
)
_COUNTRY_LINE = re.compile(
    r"(?:Indonesia|Malaysia|Singapore|Australia|New Zealand|United Kingdom|UK|USA|"
    r"United States|Brunei|Philippines|Thailand|INDONESIA|MALAYSIA|SINGAPORE|AUSTRALIA|"
    r"Spain|Italy|France|Germany|Netherlands|Ireland|Canada|India|Japan)"
    r"[ \t]*(?=\n|$)"
)
_NEWLINE = re.compile(r"[ \t]*\r?\n[ \t]*(?=\S)")
_LINE_POSTAL = re.compile(r"\d{4,6}\b(?![-.]\d)" + _NOT_A_PHONE)
_UK_TOWN_LINE = re.compile(
    r"(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2})\b"
)
_THE_PLACE = re.compile(r"(?-i:The[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b")
_NUMBERED_PLACE = re.compile(r"\d{1,2}\s+[A-Z][a-z]+\b")
_MAX_NAME_WORDS = 4
_DIRECTIONS = frozenset("utara selatan timur barat tengah raya baru lama".split())
_MAX_BACK_WORDS = 5
_BACK_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*|\d{1,5}[A-Za-z]?(?![\w/])")
_DIGIT = re.compile(r"\d")
# A public place closing an estate word's name ("Pondok Indah Mall 2", "Pasar Minggu").
_PUBLIC_PLACE_END = re.compile(
    r"\b(?:mall|plaza|square|market|pasar|stasiun|station|airport|bandara|hospital)\b"
    r"(?:[ \t]+\d{1,2})?[ \t]*\Z",
    re.IGNORECASE,
)
# Buildings (and floors) are addresses only after an address cue or with a street part.
_BUILDINGS = frozenset("gedung menara tower plaza condo kondominium".split())
_STREETISH = re.compile(
    r"\b(?:jl|jln|jalan|gg|gang|no|nomor|kav|kavling|rt|rw|street|road|st|rd|ave)\b|"
    r"\b\d{5,6}\b|#\d",
    re.IGNORECASE,
)
_ADDRESS_WORDS = frozenset(("blok block " + _WEAK_STREET + "|" + _ESTATE).replace("|", " ").split())
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)
#: Every starter of _STARTERS opens with one of these words (lower case, at a word
#: boundary); those of _DIGIT_KEYWORDS only in a text with a digit.
_KEYWORDS = frozenset(
    (_STREET_ABBREV + "|" + _WEAK_STREET + "|" + _ESTATE).split("|")
    + ["kel", "kec", "kelurahan", "kecamatan", "alamat", "address"]
)
#: The "X to:" labels, which need a colon.
_LABEL_TO_KEYWORDS = frozenset("deliver delivery ship send mail post".split())
_DIGIT_KEYWORDS = frozenset(
    "rt lt lantai floor level room blk box apt suite flat unit street st road rd avenue ave "
    "lane ln drive dr "
    "boulevard blvd way court ct place pl terrace crescent close highway hwy parkway pkwy "
    "square sq grove walk rise hill park row gardens mews cross main circle trail".split()
)
_UNIT_HASH = re.compile(r"#\d{1,3}-\d")  # the sg_unit starter ("#05-22"), not "#123" or hashtags
_ASCII_WORD = re.compile(r"[a-z]+")
_STOP = frozenset(
    "dan atau tapi tetapi yang yg kok ya sudah udah udh belum blm masih tidak tdk gak ga nggak "
    "mohon tolong tlg please pls but and the is was not no sejak dari ke untuk utk sampai "
    "paket pesanan kurir barang saya aku kak min kakak gan bro sis dong deh sih nih lho "
    "karena krn soalnya padahal jadi terus lalu kemarin besok hari jam lagi juga sama "
    "dengan di pada via sesuai seperti harus bisa mau ingin minta cek dicek kenapa knp "
    "why since because which that who where when then itu ini".split()
)


def _may_hold_address(text: str) -> bool:
    """An exact pre-filter: ``False`` only when :data:`_STARTERS` cannot match ``text``.

    Every starter opens with a word of :data:`_KEYWORDS` at a word boundary, or, in a text
    with a digit, with a word of :data:`_DIGIT_KEYWORDS`, ``blok``/``block`` (also glued to
    what follows), ``/F`` or a unit number ``#05-22``. The ASCII words of the lower-cased
    text are a superset of the words the regex can see, so no address is lost. Characters
    that IGNORECASE matching maps onto ASCII letters ("İ", "ı", "ſ", the Kelvin sign) defeat
    this, so such texts always go to the regex.
    """
    if not text.isascii() and any(char in text for char in _FOLDS_TO_ASCII):
        return True
    lower = text.lower()
    words = set(_ASCII_WORD.findall(lower))
    if not _KEYWORDS.isdisjoint(words):
        return True
    if ":" in text and not _LABEL_TO_KEYWORDS.isdisjoint(words):
        return True  # "Delivery to: ..."
    if not _DIGIT.search(text):
        return False
    return (
        not _DIGIT_KEYWORDS.isdisjoint(words)
        or "/f" in lower
        or ("#" in text and _UNIT_HASH.search(text) is not None)
        or any(word.startswith("blo") for word in words)
    )


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "ADDRESS")`` for every address found in ``text``."""
    found = _prefiltered(text)
    if "," in text and _DIGIT.search(text):
        found += [
            (_open_back(text, start), end, kind)  # "Lot 88, Taman Sri Muda, ..., 40400 Shah Alam"
            for start, end, kind in find_abroad_addresses(text, not_name_words().__contains__)
        ]
    return found


def _prefiltered(text: str) -> list[tuple[int, int, str]]:
    """The addresses that open at a starter, behind the exact pre-filter."""
    return _find_addresses(text) if _may_hold_address(text) else []


def _find_addresses(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    position = 0
    for match in _STARTERS.finditer(text):
        if match.start() < position:
            continue
        kind = match.lastgroup
        start, end = match.span()
        if kind == "label":
            if match.group().rstrip(" \t:").lower().endswith(" to") and _STARTERS.match(text, end):
                continue  # "SHIP TO: BLK 412 ...": the starter after the label opens it
            start = end
            end = _street_name(text, end)
            if end == start:
                continue
        elif kind in ("street", "jalan", "my_street", "blk"):
            words_end = _street_name(text, end)
            if words_end == end and kind in ("street", "jalan"):
                words_end = _lenient_name(text, end)
            after = _SEP.match(text, end).end()
            if words_end == end and not (
                kind == "jalan"
                and (any(p.match(text, after) for p in _PARTS) or _NESTED_STREET.match(text, after))
            ):
                continue
            end = words_end
        if kind in ("street", "jalan") and _ROUTE.match(text, match.end()):
            continue  # "Jalan tol Jagorawi KM 21": a route and its km mark, no address
        if kind == "unit" and _SHOW_UNIT.search(text, max(0, start - 20), start):
            continue  # "the show unit 5B": a model flat on display
        end, parts = _grow(text, end)
        if end == start:
            continue
        if (
            kind == "admin"
            and parts <= 1
            and not _DIGIT.search(text, start, end)
            and not _ADDRESS_CONTEXT.search(text[max(0, start - 60) : start])
        ):
            continue  # "kode pos Kecamatan Cibinong berapa?": a district alone is a place
        if kind in ("sg_unit", "en_lower") and not parts:
            # "#12-345" alone is a ticket; "2 hours on the road" is no street.
            if kind == "sg_unit" or not _ADDRESS_CONTEXT.search(text[max(0, start - 60) : start]):
                continue
        if kind == "en_lower" and any(_is_stop(w) for w in _ASCII_WORD.findall(match.group())):
            continue
        if kind == "jalan" and _PUBLIC_PLACE_END.search(text, start, end):
            if not _STREETISH.search(text, start, end):
                continue  # "at Pondok Indah Mall 2": a mall, a market or a station, no address
        before = text[max(0, start - 60) : start]
        context = _ADDRESS_CONTEXT.search(before)
        numbered = parts or any(char.isdigit() for char in text[start:end])
        if kind in ("street", "jalan") and not numbered and _NEAR_BEFORE.search(before):
            continue  # "the Marriott near Jalan Thamrin": a landmark's street, no address
        if kind in ("street", "jalan") and not numbered and not context:
            # "di jalan raya macet", "macet di Jl. Sudirman": a street alone is not an address.
            continue
        if kind not in ("label", "street"):
            # The name of a building, estate or street before it: "Blok M Square Residence
            # Tower B-1508", "5 Kebun Jeruk Baru Blok A/12", "Menara BCA 35th floor".
            walked = _walk_back(text, max(start, position))
            if (
                kind == "floor"
                and walked == start
                and not _STREETISH.search(text, start, end)
                and not (context and parts >= 2)  # "delivered to Room 1207, Block B, ..."
            ):
                continue  # "Lt. 3 food court", "to the 4th floor": a floor alone is no address
            start = walked
            before = text[max(0, start - 60) : start]
            context = context or _ADDRESS_CONTEXT.search(before)
            building = kind == "floor" or match.group().lower() in _BUILDINGS
            if building and not _STREETISH.search(text, start, end):
                if not context or context.group().lower().startswith("our"):
                    # "Gedung A lantai 3 ruang tunggu", "Tower 2 lift": a place, no address;
                    # "Our office di Menara BCA lantai 30": a company's tower and floor.
                    continue
        if kind != "label":
            # "No. 8, Lorong ...", "Lot 12, Jalan ...", "Level 12, 1 Raffles Place", "unit 14/2".
            opened = _open_back(text, start)
            if opened < start:
                start = opened
                before = text[max(0, start - 60) : start]
                context = context or _ADDRESS_CONTEXT.search(before)
        if kind != "label" and not context and _LANDMARK_BEFORE.search(before):
            continue
        end = _rstrip(text, start, end)
        found.append((start, end, "ADDRESS"))
        position = end
    return found


def _open_back(text: str, start: int) -> int:
    """Move ``start`` back over the unit, lot, floor or house numbers that open the address."""
    if text[start : start + 1].isdigit():
        word = _OPENER_WORD.search(text, max(0, start - 12), start)  # "Lot |88, Taman ..."
        start = word.start() if word is not None else start
    while (opener := _OPENER.search(text, max(0, start - 30), start)) is not None:
        if opener.start() >= start:
            break
        start = opener.start()
    return start


def _walk_back(text: str, start: int) -> int:
    """Move ``start`` back over the Capitalised words (and a house number) right before it."""
    words = list(_BACK_WORD.finditer(text[max(0, start - 80) : start]))
    offset = max(0, start - 80)
    begin = start
    for word in reversed(words[-_MAX_BACK_WORDS:]):
        gap = text[offset + word.end() : begin]
        if offset + word.end() != begin and (not gap.isspace() or "\n" in gap):
            break  # not over another line: "ATTN: ROBERT J. CALLAHAN\n4812 W 63RD ST"
        value = word.group()
        lower = value.lower()
        if value[0].isdigit():
            begin = offset + word.start()
            break  # a house number opens the address
        if not value[0].isupper() or lower in _STOP or lower in _english_stop():
            break
        begin = offset + word.start()
    # An estate word right before the name: "kav. DPR blok g no 3", "asrama Polri Blok C".
    estate = _ESTATE_BEFORE.search(text, max(0, begin - 20), begin)
    if estate is not None and begin < start:
        return estate.start()
    # An everyday word opening the run is the sentence, not the name: "Kirim Perum ...".
    while begin < start:
        first = _BACK_WORD.match(text, begin)
        if first is None or first.group()[0].isdigit():
            break
        lower = first.group().lower()
        if lower not in not_name_words() or lower in _ADDRESS_WORDS:
            break
        begin = _BLANKS.match(text, first.end()).end()
    return begin


@lru_cache(maxsize=1)
def _english_stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_stop(word: str) -> bool:
    lower = word.rstrip(".").lower()
    return lower in _STOP or (word.islower() and lower in not_name_words())


def _street_name(text: str, pos: int) -> int:
    """Consume a street name; a nested street word may open it ("Perum Griya Asri")."""
    end = _words(text, pos)
    if end == pos:
        nested = _NESTED_STREET.match(text, _BLANKS.match(text, pos).end())
        if nested is not None and (after := _words(text, nested.end())) > nested.end():
            return after
    return end


def _lenient_name(text: str, pos: int) -> int:
    """A street name of everyday words that a house part closes: "gg. haji ridi no 11"."""
    end = cursor = pos
    for _ in range(3):
        word = _WORD.match(text, _BLANKS.match(text, cursor).end())
        if word is None or not word.group()[0].isalpha():
            break
        cursor = word.end()
        if any(p.match(text, _BLANKS.match(text, cursor).end()) for p in _PARTS[:3]):
            end = cursor
            break
    return end


def _words(text: str, pos: int, after_admin: bool = False) -> int:
    """Consume up to a few name words (street or place names); return the new end.

    ``after_admin``: the words follow an admin cue, so the first may be one ("Kel. Kota Baru").
    """
    end = cursor = pos
    for _ in range(_MAX_NAME_WORDS):
        at = _BLANKS.match(text, cursor).end()
        if any(p.match(text, at) for p in _PARTS[:_N_NAME_ENDING_PARTS]):
            break
        if (end > pos or not after_admin) and _ADMIN_PART.match(text, at):
            break
        if _NESTED_STREET.match(text, at):
            break
        word = _WORD.match(text, at)
        if not word:
            break
        if _is_stop(word.group()) and (word.group().lower() not in _DIRECTIONS or end == pos):
            # "jl. pogung baru" keeps "baru"; "tower baru" alone is no street name.
            # "Jl. Cik Di Tiro": a Capitalised small word inside a street name.
            following = _WORD.match(text, _BLANKS.match(text, word.end()).end())
            after = _BLANKS.match(text, word.end()).end()
            if not word.group()[0].isupper() or not (
                (following and following.group()[0].isupper() and not _is_stop(following.group()))
                or any(p.match(text, after) for p in _PARTS[:_N_NAME_ENDING_PARTS])
            ):
                break
        cursor = end = word.end()
    return end


def _grow(text: str, end: int, *, after_number: bool = False) -> tuple[int, int]:
    """Extend an address over the parts that follow it; return (end, number of parts)."""
    parts = 0
    while True:
        sep = _SEP.match(text, end)
        at = sep.end()
        comma = "," in sep.group() or "/" in sep.group()
        if at == end or not comma:
            line = _NEWLINE.match(text, end)
            if line is not None:
                # Multi-line addresses: the next line goes on only with an address part, a
                # town before its postal code or a country alone on its line.
                next_end = _next_line_part(text, line.end())
                if next_end is None:
                    return end, parts
                end, parts, after_number = next_end, parts + 1, True
                continue
        town = _town_postal(text, at) if comma or after_number else None
        if town is not None:
            end, parts, after_number = town, parts + 1, True
            continue
        part = next((m for p in _PARTS if (m := p.match(text, at))), None)
        if part is not None:
            end, parts, after_number = part.end(), parts + 1, True
            continue
        if parts and (landmark := landmark_end(text, at, _is_stop)) is not None:
            end, parts, after_number = landmark, parts + 1, False  # "No. 12 depan Masjid X"
            continue
        for cue in (_ADMIN_PART, _NESTED_STREET):
            found = cue.match(text, at)
            admin = cue is _ADMIN_PART
            if found is not None and (words_end := _words(text, found.end(), admin)) > found.end():
                # after "kel. sidomulyo timur" a lower-case town may close the address
                end, parts, after_number = words_end, parts + 1, cue is _ADMIN_PART
                break
        else:
            place = _place(text, at, comma=comma, after_number=after_number, parts=parts)
            if place is None:
                return end, parts
            end, parts, after_number = place, parts + 1, False


def _next_line_part(text: str, at: int) -> int | None:
    """The end of the address part that opens the line at ``at``, if any."""
    for cue in (_ADMIN_PART, _NESTED_STREET):
        found = cue.match(text, at)
        if found is not None and (words_end := _words(text, found.end())) > found.end():
            return _grow(text, words_end)[0]
    for pattern in (_PARTS[0], _PARTS[1], _PARTS[2], _COUNTRY_LINE):
        found = pattern.match(text, at)
        if found is not None:
            return _grow(text, found.end())[0]
    town = _town_postal(text, at)
    if town is not None:
        return _grow(text, town)[0]
    postal = _LINE_POSTAL.match(text, at)
    if postal is not None:
        end = _grow(text, postal.end(), after_number=True)[0]
        if _CLOSING.match(text, end):
            return end
    uk = _UK_TOWN_LINE.match(text, at)  # "Leeds LS6 2QT"
    if uk is not None:
        return _grow(text, uk.end())[0]
    town = line_town_end(text, at, _is_stop, given_names().__contains__)
    if town is not None:  # "Balige, Toba" or "jaksel" alone on its line
        return _grow(text, town)[0]
    return None


def _town_postal(text: str, at: int) -> int | None:
    """The end of "Town 12345" / "Town ST 1234" at ``at``, if its words are no everyday words."""
    found = _TOWN_POSTAL.match(text, at)
    if found is None:
        return None
    words = found.group().replace(",", " ").split()[:-1]
    # "new york ny 10036": with a state code an everyday word may open the town.
    state = len(words) > 1 and 2 <= len(words[-1]) <= 3
    checked = words[1:] if state else words
    if any(_is_stop(w) for w in checked) or any(w.lower() in _NOT_PLACE for w in words):
        return None
    return found.end()


def _place(text: str, at: int, *, comma: bool, after_number: bool, parts: int = 0) -> int | None:
    """Return the end of a town name that closes an address, if one starts at ``at``."""
    if comma:
        # After a comma: a Capitalised place ("..., Bandung") or a lower-case one that
        # ends the address ("..., sleman").
        place = _PLACE.match(text, at)
        first = place.group().split()[0] if place else ""
        if place and not _is_stop(first) and first.lower() not in _NOT_PLACE:
            return place.end()
        word = _WORD.match(text, at)
        value = word.group().rstrip(".") if word else ""
        if value.isalpha() and not _is_stop(value) and value.lower() not in _NOT_PLACE:
            word_end = at + len(value)  # "..., jakpus." ends before the full stop
            following = _NEXT_WORD.match(text, word_end)
            if (
                _CLOSING.match(text, word_end)
                or _POSTAL_NEXT.match(text, word_end)
                # "no 3, tangerang ya": after a house number, closed by an everyday word
                or (after_number and following and _is_stop(following.group(1)))
            ):
                return word_end
        numbered = _NUMBERED_PLACE.match(text, at)  # "8 Ilir", "16 Ulu" (Palembang)
        if numbered is not None and _CLOSING.match(text, numbered.end()):
            return numbered.end()
        building = _THE_PLACE.match(text, at)  # "Tower A, The Mansion Kemayoran"
        if building is not None:
            return building.end()
        if not parts:
            return (
                None  # "macet di jalan sudirman, drivernya malah ...": no town after a bare street
            )
        return caps_town_end(text, at, _is_stop) or lower_town_end(text, at, _is_stop, most=3)
    if after_number and text[at : at + 1].islower():
        # "rt 4 rw 2 bekasi timur, tp ...", "rt 12 talang kelapa alang alang lebar palembang":
        # a lower-case town after the number, closed by punctuation, the end or an everyday word.
        return lower_town_end(text, at, _is_stop)
    if after_number:
        # "No. 100 Depok, mau komplain" / "No. 22 Bandung ya": a Capitalised town right after
        # the number, closed by punctuation or an everyday word; in capitals ("BEKASI TIMUR").
        caps = caps_town_end(text, at, _is_stop)
        if caps is not None:
            return caps
        place = _PLACE.match(text, at)
        if place and not _is_stop(place.group().split()[0]):
            following = _NEXT_WORD.match(text, place.end())
            if (
                _CLOSING.match(text, place.end())
                or _POSTAL_NEXT.match(text, place.end())
                or (following and _is_stop(following.group(1)))
            ):
                return place.end()
    return None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,/-":
        end -= 1
    return end

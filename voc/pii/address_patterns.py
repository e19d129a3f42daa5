"""The vocabulary of address finding: street words, address parts and the starter regex.

Compiled once at import; :mod:`voc.pii.address` walks texts with them.
"""

from __future__ import annotations

import re

__all__ = [
    "ADDRESS_CONTEXT",
    "ADDRESS_WORDS",
    "ADMIN_PART",
    "ASCII_WORD",
    "BACK_WORD",
    "BARE_NUMBER_PART",
    "BLANKS",
    "BLOCK_PART",
    "BRACKET_ASIDE",
    "BUILDINGS",
    "CA_IE_POSTCODE_PART",
    "CLOSING",
    "CONTRAST",
    "CURRENCY",
    "COUNTRY_LINE",
    "DIGIT",
    "DIGIT_KEYWORDS",
    "DIRECTIONS",
    "DIRECTION_PART",
    "DOTTED_STREET",
    "EN_LOWER",
    "EN_LOWER_PART",
    "EN_STREET",
    "EN_STREET_PART",
    "EN_SUFFIX",
    "ESTATE",
    "ESTATE_BEFORE",
    "ESTATE_COMPOUND",
    "FLOOR",
    "FLOOR_PART",
    "FOLDS_TO_ASCII",
    "HOUSE_CODE_PART",
    "HOUSE_NO_PART",
    "HOUSE_NUMBER_BEFORE",
    "HOUSE_NUMBER",
    "HOUSE_WORD_BEFORE",
    "JP_POSTCODE_PART",
    "KAV_PART",
    "KEYWORDS",
    "KM_PART",
    "LABEL_TO_KEYWORDS",
    "LANDMARK_WORDS",
    "LENIENT_ENDS",
    "LINE_GAP",
    "LIST_JOIN",
    "LINE_OPENING_PARTS",
    "LINE_POSTAL",
    "LORONG_DOT",
    "LORONG_NESTED",
    "MAX_BACK_WORDS",
    "MAX_NAME_WORDS",
    "NAMED_TOWER_PART",
    "NAME_ENDING_PARTS",
    "NEAR_BEFORE",
    "NESTED_STREET",
    "NEWLINE",
    "NEXT_WORD",
    "NOT_A_PHONE",
    "NOT_PLACE",
    "NUMBERED_PLACE",
    "NUMBER_BEFORE_JALAN_PART",
    "ONE_WORD_GAP",
    "OUTPATIENT_BEFORE",
    "OPENER",
    "OPENER_WORD",
    "PARTS",
    "PHASE_PART",
    "PLACE",
    "POSTAL_NEXT",
    "POSTCODE_CUE_PART",
    "POSTCODE_PART",
    "PUBLIC_PLACE_END",
    "QUANTITY_BEFORE",
    "ROUTE",
    "RT_PART",
    "RW_PART",
    "SECTOR_PART",
    "SEP",
    "SG_POSTCODE_PART",
    "SPACED_CODE_PART",
    "SHOW_UNIT",
    "SLASH_NUMBER_PART",
    "STARTERS",
    "STATE_POSTCODE_PART",
    "NOT_STREET_FIRST",
    "QUANTITY_AFTER",
    "REDUPLICATED",
    "STOP",
    "STREETISH",
    "STREET_TITLES",
    "STREET_ABBREV",
    "THE_BEFORE",
    "THE_PLACE",
    "THE_SUFFIX",
    "TOWER_LETTER_PART",
    "TOWN_POSTAL",
    "UK_POSTCODE",
    "UK_POSTCODE_PART",
    "UK_TOWN_LINE",
    "UNIT_HASH",
    "UNIT_PAIR_BEFORE",
    "VILLAGE",
    "VILLAGE_WORDS",
    "WEAK_STREET",
    "WORD",
]

STREET_ABBREV = r"jl|jln|jaln|jlan|gg|lrg|komp|perum|prum|perumnas|ruko|rukan|dsn|kp"
# Words that need a following part (No., RT, Blok...) or an address cue before them,
# because they are also everyday words ("di jalan", "komplek sebelah", "desa kami").
WEAK_STREET = (
    r"jalan|gang|desa|dusun|kampung|komplek|kompleks|perumahan|apartemen|apartment|griya|lorong"
)
# Housing estates and buildings: need a following part or an address cue, like WEAK_STREET.
ESTATE = (
    r"cluster|klaster|villa|vila|puri|residence|residences|regency|graha|bumi|pondok|wisma|"
    r"townhouse|rusun|rusunawa|rusunami|asrama|kost|kos|kosan|gedung|menara|tower|plaza|condo|"
    r"kondominium"
)
# English street suffixes after a house number and one to three Capitalised words.
EN_STREET = (
    r"(?-i:\b\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?\s+"
    r"(?:(?:[A-Z][a-z]+\.?|\d{1,3}(?:st|nd|rd|th))\s+){1,3}"
    r"(?:Street|St|Road|Rd|"
    r"Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Crescent|"
    r"Close|Highway|Hwy|Parkway|Pkwy|Square|Sq|Grove|Walk|Rise|Hill|Park|Row|Gardens|Mews|"
    r"Cross|Main|Circle|Trail|Parade|Pde|Esplanade|Quay)\b\.?)"
)
EN_SUFFIX = (
    r"street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|"
    r"terrace|crescent|close|highway|hwy|parkway|pkwy|square|sq|grove|parade|pde|esplanade|"
    r"quay"
)
EN_LOWER = (
    r"\b\d{1,5}[a-z]?(?:[-/]\d{1,5}[a-z]?)?\s+(?:[nsew]\.?\s+)?"
    r"(?:[a-z]{2,}|\d{1,3}(?:st|nd|rd|th))(?:\s+[a-z]{2,}){0,2}\s+(?:" + EN_SUFFIX + r")\b\.?"
)
NOT_A_PHONE = r"(?![ \t]*[-.]?[ \t]*\d{3})"
THE_BEFORE = re.compile(r"(?<!\w)The \Z")
THE_SUFFIX = re.compile(r"\bthe\s+(?=(?:" + EN_SUFFIX + r")\b)", re.IGNORECASE)
# A floor, room or unit: "Lt. 12", "lantai 5", "12th floor", "3/F", "kamar 7", "Tower B-1508".
FLOOR = (
    r"(?:lt|lantai|floor|fl|level|unit|tower|apt|suite|flat|kamar|kmr|room|rm)\.?\s*#?"
    r"[A-Za-z]?[-/]?\d+[A-Za-z]{0,2}(?:-\d+|-[A-Za-z]{1,2})?\b|\d{1,2}F\b(?![-/])|\d{1,3}(?:st|nd|rd|th)\s+(?:floor|fl)\b\.?|\d{1,2}/F\b"
    r"|(?-i:[Uu]nit\s+[A-Z]{1,2})\b(?![-/]|\.\w)"
)
# "Lr. Kemuning" (lorong, Aceh and Palembang): only with its dot ("LR" is also an acronym).
LORONG_DOT = r"lr\.(?=[ \t]*[A-Za-z])"
# Inside an address a numbered lorong goes on too: "Jl. X Km. 10 Lr. 3 No. 27".
LORONG_NESTED = r"lr\.(?=[ \t]*[A-Za-z0-9])"
# Every starter opens at "#" or at the first character of a word (a word boundary before a
# letter or digit): the guard in front lets the engine drop every other position at once.
STARTERS = re.compile(
    r"(?:(?=#)|\b(?=\w))(?:"
    r"(?P<street>(?:(?<!/)|(?=[A-Za-z]+\.?[ \t]+[A-Za-z]))\b(?:" + STREET_ABBREV + r")\b\.?"
    r"|\b" + LORONG_DOT + ")"
    r"|(?P<jalan>\b(?:" + WEAK_STREET + "|" + ESTATE + r")\b)"
    r"|(?P<rtrw>(?=\brt\.?\s*:?\s*\d{1,3}\s*(?:[/,.-]?\s*rw\b|/\s*\d)|\brt\s*/\s*rw\.?\s*:?\s*\d))"
    # A Singapore block ("Blk 412 Ang Mo Kio Ave 10") before "Blok C2".
    r"|(?P<blk>(?<!-)\b(?:blk|block)\.?\s*\d{1,4}[A-Za-z]?\b(?=\s+[A-Za-z]{2}))"
    r"|(?P<blok>(?=(?<!-)\b(?:blok|block|blk)\.?\s*"
    r"(?:[A-Za-z]{0,2}[-./ ]?\d|[A-Za-z]{1,2}\s+no\b|(?-i:[A-Z][a-z]+|[IVX]{1,4})\s+no\b\.?\s*\d)))"
    # a house number or lot and its block open an address: "No. 11 Blok A", "Kavling 26, Blok G"
    r"|(?P<parts>(?=\b(?:no|nomor|kav|kavling)\.?[ \t]*\d{1,4}[A-Za-z]?[ \t]*,?[ \t]*"
    r"(?:blok|block|blk)\b))"
    r"|(?P<floor>(?=\b(?:lt|lantai|floor|level|room)\.?\s*\d|\b\d{1,3}(?:st|nd|rd|th)\s+floor\b|\b\d{1,2}/F\b))"
    r"|(?P<admin>(?=\b(?:kel|kec|brgy|ds)\b\.|(?-i:\bBr\.[ \t]*[A-Z][a-z])|"  # Ds., Br. (banjar)
    r"(?-i:\b(?:[Kk]elurahan|[Kk]ecamatan)\s+[A-Z])))"
    # a field label: "Alamat:", "Alamat pengiriman sementara (3 bulan):", "Address for the
    # replacement unit:", "Ship to:" (up to four words or a bracket before the colon)
    r"|(?P<label>\b(?:(?:alamat|almt|alamt|address)"
    r"(?![ \t]+(?:e-?mail|surel|ip|web|website|situs|url|link|wallet|dompet)\b)"  # no e-mail
    r"(?:[ \t]+(?!(?:it|to|them|me|him|her|this|that)\b)(?:[\w'-]+|\([^()\n:]{1,25}\))){0,4}?|"
    r"(?:deliver|delivery|ship|send|mail|post)\s+to)\s*:\s*)"
    r"|(?P<en_street>" + EN_STREET + ")"
    r"|(?P<unit>(?-i:\b(?:[Aa]pt|APT|[Ss]uite|[Ff]lat)\b\.?\s*#?\d+[A-Za-z]?\b"
    r"|\b[Uu]nit\s*#?(?:\d+[A-Za-z]\b|\d+(?=,\s*\d))))"
    # Malaysian and Singaporean order: the house number before "Jalan": "88 Jalan Ampang".
    r"|(?P<my_street>(?-i:(?<![\w-])(?:[A-Z]-)?\d{1,5}[A-Za-z]?(?:-\d{1,5}[A-Za-z]?){0,2}\s+"
    r"(?=(?:Jalan|Jln|Jl)\b)))"  # "12-3A Jalan SS 2/72", "B-5-1 Jalan ..."
    # A numbered street: "44 Street 302" (Phnom Penh), "House 27, Street 9" (Islamabad).
    r"|(?P<num_street>(?-i:\b\d{1,4}[A-Za-z]?,?\s+(?:Street|St\.?|Road|Rd\.?)\s+"
    r"\d{1,4}[A-Za-z]?\b(?=\s*,)))"
    # A post-office box.
    r"|(?P<pobox>\b(?:p\.?\s?o\.?\s*|(?:rr|rural\s+route|hc)\s*#?\d{1,3},?\s+)box\s*\d{1,6}\b)"
    # A unit number opening the address: "#05-22, 10 Anson Road" (needs a part after it).
    r"|(?P<sg_unit>#\d{1,3}-\d{2,5}\b)"
    # English streets in lower case or capitals: "518 w 48th st", "4812 W 63RD ST".
    r"|(?P<en_lower>" + EN_LOWER + "))",
    re.IGNORECASE,
)
NESTED_STREET = re.compile(
    r"(?:(?:" + STREET_ABBREV + "|" + WEAK_STREET + r")\b\.?|" + LORONG_NESTED + ")", re.I
)
# Parts that may follow once an address has started. Each is named; PARTS tries them in order.


def _part(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


HOUSE_NO_PART = _part(
    r"(?:no|nomor|nomer|nmr|#)\.?\s*:?\s*\d+[A-Za-z]{0,2}(?:\s*[-/]\s*\d+[A-Za-z]?)?\b"
    # a second house number listed with it: "No. 11 and 13, Pulo Gadung", "no 4 & 6."
    r"(?:[ \t]*(?:and|dan|&)[ \t]*\d{1,4}[A-Za-z]?\b(?=[ \t]*(?:[,.;)\n]|$)))?"
    r"(?:\s(?-i:[A-HJ-Z])\b(?![-/.]))?"  # "No. 31 B", "no 19BF"
    # "No. AT", "No. B12"; not "No. HP", "No. KTP"
    r"|(?:no\.|nomor|nmr\.?)[ \t]*(?!(?:hp|wa|tel|telp|ktp|nik|npwp|rek|va|id|sim|kk|pin|otp)\b)"
    r"(?-i:[A-Z]{1,3}\d{0,3})\b(?![-/.]\w)"
)
# a named block before its code ("Blok Bougenville B4 No. 11") or a block code
BLOCK_PART = _part(
    # round 13: a named block and its number before the house number ("Blok Dahlia 3 No. 9")
    r"(?:blok|block|blk)(?:\s+(?-i:[A-Z][a-z]+)\s+\d{1,3}[A-Za-z]?\b"
    r"(?=\s*,?\s*(?:no|nomor)\b\.?\s*\d)|"
    r"\s+(?-i:[A-Z][a-z]+|[IVX]{1,4})\b(?=\s+(?:(?-i:[A-Z]{1,2}-?\d)|"
    r"(?:no|nomor)\b\.?\s*\d))|"  # "Blok Asia No. 23", "Blok III No. 45"
    r"\.?\s*[A-Za-z]{0,2}[-. ]?\d{0,4}[A-Za-z]?(?:\s*[-/.]\s*\d+[A-Za-z]?)*\b)"
)
RT_PART = _part(
    r"rt\.?\s*:?\s*\d{1,3}(?:\s*[/,.-]?\s*rw\.?\s*:?\s*\d{1,3}|\s*/\s*\d{1,3})?\b"
    r"|rt\s*/\s*rw\.?\s*:?\s*\d{1,3}\s*/\s*\d{1,3}\b"  # "RT/RW 02/05"
)
RW_PART = _part(r"rw\.?\s*:?\s*\d{1,3}\b")
KM_PART = _part(r"km\.?\s*\d+(?:[.,]\d+)?\b")
KAV_PART = _part(r"kav(?:ling)?\.?\s*[A-Za-z]?-?\d+[A-Za-z]?(?:\s*[-/]\s*\d+[A-Za-z]?)?\b")
FLOOR_PART = _part(FLOOR)
SECTOR_PART = _part(r"(?:sektor|sector)\s*(?:[A-Z]-?)?\d{1,2}(?:[./]\d{1,2})?[A-Za-z]?\b")
UK_POSTCODE_PART = _part(r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2})\b")  # "NW1 6XE"
# postcodes of Canada and Ireland: "QC H3A 2R7", "ON L5B 3K2", "A96 X2K7"
CA_IE_POSTCODE_PART = _part(
    r"(?-i:(?:[A-Z]{2}\s+)?[A-Z]\d[A-Z]\s?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d{2}\s[A-Z\d]{4})\b"
)
# house codes: "C3/18", "B-12", "X/12", in lower case only with the slash: "c3/12"
HOUSE_CODE_PART = _part(
    r"(?-i:[A-Z]{1,2})(?:-?\d{1,3}[A-Za-z]?(?:-\d{1,3})*(?:\s*/\s*\d{1,3}[A-Za-z]?)?|/\d{1,3})\b"
    r"|(?-i:[a-z]{1,2}\d{1,3}[a-z]?/\d{1,3}[a-z]?)\b"
)
# a block code with a space before the house number: "Jl. Bukit Golf Utama PG 3 No. 12"
SPACED_CODE_PART = _part(
    r"(?-i:[A-Z]{1,2})[ \t]\d{1,3}[A-Za-z]?\b(?=[ \t]*,?[ \t]*(?:no|nomor|nmr)\b\.?[ \t]*\d)"
)
# a flat's code after its tower: "Tower B 15-02", "Tower Geranium 18-09" (floor-unit)
_FLAT_CODE = r"[ \t]+\d{1,2}[-/]\d{1,3}[A-Za-z]?\b(?![-/.]\d)"  # "18-09", "12/09"
TOWER_LETTER_PART = _part(r"tower\s+(?-i:[A-Z]\d?)\b(?:" + _FLAT_CODE + ")?")  # "Tower B lantai 9"
EN_STREET_PART = _part(EN_STREET)  # "Unit 5, 12 Collins Street"
EN_LOWER_PART = _part(EN_LOWER)  # "apt 3r, 518 w 48th st"
# state and postcode: "VIC 3000", "NY 10019" (not "HP 0812 ...")
STATE_POSTCODE_PART = _part(r"(?-i:[A-Z]{2,3})\s+\d{4,5}\b" + NOT_A_PHONE)
# postal codes (ID 5, SG 6, AU/NZ 4), not the first group of a phone number
POSTCODE_PART = _part(r"\d{4,6}\b(?!\s*(?:rb|ribu|k|jt|juta)\b)" + NOT_A_PHONE)
# a Japanese postcode after the address: "..., Heights Okubo 302, 169-0072"
JP_POSTCODE_PART = _part(r"\d{3}-\d{4}\b(?![-.]\d)" + NOT_A_PHONE)
BARE_NUMBER_PART = _part(
    r"\d{1,4}[A-Za-z]?\b(?=\s*(?:[,.;)#]|rt\b|blok\b|$)|[ \t]*\r?\n)"  # "Jalan SS 2/24\n..."
)
# a house number with its unit or RT after a slash: "Jl. Mawar Merah 4/10 Pondok Kelapa"
SLASH_NUMBER_PART = _part(r"\d{1,4}[A-Za-z]?[ \t]*/[ \t]*\d{1,3}[A-Za-z]?\b(?![-/.]\d)")
NUMBER_BEFORE_JALAN_PART = _part(r"\d{1,5}[A-Za-z]?\b(?=\s+(?:jalan|jln|jl)\b)")
# a direction after a block or number: "Blok B1 Utara No. 52"
DIRECTION_PART = _part(
    r"(?-i:Utara|Selatan|Timur|Barat|Tengah)\b(?=\s*,?\s*(?:no|nomor|blok|rt|\d))"
)
# a named tower before its floor: "Tower Scarlet Lt. 22"
NAMED_TOWER_PART = _part(
    r"(?:tower|menara|wisma)\s+(?-i:[A-Z][a-z]+)\b"
    r"(?:(?=\s+(?:lt|lantai|floor|fl|unit|level)\b)|" + _FLAT_CODE + ")"
)
# the postal code with its cue inside an address: "..., bandung, kode pos 40619"
POSTCODE_CUE_PART = _part(
    r"(?:kode\s*pos|kodepos|kd\.?\s*pos|postal\s*code|post\s*code|postcode|zip(?:\s*code)?)"
    r"\s*[:.]?\s*\d{4,6}\b"
)
# Philippine estates and their phases: "Phase 2 Villa Verde Subd."
PHASE_PART = _part(r"(?:phase|ph)\.?\s*\d{1,2}[A-Za-z]?\b|(?:subd|subdivision)\b\.?")
SG_POSTCODE_PART = _part(r"(?-i:[Ss])\d{6}\b")  # a Singapore postcode glued to its S: "s520412"
# The parts that also end a street or place name ("Jl. Melati | No. 5").
NAME_ENDING_PARTS = (
    HOUSE_NO_PART,
    BLOCK_PART,
    RT_PART,
    RW_PART,
    KM_PART,
    KAV_PART,
    FLOOR_PART,
    SECTOR_PART,
    UK_POSTCODE_PART,
    CA_IE_POSTCODE_PART,
    HOUSE_CODE_PART,
    SPACED_CODE_PART,
    SLASH_NUMBER_PART,
)
PARTS = NAME_ENDING_PARTS + (
    TOWER_LETTER_PART,
    EN_STREET_PART,
    EN_LOWER_PART,
    STATE_POSTCODE_PART,
    POSTCODE_PART,
    JP_POSTCODE_PART,
    BARE_NUMBER_PART,
    NUMBER_BEFORE_JALAN_PART,
    DIRECTION_PART,
    NAMED_TOWER_PART,
    POSTCODE_CUE_PART,
    PHASE_PART,
    SG_POSTCODE_PART,
)
# The parts that close a street name of everyday words ("gg. haji ridi no 11").
LENIENT_ENDS = (HOUSE_NO_PART, BLOCK_PART, RT_PART, HOUSE_CODE_PART)
# The parts that may open the next line of a multi-line address.
LINE_OPENING_PARTS = (HOUSE_NO_PART, BLOCK_PART, RT_PART, EN_STREET_PART)  # "Apt 4B\n221 W ..."
# One lower-case word between two pieces of an address: "perumahan bumi mas blok c no 2".
# What joins two places of a list: "Jl. A No. 9 dan Jl. B No. 5", "..., Jl. C".
LIST_JOIN = re.compile(r"[ \t]*,?[ \t]*(?:(?:dan|and|&|serta|atau|or|maupun)[ \t]+)?", re.I)
# Nothing but a line break between two pieces: one address pasted on several lines.
LINE_GAP = re.compile(r"[ \t]*\r?\n[ \t]*")
# A short aside in brackets inside an address: "No. 5 (rumah cat hijau), Depok".
BRACKET_ASIDE = re.compile(r"\([^()\[\]\n]{1,40}\)")
ONE_WORD_GAP = re.compile(r"[ \t]+([a-z]{2,8})[ \t]+")
# Words that set two addresses against each other: "Jl. X 12 bukan Jl. X 21" stays two.
CONTRAST = frozenset(
    "bukan bkn bukannya instead atau ato vs versus harusnya seharusnya tapi tp lalu trus".split()
)
# A street abbreviation with its dot: "gg. swadaya" after "jl. kelapa dua wetan".
DOTTED_STREET = re.compile(r"(?:" + STREET_ABBREV + r"|lr)\.[ \t]*[a-z]", re.IGNORECASE)
ADMIN_PART = re.compile(
    r"(?:kel|kelurahan|desa|ds|kec|kecamatan|kab|kabupaten|kota|kodya|prov|provinsi|"
    # "Br. Tegal Tugu" (a Balinese banjar) and "Co. Dublin" only with their dot
    r"dusun|dsn|brgy|barangay|distrik|banjar|gampong|nagari|seksyen|br(?=\.)|co(?=\.))\b\.?\s*",
    re.IGNORECASE,
)
# A quantity before what looks like a house number: "bought 2 Abbey Road tickets".
QUANTITY_BEFORE = re.compile(
    r"\b(?:bought|buy|buying|ordered|order|orders|purchased|beli|pesan|pack[ \t]+of|size|qty|"
    r"sold|get|got)[ \t]+\Z",
    re.IGNORECASE,
)
# A house number or block inside an address (not a km, kav or RT number).
HOUSE_NUMBER = re.compile(
    r"\b(?:no|nomor|nomer|nmr)\.?\s*\d|\b(?:blok|block|blk)\b|#\d|\b[A-Z]{1,2}\d*/\d", re.I
)
# The village level of an address: a district and a regency alone name a region.
VILLAGE_WORDS = (
    r"kel|kelurahan|desa|ds|dusun|dsn|banjar|br|jorong|nagari|korong|kampung|kp|brgy|barangay|"
    r"gampong"
)
VILLAGE = re.compile(r"\b(?:" + VILLAGE_WORDS + r")\b", re.IGNORECASE)
# A word (a route's towns joined by an en dash: "Maumere–Larantuka") or a number.
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:–[A-Za-z][A-Za-z'’-]*)*\.?|\d+[A-Za-z]?\b")
BLANKS = re.compile(r"[ \t]*")
SEP = re.compile(r"[ \t]*(?:\.?,|/|-(?=\s))?[ \t]*")  # "Mahogany St., Brgy. ..."
# Bandung, BSD City, Ho Chi Minh City, Ilir Timur I (a numbered district): on one line.
PLACE = re.compile(
    r"[A-Z](?:[a-zà-öø-ÿ]+|[A-Z]{1,3}\b)(?:[ \t]+[A-Z][a-zà-öø-ÿ]+){0,2}(?:[ \t]+City)?(?![\w-])"
    r"(?:[ \t]+[IVX]{1,4}(?=[ \t]*(?:[,.;)\n]|$)))?"
)
CLOSING = re.compile(r"\s*(?:[,.;:)!?\n]|\s[-–—]\s|$)")
NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
UK_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?[ \t]+\d[A-Za-z]{2}\b"  # "N10 3BE", "bs4 3ph"
POSTAL_NEXT = re.compile(r"\s*,?\s*(?:\d{5}\b|" + UK_POSTCODE + ")")
ADDRESS_CONTEXT = re.compile(
    r"(?:\b(?:alamat\w*|rumah(?!\s+(?:sakit|makan|contoh))|tinggal|domisili|kos(?:an|t)?\s+(?:saya|aku|ku)|"
    r"(?:di|ter|salah\s+)?kirim(?:kan)?\s+ke|antar(?:kan)?\s+ke|diantar\s+ke|nganter(?:in)?\s+ke|"
    r"nyasar\s+ke|pindah\s+ke|address|live\s+(?:at|on|in)|lives\s+(?:at|on)|"
    r"(?:ship(?:ped|ping)?|deliver(?:ed|y)?|sen[dt])\s+(?:it\s+)?(?:to|ke)|almt|alamt|"
    r"moved\s+to|(?:my|our)\s+(?:office|workplace)|kantor\s+(?:saya|kami|aku|ku))\b"
    r"|\b(?:office|apartment|apartemen)\s*:|\b(?:drop[- ]?off|pick[- ]?up)(?:\s+address)?\s*:)"
    r"[^.!?\n\]]{0,25}$",  # not across a placeholder: redacting twice changes nothing
    re.IGNORECASE,
)
# "Rumah" that opens an estate's or a building's name, no everyday word: "Rumah Susun Tanah
# Abang Blok 7", "Rumah Dinas Puskesmas Kec. X".
ESTATE_COMPOUND = re.compile(r"(?-i:Rumah[ \t]+(?:Susun|Dinas|Kost?|Kontrakan|Toko))\b")
ESTATE_BEFORE = re.compile(
    r"\b(?:kav|kavling|asrama|komp|komplek|kompleks|perum|perumahan|cluster|pondok|"
    # a village or an apartment word before the walked name: "Ds. Karanganom RT 01/02",
    # "Apt. Taman Rasuna Tower 8"
    r"ds|desa|dsn|dusun|kel|kelurahan|kp|kampung|apt|apart|apartemen|apartment)\.?[ \t]+\Z",
    re.IGNORECASE,
)
# The house itself named before its number: "Rumah No. 11 Blok A", "house no 5".
HOUSE_WORD_BEFORE = re.compile(r"\b(?:rumah|rmh|house)[ \t]+\Z", re.IGNORECASE)
# The house and its number before its lane, with no comma: "rumah no 12 gg. delima".
HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?:rumah|rmh|house)[ \t]+(?:no|nomor|nmr)\.?[ \t]*\d{1,4}[A-Za-z]?[ \t]+\Z", re.I
)
OPENER_WORD = re.compile(
    r"\b(?:no|lot|unit|house|apt|apartment|flat|blk|block|suite|room)\.?[ \t]*#?\Z", re.I
)
# "rawat jalan", "berobat jalan": outpatient care, no street
OUTPATIENT_BEFORE = re.compile(r"\b(?:rawat|berobat)[ \t]+\Z", re.IGNORECASE)
ROUTE = re.compile(r"[ \t]*(?:tol|toll|layang|lingkar)\b", re.IGNORECASE)
SHOW_UNIT = re.compile(r"\b(?:show|display|contoh|model)[ \t]+\Z", re.IGNORECASE)
# Words that place a house by a landmark ("sebelah alfamart", "behind the mosque").
LANDMARK_WORDS = (
    r"depan|dpn|dekat|deket|sebelah|sblh|samping|belakang|blkg|seberang|near|opposite|behind|"
    r"next[ \t]+to|across[ \t]+from"
)
NEAR_BEFORE = re.compile(
    r"\b(?:near|nearby|dekat|deket|depan|opposite|behind|belakang|samping|sebelah|across)"
    r"(?:[ \t]+(?:the|from|to|of|dari))?[ \t]*\Z",
    re.IGNORECASE,
)
# A unit, lot or house number before the street it belongs to: "No. 8, Lorong Bukit Bintang".
OPENER = re.compile(
    r"(?:\b(?:no|lot|unit|level|lvl|blk|block|apt|apartment|suite|room|warehouse|flat|house|"
    r"kamar|kmr)"
    r"(?:[ \t]+is)?"  # "my flat is 4B, 27 Clarence Road"
    r"\.?\s*#?(?:\d{1,5}[A-Za-z]?(?:-\d{1,5})?|(?-i:[A-Z]))\s*(?:,\s*(?:the\s+)?|\s(?:at|di)\s+)"
    r"|\bunit\s+|(?-i:\b[A-Z]-\d{1,3}-\d{1,4}[A-Z]?)\s*,\s*"  # "B-12-3, Residensi ..."
    r"|\b\d{1,2}/F\s*,\s*"  # "Room 1104, 11/F, Block 2, ..."
    # the company at the address: "addressed to PT Cahaya Abadi, Jl. ..."
    r"|(?-i:\b(?:PT|CV)\.?\s+(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*),\s*)\Z",
    re.IGNORECASE,
)
# A building and flat number before a numbered street: "302-1201, 45 Teheran-ro ..." (Korea).
# Only right after a label or a line start, so a phone's last groups ("(415) 555-0187, 1450
# Mission St") stay the phone's.
UNIT_PAIR_BEFORE = re.compile(r"(?:^|(?<=[:\n])|(?<=[:\n][ \t]))\d{1,4}-\d{1,5}[ \t]*,[ \t]*\Z")
# A town (and state) before a postal code: "Jakarta Barat 11530", "new york ny 10036".
TOWN_POSTAL = re.compile(
    r"(?P<town>(?:[A-Za-z]+,?[ \t]+){1,4})(?:\d{4,6}\b(?![-.]\d)(?!\s*(?:rb|ribu|k|jt|juta)\b)"
    + NOT_A_PHONE
    + "|"
    + UK_POSTCODE
    + ")"
)
NOT_PLACE = frozenset(
    "phone tel telp telepon hp wa whatsapp npwp nik ktp email no call called contact hubungi "
    "fax mobile cell nomor rek rekening account an atas attn".split()
)
COUNTRY_LINE = re.compile(
    r"(?:[Tt]he[ \t]+)?(?:Indonesia|Malaysia|Singapore|Australia|New Zealand|United Kingdom|UK|USA|"
    r"United States|Brunei|Philippines|Thailand|INDONESIA|MALAYSIA|SINGAPORE|AUSTRALIA|"
    r"Spain|Italy|France|Germany|Netherlands|Ireland|Canada|India|Japan|Switzerland|Austria|"
    r"Belgium|Sweden|Norway|Denmark|Portugal|South Korea|Korea|China|Hong Kong|Taiwan|Vietnam)"
    r"[ \t]*(?=\r?\n|$)"
)
NEWLINE = re.compile(r"[ \t]*\r?\n[ \t]*(?=\S)")
LINE_POSTAL = re.compile(r"\d{4,6}\b(?![-.]\d)" + NOT_A_PHONE)
UK_TOWN_LINE = re.compile(
    r"(?-i:[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2})\b"
)
THE_PLACE = re.compile(r"(?-i:The[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b")
# "8 Ilir", "16 Ulu", "20 Ilir D III" (Palembang's numbered districts)
NUMBERED_PLACE = re.compile(
    r"\d{1,2}[ \t]+[A-Z][a-z]+\b(?:[ \t]+(?:[A-Z][a-z]*|[IVX]{1,4})\b){0,3}"
)
MAX_NAME_WORDS = 4
# Titles inside a street named after a person: "Jl. Dr. Wahidin", "jl. prof. dr. soepomo".
STREET_TITLES = frozenset("dr ir h hj kh prof jend mr drs".split())
# A price after a place: "ongkir ke Kec. Cibinong Rp 45.000" (no house number).
CURRENCY = re.compile(r"(?:rp|idr|usd|sgd|myr|rm|us\$|\$)\.?[ \t]*\d", re.IGNORECASE)
DIRECTIONS = frozenset("utara selatan timur barat tengah raya baru lama utama".split())
MAX_BACK_WORDS = 5
BACK_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*|\d{1,5}[A-Za-z]?(?![\w/])")
DIGIT = re.compile(r"\d")
# A public place closing an estate word's name ("Pondok Indah Mall 2", "Pasar Minggu").
PUBLIC_PLACE_END = re.compile(
    r"\b(?:mall|plaza|square|market|pasar|stasiun|station|airport|bandara|hospital)\b"
    r"(?:[ \t]+\d{1,2})?[ \t]*\Z",
    re.IGNORECASE,
)
# Buildings (and floors) are addresses only after an address cue or with a street part.
BUILDINGS = frozenset("gedung menara tower plaza condo kondominium wisma".split())
STREETISH = re.compile(
    r"\b(?:jl|jln|jalan|gg|gang|no|nomor|kav|kavling|rt|rw|street|road|st|rd|ave)\b|"
    r"\b\d{5,6}\b|#\d",
    re.IGNORECASE,
)
ADDRESS_WORDS = frozenset(
    ("blok block btn " + WEAK_STREET + "|" + ESTATE).replace("|", " ").split()
)  # "BTN Griya Hartaco Blok B5": BTN (a state mortgage estate) opens the name
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin)
#: Every starter of STARTERS opens with one of these words (lower case, at a word
#: boundary); those of DIGIT_KEYWORDS only in a text with a digit.
KEYWORDS = frozenset(
    (STREET_ABBREV + "|" + WEAK_STREET + "|" + ESTATE).split("|")
    + ["kel", "kec", "brgy", "kelurahan", "kecamatan", "alamat", "almt", "alamt", "address", "lr"]
    + ["ds", "br"]
)
#: The "X to:" labels, which need a colon.
LABEL_TO_KEYWORDS = frozenset("deliver delivery ship send mail post".split())
DIGIT_KEYWORDS = frozenset(
    "rt lt lantai floor level room blk box apt suite flat unit street st road rd avenue ave "
    "lane ln drive dr "
    "boulevard blvd way court ct place pl terrace crescent close highway hwy parkway pkwy "
    "square sq grove walk rise hill park row gardens mews cross main circle trail parade pde "
    "esplanade quay".split()
)
# Round 12: lower-case words that say how, where or when one goes or what a place is like,
# never a street's name after a lower-case street word: "jalan kaki 10 menit" (walking),
# "alamat di gang sempit", "desa sebelah", "ruko sebelah", "jalan sembarangan".
NOT_STREET_FIRST = frozenset(
    "kaki sempit sebelah sebelahnya langsung sembarangan berhasil sepi gelap licin rusak "
    "berlubang becek macet pelan santai sendiri sendirian bareng sebentar keluar masuk "
    "kesana kesini kemana mulu doang aja pulang pergi jauh dekat situ sana sini tadi tikus "
    "kecil terdekat terus menuju bolak-balik lurus belok ke kearah".split()
)
# "malem2", "pelan2", "hujan2an": a reduplicated word, never a street's name.
REDUPLICATED = re.compile(r"[a-z]+2(?:an|nya)?\b", re.IGNORECASE)
# A number followed by its unit or a count is no house number: "jalan kaki 15 menit",
# "jalan 2 kali", "kos-kosan 10 kamar", "menanam 10.000 bibit", "jalan 2 lajur".
QUANTITY_AFTER = re.compile(
    r"(?:[.,]000\b|[ \t]*(?:menit|mnt|jam|hari|minggu|bulan|tahun|kali|x|ribu|rb|juta|jt|km|"
    r"meter|langkah|kamar|orang|lajur|jalur|minutes|mins|hours|hrs|days|weeks|malam|nights?|"
    r"times|steps|miles|kg|persen|percent|%)\b)",
    re.IGNORECASE,
)
UNIT_HASH = re.compile(r"#\d{1,3}-\d")  # the sg_unit starter ("#05-22"), not "#123" or hashtags
ASCII_WORD = re.compile(r"[a-z]+")
STOP = frozenset(
    "dan atau tapi tetapi yang yg kok ya sudah udah udh belum blm masih tidak tdk gak ga nggak "
    "mohon tolong tlg please pls but and the is was not no sejak dari ke untuk utk sampai "
    "paket pesanan kurir barang saya aku kak min kakak gan bro sis dong deh sih nih lho "
    "karena krn soalnya padahal jadi terus lalu kemarin besok hari jam lagi juga sama "
    "dengan di pada via sesuai seperti harus bisa mau ingin minta cek dicek kenapa knp "
    "why since because which that who where when then itu ini tgl tanggal".split()
)

"""Addresses abroad in English order, found from the postal code and town that close them.

"12 Rue des Lilas, 69003 Lyon, France", "Storgata 14B, 0184 Oslo, Norway", "14, 3rd Cross,
Indiranagar 2nd Stage, Bengaluru 560038", "2-14-7 Nishi-Azabu, Minato-ku, Tokyo 106-0031":
a house part (a number and a Capitalised word, or a street word and its number), up to a few
comma-separated parts of Capitalised words and numbers, then a postal code with its town
(either order) and an optional country. The postal code is looked for first; the house part
is then matched backwards in a short window, so the scan stays linear.
"""

from __future__ import annotations

import re

from voc.pii.address_patterns import ADDRESS_CONTEXT

__all__ = [
    "find_abroad_addresses",
    "find_japanese_addresses",
    "find_lane_addresses",
    "find_postmark_addresses",
]

_COUNTRIES = (
    "Norway|France|Germany|Japan|India|Philippines|Cambodia|Thailand|Vietnam|Netherlands|"
    "Spain|Italy|South Korea|Korea|China|Hong Kong|Taiwan|Canada|USA|UK|United Kingdom|"
    "United States|Australia|New Zealand|Singapore|Malaysia|Indonesia|Sweden|Denmark|Finland|"
    "Belgium|Switzerland|Austria|Portugal|Ireland|Poland|Brunei|Argentina|Mexico|Brazil|Chile|"
    "Peru|Colombia|Nigeria|Kenya|South Africa|Ghana|Hungary|Czechia|Czech Republic|Greece|"
    "Turkey|Türkiye|Egypt|Pakistan|Bangladesh|Sri Lanka|Myanmar|England|Scotland|Wales"
)
_NOT_A_PHONE = r"(?![ \t]*[-.]?[ \t]*\d{3})"
# What separates the parts: a comma, or a line break in a pasted label ("Bahnhofstrasse 41
# / 8001 Zürich / Switzerland" on three lines).
_BREAK = r"(?:[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*)"
# "Lyon", "Den Haag", "Frankfurt am Main", "Halle an der Saale", "Stratford upon Avon"
_TOWN = (
    r"[A-Z][^\W\d_A-Z]+(?:[ \t]+(?:(?:am|an|an[ \t]+der|im|ob|bei|sur|sous|en|upon|on)[ \t]+)?"
    r"[A-Z][^\W\d_A-Z]+)?"
)
# "69003 Lyon", "0184 Oslo" | "Bengaluru 560038", "Tokyo 106-0031", "Makati City 1226".
# "69003 Lyon", "10122 Torino TO", "1016 EK Amsterdam" | "Bengaluru 560038", "Tokyo 106-0031",
# "Cardiff CF10 3AZ", "Mississauga, ON L5B 3K2".
# Each branch opens with a digit or a capital after no word character or hyphen; the guard in
# front drops every other position at once.
_POSTCODE_TOWN = re.compile(
    r"(?<![\w-])(?=[A-Z\d])"
    r"(?:(?<![\w-])(?:\d{4}-\d{3}|\d{2}-\d{3}|\d{4,5}|[A-Z]\d{4}(?:[A-Z]{3})?)(?:[ \t]+[A-Z]{2})?"
    r"[ \t]+(?P<town1>" + _TOWN + r")\b(?:[ \t]+[A-Z]{2}\b)?"
    r"|(?P<town2>(?<![\w-])"
    + _TOWN
    + r")[ \t]+(?:\d{3}-\d{4}|\d{4,6})\b"
    + _NOT_A_PHONE
    + r"|(?P<town3>(?<![\w-])"
    + _TOWN
    + r")(?:,?[ \t]+[A-Z]{2})?[ \t]+"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b)"
    r"(?:" + _BREAK + r"(?:" + _COUNTRIES + r")\b)?"
)
_PARTICLE = (
    r"(?:des|de|la|le|du|del|della|delle|dei|degli|di|da|das|do|dos|van|von|der|den|los|las|el)"
)
# A flat's part in Spanish, Portuguese or English ("apto 3", "Dpto 302", "3º izq", "Piso 6").
_UNIT_WORD = (
    r"(?:(?i:apto|apt|dpto|depto|piso|flat|unit|izq|izda|dcha|der|bloco|esc)\.?|\d{1,3}[º°ª])"
)
_PART_WORD = r"(?:[A-Z0-9][\w'’-]*\.?|" + _PARTICLE + r"|bis|ter|" + _UNIT_WORD + r")"
# "ul." (Polish ulica) and "Av." open a street name as "Via" does.
_STREET_WORD = (
    r"(?:Via|Viale|Rue|Calle|Avenida|Avda\.|Av\.|Rua|Piazza|Corso|Chemin|Strada|Carrer|ul\.|"
    r"Van|De|Den)"
)
_UK_STREET = r"(?:Lane|Road|Street|Close|Drive|Avenue|Way|Crescent|Terrace|Row|Green|Hill|Grove)"
_HOUSE = (
    # "12 Rue des Lilas", "12 rue des Lilas", "14/3 Moo 5", "B-12-3, Residensi Vista"
    r"(?:(?:[A-Z]-)?\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?){0,2},?[ \t]+"
    r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w'’-]*|(?i:" + _STREET_WORD + r")\b)"
    # "Rua das Flores 112", "Bergmannstr. 12", "Lindengracht 148-H", "Van Speijkstraat 82"
    r"|(?:" + _STREET_WORD + r"[ \t]+(?:(?i:" + _PARTICLE + r")[ \t]+)?)?"
    r"[A-Z][^\W\d_]{3,}(?:(?<=[a-z])\.)?[ \t]+\d{1,4}[A-Za-z]?(?:[-/][A-Za-z\d]{1,4})?\b"
    # after a street word, a name of up to four words: "Av. Santa Fe 1200", "Calle de la Paz 3"
    r"|" + _STREET_WORD + r"[ \t]+(?:(?:(?i:" + _PARTICLE + r")|[A-Z][^\W\d_]*\.?)[ \t]+){1,3}"
    r"[A-Z][^\W\d_]+[ \t]+\d{1,4}[A-Za-z]?(?:[-/][A-Za-z\d]{1,4})?\b"
    # a house's name before its street: "The Old Barn, Church Lane"
    r"|(?:(?:The[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2},[ \t]*)?"
    r"[A-Z][a-z]+[ \t]+" + _UK_STREET + r"\b"
    # a named building: "Ayala Tower One, 27th Floor, ..."
    r"|[A-Z][a-z]+[ \t]+(?:Tower|Building|Plaza|Centre|Center|House|Court)\b)"
)
# The house part and the parts up to the comma before the postal code, ending the window.
_RUN = re.compile(
    r"(?<![\w/-])" + _HOUSE + r"(?:[ \t]*,?[ \t]+" + _PART_WORD + r"){0,10}" + _BREAK + r"\Z"
)
_WINDOW = 100
_OPENS_STREET = re.compile(_STREET_WORD + r"[ \t]")
_CODE_BEFORE = re.compile(
    r"(?:\b(?:flight|order|invoice|ticket|tiket|pesanan|resi|gate|seat|kursi)|"
    r"(?<![\w-])(?-i:[A-Z][A-Z\d]))[ \t]*#?\Z",
    re.IGNORECASE,
)
# The Japanese postal mark and code, then the address up to the end of its sentence or line.
_POSTMARK = re.compile(r"\u3012[ \t]?\d{3}-?\d{4}[^\n]{0,100}?(?=[ \t]*(?:[.!?;](?:\s|$)|\n|$))")


def find_abroad_addresses(text: str, is_common: callable) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "ADDRESS")`` for every English-order address closed by a postcode.

    Args:
        text: The raw text.
        is_common: ``word -> bool``: whether a lower-case word is an everyday word (a town
            never is: "12 items, 10000 Points" is no address).
    """
    if "," not in text and "\n" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for match in _POSTCODE_TOWN.finditer(text):
        town = match.group("town1") or match.group("town2") or match.group("town3")
        run = _RUN.search(text, max(0, match.start() - _WINDOW), match.start())
        if run is None:
            continue
        if not _OPENS_STREET.match(run.group()) and any(
            is_common(word.lower()) for word in town.split() if word[0].isupper()
        ):
            continue  # a town that is an everyday word ("Lima" is five) after no street word
        if run.group()[:1].isdigit() and _CODE_BEFORE.search(
            text, max(0, run.start() - 12), run.start()
        ):
            continue  # "Flight GA 408, Terminal 3, ...": a flight or order number, no house
        words = re.findall(r"[A-Za-z]{3,}", run.group())
        if words and all(is_common(word.lower()) for word in words):
            continue  # "Order 12 Items, ..."
        found.append((run.start(), match.end(), "ADDRESS"))
    return found


_JP_WORD = r"[A-Z][a-z]+-(?:to|fu|ken|do|shi|ku|cho|machi|gun|mura)\b"
_CHOME = r"\d{1,2}(?:-\d{1,4}){1,2}\b"
_JP_SUFFIX = re.compile(r"[a-z]-(?:to|fu|ken|do|shi|ku|cho|machi|gun|mura)\b")
# "Tokyo-to Minato-ku Roppongi 6-10-1", "Shibuya-ku, Jingumae 4-12-3" | "6-10-1 Roppongi,
# Minato-ku, Tokyo", "2-8-4
# Nishi-Shinjuku, Shinjuku-ku, Tokyo"
_JAPANESE = re.compile(
    r"(?<![\w-])(?:(?:"
    + _JP_WORD
    + r"[ \t,]+){1,}(?:[A-Z][a-z]+[ \t]+)?"
    + _CHOME
    + r"|"
    + _CHOME
    + r"[ \t]+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:[ \t]*,[ \t]*[A-Z][\w-]*){0,3}?[ \t]*,[ \t]*"
    + _JP_WORD
    + r"(?:[ \t]*,[ \t]*[A-Z][a-z]+\b)?)"
)


def find_japanese_addresses(text: str) -> list[tuple[int, int, str]]:
    """Japanese addresses in romaji by their ward and city words and the chome number."""
    if _JP_SUFFIX.search(text) is None:
        return []
    return [
        (m.start(), m.end(), "ADDRESS")
        for m in _JAPANESE.finditer(text)
        if not _WEAK_JAPANESE.fullmatch(m.group())
        or ADDRESS_CONTEXT.search(text, max(0, m.start() - 60), m.start())
    ]


# One ward or city word and a short chome alone need an address cue: "Tokyo-to 2-3 juara
# liga", "Setagaya-ku 10-12 Juli" are a score and dates; "my address: Shinjuku-ku 2-8" is one.
_WEAK_JAPANESE = re.compile(_JP_WORD + r"[ \t,]+\d{1,2}-\d{1,4}")


def find_postmark_addresses(text: str) -> list[tuple[int, int, str]]:
    """``〒150-0001 Tokyo-to Shibuya-ku Jingumae 4-12-3, Room 302``: the mark opens an address."""
    return [(m.start(), m.end(), "ADDRESS") for m in _POSTMARK.finditer(text)]


# Round 13 (docs/PII.md): address forms abroad that open with no street word the other
# finders know and often close with no postal code.
_CAP = r"[A-Z][\w'’]*"
_CAPS = _CAP + r"(?:[ \t]" + _CAP + r"){0,3}"
# Capitalised words with the letters of Vietnamese and Filipino names ("Trần", "Đống", "Osmeña").
_CAPS_VN = r"[A-ZÀ-ỸĐ][^\W\d_]*(?:[ \t][A-ZÀ-ỸĐ][^\W\d_]*){0,3}"
_EN_ROAD = r"(?:Road|Rd\.?|Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?)"
_LANE_ADDRESSES = re.compile(
    # Taiwan (and Chinese addresses in English order): "2F, No. 15, Lane 30, Section 2,
    # Heping East Road, Da'an District, Taipei 106", "No. 18, Lane 52, Zhongzheng Rd, ...".
    r"(?<![\w-])(?:\d{1,2}F(?:-\d)?,?[ \t]*)?No\.[ \t]?\d{1,4}(?:-\d{1,3})?,[ \t]*"
    r"(?:(?:Alley|Aly\.?|Lane|Ln\.?|Section|Sec\.?)[ \t]\d{1,4},[ \t]*){0,3}"
    + _CAPS
    + r"[ \t]"
    + _EN_ROAD
    + r"(?:,[ \t]*(?:Sec\.?|Section)[ \t]\d{1,2})?"
    r"(?:,[ \t]*" + _CAPS + r"[ \t](?:District|Dist\.|Township|County))*"
    r"(?:,[ \t]*[A-Z][a-z]+(?:[ \t]City)?[ \t]\d{3}(?:\d{2,3})?\b|,[ \t]*[A-Z][a-z]+[ \t]City\b)?"
    # Korea: "305-1102, 45 Banpo-daero, Seocho-gu, Seoul", "12 Teheran-ro 20-gil, Gangnam-gu".
    r"|(?<![\w-])(?:\d{1,4}-\d{1,5},[ \t]*)?\d{1,4}(?:-\d{1,3})?,?[ \t]+"
    r"[A-Z][a-z]+-(?:daero|ro|gil)\b(?:[ \t]\d{1,3}(?:beon-)?gil\b)?"
    r"(?:,[ \t]*[A-Z][a-z]+-(?:gu|si|dong|eup|myeon|gun)\b)*"
    r"(?:,[ \t]*(?:Seoul|Busan|Incheon|Daegu|Daejeon|Gwangju|Ulsan|Sejong|[A-Z][a-z]+-do)\b)?"
    r"(?:[ \t]\d{5}\b)?"
    # Vietnam: "128 Nguyen Trai, Ward 3, District 5, Ho Chi Minh City".
    r"|(?<![\w-])\d{1,4}[A-Z]?(?:/\d{1,4})?[ \t]+" + _CAPS + r",[ \t]*"
    r"(?:Ward|Phuong|Phường)[ \t][\w]+,[ \t]*(?:District|Dist\.|Quan|Quận)[ \t][\w]+"
    r"(?:,[ \t]*(?:Ho Chi Minh City|HCMC|Hanoi|Ha Noi|Da Nang|Hai Phong|Can Tho|"
    r"[A-Z][a-z]+[ \t]City)\b)?"
    # The Philippines: "Purok 3, Barangay Malanday, San Mateo, Rizal", "54-B Osmeña Blvd,
    # Barangay Kalubihan, Cebu City 6000" (a zone or a street, then the barangay and its town).
    r"|(?<![\w-])(?:(?:Purok|Sitio|Zone)[ \t]\d{1,3}[A-Z]?|\d{1,4}(?:-?[A-Z])?[ \t]+"
    + _CAPS_VN
    + r"[ \t]"
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Highway|Hwy\.?))"
    r",[ \t]*(?:Barangay|Brgy\.?)[ \t]+" + _CAPS_VN + r"(?:,[ \t]*" + _CAPS_VN + r"){0,3}"
    r"(?:[ \t]\d{4}\b)?"
    # Hong Kong: "12/F Block C, Kornhill Gardens, Quarry Bay", "Flat 5, 8/F, Tower 2, ...".
    r"|(?<![\w-])(?:Flat[ \t][A-Z0-9]{1,4},?[ \t]*)?\d{1,2}/F,?[ \t]+(?:Block|Blk|Tower)"
    r"[ \t][A-Z0-9]{1,3},[ \t]*" + _CAPS + r"(?:,[ \t]*" + _CAPS + r"){1,2}"
    # Vietnam in its own script: "số 15 ngõ 42 Trần Duy Hưng, Cầu Giấy, Hà Nội".
    r"|(?<![\w-])(?:[Ss]ố|[Ss]o)[ \t]\d{1,4}[A-Z]?(?:/\d{1,4})?,?[ \t]+"
    r"(?:ngõ|ngách|hẻm|kiệt|ngo|hem)"
    r"[ \t]\d{1,4}(?:/\d{1,4})?,?[ \t]+" + _CAPS_VN + r"(?:,[ \t]*" + _CAPS_VN + r"){0,3}"
    # Nigeria and other plot-numbered towns: "Plot 7, Admiralty Way, Lekki Phase 1, Lagos".
    r"|(?<![\w-])Plot[ \t]\d{1,4}[A-Za-z]?,?[ \t]+" + _CAPS + r"[ \t]"
    r"(?:Street|Road|Way|Avenue|Close|Crescent|Drive|Lane)\b"
    r"(?:,[ \t]*[A-Z][\w'’]*(?:[ \t](?:[A-Z][\w'’]*|\d{1,2}))*){0,3}"
)


_LANE_WORDS = (
    "No.",
    "-ro",
    "-daero",
    "-gil",
    "Ward",
    "Phuong",
    "Phường",
    "Plot",
    "Barangay",
    "Brgy",
    "/F",
    "ngõ",
    "ngách",
    "hẻm",
    "kiệt",
    "ngo ",
    "hem ",
)


def find_lane_addresses(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "ADDRESS")`` for Taiwanese, Korean, Vietnamese and plot addresses.

    "No. 15, Lane 30, Section 2, Heping East Road, Da'an District, Taipei 106",
    "45 Banpo-daero, Seocho-gu, Seoul", "128 Nguyen Trai, Ward 3, District 5, Ho Chi Minh
    City", "Plot 7, Admiralty Way, Lekki Phase 1, Lagos": each opens with a number in its own
    form and needs a street part of its own country's form after it.
    """
    if not any(word in text for word in _LANE_WORDS):
        return []
    return [(match.start(), match.end(), "ADDRESS") for match in _LANE_ADDRESSES.finditer(text)]

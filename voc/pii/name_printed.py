"""Names printed, embroidered, engraved or written on an order (round 14).

Shops that personalise goods (jerseys and uniforms, embroidered towels, engraved rings, cakes,
invitations, mugs) get the names to put on them in the customer's message, as often as not
in quotes or as a list of shirt names and numbers, with no cue before them:

* a quoted text in a message about printing or writing a name ("tulisannya 'Happy Birthday
  Gwen'", "engrave "Chinedu & Adaeze - forever"", "the name 'Thandiwe' was printed as
  'Thandiwa'"): the words in the quote that are no everyday word, or a known given name;
* a shirt name and its number in capitals in a message about jerseys ("DONI 3, TEGAR 6",
  "NGUYEN 10 on the back"), one a line too.

Everyday words (``Happy``, ``Sweet``, ``Baby``), places, brands and footballers printed on
replica shirts stay. Every span found here is judged like any other NAME candidate
(``component._not_a_person``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from voc.pii.name_cues import ROLE_SINGLE_WORDS
from voc.pii.name_lexicons import place_or_brand_words
from voc.pii.name_shapes import frequent_word

__all__ = ["find_printed_names"]

Span = tuple[int, int, str]

# A message about what is written, printed, stitched or engraved on the goods.
_PRINT_TALK = re.compile(
    r"\b(?:tulis(?:an|annya|kan|in)?|ditulis(?:kan)?|tertulis|nulis|print(?:ed|ing)?|"
    r"cetak(?:an|annya)?|dicetak|sablon(?:an)?|disablon|bordir(?:an|annya)?|dibordir|"
    r"embroider(?:y|ed)?|engrav(?:e|ed|ing)|grafir|digrafir|ukir(?:an)?|diukir|"
    r"spell(?:ed|ing)?|spelt|ejaan|dieja|typo|salah[ \t]+ketik|written|writing|write|"
    r"say|says|said|reads?|topper|jersey|jersi|punggung|name[ \t]?tags?|nametags?)\b",
    re.IGNORECASE,
)
# A quoted text: the quote opens after a blank, a bracket or a colon and closes before one.
_QUOTED = re.compile(
    r"(?:^|(?<=[\s(:]))[\"“'‘](?P<body>[^\"“”'‘’\n]{2,50}?)[\"”'’](?=[\s.,;:!?)]|$)"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Shirt names and their numbers in capitals ("DONI 3, TEGAR 6", "NGUYEN 10").
_SHIRT_TALK = re.compile(
    r"\b(?:jersey|jersi|jerseys|punggung|back|kaos[ \t]+tim|seragam|uniform|nama2nya|"
    r"names?[ \t]*(?:\+|and|&|dan)[ \t]*(?:numbers?|nomor|no))\b",
    re.IGNORECASE,
)
_SHIRT_NAME = re.compile(
    r"(?<![\w#'’.-])(?P<name>[A-Z][A-Z'’-]{2,}(?:[ \t]+[A-Z][A-Z'’-]{2,})?)[ \t]+#?\d{1,2}\b"
    r"(?![.,:/]\d)(?![ \t]*(?i:pcs|pc|buah|bh|lusin|set|pasang|psg|biji|unit|orang|org|kg|"
    r"cm|mm|m|x|lembar|lbr|potong|ptg|stel)\b)"
)
# Sizes and school or club abbreviations before a number ("XXL 3", "SMA 3", "UKM 12").
_NOT_SHIRT_NAME = re.compile(
    r"X*[SML]|X+L|\d?XL|SMA|SMP|SMK|SMAN|SMPN|SDN|MAN|MTS|UKM|TIM|RT|RW|KM|NO|PT|CV|TK|KB|"
    r"FC|SSB|PS|PERSIB|PERSIJA|PSM|AREMA|PERSEBAYA|BALI|KELAS|KLS|GRADE|TEAM|TIME|SIZE"
)
# Words printed on goods beside a name, in any case: greetings, relations, wishes.
_PRINTED_WORDS = frozenset(
    """happy birthday bday sweet baby babys love forever always mr mrs ms miss sir
    congrats congratulations selamat ulang tahun ultah hbd met wedding married anniversary
    team tim fc club united city junior senior captain kapten family keluarga
    mom mum mama mommy dad papa daddy ayah ibu bunda grandma grandpa oma opa nenek kakek
    best bestie sister brother sis bro queen king princess prince the and dan with
    xoxo mine yours our my your his her sayang cinta bersama bismillah alhamdulillah
    masya masyaallah allah insya insyaallah subhanallah aamiin amin tech crew""".split()
)  # roles (staff, admin, coach ...) are name_cues.ROLE_SINGLE_WORDS, read beside this list
# Footballers whose surname fans print on replica shirts.
_SHIRT_STARS = frozenset(
    """messi ronaldo yamal neymar mbappe haaland salah kane bellingham vinicius vini modric
    benzema pogba rooney beckham zidane kaka pele maradona lewandowski saka foden de bruyne
    son kdb cr7 lukaku griezmann arhan asnawi marselino witan neuer buffon courtois casillas
    alisson""".split()
)
_MAX_WORDS = 6
# A wish or a dedication written on the goods, around a name.
_WISH = re.compile(
    r"\b(?i:happy|birthday|bday|hbd|selamat|ultah|sweet|baby|forever|love|wedding|married|"
    r"anniversary|congrats|congratulations|wisuda|graduation)\b|[&♡♥❤+]"
)
# The message talks about a name, or about stitching or engraving one.
_NAME_TALK = re.compile(
    r"\b(?:nama|namanya|name|names|named|engrav(?:e|ed|ing)|grafir|digrafir|bordir|dibordir|"
    r"embroider(?:y|ed)?|ukir|diukir|monogram|name[ \t]?tags?|nametags?)\b",
    re.IGNORECASE,
)
# The goods a name is put on: a quoted known given name there is a name ("kue tulisan
# "Bima 21"", "Can my jersey say 'SAMMY 99'?").
_GOODS_TALK = re.compile(
    r"\b(?:tulisan|tulisannya|jersey|jersi|punggung|topper|mug|tumbler|cincin|ring|kalung|"
    r"necklace|gelang|bracelet|handuk|towel|undangan|invitations?|kue|cake)\b",
    re.IGNORECASE,
)
_NUMBERED_ZIPF = 4.5
_NUMBERED = re.compile(r"[ \t]+#?\d{1,2}\b")


@lru_cache(maxsize=4096)
def _printed_word(word: str, known: bool, zipf: float = 3.5) -> bool:
    lower = word.lower().strip("'’-")
    if len(lower) < 2 or lower in _PRINTED_WORDS or lower in _SHIRT_STARS:
        return False
    if lower in ROLE_SINGLE_WORDS:
        return False  # "name tag said 'Teknisi 07'": a role, not a person
    if lower in place_or_brand_words():
        return False
    return known or not frequent_word(lower, zipf)


def find_printed_names(text: str, is_known: Callable[[str], bool]) -> list[Span]:
    """Return the names written in quotes or on shirts in a message about printing them.

    A quoted text counts when it holds a wish or a dedication ("Happy Birthday Gwen",
    "Arga & Tasya"), or when the message talks about a name or about stitching or engraving
    it and the quote is short ("the name 'Thandiwe' was printed as ..."); a typo reported in
    a message that names no name is a word, not a person ("'Berduka' jadi 'Berdukq'").

    Args:
        text: The raw text.
        is_known: ``word -> bool``: whether a word (any case) is a known given name that is
            no everyday word.
    """
    found: list[Span] = []
    if not _PRINT_TALK.search(text):
        return found
    if "'" in text or '"' in text or "‘" in text or "“" in text:
        named = _NAME_TALK.search(text) is not None
        for quote in _QUOTED.finditer(text):
            body = quote.group("body")
            words = list(_WORD.finditer(body))
            if not words or len(words) > _MAX_WORDS:
                continue
            wish = _WISH.search(body) is not None
            short = len(words) <= 3
            goods = not wish and not named and short and _GOODS_TALK.search(text) is not None
            if not wish and not (named and short) and not goods:
                continue
            base = quote.start("body")
            for word in words:
                value = word.group()
                if not value[0].isupper() or (word.start() and body[word.start() - 1] in ".@"):
                    continue  # lower case is a message; "S.Kom" is a degree; "@Handle"
                known = is_known(value)
                numbered = _NUMBERED.match(body, word.end()) is not None
                if value.isupper() and len(value) <= 3 and not numbered:
                    continue  # "your OTP", "PIN", "VA": an abbreviation
                if goods and not known and not numbered:
                    continue  # on goods only a known given name, or a name and its number
                # "SAMMY 99", "Bima 21": a name and its shirt number or age, common names too
                if _printed_word(value, known, _NUMBERED_ZIPF if numbered else 3.5):
                    found.append((base + word.start(), base + word.end(), "NAME"))
    if _SHIRT_TALK.search(text):
        for shirt in _SHIRT_NAME.finditer(text):
            parts = shirt.group("name").split()
            if any(_NOT_SHIRT_NAME.fullmatch(part) for part in parts):
                continue
            if all(_printed_word(part, is_known(part)) for part in parts):
                found.append((shirt.start("name"), shirt.end("name"), "NAME"))
    return found

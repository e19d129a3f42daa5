"""Name shapes that need no cue phrase: sign-off tails, passenger names, self-apposition.

These read the raw text with a few anchored regexes (cheap literal checks first) and return
character spans; :class:`~voc.pii.names.NameFinder` adds them to the cue-based names and then
marks further occurrences of every name word it found ("TJIPTO H, bukan TJIPTO HARTONO").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.pii.name_lexicons import place_or_brand_words
from voc.pii.name_shapes import frequent_word

__all__ = ["MODAL_AFTER", "WORD_NAMES", "find_extra_names", "repeated_names"]

Span = tuple[int, int, str]

#: Given names that are everyday words: a name only where the place says so.
WORD_NAMES = frozenset(
    "will hope joy rose bill mark jack grace faith sunny lucky hunter sabar kasih bunga intan "
    "indah dini mega sari ruby amber daisy lily iris jade pearl summer autumn dawn crystal "
    "honey angel bagus ayu bayu fajar putri wulan dewi cahaya".split()
)
#: After "Will" (and the other word names): a verb's companion, so the word is no name here.
MODAL_AFTER = re.compile(r"[ \t]+(?:you|i|we|it|they|he|she|be|this|that|have|not)\b", re.I)

_NAME_PIECE = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_HYPHEN_PIECE = re.compile(r"-[A-Z][a-z'’]+\b")
_FOLLOWER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)")
_PIECES = re.compile(r"(?:(?!\b(?:dan|and)\b)[^&+,])+", re.IGNORECASE)
_WORD = r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)?"
# "... - yusuf", "Thx!! -ricky", "~ Rahmat", "-- Aldo & Sinta", "(sari)" closing the text.
_TAIL = re.compile(
    r"(?:^|(?<=[\s!.,?]))(?:--?|~|—|–|\()[ \t]*"
    r"(?P<names>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}"
    r"(?:[ \t]*(?:&|\+|dan|and|,)[ \t]*" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})?)"
    r"[ \t]*\)?[\s.!]*\Z"
)
# Passenger names on tickets: "WIDODO/ARIF MR", "TAN/MEI LING MS".
_PASSENGER = re.compile(
    r"(?<![\w/])(?P<name>[A-Z]{2,}(?: [A-Z]{2,}){0,2}/[A-Z]{2,}"
    r"(?: (?!(?:MR|MRS|MS|MSTR|MISS|DR)\b)[A-Z]{2,}){0,2})"
    r"(?: (?P<title>MR|MRS|MS|MSTR|MISS|DR))?(?![\w/])"
)
# (Round 13: a placeholder of an earlier redaction, "[NAME]", is no talk of a name.)
_TRAVEL = re.compile(
    r"(?<!\[)\b(?:passenger|penumpang|tiket|ticket|booking|passport|paspor|boarding|pnr|manifest|"
    r"flight|pesawat|penerbangan|nama|name|e-ticket|eticket|reservation|reservasi)\b(?!\])",
    re.IGNORECASE,
)
# A name changed on a booking: "change the passenger from Sunny Blake to Harper Blake".
_RUN = r"[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,2}"
_NAME_SWAP = re.compile(
    r"\b(?:from|dari)[ \t]+(?P<old>" + _RUN + r")[ \t]+(?:to|into|ke|jadi|menjadi)[ \t]+"
    r"(?P<new>" + _RUN + r")\b"
)
_SWAP_TALK = re.compile(
    r"(?<!\[)\b(?:passenger|penumpang|guest|tamu|name|nama|holder|pemegang|traveller|traveler)"
    r"\b(?!\])",
    re.IGNORECASE,
)
# "I, Samuel Hutagalung, hereby ...", "Saya, Yohanes Dwi Prasetyo, menyatakan ...".
_SELF_APPOSITION = re.compile(
    r"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=[.!?\n]))\s*(?:I|Saya|saya|Aku|aku|Sy|sy),\s+"
    r"(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’.-]*){0,3}),"
)
# "hai kak saya raka mau tanya", "halo min, aku Nayla yang kemarin": a greeting, then the
# writer's name closed by an everyday word.
_GREETING_SELF = re.compile(
    r"\s*(?:hai|hay|halo|hallo|haloo|hi|hello|hey|pagi|siang|sore|malam|permisi)\b[\s,!.]*"
    r"(?:(?:kak|ka|kakak|min|admin|gan|sis|mas|mbak|mba|bang|pak|bu)\b[\s,!.]*)?"
    r"(?:saya|aku|sy|gue|gw|ak)\s+(?P<name>[A-Za-z][a-z'’-]+(?:\s+[A-Za-z][a-z'’-]+)?)"
    r"(?=\s*(?:[,.!]|\s(?:mau|mo|mw|ingin|pengen|pgn|yang|yg|dari|dr|pelanggan|customer)\b))",
    re.IGNORECASE,
)
# The openers' second words, a cheap first test before _NAME_OPENER.
_OPENER_HINT = re.compile(
    r"Gede|Made|Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Luh|Nengah|Gusti|Agung|"
    r"Bagus|Ayu|okorda|Raden"
)
# "rek BCA 0372 5591 88 an Vincent Tjandra": "an" (atas nama) right after an account number.
_NUMBER_AN = re.compile(
    r"(?<![\w])\d[\d .-]{5,}\d\s+(?:an|a\.n|a/n)\.?\s+"
    r"(?P<name>[A-Za-z][A-Za-z'’-]+(?:\s+[A-Za-z][A-Za-z'’-]+){0,3})"
)
# Round 14: "under" after an account number or a booking in English ("BNI 0418839201 under
# Olumide Adeyemi", "Order under Tomasz Kowalski", "court 3 under ..."), Capitalised full names.
_NUMBER_UNDER = re.compile(
    r"(?:(?<![\w])\d[\d .-]{5,30}\d(?:[ \t]*\([A-Za-z]+\))?|\b(?i:order|booking|reservation|"
    r"booked|reserved|account|court|table|room)(?:[ \t]+[\w#-]+)?)"
    r"[ \t]+(?:under|in[ \t]+the[ \t]+name[ \t]+of)[ \t]+"
    r"(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){1,3})"
)
# Round 14: a person asked to do something ("Could Thabo please call me back?").
_ASKED_PLEASE = re.compile(
    r"\b(?i:could|can|would|will)[ \t]+(?P<name>[A-Z][a-z'’-]+)[ \t]+(?i:please|pls|kindly)\b"
)


def _rare_word_in(name: str) -> bool:
    """Whether a word of ``name`` is no frequent English or Indonesian word (wordfreq)."""
    return any(not frequent_word(word.lower(), 3.5) for word in name.split())


# Chat logs: the speaker before a message, "[21.04] Kevin Wijaya: ...", "12/05/24 09.10 -
# Nindy: ...", with an honorific kept out of the name ("[14.22] Ko Steven: ...").
_CHAT_SPEAKER = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{0,20}\d{1,2}[.:]\d{2}(?:[.:]\d{2})?[^\]\n]{0,6}\]|"
    r"\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+\d{1,2}[.:]\d{2}(?:[ \t]*[AP]M)?[ \t]+-)[ \t]*"
    r"(?:(?:Ko|Koh|Ci|Kak|Pak|Bu|Mas|Mbak|Bang|Mr\.?|Mrs\.?|Ms\.?)[ \t]+)?"
    r"(?P<name>[A-Za-z][A-Za-z'’-]+(?:[ \t]+[A-Za-z][A-Za-z'’-]+){0,3})[ \t]*:",
    re.MULTILINE,
)
# A person and their role in brackets: "Ambarwati (pelanggan)", "Yusuf (customer)".
_NAME_ROLE = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3})[ \t]*\("
    r"(?:pelanggan|customer|nasabah|pembeli|buyer|penerima|pengirim|pelapor|pemohon|"
    r"pemilik|owner|account holder|cardholder|klien|client|pasien|patient|tamu|guest)\)"
)
# A mail header: "Nicole Fernandes <nicole.f@corpmail.com>".
_NAME_EMAIL = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3})[ \t]*<[^<>@\s]+@"
)
# An e-mail's local part ("bev.thompson1954@...") and the Capitalised words of a text.
_EMAIL_LOCAL = re.compile(r"(?<![\w.%+-])([A-Za-z0-9._%+-]{3,64})@[A-Za-z0-9-]+\.[A-Za-z]")
_TITLE_RUN = re.compile(r"(?<![\w.@])[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3}(?![\w@])")
# A known given name opening the text, closed by a comma, a dash or an ID cue: "Lukman
# Hakim, Jl. ...", "SEAN MURPHY — ACCOUNT ...", "SUPARMAN NIK 7457...".
_OPENING_NAME = re.compile(
    r"\A[ \t]*(?P<name>[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){0,3})"
    r"(?:[ \t]*(?:,|—|–|\||[ \t]-[ \t])|[ \t]+(?=(?:NIK|KTP|NPWP|HP|WA|ACCOUNT|Account|"
    r"REK|Rek|no\.? HP|No\.? HP)\b))"
)
# Staff at a named branch: "Nurul Ain from your Johor Bahru branch", "Priyanka at the Bondi
# store".
_STAFF_AT = re.compile(
    r"[ \t]+(?:from|at|dari|di)[ \t]+(?:(?:your|the|our|kalian)[ \t]+)?"
    r"(?:[A-Z][A-Za-z'’-]+[ \t]+){1,3}(?:branch|store|outlet|office|counter|cabang|toko|gerai)\b"
)
# The name right before _STAFF_AT, searched in a short window that ends at it.
_NAME_BEFORE = re.compile(r"(?<![\w.-])[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2}\Z")
_DETERMINERS = frozenset("the a an this that your our my their his her".split())
_STAFF_PLACES = re.compile(r"branch|store|outlet|office|counter|cabang|toko|gerai")
# Balinese and Javanese noble name openers that are part of the name: "I Gede Wirawan".
_NAME_OPENER = re.compile(
    r"(?<![\w.])(?:(?:I|Ni)\s+(?:Gusti\s+(?:Ngurah|Ayu|Agung|Bagus|Made|Putu|Ketut)|Gede|Made|"
    r"Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Luh(?:\s+Putu|\s+Made)?|Nengah)|Anak\s+Agung|"
    r"Ida\s+Bagus|Ida\s+Ayu|Gusti\s+(?:Ngurah|Ayu|Agung)|Cokorda|Tjokorda|"
    r"Raden\s+(?:Mas|Ajeng|Ayu|Roro|Rara|Bagus))"
    r"(?P<rest>(?:\s+[A-Z][a-z'’-]+){1,3})"
)


def find_extra_names(
    text: str,
    is_name_word: Callable[[str, bool], bool],
    is_known: Callable[[str], bool] = lambda word: False,
) -> list[Span]:
    """Return names in ``text`` that no cue phrase announces.

    Args:
        text: The raw text.
        is_name_word: ``(word, lower_ok) -> bool``: whether a word may be (part of) a name;
            ``lower_ok`` allows a lower-case word that is no everyday word.
        is_known: ``word -> bool``: whether a word (any case) is a known given name that is
            no everyday word.
    """
    found: list[Span] = []
    tail = None
    low = max(0, len(text) - 80)
    marker = max(
        text.rfind("-", low),
        text.rfind("~", low),
        text.rfind("(", low),
        text.rfind("\u2014", low),
        text.rfind("\u2013", low),
    )
    if marker != -1:
        tail = _TAIL.search(text, max(0, marker - 2))
    if tail is not None and _route(text, tail.start(), tail.group("names")):
        tail = None  # "tiket Jakarta - Medan", "Rute CGK - KNO": two places, not a sign-off
    if tail is not None:
        names = _words_span(text, tail.start("names"), tail.group("names"), is_name_word)
        if all(text[s].isupper() or is_name_word(text[s:e], None) for s, e, _ in names):
            found += names  # lower case only a known name: "seat (aisle)", "-anonymous" stay
    if "/" in text and _upper_slash(text):
        for match in _PASSENGER.finditer(text):
            sides = [side.split() for side in match.group("name").split("/")]
            if (
                max(len(word) for side in sides for word in side) >= 4
                and all(any(is_name_word(w.capitalize(), False) for w in side) for side in sides)
                and (match.group("title") or _TRAVEL.search(text))
            ):
                found.append((match.start("name"), match.end("name"), "NAME"))
    if "I," in text or "aya," in text or "ku," in text or "y," in text:
        for match in _SELF_APPOSITION.finditer(text):
            found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if (" from " in text or " dari " in text) and _SWAP_TALK.search(text):
        found += _swapped_names(text, is_name_word, is_known)
    greeting = _GREETING_SELF.match(text)
    if greeting is not None:
        found += _words_span(text, greeting.start("name"), greeting.group("name"), is_name_word)
    lower = text.lower()
    if (" an " in lower or " an." in lower or "a.n" in lower or "a/n" in lower) and any(
        char.isdigit() for char in text
    ):
        for match in _NUMBER_AN.finditer(text):
            found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if " under " in text or " name of " in text:
        for match in _NUMBER_UNDER.finditer(text):
            if _rare_word_in(match.group("name")):  # never "under Personal Banking"
                found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if "please" in lower or "pls" in lower or "kindly" in lower:
        for match in _ASKED_PLEASE.finditer(text):
            if _rare_word_in(match.group("name")):  # never "Could Support please ..."
                found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if ":" in text and ("]" in text or " - " in text):
        for match in _CHAT_SPEAKER.finditer(text):
            found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if "(" in text:
        for match in _NAME_ROLE.finditer(text):
            name = match.group("name")
            field = text[: match.start()].rstrip().endswith(":")
            if " " in name or field or is_known(name):  # not "Garansi (customer) ..."
                found += _words_span(text, match.start("name"), name, is_name_word)
    if "<" in text and "@" in text:
        for match in _NAME_EMAIL.finditer(text):
            found += _words_span(text, match.start("name"), match.group("name"), is_name_word)
    if "@" in text:
        found += _names_in_emails(text, is_name_word)
    opening = _OPENING_NAME.match(text)
    if opening is not None and is_known(opening.group("name").split()[0]):
        found += _words_span(text, opening.start("name"), opening.group("name"), is_name_word)
    if _STAFF_PLACES.search(lower):
        for tail in _STAFF_AT.finditer(text):
            match = _NAME_BEFORE.search(text, max(0, tail.start() - 50), tail.start())
            if match is None:
                continue
            first = match.group().split()[0]
            before = text[max(0, match.start() - 12) : match.start()].split()
            if before and before[-1].lower() in _DETERMINERS:
                continue  # "the Ms at the Kemang branch": no name after "the"
            opens = match.start() == 0 or text[: match.start()].rstrip()[-1:] in ".!?\n"
            if is_known(first) or not opens:
                found += _words_span(text, match.start(), match.group(), is_name_word)
    if _OPENER_HINT.search(text):
        for match in _NAME_OPENER.finditer(text):
            span = _words_span(text, match.start("rest"), match.group("rest"), is_name_word)
            if span:
                found.append((match.start(), span[0][1], "NAME"))
    return found


# A place or a three-letter airport or station code, on both sides of a dash.
_PLACE_CODE = re.compile(r"[A-Z]{3}|[A-Z][a-z]+")
_WORD_BEFORE_DASH = re.compile(r"(?P<word>\[[A-Z_]+\]|[A-Za-z]+)[ \t]*\Z")


def _route(text: str, dash: int, names: str) -> bool:
    """Whether a dash tail joins two places or codes: a route, not a sign-off."""
    from voc.pii.name_lexicons import place_or_brand_words

    before = _WORD_BEFORE_DASH.search(text, max(0, dash - 30), dash)
    first = names.split()[0] if names.split() else ""
    if before is None or not _PLACE_CODE.fullmatch(first):
        return False
    places = place_or_brand_words()
    sides = (before.group("word"), first)
    if sides[0].startswith("["):  # a redacted place: "[NAME] - Bali" stays a route
        return (len(first) == 3 and first.isupper()) or first.lower() in places
    return (
        all((len(w) == 3 and w.isupper()) or w.lower() in places for w in sides)
        and sides[0].isupper() == sides[1].isupper()
    )


def _swapped_names(text: str, is_name_word, is_known) -> list[Span]:
    """Both names of a swap that share a word or open with a known given name."""
    found: list[Span] = []
    for match in _NAME_SWAP.finditer(text):
        old, new = match.group("old").split(), match.group("new").split()
        if not all(is_name_word(word, False) for word in old + new):
            continue
        if set(old) & set(new) or (is_known(old[0]) and is_known(new[0])):
            found.append((match.start("old"), match.end("old"), "NAME"))
            found.append((match.start("new"), match.end("new"), "NAME"))
    return found


def _names_in_emails(text: str, is_name_word: Callable[[str, bool], bool]) -> list[Span]:
    """Capitalised words that are spelled in an e-mail address of the same text.

    "Beverley Thompson, bev.thompson1954@...": a person's address usually holds their name,
    so a run of Capitalised name words holding a piece of 4+ letters of the local part is a
    name ("Support" in "support@..." is an everyday word and stays).
    """
    pieces = {
        piece.lower()
        for local in _EMAIL_LOCAL.findall(text)
        for piece in re.findall(r"[A-Za-z]{4,}", local)
    }
    if not pieces:
        return []
    found: list[Span] = []
    for run in _TITLE_RUN.finditer(text):
        words = run.group().split()
        if any(w.lower() in pieces for w in words) and all(is_name_word(w, False) for w in words):
            found.append((run.start(), run.end(), "NAME"))
    return found


def _words_span(
    text: str, start: int, phrase: str, is_name_word: Callable[[str, bool], bool]
) -> list[Span]:
    """The leading name words of each name in ``phrase`` (names split at "&", ",", "dan")."""
    spans: list[Span] = []
    for piece in _PIECES.finditer(phrase):
        if not piece.group().strip():
            continue
        first = last = None
        for word in re.finditer(r"\S+", piece.group()):
            if not is_name_word(word.group(), True):
                break
            first = word if first is None else first
            last = word
        if first is None:
            break
        base = start + piece.start()
        spans.append((base + first.start(), base + last.end(), "NAME"))
    return spans


def _upper_slash(text: str) -> bool:
    """Whether a slash stands between two capital letters ("WIDODO/ARIF")."""
    at = text.find("/")
    while at != -1:
        if 0 < at < len(text) - 1 and text[at - 1].isupper() and text[at + 1].isupper():
            return True
        at = text.find("/", at + 1)
    return False


def repeated_names(text: str, spans: list[tuple[int, int]], is_name_word) -> list[Span]:
    """Other occurrences of the name words already found, with the name words after them.

    A Capitalised name word repeats in any case style that starts with a capital ("Tjipto ...
    TJIPTO"); a one-word name found in lower case also repeats in lower case ("andre ... andre").
    A name that is also an everyday word (``WORD_NAMES``) repeats only Capitalised and not
    before a pronoun or auxiliary ("Will fixed it. Give Will a raise" marks both, "Will you"
    never).
    """
    words: dict[str, bool] = {}
    for start, end in spans:
        piece = text[start:end]
        for word in _NAME_PIECE.findall(piece):
            if word[0].isupper():
                words.setdefault(word.lower(), False)
        if piece.isalpha() and piece.islower():
            words[piece] = True
    found: list[Span] = []
    covered = bytearray(len(text))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    for low, lower_ok in words.items():
        common = low in WORD_NAMES
        for at, end in _occurrences(text, low):
            other = text[at:end]
            if covered[at] or not (other[0].isupper() or (lower_ok and other.islower())):
                continue
            if common and (not other[0].isupper() or MODAL_AFTER.match(text, end)):
                continue
            while (joined := _HYPHEN_PIECE.match(text, end)) is not None:
                end = joined.end()  # "Nakamura-Wijaya": the double name is one name
            found.append((at, _name_run(text, end, other.isupper(), is_name_word), "NAME"))
    return found


def _occurrences(text: str, low: str):
    """``(start, end)`` of ``low`` in ``text`` in any case, as a whole word (not after a hyphen).

    ASCII texts are searched with ``str.find`` on the lower-cased text (no regex to compile
    per name word); other texts with the equivalent case-insensitive regex.
    """
    if not text.isascii():
        for match in re.finditer(r"(?<![\w-])" + re.escape(low) + r"(?!\w)", text, re.I):
            yield match.start(), match.end()
        return
    lowered = text.lower()
    at = lowered.find(low)
    while at != -1:
        end = at + len(low)
        before = lowered[at - 1] if at else " "
        after = lowered[end] if end < len(lowered) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            yield at, end
            at = lowered.find(low, end)
        else:
            at = lowered.find(low, at + 1)


def _name_run(text: str, end: int, upper: bool, is_name_word) -> int:
    """Extend a repeated name over the name words that follow it in the same case style."""
    while (follower := _FOLLOWER.match(text, end)) is not None:
        word = follower.group(1)
        shaped = word.isupper() if upper else word[0].isupper()
        if not shaped or not is_name_word(word, False):
            break
        end = follower.end()
    return end


# Round 13: "Aldi sama [Fajar]", "[Rina] and Bayu": a Capitalised known given name joined by a
# conjunction to a name already found is the other person of the pair. (A second redaction read
# "Aldi sama [NAME]" so, and the first one must agree with it.)
_PARTNER_BEFORE = re.compile(
    r"(?<![\w'’-])([A-Z][a-z]{1,14})[ \t]+(?:sama|sm|dan|dgn|dengan|and|&)[ \t]+\Z"
)
_PARTNER_AFTER = re.compile(
    r"[ \t]+(?:sama|sm|dan|dgn|dengan|and|&)[ \t]+([A-Z][a-z]{1,14})(?![\w'’-])"
)


def partner_names(
    text: str, spans: list[tuple[int, int]], is_known: Callable[[str], bool]
) -> list[Span]:
    """Known given names paired with a found name by "sama", "dan", "and" or "&".

    Args:
        text: The raw text.
        spans: The NAME spans found so far.
        is_known: ``word -> bool``, whether a word is a known given name that is no everyday word.
    """
    found: list[Span] = []
    for start, end in spans:
        before = _PARTNER_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and _partner(before.group(1), is_known):
            found.append((before.start(1), before.end(1), "NAME"))
        after = _PARTNER_AFTER.match(text, end)
        if after is not None and _partner(after.group(1), is_known):
            found.append((after.start(1), after.end(1), "NAME"))
    return found


def _partner(word: str, is_known: Callable[[str], bool]) -> bool:
    """A known given name, or (round 14) a word no dictionary, place or brand list holds."""
    if is_known(word):
        return True
    lower = word.lower()
    return not frequent_word(lower, 3.0) and lower not in place_or_brand_words()

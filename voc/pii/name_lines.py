"""Round 11 name shapes: lists of people by line, names before their cue, spelling fixes.

* A list of people under its header ("Data penumpang:", "Passenger list for ...:", "Daftar
  peserta:"): every following line that holds only a name (numbered or bulleted, a bracketed
  note after it allowed) is one, until a line of another shape.
* A name written before its cue: "Slamet namaku kak", "pak KUSNO namanya, ...".
* A name before its role in apposition: "Agung the driver was ...", "Wulan, our guide, ...".
* A name between a contact word and a phone number: "Contact Indra 0812 ...".
* A spelling corrected: "Seharusnya X bukan Y", "Moch. Ridwan not Mochamad Ridwan" (two
  nearly equal spellings of one person's name in a text about a correction).
* A known given name opening the text before "nih" ("Rusdi nih kak, ...").
* A person's name and how it was written ("her name was spelled Clare"); a parent's or
  grandparent's name that no dictionary holds ("Mama Rosmawati udah sampai").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import lru_cache

__all__ = ["find_line_names"]

Span = tuple[int, int, str]

# An apostrophe only inside a word ("Ma'ruf"), never a closing quote ("'Rina' di tiket").
_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?"
_CAP = r"(?:" + _WORD + r"(?:-" + _WORD + r")?|[A-Z]{2,}|[A-Z]\.)"
_RUN = _CAP + r"(?:[ \t]+(?:" + _CAP + r"|bin|binti|van|von|de|da|der|br\.|boru)){0,4}"
# A header that announces people, its line closed by a colon.
_LIST_HEADER = re.compile(
    r"^[^\n:]{0,40}\b(?i:penumpang|passengers?|peserta|participants?|tamu|guests?|anggota|"
    r"members?|rombongan|travell?ers?|jamaah|jemaah|ahli[ \t]+waris|nama-nama|names|pasien|"
    r"patients?|tertanggung|insured|pelamar|applicants?)\b[^\n:]{0,40}:[ \t]*$",
    re.MULTILINE,
)
_LIST_LINE = re.compile(
    r"[ \t]*(?:\d{1,2}[.)][ \t]*|[-*•][ \t]*)?(?P<name>" + _RUN + r")[ \t]*"
    r"(?:\([^\n()]{0,30}\))?[ \t]*\Z"
)
_POSTPOSED = re.compile(
    r"(?:^|(?<=[\s,.!?]))(?:(?P<hon>(?i:pak|bu|bapak|ibu|mas|mbak|mba|kak|bang|om|tante|mr|mrs|"
    r"ms))\.?[ \t]+)?(?P<name>" + _CAP + r"(?:[ \t]+" + _CAP + r"){0,2})[ \t]+"
    r"(?P<cue>(?i:namaku|namanya|nama[ \t]+(?:saya|aku|sy|gue|gw|beliau)))"
    r"(?=[ \t]*(?:[,.!?]|\Z|\n|(?i:kak|ka|min|ya|yah|pak|bu|mas|mbak|sis|gan|deh|sih)\b))"
)
_APPOSED_ROLE = re.compile(
    r"(?<![\w.'’@#])(?P<name>" + _WORD + r"(?:[ \t]+" + _WORD + r")?)[ \t]*,?[ \t]+"
    r"(?:the|our|your|my|si)[ \t]+(?P<role>[a-z]+)\b"
)
# Roles of a person who serves in person (a seller, an owner or a sender may be a shop).
_SERVING_ROLES = frozenset(
    "driver rider technician teknisi agent agen guide pemandu waiter waitress barista "
    "receptionist resepsionis concierge nurse perawat doctor dokter cashier kasir teller satpam "
    "instructor instruktur trainer tutor coach cleaner plumber electrician handyman mechanic "
    "montir mekanik supervisor manager officer therapist stylist sopir supir porter "
    "bellboy housekeeper housekeeping chef cook surveyor adjuster collector kolektor "
    # round 14: car care, inspections, care homes and tailoring
    "detailer washer inspector caregiver carer physio physiotherapist tailor penjahit "
    "dispatcher courier kurir installer tukang".split()
)
_ROLE_HINT = re.compile(r" (?:the|our|your|my|si) (?:" + "|".join(sorted(_SERVING_ROLES)) + r")\b")
_CONTACT = re.compile(
    r"\b(?i:contact|hubungi|kontak|call|telp|telpon|telepon|whatsapp|wa)[ \t:]+"
    r"(?P<name>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})[ \t]*"
    r"(?:[:(,-][ \t]*|(?i:di|at|on)[ \t]+)?"
    r"(?=\+?\(?\d[\d \-().]{6,})"
)
_CONTACT_HINT = re.compile(r"contact|hubungi|kontak|call|tel|whatsapp|\bwa\b")
_ABBREVIATED = r"(?:Moch|Moh|Muh|Mochd|Mohd|Muhd|Abd|Hj|St)\."
_SPELLING_RUN = (
    r"(?:"
    + _ABBREVIATED
    + r"[ \t]*)?"
    + _CAP
    + r"(?:[ \t]+(?:"
    + _CAP
    + r"|"
    + _ABBREVIATED
    + r")){0,3}"
)
_NOT_THIS = re.compile(
    r"(?P<a>" + _SPELLING_RUN + r")[ \t]*,?[ \t]+(?i:bukan|not|instead[ \t]+of|and[ \t]+not)"
    r"[ \t]+['\"‘“]?(?P<b>" + _SPELLING_RUN + r")"
)
_CORRECTION_TALK = re.compile(
    r"(?i:typo|salah|keliru|ejaan|spelling|spelled|spelt|ubah|ganti|koreksi|perbaiki|correct|"
    r"harusnya|seharusnya|should|benar|update|wrong|revisi|ralat)"
)
# A person's name and how it was written: "her name was spelled Clare on the ticket".
_SPELLED = re.compile(
    r"\b(?i:(?:my|his|her|their|your)[ \t]+name|nama(?:ku|nya)|nama[ \t]+(?:saya|aku|penumpang|"
    r"tamu|pasien|peserta|anak|suami|istri|ibu|ayah|mama|papa))\b[^.!?\n]{0,30}?"
    r"\b(?i:spelled|spelt|written|printed|ditulis|tertulis|dieja|tercetak)"
    r"(?:[ \t]+(?i:as|sebagai|jadi|menjadi))?[ \t]+['\"‘“]?(?P<name>" + _RUN + r")"
)
# A parent or grandparent and their name: "Mama Rosmawati udah sampai".
_ELDER = re.compile(
    r"\b(?i:mama|mamah|mami|papa|papah|papi|ayah|nenek|kakek|eyang|mbah)[ \t]+"
    r"(?P<name>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2})\b(?!['’])"
)
_ELDER_HINT = re.compile(r"\b(?:mam|pap|ayah|nenek|kakek|eyang|mbah)")
_NIH = re.compile(
    r"\A[ \t]*(?:(?i:halo|hallo|hai|hi|hello|pagi|siang|sore|malam|permisi)[ \t,!.]*"
    r"(?:(?i:kak|ka|min|admin|pak|bu|mas|mbak|mba)[ \t,!.]*)?)?"
    r"(?P<name>[A-Za-z][a-z]+(?:['’][a-z]+)?(?:[ \t]+"
    + _WORD
    + r")?)[ \t]+(?i:nih|disini|di[ \t]+sini)\b"
)


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    """The everyday words of wordfreq and the places and brands."""
    from voc.pii.name_lexicons import dictionary_words, place_or_brand_words

    return dictionary_words(), place_or_brand_words()


def find_line_names(
    text: str,
    common: Callable[[str], bool],
    hard_stop: Callable[[str], bool],
    given: Callable[[str], bool],
) -> list[Span]:
    """Return the NAME spans of the round-11 shapes (see the module doc) in ``text``.

    Args:
        text: The raw text.
        common: ``word -> bool``: whether a lower-case word is an everyday word.
        hard_stop: ``word -> bool``: whether a lower-case word is never part of a name.
        given: ``word -> bool``: whether a lower-case word is a known given name.
    """
    found: list[Span] = []
    everyday, places = _lexicons()

    def name_word(word: str, rare: bool) -> bool:
        """A word of a name: no stop word or place; a known name, or rare when ``rare``."""
        low = word.lower().rstrip(".")
        if len(low) < 2 or hard_stop(low) or (low in places and not given(low)):
            return False
        if given(low):
            return True
        return not common(low) and (not rare or low not in everyday)

    def person(words: list[str], rare: bool = False) -> bool:
        """Some word a name word, none a stop word or place (initials and particles aside).

        A short stop word after the first word is a syllable of a name ("Nguyen Van An").
        """
        plain = [w for w in words if len(w.rstrip(".")) > 1 and w[0].isupper()]
        if not plain or not any(name_word(w, rare) for w in plain):
            return False
        return all(
            (not hard_stop(w.lower().rstrip(".")) or (i and len(w) <= 3))
            and (w.lower() not in places or given(w.lower()))
            for i, w in enumerate(plain)
        )

    if ":" in text and "\n" in text:
        found += _listed_lines(text, person, name_word)
    lower = text.lower()
    if "nama" in lower:
        for match in _POSTPOSED.finditer(text):
            words = match.group("name").split()
            rare = match.group("hon") is None  # "Bagus namanya": praise, not a name
            its = match.group("cue").lower().startswith(("namanya", "nama beliau"))
            if all(name_word(w, rare) for w in words):
                if rare and its and len(words) == 1 and not given(words[0].lower()):
                    continue  # one unknown word before "namanya": a product as often
                found.append((match.start("name"), match.end("name"), "NAME"))
    if _ROLE_HINT.search(lower) is not None:
        for match in _APPOSED_ROLE.finditer(text):
            start, words = match.start("name"), match.group("name").split()
            if match.group("role") not in _SERVING_ROLES:
                continue
            if len(words) == 2 and not name_word(words[0], True):
                start, words = match.end("name") - len(words[1]), words[1:]  # "Yesterday X"
            if _opens_sentence(text, start) and not given(words[0].lower()):
                continue  # "Messaged the driver ...": any sentence opens with a capital
            if all(name_word(w, True) for w in words):
                found.append((start, match.end("name"), "NAME"))
    if _CONTACT_HINT.search(lower) is not None:
        for match in _CONTACT.finditer(text):
            words = match.group("name").split()
            if all(name_word(w, True) for w in words):
                found.append((match.start("name"), match.end("name"), "NAME"))
    if (" bukan " in lower or " not " in lower or "instead of" in lower) and (
        _CORRECTION_TALK.search(text)
    ):
        named = "name" in lower or "nama" in lower  # review: else a word no dictionary holds
        found += _spelling_fixes(
            text,
            common,
            person if named else (lambda ws: person(ws) and any(name_word(w, True) for w in ws)),
        )
    if "name" in lower or "nama" in lower:
        for match in _SPELLED.finditer(text):
            if person(match.group("name").split()):
                found.append((match.start("name"), match.end("name"), "NAME"))
    if _ELDER_HINT.search(lower) is not None:
        for match in _ELDER.finditer(text):
            words = match.group("name").split()
            if all(name_word(w, True) for w in words):
                found.append((match.start("name"), match.end("name"), "NAME"))
    if "nih" in lower or "sini" in lower:
        match = _NIH.match(text)
        if match is not None:
            words = match.group("name").split()
            if given(words[0].lower()) and not common(words[0].lower()):
                found.append((match.start("name"), match.end("name"), "NAME"))
    return found


def _opens_sentence(text: str, position: int) -> bool:
    """Whether ``position`` opens the text, a line or a sentence."""
    before = text[:position].rstrip(" \t")
    return not before or before[-1] in '.!?\n:;"“(-'


def _listed_lines(text: str, person, name_word) -> list[Span]:
    """The names listed one a line under a header of people."""
    found: list[Span] = []
    for header in _LIST_HEADER.finditer(text):
        pos = header.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end == -1 else end
            line = _LIST_LINE.fullmatch(text, pos, end)
            if line is None:
                break
            words = line.group("name").split()
            if not person(words, True):  # a known name or a word no dictionary holds
                break
            found.append((line.start("name"), line.end("name"), "NAME"))
            pos = end + 1
    return found


def _spelling_fixes(text: str, common, person) -> list[Span]:
    """Two nearly equal spellings of a name, one corrected to the other ("X bukan Y")."""
    found: list[Span] = []
    for match in _NOT_THIS.finditer(text):
        spans = []
        for group in ("a", "b"):
            start, words = match.start(group), match.group(group).split()
            while len(words) > 1 and common(words[0].lower().rstrip(".")):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]  # "Seharusnya Benediktus Laka": the opener is no name
            spans.append((start, match.end(group), words))
        (a_start, a_end, a), (b_start, b_end, b) = spans
        one, two = " ".join(a).lower(), " ".join(b).lower()
        if one == two or SequenceMatcher(None, one, two).ratio() < 0.75:
            continue
        if person(a) and person(b):
            found += [(a_start, a_end, "NAME"), (b_start, b_end, "NAME")]
    return found

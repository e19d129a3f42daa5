"""Round 10 name shapes: a form field read to its line end, kin in brackets, name corrections.

* A person's form field ("Nama pelapor: ...", "Owner: ...", "Borrower: ...") holds the whole
  name up to the end of its line or sentence, everyday words inside included ("Antonius Beda
  Making", "Lalu Ahmad Suryadi"), when every word is Capitalised and one is no everyday word.
* A Capitalised run right before a kin word in brackets is a person ("Bonifasius Ndun
  (suami)", "Mawar Sari (mantan istri)").
* A name corrected in a text about a name: "tertulis X, seharusnya Y", "written as X, should
  be Y" (both spellings are the person's).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from voc.pii.name_cues import FIELD_WORDS, NAME_TITLES
from voc.pii.name_lines import find_line_names
from voc.pii.name_public import is_public_or_not_a_person

__all__ = ["bridged_names", "find_field_names", "first_names"]

Span = tuple[int, int, str]

# An apostrophe only inside a word ("Ma'ruf"), never a closing quote ("'Rina' di tiket").
_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?(?:-[A-Z][a-z]+(?:['’][a-z]+)?)?"
_RUN_PART = r"(?:" + _WORD + r"|[A-Z]\.|br\.|boru|bin|binti|van|von|de|da|der)"
_RUN = _WORD + r"(?:[ \t]+" + _RUN_PART + r"){0,4}"
# Fields that hold a place, a time or a firm as often as a person: never read to the end.
_NOT_PERSON_FIELDS = frozenset("from to dari kepada cc bcc contact cp pic ahli".split())
_PERSON_FIELDS = sorted(
    (w for w in FIELD_WORDS if w not in _NOT_PERSON_FIELDS), key=len, reverse=True
)
_LABEL = (
    r"(?:(?:nama|name)(?:[ \t]+(?:lengkap|(?:" + "|".join(map(re.escape, _PERSON_FIELDS)) + r")))?"
    r"|(?:" + "|".join(map(re.escape, _PERSON_FIELDS)) + r")(?:[ \t]+name)?"
    r"|full[ \t]+name|ahli[ \t]+waris)"
)
_FIELD_LINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][ \t])|(?<=[.!?]  ))[ \t>*-]*(?i:" + _LABEL + r")[ \t]*:[ \t]*"
    r"(?P<name>" + _RUN + r")(?=[ \t]*(?:$|\n|[.,;](?:[ \t\n]|$)))",
)
_KIN = (
    r"suami|istri|isteri|anak(?:[ \t]+\w+)?|ibu|ayah|bapak|adik|kakak|kakek|nenek|mama|papa|"
    r"mertua|menantu|cucu|keponakan|husband|wife|son|daughter|mother|father|brother|sister|"
    r"(?:kelas|class|grade)[ \t]+\w{1,3}"  # a pupil and their class: "Arkan (kelas 1)"
)
_KIN_PAREN = re.compile(
    r"(?P<name>" + _RUN + r")[ \t]*\((?:mantan|ex-?|alm\.?|almarhum|almarhumah|late)?[ \t]*"
    r"(?:" + _KIN + r")(?:[ \t]+(?:saya|aku|sy|kami|my|our))?\)"
)
_QUOTE = r"['‘\"“]?"
_CORRECTED = re.compile(
    r"(?i:\b(?:tertulis|ditulis|tercetak|dicetak|tercatat|terdaftar|written|printed|spelled|"
    r"spelt)(?:[ \t]+(?:as|sebagai|jadi|menjadi))?)[ \t]+" + _QUOTE + r"(?P<old>" + _RUN + r")"
    r"['’\"”]?(?:[ \t]+(?i:di|in|on)[ \t]+[\w-]+)?[ \t]*,?[ \t]*"
    r"(?:(?i:padahal|but|while|sedangkan)[ \t]+)?"
    r"(?i:seharusnya|harusnya|mestinya|yang[ \t]+benar|yg[ \t]+benar|should[ \t]+be|"
    r"the[ \t]+correct[ \t]+(?:one|name|spelling)[ \t]+is)[ \t:]+"
    + _QUOTE
    + r"(?P<new>"
    + _RUN
    + r")"
)


def find_field_names(
    text: str,
    common: Callable[[str], bool],
    hard_stop: Callable[[str], bool],
    given: Callable[[str], bool],
) -> list[Span]:
    """Return the NAME spans of field lines, kin brackets and name corrections in ``text``.

    Args:
        text: The raw text.
        common: ``word -> bool``: whether a lower-case word is an everyday word.
        hard_stop: ``word -> bool``: whether a lower-case word is never part of a name.
        given: ``word -> bool``: whether a lower-case word is a known given name.
    """
    found: list[Span] = find_line_names(text, common, hard_stop, given)  # round 11
    if ":" not in text and "(" not in text and not _maybe_corrected(text):
        return found

    def personal(words: list[str]) -> bool:
        if len(words) > 1 and words[0].lower() in NAME_TITLES:
            words = words[1:]  # "Lalu Sabar Hidayat": a Sasak title, an everyday word too
        names = [w for w in words if len(w) > 2 and w[-1] != "."]
        return (
            bool(names)
            and not any(hard_stop(w.lower()) for w in names)
            and any(given(w.lower()) or not common(w.lower()) for w in names)
        )

    if ":" in text:
        for match in _FIELD_LINE.finditer(text):
            words = match.group("name").split()
            cut = next((i for i, w in enumerate(words) if w.lower() in _JOB_WORDS), len(words))
            words = words[:cut]  # "Siti Aminah Binti Abdullah [Karyawan Swasta]"
            if len(words) >= 2 and personal(words) and not _firm_or_place(words, given):
                end = match.start("name") + len(" ".join(words))
                if text[match.start("name") : end] == " ".join(words):
                    found.append((match.start("name"), end, "NAME"))
    if "(" in text:
        for match in _KIN_PAREN.finditer(text):
            start = match.start("name")
            words = match.group("name").split()
            while len(words) > 1 and (common(words[0].lower()) or hard_stop(words[0].lower())):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]  # "Kemarin Budi (adik)": the sentence opener is no name
            if personal(words) and _name_like(words, given):
                found.append((start, match.end("name"), "NAME"))
    if _maybe_corrected(text):
        for match in _CORRECTED.finditer(text):
            values = [match.group(group).split() for group in ("old", "new")]
            if not all(personal(v) for v in values) or not _corrected_names(values, given):
                continue  # "Nama kota tertulis Bandung, seharusnya Bekasi": no person's name
            for group in ("old", "new"):
                found.append((match.start(group), match.end(group), "NAME"))
    return found


def _maybe_corrected(text: str) -> bool:
    """Whether ``text`` talks about a person's name (the corrections are read only then)."""
    lower = text.lower()
    return (
        ("nama" in lower or "name" in lower)
        and ("harus" in lower or "should" in lower or "benar" in lower or "correct" in lower)
        and _PERSON_NAME_TALK.search(text) is not None
    )


# A person's name talked about: "nama saya", "nama di KTP", "my name", "the name is".
_PERSON_NAME_TALK = re.compile(
    r"(?i:\b(?:nama(?:ku|nya)|my[ \t]+name|(?:his|her|the)[ \t]+name[ \t]+(?:is|was|on|of)|"
    r"name[ \t]+on[ \t]+(?:my|the)|nama[ \t]+(?:saya|aku|sy|lengkap|penerima|pemilik|"
    r"pengirim|nasabah|pemegang|peserta|pasien|penumpang|tamu|anak|suami|istri|ibu|ayah|"
    r"di[ \t]+(?:ktp|kartu|paspor|passport|sim|stnk|bpkb|rekening|polis|tiket|ijazah|akta))))\b"
)
# Job and school-class words that end a name on a field line ("... Karyawan Swasta").
_JOB_WORDS = frozenset(
    "karyawan swasta wiraswasta pegawai pns pelajar mahasiswa mahasiswi guru dosen petani "
    "buruh pedagang kelas class grade".split()
)


def _name_like(words: list[str], given: Callable[[str], bool]) -> bool:
    """Whether a Capitalised run reads as a person's name rather than a product or place.

    A known given name in it, or (two words or more) no word that is an everyday word, a
    place or a brand.
    """
    from voc.pii.name_lexicons import dictionary_words, place_or_brand_words

    everyday, places = dictionary_words(), place_or_brand_words()
    lowers = [w.lower() for w in words if len(w) > 2 and w[-1] != "."]
    plain = [w for w in lowers if not given(w)]
    if len(plain) < len(lowers):
        return True
    return len(lowers) >= 2 and not any(w in everyday or w in places for w in plain)


def _corrected_names(values: list[list[str]], given: Callable[[str], bool]) -> bool:
    """Whether both spellings of a correction read as a person's name.

    No word of either is a place or a brand (unless a known given name), and one of them
    holds a known given name or both hold a word that is no everyday word.
    """
    from voc.pii.name_lexicons import dictionary_words, place_or_brand_words

    everyday, places = dictionary_words(), place_or_brand_words()
    lowers = [[w.lower() for w in v] for v in values]
    if any(w in places and not given(w) for v in lowers for w in v):
        return False
    if any(given(w) for v in lowers for w in v):
        return True
    return all(any(w not in everyday for w in v) for v in lowers)


def _firm_or_place(words: list[str], given: Callable[[str], bool]) -> bool:
    """Whether a field's value holds a place or a brand that is no known given name."""
    from voc.pii.name_lexicons import place_or_brand_words

    places = place_or_brand_words()
    return any(w.lower() in places and not given(w.lower()) for w in words)


_BRIDGE = re.compile(r"[ \t]+(?P<word>[A-Z][a-z]{1,11}|[A-Z]{2,4})[ \t]+")
# Words that join two people, never a part of one name ("Budi Dan Siti", "BUDI ATAU SITI").
_LINKS = frozenset("dan and atau or serta sama with dengan dgn vs ke dari to from".split())


def bridged_names(text: str, spans: list[Span]) -> list[Span]:
    """Return the single word between two NAME spans when it is part of one name.

    "Sahat [Tua] Nainggolan" (an everyday word inside a Batak name), "LIEM [KOK] HAN" (a
    Chinese syllable that is an everyday word in capitals): a Capitalised word between two
    Capitalised names, or a short ALL-CAPS word between two ALL-CAPS names, never a word that
    joins two people ("dan", "and") and never in a text that Capitalises Most Words.

    Args:
        text: The raw text.
        spans: The candidates found so far (any type).
    """
    names = sorted((s, e) for s, e, kind in spans if kind == "NAME")
    found: list[Span] = []
    heavy: list[bool] = []  # asked once, only when a Capitalised word sits between two names
    for (_, end), (start, _) in zip(names, names[1:], strict=False):
        match = _BRIDGE.fullmatch(text, end, start) if 2 < start - end < 16 else None
        if match is None or match.group("word").lower() in _LINKS:
            continue
        word, left, right = match.group("word"), text[end - 1], text[start + 1 : start + 2]
        if word.isupper():
            ok = text[end - 2 : end].isupper() and text[start : start + 2].isupper()
        else:
            ok = left.islower() and right.islower()
            if ok and not heavy:
                heavy.append(_title_heavy(text, names))
            ok = ok and not heavy[0]
        if ok:
            found.append((match.start("word"), match.end("word"), "NAME"))
    return found


def _title_heavy(text: str, names: list[tuple[int, int]]) -> bool:
    """Whether most words outside the names are Capitalised (a headline or a title-cased form)."""
    kept, last = [], 0
    for start, end in names:
        kept.append(text[last:start])
        last = max(last, end)
    kept.append(text[last:])
    words = re.findall(r"[A-Za-z]{3,}", " ".join(kept))
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_BEFORE_WORD = re.compile(
    r"(?:(?<=[\s(:,'\"‘“])|^)(?P<word>[A-Z][a-z'’]{2,}|[A-Z]{3,}|M(?:uh|oh|uhd|ohd|ochammad)?\.)"
    r"[ \t]\Z"
)


@lru_cache(maxsize=1)
def _first_name_lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The everyday words, the places and brands, and the roles and honorifics."""
    from voc.pii.name_cues import ROLE_WORDS, WEAK_CUES
    from voc.pii.name_lexicons import not_name_words, place_or_brand_words

    roles = frozenset(FIELD_WORDS) | frozenset(ROLE_WORDS) | frozenset(WEAK_CUES)
    return not_name_words(), place_or_brand_words(), roles


# Words that open the name of a place, often named after a person ("Taman Suropati").
_PLACE_OPENERS = frozenset(
    "taman tanjung pulau gunung danau pantai teluk tanah kampung desa kota pasar masjid gereja "
    "pura gedung stasiun terminal bandara pelabuhan sungai jalan gang rumah universitas "
    "sekolah museum monumen lapangan stadion".split()
)


# Round 11: parents and grandparents named before their name ("Mama [Rosmawati]").
_ELDERS = frozenset("mama mamah mami papa papah papi ayah nenek kakek eyang mbah".split())


def first_names(text: str, spans: list[Span]) -> list[Span]:
    """Return the given name written right before a NAME span that starts with a surname.

    "Hotma [Sihombing]", "Saya pemegang polis Moh. [Hasan]", "NAMA HOTMAN [SIMANJUNTAK]": a
    word in the case of the name right before it that no lexicon knows as an everyday word,
    a place, a firm, a role or an honorific.

    Args:
        text: The raw text.
        spans: The candidates found so far (any type).
    """
    common, places, roles = _first_name_lexicons()
    found: list[Span] = []
    taken = sorted({(s, e) for s, e, _ in spans})
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end so far
    for start, end, kind in spans:
        if kind != "NAME" or start < 2:
            continue
        match = _BEFORE_WORD.search(text, max(0, start - 40), start)
        if match is None:
            continue
        word, first = match.group("word"), text[start:end].split()[0]
        lower = word.lower().rstrip(".")
        if word.endswith("."):
            pass  # "Moh. Hasan": an abbreviated given name
        elif lower in NAME_TITLES and word[0].isupper() and _inside_sentence(text, match.start()):
            pass  # "Guide kami Lalu [Muhammad Zaini]": a Sasak title, "then" only opening
        elif word.isupper() != first.isupper() or lower in common or lower in places:
            continue
        elif lower in roles or lower in _PLACE_OPENERS or lower in _ELDERS:
            continue  # "di Taman [Suropati]", "Masjid [Istiqlal]": a place named after a person
        elif _inside(starts, reach, match.start()):
            continue
        elif is_public_or_not_a_person(text, match.start("word"), end):
            continue  # "dibintangi Raffi [Ahmad]": the whole name is a film star's
        found.append((match.start("word"), start, "NAME"))
    return found + _names_around(text, spans + found, common, roles, places)


# Round 11: what stands right after or before a found name and belongs to it or to a partner.
_AFTER_CAPS = re.compile(r"[ \t]+(?P<word>[A-Z])(?=[ \t]*(?:[.,;!?)]|\Z)|[ \t]+[a-z])")
_AFTER_TITLE = re.compile(
    r"[ \t]+(?P<word>[A-Z][a-z]{1,10})(?=[ \t]*(?:[.,;!?)]|\Z)|[ \t]+(?:from|dari|bin|binti)\b)"
)
_PARTNER_BEFORE = re.compile(
    r"(?:(?<=[\s(:,])|^)(?P<word>[A-Z][a-z'’]{2,})[ \t]+(?:and|dan|&)[ \t]+\Z"
)


def _names_around(text: str, spans: list[Span], common, roles, places) -> list[Span]:
    """Initials, surnames and partners right beside a found name.

    "MARULI [S] only" (an initial after a name in capitals), "Rahmawati [Said]." / "Bonifasius
    [Ama] from ..." (a surname that is also an everyday word, closing its clause), "[Aiko] and
    Haruto Sato" (a partner of a full name). Never a stop word, a place, a role or a word that
    joins two people, and never in a text that Capitalises Most Words.
    """
    from voc.pii.name_lexicons import hard_stop_words

    hard = hard_stop_words()
    names: list[tuple[int, int]] = []
    for start, end in sorted((s, e) for s, e, kind in spans if kind == "NAME"):
        if names and start <= names[-1][1] + 1 and not text[names[-1][1] : start].strip():
            names[-1] = (names[-1][0], max(end, names[-1][1]))  # "Renji" + "Kobayashi"
        else:
            names.append((start, end))
    found: list[Span] = []
    heavy: list[bool] = []
    for start, end in names:
        name = text[start:end]
        if name.isupper() and (caps := _AFTER_CAPS.match(text, end)) is not None:
            if caps.group("word") != "I":
                found.append((caps.start("word"), caps.end("word"), "NAME"))
            continue
        after = _AFTER_TITLE.match(text, end) if name[-1:].islower() else None
        if after is not None:
            word = after.group("word").lower()
            if word not in hard and word not in places and word not in _LINKS:
                if not heavy:
                    heavy.append(_title_heavy(text, names))
                if not heavy[0]:
                    found.append((after.start("word"), after.end("word"), "NAME"))
        if len(name.split()) >= 2 and name.istitle():
            partner = _PARTNER_BEFORE.search(text, max(0, start - 30), start)
            if partner is not None:
                word = partner.group("word").lower()
                if word not in common and word not in roles and word not in places:
                    found.append((partner.start("word"), partner.end("word"), "NAME"))
    return found


def _inside_sentence(text: str, position: int) -> bool:
    """Whether a word at ``position`` follows another word of its sentence."""
    before = text[max(0, position - 3) : position].rstrip(" \t")
    return bool(before) and (before[-1].isalnum() or before[-1] in ",)")


def _inside(starts: list[int], reach: list[int], position: int) -> bool:
    """Whether ``position`` lies inside one of the sorted spans (``reach``: prefix max ends)."""
    i = bisect_right(starts, position)
    return i > 0 and reach[i - 1] > position

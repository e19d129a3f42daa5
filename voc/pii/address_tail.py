"""Address tails: what may close an address once it has a part (round 6).

A landmark that directly continues it ("No. 12 depan Masjid Al Ikhlas", "no 45 sebelah
indomaret"), a town in capitals ("NO. 11, YOGYAKARTA - ..."), a lower-case town of several
words ("..., jakarta timur", "rt 12 talang kelapa palembang") and a town alone on the next line
(a line "Balige, Toba"); a town and its postcode ("Jakarta Barat 11530", "bristol bs4 3ph")
and a town after a comma or a number (moved here from ``address.py`` in round 9). Each helper
returns the end of what it consumed, or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.pii import address_patterns as pat
from voc.pii.names import given_names, not_name_words

__all__ = [
    "caps_town_end",
    "landmark_end",
    "line_town_end",
    "lower_town_end",
    "place_end",
    "town_postal_end",
]

_LANDMARK_WORDS = (
    r"depan|dpn|dekat|deket|sebelah|sblh|samping|belakang|blkg|seberang|patokan(?:nya)?|near|"
    r"opposite|behind|next[ \t]+to|across[ \t]+from"
)
_LANDMARK_CUE = re.compile(r"(?:" + _LANDMARK_WORDS + r")[ \t]*:?[ \t]+", re.IGNORECASE)
# A landmark in brackets: "No. 45 (samping Gereja Kingmi), Wamena", "(near the mosque)".
_BRACKET_LANDMARK = re.compile(
    r"\([ \t]*(?:" + _LANDMARK_WORDS + r")[ \t]*:?[ \t]+[^()\n\[\]]{1,40}\)", re.IGNORECASE
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BLANKS = re.compile(r"[ \t]+")
# Words that end a landmark or a town although they are no stop words elsewhere.
_TAIL_STOP = frozenset(
    "aja saja ya yah mas mbak mba kak bang pak bu nanti nnti biar supaya agar terus trus please "
    "pls thanks thx thank tolong mohon harap and or but so then kok deh dong sih ok oke makasih "
    "makasi mksh terima kasih trims tq ty regards salam hormat cheers best sincerely".split()
)
_CAPS_WORD = re.compile(r"[A-Z][A-Z'-]+\b")
# Punctuation, a dash, the end, or a British postcode after the town ("OXFORD OX1 4AS").
_CLOSE = re.compile(
    r"[ \t]*(?:[,.;:)!?\n]|[ \t][-–—][ \t]|$)|[ \t]+(?=[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b)"
)
_LINE = re.compile(r"[^\n]*")
# Map abbreviations opening a place name: Kebon, Pasar, Tanjung, Kebayoran, Pondok, Bukit.
_PLACE_ABBREV = re.compile(r"(?:Kb|Ps|Tj|Kby|Pd|Pdk|Bkt|Kpg)\.[ \t]*(?=[A-Z][a-z])")
# A neighbourhood unit right before: "RT 03 RW 01 ", "rt 07/02 ".
_RT_RW_BEFORE = re.compile(
    r"\b(?:rt|rw)\.?[ \t]*:?[ \t]*\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?[ \t]+\Z", re.IGNORECASE
)
_LINE_WORDS = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[ \t]*,?[ \t]+[A-Za-z][A-Za-z'’.-]*){0,3}")
_DIRECTIONS = pat.DIRECTIONS

IsWord = Callable[[str], bool]


def _stops(word: str, is_stop: IsWord) -> bool:
    lower = word.lower().rstrip(".")
    return lower in _TAIL_STOP or (is_stop(word) and lower not in _DIRECTIONS)


def _word_run(
    text: str, at: int, word_re: re.Pattern, keep: Callable[[str], bool], most: int
) -> tuple[int, int]:
    """Consume up to ``most`` blank-separated words that ``keep`` accepts, from ``at``.

    Returns the end of the last word taken (``at`` when none) and where the next word would
    start (the end itself when no blank follows it).
    """
    end = cursor = at
    for _ in range(most):
        word = word_re.match(text, cursor)
        if word is None or not keep(word.group()):
            break
        end = word.end()
        blanks = _BLANKS.match(text, end)
        if blanks is None:
            cursor = end
            break
        cursor = blanks.end()
    return end, cursor


def landmark_end(
    text: str, at: int, is_stop: IsWord, *, bracketed_only: bool = False
) -> int | None:
    """``depan Masjid Al Ikhlas``: a landmark cue and up to four words of the landmark.

    In brackets the whole aside is read: ``(samping Gereja Kingmi)``.
    """
    bracket = _BRACKET_LANDMARK.match(text, at)
    if bracket is not None or bracketed_only:
        return bracket.end() if bracket is not None else None
    cue = _LANDMARK_CUE.match(text, at)
    if cue is None:
        return None
    end = cursor = cue.end()
    for _ in range(4):
        word = _WORD.match(text, cursor)
        if word is None or word.group().lower() in _TAIL_STOP:
            break
        if word.group().islower() and is_stop(word.group()) and end > cue.end():
            break  # "sebelah indomaret yang ..." ends at "indomaret"
        end = word.end()
        blanks = _BLANKS.match(text, end)
        if blanks is None:
            break
        cursor = blanks.end()
    return end if end > cue.end() else None


def caps_town_end(text: str, at: int, is_stop: IsWord) -> int | None:
    """``YOGYAKARTA``, ``BEKASI TIMUR``: up to three words in capitals closing the address."""
    end, cursor = _word_run(text, at, _CAPS_WORD, lambda word: not _stops(word, is_stop), 3)
    if end == at:
        return None
    following = _CAPS_WORD.match(text, cursor) if cursor > end else None
    if _CLOSE.match(text, end) or (following and _stops(following.group(), is_stop)):
        return end
    return None


def lower_town_end(text: str, at: int, is_stop: IsWord, *, most: int = 6) -> int | None:
    """Lower-case words that close the address: ``jakarta timur``, ``talang kelapa palembang``.

    Punctuation, the end, a line break or an everyday word must follow them.
    """
    end, cursor = _word_run(
        text, at, _WORD, lambda word: word.islower() and not _stops(word, is_stop), most
    )
    if end == at:
        return None
    following = _WORD.match(text, cursor) if cursor > end else None
    if _CLOSE.match(text, end) or (following and _stops(following.group(), is_stop)):
        return end
    if text[end - 1 : end].isalpha() and text[at:end].split()[-1] in _DIRECTIONS:
        return end  # "medan baru status gagal": a direction closes the town
    return None


def line_town_end(text: str, at: int, is_stop: IsWord, is_name: IsWord) -> int | None:
    """A line that is only a town (and its region): ``Balige, Toba``, ``jaksel``.

    The line must hold one to four words that are no everyday words and no known given
    names (a name on the next line is a signature, not a town).
    """
    line = _LINE.match(text, at)
    value = line.group().rstrip(" \t\r")
    words = _LINE_WORDS.fullmatch(value)
    if words is None:
        return None
    for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", value):
        if _stops(word, is_stop) or is_name(word.lower()):
            return None
    return at + len(value)


def town_postal_end(text: str, at: int, is_stop: IsWord) -> int | None:
    """The end of "Town 12345" / "Town ST 1234" at ``at``, if its words are no everyday words."""
    found = pat.TOWN_POSTAL.match(text, at)
    if found is None:
        return None
    words = found.group("town").replace(",", " ").split()
    # "new york ny 10036": with a state code an everyday word may open the town.
    state = len(words) > 1 and 2 <= len(words[-1]) <= 3
    checked = words[1:] if state else words
    # "Seattle, WA 98101": a state code in capitals is no "wa" (WhatsApp) cue
    named = words[:-1] if state and words[-1].isupper() else words
    if any(is_stop(w) for w in checked) or any(w.lower() in pat.NOT_PLACE for w in named):
        return None
    return found.end()


def place_end(
    text: str, at: int, is_stop: IsWord, *, comma: bool, after_number: bool, parts: int = 0
) -> int | None:
    """Return the end of a town name that closes an address, if one starts at ``at``."""
    if comma:
        # After a comma: a Capitalised place ("..., Bandung") or a lower-case one that
        # ends the address ("..., sleman"); a map abbreviation may open it ("..., Kb. Baru").
        abbrev = _PLACE_ABBREV.match(text, at)
        place = pat.PLACE.match(text, abbrev.end() if abbrev else at)
        if abbrev is not None and place is not None:
            return _before_part(text, at, place.end())
        first = place.group().split()[0] if place else ""
        if place and not is_stop(first) and first.lower() not in pat.NOT_PLACE:
            return _before_part(text, at, place.end())
        word = pat.WORD.match(text, at)
        value = word.group().rstrip(".") if word else ""
        if value.isalpha() and not is_stop(value) and value.lower() not in pat.NOT_PLACE:
            word_end = at + len(value)  # "..., jakpus." ends before the full stop
            following = pat.NEXT_WORD.match(text, word_end)
            if (
                pat.CLOSING.match(text, word_end)
                or pat.POSTAL_NEXT.match(text, word_end)
                # "no 3, tangerang ya": after a house number, closed by an everyday word
                or (after_number and following and is_stop(following.group(1)))
            ):
                return word_end
        numbered = pat.NUMBERED_PLACE.match(text, at)  # "8 Ilir", "16 Ulu" (Palembang)
        if numbered is not None and pat.CLOSING.match(text, numbered.end()):
            return numbered.end()
        building = pat.THE_PLACE.match(text, at)  # "Tower A, The Mansion Kemayoran"
        if building is not None:
            return building.end()
        if not parts:
            return (
                None  # "macet di jalan sudirman, drivernya malah ...": no town after a bare street
            )
        return caps_town_end(text, at, is_stop) or lower_town_end(text, at, is_stop, most=3)
    if after_number and text[at : at + 1].islower():
        # "rt 4 rw 2 bekasi timur, tp ...", "rt 12 talang kelapa alang alang lebar palembang":
        # a lower-case town after the number, closed by punctuation, the end or an everyday word.
        return lower_town_end(text, at, is_stop)
    if after_number:
        # "No. 100 Depok, mau komplain" / "No. 22 Bandung ya": a Capitalised town right after
        # the number, closed by punctuation or an everyday word; in capitals ("BEKASI TIMUR").
        caps = caps_town_end(text, at, is_stop)
        if caps is not None:
            return caps
        place = pat.PLACE.match(text, at)
        if place and not is_stop(place.group().split()[0]):
            following = pat.NEXT_WORD.match(text, place.end())
            if (
                pat.CLOSING.match(text, place.end())
                or pat.POSTAL_NEXT.match(text, place.end())
                or (following and is_stop(following.group(1)))
                # "No. 1 Grogol (gedung kampus), Jakarta Barat": an aside in brackets follows;
                # "No 9 Bekasi Utara kode pos 17124": the postcode with its cue
                or pat.BRACKET_ASIDE.match(text, pat.BLANKS.match(text, place.end()).end())
                or pat.POSTCODE_CUE_PART.match(text, pat.BLANKS.match(text, place.end()).end())
            ):
                return place.end()
            if (
                " " in place.group()
                and following is not None
                and _RT_RW_BEFORE.search(text, max(0, at - 24), at) is not None
                and not any(_common_or_name(w) for w in place.group().split())
            ):
                return place.end()  # "RT 03 RW 01 Ciracas Jaktim kebakaran": places after RT/RW
            if not _common_or_name(place.group().split()[0]):  # not "Ibu Sari Dewi Lestari,"
                return _place_run_end(text, place.end(), is_stop)
    return None


def _common_or_name(word: str) -> bool:
    """Whether ``word`` is an everyday word or a known given name ("Bapak", "Budi")."""
    lower = word.lower()
    return lower in not_name_words() or lower in given_names()


def _place_run_end(text: str, end: int, is_stop: IsWord) -> int | None:
    """A village, district and town written one after the other with no comma.

    "RT 07/02 Kedoya Utara Kebon Jeruk Jakbar, ...": after the first place name (up to three
    words) at most four more Capitalised words, none an everyday word, closed by punctuation
    or the end.
    """
    for _ in range(4):
        blanks = _BLANKS.match(text, end)
        word = _WORD.match(text, blanks.end()) if blanks is not None else None
        if word is None or not word.group()[0].isupper() or _stops(word.group(), is_stop):
            return None
        end = word.end()
        if _CLOSE.match(text, end) and not text[end : end + 1].isalpha():
            return end
    return None


def _before_part(text: str, at: int, end: int) -> int:
    """Cut a place name before an address word inside it: "Bukit Raflesia |Blok AJ 12"."""
    for word in pat.WORD.finditer(text, at, end):
        if word.start() > at and (
            any(p.match(text, word.start()) for p in (pat.HOUSE_NO_PART, pat.BLOCK_PART))
            or pat.NESTED_STREET.match(text, word.start())
        ):
            return _strip_end(text, at, word.start())
    return end


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,/-":
        end -= 1
    return end

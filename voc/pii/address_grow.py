"""How an address grows from its starter: the street's name words and the parts after it.

Split from ``address.py`` in round 10 (review): the walk is memoised per text and nests at
most a few levels, so redaction stays linear and never exhausts the stack.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from voc.pii import address_patterns as pat
from voc.pii.address_tail import landmark_end, line_town_end, place_end, town_postal_end
from voc.pii.names import given_names, not_name_words

__all__ = [
    "capped",
    "english_stop",
    "grow",
    "is_stop",
    "is_word_stop",
    "lenient_name",
    "name_words",
    "street_name",
]


@lru_cache(maxsize=1)
def english_stop() -> frozenset[str]:
    """The English stop words of spaCy (loaded once, on first use)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def is_word_stop(lower: str) -> bool:
    """Whether the lower-cased word is an Indonesian or English stop word."""
    return lower in pat.STOP or lower in english_stop()


def is_stop(word: str) -> bool:
    """Whether ``word`` is a stop word, or an everyday word written in lower case."""
    lower = word.rstrip(".").lower()
    return lower in pat.STOP or (word.islower() and lower in not_name_words())


def street_name(text: str, pos: int) -> int:
    """Consume a street name; a nested street word may open it ("Perum Griya Asri")."""
    end = name_words(text, pos)
    if end == pos:
        nested = pat.NESTED_STREET.match(text, pat.BLANKS.match(text, pos).end())
        if nested is not None and (after := name_words(text, nested.end())) > nested.end():
            return after
        if nested is not None and (after := lenient_name(text, nested.end())) > nested.end():
            return after  # "alamat rumah: griya permata hijau c3/12": everyday words
    return end


def lenient_name(text: str, pos: int, *, dotted: bool = True) -> int:
    """A street name of everyday words that a house part closes: "gg. haji ridi no 11".

    ``dotted``: a dotted street word may close it too ("jl. kelapa dua wetan gg. swadaya").
    """
    end = cursor = pos
    plain = True  # no stop word so far: "kos saya di jl. ..." is a cue, no street name
    for taken in range(5):
        word = pat.WORD.match(text, pat.BLANKS.match(text, cursor).end())
        if word is None:
            break
        if not word.group()[0].isalpha() and (taken == 0 or len(word.group()) > 2):
            break  # "jl. setia budi psr 2 gg. keluarga": a short number inside the name
        if pat.NESTED_STREET.match(text, word.start()) or word.group().lower() in pat.CONTRAST:
            break  # "villa address is Jl. ...", "... 12 bukan Jl. ...": the next street is apart
        if (
            word.group().lower() in _ROUTE_WORDS
            and taken > 0
            and _ROUTE_GOAL.match(text, word.end())
        ):
            break  # "dari Jl. Thamrin ke Blok M": a route between two places, no street name
        lower = word.group().lower()
        plain = plain and lower not in pat.STOP and lower not in english_stop()  # "on", "at"
        if taken >= 3 and not plain:
            break  # only a name of plain words runs past three words
        cursor = word.end()
        after = pat.BLANKS.match(text, cursor).end()
        if any(p.match(text, after) for p in pat.LENIENT_ENDS) or (
            dotted and plain and pat.DOTTED_STREET.match(text, after)
        ):
            end = cursor
            break
    return end


def name_words(text: str, pos: int, after_admin: bool = False) -> int:
    """Consume up to a few name words (street or place names); return the new end.

    ``after_admin``: the words follow an admin cue, so the first may be one ("Kel. Kota Baru").
    """
    end = cursor = pos
    for _ in range(pat.MAX_NAME_WORDS):
        at = pat.BLANKS.match(text, cursor).end()
        if any(p.match(text, at) for p in pat.NAME_ENDING_PARTS):
            break
        if end > pos and (
            pat.TOWER_LETTER_PART.match(text, at) or pat.NAMED_TOWER_PART.match(text, at)
        ):
            break  # "Apartemen Puri Park View | Tower B Unit 1512"
        admin = pat.ADMIN_PART.match(text, at)
        if admin is not None and end > pos and _CITY_CLOSE.match(text, at):
            return _CITY_CLOSE.match(text, at).end()  # "ds. cikarang kota, ...": the town's part
        if (end > pos or not after_admin) and admin is not None:
            break
        if pat.CURRENCY.match(text, at):
            break  # "ongkir ke Kec. Cibinong Rp 45.000": a price, no house number
        if pat.NESTED_STREET.match(text, at) and (end > pos or not after_admin):
            break  # "Kec. Kampung Melayu": after an admin cue a street word opens the name
        word = pat.WORD.match(text, at)
        if not word:
            break
        if word.group()[0].isdigit() and pat.QUANTITY_AFTER.match(text, word.end()):
            break  # "jalan kaki 15 menit", "kos-kosan 10 kamar": a quantity, no house number
        if (after_admin and end == pos and admin is not None) or (
            word.group()[-1] == "." and word.group()[:-1].lower() in pat.STREET_TITLES
        ):
            pass  # "kec. kota salatiga", "jl. dr. wahidin": a title or an admin word in the name
        elif is_stop(word.group()) and (word.group().lower() not in pat.DIRECTIONS or end == pos):
            # "jl. pogung baru" keeps "baru"; "tower baru" alone is no street name.
            # "Jl. Cik Di Tiro": a Capitalised small word inside a street name.
            following = pat.WORD.match(text, pat.BLANKS.match(text, word.end()).end())
            after = pat.BLANKS.match(text, word.end()).end()
            if not word.group()[0].isupper() or not (
                (following and following.group()[0].isupper() and not is_stop(following.group()))
                or any(p.match(text, after) for p in pat.NAME_ENDING_PARTS)
            ):
                break
        cursor = end = word.end()
    return end


# "Cikarang Kota," / "bekasi kota.": the word "kota" closing a town's name.
_CITY_CLOSE = re.compile(r"(?i:kota|city)\b(?=[ \t]*(?:[,.;)\n]|$))")

# Words that join the two ends of a route: no street name runs over them when another place
# (a Capitalised word or a block) follows ("jl. pasar ke timur no 4" is one street).
_ROUTE_GOAL = re.compile(r"[ \t]+(?:(?-i:[A-Z])|(?i:blok|block|blk)\b)")
_ROUTE_WORDS = frozenset("ke to dari from sampai sampe hingga menuju arah towards".split())

# grow's memo for the text being read and its nesting depth, per thread.
_GROW_STATE = threading.local()
_MAX_GROW_DEPTH = 24  # lines or bracketed asides read again inside one address
_PARTS_SEEN = 3  # callers only ask whether an address has 0, 1, 2 or more parts


def grow(
    text: str, end: int, *, after_number: bool = False, town_first: bool = False
) -> tuple[int, int]:
    """Extend an address over the parts that follow it; return (end, number of parts, up to 3).

    ``town_first``: a town and its postcode may follow right away without a comma.

    Linear on any text: every state of the walk (position, parts so far, flags) is memoised
    for the text being read, so a run of starters ("Tower B Tower B ...", "Kec. Kec. ...")
    walks each part once, and the lines or asides read again inside one address nest at
    most ``_MAX_GROW_DEPTH`` deep, so no text can exhaust the stack.
    """
    state = _GROW_STATE
    if getattr(state, "text", None) is not text:
        state.text, state.memo, state.depth = text, {}, 0
    if state.depth >= _MAX_GROW_DEPTH:
        return end, 0  # an adversarial run of lines or asides: the outer loop goes on
    memo = state.memo
    walked: list[tuple[int, int, bool, bool]] = []
    state.depth += 1
    try:
        result = _grow_walk(text, end, after_number, town_first, memo, walked)
    finally:
        state.depth -= 1
    for key in walked:
        memo[key] = result
    return result


def _grow_walk(
    text: str,
    end: int,
    after_number: bool,
    town_first: bool,
    memo: dict[tuple[int, int, bool, bool], tuple[int, int]],
    walked: list[tuple[int, int, bool, bool]],
) -> tuple[int, int]:
    """The walk of :func:`grow`; ``walked`` gets every state it passes."""
    parts = 0
    while True:
        parts = min(parts, _PARTS_SEEN)
        key = (end, parts, after_number, town_first)
        if (known := memo.get(key)) is not None:
            return known
        walked.append(key)
        sep = pat.SEP.match(text, end)
        at = sep.end()
        comma = "," in sep.group() or "/" in sep.group()
        if at == end or not comma:
            line = pat.NEWLINE.match(text, end)
            if line is not None:
                # Multi-line addresses: the next line goes on only with an address part, a
                # town before its postal code or a country alone on its line.
                next_end = _next_line_part(text, line.end())
                if next_end is None:
                    return end, parts
                end, parts, after_number = next_end, parts + 1, True
                continue
        town = town_postal_end(text, at, is_stop) if comma or after_number or town_first else None
        town_first = False
        if town is not None:
            end, parts, after_number = town, parts + 1, True
            continue
        part = next((m for p in pat.PARTS if (m := p.match(text, at))), None)
        if part is not None:
            end, parts, after_number = part.end(), parts + 1, True
            continue
        if (landmark := landmark_end(text, at, is_stop, bracketed_only=not parts)) is not None:
            # "No. 12 depan Masjid X"; a landmark in brackets also after a bare street ("Jln.
            # Pattimura 15B (samping X)"), where it counts as no part
            # a bracketed aside is transparent: "No 20 (depan X) Jagakarsa" reads as "No 20 X"
            bracketed = text[at : at + 1] == "("
            end, parts, after_number = landmark, parts + (parts > 0), bracketed and after_number
            continue
        aside = pat.BRACKET_ASIDE.match(text, at) if parts else None
        if aside is not None and (rest := grow(text, aside.end()))[1]:
            return rest[0], min(
                parts + rest[1], _PARTS_SEEN
            )  # "No. 5 (rumah cat hijau), Depok": it goes on
        for cue in (pat.ADMIN_PART, pat.NESTED_STREET):
            found = cue.match(text, at)
            admin = cue is pat.ADMIN_PART
            if found is not None and not admin and _part_after(text, found.end()):
                words_end = found.end()  # "No. 5A Ruko Blok B": a street word and its part
                end, parts, after_number = words_end, parts + 1, False
                break
            if (
                found is not None
                and (words_end := name_words(text, found.end(), admin)) > found.end()
            ):
                # after "kel. sidomulyo timur" a lower-case town may close the address
                end, parts, after_number = words_end, parts + 1, cue is pat.ADMIN_PART
                break
        else:
            place = place_end(
                text, at, is_stop, comma=comma, after_number=after_number, parts=parts
            )
            if place is None:
                return end, parts
            end, parts, after_number = place, parts + 1, False


def _part_after(text: str, end: int) -> bool:
    """Whether an address part (a block, a house number) follows right after ``end``."""
    at = pat.BLANKS.match(text, end).end()
    return at > end and any(
        p.match(text, at) for p in (pat.HOUSE_NO_PART, pat.BLOCK_PART, pat.KAV_PART)
    )


def _next_line_part(text: str, at: int) -> int | None:
    """The end of the address part that opens the line at ``at``, if any."""
    for cue in (pat.ADMIN_PART, pat.NESTED_STREET):
        found = cue.match(text, at)
        if found is not None and (words_end := name_words(text, found.end())) > found.end():
            return grow(text, words_end)[0]
    for pattern in (*pat.LINE_OPENING_PARTS, pat.COUNTRY_LINE):
        found = pattern.match(text, at)
        if found is not None:
            return grow(text, found.end())[0]
    town = town_postal_end(text, at, is_stop)
    if town is not None:
        return grow(text, town)[0]
    postal = pat.LINE_POSTAL.match(text, at)
    if postal is not None:
        end = grow(text, postal.end(), after_number=True)[0]
        if pat.CLOSING.match(text, end):
            return end
    uk = pat.UK_TOWN_LINE.match(text, at)  # "Leeds LS6 2QT"
    if uk is not None:
        return grow(text, uk.end())[0]
    town = line_town_end(text, at, is_stop, given_names().__contains__)
    if town is not None:  # "Balige, Toba" or "jaksel" alone on its line
        return grow(text, town)[0]
    return None


_MAX_SPAN = 400  # no address is longer; the checks below read the span once per starter


def capped(text: str, start: int, end: int) -> int:
    """Cut a span longer than any address at a blank ("Tower B Tower B ...").

    The starters after the cut open their own spans, so the checks stay linear in the text.
    """
    if end - start <= _MAX_SPAN:
        return end
    blank = text.rfind(" ", start, start + _MAX_SPAN)
    return blank if blank > start else start + _MAX_SPAN

"""Street addresses: Indonesian (Jl./Jalan, No., RT/RW, Blok, Kel./Kec., postal code) and English.

An address starts at a strong cue (``Jl.``, ``Perum``, ``RT 03/RW 05``, ``Kec.``, ``alamat:``,
``12 Baker Street``, ``Apt 4B``) and then grows over the parts that usually follow it,
separated by spaces, commas or slashes: a house number, ``Blok``, ``RT/RW``, ``Kel./Kec./Kab./
Kota`` names, ``Km``, ``Kav.``, floor/unit, a 5-digit postal code and a place name that closes
it. It stops at the first word that is none of these, so the complaint around it survives.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from voc.pii import address_patterns as pat
from voc.pii.address_abroad import (
    find_abroad_addresses,
    find_japanese_addresses,
    find_postmark_addresses,
)
from voc.pii.address_edges import (
    house_before,
    is_business_place,
    is_event_venue,
    is_home_sentence,
    walk_back_name,
    walk_back_pieces,
)
from voc.pii.address_places import set_aside
from voc.pii.address_tail import landmark_end, line_town_end, place_end, town_postal_end
from voc.pii.names import given_names, not_name_words

__all__ = ["find_addresses"]


def _may_hold_address(text: str) -> bool:
    """An exact pre-filter: ``False`` only when ``pat.STARTERS`` cannot match ``text``.

    Every starter opens with a word of ``pat.KEYWORDS`` at a word boundary, or, in a text
    with a digit, with a word of ``pat.DIGIT_KEYWORDS``, ``blok``/``block`` (also glued to
    what follows), ``/F`` or a unit number ``#05-22``. The ASCII words of the lower-cased
    text are a superset of the words the regex can see, so no address is lost. Characters
    that IGNORECASE matching maps onto ASCII letters ("İ", "ı", "ſ", the Kelvin sign) defeat
    this, so such texts always go to the regex.
    """
    if not text.isascii() and any(char in text for char in pat.FOLDS_TO_ASCII):
        return True
    lower = text.lower()
    words = set(pat.ASCII_WORD.findall(lower))
    if not pat.KEYWORDS.isdisjoint(words):
        return True
    if ":" in text and not pat.LABEL_TO_KEYWORDS.isdisjoint(words):
        return True  # "Delivery to: ..."
    if not pat.DIGIT.search(text):
        return False
    return (
        not pat.DIGIT_KEYWORDS.isdisjoint(words)
        or "/f" in lower
        or ("#" in text and pat.UNIT_HASH.search(text) is not None)
        or any(word.startswith("blo") for word in words)
    )


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "ADDRESS")`` for every address found in ``text``."""
    skipped: list[tuple[int, int]] = []  # places read and set aside: a store's, a corner
    found = _find_addresses(text, skipped) if _may_hold_address(text) else []
    if ("," in text or "\n" in text) and pat.DIGIT.search(text):
        # "Lot 88, Taman Sri Muda, ..., 40400 Shah Alam, Selangor"
        for start, end, kind in find_abroad_addresses(text, not_name_words().__contains__):
            opened = _open_back(text, start)
            if not any(low <= opened < high for low, high in skipped):
                found.append((opened, _grow(text, end)[0], kind))
    if "\u3012" in text:
        found += find_postmark_addresses(text)  # "〒150-0001 Tokyo-to Shibuya-ku ..."
    if "-" in text:
        found += [  # "Tokyo-to Minato-ku Roppongi 6-10-1, apt 1203"
            (start, _grow(text, end)[0], kind) for start, end, kind in find_japanese_addresses(text)
        ]
    # A store's, warehouse's or head office's place, or an event's venue, is no personal address.
    return [
        span
        for span in found
        if not is_business_place(text, span[0], span[1])
        and not is_event_venue(text, span[0], span[1])
    ]


def _prefiltered(text: str) -> list[tuple[int, int, str]]:
    """The addresses that open at a starter, behind the exact pre-filter."""
    return _find_addresses(text) if _may_hold_address(text) else []


def _find_addresses(
    text: str, skipped: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, str]]:
    """The addresses that open at a starter; ``skipped`` gets the places set aside."""
    skipped = [] if skipped is None else skipped
    found: list[tuple[int, int, str]] = []
    position = 0
    for match in pat.STARTERS.finditer(text):
        if match.start() < position:
            continue
        kind = match.lastgroup
        start, end = match.span()
        if kind == "label":
            opener = pat.STARTERS.match(text, end)
            if opener is not None and (
                match.group().rstrip(" \t:").lower().endswith(" to")
                or opener.lastgroup in _NUMBER_FIRST
            ):
                # "SHIP TO: BLK 412 ...", "Address: 12-3A Jalan SS 2/72": the starter after
                # the label opens it
                continue
            start = end
            end = _street_name(text, end)
            if end == start:
                end = _grow(text, start)[0]  # "alamat kos:\nkamar 7\njl. kaliurang ...": a part
            if end == start:
                continue
            # "Ship to:\nSukamaju Indah\nJl. ...": a line between the label and the street (an
            # estate's or the addressee's name) stays inside the span, so nothing of it leaks
        elif kind in ("street", "jalan", "my_street", "blk"):
            words_end = _street_name(text, end)
            if kind in ("street", "jalan"):
                # "gg. haji ridi no 11", "jl. kelapa dua wetan gg. swadaya": everyday words
                # closed by a house part or another street go further than the name words
                # ("Jalan rusak sepanjang Jl. X": after "Jalan" no street closes the words)
                words_end = max(words_end, _lenient_name(text, end, dotted=kind == "street"))
            after = pat.SEP.match(text, end).end()
            if words_end == end and not (
                kind in ("jalan", "blk")
                and (
                    any(p.match(text, after) for p in pat.PARTS)
                    or pat.NESTED_STREET.match(text, after)
                )
            ):
                continue
            end = words_end
        if kind in ("street", "jalan") and (
            pat.ROUTE.match(text, match.end())
            or pat.OUTPATIENT_BEFORE.search(text, max(0, start - 10), start)
        ):
            continue  # "Jalan tol Jagorawi KM 21", "klaim rawat jalan tgl 4/5": no address
        if kind == "unit" and pat.SHOW_UNIT.search(text, max(0, start - 20), start):
            continue  # "the show unit 5B": a model flat on display
        # "1/22 Glebe Point Rd Glebe 2037": a town and postcode may follow the street unmarked
        end, parts = _grow(text, end, town_first=kind in ("en_street", "en_lower"))
        end = _capped(text, start, end)
        if end == start:
            continue
        if (
            kind in ("en_street", "en_lower")
            and pat.QUANTITY_BEFORE.search(text, max(0, start - 16), start)
            and not _context_before(text, start)
        ):
            continue  # "Bought 2 Abbey Road tickets": a quantity, no house number
        if kind in ("sg_unit", "en_lower", "num_street") and not parts:
            # "#12-345" alone is a ticket; "2 hours on the road" is no street.
            if kind == "sg_unit" or not pat.ADDRESS_CONTEXT.search(
                text[max(0, start - 60) : start]
            ):
                continue
        if kind == "en_lower":
            words = pat.ASCII_WORD.findall(pat.THE_SUFFIX.sub(" ", match.group()))
            # "15b the crescent" keeps its "the"; "3 food court" is no street, "i live at 33
            # kingfisher close" is: a suffix that is an everyday word needs an address cue.
            suffix = bool(words) and match.group().rstrip(".").endswith(words[-1])
            if any(_is_stop(w) for w in (words[:-1] if suffix else words)) or (
                suffix and _is_stop(words[-1]) and not _context_before(text, start)
            ):
                continue
        if (
            kind in ("admin", "blok")
            and not _context_before(text, _pieces_start(text, start))
            and (
                # a village level and another part name a neighbourhood: "kel. X kec. Y"
                (
                    kind == "admin"
                    and not pat.DIGIT.search(text, start, end)
                    and (parts <= 1 or not pat.VILLAGE.search(text, start, end))
                )
                # "car park, Block 5": an English block alone is a place
                or (kind == "blok" and parts <= 1 and text[start : start + 5].lower() == "block")
            )
        ):
            # "kode pos Kecamatan Cibinong berapa?", "wilayah Kec. Cibinong Kab. Bogor": a region
            continue
        if kind == "jalan" and pat.PUBLIC_PLACE_END.search(text, start, end):
            if not pat.STREETISH.search(text, start, end):
                continue  # "at Pondok Indah Mall 2": a mall, a market or a station, no address
        before = text[max(0, start - 60) : start]
        context = pat.ADDRESS_CONTEXT.search(before)
        numbered = parts or any(char.isdigit() for char in text[start:end])
        if kind in ("street", "jalan") and not numbered and pat.NEAR_BEFORE.search(before):
            continue  # "the Marriott near Jalan Thamrin": a landmark's street, no address
        if kind in ("street", "jalan") and not numbered and not context:
            # "di jalan raya macet", "macet di Jl. Sudirman": a street alone is not an address,
            # unless a numbered unit opens it ("A-5-2, Pangsapuri Seri Mas, Jalan Klang Lama").
            opened = _open_back(text, _pieces_start(text, start))
            if not pat.DIGIT.search(text, opened, start):
                continue
        if kind not in ("label", "street"):
            # The name of a building, estate or street before it: "Blok M Square Residence
            # Tower B-1508", "5 Kebun Jeruk Baru Blok A/12", "Menara BCA 35th floor".
            walked = walk_back_name(
                text, max(start, position), not_name_words().__contains__, _is_word_stop
            )
            if (
                kind == "floor"
                and walked == start
                and not pat.STREETISH.search(text, start, end)
                and not (context and parts >= 2)  # "delivered to Room 1207, Block B, ..."
            ):
                continue  # "Lt. 3 food court", "to the 4th floor": a floor alone is no address
            start = walked
            before = text[max(0, start - 60) : start]
            context = context or pat.ADDRESS_CONTEXT.search(before)
            building = kind == "floor" or match.group().lower() in pat.BUILDINGS
            if building and not pat.STREETISH.search(text, start, end):
                if house_before(text, start) < start:
                    pass  # "asrama mahasiswa ui, gedung c kamar 305": a dormitory's building
                elif not context or context.group().lower().startswith("our"):
                    # "Gedung A lantai 3 ruang tunggu", "Tower 2 lift": a place, no address;
                    # "Our office di Menara BCA lantai 30": a company's tower and floor.
                    continue
        if kind != "label":
            # "No. 8, Lorong ...", "Lot 12, Jalan ...", "Level 12, 1 Raffles Place", "unit 14/2".
            opened = _open_back(text, start)
            if opened < start:
                start = opened
                before = text[max(0, start - 60) : start]
                context = context or pat.ADDRESS_CONTEXT.search(before)
            # "Banjar Kaja, Desa Mas, ...", "55281, Sleman, Gg. ...", "kost pak haji gg. sawo"
            walked = _pieces_start(text, start)
            if walked < start:
                start = _open_back(text, walked)  # "B-12-3, Residensi Vista, Jalan Ara"
                before = text[max(0, start - 60) : start]
                context = context or pat.ADDRESS_CONTEXT.search(before)
        end = _rstrip(text, start, end)
        if set_aside(text, kind, start, end, before, context) or (
            # "cabang Jl. A No. 9 dan Jl. B No. 5": listed with a place set aside, unless the
            # sentence names a home ("... dan Jl. Bambu No. 3 (rumah saya)")
            skipped
            and pat.LIST_JOIN.fullmatch(text, skipped[-1][1], start)
            and not context
            and not is_home_sentence(text, start, end)
        ):
            # a starter inside the place opens nothing ("ITC Kuningan Lt. 2 | Blok D No. 5")
            position = end
            skipped.append((start, end))
            continue
        if found and pat.LINE_GAP.fullmatch(text, found[-1][1], start):
            start = found.pop()[0]  # pieces of one address on consecutive lines
        gap = pat.ONE_WORD_GAP.fullmatch(text, found[-1][1], start) if found else None
        if gap and not (
            gap.group(1) in pat.STOP
            or gap.group(1) in pat.CONTRAST
            or gap.group(1) in _english_stop()
        ):
            start = found.pop()[0]  # "perumahan bumi | mas | blok c no 2": one address
        found.append((start, end, "ADDRESS"))
        position = end
    return found


# Starters that open with the house or unit number ("12-3A Jalan ...", "221B Baker St").
_NUMBER_FIRST = frozenset(("my_street", "en_street", "num_street", "en_lower", "unit", "blk"))


def _context_before(text: str, start: int) -> re.Match | None:
    return pat.ADDRESS_CONTEXT.search(text[max(0, start - 60) : start])


def _pieces_start(text: str, start: int) -> int:
    return walk_back_pieces(text, start, not_name_words().__contains__, given_names().__contains__)


def _open_back(text: str, start: int) -> int:
    """Move ``start`` back over the unit, lot, floor or house numbers that open the address."""
    if text[start : start + 1].isdigit():
        word = pat.OPENER_WORD.search(text, max(0, start - 12), start)  # "Lot |88, Taman ..."
        start = word.start() if word is not None else start
    while (opener := pat.OPENER.search(text, max(0, start - 30), start)) is not None:
        if opener.start() >= start:
            break
        start = opener.start()
    if pat.HOUSE_NO_PART.match(text, start):
        house = pat.HOUSE_WORD_BEFORE.search(text, max(0, start - 8), start)
        start = house.start() if house is not None else start  # "Rumah |No. 11 Blok A"
    return start


@lru_cache(maxsize=1)
def _english_stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_word_stop(lower: str) -> bool:
    return lower in pat.STOP or lower in _english_stop()


def _is_stop(word: str) -> bool:
    lower = word.rstrip(".").lower()
    return lower in pat.STOP or (word.islower() and lower in not_name_words())


def _street_name(text: str, pos: int) -> int:
    """Consume a street name; a nested street word may open it ("Perum Griya Asri")."""
    end = _words(text, pos)
    if end == pos:
        nested = pat.NESTED_STREET.match(text, pat.BLANKS.match(text, pos).end())
        if nested is not None and (after := _words(text, nested.end())) > nested.end():
            return after
        if nested is not None and (after := _lenient_name(text, nested.end())) > nested.end():
            return after  # "alamat rumah: griya permata hijau c3/12": everyday words
    return end


def _lenient_name(text: str, pos: int, *, dotted: bool = True) -> int:
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
        lower = word.group().lower()
        plain = plain and lower not in pat.STOP and lower not in _english_stop()  # "on", "at"
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


def _words(text: str, pos: int, after_admin: bool = False) -> int:
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
        if (end > pos or not after_admin) and pat.ADMIN_PART.match(text, at):
            break
        if pat.NESTED_STREET.match(text, at) and (end > pos or not after_admin):
            break  # "Kec. Kampung Melayu": after an admin cue a street word opens the name
        word = pat.WORD.match(text, at)
        if not word:
            break
        if _is_stop(word.group()) and (word.group().lower() not in pat.DIRECTIONS or end == pos):
            # "jl. pogung baru" keeps "baru"; "tower baru" alone is no street name.
            # "Jl. Cik Di Tiro": a Capitalised small word inside a street name.
            following = pat.WORD.match(text, pat.BLANKS.match(text, word.end()).end())
            after = pat.BLANKS.match(text, word.end()).end()
            if not word.group()[0].isupper() or not (
                (following and following.group()[0].isupper() and not _is_stop(following.group()))
                or any(p.match(text, after) for p in pat.NAME_ENDING_PARTS)
            ):
                break
        cursor = end = word.end()
    return end


# _grow's memo for the text being read and its nesting depth, per thread.
_GROW_STATE = threading.local()
_MAX_GROW_DEPTH = 24  # lines or bracketed asides read again inside one address
_PARTS_SEEN = 3  # callers only ask whether an address has 0, 1, 2 or more parts


def _grow(
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
    """The walk of :func:`_grow`; ``walked`` gets every state it passes."""
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
        town = town_postal_end(text, at, _is_stop) if comma or after_number or town_first else None
        town_first = False
        if town is not None:
            end, parts, after_number = town, parts + 1, True
            continue
        part = next((m for p in pat.PARTS if (m := p.match(text, at))), None)
        if part is not None:
            end, parts, after_number = part.end(), parts + 1, True
            continue
        if (landmark := landmark_end(text, at, _is_stop, bracketed_only=not parts)) is not None:
            # "No. 12 depan Masjid X"; a landmark in brackets also after a bare street ("Jln.
            # Pattimura 15B (samping X)"), where it counts as no part
            end, parts, after_number = landmark, parts + (parts > 0), False
            continue
        aside = pat.BRACKET_ASIDE.match(text, at) if parts else None
        if aside is not None and (rest := _grow(text, aside.end()))[1]:
            return rest[0], min(
                parts + rest[1], _PARTS_SEEN
            )  # "No. 5 (rumah cat hijau), Depok": it goes on
        for cue in (pat.ADMIN_PART, pat.NESTED_STREET):
            found = cue.match(text, at)
            admin = cue is pat.ADMIN_PART
            if found is not None and (words_end := _words(text, found.end(), admin)) > found.end():
                # after "kel. sidomulyo timur" a lower-case town may close the address
                end, parts, after_number = words_end, parts + 1, cue is pat.ADMIN_PART
                break
        else:
            place = place_end(
                text, at, _is_stop, comma=comma, after_number=after_number, parts=parts
            )
            if place is None:
                return end, parts
            end, parts, after_number = place, parts + 1, False


def _next_line_part(text: str, at: int) -> int | None:
    """The end of the address part that opens the line at ``at``, if any."""
    for cue in (pat.ADMIN_PART, pat.NESTED_STREET):
        found = cue.match(text, at)
        if found is not None and (words_end := _words(text, found.end())) > found.end():
            return _grow(text, words_end)[0]
    for pattern in (*pat.LINE_OPENING_PARTS, pat.COUNTRY_LINE):
        found = pattern.match(text, at)
        if found is not None:
            return _grow(text, found.end())[0]
    town = town_postal_end(text, at, _is_stop)
    if town is not None:
        return _grow(text, town)[0]
    postal = pat.LINE_POSTAL.match(text, at)
    if postal is not None:
        end = _grow(text, postal.end(), after_number=True)[0]
        if pat.CLOSING.match(text, end):
            return end
    uk = pat.UK_TOWN_LINE.match(text, at)  # "Leeds LS6 2QT"
    if uk is not None:
        return _grow(text, uk.end())[0]
    town = line_town_end(text, at, _is_stop, given_names().__contains__)
    if town is not None:  # "Balige, Toba" or "jaksel" alone on its line
        return _grow(text, town)[0]
    return None


_MAX_SPAN = 400  # no address is longer; the checks below read the span once per starter


def _capped(text: str, start: int, end: int) -> int:
    """Cut a span longer than any address at a blank ("Tower B Tower B ...").

    The starters after the cut open their own spans, so the checks stay linear in the text.
    """
    if end - start <= _MAX_SPAN:
        return end
    blank = text.rfind(" ", start, start + _MAX_SPAN)
    return blank if blank > start else start + _MAX_SPAN


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,/-":
        end -= 1
    return end

"""Street addresses: Indonesian (Jl./Jalan, No., RT/RW, Blok, Kel./Kec., postal code) and English.

An address starts at a strong cue (``Jl.``, ``Perum``, ``RT 03/RW 05``, ``Kec.``, ``alamat:``,
``12 Baker Street``, ``Apt 4B``) and then grows over the parts that usually follow it,
separated by spaces, commas or slashes: a house number, ``Blok``, ``RT/RW``, ``Kel./Kec./Kab./
Kota`` names, ``Km``, ``Kav.``, floor/unit, a 5-digit postal code and a place name that closes
it. It stops at the first word that is none of these, so the complaint around it survives.
"""

from __future__ import annotations

import re

from voc.pii import address_patterns as pat
from voc.pii.address_abroad import (
    find_abroad_addresses,
    find_japanese_addresses,
    find_lane_addresses,
    find_postmark_addresses,
)
from voc.pii.address_edges import (
    house_before,
    is_business_place,
    is_event_venue,
    is_home_sentence,
    is_personal_sentence,
    walk_back_name,
    walk_back_pieces,
)
from voc.pii.address_grow import (
    capped,
    english_stop,
    grow,
    is_stop,
    is_word_stop,
    lenient_name,
    street_name,
)
from voc.pii.address_places import set_aside
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
    labelled: set[int] = set()
    found = _find_addresses(text, skipped, labelled) if _may_hold_address(text) else []
    if ("," in text or "\n" in text) and pat.DIGIT.search(text):
        # "Lot 88, Taman Sri Muda, ..., 40400 Shah Alam, Selangor"
        for start, end, kind in find_abroad_addresses(text, not_name_words().__contains__):
            opened = _open_back(text, start)
            if not any(low <= opened < high for low, high in skipped):
                found.append((opened, grow(text, end)[0], kind))
        found += find_lane_addresses(text)  # "No. 15, Lane 30, ...", "45 Banpo-daero, ..."
    if "\u3012" in text:
        found += find_postmark_addresses(text)  # "〒150-0001 Tokyo-to Shibuya-ku ..."
    if "-" in text:
        found += [  # "Tokyo-to Minato-ku Roppongi 6-10-1, apt 1203"
            (start, grow(text, end)[0], kind) for start, end, kind in find_japanese_addresses(text)
        ]
    if labelled and len(found) > 1:
        found = _join_fields(text, found, labelled)
    # A store's, warehouse's or head office's place, or an event's venue, is no personal address.
    return [
        span
        for span in found
        if not is_business_place(text, span[0], span[1])
        and not is_event_venue(text, span[0], span[1])
        and not _road_marker_only(text, span[0], span[1])
    ]


# Round 14: a point on a highway named by its kilometre marker, with nothing of a house after
# it ("pohon tumbang di Jl. Raya Bogor km 31", "lubang di Jl. Raya Puncak KM 82 deket masjid"):
# a place on a public road. A home there keeps its number, lane or neighbourhood parts.
_ROAD_KM = re.compile(
    r"(?i:jl|jln|jalan)\.?[ \t]+(?:[^\d\n,]{2,40}?)[ \t]+(?i:km)\.?[ \t]*\d+(?:[.,]\d+)?\b"
)
_HOUSE_AFTER_KM = re.compile(
    r"\d|\b(?:no|nomor|nmr|rt|rw|blok|blk|block|gg|gang|kel|kec|kab|desa|ds|dsn|dusun|perum|"
    r"komplek|kompleks|cluster|kav|unit|lantai|lt)\b",
    re.IGNORECASE,
)


_LANDMARK_OPENS = re.compile(
    r"\(|(?:depan|dpn|deket|dekat|dkt|samping|sebelah|seberang|arah|sebelum|sesudah|setelah|"
    r"near|next|opposite|before|after|towards)\b",
    re.IGNORECASE,
)
_TOWN_AFTER = re.compile(r"[ \t,]+(?P<word>[A-Z][a-z]+)")
_OURS_BEFORE = re.compile(r"\b(?:kami|kita|our|we|us)\b[^.!?\n]*\Z", re.IGNORECASE)
_ADDRESS_LABEL = re.compile(r"\b(?:alamat\w*|address|addr|domisili|lokasi[ \t]+rumah)\b", re.I)


def _road_marker_only(text: str, start: int, end: int) -> bool:
    """Whether the address is only a road and a kilometre marker, in a sentence of no home."""
    road = _ROAD_KM.match(text, start, end)
    if road is None or _HOUSE_AFTER_KM.search(text, road.end(), end):
        return False
    rest = text[road.end() : end].strip()
    if rest and not _LANDMARK_OPENS.match(rest):
        return False  # "Jl. Magelang Km 9 Sleman", "..., Kartasura": a town, a postal address
    after = _TOWN_AFTER.match(text, end)
    if after is not None and not _LANDMARK_OPENS.match(after.group("word")):
        return False  # "Jl. Magelang Km 9 Sleman": a town right after it
    if _OURS_BEFORE.search(text, max(0, start - 40), start):
        return False  # "Jaringan kami di Jl. ... Km 9": the writer's own place
    if _ADDRESS_LABEL.search(text, max(0, start - 40), start):
        return False  # "Alamat: Jl. Raya Solo KM 8"
    return not (is_home_sentence(text, start, end) or is_personal_sentence(text, start, end))


def _no_street_after(text: str, match: re.Match) -> bool:
    """Whether a lower-case street word is followed by no street's name.

    "jalan kaki 15 menit" (walking), "di gang sempit", "desa sebelah", "jalan malem2": a word
    of manner, place or time (:data:`pat.NOT_STREET_FIRST`) or a reduplicated word.
    """
    if not match.group().islower():
        return False
    at = pat.SEP.match(text, match.end()).end()
    if pat.REDUPLICATED.match(text, at) is not None:
        return True
    word = pat.WORD.match(text, at)
    return word is not None and word.group().lower().rstrip(".") in pat.NOT_STREET_FIRST


def _join_fields(
    text: str, found: list[tuple[int, int, str]], labelled: set[int]
) -> list[tuple[int, int, str]]:
    """Join a labelled field's address to the pieces found further along its value.

    "Alamat tagihan: The Bellezza | Apartment, Permata Hijau, Tower | Arcadia 15-03, ...":
    the value of an address field is read on to the next piece when only name words lie
    between (see :func:`_field_gap`).
    """
    joined: list[tuple[int, int, str]] = []
    for span in sorted(found):
        last = joined[-1] if joined else None
        if last is not None and span[0] < last[1]:
            joined[-1] = (last[0], max(last[1], span[1]), last[2])  # overlapping pieces
        elif last is not None and last[0] in labelled and _field_gap(text, last[1], span[0]):
            joined[-1] = (last[0], span[1], last[2])
        else:
            joined.append(span)
    return joined


def _prefiltered(text: str) -> list[tuple[int, int, str]]:
    """The addresses that open at a starter, behind the exact pre-filter."""
    return _find_addresses(text) if _may_hold_address(text) else []


def _find_addresses(
    text: str, skipped: list[tuple[int, int]] | None = None, labelled: set[int] | None = None
) -> list[tuple[int, int, str]]:
    """The addresses that open at a starter; ``skipped`` gets the places set aside.

    ``labelled`` gets the starts of the addresses opened by a field label ("Alamat:").
    """
    skipped = [] if skipped is None else skipped
    labelled = set() if labelled is None else labelled
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
            end = street_name(text, end)
            if end == start:
                end = grow(text, start)[0]  # "alamat kos:\nkamar 7\njl. kaliurang ...": a part
            if end == start:
                continue
            # "Ship to:\nSukamaju Indah\nJl. ...": a line between the label and the street (an
            # estate's or the addressee's name) stays inside the span, so nothing of it leaks
        elif kind in ("street", "jalan", "my_street", "blk"):
            if kind in ("street", "jalan") and _no_street_after(text, match):
                continue  # "jalan kaki 10 menit", "alamat di gang sempit", "desa sebelah"
            words_end = street_name(text, end)
            if kind in ("street", "jalan"):
                # "gg. haji ridi no 11", "jl. kelapa dua wetan gg. swadaya": everyday words
                # closed by a house part or another street go further than the name words
                # ("Jalan rusak sepanjang Jl. X": after "Jalan" no street closes the words)
                words_end = max(words_end, lenient_name(text, end, dotted=kind == "street"))
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
        end, parts = grow(text, end, town_first=kind in ("en_street", "en_lower"))
        end = capped(text, start, end)
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
            if any(is_stop(w) for w in (words[:-1] if suffix else words)) or (
                suffix and is_stop(words[-1]) and not _context_before(text, start)
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
                text, max(start, position), not_name_words().__contains__, is_word_stop
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
            or gap.group(1) in english_stop()
        ):
            start = found.pop()[0]  # "perumahan bumi | mas | blok c no 2": one address
        if kind == "label":
            labelled.add(start)
        found.append((start, end, "ADDRESS"))
        position = end
    return found


# Starters that open with the house or unit number ("12-3A Jalan ...", "221B Baker St").
_NUMBER_FIRST = frozenset(("my_street", "en_street", "num_street", "en_lower", "unit", "blk"))


def _field_gap(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]`` is the rest of a labelled field's value up to another piece.

    The gap stays on the line and in the sentence (at most 80 characters, no ``.!?:;``) and
    holds only comma-separated name words, no stop or contrast word ("Alamat: Jl. A No. 5 tapi
    ke Jl. B" stays two).
    """
    gap = text[end:start]
    if len(gap) > 80 or any(char in gap for char in ".!?:;\n()"):
        return False
    words = pat.ASCII_WORD.findall(gap.lower())
    return not any(
        word in pat.STOP or word in pat.CONTRAST or word in english_stop() for word in words
    )


def _context_before(text: str, start: int) -> re.Match | None:
    return pat.ADDRESS_CONTEXT.search(text[max(0, start - 60) : start])


def _pieces_start(text: str, start: int) -> int:
    return walk_back_pieces(text, start, not_name_words().__contains__, given_names().__contains__)


def _open_back(text: str, start: int) -> int:
    """Move ``start`` back over the unit, lot, floor or house numbers that open the address."""
    if text[start : start + 1].isdigit():
        word = pat.OPENER_WORD.search(text, max(0, start - 12), start)  # "Lot |88, Taman ..."
        if word is None:  # "302-1201, 45 Teheran-ro 20-gil": a building and flat number
            word = pat.UNIT_PAIR_BEFORE.search(text, max(0, start - 16), start)
        start = word.start() if word is not None else start
    while (opener := pat.OPENER.search(text, max(0, start - 30), start)) is not None:
        if opener.start() >= start:
            break
        start = opener.start()
    if pat.HOUSE_NO_PART.match(text, start):
        house = pat.HOUSE_WORD_BEFORE.search(text, max(0, start - 8), start)
        start = house.start() if house is not None else start  # "Rumah |No. 11 Blok A"
    elif pat.NESTED_STREET.match(text, start):
        house = pat.HOUSE_NUMBER_BEFORE.search(text, max(0, start - 24), start)
        start = house.start() if house is not None else start  # "rumah no 12 |gg. delima"
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,/-":
        end -= 1
    return end

"""Per-row validation: parse dates, ratings and flags, and name the reason a row is rejected.

Nothing is coerced silently: a value that cannot be read exactly (a CSAT of 7, a date of
31/02/2026, a rating of "sangat puas") rejects the row with a reason code; the row goes to the
quarantine. Texts longer than :data:`MAX_TEXT_CHARS` are loaded truncated and flagged.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from voc.errors import ConfigError
from voc.ingest.markup import plain_text

__all__ = [
    "CLEAN_KEYS",
    "DEFAULT_TIMEZONE",
    "MAX_ID_CHARS",
    "MAX_TEXT_CHARS",
    "QUARANTINE_REASONS",
    "RowProblem",
    "business_timezone",
    "date_order",
    "month_first_dates",
    "numeric_datetime",
    "parse_bool",
    "parse_datetime",
    "parse_number",
    "validate_row",
]

MAX_TEXT_CHARS = 20_000
MAX_ID_CHARS = 255
#: The longest value each short column holds (the store's column sizes; PostgreSQL refuses
#: longer ones, SQLite would keep them).
MAX_VALUE_CHARS = {
    "channel": 100,
    "customer_id": 255,
    "customer_segment": 255,
    "product_line": 255,
    "region": 255,
    "agent_id": 255,
}

#: Every reason a row can be quarantined for, with what it means.
QUARANTINE_REASONS: dict[str, str] = {
    "ragged_row": "the row has more or fewer fields than the header",
    "broken_json": "the JSON line (or array element) does not parse into an object",
    "repeated_header": "a CSV row that repeats the header (exports joined together), or a "
    "survey tool's second or third header row (CSV or sheet)",
    "empty_text": "the text is missing, empty or only whitespace",
    "invalid_date": "created_at is not a date in ISO, d/m/Y or day-month-year form",
    "invalid_csat": "csat is not a number from 1 to 5",
    "invalid_nps": "nps is not a number from 0 to 10",
    "invalid_number": "first_response_seconds or handle_seconds is not a number >= 0",
    "invalid_boolean": "resolved_first_contact is not yes/no, true/false, ya/tidak or 1/0",
    "invalid_id": f"feedback_id is longer than {MAX_ID_CHARS} characters",
    "value_too_long": "channel is longer than 100 characters, or customer_id, customer_segment, "
    "product_line, region or agent_id longer than 255",
    "conflicting_duplicate_id": "the id was loaded before with different content",
}

_MISSING = {"", "na", "n/a", "nan", "null", "none", "-", "#n/a"}
_TRUE = {"true", "yes", "y", "ya", "iya", "1", "t", "benar"}
_FALSE = {"false", "no", "n", "tidak", "tdk", "0", "f", "salah", "bukan"}
_MONTHS = {
    # Indonesian
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agus": 8, "ags": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12,
    # English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12, "dec": 12,
}  # fmt: skip
_DAY_NAMES = (
    r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)
_TIME = r"(?:[ T,]+(?:pukul\s+|jam\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(wib|wita|wit)?)?"
# Indonesia's time zones (no daylight saving): western, central, eastern.
_ZONE_HOURS = {"wib": 7, "wita": 8, "wit": 9}
#: The business time zone timestamps are stored in (``VOC_TIMEZONE``, an IANA name).
DEFAULT_TIMEZONE = "Asia/Jakarta"
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})" + _TIME + r"$", re.IGNORECASE)
_D_MONTH_Y = re.compile(
    rf"^(?:{_DAY_NAMES},?\s+)?(\d{{1,2}})[\s\-]+([a-z]+)\.?[\s\-,]+(\d{{4}})" + _TIME + r"$",
    re.IGNORECASE,
)
_MONTH_D_Y = re.compile(
    rf"^(?:{_DAY_NAMES},?\s+)?([a-z]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}})" + _TIME + r"$",
    re.IGNORECASE,
)
_ISO_SPACE_Z = re.compile(r"\s*(Z|UTC)$", re.IGNORECASE)


class RowProblem(ValueError):
    """A value that rejects its row; ``reason`` is a key of :data:`QUARANTINE_REASONS`."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip().lower() in _MISSING


def business_timezone() -> ZoneInfo:
    """The zone of ``VOC_TIMEZONE`` (default ``Asia/Jakarta``, WIB) that times are kept in.

    Raises:
        ConfigError: The name is not a known IANA time zone.
    """
    name = os.environ.get("VOC_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    return _zone(name)


@functools.lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"VOC_TIMEZONE={name!r} is not a time zone name.",
            hint="Use an IANA name such as Asia/Jakarta (WIB), Asia/Makassar (WITA), "
            "Asia/Jayapura (WIT) or UTC.",
        ) from exc


def _to_local(value: dt.datetime) -> dt.datetime:
    """A timestamp with an offset in the business time zone, naive; naive ones as they are."""
    if value.tzinfo is not None:
        value = value.astimezone(business_timezone()).replace(tzinfo=None)
    return value


def _build(
    year: str,
    month: int,
    day: str,
    hh: str | None,
    mm: str | None,
    ss: str | None,
    zone: str | None = None,
) -> dt.datetime:
    value = dt.datetime(int(year), month, int(day), int(hh or 0), int(mm or 0), int(ss or 0))
    if zone:  # "09.15 WITA": that zone's time, told in the business zone
        offset = dt.timezone(dt.timedelta(hours=_ZONE_HOURS[zone.lower()]))
        value = _to_local(value.replace(tzinfo=offset))
    return value


#: Numbers read as dates, by range: Unix time in seconds or milliseconds (API exports such as
#: chat platforms', always UTC), compact ``YYYYMMDD`` integers, and spreadsheet serial days
#: (a date column formatted as a number in Excel or LibreOffice: day 0 is 1899-12-30, the
#: time of day is the fraction, in local time). Any other number is not a date.
_UNIX_SECONDS = (1e9, 1e10)  # 2001-09-09 .. 2286
_UNIX_MILLISECONDS = (1e12, 1e13)
_SERIAL_DAYS = (20_000, 73_051)  # 1954-10-03 .. 2099-12-31
_COMPACT_DATE = (19_000_101, 21_001_231)
_SERIAL_EPOCH = dt.datetime(1899, 12, 30)
_NUMBER_TEXT = re.compile(r"\d+(?:\.\d+)?")

#: The kinds of :func:`numeric_datetime`, as the ingest's warning names them.
NUMERIC_DATE_KINDS = {
    "unix_seconds": "Unix times in seconds (UTC)",
    "unix_milliseconds": "Unix times in milliseconds (UTC)",
    "compact_date": "YYYYMMDD numbers",
    "serial_days": "spreadsheet serial day numbers",
}


def numeric_datetime(value: Any) -> tuple[dt.datetime, str] | None:
    """Read a number (or a text of digits) as a date: ``(naive business time, kind)``.

    Returns ``None`` for anything that is not a number in one of the ranges above (most
    values: a text with anything but digits and one decimal point is not looked at).

    Raises:
        ValueError: The number is in a range but not a valid calendar date (``20261340``).
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    if isinstance(value, str):
        if not _NUMBER_TEXT.fullmatch(value.strip()):
            return None
        number = float(value)
    else:
        number = float(value)
        if not math.isfinite(number):
            return None
    if _UNIX_SECONDS[0] <= number < _UNIX_SECONDS[1]:
        moment = dt.datetime.fromtimestamp(number, dt.UTC)
        return _to_local(moment), "unix_seconds"
    if _UNIX_MILLISECONDS[0] <= number < _UNIX_MILLISECONDS[1]:
        moment = dt.datetime.fromtimestamp(number / 1000, dt.UTC)
        return _to_local(moment), "unix_milliseconds"
    if _COMPACT_DATE[0] <= number <= _COMPACT_DATE[1] and number.is_integer():
        digits = f"{int(number)}"
        try:
            day = dt.datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid YYYYMMDD date ({exc})") from None
        return day, "compact_date"
    if _SERIAL_DAYS[0] <= number < _SERIAL_DAYS[1]:
        # Spreadsheets keep times to the millisecond at most; round off float noise below it.
        moment = _SERIAL_EPOCH + dt.timedelta(milliseconds=round(number * 86_400_000))
        return moment, "serial_days"
    return None


_SLASH_DATE = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{4}")


def date_order(values: Iterable[Any]) -> str | None:
    """What the ``NN/NN/YYYY`` dates among ``values`` say about their order.

    Returns:
        ``"day"`` when one has a first number above 12 (``13/05/2026``), else ``"month"``
        when one has a second number above 12 (``05/13/2026``), else ``"unknown"`` when
        there are such dates but none decides (``05/12/2026``), else ``None`` (no such
        date). Stops reading at the first day-first date.
    """
    seen = month_first = False
    for value in values:
        if isinstance(value, str) and (match := _SLASH_DATE.match(value)):
            seen = True
            if int(match[1]) > 12:
                return "day"
            month_first |= int(match[2]) > 12
    return "month" if month_first else "unknown" if seen else None


def month_first_dates(values: Iterable[Any]) -> bool:
    """Whether the ``NN/NN/YYYY`` dates among ``values`` are month first (US order).

    Yes only when some have a second number above 12 (``05/13/2026``) and none has a first
    number above 12 (``13/05/2026``). Without such evidence dates stay day first (the
    Indonesian order): ``05/12/2026`` alone is 5 December.
    """
    return date_order(values) == "month"


def parse_datetime(value: Any, *, month_first: bool = False) -> dt.datetime | None:
    """Parse a timestamp in ISO 8601, d/m/Y or day-month-year form (Indonesian or English).

    ``month_first`` reads ``NN/NN/YYYY`` as month/day/year instead (a table whose dates are
    in US order, see :func:`month_first_dates`).

    A time with an offset (``+07:00``, ``Z``, ``UTC``, ``WIB``/``WITA``/``WIT``) is converted
    to the business time zone (:func:`business_timezone`) and the offset dropped; a time
    without one is taken as business time already and kept as written.

    Returns:
        The naive datetime, or ``None`` for a missing value.

    Raises:
        ValueError: The value is not a date this function reads.
    """
    return _parse_datetime(value, month_first)[0]


def _parse_datetime(value: Any, month_first: bool) -> tuple[dt.datetime | None, str | None]:
    """:func:`parse_datetime` and the kind of number the date was read from, if any.

    The kind is one of :data:`NUMERIC_DATE_KINDS` (see :func:`numeric_datetime`), else None.
    """
    if _is_missing(value):
        return None, None
    if isinstance(value, dt.datetime):
        return _to_local(value), None
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), None
    # A number, or a text of digits (the only ISO form of digits alone, YYYYMMDD, reads alike)
    if numeric := numeric_datetime(value):
        return numeric
    if not isinstance(value, str):
        what = "a number" if isinstance(value, int | float) else f"a {type(value).__name__}"
        hint = (
            " (numbers are read as dates only as Unix times, YYYYMMDD or spreadsheet serial "
            "days of 1954-2099)"
        )
        raise ValueError(
            f"{value!r} is {what}, not a date" + (hint if isinstance(value, int | float) else "")
        )
    text = " ".join(value.split())
    try:
        return _to_local(dt.datetime.fromisoformat(_ISO_SPACE_Z.sub("+00:00", text))), None
    except ValueError:
        pass
    try:
        if match := _DMY.match(text):
            day, month, year, hh, mm, ss, zone = match.groups()
            if month_first:
                day, month = month, day
            return _build(year, int(month), day, hh, mm, ss, zone), None
        if match := _D_MONTH_Y.match(text):
            day, month_name, year, hh, mm, ss, zone = match.groups()
            if month_name.lower() in _MONTHS:
                return _build(year, _MONTHS[month_name.lower()], day, hh, mm, ss, zone), None
        if match := _MONTH_D_Y.match(text):
            month_name, day, year, hh, mm, ss, zone = match.groups()
            if month_name.lower() in _MONTHS:
                return _build(year, _MONTHS[month_name.lower()], day, hh, mm, ss, zone), None
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid calendar date ({exc})") from None
    raise ValueError(f"{value!r} is not a date in ISO, d/m/Y or '12 Mei 2026' form")


def parse_number(value: Any) -> float | None:
    """Parse a number, accepting a decimal comma (``4,5``) and thousands separators.

    Returns:
        The float, or ``None`` for a missing value.

    Raises:
        ValueError: The value is not a finite number.
    """
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is a yes/no flag, not a number")
    if isinstance(value, int | float | Decimal):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if "," in text and "." in text:
            # The later separator is the decimal one: 1.234,5 or 1,234.5
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        elif text.count(",") == 1:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def parse_bool(value: Any) -> bool | None:
    """Parse a yes/no flag in English or Indonesian (``ya``/``tidak``), or 1/0.

    Raises:
        ValueError: The value is not a recognised flag.
    """
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{value!r} is not yes/no, true/false, ya/tidak or 1/0")


def _as_text(value: Any) -> str | None:
    """Return a stripped string for a categorical value (``None`` when missing)."""
    if _is_missing(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _score(value: Any, name: str, low: float, high: float) -> float | None:
    reason = f"invalid_{name}"
    try:
        number = parse_number(value)
    except ValueError as exc:
        raise RowProblem(reason, f"{name} {exc}") from None
    if number is not None and not low <= number <= high:
        raise RowProblem(reason, f"{name} {number:g} is outside {low:g}-{high:g}")
    return number


_CATEGORICAL = ("customer_id", "customer_segment", "product_line", "region", "agent_id")
#: Keys of a clean row, in a fixed order (also the order the content hash reads them in).
CLEAN_KEYS = (
    "feedback_id",
    "created_at",
    "channel",
    "text",
    "csat",
    "nps",
    *_CATEGORICAL,
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
)


#: Set in a clean row whose CSAT or NPS was words or stars: how each was read
#: (``csat puas = 4``, ``nps 10 with a label``), counted for the run's warning.
SCORE_WORDS_KEY = "_score_words"
_LEADING_SCORE = re.compile(r"(?P<n>\d{1,2})\s*(?:[-\u2013\u2014:=.]|\()\s*[^\W\d_].*", re.DOTALL)


def leading_score(value: Any) -> tuple[float, str] | None:
    """A score written before its label: ``(score, "N with a label")``, else ``None``.

    Survey tools export the ends of a scale so: ``10 - Extremely likely``, ``4. Puas``,
    ``5 (Sangat puas)``. The label itself is not repeated (a free-text answer could follow
    the number).
    """
    if isinstance(value, str) and (match := _LEADING_SCORE.fullmatch(value.strip())):
        score = int(match["n"])
        return float(score), f"{score} with a label"
    return None


#: The answers of five-point scales as survey tools and help desks export them (Indonesian
#: and English; satisfaction and quality wording), read as the score they stand for. A
#: help desk's two-point rating (Zendesk's "Good"/"Bad") reads as 4 and 2: the CSAT % (the
#: share of 4s and 5s) is the one the help desk reports; an average of such scores is not.
CSAT_WORDS = {
    5: (
        "sangat puas", "amat puas", "sangat senang", "very satisfied", "extremely satisfied",
        "completely satisfied", "sangat baik", "sangat bagus", "very good", "excellent",
    ),
    4: (
        "puas", "senang", "satisfied", "somewhat satisfied", "mostly satisfied", "baik",
        "bagus", "good", "good, i'm satisfied", "goodwithcomment",
    ),
    3: (
        "cukup", "cukup puas", "netral", "biasa", "biasa saja", "neutral",
        "neither satisfied nor dissatisfied", "neither dissatisfied nor satisfied", "fair",
        "average", "cukup baik",
    ),
    2: (
        "tidak puas", "kurang puas", "kecewa", "dissatisfied", "unsatisfied",
        "somewhat dissatisfied", "not satisfied", "kurang", "kurang baik", "buruk", "jelek",
        "poor", "bad", "bad, i'm unsatisfied", "badwithcomment",
    ),
    1: (
        "sangat tidak puas", "sangat kecewa", "amat tidak puas", "very dissatisfied",
        "extremely dissatisfied", "very unsatisfied", "completely dissatisfied",
        "sangat kurang", "sangat buruk", "sangat jelek", "very poor", "very bad", "terrible",
    ),
}  # fmt: skip
_CSAT_WORD = {word: score for score, words in CSAT_WORDS.items() for word in words}
#: Survey states that are not an answer (a survey offered, or never sent): no CSAT.
CSAT_NOT_ANSWERED = frozenset(
    ("offered", "unoffered", "not offered", "survey offered", "no rating", "not rated",
     "belum dinilai", "tidak dinilai")
)  # fmt: skip
_STARS = re.compile(r"[★⭐☆✩✰\s\ufe0f]+")
_OUT_OF_FIVE = re.compile(
    r"(?P<score>[1-5])\s*(?:/|dari|of|out of)\s*5|(?P<stars>[1-5])\s*(?:bintang|stars?)"
    r"|bintang\s*(?P<after>[1-5])",
    re.IGNORECASE,
)


#: NPS exports that give the respondent's group instead of the score: read as 10, 8 and 0,
#: which keeps the NPS (% promoters - % detractors); an average of such scores means less.
NPS_CATEGORIES = {
    "promoter": 10, "promotor": 10, "passive": 8, "pasif": 8, "neutral": 8,
    "detractor": 0, "detraktor": 0,
}  # fmt: skip


def nps_from_category(value: Any) -> tuple[float, str] | None:
    """An NPS group (``Promoter``, ``Passive``, ``Detractor``) as ``(score, how)``, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().rstrip("s")  # Promoters, Passives, Detractors too
    score = NPS_CATEGORIES.get(text)
    return None if score is None else (float(score), f"{text} = {score}")


def csat_from_words(value: Any) -> tuple[float | None, str] | None:
    """A CSAT answer written as words or stars: ``(score, how it was read)``, else ``None``.

    Reads the five-point scales' labels (:data:`CSAT_WORDS`: ``Sangat puas`` = 5, ``Baik``
    = 4, ``Very dissatisfied`` = 1; a help desk's ``Good``/``Bad`` = 4/2), star ratings
    (``★★★★☆``, ``⭐⭐⭐``: the filled stars) and ``4/5``, ``4 dari 5``, ``4 of 5``,
    ``4 bintang``, ``4 stars``; a survey state that is not an answer
    (:data:`CSAT_NOT_ANSWERED`: ``Offered``, ``Unoffered``) gives the score ``None``. Other
    scales (``8/10``) are not converted.
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.lower().replace("_", " ").split()).strip(" .!")
    if (score := _CSAT_WORD.get(text)) is not None:
        return float(score), f"{text} = {score}"
    if text in CSAT_NOT_ANSWERED:
        return None, f"{text} = no answer"
    if text and _STARS.fullmatch(text):
        filled = sum(ch in "★⭐" for ch in text)
        return (float(filled), f"{filled} stars") if 1 <= filled <= 5 else None
    if match := _OUT_OF_FIVE.fullmatch(text):
        score = int(match["score"] or match["stars"] or match["after"])
        return float(score), f"{score} of 5"
    return None


#: Set in a clean row whose text was HTML (markup removed, :mod:`voc.ingest.markup`).
MARKUP_KEY = "_markup"

#: Set in a clean row whose ``created_at`` was a number (its kind, see
#: :data:`NUMERIC_DATE_KINDS`); the ingest pops it and reports the counts.
NUMERIC_DATE_KEY = "_numeric_date"


def validate_row(values: dict[str, Any], *, month_first: bool = False) -> dict[str, Any]:
    """Check and parse one mapped row (target column -> raw value).

    ``month_first``: the table's ``NN/NN/YYYY`` dates are month/day/year.

    Returns:
        The clean row with every key of :data:`CLEAN_KEYS`: ``text`` (NFC, stripped, full
        length), ``created_at`` (naive datetime), numbers as floats, flags as bools,
        categorical values as stripped strings, ``None`` where missing.

    Raises:
        RowProblem: The first problem found, checked in the order of
            :data:`QUARANTINE_REASONS`.
    """
    get = values.get
    raw_text = get("text")
    text, markup = ("", False) if _is_blank_text(raw_text) else plain_text(str(raw_text))
    text = unicodedata.normalize("NFC", text).strip()
    if not text:
        raise RowProblem("empty_text", "the text is empty" + (" (only markup)" if markup else ""))
    clean: dict[str, Any] = dict.fromkeys(CLEAN_KEYS)
    clean["text"] = text
    if markup:
        clean[MARKUP_KEY] = True  # counted for the run's warning
    if (value := get("created_at")) is not None:
        try:
            clean["created_at"], kind = _parse_datetime(value, month_first)
            if kind:
                clean[NUMERIC_DATE_KEY] = kind  # counted for the run's warning
        except ValueError as exc:
            raise RowProblem("invalid_date", f"created_at {exc}") from None
    for name, low, high in (("csat", 1, 5), ("nps", 0, 10)):
        if (value := get(name)) is None:
            continue
        try:
            clean[name] = _score(value, name, low, high)
        except RowProblem:
            words = csat_from_words if name == "csat" else nps_from_category
            read = words(value) or leading_score(value)
            if read is None or not (read[0] is None or low <= read[0] <= high):
                raise
            clean[name] = read[0]
            clean.setdefault(SCORE_WORDS_KEY, []).append(f"{name} {read[1]}")
    for name in ("first_response_seconds", "handle_seconds"):
        if (value := get(name)) is None:
            continue
        try:
            number = parse_number(value)
        except ValueError as exc:
            raise RowProblem("invalid_number", f"{name} {exc}") from None
        if number is not None and number < 0:
            raise RowProblem("invalid_number", f"{name} {number:g} is negative")
        clean[name] = number
    if (value := get("resolved_first_contact")) is not None:
        try:
            clean["resolved_first_contact"] = parse_bool(value)
        except ValueError as exc:
            raise RowProblem("invalid_boolean", f"resolved_first_contact {exc}") from None
    if (value := get("feedback_id")) is not None:
        source_id = _as_text(value)
        if source_id is not None and len(source_id) > MAX_ID_CHARS:
            raise RowProblem("invalid_id", f"feedback_id has {len(source_id)} characters")
        clean["feedback_id"] = source_id
    if (value := get("channel")) is not None:
        channel = _as_text(value)
        clean["channel"] = channel.lower() if channel else None
    for name in _CATEGORICAL:
        if (value := get(name)) is not None:
            clean[name] = _as_text(value)
    for name, limit in MAX_VALUE_CHARS.items():
        if clean[name] is not None and len(clean[name]) > limit:
            raise RowProblem(
                "value_too_long", f"{name} has {len(clean[name]):,} characters (at most {limit})"
            )
    return clean


def _is_blank_text(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return not str(value).strip()

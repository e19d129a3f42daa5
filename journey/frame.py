"""Check a classified feedback frame once and turn it into numpy arrays the analytics share.

Every journey function accepts either the classified DataFrame (the data contract of
docs/ARCHITECTURE.md) or the :class:`PreparedFrame` built here. Preparing once validates the
columns, converts optional KPI columns, and explodes the ``topics`` column into one *mention*
per (comment, topic) pair with integer codes, so the rest of the package can aggregate with
``np.bincount`` and ``groupby`` instead of per-row Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from voc.errors import ValidationError
from voc.taxonomy import Taxonomy, default_taxonomy

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from journey.periods import Period

__all__ = ["PreparedFrame", "prepare", "REQUIRED_COLUMNS", "OPTIONAL_KPI_COLUMNS"]

#: Columns every journey function needs (``topics`` may be replaced by ``topic``).
REQUIRED_COLUMNS = ("created_at", "touchpoint", "topics", "sentiment")
#: Optional columns that switch on KPIs when present.
OPTIONAL_KPI_COLUMNS = (
    "csat",
    "nps",
    "customer_id",
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
)
_EPOCH = date(1970, 1, 1)
_NO_DAY = -(2**31)
_TRUE = {"true", "1", "yes", "y", "t", "ya"}
_FALSE = {"false", "0", "no", "n", "f", "tidak"}
# Sentiment derived from a score when only ``sentiment_score`` exists.
_SCORE_CUT = 1.0 / 3.0


def day_number(day: date) -> int:
    """Return ``day`` as days since 1970-01-01 (the integer the arrays use)."""
    return (day - _EPOCH).days


@dataclass(eq=False)
class PreparedFrame:
    """A validated feedback frame plus the numpy arrays the journey analytics use.

    Attributes:
        frame: The original frame (not copied); text columns are read from it.
        taxonomy: The taxonomy the codes refer to.
        day: Day of ``created_at`` as days since 1970-01-01 (a very negative number when the
            timestamp is missing or unparseable).
        week: Monday of the ISO week of ``day``, same unit.
        touchpoint: Touchpoint code (index into ``taxonomy.touchpoint_ids``), -1 if unknown.
        negative: Comment sentiment is the taxonomy's most negative label.
        positive: Comment sentiment is the taxonomy's most positive label.
        score: Sentiment score in [-1, 1].
        kpis: Float arrays ``csat``, ``nps``, ``frt``, ``aht``, ``fcr`` (1/0/NaN), present only
            when the source column exists.
        customer: Customer code (-1 missing) when ``customer_id`` exists, else ``None``.
        needs_review: Review flag when ``needs_review`` exists, else ``None``.
        topic_confidence: Primary-topic confidence when present, else ``None``.
        mention_row: Row position of each (comment, topic) mention.
        mention_topic: Topic code (index into ``taxonomy.topic_ids``) of each mention.
        mention_primary: Whether the mention is the comment's primary topic.
        diagnostics: Counts of rows or labels that were ignored, by reason.
    """

    frame: pd.DataFrame
    taxonomy: Taxonomy
    day: np.ndarray
    week: np.ndarray
    touchpoint: np.ndarray
    negative: np.ndarray
    positive: np.ndarray
    score: np.ndarray
    kpis: dict[str, np.ndarray]
    customer: np.ndarray | None
    needs_review: np.ndarray | None
    topic_confidence: np.ndarray | None
    mention_row: np.ndarray
    mention_topic: np.ndarray
    mention_primary: np.ndarray
    diagnostics: dict[str, int] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        """Number of comments."""
        return len(self.day)

    @property
    def topic_owner_codes(self) -> np.ndarray:
        """Department code of each topic's owner (index into ``taxonomy.department_ids``)."""
        import numpy as np

        departments = {d: i for i, d in enumerate(self.taxonomy.department_ids)}
        return np.array([departments[t.owner] for t in self.taxonomy.topics], dtype=np.int32)

    def mask(self, period: Period) -> np.ndarray:
        """Boolean mask of the comments created inside ``period``."""
        return (self.day >= day_number(period.start)) & (self.day < day_number(period.end))

    def has(self, kpi: str) -> bool:
        """Whether the KPI array ``kpi`` ("csat", "nps", "frt", "aht", "fcr") exists."""
        return kpi in self.kpis

    def data_start_day(self) -> int | None:
        """First day with data (days since epoch), or ``None`` for an empty frame."""
        valid = self.day[self.day != _NO_DAY]
        return int(valid.min()) if len(valid) else None

    def text(self, column: str = "text_redacted") -> pd.Series | None:
        """Return a text column of the frame (``None`` when absent)."""
        return self.frame[column] if column in self.frame.columns else None


def _require(frame: pd.DataFrame) -> None:
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ValidationError(
            f"Journey analytics expect a pandas DataFrame of classified feedback, "
            f"got {type(frame).__name__}."
        )
    missing = []
    for column in REQUIRED_COLUMNS:
        if column == "topics" and ("topics" in frame.columns or "topic" in frame.columns):
            continue
        if column == "sentiment" and (
            "sentiment" in frame.columns or "sentiment_score" in frame.columns
        ):
            continue
        if column not in frame.columns:
            missing.append(column)
    if missing:
        raise ValidationError(
            f"The feedback frame lacks the column(s) {', '.join(missing)} that journey "
            f"analytics need (it has: {', '.join(map(str, frame.columns)) or 'no columns'}).",
            hint="Classify the feedback first (topics, sentiment, touchpoint) or map the "
            "columns to the names in docs/ARCHITECTURE.md.",
        )


def _days(frame: pd.DataFrame) -> np.ndarray:
    import numpy as np
    import pandas as pd

    created = frame["created_at"]
    if not isinstance(created.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_dtype(
        created
    ):
        created = pd.to_datetime(created, errors="coerce", format="mixed")
    if isinstance(created.dtype, pd.DatetimeTZDtype):
        # Keep the wall-clock time where the customer wrote: a "day" is a local day.
        created = created.dt.tz_localize(None)
    values = created.to_numpy(dtype="datetime64[ns]")
    missing = np.isnat(values)
    days = values.astype("datetime64[D]").astype(np.int64)
    days[missing] = _NO_DAY
    return days.astype(np.int64)


def _category_codes(values: pd.Series, ids: tuple[str, ...]) -> np.ndarray:
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = {label: i for i, label in enumerate(ids)}
    mapped = np.array(
        [lookup.get(str(u).strip().lower(), -1) for u in uniques] + [-1], dtype=np.int32
    )
    return mapped[codes]


def _flags(values: pd.Series) -> np.ndarray:
    """Parse a bool-like column into 1.0 / 0.0 / NaN."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
        numeric = pd.to_numeric(values, errors="coerce").astype("float64")
        out = numeric.to_numpy(dtype="float64", na_value=np.nan)
        return np.where(np.isnan(out), np.nan, (out != 0).astype("float64"))
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = []
    for value in uniques:
        text = str(value).strip().lower()
        mapped.append(1.0 if text in _TRUE else 0.0 if text in _FALSE else np.nan)
    return np.array(mapped + [np.nan], dtype="float64")[codes]


def _numbers(values: pd.Series, low: float, high: float) -> np.ndarray:
    import numpy as np
    import pandas as pd

    out = pd.to_numeric(values, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    out = out.copy()
    out[(out < low) | (out > high)] = np.nan
    return out


def _mentions(frame: pd.DataFrame, taxonomy: Taxonomy) -> tuple[np.ndarray, ...]:
    import numpy as np
    import pandas as pd

    if "topics" in frame.columns:
        source = frame["topics"]
        if "topic" in frame.columns:
            empty = source.isna() | (source.astype("str").str.strip() == "")
            if empty.any():
                source = source.where(~empty, frame["topic"])
    else:
        source = frame["topic"]
    codes, uniques = pd.factorize(source, use_na_sentinel=True)
    lookup = {label: i for i, label in enumerate(taxonomy.topic_ids)}
    parsed: list[list[int]] = []
    unknown = 0
    for combo in uniques:
        seen: list[int] = []
        for part in str(combo).split("|"):
            label = part.strip().lower()
            if not label:
                continue
            code = lookup.get(label)
            if code is None:
                unknown += 1
            elif code not in seen:
                seen.append(code)
        parsed.append(seen)
    width = max((len(p) for p in parsed), default=0) or 1
    table = np.full((len(parsed) + 1, width), -1, dtype=np.int32)
    for i, topic_codes in enumerate(parsed):
        table[i, : len(topic_codes)] = topic_codes
    per_row = table[codes]  # NaN rows (code -1) land on the all-empty last row
    rows, position = np.nonzero(per_row >= 0)
    return rows.astype(np.int64), per_row[rows, position], position == 0, unknown


def prepare(df: pd.DataFrame | PreparedFrame, taxonomy: Taxonomy | None = None) -> PreparedFrame:
    """Validate a classified feedback frame and build the arrays the analytics share.

    Args:
        df: Classified feedback (columns of docs/ARCHITECTURE.md). A :class:`PreparedFrame`
            is returned unchanged.
        taxonomy: The taxonomy the labels come from (default taxonomy when ``None``).

    Returns:
        The :class:`PreparedFrame`.

    Raises:
        ValidationError: A required column is missing or ``sentiment`` holds labels that
            are not in the taxonomy.
    """
    import numpy as np
    import pandas as pd

    if isinstance(df, PreparedFrame):
        return df
    _require(df)
    taxonomy = taxonomy or default_taxonomy()
    frame = df
    day = _days(frame)
    # 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
    week = np.where(day == _NO_DAY, _NO_DAY, day - (day + 3) % 7)
    touchpoint = _category_codes(frame["touchpoint"], taxonomy.touchpoint_ids)

    diagnostics: dict[str, int] = {
        "rows": len(frame),
        "missing_created_at": int((day == _NO_DAY).sum()),
        "unknown_touchpoint": int((touchpoint < 0).sum()),
    }
    labels = taxonomy.sentiment
    if "sentiment" in frame.columns:
        codes, uniques = pd.factorize(frame["sentiment"], use_na_sentinel=True)
        normalised = [str(u).strip().lower() for u in uniques]
        unknown = sorted({u for u in normalised if u not in labels})
        if unknown:
            raise ValidationError(
                f"Column 'sentiment' holds label(s) {', '.join(unknown[:5])} that the "
                f"taxonomy does not define (expected: {', '.join(labels)}).",
                hint="Map sentiment labels to the taxonomy's ids before journey analytics.",
            )
        position = np.array([labels.index(u) for u in normalised] + [-1], dtype=np.int32)[codes]
        steps = max(len(labels) - 1, 1)
        derived = np.where(position < 0, np.nan, -1.0 + 2.0 * position / steps)
        negative = position == 0
        positive = position == len(labels) - 1
    else:
        derived = None
    if "sentiment_score" in frame.columns:
        score = _numbers(frame["sentiment_score"], -1.0, 1.0)
        if derived is not None:
            score = np.where(np.isnan(score), derived, score)
    else:
        score = derived
    if derived is None:
        negative = score <= -_SCORE_CUT
        positive = score >= _SCORE_CUT

    kpis: dict[str, np.ndarray] = {}
    for column, key, low, high in (
        ("csat", "csat", 1.0, 5.0),
        ("nps", "nps", 0.0, 10.0),
        ("first_response_seconds", "frt", 0.0, np.inf),
        ("handle_seconds", "aht", 0.0, np.inf),
    ):
        if column in frame.columns:
            kpis[key] = _numbers(frame[column], low, high)
    if "resolved_first_contact" in frame.columns:
        kpis["fcr"] = _flags(frame["resolved_first_contact"])

    customer = None
    if "customer_id" in frame.columns:
        codes, _ = pd.factorize(frame["customer_id"], use_na_sentinel=True)
        customer = codes.astype(np.int64)
        if (customer < 0).all():
            customer = None
    needs_review = None
    if "needs_review" in frame.columns:
        needs_review = _flags(frame["needs_review"]) == 1.0
    topic_confidence = None
    if "topic_confidence" in frame.columns:
        topic_confidence = _numbers(frame["topic_confidence"], 0.0, 1.0)

    rows, topics, primary, unknown_topics = _mentions(frame, taxonomy)
    diagnostics["unknown_topic_labels"] = unknown_topics
    # ``rows`` is sorted (np.nonzero walks row by row): count the distinct ones by diff.
    distinct = int(np.count_nonzero(np.diff(rows))) + 1 if len(rows) else 0
    diagnostics["rows_without_topic"] = int(len(frame) - distinct)
    return PreparedFrame(
        frame=frame,
        taxonomy=taxonomy,
        day=day,
        week=week,
        touchpoint=touchpoint,
        negative=np.asarray(negative, dtype=bool),
        positive=np.asarray(positive, dtype=bool),
        score=np.asarray(score, dtype="float64"),
        kpis=kpis,
        customer=customer,
        needs_review=needs_review,
        topic_confidence=topic_confidence,
        mention_row=rows,
        mention_topic=topics,
        mention_primary=primary,
        diagnostics=diagnostics,
    )


def as_prepared(df: Any, taxonomy: Taxonomy | None = None) -> PreparedFrame:
    """Return ``df`` prepared (shorthand used by the public functions)."""
    return prepare(df, taxonomy)

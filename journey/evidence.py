"""Evidence per ranked issue: bilingual title, owner, metrics, verbatims, key phrases, trend."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from journey.frame import PreparedFrame, prepare
from journey.prioritize import RankedIssues, _json_value
from journey.text import class_tfidf_phrases, tokenize, typical_order
from voc.errors import ConfigError, ValidationError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = [
    "Verbatim",
    "IssueEvidence",
    "issue_title",
    "pick_verbatims",
    "build_evidence",
    "EVIDENCE_METRICS",
]

#: Metric columns copied into each :class:`IssueEvidence`.
EVIDENCE_METRICS = (
    "rank",
    "impact",
    "effort",
    "priority",
    "quadrant",
    "mentions",
    "negative_mentions",
    "comments_share",
    "customers_affected",
    "customers_share",
    "share_negative",
    "mean_sentiment_score",
    "csat_responses",
    "csat_percent",
    "csat_drag_points",
    "nps_responses",
    "nps",
    "nps_drag_points",
    "sentiment_drag_points",
    "drag_points",
    "drag_source",
    "previous_negative_mentions",
    "momentum_delta",
    "momentum_pct",
    "is_new",
    "momentum_z",
    "spike",
    "spike_weeks",
    "repeat_contact_rate",
    "fcr_percent",
    "fcr_gap_points",
    "frt_median_seconds",
    "aht_seconds",
    "effort_source",
    "departments_spanned",
)
# Seeded samples bound the text work per issue (key phrases and verbatims stay stable).
_BACKGROUND_CAP = 5_000
_CLASS_CAP = 1_000
_MIN_TOKENS = 4
_LANGS_TO_COVER = ("id", "en")


@dataclass(frozen=True)
class Verbatim:
    """One representative comment (redacted text only)."""

    feedback_id: str
    text: str
    lang: str
    created_at: str
    similarity: float


@dataclass(frozen=True)
class IssueEvidence:
    """What the committee sees for one issue.

    Attributes:
        topic: Topic id.
        touchpoint: Touchpoint id.
        title_en: English title ("<topic> at <touchpoint>").
        title_id: Indonesian title ("<topik> di tahap <touchpoint>").
        owner: Owner department id.
        owner_en: Owner department name in English.
        owner_id: Owner department name in Indonesian.
        quadrant: Quadrant id.
        metrics: The issue's metrics (JSON-ready; see ``EVIDENCE_METRICS``).
        verbatims: 3-5 representative comments.
        key_phrases: ``[(phrase, score)]`` best first.
        weekly: ``[(iso_week, negative_mentions)]`` for a sparkline, oldest first.
    """

    topic: str
    touchpoint: str
    title_en: str
    title_id: str
    owner: str
    owner_en: str
    owner_id: str
    quadrant: str
    metrics: dict[str, Any]
    verbatims: list[Verbatim] = field(default_factory=list)
    key_phrases: list[tuple[str, float]] = field(default_factory=list)
    weekly: list[tuple[str, int]] = field(default_factory=list)

    def title(self, lang: str = "id") -> str:
        """Title in "id" or "en"."""
        return self.title_id if lang == "id" else self.title_en

    def owner_name(self, lang: str = "id") -> str:
        """Owner department name in "id" or "en"."""
        return self.owner_id if lang == "id" else self.owner_en

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready dictionary."""
        return {
            "topic": self.topic,
            "touchpoint": self.touchpoint,
            "title_en": self.title_en,
            "title_id": self.title_id,
            "owner": self.owner,
            "owner_en": self.owner_en,
            "owner_id": self.owner_id,
            "quadrant": self.quadrant,
            "metrics": self.metrics,
            "verbatims": [asdict(v) for v in self.verbatims],
            "key_phrases": [[p, s] for p, s in self.key_phrases],
            "weekly": [[w, c] for w, c in self.weekly],
        }


def issue_title(topic: str, touchpoint: str, taxonomy: Taxonomy, lang: str = "id") -> str:
    """Title from taxonomy names: "<topic> di tahap <touchpoint>" or "<topic> at <touchpoint>"."""
    topic_name = taxonomy.topic(topic).name(lang)
    stage_name = taxonomy.touchpoint(touchpoint).name(lang)
    return (
        f"{topic_name} di tahap {stage_name}" if lang == "id" else f"{topic_name} at {stage_name}"
    )


def _sample(rows: np.ndarray, cap: int, seed: int = 0) -> np.ndarray:
    import numpy as np

    if len(rows) <= cap:
        return rows
    return np.sort(np.random.default_rng(seed).choice(rows, size=cap, replace=False))


def pick_verbatims(
    prepared: PreparedFrame,
    rows: np.ndarray,
    *,
    n: int = 3,
    embeddings: np.ndarray | None = None,
    seed: int = 0,
) -> list[Verbatim]:
    """Pick the ``n`` most typical distinct comments of ``rows``, covering id and en if present.

    Typical = nearest the group's centroid (embeddings when given, else TF-IDF). Comments
    with fewer than 4 words are used only when there are not enough longer ones. Ties break
    on ``feedback_id`` so the pick is the same on every run.
    """
    import numpy as np

    if not 1 <= n <= 5:
        raise ConfigError(f"Number of verbatims must be 1-5, got {n}.")
    texts_column = prepared.text("text_redacted")
    if texts_column is None or len(rows) == 0:
        return []
    rows = _sample(np.asarray(rows), _CLASS_CAP, seed)
    texts = texts_column.iloc[rows].astype("str").fillna("").tolist()
    ids = (
        prepared.frame["feedback_id"].iloc[rows].astype("str").tolist()
        if "feedback_id" in prepared.frame.columns
        else [str(r) for r in rows]
    )
    langs = (
        prepared.frame["lang"].iloc[rows].astype("str").tolist()
        if "lang" in prepared.frame.columns
        else [""] * len(rows)
    )
    vectors = None if embeddings is None else np.asarray(embeddings)[rows]
    similarity = typical_order(texts, vectors)
    long_enough = np.array([len(tokenize(t)) >= _MIN_TOKENS for t in texts])
    order = sorted(
        range(len(texts)), key=lambda i: (not long_enough[i], -round(similarity[i], 9), ids[i])
    )
    picked: list[int] = []
    seen: set[str] = set()
    for i in order:
        key = " ".join(tokenize(texts[i]))
        if key in seen or not texts[i].strip():
            continue
        seen.add(key)
        picked.append(i)
    present = [lang for lang in _LANGS_TO_COVER if lang in set(langs)]
    chosen = picked[:n]
    for lang in present:
        if any(langs[i] == lang for i in chosen):
            continue
        best = next((i for i in picked if langs[i] == lang), None)
        if best is None or len(chosen) < 1:
            continue
        # Replace the least typical pick whose language is already covered twice or more.
        for position in range(len(chosen) - 1, -1, -1):
            other = langs[chosen[position]]
            if sum(langs[j] == other for j in chosen) > 1 or other not in present:
                chosen[position] = best
                break
    created = prepared.frame["created_at"].iloc[rows] if "created_at" in prepared.frame else None
    return [
        Verbatim(
            feedback_id=ids[i],
            text=texts[i],
            lang=langs[i],
            created_at="" if created is None else str(created.iloc[i])[:19],
            similarity=round(float(similarity[i]), 4),
        )
        for i in chosen
    ]


def build_evidence(
    ranked: RankedIssues,
    df: pd.DataFrame | PreparedFrame,
    *,
    top: int = 10,
    embeddings: np.ndarray | None = None,
    n_verbatims: int = 3,
    n_phrases: int = 8,
    weeks: int = 12,
    taxonomy: Taxonomy | None = None,
) -> list[IssueEvidence]:
    """Evidence for the first ``top`` ranked issues.

    Args:
        ranked: The output of :func:`journey.prioritize.rank_issues` on the same frame.
        df: The classified frame (or prepared frame) the ranking was computed on.
        top: How many issues (in rank order).
        embeddings: Optional ``(n_rows, dim)`` matrix aligned with the frame's rows; used to
            pick the verbatims nearest each issue's centroid.
        n_verbatims: Verbatims per issue (1-5).
        n_phrases: Key phrases per issue.
        weeks: Length of the weekly series (ending with the period's last week).
        taxonomy: Taxonomy (default: the one of the prepared frame).

    Returns:
        One :class:`IssueEvidence` per issue, in rank order.
    """
    import numpy as np

    prepared = prepare(df, taxonomy)
    taxonomy = prepared.taxonomy
    if embeddings is not None and len(embeddings) != prepared.n_rows:
        raise ValidationError(
            f"The embedding matrix has {len(embeddings)} rows but the frame has "
            f"{prepared.n_rows}; pass embeddings aligned with the frame's rows."
        )
    head = ranked.ranked.head(top)
    table = ranked.table
    issue_rows = [table.mention_rows[int(i)] for i in head["issue_index"]]
    texts_column = prepared.text("text_redacted")
    phrases: list[list[tuple[str, float]]] = [[] for _ in issue_rows]
    if texts_column is not None and issue_rows:
        in_issue = np.zeros(prepared.n_rows, dtype=bool)
        for rows in table.mention_rows:
            in_issue[rows] = True
        background = np.flatnonzero(prepared.mask(table.period) & ~in_issue)
        classes = [_sample(rows, _CLASS_CAP) for rows in issue_rows]
        classes.append(_sample(background, _BACKGROUND_CAP))
        docs = [texts_column.iloc[rows].astype("str").fillna("").tolist() for rows in classes]
        phrases = class_tfidf_phrases(docs, top_n=n_phrases, score_classes=range(len(issue_rows)))[
            : len(issue_rows)
        ]
    week_labels = list(table.weekly.columns)
    out = []
    for position, (_, row) in enumerate(head.iterrows()):
        topic, touchpoint = row["topic"], row["touchpoint"]
        owner = taxonomy.department(row["owner"])
        series = table.weekly.iloc[int(row["issue_index"])].to_numpy()[-weeks:]
        out.append(
            IssueEvidence(
                topic=topic,
                touchpoint=touchpoint,
                title_en=issue_title(topic, touchpoint, taxonomy, "en"),
                title_id=issue_title(topic, touchpoint, taxonomy, "id"),
                owner=owner.id,
                owner_en=owner.name_en,
                owner_id=owner.name_id,
                quadrant=str(row["quadrant"]),
                metrics={m: _json_value(row[m]) for m in EVIDENCE_METRICS if m in row.index},
                verbatims=pick_verbatims(
                    prepared, issue_rows[position], n=n_verbatims, embeddings=embeddings
                ),
                key_phrases=phrases[position],
                weekly=[
                    (label, int(count))
                    for label, count in zip(week_labels[-weeks:], series, strict=True)
                ],
            )
        )
    return out

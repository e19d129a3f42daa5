"""Emerging topics: cluster what the taxonomy does not cover and flag clusters that grow.

Candidates are the comments of the period and of the previous period that the classifiers
route to the catch-all topic or flag for review (low confidence). They are embedded (the
embedding matrix passed in, else TF-IDF reduced by truncated SVD), centred and L2-normalised,
and clustered with k-means, ``k`` chosen by the silhouette score; every random step uses a fixed
seed, so the same input gives the same clusters. A cluster is *emerging* when it holds at least
``min_size`` comments of the period and ``current / max(previous, 1) >= min_growth``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from journey.frame import PreparedFrame, prepare
from journey.periods import Period, parse_period
from journey.text import class_tfidf_phrases, typical_order
from voc.errors import ConfigError, ValidationError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = ["EmergingSettings", "EmergingTopic", "EmergingResult", "find_emerging", "candidate_mask"]


@dataclass(frozen=True)
class EmergingSettings:
    """How emerging topics are found.

    Attributes:
        catch_all_topic: Topic id of the taxonomy's catch-all; comments whose primary topic
            it is are candidates. Ignored when the taxonomy has no such topic.
        use_needs_review: Comments flagged ``needs_review`` are candidates.
        confidence_threshold: Without a ``needs_review`` column, comments whose
            ``topic_confidence`` is below this are candidates.
        min_size: Comments of the period a cluster needs to be emerging.
        min_growth: Growth ``current / max(previous, 1)`` a cluster needs to be emerging.
        distance_threshold: Clusters merge while the mean cosine distance between their
            members stays under this (vectors are centred first, see the module doc).
        max_points: Candidates beyond this are assigned to the clusters of a seeded sample
            (agglomerative clustering needs memory quadratic in the points).
        svd_components: Most dimensions of the TF-IDF SVD fallback (it uses
            ``ceil(sqrt(distinct texts))`` when that is smaller).
        random_state: Seed of every random step.
        n_examples: Example comments per emerging cluster.
        n_phrases: Key phrases per emerging cluster.
    """

    catch_all_topic: str | None = "other"
    use_needs_review: bool = True
    confidence_threshold: float = 0.5
    min_size: int = 10
    min_growth: float = 2.0
    distance_threshold: float = 0.7
    max_points: int = 4000
    svd_components: int = 50
    random_state: int = 0
    n_examples: int = 3
    n_phrases: int = 6

    def __post_init__(self) -> None:
        if self.min_size < 2:
            raise ConfigError(f"min_size must be at least 2, got {self.min_size!r}.")
        if self.min_growth <= 0:
            raise ConfigError(f"min_growth must be positive, got {self.min_growth!r}.")
        if not 0 < self.distance_threshold < 2 or self.max_points < 10:
            raise ConfigError(
                "distance_threshold must be in (0, 2) and max_points >= 10, got "
                f"{self.distance_threshold!r} and {self.max_points!r}."
            )


@dataclass(frozen=True)
class EmergingTopic:
    """One emerging cluster.

    Attributes:
        cluster: Cluster number (0 = largest cluster of the period).
        size: Comments in the period.
        previous_size: Comments in the previous period.
        growth: ``size / max(previous_size, 1)``.
        key_phrases: ``[(phrase, score)]`` by class-based TF-IDF.
        examples: Redacted example comments nearest the cluster centre.
        touchpoints: ``{touchpoint: count}`` in the period, largest first.
        feedback_ids: Ids of the period's comments in the cluster.
    """

    cluster: int
    size: int
    previous_size: int
    growth: float
    key_phrases: list[tuple[str, float]] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    touchpoints: dict[str, int] = field(default_factory=dict)
    feedback_ids: list[str] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class EmergingResult:
    """Clusters of candidates for one period.

    Attributes:
        period: The period analysed.
        candidates: Candidate comments in the period and the previous period.
        clusters: One row per cluster: ``cluster``, ``size``, ``previous_size``, ``growth``,
            ``emerging``.
        emerging: The emerging clusters, largest first.
        vectors: "embeddings" or "tfidf_svd".
    """

    period: Period
    candidates: int
    clusters: pd.DataFrame
    emerging: list[EmergingTopic]
    vectors: str


def candidate_mask(prepared: PreparedFrame, settings: EmergingSettings) -> np.ndarray:
    """Comments routed to the catch-all topic or flagged as low confidence."""
    import numpy as np

    mask = np.zeros(prepared.n_rows, dtype=bool)
    topic_ids = prepared.taxonomy.topic_ids
    if settings.catch_all_topic in topic_ids:
        code = topic_ids.index(settings.catch_all_topic)
        primary = prepared.mention_primary & (prepared.mention_topic == code)
        mask[prepared.mention_row[primary]] = True
    if settings.use_needs_review and prepared.needs_review is not None:
        mask |= prepared.needs_review
    elif prepared.topic_confidence is not None:
        with np.errstate(invalid="ignore"):
            mask |= prepared.topic_confidence < settings.confidence_threshold
    return mask


def _vectors(
    texts: list[str], embeddings: np.ndarray | None, settings: EmergingSettings
) -> np.ndarray:
    import numpy as np

    if embeddings is not None:
        vectors = np.asarray(embeddings, dtype="float64")
    else:
        from sklearn.decomposition import TruncatedSVD

        from journey.text import tfidf_matrix

        matrix = tfidf_matrix(texts, 2)
        if matrix is None:
            return np.zeros((len(texts), 1))
        # Latent semantic analysis needs far fewer dimensions than distinct texts to group
        # paraphrases: sqrt(distinct texts), capped by svd_components.
        distinct = len(set(texts))
        components = min(
            settings.svd_components, math.ceil(math.sqrt(distinct)), matrix.shape[1] - 1
        )
        if components < 2:
            vectors = matrix.toarray()
        else:
            svd = TruncatedSVD(n_components=components, random_state=settings.random_state)
            vectors = svd.fit_transform(matrix)
    # Centring removes the direction every comment shares (sentence encoders put all texts
    # in a narrow cone), so cosine geometry is comparable across encoders.
    vectors = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _cluster(vectors: np.ndarray, settings: EmergingSettings) -> np.ndarray:
    """Cluster labels (-1 = in no cluster) by average-linkage cosine clustering."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    n = len(vectors)
    rng = np.random.default_rng(settings.random_state)
    fit_rows = (
        np.sort(rng.choice(n, settings.max_points, replace=False))
        if n > settings.max_points
        else np.arange(n)
    )
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=settings.distance_threshold,
    ).fit(vectors[fit_rows])
    labels = np.full(n, -1, dtype=np.int64)
    labels[fit_rows] = model.labels_
    rest = np.setdiff1d(np.arange(n), fit_rows)
    if len(rest):
        # Candidates beyond the sample join the nearest cluster centre when close enough.
        n_labels = int(model.labels_.max()) + 1
        centres = np.zeros((n_labels, vectors.shape[1]))
        np.add.at(centres, model.labels_, vectors[fit_rows])
        centres /= np.maximum(np.linalg.norm(centres, axis=1, keepdims=True), 1e-12)
        similarity = vectors[rest] @ centres.T
        nearest = similarity.argmax(axis=1)
        close = 1.0 - similarity[np.arange(len(rest)), nearest] <= settings.distance_threshold
        labels[rest] = np.where(close, nearest, -1)
    return labels


def find_emerging(
    df: pd.DataFrame | PreparedFrame,
    period: str | Period,
    *,
    embeddings: np.ndarray | None = None,
    settings: EmergingSettings | None = None,
    taxonomy: Taxonomy | None = None,
) -> EmergingResult:
    """Cluster the catch-all and low-confidence comments and report the growing clusters.

    Args:
        df: Classified feedback or a prepared frame (needs ``text_redacted`` unless
            embeddings are given).
        period: The period ("2026-05", "2026-W19", "2026-Q2", a date range or a Period).
        embeddings: Optional ``(n_rows, dim)`` matrix aligned with the frame's rows.
        settings: Thresholds and seeds (defaults: :class:`EmergingSettings`).
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).

    Returns:
        The :class:`EmergingResult` (no clusters when there are fewer than ``min_size``
        candidates in the period).
    """
    import numpy as np
    import pandas as pd

    settings = settings or EmergingSettings()
    prepared = prepare(df, taxonomy)
    period = parse_period(period)
    texts_column = prepared.text("text_redacted")
    if embeddings is not None and len(embeddings) != prepared.n_rows:
        raise ValidationError(
            f"The embedding matrix has {len(embeddings)} rows but the frame has "
            f"{prepared.n_rows}; pass embeddings aligned with the frame's rows."
        )
    if embeddings is None and texts_column is None:
        raise ValidationError(
            "Emerging topics need either the 'text_redacted' column or an embedding matrix."
        )
    now, before = prepared.mask(period), prepared.mask(period.previous())
    candidates = candidate_mask(prepared, settings) & (now | before)
    rows = np.flatnonzero(candidates)
    columns = ["cluster", "size", "previous_size", "growth", "emerging"]
    source = "embeddings" if embeddings is not None else "tfidf_svd"
    if int(now[rows].sum()) < settings.min_size or len(rows) < 3:
        return EmergingResult(period, len(rows), pd.DataFrame(columns=columns), [], source)
    texts = (
        texts_column.iloc[rows].astype("str").fillna("").tolist()
        if texts_column is not None
        else [""] * len(rows)
    )
    vectors = _vectors(
        texts, None if embeddings is None else np.asarray(embeddings)[rows], settings
    )
    labels = _cluster(vectors, settings)
    in_now = now[rows]
    clustered = labels >= 0
    n_labels = int(labels.max()) + 1
    size = np.bincount(labels[in_now & clustered], minlength=n_labels)
    previous = np.bincount(labels[~in_now & clustered], minlength=n_labels)
    # Number clusters by period size (largest first), then by first member: stable ids.
    first_member = np.full(n_labels, len(rows))
    np.minimum.at(first_member, labels[clustered], np.flatnonzero(clustered))
    order = np.lexsort((first_member, -size))
    renumber = np.empty(n_labels, dtype=np.int64)
    renumber[order] = np.arange(n_labels)
    labels = np.where(clustered, renumber[np.maximum(labels, 0)], -1)
    size, previous = size[order], previous[order]
    growth = size / np.maximum(previous, 1)
    emerging_flag = (size >= settings.min_size) & (growth >= settings.min_growth)
    clusters = pd.DataFrame(
        {
            "cluster": np.arange(n_labels),
            "size": size,
            "previous_size": previous,
            "growth": growth,
            "emerging": emerging_flag,
        }
    )
    emerging_ids = [int(c) for c in np.flatnonzero(emerging_flag)]
    member_rows = [rows[(labels == c) & in_now] for c in emerging_ids]
    phrases: list[list[tuple[str, float]]] = [[] for _ in emerging_ids]
    if texts_column is not None and emerging_ids:
        background = np.flatnonzero(now & ~candidates)
        if len(background) > 5_000:
            rng = np.random.default_rng(settings.random_state)
            background = np.sort(rng.choice(background, 5_000, replace=False))
        docs = [texts_column.iloc[r].astype("str").fillna("").tolist() for r in member_rows]
        docs.append(texts_column.iloc[background].astype("str").fillna("").tolist())
        phrases = class_tfidf_phrases(
            docs, top_n=settings.n_phrases, score_classes=range(len(emerging_ids))
        )[: len(emerging_ids)]
    stage_ids = np.array(prepared.taxonomy.touchpoint_ids + ("",), dtype=object)
    ids = prepared.frame["feedback_id"].astype("str") if "feedback_id" in prepared.frame else None
    topics = []
    for position, cluster in enumerate(emerging_ids):
        members = member_rows[position]
        local = np.flatnonzero((labels == cluster) & in_now)
        closeness = typical_order([texts[i] for i in local], vectors[local])
        best = local[np.lexsort((members, -np.round(closeness, 9)))][: settings.n_examples]
        stages = pd.Series(stage_ids[prepared.touchpoint[members]]).value_counts()
        topics.append(
            EmergingTopic(
                cluster=cluster,
                size=int(size[cluster]),
                previous_size=int(previous[cluster]),
                growth=round(float(growth[cluster]), 4),
                key_phrases=phrases[position],
                examples=[texts[i] for i in best],
                touchpoints={str(k): int(v) for k, v in stages.items() if k},
                feedback_ids=[] if ids is None else ids.iloc[members].tolist(),
            )
        )
    return EmergingResult(period, len(rows), clusters, topics, source)

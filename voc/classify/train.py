"""Train feedback classifiers: supervised, few-shot or zero-shot, from one entry point.

:func:`train_classifier` picks the mode per task from the examples it gets:

- no examples for a task: **zero-shot**, label prototypes from the bilingual names and
  descriptions (E5 convention: comments as ``query:``, descriptions as ``passage:``);
- fewer than ``supervised_min`` examples per label: **few-shot**, prototypes that blend the
  example means with the descriptions;
- otherwise **supervised** heads (logistic regression; calibrated one-vs-rest for topics).
"""

from __future__ import annotations

import datetime as _dt
import platform
from dataclasses import dataclass

import numpy as np

from voc.classify.features import TextFeaturizer
from voc.classify.heads import MultiLabelHead, PrototypeHead, SingleLabelHead
from voc.classify.metrics import label_set_micro_f1, single_label_report
from voc.classify.model import CLASSIFIERS_DIR, FeedbackClassifier, available_versions
from voc.errors import ConfigError
from voc.taxonomy import Taxonomy

__all__ = ["TrainConfig", "evaluate_classifier", "label_passages", "train_classifier"]


@dataclass(frozen=True)
class TrainConfig:
    """Hyperparameters of a training run (all recorded in the model card)."""

    encoder: str = "e5-small"
    tfidf_weight: float = 0.0
    C_sentiment: float = 2.0
    C_topic: float = 4.0
    C_touchpoint: float = 2.0
    supervised_min: int = 20
    seed: int = 0


def label_passages(taxonomy: Taxonomy, kind: str) -> tuple[list[str], list[str]]:
    """Return (ids, texts) describing each label in both languages, for zero-shot prototypes."""
    if kind == "topic":
        items = taxonomy.topics
    elif kind == "touchpoint":
        items = taxonomy.touchpoints
    else:
        raise ConfigError(f"kind must be 'topic' or 'touchpoint', got {kind!r}.")
    ids = [item.id for item in items]
    texts = [f"{item.name_en}: {item.about_en}. {item.name_id}: {item.about_id}" for item in items]
    return ids, texts


def _sentiment_passages(taxonomy: Taxonomy) -> list[str]:
    return [s.replace("_", " ") for s in taxonomy.sentiment]


def _library_versions() -> dict:
    import importlib.metadata as md

    out = {"python": platform.python_version()}
    for name in ("scikit-learn", "numpy", "sentence-transformers", "torch", "onnxruntime"):
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return out


def _counts(labels) -> dict:
    values, counts = np.unique(np.asarray(labels, dtype=object).astype(str), return_counts=True)
    return dict(zip(values.tolist(), counts.tolist(), strict=True))


def _fit_single(
    X_emb,
    X_feat,
    labels,
    ids: list[str],
    passage_emb,
    C: float,
    cfg: TrainConfig,
):
    """Fit a single-label head, choosing the mode by examples per label."""
    if labels is None or len(labels) == 0:
        if passage_emb is None:
            raise ConfigError("Zero-shot needs label descriptions.")
        empty = np.zeros((0, passage_emb.shape[1]), np.float32)
        head = PrototypeHead().fit(empty, [], label_embeddings=passage_emb, labels=ids)
        return head, "zero-shot"
    counts = _counts(labels)
    if min(counts.get(i, 0) for i in ids) < cfg.supervised_min or len(counts) < 2:
        head = PrototypeHead(description_weight=0.3 if passage_emb is not None else 0.0)
        return head.fit(X_emb, labels, label_embeddings=passage_emb, labels=ids), "few-shot"
    return SingleLabelHead(C=C, random_state=cfg.seed).fit(X_feat, labels), "supervised"


def train_classifier(
    taxonomy: Taxonomy,
    examples=None,
    *,
    config: TrainConfig | None = None,
    version: str | None = None,
    sentiment_head=None,
    sentiment_extra=None,
    show_progress: bool = False,
) -> FeedbackClassifier:
    """Train a classifier for ``taxonomy``.

    Args:
        taxonomy: Label ids and descriptions.
        examples: DataFrame with ``text`` and any of ``topics``/``topic``, ``touchpoint``,
            ``sentiment`` (empty or ``None`` for zero-shot).
        config: Hyperparameters.
        version: Version name for the card (default: the next free ``vN``).
        sentiment_head: A fitted sentiment head to reuse when ``examples`` has no
            sentiment column (e.g. the shipped one for a custom taxonomy).
        sentiment_extra: DataFrame with ``text`` and ``sentiment``: more rows for the
            sentiment head only (the general-domain supplement); used when the sentiment
            head is supervised.
        show_progress: Progress bar while embedding.
    """
    import pandas as pd

    cfg = config or TrainConfig()
    examples = examples if examples is not None else pd.DataFrame({"text": []})
    if "text" not in examples.columns:
        raise ConfigError(
            f"The examples need a 'text' column; found: {', '.join(examples.columns)}."
        )
    if "topics" not in examples.columns and "topic" in examples.columns:
        examples = examples.assign(topics=examples["topic"])
    texts = examples["text"].astype(str).tolist()
    featurizer = TextFeaturizer(encoder=cfg.encoder, kind="query", tfidf_weight=cfg.tfidf_weight)
    featurizer.fit(texts if texts else ["."])
    X_emb = featurizer.embed(texts, show_progress=show_progress) if texts else None
    X_feat = featurizer.transform(texts, embeddings=X_emb) if texts else None

    from voc.classify.features import get_encoder

    encoder = get_encoder(cfg.encoder)
    modes = {}

    def passages(kind):
        ids, txt = label_passages(taxonomy, kind)
        return ids, encoder.encode(txt, kind="passage")

    # touchpoint
    tp_ids, tp_emb = passages("touchpoint")
    tp_labels = examples["touchpoint"].tolist() if "touchpoint" in examples.columns else None
    touchpoint_head, modes["touchpoint"] = _fit_single(
        X_emb, X_feat, tp_labels, tp_ids, tp_emb, cfg.C_touchpoint, cfg
    )
    # topics
    topic_ids, topic_emb = passages("topic")
    if "topics" in examples.columns and len(examples):
        sets = [str(s).split("|") for s in examples["topics"]]
        primary = [s[0] for s in sets]
        counts = _counts(primary)
        if min(counts.get(i, 0) for i in topic_ids) >= cfg.supervised_min:
            topic_head = MultiLabelHead(C=cfg.C_topic, random_state=cfg.seed).fit(
                X_feat, sets, labels=topic_ids
            )
            modes["topic"] = "supervised"
        else:
            topic_head = PrototypeHead().fit(
                X_emb, primary, label_embeddings=topic_emb, labels=topic_ids
            )
            modes["topic"] = "few-shot"
    else:
        topic_head = PrototypeHead().fit(
            np.zeros((0, encoder.dim), np.float32), [], label_embeddings=topic_emb, labels=topic_ids
        )
        modes["topic"] = "zero-shot"
    # sentiment
    n_extra = 0
    if "sentiment" in examples.columns and len(examples):
        sent_emb = encoder.encode(_sentiment_passages(taxonomy), kind="passage")
        sent_labels = examples["sentiment"].tolist()
        sent_X_emb, sent_X_feat = X_emb, X_feat
        if sentiment_extra is not None and len(sentiment_extra):
            unknown = sorted(set(sentiment_extra["sentiment"]) - set(taxonomy.sentiment))
            if unknown:
                raise ConfigError(
                    f"sentiment_extra has label(s) {', '.join(unknown)} outside the taxonomy "
                    f"({', '.join(taxonomy.sentiment)})."
                )
            extra_texts = sentiment_extra["text"].astype(str).tolist()
            extra_emb = featurizer.embed(extra_texts, show_progress=show_progress)
            sent_X_emb = np.vstack([X_emb, extra_emb])
            sent_X_feat = _stack_rows(X_feat, featurizer.transform(extra_texts, extra_emb))
            sent_labels = sent_labels + sentiment_extra["sentiment"].tolist()
            n_extra = len(extra_texts)
        sentiment_head, modes["sentiment"] = _fit_single(
            sent_X_emb,
            sent_X_feat,
            sent_labels,
            list(taxonomy.sentiment),
            sent_emb,
            cfg.C_sentiment,
            cfg,
        )
    elif sentiment_head is not None:
        modes["sentiment"] = "reused"
    else:
        sent_emb = encoder.encode(_sentiment_passages(taxonomy), kind="passage")
        sentiment_head = PrototypeHead().fit(
            np.zeros((0, encoder.dim), np.float32),
            [],
            label_embeddings=sent_emb,
            labels=list(taxonomy.sentiment),
        )
        modes["sentiment"] = "zero-shot"

    version = version or f"v{len(available_versions(taxonomy.name)) + 1}"
    overall = (
        "supervised"
        if all(m in ("supervised", "reused") for m in modes.values())
        else (
            "zero-shot" if all(m in ("zero-shot", "reused") for m in modes.values()) else "few-shot"
        )
    )
    model = FeedbackClassifier(
        featurizer=featurizer,
        sentiment_head=_wrap_for_features(sentiment_head, featurizer),
        topic_head=_wrap_for_features(topic_head, featurizer),
        touchpoint_head=_wrap_for_features(touchpoint_head, featurizer),
        taxonomy_name=taxonomy.name,
        taxonomy_sha256=taxonomy.sha256,
        sentiment_order=tuple(taxonomy.sentiment),
        version=version,
        mode=overall,
    )
    model.card = {
        "modes": modes,
        "config": cfg.__dict__,
        "encoder_id": getattr(encoder, "name", cfg.encoder),
        "taxonomy_version": taxonomy.version,
        "library_versions": _library_versions(),
        "trained_on": _dt.date.today().isoformat(),
        "n_examples": len(examples),
        "n_sentiment_extra": n_extra,
    }
    return model


def _stack_rows(a, b):
    """Stack two feature matrices of the same kind (dense or sparse) row-wise."""
    import scipy.sparse as sp

    if sp.issparse(a) or sp.issparse(b):
        return sp.vstack([sp.csr_matrix(a), sp.csr_matrix(b)], format="csr")
    return np.vstack([a, b])


def _wrap_for_features(head, featurizer):
    """Prototype heads read only the embedding block of a joined feature matrix."""
    if isinstance(head, PrototypeHead) and featurizer.tfidf_weight > 0:
        return _EmbeddingBlockHead(head)
    return head


class _EmbeddingBlockHead:
    """Adapter: slice the dense embedding block out of a joined sparse feature matrix."""

    def __init__(self, head):
        self.head = head

    @property
    def classes_(self):
        return self.head.classes_

    def _emb(self, X):
        dim = self.head.prototypes_.shape[1]
        block = X[:, :dim]
        return block.toarray() if hasattr(block, "toarray") else block

    def predict_proba(self, X):
        return self.head.predict_proba(self._emb(X))

    def predict(self, X):
        return self.head.predict(self._emb(X))


def evaluate_classifier(model: FeedbackClassifier, frame, *, show_progress: bool = False) -> dict:
    """Metrics of ``model`` on a labelled frame, per task, per label and per language."""
    texts = frame["text"].astype(str).tolist()
    pred = model.predict(texts, aspects=False, show_progress=show_progress)
    groups = frame["lang"].tolist() if "lang" in frame.columns else None
    out = {}
    if "sentiment" in frame.columns:
        out["sentiment"] = single_label_report(frame["sentiment"], pred["sentiment"], groups=groups)
    if "touchpoint" in frame.columns:
        out["touchpoint"] = single_label_report(
            frame["touchpoint"], pred["touchpoint"], groups=groups
        )
    if "topics" in frame.columns:
        gold_sets = [str(s).split("|") for s in frame["topics"]]
        out["topic"] = single_label_report([g[0] for g in gold_sets], pred["topic"], groups=groups)
        pred_sets = [s.split("|") for s in pred["topics"]]
        out["topic"]["set_micro_f1"] = label_set_micro_f1(gold_sets, pred_sets)
        if groups is not None:
            for g in sorted(set(groups)):
                idx = [i for i, x in enumerate(groups) if x == g]
                out["topic"]["per_group"][g]["set_micro_f1"] = label_set_micro_f1(
                    [gold_sets[i] for i in idx], [pred_sets[i] for i in idx]
                )
    return out


def default_output_dir(taxonomy: Taxonomy, version: str):
    """``models/classifiers/<taxonomy>/<version>``."""
    return CLASSIFIERS_DIR / taxonomy.name / version

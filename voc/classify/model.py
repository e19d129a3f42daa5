"""The feedback classifier: featurizer + sentiment, topic and touchpoint heads, with a card.

A :class:`FeedbackClassifier` is saved as ``model.joblib`` plus ``model_card.json`` under
``models/classifiers/<taxonomy>/<version>/``. Loading checks the card against the taxonomy
and the encoder in use and refuses a mismatch.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from voc.errors import ConfigError, ModelCardMismatchError, ModelNotPreparedError
from voc.taxonomy import Taxonomy

__all__ = [
    "CLASSIFIERS_DIR",
    "FeedbackClassifier",
    "REVIEW_ENV",
    "ReviewThresholds",
    "PREDICTION_COLUMNS",
    "available_versions",
    "model_version_of",
    "load_classifier",
]

CLASSIFIERS_DIR = Path(__file__).resolve().parents[2] / "models" / "classifiers"
PREDICTION_COLUMNS = (
    "sentiment",
    "sentiment_score",
    "topic",
    "topics",
    "topic_confidence",
    "touchpoint",
    "touchpoint_confidence",
    "aspects",
    "needs_review",
    "model_version",
)


#: Environment variable overriding the review thresholds of every loaded classifier, e.g.
#: ``topic=0.5,touchpoint=0.45`` (set it on Dask workers too; ``voc classify
#: --review-thresholds`` sets it for its own run).
REVIEW_ENV = "VOC_REVIEW_THRESHOLDS"


@dataclass(frozen=True)
class ReviewThresholds:
    """A comment needs review when any confidence falls under its threshold."""

    sentiment: float = 0.5
    topic: float = 0.35
    touchpoint: float = 0.4

    @classmethod
    def parse(cls, spec: str, base: ReviewThresholds | None = None) -> ReviewThresholds:
        """Read ``"topic=0.5,sentiment=0.6"``; tasks not named keep ``base``'s value.

        Raises:
            ConfigError: An unknown task, a missing ``=`` or a value outside [0, 1].
        """
        values = dict((base or cls()).__dict__)
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            task, sep, value = (x.strip() for x in part.partition("="))
            if not sep or task not in values:
                raise ConfigError(
                    f"Review threshold {part!r} is not TASK=VALUE with TASK one of "
                    f"{', '.join(values)} (e.g. topic=0.5,touchpoint=0.45)."
                )
            try:
                number = float(value)
            except ValueError:
                number = -1.0
            if not 0.0 <= number <= 1.0:
                raise ConfigError(
                    f"Review threshold for {task} must be a number from 0 to 1, not {value!r}."
                )
            values[task] = number
        return cls(**values)


@dataclass
class FeedbackClassifier:
    """Bundle of a featurizer and three heads, plus what the card needs.

    Attributes:
        featurizer: A fitted :class:`voc.classify.features.TextFeaturizer`.
        sentiment_head: Head over the sentiment ids (most negative first).
        topic_head: A multi-label head (``sets_from_proba``) or a single-label head.
        touchpoint_head: Head over touchpoint ids.
        taxonomy_name: Taxonomy the labels come from.
        taxonomy_sha256: Hash of that taxonomy (checked on load).
        sentiment_order: Sentiment ids from most negative to most positive (the score is
            P(last) - P(first)).
        version: Model version, e.g. "v1".
        mode: "supervised", "few-shot" or "zero-shot".
        card: Extra card fields (metrics, data hash, library versions...).
    """

    featurizer: object
    sentiment_head: object
    topic_head: object
    touchpoint_head: object
    taxonomy_name: str
    taxonomy_sha256: str
    sentiment_order: tuple[str, ...] = ()
    version: str = "v1"
    mode: str = "supervised"
    review: ReviewThresholds = field(default_factory=ReviewThresholds)
    card: dict = field(default_factory=dict)

    @property
    def model_version(self) -> str:
        """``<taxonomy>/<version>+r<text revision>``, stored with every prediction.

        The heads' folder (``default/v1``) and the revision of the text rules applied before
        them (:data:`voc.classify.features.TEXT_REVISION`): the same heads under other rules
        give other predictions. Predictions stored before the revision was recorded carry
        ``default/v1`` alone (revision 1).
        """
        return model_version_of(self.taxonomy_name, self.version)

    # -- prediction -----------------------------------------------------------------
    def _heads(self, X):
        sent_proba = self.sentiment_head.predict_proba(X)
        topic_proba = self.topic_head.predict_proba(X)
        tp_proba = self.touchpoint_head.predict_proba(X)
        return sent_proba, topic_proba, tp_proba

    def _topic_sets(self, topic_proba: np.ndarray) -> list[list[str]]:
        if hasattr(self.topic_head, "sets_from_proba"):
            return self.topic_head.sets_from_proba(topic_proba)
        classes = self.topic_head.classes_
        return [[str(classes[i])] for i in np.argmax(topic_proba, axis=1)]

    def _sentiment_score(self, sent_proba: np.ndarray) -> np.ndarray:
        classes = list(self.sentiment_head.classes_)
        order = list(self.sentiment_order) or classes
        neg, pos = order[0], order[-1]
        return sent_proba[:, classes.index(pos)] - sent_proba[:, classes.index(neg)]

    def predict(
        self,
        texts: Sequence[str],
        *,
        embeddings: np.ndarray | None = None,
        aspects: bool = True,
        show_progress: bool = False,
    ):
        """Classify ``texts`` and return a DataFrame with :data:`PREDICTION_COLUMNS`.

        Args:
            texts: Redacted comment texts.
            embeddings: Precomputed embeddings aligned with ``texts``, of
                :func:`~voc.classify.features.model_text` of each (skips the encoder).
            aspects: Compute aspect-level sentiment (clause split) as well.
            show_progress: Show a progress bar while embedding.
        """
        import pandas as pd

        from voc.classify.features import model_text

        texts = [t if isinstance(t, str) else "" for t in texts]
        inputs = [model_text(t) for t in texts]
        if embeddings is None:
            embeddings = self.featurizer.embed(inputs, show_progress=show_progress)
        X = self.featurizer.transform(inputs, embeddings=embeddings)
        sent_proba, topic_proba, tp_proba = self._heads(X)
        sent_classes = self.sentiment_head.classes_
        tp_classes = self.touchpoint_head.classes_
        sentiment = sent_classes[np.argmax(sent_proba, axis=1)]
        sent_conf = sent_proba.max(axis=1)
        topic_sets = self._topic_sets(topic_proba)
        topic_conf = topic_proba.max(axis=1)
        touchpoint = tp_classes[np.argmax(tp_proba, axis=1)]
        tp_conf = tp_proba.max(axis=1)
        r = self.review
        needs_review = (sent_conf < r.sentiment) | (topic_conf < r.topic) | (tp_conf < r.touchpoint)
        frame = pd.DataFrame(
            {
                "sentiment": sentiment.astype(str),
                "sentiment_score": np.round(self._sentiment_score(sent_proba), 4),
                "topic": [s[0] for s in topic_sets],
                "topics": ["|".join(s) for s in topic_sets],
                "topic_confidence": np.round(topic_conf, 4),
                "touchpoint": touchpoint.astype(str),
                "touchpoint_confidence": np.round(tp_conf, 4),
                "needs_review": needs_review,
                "model_version": self.model_version,
            }
        )
        if aspects:
            frame["aspects"] = self._aspects(texts, topic_sets, list(frame["sentiment"]))
        else:
            frame["aspects"] = "[]"
        return frame[list(PREDICTION_COLUMNS)]

    def _aspects(
        self, texts: list[str], topic_sets: list[list[str]], sentiments: list[str]
    ) -> list[str]:
        from voc.classify.aspects import split_clauses

        clause_rows: list[tuple[int, str]] = []
        per_text: list[list[str]] = []
        for i, text in enumerate(texts):
            clauses = split_clauses(text)
            per_text.append(clauses)
            if len(clauses) > 1:
                clause_rows.extend((i, c) for c in clauses)
        results: list[list[dict]] = [
            [
                {"topic": t, "sentiment": sentiments[i], "text": texts[i].strip()}
                for t in topic_sets[i]
            ]
            if len(per_text[i]) <= 1
            else []
            for i in range(len(texts))
        ]
        if clause_rows:
            from voc.classify.features import model_text

            Xc = self.featurizer.transform([model_text(c) for _, c in clause_rows])
            sent_p, topic_p, _ = self._heads(Xc)
            sent_c = self.sentiment_head.classes_[np.argmax(sent_p, axis=1)]
            sets_c = self._topic_sets(topic_p)
            for (i, clause), sent, topics in zip(clause_rows, sent_c, sets_c, strict=True):
                seen = {a["topic"] for a in results[i]}
                primary = topics[0]
                if primary not in seen:
                    results[i].append({"topic": primary, "sentiment": str(sent), "text": clause})
        return [json.dumps(r, ensure_ascii=False) for r in results]

    # -- persistence ----------------------------------------------------------------
    def save(self, directory: str | Path) -> Path:
        """Write ``model.joblib`` and ``model_card.json`` into ``directory``."""
        import joblib

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        joblib.dump(self, directory / "model.joblib", compress=3)
        card = dict(self.card)
        card.update(
            {
                "model_version": self.model_version,
                "taxonomy": self.taxonomy_name,
                "taxonomy_sha256": self.taxonomy_sha256,
                "version": self.version,
                "mode": self.mode,
                "encoder": self.featurizer.encoder,
                "labels": {
                    "sentiment": [str(c) for c in self.sentiment_head.classes_],
                    "topic": [str(c) for c in self.topic_head.classes_],
                    "touchpoint": [str(c) for c in self.touchpoint_head.classes_],
                },
                "review_thresholds": self.review.__dict__,
            }
        )
        (directory / "model_card.json").write_text(
            json.dumps(card, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
        return directory


def model_version_of(taxonomy_name: str, version: str) -> str:
    """The model version predictions of these heads carry: ``default/v1+r2``.

    See :attr:`FeedbackClassifier.model_version`; needs no loaded model.
    """
    from voc.classify.features import TEXT_REVISION

    return f"{taxonomy_name}/{version}+r{TEXT_REVISION}"


def available_versions(taxonomy_name: str, root: Path | None = None) -> list[str]:
    """Versions saved for ``taxonomy_name``, oldest first ("v1", "v2", ...)."""
    base = (root or CLASSIFIERS_DIR) / taxonomy_name
    if not base.is_dir():
        return []
    found = [p.name for p in base.iterdir() if (p / "model_card.json").exists()]
    return sorted(found, key=lambda v: (len(v), v))


def load_classifier(
    taxonomy: Taxonomy | None = None,
    version: str | None = None,
    *,
    root: Path | None = None,
    encoder: str | None = None,
) -> FeedbackClassifier:
    """Load saved heads and check their card.

    Args:
        taxonomy: The taxonomy in use (default taxonomy when ``None``).
        version: A version directory name; the newest when ``None``.
        root: Base directory (default ``models/classifiers``).
        encoder: Encoder the caller intends to use; refused when it differs from the card.

    Raises:
        ModelNotPreparedError: No saved model exists for the taxonomy/version.
        ModelCardMismatchError: The card's taxonomy hash or encoder differs.
    """
    import joblib

    from voc.taxonomy import default_taxonomy

    taxonomy = taxonomy or default_taxonomy()
    versions = available_versions(taxonomy.name, root)
    if not versions:
        raise ModelNotPreparedError(
            f"No trained classifier for taxonomy '{taxonomy.name}' under "
            f"{(root or CLASSIFIERS_DIR) / taxonomy.name}.",
            hint=f"Train one with: voc train --taxonomy {taxonomy.source or 'T.yaml'}",
        )
    version = version or versions[-1]
    if version not in versions:
        raise ModelNotPreparedError(
            f"Classifier version '{version}' of taxonomy '{taxonomy.name}' does not exist; "
            f"available: {', '.join(versions)}."
        )
    directory = (root or CLASSIFIERS_DIR) / taxonomy.name / version
    card = json.loads((directory / "model_card.json").read_text())
    if card.get("taxonomy_sha256") != taxonomy.sha256:
        raise ModelCardMismatchError(
            f"Classifier {directory} was trained on a different version of taxonomy "
            f"'{taxonomy.name}' (card hash {card.get('taxonomy_sha256', '?')[:12]}, "
            f"file {taxonomy.source} hash {taxonomy.sha256[:12]}).",
            hint=f"Retrain with: voc train --taxonomy {taxonomy.source}",
        )
    if encoder is not None and card.get("encoder") != encoder:
        raise ModelCardMismatchError(
            f"Classifier {directory} was trained on encoder '{card.get('encoder')}', "
            f"not '{encoder}'. Heads only work with the encoder they were trained on.",
            hint="Use the card's encoder or retrain with the one you want.",
        )
    model = joblib.load(directory / "model.joblib")
    if not isinstance(model, FeedbackClassifier):
        raise ConfigError(f"{directory / 'model.joblib'} does not hold a FeedbackClassifier.")
    model.card = card
    spec = os.environ.get(REVIEW_ENV, "").strip()
    if spec:
        model.review = ReviewThresholds.parse(spec, model.review)
    return model

"""Turn texts into the feature matrix the heads read: embeddings, optionally + char n-grams."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from voc.errors import ConfigError, NotFittedError

__all__ = ["TextFeaturizer", "get_encoder"]

_ENCODERS: dict[str, object] = {}


def get_encoder(name: str):
    """Return a process-wide encoder instance for ``name`` (loaded once)."""
    if name not in _ENCODERS:
        from voc.embed import load_encoder

        _ENCODERS[name] = load_encoder(name)
    return _ENCODERS[name]


class TextFeaturizer(TransformerMixin, BaseEstimator):
    """Texts -> features: sentence embeddings joined with weighted char n-gram TF-IDF.

    The encoder itself is not part of the pickled state: only its name is stored, and
    the model card records it so a mismatching encoder is refused at load time.

    Args:
        encoder: Encoder name for :func:`voc.embed.load_encoder`.
        kind: E5 prefix used for the texts ("query" or "passage").
        tfidf_weight: Weight of the TF-IDF block; 0 disables it (embeddings only).
        ngram_range: Character n-gram range (``char_wb`` analyser).
        max_features: Vocabulary cap of the TF-IDF block.
    """

    def __init__(
        self,
        encoder: str = "e5-small",
        kind: str = "query",
        tfidf_weight: float = 0.0,
        ngram_range: tuple[int, int] = (2, 5),
        max_features: int = 60_000,
    ) -> None:
        self.encoder = encoder
        self.kind = kind
        self.tfidf_weight = tfidf_weight
        self.ngram_range = ngram_range
        self.max_features = max_features

    def embed(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """Embed ``texts`` with the configured encoder (cached on disk by the encoder)."""
        if self.kind not in ("query", "passage"):
            raise ConfigError(f"kind must be 'query' or 'passage', got {self.kind!r}.")
        enc = get_encoder(self.encoder)
        return enc.encode(list(texts), kind=self.kind, show_progress=show_progress)

    def fit(self, texts: Sequence[str], y=None):
        """Fit the TF-IDF vocabulary (when enabled)."""
        if self.tfidf_weight > 0:
            from sklearn.feature_extraction.text import TfidfVectorizer

            self.tfidf_ = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=tuple(self.ngram_range),
                max_features=self.max_features,
                sublinear_tf=True,
                lowercase=True,
                dtype=np.float32,
            ).fit(list(texts))
        else:
            self.tfidf_ = None
        return self

    def transform(self, texts: Sequence[str], embeddings: np.ndarray | None = None):
        """Return the feature matrix; pass ``embeddings`` to reuse precomputed ones."""
        if not hasattr(self, "tfidf_"):
            raise NotFittedError("TextFeaturizer is not fitted yet; call fit(texts) first.")
        texts = list(texts)
        emb = self.embed(texts) if embeddings is None else np.asarray(embeddings, np.float32)
        if len(emb) != len(texts):
            raise ConfigError(f"Got {len(emb)} embeddings for {len(texts)} texts.")
        if self.tfidf_ is None:
            return emb
        import scipy.sparse as sp

        sparse = self.tfidf_.transform(texts) * self.tfidf_weight
        return sp.hstack([sp.csr_matrix(emb), sparse], format="csr")

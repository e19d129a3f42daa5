"""Turn texts into the feature matrix the heads read: embeddings, optionally + char n-grams."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from voc.errors import ConfigError, NotFittedError

__all__ = ["TEXT_REVISION", "CharNgramCounter", "TextFeaturizer", "get_encoder", "model_text"]

_ENCODERS: dict[str, object] = {}
# A word of two letters or more; not the type inside a placeholder such as [NAME].
_WORD = re.compile(r"(?<!\[)\b[^\W\d_]{2,}\b(?!\])")
# A letter written three times or more in a row ("lamaaa", "pleaseee", "GOOOOD").
_STRETCHED = re.compile(r"([^\W\d_])\1{2,}")
# The same words when written in ASCII capitals (the common case, found without a callback
# per word); a text with a letter outside ASCII goes through the general pass.
_ASCII_CAPITAL_WORD = re.compile(r"(?<!\[)\b[A-Z]{2,}\b(?!\])")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
# Cheap tests before the passes: two ASCII capitals in a row; any character three times.
_ASCII_CAPITALS = re.compile(r"[A-Z]{2}")
_TRIPLE = re.compile(r"(\w)\1\1")


def _lower(match: re.Match) -> str:
    return match.group(0).lower()


def _lower_if_capitals(match: re.Match) -> str:
    word = match.group(0)
    return word.lower() if word.isupper() else word


#: Revision of what the classifier does to a text before its heads see it (:func:`model_text`).
#: Revision 1 read texts as written; revision 2 (2026-11-28) lower-cases shouted words and
#: writes stretched letters once. Predictions carry it in their model version
#: (``default/v1+r2``), so a store can tell which predictions an older revision made and
#: ``voc reclassify`` re-does them. Raise it whenever a change here changes predictions.
TEXT_REVISION = 2


@functools.lru_cache(maxsize=16_384)  # the pipeline's embedding pass, then predict: one work
def model_text(text: str) -> str:
    """The text as the classifier's features read it: no shouting, no stretched letters.

    Customers shout ("PESANAN TERLAMBAT PARAH", "paket TELAT BANGET"), and the encoder
    reads capitals as other tokens: on the corpus's internal test split written in capitals,
    primary-topic accuracy fell from 0.744 to 0.663, touchpoint from 0.757 to 0.669 and
    sentiment from 0.923 to 0.849 (docs/CLASSIFY.md). Every word of two letters or more in
    capitals is lower-cased (``OTP`` too: lower-casing such words cost nothing measurable);
    placeholders (``[NAME]``) and mixed-case words stay as they are. They also stretch
    words ("lamaaa bangettt"), which cost about two points: a letter written three times or
    more in a row is written once (no Indonesian or English word has three in a row).
    """
    if not text:
        return text
    if not text.isascii() and _NON_ASCII_LETTER.search(text):
        text = _WORD.sub(_lower_if_capitals, text)
    elif _ASCII_CAPITALS.search(text):
        text = _ASCII_CAPITAL_WORD.sub(_lower, text)
    return _STRETCHED.sub(r"\1", text) if _TRIPLE.search(text) else text


def get_encoder(name: str):
    """Return a process-wide encoder instance for ``name`` (loaded once)."""
    if name not in _ENCODERS:
        from voc.embed import load_encoder

        _ENCODERS[name] = load_encoder(name)
    return _ENCODERS[name]


class CharNgramCounter:
    """The counts of a fitted ``char_wb`` vectorizer, with each word's n-gram ids cached.

    ``char_wb`` n-grams never cross a word boundary, so a text's counts are the sum of its
    words' counts. Customer comments repeat the same few thousand words, so caching the
    in-vocabulary n-gram ids per word replaces most of scikit-learn's per-n-gram dictionary
    lookups with one lookup per word. The result equals
    ``CountVectorizer.transform`` exactly (a test checks the matrices are identical).

    Args:
        vectorizer: A fitted ``CountVectorizer``/``TfidfVectorizer`` with
            ``analyzer="char_wb"``.
        max_words: Cache size; the cache is emptied when it grows past this.
    """

    def __init__(self, vectorizer, max_words: int = 200_000) -> None:
        if vectorizer.analyzer != "char_wb":
            raise ConfigError(
                f"CharNgramCounter needs analyzer='char_wb', got {vectorizer.analyzer!r}."
            )
        self.vocabulary = vectorizer.vocabulary_
        self.min_n, self.max_n = vectorizer.ngram_range
        self.preprocess = vectorizer.build_preprocessor()
        self.white_spaces = vectorizer._white_spaces
        self.dtype = vectorizer.dtype
        self.max_words = max_words
        self.words: dict[str, tuple[int, ...]] = {}

    def _word_ids(self, word: str) -> tuple[int, ...]:
        # The n-grams scikit-learn's _char_wb_ngrams yields for one word, in-vocabulary only.
        vocabulary = self.vocabulary
        w = " " + word + " "
        w_len = len(w)
        ids = []
        for n in range(self.min_n, self.max_n + 1):
            if w_len <= n:  # a short word counts once, whole
                if (i := vocabulary.get(w)) is not None:
                    ids.append(i)
                break
            for offset in range(w_len - n + 1):
                if (i := vocabulary.get(w[offset : offset + n])) is not None:
                    ids.append(i)
        return tuple(ids)

    def transform(self, texts: Sequence[str]):
        """Document-term count matrix (CSR, sorted indices) for ``texts``."""
        import scipy.sparse as sp

        words = self.words
        if len(words) > self.max_words:
            words.clear()
        indices: list[int] = []
        indptr = [0]
        for text in texts:
            text = self.white_spaces.sub(" ", self.preprocess(text))
            for word in text.split():
                ids = words.get(word)
                if ids is None:
                    ids = words[word] = self._word_ids(word)
                indices.extend(ids)
            indptr.append(len(indices))
        counts = sp.csr_matrix(
            (
                np.ones(len(indices), dtype=self.dtype),
                np.asarray(indices, dtype=np.int32),
                np.asarray(indptr, dtype=np.int32),
            ),
            shape=(len(indptr) - 1, len(self.vocabulary)),
        )
        counts.sum_duplicates()
        return counts


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

        counter = getattr(self, "_counter", None)
        if counter is None or counter.vocabulary is not self.tfidf_.vocabulary_:
            counter = self._counter = CharNgramCounter(self.tfidf_)
        sparse = self.tfidf_._tfidf.transform(counter.transform(texts), copy=False)
        sparse = sparse * self.tfidf_weight
        return sp.hstack([sp.csr_matrix(emb), sparse], format="csr")

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_counter", None)  # a runtime cache, rebuilt on first use
        return state

"""Text helpers for evidence: tokens, stop words, class-based TF-IDF key phrases, typical texts.

Key phrases are 1-3-grams scored by class-based TF-IDF (each class -- an issue, a cluster --
is one "document"): ``score(t, c) = tf(t, c) x log(1 + A / f(t))`` with ``tf`` the term's
frequency within the class divided by the class's term count, ``A`` the mean term count per
class and ``f(t)`` the term's frequency over all classes. An n-gram may not start or end with
a stop word (Indonesian and English lists in ``journey/data/``; negations are kept), and
redaction placeholders such as ``[PHONE]`` never become phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "STOPWORD_FILES",
    "stop_words",
    "tokenize",
    "ngrams",
    "count_matrix",
    "tfidf_matrix",
    "class_tfidf_phrases",
    "typical_order",
]

_DATA = Path(__file__).resolve().parent / "data"
#: Stop-word files by language.
STOPWORD_FILES = {"id": _DATA / "stopwords_id.txt", "en": _DATA / "stopwords_en.txt"}
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@cache
def stop_words(lang: str | None = None) -> frozenset[str]:
    """Stop words of one language ("id", "en") or of both (``None``)."""
    langs = STOPWORD_FILES if lang is None else {lang: STOPWORD_FILES[lang]}
    words: set[str] = set()
    for path in langs.values():
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().lower()
            if word and not word.startswith("#"):
                words.add(word)
    return frozenset(words)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, placeholders and pure numbers removed."""
    if not isinstance(text, str):
        return []
    text = _PLACEHOLDER.sub(" ", text)
    return [t for t in _TOKEN.findall(text.lower()) if not t.isdigit()]


def ngrams(tokens: Sequence[str], max_n: int = 3, stop: frozenset[str] | None = None) -> list[str]:
    """1..max_n-grams whose first and last tokens are not stop words (single letters dropped)."""
    stop = stop_words() if stop is None else stop
    out = []
    for n in range(1, max_n + 1):
        for i in range(len(tokens) - n + 1):
            first, last = tokens[i], tokens[i + n - 1]
            if first in stop or last in stop or len(first) < 2 or len(last) < 2:
                continue
            out.append(" ".join(tokens[i : i + n]))
    return out


def _analyzer(max_n: int):
    stop = stop_words()

    def analyze(text: str) -> list[str]:
        return ngrams(tokenize(text), max_n, stop)

    return analyze


def count_matrix(docs: Sequence[str], max_n: int = 3):
    """Sparse document x phrase count matrix and its vocabulary (phrases in first-seen order).

    Same tokens and stop-word rule as :func:`ngrams`; written with ``collections.Counter``
    and scipy.sparse so evidence does not pay scikit-learn's import time.
    """
    from collections import Counter

    import numpy as np
    from scipy import sparse

    analyze = _analyzer(max_n)
    vocabulary: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for doc in docs:
        for term, count in Counter(analyze(doc)).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            data.append(count)
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.array(data, dtype="float64"), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(len(docs), len(vocabulary)),
    )
    return matrix, np.array(list(vocabulary), dtype=object)


def tfidf_matrix(docs: Sequence[str], max_n: int = 2):
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) of ``docs``; ``None`` if empty."""
    import numpy as np
    from scipy import sparse

    counts, _ = count_matrix(docs, max_n)
    if counts.shape[1] == 0:
        return None
    n_docs = counts.shape[0]
    doc_freq = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1.0 + n_docs) / (1.0 + doc_freq)) + 1.0
    weighted = counts.copy()
    weighted.data = (1.0 + np.log(weighted.data)) * idf[weighted.indices]
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    return sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ weighted


def class_tfidf_phrases(
    class_docs: Sequence[Sequence[str]],
    *,
    top_n: int = 8,
    max_n: int = 3,
    min_docs: int = 2,
    score_classes: Iterable[int] | None = None,
) -> list[list[tuple[str, float]]]:
    """Top key phrases per class by class-based TF-IDF.

    Args:
        class_docs: For each class, its documents (texts). Include a background class (the
            rest of the period) so phrases common everywhere score low.
        top_n: Phrases to return per class.
        max_n: Longest n-gram.
        min_docs: A phrase must occur in at least this many documents of the class.
        score_classes: Classes to return phrases for (default: all).

    Returns:
        Per class, ``[(phrase, score), ...]`` best first (the longer phrase first on equal
        scores); a phrase contained in a phrase already listed is skipped.
    """
    import numpy as np
    from scipy import sparse

    docs = [doc for docs_of_class in class_docs for doc in docs_of_class]
    owners = np.repeat(np.arange(len(class_docs)), [len(d) for d in class_docs])
    empty: list[list[tuple[str, float]]] = [[] for _ in class_docs]
    if not docs:
        return empty
    counts, vocabulary = count_matrix(docs, max_n)
    if counts.shape[1] == 0:  # every document was empty after stop words
        return empty
    indicator = sparse.csr_matrix(
        (np.ones(len(docs)), (owners, np.arange(len(docs)))), shape=(len(class_docs), len(docs))
    )
    per_class = np.asarray((indicator @ counts).todense(), dtype="float64")
    present = counts.copy()
    present.data[:] = 1.0
    doc_freq = np.asarray((indicator @ present).todense())
    term_total = per_class.sum(axis=0)
    class_size = per_class.sum(axis=1, keepdims=True)
    mean_size = float(class_size.mean()) or 1.0
    with np.errstate(divide="ignore", invalid="ignore"):
        tf = np.where(class_size > 0, per_class / class_size, 0.0)
        idf = np.log(1.0 + mean_size / np.maximum(term_total, 1.0))
    scores = tf * idf
    scores[doc_freq < min_docs] = 0.0
    lengths = np.array([phrase.count(" ") + 1 for phrase in vocabulary])
    wanted = range(len(class_docs)) if score_classes is None else score_classes
    for c in wanted:
        # Best score first; on equal scores the longer phrase, then alphabetical.
        order = np.lexsort((vocabulary.astype(str), -lengths, -np.round(scores[c], 12)))
        chosen: list[tuple[str, float]] = []
        for j in order:
            if scores[c, j] <= 0 or len(chosen) >= top_n:
                break
            phrase = str(vocabulary[j])
            if any(f" {phrase} " in f" {kept} " for kept, _ in chosen):
                continue
            chosen.append((phrase, round(float(scores[c, j]), 6)))
        empty[c] = chosen
    return empty


def typical_order(texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
    """Similarity of each text to the group's centroid (higher = more typical).

    Uses the rows of ``embeddings`` when given (cosine to the mean direction), else a TF-IDF
    of 1-2-grams (same tokens and stop words as key phrases) fitted on ``texts`` alone.
    """
    import numpy as np

    if len(texts) == 0:
        return np.zeros(0)
    if embeddings is not None:
        vectors = np.asarray(embeddings, dtype="float64")
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = vectors / np.where(norms > 0, norms, 1.0)
        centroid = vectors.mean(axis=0)
        norm = np.linalg.norm(centroid)
        return vectors @ (centroid / norm) if norm > 0 else np.zeros(len(texts))
    matrix = tfidf_matrix(list(texts), 2)
    if matrix is None:
        return np.zeros(len(texts))
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm == 0:
        return np.zeros(len(texts))
    return np.asarray(matrix @ (centroid / norm)).ravel()

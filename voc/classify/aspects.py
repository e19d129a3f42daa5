"""Split comments into clauses for aspect-level sentiment.

A clause boundary is a sentence boundary (spaCy's rule-based sentencizer) or a contrast
marker ("tapi", "namun", "padahal", "but", "however"...). The marker starts the new clause
and is dropped from its text, so "Barangnya bagus tapi pengirimannya lama" gives
["Barangnya bagus", "pengirimannya lama"].
"""

from __future__ import annotations

import re
import threading

from voc.spacy_text import tokenize

__all__ = ["CONTRAST_MARKERS", "split_clauses"]

# Contrast markers in Indonesian (formal and chat forms) and English. Multi-word markers
# come first so they win over their first word.
CONTRAST_MARKERS = (
    "hanya saja",
    "akan tetapi",
    "even though",
    "on the other hand",
    "tetapi",
    "tapi",
    "tp",
    "tpi",
    "namun",
    "padahal",
    "sayangnya",
    "sayang nya",
    "cuma",
    "cuman",
    "meskipun",
    "walaupun",
    "walau",
    "sedangkan",
    "but",
    "however",
    "although",
    "though",
    "unfortunately",
    "whereas",
)

_MARKER_RE = re.compile(
    r"(?:^|(?<=[\s,;:.!?()]))(?:"
    + "|".join(re.escape(m) for m in CONTRAST_MARKERS)
    + r")(?=[\s,;:.!?]|$)",
    re.IGNORECASE,
)
_STRIP = " \t\n,;:-–—"


# Texts one sentencizer splits before a fresh one replaces it: every unseen word stays in a
# pipeline's vocabulary, which grew by about 30 MB per 20,000 texts of unseen words; a fresh
# pipeline costs about 15 ms.
_RENEW_TEXTS = 20_000
_state: dict = {"nlp": None, "texts": 0}
_state_lock = threading.Lock()


def _sentencizer():
    """The sentencizer pipeline, replaced by a fresh one every :data:`_RENEW_TEXTS` texts."""
    with _state_lock:
        if _state["nlp"] is None or _state["texts"] >= _RENEW_TEXTS:
            import spacy

            nlp = spacy.blank("xx")
            nlp.add_pipe("sentencizer")
            _state.update(nlp=nlp, texts=0)
        _state["texts"] += 1
        return _state["nlp"]


def _split_on_markers(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _MARKER_RE.finditer(text):
        parts.append(text[start : match.start()])
        start = match.end()
    parts.append(text[start:])
    return parts


def split_clauses(text: str, *, min_chars: int = 3) -> list[str]:
    """Return the clauses of ``text`` in order (the whole text when there is one).

    Args:
        text: A comment.
        min_chars: Clauses shorter than this (after stripping) are merged into the
            neighbouring clause instead of standing alone.
    """
    if not text or not text.strip():
        return []
    nlp = _sentencizer()
    doc = nlp(tokenize(nlp.tokenizer, text))  # linear time also for long runs of emoji
    clauses: list[str] = []
    for sent in doc.sents:
        for part in _split_on_markers(sent.text):
            part = part.strip(_STRIP)
            if not part:
                continue
            if len(part) < min_chars and clauses:
                clauses[-1] = f"{clauses[-1]} {part}"
            else:
                clauses.append(part)
    return clauses or [text.strip()]

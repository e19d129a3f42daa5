"""A statistical second opinion on known given names that no cue rule announced.

The rules of ``names.py`` and ``name_extra.py`` find names after cue phrases and in fixed
places (sign-offs, chat speakers, forms). A name in running text without a cue ("tadi Rina
dari CS bilang ...", "Thanks Kevin for sorting this out") is only found when its context is
recognised. This tagger looks at every word of the given-name lexicon that no rule covered
and decides from its context whether it is a name here ("Rina bilang") or a word ("hari
ini", "bagus banget", "Made in Japan").

The model is a logistic regression over sparse context features (the word, its case, the
words and punctuation around it, line starts, whether the text is all lower case or all
capitals), trained by ``voc.pii.tagger_train.build_tagger`` on the project's own PII
development files plus ordinary customer comments (``data/train/corpus.csv``) as examples
of the words in everyday use. It is stored as a JSON table of feature weights
(``data/name_tagger.json``), so applying it is a few dictionary look-ups per candidate
word, with no scikit-learn import on the redaction path. ``voc pii-train-tagger`` rebuilds
the file deterministically.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

from voc.pii.name_cues import (
    COOKED_BEFORE,
    COOKED_DISHES,
    EATERY_BEFORE,
    STREET_OR_MODEL_BEFORE,
)
from voc.pii.name_lexicons import brand_phrases, given_names, hard_stop_words
from voc.pii.types import PII_TYPES

__all__ = [
    "NameTagger",
    "candidate_features",
    "has_lexicon_word",
    "load_tagger",
    "tag_names",
    "tagger_disabled",
]

_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*|\d+|[^\w\s]")
_MODEL_FILE = "name_tagger.json"
_MAX_EXTENSION = 2  # name words joined after (or known names before) a tagged given name
_WORD = re.compile(r"[^\W\d_]+")
_STATE = threading.local()
_PLACEHOLDER_TYPES = frozenset(PII_TYPES)


def _shape(token: str) -> str:
    if token.startswith("<") and token.endswith(">") and len(token) > 2:
        return "pii"
    if token.isdigit():
        return "d"
    if not token[0].isalpha():
        return "p"
    if token.isupper() and len(token) > 1:
        return "X"
    if token[0].isupper():
        return "Xx"
    if token.islower():
        return "x"
    return "o"


def _context(tokens: Sequence[str], i: int) -> str:
    if i < 0:
        return "<s>"
    if i >= len(tokens):
        return "</s>"
    token = tokens[i]
    return "NUM" if token.isdigit() else token.lower()


def _text_case(text: str) -> str:
    letters = sum(map(str.isalpha, text))
    if not letters:
        return "none"
    upper = sum(map(str.isupper, text))
    if upper == 0:
        return "lower"
    if upper >= 0.7 * letters:
        return "caps"
    return "mixed"


def _tokens(
    text: str, covered: Sequence[tuple[int, int, str]] = ()
) -> tuple[list[str], list[tuple[int, int]]]:
    """Tokens of ``text`` with each covered span and each placeholder as one token.

    A span another detector found (``covered``) and a placeholder of an earlier redaction
    (``[NAME]``) both read as the pseudo-token ``<NAME>``, so a text and its redaction give
    the same context to the words around them (redaction stays idempotent).
    """
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    zones = sorted((a, b, t) for a, b, t in covered if a < b)
    z = 0
    for m in _TOKEN.finditer(text):
        start, end = m.span()
        while z < len(zones) and zones[z][1] <= start:
            z += 1
        if z < len(zones) and zones[z][0] < end:
            zone = (zones[z][0], zones[z][1])
            if not spans or spans[-1] != zone:
                tokens.append(f"<{zones[z][2]}>")
                spans.append(zone)
            continue
        tokens.append(m.group())
        spans.append((start, end))
        if (
            len(tokens) >= 3
            and tokens[-1] == "]"
            and tokens[-3] == "["
            and tokens[-2] in _PLACEHOLDER_TYPES
        ):
            zone = (spans[-3][0], spans[-1][1])
            kind = tokens[-2]
            del tokens[-3:], spans[-3:]
            tokens.append(f"<{kind}>")
            spans.append(zone)
    return tokens, spans


@lru_cache(maxsize=1)
def _brand_phrases_by_word() -> dict[str, tuple[str, ...]]:
    """Each word of a listed brand phrase -> the phrases it occurs in."""
    by_word: dict[str, list[str]] = {}
    for phrase in brand_phrases():
        for word in set(phrase.split()):
            by_word.setdefault(word, []).append(phrase)
    return {word: tuple(phrases) for word, phrases in by_word.items()}


def has_lexicon_word(lowered: str) -> bool:
    """Whether the lower-cased text holds any word of the given-name lexicon."""
    return not given_names().isdisjoint(_WORD.findall(lowered))


_STALL_HONORIFICS = frozenset("pak bu mas mbak mbok mak bang cak kang om tante ci koh".split())


def _one_word_after(tokens: Sequence[str], i: int) -> bool:
    """Whether token ``i`` is not followed by another Capitalised word."""
    return i + 1 >= len(tokens) or not tokens[i + 1][:1].isupper()


def _blocked(lowered: str, tokens: Sequence[str], i: int) -> bool:
    """Whether word ``i`` belongs to a brand, a shop, a street or a model named after a person."""
    if i > 0 and tokens[i - 1].lower() in EATERY_BEFORE:
        return True  # "Sate Slamet", "warung Iyah"
    if i > 1 and tokens[i - 2].lower() in EATERY_BEFORE:
        return True  # "Sate Pak Slamet", "Bakso Mas Joko"
    if (
        i > 2
        and tokens[i - 2].lower() in COOKED_BEFORE
        and tokens[i - 1].lower() in _STALL_HONORIFICS
        and _one_word_after(tokens, i)
    ):
        dish = tokens[i - 3].lower()  # "Ikan bakar Bu Darmi": a stall; a full name is a person
        return dish in EATERY_BEFORE or dish in COOKED_DISHES
    if i > 0 and tokens[i - 1].lower() in STREET_OR_MODEL_BEFORE:
        return True  # "Jalan Gatot Subroto", "tipe Rendra Low"
    if i > 1 and tokens[i - 1] == "." and tokens[i - 2].lower() in STREET_OR_MODEL_BEFORE:
        return True  # "Jl. Gatot Subroto"
    phrases = _brand_phrases_by_word().get(tokens[i].lower(), ())
    return any(phrase in lowered for phrase in phrases)


def candidate_features(
    text: str,
    tokens: Sequence[str],
    spans: Sequence[tuple[int, int]],
    i: int,
    text_case: str,
    names: frozenset[str],
    stops: frozenset[str],
) -> list[str]:
    """Return the feature names of token ``i`` (a given-name lexicon word) in ``text``."""
    token = tokens[i]
    shape = _shape(token)
    p1, p2, n1, n2 = (_context(tokens, j) for j in (i - 1, i - 2, i + 1, i + 2))
    before = text[spans[i - 1][1] : spans[i][0]] if i > 0 else "\n"
    after = text[spans[i][1] : spans[i + 1][0]] if i + 1 < len(tokens) else "\n"
    next_shape = _shape(tokens[i + 1]) if i + 1 < len(tokens) else "end"
    prev_shape = _shape(tokens[i - 1]) if i > 0 else "start"
    feats = [
        "bias",
        f"w={token.lower()}",
        f"shape={shape}",
        f"case={text_case}",
        f"shape|case={shape}|{text_case}",
        f"p1={p1}",
        f"p2={p2}",
        f"n1={n1}",
        f"n2={n2}",
        f"p1|n1={p1}|{n1}",
        f"p1s={prev_shape}",
        f"n1s={next_shape}",
        f"shape|p1={shape}|{p1}",
        f"shape|n1={shape}|{n1}",
        f"shape|n1s={shape}|{next_shape}",
    ]
    if "\n" in before:
        feats.append("line_start")
    if "\n" in after:
        feats.append("line_end")
    if i > 0 and p1 in names:
        feats.append("p1_name")
    if i + 1 < len(tokens) and n1 in names:
        feats.append("n1_name")
    if i > 0 and p1 in stops:
        feats.append("p1_stop")
    if i + 1 < len(tokens) and n1 in stops:
        feats.append("n1_stop")
    if i == 0:
        feats.append("text_start")
    return feats


class NameTagger:
    """Score lexicon words in context and return NAME spans (see the module docstring).

    Args:
        weights: Feature name -> weight of the logistic regression (``bias`` included).
        threshold: Probability from which a word is taken as a name.
    """

    def __init__(self, weights: dict[str, float], threshold: float) -> None:
        self.weights = weights
        self.threshold = threshold
        self._margin = math.log(threshold / (1.0 - threshold))
        self._names = given_names()
        self._stops = hard_stop_words()

    def __repr__(self) -> str:
        return f"NameTagger({len(self.weights)} weights, threshold={self.threshold})"

    def __call__(
        self, text: str, covered: Sequence[tuple[int, int, str]] = ()
    ) -> list[tuple[int, int, str]]:
        """Return ``(start, end, "NAME")`` spans for lexicon words that read as names.

        Args:
            text: The raw comment.
            covered: Spans other detectors found already: words inside them are skipped.
        """
        names = self._names
        lowered = text.lower()
        if not has_lexicon_word(lowered):  # cheap exit: most comments
            return []
        tokens, spans = _tokens(text, covered)
        text_case = _text_case(text)
        found: list[tuple[int, int, str]] = []
        taken = -1
        for i, token in enumerate(tokens):
            if i <= taken or token.lower() not in names:
                continue
            if _blocked(lowered, tokens, i):
                continue
            feats = candidate_features(text, tokens, spans, i, text_case, names, self._stops)
            z = sum(self.weights.get(f, 0.0) for f in feats)
            if z < self._margin:
                continue
            first, last = self._extend(text, tokens, spans, i)
            found.append((spans[first][0], spans[last][1], "NAME"))
            taken = last
        return found

    def _extend(self, text, tokens, spans, i) -> tuple[int, int]:
        """Grow a tagged word over the name words written like it on either side."""
        shape = _shape(tokens[i])

        def joins(j: int, gap: str) -> bool:
            token = tokens[j]
            if gap != " " or not token[0].isalpha() or token.lower() in self._stops:
                return False
            if shape == "x":  # lower-case names: only other known names
                return token.islower() and token.lower() in self._names
            return _shape(token) == shape

        last = i
        while (
            last + 1 < len(tokens)
            and last - i < _MAX_EXTENSION
            and joins(last + 1, text[spans[last][1] : spans[last + 1][0]])
        ):
            last += 1
        first = i
        while (
            first > 0
            and i - first < _MAX_EXTENSION
            and tokens[first - 1].lower() in self._names
            and joins(first - 1, text[spans[first - 1][1] : spans[first][0]])
        ):
            first -= 1
        return first, last


def model_path() -> Path:
    """Where the shipped tagger weights live (inside the package)."""
    return Path(str(resources.files("voc.pii").joinpath(f"data/{_MODEL_FILE}")))


@lru_cache(maxsize=1)
def load_tagger() -> NameTagger | None:
    """Return the shipped tagger, or ``None`` when its weights file is absent."""
    path = model_path()
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    return NameTagger(data["weights"], float(data["threshold"]))


@contextlib.contextmanager
def tagger_disabled() -> Iterator[None]:
    """Redact with the rules alone inside this block (this thread only)."""
    previous = getattr(_STATE, "off", False)
    _STATE.off = True
    try:
        yield
    finally:
        _STATE.off = previous


def tag_names(text: str, covered: Sequence[tuple[int, int, str]] = ()) -> list:
    """NAME spans from the shipped tagger (empty when it is absent or disabled)."""
    if getattr(_STATE, "off", False):
        return []
    tagger = load_tagger()
    return tagger(text, covered) if tagger is not None else []

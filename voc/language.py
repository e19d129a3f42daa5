"""Language of each comment: ``id`` (Indonesian), ``en`` (English) or ``mixed`` (code-mixed).

Each word is looked up in small hand-written lexicons (Indonesian function words and chat
slang such as "gak", "bgt", "udh", "min"; English function words and "pls", "thx"; loanwords
such as "refund", "error", "voucher" that count for neither). Words the lexicons do not know
are scored by lingua (restricted to Indonesian, Malay and English; Malay counts as
Indonesian). A comment is ``mixed`` when both languages contribute at least
:data:`MIXED_MIN_WORDS` words and the smaller side is at least :data:`MIXED_MIN_SHARE` of
the language-bearing words; otherwise the larger side wins. With no signal at all
(e.g. only placeholders or numbers) lingua decides on the whole text, and ``id`` is the
default for the Indonesian market.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from voc.errors import ValidationError

__all__ = [
    "LANGUAGES",
    "MIXED_MIN_SHARE",
    "MIXED_MIN_WORDS",
    "common_words",
    "detect_language",
    "detect_languages",
    "language_votes",
]

#: The labels :func:`detect_language` returns.
LANGUAGES: tuple[str, ...] = ("id", "en", "mixed")
#: Each language needs at least this many words for a comment to be ``mixed``...
MIXED_MIN_WORDS = 2
#: ...and the smaller language at least this share of the language-bearing words.
MIXED_MIN_SHARE = 0.2

_PLACEHOLDER = re.compile(r"\[[A-Z]+\]")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?(?:-[a-z]+)*")
# Affixes that mark an unknown word as Indonesian or English (weaker than the lexicon).
_ID_AFFIX = re.compile(
    r"^(?:mem|men|meng|meny|me|ber|ter|di|ke|pe|pem|pen|peng|per|se)[a-z]{3,}$"
    r"|^[a-z]{3,}(?:nya|kan|lah|kah|in)$"
)
_EN_AFFIX = re.compile(r"^[a-z]{3,}(?:ing|tion|sion|ness|ly|ed|ful|less|able|ment|ous)$")
_LINGUA_MIN_CONFIDENCE = 0.7


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return (indonesian, english, neutral) word sets; a word in both lists is neutral."""

    def read(name: str) -> set[str]:
        path = resources.files("voc").joinpath(f"data/language/{name}")
        return {
            word
            for line in path.read_text("utf-8").splitlines()
            if not line.lstrip().startswith("#")
            for word in line.lower().split()
        }

    indonesian, english, neutral = (
        read("id_words.txt"),
        read("en_words.txt"),
        read("neutral_words.txt"),
    )
    neutral |= indonesian & english
    return frozenset(indonesian - neutral), frozenset(english - neutral), frozenset(neutral)


def common_words() -> frozenset[str]:
    """Return every word of the language lexicons (Indonesian, English and loanwords)."""
    indonesian, english, neutral = _lexicons()
    return indonesian | english | neutral


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.INDONESIAN, Language.ENGLISH, Language.MALAY
        )
        .with_preloaded_language_models()
        .build()
    )


@lru_cache(maxsize=50_000)
def _word_language(word: str) -> str | None:
    """Return ``"id"``, ``"en"`` or ``None`` (neutral / unknown) for one lower-case word."""
    indonesian, english, neutral = _lexicons()
    if word in neutral:
        return None
    if word in indonesian:
        return "id"
    if word in english:
        return "en"
    base = word.split("-")[0]
    if base in indonesian or base in english:  # "lagi-lagi", "ke-suspend"
        return "id" if base in indonesian else "en"
    if len(word) < 3:
        return None
    if _ID_AFFIX.match(word):
        return "id"
    if _EN_AFFIX.match(word):
        return "en"
    return _lingua_word(word)


def _lingua_word(word: str) -> str | None:
    from lingua import Language

    values = _detector().compute_language_confidence_values(word)
    best = values[0]
    if best.value < _LINGUA_MIN_CONFIDENCE:
        return None
    return "en" if best.language == Language.ENGLISH else "id"


def language_votes(text: str) -> tuple[int, int]:
    """Return (Indonesian words, English words) counted in ``text``."""
    words = _WORD.findall(_PLACEHOLDER.sub(" ", text).lower())
    votes = [_word_language(word) for word in words]
    return votes.count("id"), votes.count("en")


def _decide(text: str) -> str:
    n_id, n_en = language_votes(text)
    total = n_id + n_en
    if min(n_id, n_en) >= MIXED_MIN_WORDS and total and min(n_id, n_en) / total >= MIXED_MIN_SHARE:
        return "mixed"
    if n_id != n_en:
        return "id" if n_id > n_en else "en"
    from lingua import Language

    cleaned = _PLACEHOLDER.sub(" ", text)
    language = _detector().detect_language_of(cleaned) if cleaned.strip() else None
    return "en" if language == Language.ENGLISH else "id"


def detect_language(text: str) -> str:
    """Return ``"id"``, ``"en"`` or ``"mixed"`` for one text.

    Args:
        text: A comment, raw or redacted (placeholders such as ``[NAME]`` are ignored).

    Raises:
        ValidationError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise ValidationError(
            f"detect_language() expects text as str, got {type(text).__name__}; "
            "fill missing comments with an empty string first."
        )
    return _decide(text)


def detect_languages(texts: Iterable[str]) -> list[str]:
    """Return the language label of every text, in order (see :func:`detect_language`)."""
    return [detect_language(text) for text in texts]

"""Language of each comment: ``id`` (Indonesian), ``en`` (English) or ``mixed`` (code-mixed)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from voc.errors import ValidationError

__all__ = ["LANGUAGES", "detect_language", "detect_languages"]

#: The labels :func:`detect_language` returns.
LANGUAGES: tuple[str, ...] = ("id", "en", "mixed")


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


def detect_language(text: str) -> str:
    """Return ``"id"``, ``"en"`` or ``"mixed"`` for one text."""
    if not isinstance(text, str):
        raise ValidationError(f"detect_language() expects text as str, got {type(text).__name__}.")
    from lingua import Language

    language = _detector().detect_language_of(text)
    return "en" if language == Language.ENGLISH else "id"


def detect_languages(texts: Iterable[str]) -> list[str]:
    """Return the language label of every text, in order."""
    return [detect_language(text) for text in texts]

"""Helpers shared by the PII round tests: whether a value's words are gone from a redaction."""

import re


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters, digits, apostrophes and hyphens)."""
    return re.findall(r"[\w’'-]+", text)


def gone(value: str, redacted: str) -> bool:
    """Whether no word of ``value`` is left among the words of ``redacted``."""
    left = set(words(redacted))
    return not any(word in left for word in words(value))

"""Result types of PII redaction: the typed spans found and the redacted text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

__all__ = ["PII_TYPES", "PLACEHOLDERS", "PiiSpan", "Redaction", "apply_spans", "placeholder"]

#: Every PII type the redactor knows, in a stable order (also the order of ``counts``).
PII_TYPES: tuple[str, ...] = (
    "EMAIL",
    "PHONE",
    "NIK",
    "NPWP",
    "CARD",
    "ACCOUNT",
    "NAME",
    "ADDRESS",
)

#: The typed placeholder written in place of each PII type.
PLACEHOLDERS: dict[str, str] = {pii_type: f"[{pii_type}]" for pii_type in PII_TYPES}


def placeholder(pii_type: str) -> str:
    """Return the placeholder that replaces a span of ``pii_type`` (e.g. ``"[PHONE]"``)."""
    return PLACEHOLDERS[pii_type]


@dataclass(frozen=True, order=True)
class PiiSpan:
    """One piece of personal data found in a text.

    Attributes:
        start: Character offset of the first character, into the *input* text.
        end: Character offset one past the last character, into the *input* text.
        type: One of :data:`PII_TYPES`.
    """

    start: int
    end: int
    type: str

    def to_dict(self) -> dict[str, int | str]:
        """Return ``{"start": ..., "end": ..., "type": ...}`` (the CLI's JSON form)."""
        return {"start": self.start, "end": self.end, "type": self.type}


@dataclass(frozen=True)
class Redaction:
    """The redacted form of one text.

    Attributes:
        text: The text with every PII span replaced by its typed placeholder.
        spans: The spans found, sorted, non-overlapping, with offsets into the input text.
    """

    text: str
    spans: tuple[PiiSpan, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """Number of spans per PII type (only the types found), for ``pii_counts``."""
        found = Counter(span.type for span in self.spans)
        return {pii_type: found[pii_type] for pii_type in PII_TYPES if found[pii_type]}

    @property
    def has_pii(self) -> bool:
        """Whether anything was redacted."""
        return bool(self.spans)


def apply_spans(text: str, spans: tuple[PiiSpan, ...]) -> str:
    """Replace each (sorted, non-overlapping) span of ``text`` by its placeholder."""
    if not spans:
        return text
    parts: list[str] = []
    cursor = 0
    for span in spans:
        parts.append(text[cursor : span.start])
        parts.append(PLACEHOLDERS[span.type])
        cursor = span.end
    parts.append(text[cursor:])
    return "".join(parts)

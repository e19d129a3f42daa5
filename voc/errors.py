"""The one catalogue of errors the project raises, each with a stable code.

Every error a user can see is a :class:`VocError` subclass. Its message is a sentence
the user can act on; ``hint`` says what to do next. Codes are stable API: add new ones,
never reuse a retired code.

Code ranges:
    E0xx  generic / configuration
    E1xx  taxonomy
    E2xx  input files, column mapping, validation
    E3xx  models (encoder, classifiers, model cards)
    E4xx  the store, backlog rules and concurrency
    E5xx  optional dependencies and environment
"""

from __future__ import annotations

__all__ = [
    "VocError",
    "ConfigError",
    "TaxonomyError",
    "InputFileError",
    "NotATableError",
    "ColumnMappingError",
    "ValidationError",
    "ModelError",
    "ModelNotPreparedError",
    "ModelCardMismatchError",
    "EncoderFidelityError",
    "NotFittedError",
    "StoreError",
    "NotFoundError",
    "ConflictError",
    "TransitionError",
    "DependencyMissingError",
]


class VocError(Exception):
    """Base class of every error the project raises on purpose.

    Args:
        message: What went wrong, as a sentence naming the thing involved.
        hint: Optional next step for the user.
    """

    code = "E000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.hint:
            text += f"\nHint: {self.hint}"
        return text


class ConfigError(VocError):
    """A setting, option or parameter has an invalid value."""

    code = "E001"


class TaxonomyError(VocError):
    """A taxonomy file is missing, malformed or inconsistent."""

    code = "E100"


class InputFileError(VocError):
    """An input file cannot be read at all."""

    code = "E200"


class NotATableError(InputFileError):
    """An input file is readable but holds no table (HTML, empty, binary...)."""

    code = "E201"


class ColumnMappingError(InputFileError):
    """The columns of an input file cannot be mapped to the feedback record."""

    code = "E202"


class ValidationError(VocError):
    """A value fails validation (used for rows and parameters)."""

    code = "E210"


class ModelError(VocError):
    """A model cannot be built, loaded or used."""

    code = "E300"


class ModelNotPreparedError(ModelError):
    """A model directory has not been built yet."""

    code = "E301"


class ModelCardMismatchError(ModelError):
    """A saved model's card does not match the taxonomy or encoder in use."""

    code = "E302"


class EncoderFidelityError(ModelError):
    """A converted encoder does not reproduce its reference closely enough."""

    code = "E303"


class NotFittedError(ModelError, ValueError):
    """An estimator was used before ``fit``."""

    code = "E304"


class StoreError(VocError):
    """The database cannot be reached or migrated."""

    code = "E400"


class NotFoundError(StoreError):
    """A requested record does not exist."""

    code = "E404"


class ConflictError(StoreError):
    """An update was based on a stale version of a record."""

    code = "E409"


class TransitionError(StoreError):
    """A status change is not allowed by the workflow rules."""

    code = "E420"


class DependencyMissingError(VocError):
    """An optional dependency or system package is not installed."""

    code = "E500"

"""PII redaction for Indonesian and English customer text (spaCy component ``voc.pii_redactor.v1``).

Usage::

    from voc.pii import redact, redact_batch

    result = redact("WA saya 0812-3456-7890, a.n. Budi Santoso")
    result.text    # 'WA saya [PHONE], a.n. [NAME]'
    result.spans   # (PiiSpan(start=8, end=22, type='PHONE'), PiiSpan(...NAME))
    result.counts  # {'PHONE': 1, 'NAME': 1}

spaCy is imported on the first call, not at import time.
"""

from voc.pii.component import (
    COMPONENT_NAME,
    FACTORY_NAME,
    PiiRedactor,
    build_pipeline,
    redact,
    redact_batch,
)
from voc.pii.types import PII_TYPES, PLACEHOLDERS, PiiSpan, Redaction, placeholder

__all__ = [
    "COMPONENT_NAME",
    "FACTORY_NAME",
    "PII_TYPES",
    "PLACEHOLDERS",
    "PiiRedactor",
    "PiiSpan",
    "Redaction",
    "build_pipeline",
    "placeholder",
    "redact",
    "redact_batch",
]

"""Sentence encoders (multilingual-e5-small converted offline, and others) with an on-disk cache.

Use :func:`load_encoder` (``DEFAULT_ENCODER`` unless told otherwise) and call
``encode(texts, kind="passage" | "query")``; rows are float32 and L2-normalised.
Build the models once with ``voc models prepare``.
"""

from voc.embed.base import KINDS, Encoder, clean_text
from voc.embed.cache import EmbeddingCache, cache_key
from voc.embed.registry import BACKENDS, DEFAULT_ENCODER, clear_loaded_encoders, load_encoder

__all__ = [
    "BACKENDS",
    "DEFAULT_ENCODER",
    "KINDS",
    "EmbeddingCache",
    "Encoder",
    "cache_key",
    "clean_text",
    "clear_loaded_encoders",
    "load_encoder",
]

"""Text analytics for customer feedback: ingest, redact, detect language, embed, classify."""

__all__ = ["__version__"]

__version__ = "0.1.0"

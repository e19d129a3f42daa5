"""Ingest: read feedback files, map their columns, validate rows, quarantine bad ones, store.

``ingest_file`` is the entry point; ``guess_mapping`` and ``inspect_file`` serve the app's
editable column mapping. See docs/INGEST.md.
"""

from voc.ingest.mapping import TARGET_COLUMNS, guess_mapping, load_mapping, resolve_mapping
from voc.ingest.pipeline import (
    DEFAULT_CHUNK_SIZE,
    IngestSummary,
    ingest_file,
    inspect_file,
    listed_columns,
    preview_file,
    shown_column_names,
    shown_file_name,
    shown_table_names,
    summary_totals,
)
from voc.ingest.sniff import FileKind, sniff_file
from voc.ingest.validate import (
    MAX_TEXT_CHARS,
    QUARANTINE_REASONS,
    parse_bool,
    parse_datetime,
    parse_number,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "FileKind",
    "IngestSummary",
    "MAX_TEXT_CHARS",
    "QUARANTINE_REASONS",
    "TARGET_COLUMNS",
    "guess_mapping",
    "ingest_file",
    "inspect_file",
    "listed_columns",
    "load_mapping",
    "parse_bool",
    "parse_datetime",
    "parse_number",
    "preview_file",
    "resolve_mapping",
    "shown_column_names",
    "shown_file_name",
    "shown_table_names",
    "sniff_file",
    "summary_totals",
]

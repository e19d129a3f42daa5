"""Whole tables as DataFrames of text, read as ``voc ingest`` reads files.

For commands that need the rows of a file rather than a load into the store: ``voc classify``
(in chunks), ``voc eval``, ``voc fewshot-eval`` and ``voc train --examples``. The encoding,
the delimiter, title lines above the header, archives and workbooks are handled by the ingest
readers, so a cp1252 ``;`` export from Excel reads the same everywhere, and a broken JSONL line
is a row that cannot be read (listed, or stopping with its line number), not a failed file.
Parquet goes through pyarrow/pandas as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voc.errors import InputFileError

if TYPE_CHECKING:
    from voc.ingest.readers import RawRecord

__all__ = ["READER_SUFFIXES", "as_cell", "flat_arrow", "has_structs", "read_table", "table_frames"]

#: File endings read by the ingest readers (the other: Parquet).
READER_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx", ".xlsm",
                   ".xls")  # fmt: skip


def table_frames(
    path: str | Path,
    chunk_size: int,
    *,
    purpose: str = "this command",
    empty: bool = False,
    on_broken: Callable[[RawRecord], None] | None = None,
    sheet: str | None = None,
) -> Iterator:
    """Yield DataFrames of up to ``chunk_size`` rows of text from a CSV/TSV/XLSX/JSON(L) file.

    A row broken at the file level (ragged, bad JSON) stops with its line (evaluation and
    training need every row; ``voc ingest`` quarantines such rows), unless ``on_broken`` is
    given: then it is handed the row (its ``line``, ``error`` and ``raw``) and reading goes on.

    Args:
        path: The file (not an archive: see :func:`voc.ingest.archives.unpacked`).
        chunk_size: Rows per frame.
        purpose: What reads the table, for the messages ("classification").
        empty: Yield one frame of no rows (with the columns) when the table has none;
            otherwise nothing is yielded then.
        on_broken: See above.
        sheet: The sheet of a workbook to read (a workbook of several needs one).

    Raises:
        InputFileError: Several tables (sheets), or a row that cannot be read.
        NotATableError: The file holds no table.
    """
    import pandas as pd

    from voc.ingest.readers import open_sources
    from voc.ingest.sniff import sniff_file

    path = Path(path)
    kind = sniff_file(path)
    sources = open_sources(path, kind, sheet=sheet)
    try:
        if len(sources) > 1:
            names = ", ".join(source.name for source in sources)
            raise InputFileError(
                f"{path.name} holds {len(sources)} tables ({names}); {purpose} reads one.",
                hint="Name the sheet to read with --sheet NAME (`voc ingest` reads every sheet).",
            )
        (source,) = sources
        columns = list(source.columns)
        text_only = kind.format == "csv"  # the CSV reader gives every field as a string
        rows: list[list[Any]] = []
        yielded = False
        for record in source.records:
            if record.values is None and on_broken is not None:
                on_broken(record)
                continue
            if record.values is None:
                reason, detail = record.problem
                raise InputFileError(
                    f"{source.name} line {record.line} cannot be read ({reason}: {detail}).",
                    hint="Fix the row, or load the file with `voc ingest`, which quarantines "
                    "such rows.",
                )
            row = list(map(record.values.get, columns))
            rows.append(row if text_only else [as_cell(value) for value in row])
            if len(rows) == chunk_size:
                yield pd.DataFrame(rows, columns=columns, dtype=object)
                rows, yielded = [], True
        if rows or (empty and not yielded):
            yield pd.DataFrame(rows, columns=columns, dtype=object)
    finally:
        for source in sources:
            source.close()


def has_structs(schema) -> bool:
    """Whether an Arrow schema has a struct column (a nested object)."""
    import pyarrow as pa

    return any(pa.types.is_struct(field.type) for field in schema)


def flat_arrow(table):
    """An Arrow table with its struct columns flattened into ``parent.child`` columns.

    The names the ingest's Parquet and JSON readers give nested fields (``feedback.text``),
    so ``--text-col feedback.text`` works for every reader. ``flat_arrow(schema.empty_table())``
    gives a schema's flattened column names.
    """
    while has_structs(table.schema):
        table = table.flatten()
    return table


def read_table(path: str | Path, *, purpose: str = "this command"):
    """The whole table of ``path`` as a DataFrame of text (``""`` for missing values).

    CSV/TSV/TXT, XLSX (one sheet), JSON and JSONL go through the ingest readers, Parquet
    through pandas; a ``.gz`` or single-table ``.zip`` is unpacked first.

    Raises:
        InputFileError: A missing file, an unknown type, several sheets or a broken row.
    """
    import pandas as pd

    from voc.ingest.archives import unpacked

    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"{path} does not exist or is not a file.", hint="Check the path.")
    with unpacked(path) as table_path:
        suffix = table_path.suffix.lower()
        if suffix in READER_SUFFIXES:
            frames = list(table_frames(table_path, 50_000, purpose=purpose, empty=True))
            return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
        try:
            if suffix == ".parquet":
                import pyarrow.parquet as pq

                return flat_arrow(pq.read_table(table_path)).to_pandas()
        except (ValueError, OSError) as exc:
            raise InputFileError(f"Could not read {path.name}: {exc}.") from exc
    raise InputFileError(
        f"{path.name} is not a CSV, TSV, XLSX, XLS, JSON, Parquet or JSONL file.",
        hint="Export the table in one of those formats.",
    )


def as_cell(value: Any) -> str:
    """A value as the text the CSV path gives (empty for missing, ``12`` for ``12.0``)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

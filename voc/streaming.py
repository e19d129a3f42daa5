"""Streaming, resumable batch classification of feedback files of any size (``voc classify``).

A file is read in chunks of ``chunk_size`` rows. Each chunk is redacted, language-tagged,
embedded and classified once per distinct text, then written as one parquet file into a
sidecar folder ``OUTPUT.parts/`` with a manifest (input hash, chunk size, options). A rerun
skips the chunks already written; when every chunk is done the parts are concatenated into
``OUTPUT`` and the sidecar folder is removed. Memory stays bounded by the chunk size.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from voc.classify.model import PREDICTION_COLUMNS
from voc.errors import ColumnMappingError, ConfigError, InputFileError
from voc.ingest.archives import unpacked
from voc.ingest.tables import READER_SUFFIXES, flat_arrow, table_frames

__all__ = [
    "OUTPUT_COLUMNS",
    "StreamSummary",
    "classify_chunk",
    "classify_file",
    "columns_left_out",
    "iter_chunks",
    "load_model",
    "no_rows_error",
    "passthrough_columns",
    "pseudonymised_ids",
    "row_id",
    "unreadable_path",
    "write_unreadable",
]

#: Columns every classified output carries (input columns other than the text pass through).
OUTPUT_COLUMNS = ("feedback_id", "lang", "text_redacted", *PREDICTION_COLUMNS)
_FLOATS = ("sentiment_score", "topic_confidence", "touchpoint_confidence")
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".parquet": "parquet", ".jsonl": "jsonl"}
_SUFFIXES[".ndjson"] = "jsonl"
_SUFFIXES[".xlsx"] = "xlsx"

#: Data rows of one worksheet (Excel's 1,048,576 rows less the header); more go on to
#: "results (2)", "results (3)" ...
XLSX_SHEET_ROWS = 1_048_575
#: The most characters Excel keeps in a cell; longer values are cut to it.
XLSX_CELL_CHARS = 32_767
_MANIFEST = "manifest.json"


class StreamSummary(dict):
    """What :func:`classify_file` did.

    Keys: rows, chunks, chunks_skipped, distinct_texts, output, model_version,
    rows_unreadable and unreadable_file (the list of the rows that could not be read, or
    None), columns_left_out (input columns named for personal data, not passed through).
    """


def unreadable_path(output: Path) -> Path:
    """Where :func:`classify_file` lists the rows of its input it could not read."""
    return output.with_name(output.name + ".unreadable.csv")


def no_rows_error(name: str, unreadable: list) -> InputFileError:
    """The error for an input that gave no row to classify: none readable, or none at all."""
    if not unreadable:
        return InputFileError(f"{name} has no rows to classify.")
    first = unreadable[0]
    return InputFileError(
        f"None of the {len(unreadable):,} rows of {name} can be read "
        f"(line {first.line}: {first.problem[0]}).",
        hint="Check the delimiter and quoting, or load the file with `voc ingest`, "
        "which lists each such row in its quarantine.",
    )


def write_unreadable(records: list, output: Path) -> Path | None:
    """List unreadable rows (line, reason, detail, raw content redacted) beside ``output``.

    Returns the file, or ``None`` when there were none (a list left by an earlier run of the
    same output is removed).
    """
    import pandas as pd

    from voc.ingest.readers import raw_text
    from voc.pii import redact_batch
    from voc.spreadsheet import spreadsheet_csv

    path = unreadable_path(output)
    if not records:
        path.unlink(missing_ok=True)
        return None
    reasons = [record.problem for record in records]
    raws = redact_batch([raw_text(record).replace("\x00", "") for record in records])
    details = redact_batch([detail for _, detail in reasons])
    frame = pd.DataFrame(
        {
            "line": [record.line for record in records],
            "reason": [reason for reason, _ in reasons],
            "detail": [d.text for d in details],
            "raw_redacted": [r.text for r in raws],
        }
    )
    path.write_bytes(spreadsheet_csv(frame))
    return path


def load_model(taxonomy: str | Path | None = None, version: str | None = None):
    """Load a classifier from ``$VOC_MODELS_DIR/classifiers`` when set, else the repo's models.

    Args:
        taxonomy: Taxonomy YAML (default taxonomy when ``None``).
        version: Classifier version (newest when ``None``).
    """
    import os

    from voc.classify import load_classifier
    from voc.embed.paths import models_dir
    from voc.taxonomy import load_taxonomy

    root = models_dir() / "classifiers" if os.environ.get("VOC_MODELS_DIR") else None
    return load_classifier(load_taxonomy(taxonomy) if taxonomy else None, version, root=root)


def _format(path: Path) -> str:
    """The kind of output file ``path`` names (``csv``, ``parquet``, ``jsonl`` or ``xlsx``)."""
    kind = _SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputFileError(
            f"Cannot write the results as {path.name}: classification writes .csv, .tsv, "
            ".parquet, .jsonl, .ndjson or .xlsx files.",
            hint="Name the output file with one of these endings, e.g. -o results.xlsx.",
        )
    return kind


def _xlsx_cell(sheet, value):
    """``value`` as a worksheet cell.

    Text stays text (a comment starting with ``=`` is no formula), the control characters a
    workbook cannot hold are removed, and longer text is cut to :data:`XLSX_CELL_CHARS`.
    Numbers, booleans and dates stay what they are; a time with a zone (which a workbook
    cannot hold), lists, objects and other values of passed-through columns are written as
    text (ISO 8601, JSON).
    """
    import datetime as dt
    import decimal

    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
        value = value.isoformat()
    elif isinstance(value, bool | int | float | decimal.Decimal | dt.date | dt.time):
        return value
    elif isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    elif not isinstance(value, str):
        value = _json_text(value)
    value = ILLEGAL_CHARACTERS_RE.sub("", value)[:XLSX_CELL_CHARS]
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _json_text(value) -> str:
    """A passed-through value that is no text, number or date, as JSON (``["kurir"]``)."""
    if hasattr(value, "tolist"):  # a numpy array, as pandas reads a list column
        value = value.tolist()
    return json.dumps(value, ensure_ascii=False, default=str)


def _json_cells(frame):
    """``frame`` with list and object values written as JSON text (``["kurir", "hilang"]``).

    For CSV output of passed-through list columns, which pandas would write as a numpy
    array's repr (``['kurir' 'hilang']``).
    """
    import numpy as np

    nested = (np.ndarray, list, tuple, dict)
    for column in frame.select_dtypes(include="object", exclude="str").columns:
        if frame[column].map(lambda v: isinstance(v, nested)).any():
            frame[column] = frame[column].map(
                lambda v: _json_text(v) if isinstance(v, nested) else v
            )
    return frame


def _write_xlsx(files: list[Path], target: Path, show_progress: bool = False) -> None:
    """Write the parquet ``files``, in order, as the worksheet(s) of the workbook ``target``.

    A workbook is written at about 5,000 rows/s here (CSV: 100,000 rows/s), so a long one
    shows a bar of its own after the classification's.
    """
    import pyarrow.parquet as pq

    from voc.progress import progress_bar

    total = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    with progress_bar("Writing the workbook", total, enabled=show_progress) as advance:
        _fill_workbook(files, target, advance)


_SUMMARY_TASKS = ("topic", "touchpoint", "sentiment")
_SENTIMENTS = ("negative", "neutral", "positive")


def _write_summary(sheet, counts: dict[str, Counter], by_topic: Counter, flagged: int) -> None:
    """The ``summary`` sheet: comments per topic (with their sentiment), touchpoint, sentiment.

    What a CS lead would otherwise build as a pivot table first; the counts are of the
    ``results`` rows (primary topic), written once every row is.
    """
    total = sum(counts["sentiment"].values())
    sheet.append(["comments", total])
    sheet.append(["needs_review", flagged, round(flagged / total, 4) if total else None])
    for task in _SUMMARY_TASKS:
        sheet.append([])
        extra = [f"{task} & {s}" for s in _SENTIMENTS] if task == "topic" else []
        sheet.append([task, "comments", "share", *extra])
        for label, n in counts[task].most_common():
            split = [by_topic[(label, s)] for s in _SENTIMENTS] if task == "topic" else []
            sheet.append([_xlsx_cell(sheet, label), n, round(n / total, 4), *split])


def _fill_workbook(files: list[Path], target: Path, advance) -> None:
    import pyarrow.parquet as pq
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    summary = book.create_sheet("summary")  # first, filled last
    counts = {task: Counter() for task in _SUMMARY_TASKS}
    by_topic: Counter = Counter()
    flagged = 0
    sheet, rows, header, number = None, XLSX_SHEET_ROWS, None, 0
    for file in files:
        for batch in pq.ParquetFile(file).iter_batches(batch_size=2_000):
            names = batch.schema.names
            header = header or names
            empty = [None] * batch.num_rows
            values = [batch.column(c).to_pylist() if c in names else empty for c in header]
            column = dict(zip(header, values, strict=True))  # the summary counts these lists
            for task in counts:
                counts[task].update(v for v in column.get(task, empty) if v is not None)
            by_topic.update(
                zip(column.get("topic", empty), column.get("sentiment", empty), strict=True)
            )
            flagged += sum(bool(v) for v in column.get("needs_review", empty))
            for row in zip(*values, strict=True):
                if rows >= XLSX_SHEET_ROWS:
                    number += 1
                    sheet = book.create_sheet("results" if number == 1 else f"results ({number})")
                    sheet.freeze_panes = "A2"  # before the first row: write-only sheets
                    sheet.append(header)
                    rows = 0
                sheet.append([_xlsx_cell(sheet, v) for v in row])
                rows += 1
            advance(batch.num_rows)
    if sheet is None:
        book.create_sheet("results").append(header or [])
    _write_summary(summary, counts, by_topic, flagged)
    book.save(target)


def _input_format(path: Path) -> str:
    """``parquet`` or ``table`` (a file for the ingest readers, JSONL included)."""
    suffix = path.suffix.lower()
    if suffix in READER_SUFFIXES:  # the ingest readers (voc.ingest.tables)
        return "table"
    if suffix == ".parquet":
        return "parquet"
    raise InputFileError(
        f"{path.name} is not a CSV, TSV, XLSX, XLS, JSON, Parquet or JSONL file; classification "
        "reads .csv, .tsv, .txt, .xlsx, .xls, .json, .parquet, .jsonl and .ndjson (or a .gz/.zip "
        "of one)."
    )


def row_id(text: str) -> str:
    """Stable content id of a row without an id column: a hash of its raw text."""
    return "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _hash_and_count(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    lines = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
            lines += block.count(b"\n")
    return digest.hexdigest(), lines


def _rebatch(frames: Iterator, size: int) -> Iterator:
    """Yield frames of exactly ``size`` rows (the last may be shorter) from any frames."""
    import pandas as pd

    pending: list = []
    held = 0
    for frame in frames:
        pending.append(frame)
        held += len(frame)
        while held >= size:
            joined = pd.concat(pending, ignore_index=True) if len(pending) > 1 else pending[0]
            yield joined.iloc[:size].reset_index(drop=True)
            rest = joined.iloc[size:]
            pending, held = ([rest], len(rest)) if len(rest) else ([], 0)
    if held:
        yield pd.concat(pending, ignore_index=True)


def iter_chunks(
    path: str | Path, chunk_size: int, on_broken=None, sheet: str | None = None
) -> Iterator:
    """Yield DataFrames of ``chunk_size`` rows (text columns as strings) from a file.

    ``on_broken`` is handed each row of a CSV/TSV/XLSX/JSON(L) file that cannot be read (see
    :func:`voc.ingest.tables.table_frames`); without it such a row stops the reading.

    Raises:
        InputFileError: If the file is missing, of an unsupported type or unreadable.
    """
    path = Path(path)
    if not path.is_file():
        raise InputFileError(f"Input file {path} does not exist.")
    kind = _input_format(path)
    if kind == "table":
        yield from table_frames(
            path, chunk_size, purpose="classification", on_broken=on_broken, sheet=sheet
        )
        return
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        batches = pq.ParquetFile(path).iter_batches(batch_size=chunk_size)
        frames = (flat_arrow(pa.Table.from_batches([b])).to_pandas() for b in batches)
        yield from _rebatch(frames, chunk_size)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, InputFileError):
            raise
        raise InputFileError(
            f"Could not read {path.name} as PARQUET: {exc}. "
            "Check the file type, or convert it with `voc ingest` first."
        ) from exc


@functools.lru_cache(maxsize=64)
def _shown_headers(columns: tuple[str, ...]) -> dict[str, str]:
    """Pass-through headers as written out: PII in a header redacted (as the ingest does)."""
    from voc.ingest import shown_column_names

    return shown_column_names(columns) if columns else {}


def _empty_output(passthrough: list[str]):
    import pandas as pd

    shown = _shown_headers(tuple(passthrough))
    columns = {shown[c]: pd.Series([], dtype=object) for c in passthrough}
    for name in OUTPUT_COLUMNS:
        if name in _FLOATS:
            columns[name] = pd.Series([], dtype="float64")
        elif name == "needs_review":
            columns[name] = pd.Series([], dtype=bool)
        else:
            columns[name] = pd.Series([], dtype=object)
    return pd.DataFrame(columns)


def passthrough_columns(
    columns: list[str], text_col: str, id_col: str | None, keep_columns: Sequence[str]
) -> tuple[list[str], list[str], str | None]:
    """The input columns an output passes through, those left out, and the id column.

    Columns named for personal data (``Email``, ``No HP``, ``Nama``) are left out unless
    kept (:func:`voc.ingest.mapping.personal_columns`).
    """
    from voc.ingest.mapping import personal_columns

    source = id_col or ("feedback_id" if "feedback_id" in columns else None)
    drop = {text_col, *OUTPUT_COLUMNS} | ({source} if source else set())
    personal = personal_columns([c for c in columns if c not in drop], keep_columns)
    kept = [c for c in columns if c not in drop and c not in personal]
    return kept, personal, source


def columns_left_out(
    columns: list[str], text_col: str, id_col: str | None, keep_columns: Sequence[str]
) -> list[str]:
    """The columns named for personal data that an output leaves out, as named on stderr.

    Headers that hold PII are given redacted (:func:`voc.ingest.shown_column_names`).
    """
    _, left_out, _ = passthrough_columns(columns, text_col, id_col, keep_columns)
    shown = _shown_headers(tuple(left_out))
    return [shown[c] for c in left_out]


@functools.lru_cache(maxsize=4)
def _store_key(url: str) -> bytes:
    from voc.errors import StoreError
    from voc.store import get_engine
    from voc.store.settings import pseudonym_key

    try:
        return pseudonym_key(get_engine(url))
    except StoreError as exc:
        raise ConfigError(
            "Some ids hold personal data (a phone number, an e-mail address); they are written "
            "as pseudonyms keyed with the store's key, but the store cannot be opened: "
            f"{exc}",
            hint="Set VOC_DATABASE_URL to a store that can be opened, or pass an id column "
            "without personal data with --id-col.",
        ) from exc


def pseudonymised_ids(ids: list[str], key: bytes | None = None) -> list[str]:
    """``ids`` with each id that holds personal data replaced by its pseudonym.

    An id such as a chat export's phone number or an e-mail address becomes ``pid_`` + 24 hex
    digits, the pseudonym ``voc ingest`` stores for it
    (:func:`voc.ingest.pipeline.pseudonymous_id`), keyed with the store's key when ``key``
    is ``None`` (the store is opened only when such an id occurs): a classified file joins
    the store's rows, and its pseudonyms cannot be tested against a list of numbers. Only
    ids that could hold PII (an ``@``, whitespace or ten or more digits) reach the redactor;
    ``TKT-00123`` costs nothing.

    Raises:
        ConfigError: Such an id occurs, ``key`` is ``None`` and the store cannot be opened.
    """
    from voc.ingest.pipeline import may_hold_pii, pseudonymous_id

    suspect = sorted({i for i in ids if may_hold_pii(i)})
    if not suspect:
        return ids
    from voc.pii import redact_batch

    holding = [i for i, r in zip(suspect, redact_batch(suspect), strict=True) if r.counts]
    if not holding:
        return ids
    if key is None:
        from voc.store.engine import default_database_url

        key = _store_key(default_database_url())
    mapped = {i: pseudonymous_id(i, key) for i in holding}
    return [mapped.get(i, i) for i in ids]


def classify_chunk(
    frame,
    *,
    text_col: str,
    id_col: str | None,
    model,
    aspects: bool = True,
    keep_columns: Sequence[str] = (),
    id_key: bytes | None = None,
):
    """Classify one chunk, each distinct text once; return :data:`OUTPUT_COLUMNS` + pass-through.

    Args:
        frame: The chunk as read from the file.
        text_col: Column with the raw comment text (dropped from the output).
        id_col: Column to use as ``feedback_id``; ``None`` uses ``feedback_id`` when present,
            else :func:`row_id` of the text.
        model: A loaded :class:`~voc.classify.FeedbackClassifier` (only touched when the
            chunk has rows).
        aspects: Compute aspect-level sentiment.
        keep_columns: Columns to pass through even though their names say they hold
            personal data (:func:`voc.ingest.mapping.personal_columns`), which are
            otherwise left out.
        id_key: Key of the pseudonyms that replace ids holding personal data (see
            :func:`pseudonymised_ids`).
    """
    import numpy as np
    import pandas as pd

    from voc.ingest import listed_columns
    from voc.ingest.markup import plain_text
    from voc.language import detect_languages
    from voc.pii import redact_batch
    from voc.pipeline import predict_fast

    if text_col not in frame.columns:
        raise ColumnMappingError(
            f"Column '{text_col}' not found; available columns: {listed_columns(frame.columns)}.",
            hint="Pass the text column with --text-col NAME.",
        )
    if id_col is not None and id_col not in frame.columns:
        raise ColumnMappingError(
            f"--id-col '{id_col}' is not a column of the input; available: "
            f"{listed_columns(frame.columns)}."
        )
    raw = ["" if not isinstance(t, str) else t for t in frame[text_col].tolist()]
    passthrough, _, source = passthrough_columns(
        list(frame.columns), text_col, id_col, keep_columns
    )
    if not len(frame):
        return _empty_output(passthrough)
    texts = [plain_text(t)[0] for t in raw]  # HTML message bodies: the words, not the tags
    slots: dict[str, int] = {}
    index = np.fromiter((slots.setdefault(t, len(slots)) for t in texts), np.int64, len(texts))
    distinct = list(slots)
    redacted = [r.text for r in redact_batch(distinct)]
    pred = predict_fast(model, redacted, aspects=aspects).reset_index(drop=True)
    pred.insert(0, "lang", detect_languages(redacted))
    pred.insert(1, "text_redacted", redacted)
    pred = pred.iloc[index].reset_index(drop=True)
    if source:
        ids = pseudonymised_ids(frame[source].astype(str).tolist(), id_key)
    else:
        ids = [row_id(t) for t in raw]
    out = frame[passthrough].reset_index(drop=True).astype(object)
    out["feedback_id"] = pd.Series(ids, dtype=object)
    for name in OUTPUT_COLUMNS[1:]:
        out[name] = pred[name].to_numpy()
    for name in _FLOATS:
        out[name] = out[name].astype("float64").round(4)
    out["needs_review"] = out["needs_review"].astype(bool)
    for name in set(OUTPUT_COLUMNS) - set(_FLOATS) - {"needs_review"}:
        out[name] = out[name].astype(object)
    shown = _shown_headers(tuple(passthrough))
    out = out[passthrough + list(OUTPUT_COLUMNS)]
    return out.rename(columns=shown) if any(shown[c] != c for c in passthrough) else out


def _rate_progress(total: int | None, enabled: bool):
    """A rich progress bar with a rows/s column, or ``None`` when disabled."""
    if not enabled:
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _Rate(ProgressColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return Text("-- rows/s" if speed is None else f"{speed:,.0f} rows/s")

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        _Rate(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
    )


def _open_parts(parts: Path, manifest: dict) -> set[int]:
    """Return the chunk numbers already done; start afresh when the manifest differs."""
    path = parts / _MANIFEST
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            old = None
        if old == manifest:
            return {int(p.stem.split("-")[1]) for p in parts.glob("part-*.parquet")}
        shutil.rmtree(parts)
    try:
        parts.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    except OSError as exc:
        raise InputFileError(
            f"Cannot write {exc.filename or parts}: {exc.strerror or exc}.",
            hint="Choose an output path in a folder you can write to.",
        ) from None
    return set()


def _concat_parts(parts: Path, output: Path, n_chunks: int, show_progress: bool = False) -> None:
    """Write the parts, in order, into ``output`` one at a time (bounded memory)."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    kind = _format(output)
    tmp = output.with_name(output.name + ".tmp")
    files = [parts / f"part-{i:06d}.parquet" for i in range(n_chunks)]
    if kind == "xlsx":
        _write_xlsx(files, tmp, show_progress)
    elif kind == "parquet":
        schemas = [pq.read_schema(f) for f in files]
        schema = pa.unify_schemas(schemas, promote_options="permissive")
        with pq.ParquetWriter(tmp, schema) as writer:
            for file in files:
                writer.write_table(pq.read_table(file).cast(schema))
    else:
        sep = "\t" if output.suffix.lower() == ".tsv" else ","
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            for i, file in enumerate(files):
                frame = pd.read_parquet(file)
                if kind == "csv":
                    _json_cells(frame).to_csv(handle, index=False, header=i == 0, sep=sep)
                else:
                    text = frame.to_json(orient="records", lines=True, force_ascii=False)
                    handle.write(text if text.endswith("\n") or not text else text + "\n")
    tmp.replace(output)


def classify_file(
    input: str | Path,
    output: str | Path,
    *,
    text_col: str = "text",
    id_col: str | None = None,
    chunk_size: int = 10_000,
    model=None,
    aspects: bool = True,
    show_progress: bool = False,
    on_chunk: Callable[[int], None] | None = None,
    keep_columns: Sequence[str] = (),
    sheet: str | None = None,
) -> StreamSummary:
    """Classify a CSV/TSV/Parquet/JSONL file of any size into ``output``, resumably.

    Args:
        input: The feedback file.
        output: Result file (``.parquet``, ``.csv``, ``.tsv`` or ``.jsonl``).
        text_col: Column with the comment text (never written out; ``text_redacted`` is).
        id_col: Column to use as ``feedback_id`` (see :func:`classify_chunk`).
        chunk_size: Rows per chunk (and per checkpoint).
        model: A loaded classifier (default: the shipped one).
        aspects: Compute aspect-level sentiment.
        show_progress: Progress bar with rate and ETA on stderr.
        on_chunk: Called with the chunk number after each chunk is checkpointed (a test hook).
        keep_columns: Columns named for personal data to pass through all the same (see
            :func:`classify_chunk`); the summary's ``columns_left_out`` lists the others.
        sheet: The sheet to read from a workbook of several.

    Returns:
        A :class:`StreamSummary`.

    Raises:
        ConfigError: If ``chunk_size`` is not positive.
        InputFileError: If the input is missing or unreadable, or the output type is unknown.
        ColumnMappingError: If ``text_col``/``id_col`` is not a column of the input.
    """
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ConfigError(f"--batch-size must be a positive integer, not {chunk_size!r}.")
    input, output = Path(input), Path(output)
    if not input.is_file():
        raise InputFileError(f"Input file {input} does not exist.")
    if output.resolve() == input.resolve():
        raise InputFileError("The output file must differ from the input file.")
    # feedback.csv.gz, export.zip: the table inside is read (a plain file is read as it is)
    with unpacked(input) as input:
        kind = _input_format(input)
        _format(output)
        if not output.parent.is_dir():
            raise InputFileError(
                f"Cannot write {output}: the folder {output.parent} does not exist.",
                hint="Create the folder first, or choose another output path.",
            )
        if model is None:
            model = load_model()
        digest, lines = _hash_and_count(input)
        if kind == "parquet":
            import pyarrow.parquet as pq

            try:
                total = pq.ParquetFile(input).metadata.num_rows
            except (OSError, ValueError) as exc:
                raise InputFileError(
                    f"Could not read {input.name} as PARQUET: {exc}. Check the file type."
                ) from exc
        else:
            # a CSV's lines less its header, a JSONL's lines; 0 (unknown, the bar counts up)
            # for XLSX and JSON
            suffix = input.suffix.lower()
            is_csv = suffix in (".csv", ".tsv", ".tab", ".txt")
            total = max(lines - 1, 0) if is_csv else lines if suffix in (".jsonl", ".ndjson") else 0
        manifest = {
            "input_sha256": digest,
            "chunk_size": chunk_size,
            "text_col": text_col,
            "id_col": id_col,
            "aspects": aspects,
            "model_version": model.model_version,
            "review_thresholds": dict(vars(getattr(model, "review", None) or {})),
            "keep_columns": sorted(keep_columns),
            "sheet": sheet,
        }
        parts = output.with_name(output.name + ".parts")
        done = _open_parts(parts, manifest)
        summary = StreamSummary(
            rows=0, chunks=0, chunks_skipped=0, distinct_texts=0, columns_left_out=[]
        )
        unreadable: list = []  # rows of the input that cannot be read (ragged, bad JSON)
        progress = _rate_progress(total, show_progress)
        task = None
        if progress is not None:
            progress.start()
            task = progress.add_task("Classifying", total=total)
        try:
            frames = iter_chunks(input, chunk_size, unreadable.append, sheet=sheet)
            for number, frame in enumerate(frames):
                if number == 0:
                    columns = list(frame.columns)
                    left_out = columns_left_out(columns, text_col, id_col, keep_columns)
                    summary["columns_left_out"] = left_out
                summary["chunks"] += 1
                summary["rows"] += len(frame)
                if number in done:
                    summary["chunks_skipped"] += 1
                else:
                    result = classify_chunk(
                        frame,
                        text_col=text_col,
                        id_col=id_col,
                        model=model,
                        aspects=aspects,
                        keep_columns=keep_columns,
                    )
                    summary["distinct_texts"] += int(frame[text_col].nunique())
                    tmp = parts / f"tmp-{number:06d}.parquet"
                    result.to_parquet(tmp, index=False)
                    tmp.replace(parts / f"part-{number:06d}.parquet")
                if progress is not None:
                    progress.update(task, advance=len(frame), total=max(total, summary["rows"]))
                if on_chunk is not None:
                    on_chunk(number)
            if summary["chunks"] == 0:
                raise no_rows_error(input.name, unreadable)
            if progress is not None:
                progress.update(task, total=summary["rows"])
        finally:
            if progress is not None:
                progress.stop()
        _concat_parts(parts, output, summary["chunks"], show_progress)
        shutil.rmtree(parts)
        listed = write_unreadable(unreadable, output)
        summary["rows_unreadable"] = len(unreadable)
        summary["unreadable_file"] = str(listed) if listed else None
        summary["output"] = str(output)
        summary["model_version"] = model.model_version
        return summary

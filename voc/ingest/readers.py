"""Streaming readers that turn CSV/TSV, JSON, JSONL, XLSX and Parquet files into raw records.

Every reader yields :class:`RawRecord` objects with the 1-based source line (sheet row for
XLSX, row number for Parquet) and the raw content, so a bad row can be quarantined with its
origin. Rows that are broken at the file level (ragged CSV rows, JSON lines that do not parse)
carry an ``error`` instead of values. Memory stays bounded: files are read as streams, except
JSON arrays, which are parsed whole (use JSONL for very large exports).
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voc.errors import InputFileError, NotATableError
from voc.ingest.sniff import FileKind

__all__ = ["RawRecord", "TableSource", "open_sources", "raw_text"]

_DELIMITERS = (",", ";", "\t", "|")
_SNIFF_CHARS = 64 * 1024
_JSON_COLUMN_SCAN = 1000
_TITLE_SCAN_ROWS = 10
_ARRAY_KEYS = ("data", "items", "records", "results", "rows", "feedback", "reviews")

_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)  # texts of any length; long ones are truncated later


@dataclass(slots=True)
class RawRecord:
    """One row as read from the file.

    Attributes:
        line: 1-based source line (CSV/JSON/JSONL), sheet row (XLSX) or row number (Parquet).
        values: Column name -> value, or ``None`` when the row itself is broken.
        raw: The raw content (list of physical lines, a string, or a dict of values).
        error: ``(reason, detail)`` for a row broken at the file level, else ``None``.
    """

    line: int
    values: dict[str, Any] | None
    raw: Any
    error: tuple[str, str] | None = None

    @property
    def problem(self) -> tuple[str, str]:
        """``(reason, detail)`` of a broken row (every reader sets ``error`` for one)."""
        return self.error or ("broken_row", "the row cannot be read")


def raw_text(record: RawRecord) -> str:
    """Return the raw content of ``record`` as one string (for the quarantine)."""
    raw = record.raw
    if isinstance(raw, list):
        return "".join(raw).rstrip("\r\n")
    if isinstance(raw, dict):
        return json.dumps(raw, ensure_ascii=False, default=str)
    return str(raw).rstrip("\r\n")


@dataclass
class TableSource:
    """One table of a file: the whole CSV/JSON/Parquet file, or one sheet of a workbook.

    Attributes:
        name: Display name, ``file.xlsx[Sheet]`` for a sheet.
        columns: Column names in file order (made unique).
        records: Iterator over the rows after the header.
        close: Releases the open file (safe to call twice).
        notes: Sentences about the table for the ingest summary, without its name (e.g. title
            lines above the header).
    """

    name: str
    columns: list[str]
    records: Iterator[RawRecord]
    close: Callable[[], None] = lambda: None
    notes: tuple[str, ...] = ()


def _unique_columns(names: list[Any]) -> list[str]:
    """Clean header names: strip, fill blanks, make duplicates unique with a suffix."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for index, name in enumerate(names, start=1):
        text = "" if name is None else str(name).replace("\ufeff", "").replace("\x00", "").strip()
        text = text or f"column_{index}"
        if text in seen:
            seen[text] += 1
            text = f"{text}_{seen[text]}"
        else:
            seen[text] = 1
        out.append(text)
    return out


def _is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


#: The detail of a ``repeated_header`` row: exports joined with ``cat`` repeat the header.
_REPEATED_HEADER = "the row repeats the header (files joined together?)"


_IMPORT_ID = re.compile(r'\s*\{\s*"ImportId"\s*:')


def _second_header(fields: list[str], header: list[str]) -> str | None:
    """Why a row right under the header is more header, or ``None`` when it is data.

    Survey tools write up to two more header rows: the questions' texts, which name most
    columns again in other words (``StartDate`` / ``Start Date``, ``ResponseId`` /
    ``Response ID``), and import ids (``{"ImportId":"QID1"}``), as Qualtrics does. Such a
    row was loaded as a comment.
    """
    from voc.ingest.mapping import column_spellings

    filled = [(f, h) for f, h in zip(fields, header, strict=False) if f.strip()]
    if len(filled) < 2:
        return None
    if sum(bool(_IMPORT_ID.match(f)) for f, _ in filled) * 2 > len(filled):
        return "the row holds the columns' import ids (a survey tool's third header row)"
    named = sum(bool(set(column_spellings(f)) & set(column_spellings(h))) for f, h in filled)
    if named >= 2 and named * 2 >= len(filled):
        return "the row names the columns again (a survey tool's second header row)"
    return None


def _ragged(found: int, width: int) -> str:
    """The detail of a ``ragged_row``: a row of ``found`` fields under a header of ``width``."""
    what = "too many" if found > width else "too few"
    return f"{what} fields: expected {width}, found {found}"


def _short_header_note(rows: list[list[str]], width: int) -> str | None:
    """A note when every first row has more filled fields than the header names columns.

    Such a file's header lacks a name (an export that leaves its last column unnamed), and
    each of its rows is quarantined as ``ragged_row``; the note says why, so that the user
    adds the name rather than reads every quarantined row. The rows are not read under
    guessed names: the missing name may be anywhere in the header, and a shifted text
    column would be stored as comments.
    """
    widths = set()
    for fields in rows:
        filled = len(fields)
        while filled > width and not fields[filled - 1].strip():
            filled -= 1  # trailing empty cells, as spreadsheets write them
        widths.add(filled)
    if len(rows) < 2 or len(widths) != 1 or (found := widths.pop()) <= width:
        return None
    return (
        f"the header names {width} columns but the first {len(rows)} rows each have {found} "
        "fields: a column name is probably missing from the header, and such rows are "
        "quarantined as ragged_row."
    )


def _json_type(value: Any) -> str:
    """JSON's name for the type of a parsed value's container (``object``, ``array``)."""
    return type(value).__name__.replace("dict", "object").replace("list", "array")


# --- CSV / TSV -------------------------------------------------------------------------------


_DATA_LIKE = re.compile(r"[\d\s.,:;/+%()\-]+")


def _header_index(rows: list[list[str]]) -> int:
    """Index of the header among a CSV's first non-blank rows: after any title lines.

    Reports exported as CSV often start with a title ("Laporan Keluhan Mei 2026", often
    followed by empty fields up to the table's width) above the header. Rows before the first
    row with two filled fields are taken as such a title only when each has at most one
    filled field and that first row looks like a header: its filled fields are distinct and
    none is a number or date, and the rows after it mostly have its number of fields.
    Rows before that first row have at most one filled field by its definition.
    Otherwise the first row is the header, as in any CSV (one-column files included).
    """
    scan = rows[:_TITLE_SCAN_ROWS]
    filled = [[f.strip() for f in row if f.strip()] for row in scan]
    first = next((i for i, names in enumerate(filled) if len(names) >= 2), None)
    if not first:
        return 0
    names, after = filled[first], scan[first + 1 :]
    if len(set(names)) < len(names) or any(_DATA_LIKE.fullmatch(n) for n in names) or not after:
        return 0

    def width(row: list[str]) -> int:  # without trailing empty fields
        return max((i + 1 for i, f in enumerate(row) if f.strip()), default=0)

    # the rows after it have its number of fields, counted with or without trailing empties
    # (spreadsheets write every delimiter; an optional last column is often empty)
    fields = Counter(len(row) for row in after).most_common(1)[0][0]
    filled_width = Counter(width(row) for row in after).most_common(1)[0][0]
    header = scan[first]
    return first if fields == len(header) or filled_width == width(header) else 0


def _sniff_delimiter(sample: str, suffix: str) -> str:
    """Pick the delimiter whose rows most consistently match the header's field count."""
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last row
    text = "".join(lines)
    best: tuple[float, int, int] | None = None
    preferred = "\t" if suffix in (".tsv", ".tab") else ","
    choice = preferred
    for delimiter in _DELIMITERS:
        try:
            rows = [r for r in csv.reader(text.splitlines(keepends=True), delimiter=delimiter) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        start = _header_index(rows)
        width = len(rows[start])
        body = rows[start + 1 :]
        share = sum(len(r) == width for r in body) / len(body) if body else 1.0
        score = (share, width, 1 if delimiter == preferred else 0)
        if width > 1 and (best is None or score > best):
            best, choice = score, delimiter
    return choice


def _plain_lines(sample: str) -> bool:
    """Whether a ``.txt`` sample is comments one a line rather than a table.

    No delimiter splits its lines into a table (two or more fields in at least 80% of the
    lines, as many as the first), and its first line is no header that names a text column
    (``komentar``, ``Isi Keluhan``: at most four words). Such a file's first line is a
    comment, not a header.
    """
    from voc.ingest.mapping import guess_mapping

    lines = [line for line in sample.splitlines() if line.strip()]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line
    if not lines:
        return False
    for delimiter in _DELIMITERS:
        rows = list(csv.reader(lines, delimiter=delimiter))
        width = len(rows[0])
        if width > 1 and sum(len(r) == width for r in rows) >= 0.8 * len(rows):
            return False
    first = lines[0].strip().lstrip("\ufeff")
    return len(first.split()) > 4 or "text" not in guess_mapping([first])


def _lines_source(path: Path, handle) -> TableSource:
    """A ``.txt`` file of one comment a line (see :func:`_plain_lines`): the column ``text``."""

    def records() -> Iterator[RawRecord]:
        try:
            for number, line in enumerate(handle, start=1):
                text = line.rstrip("\r\n").lstrip("\ufeff") if number == 1 else line.rstrip("\r\n")
                if text.strip():
                    yield RawRecord(number, {"text": text}, line)
        finally:
            handle.close()

    note = "no header and no delimiter were found: each line was read as one comment."
    return TableSource(path.name, ["text"], records(), handle.close, (note,))


def _tap(handle, buffer: list[str]) -> Iterator[str]:
    """Yield the lines of ``handle`` while keeping the current record's lines in ``buffer``."""
    for line in handle:
        buffer.append(line)
        yield line


def _csv_source(path: Path, kind: FileKind) -> TableSource:
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    handle = path.open("r", encoding=kind.encoding, errors=kind.errors, newline="")
    try:
        sample = handle.read(_SNIFF_CHARS).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        handle.close()
        raise InputFileError(
            f"{path.name} is not valid {kind.encoding}: {exc}.",
            hint="Export the file again as UTF-8.",
        ) from exc
    handle.seek(0)
    first_line = sample.split("\n", 1)[0].rstrip("\r").lower()
    skip_lines = 0
    if first_line.startswith("sep=") and len(first_line) == 5:
        delimiter = first_line[4]
        skip_lines = 1
    else:
        delimiter = _sniff_delimiter(sample, path.suffix.lower())
        if path.suffix.lower() == ".txt" and _plain_lines(sample):
            return _lines_source(path, handle)
    buffer: list[str] = []
    reader = csv.reader(_tap(handle, buffer), delimiter=delimiter, quotechar='"', strict=False)

    def non_blank() -> Iterator[tuple[list[str], list[str], int]]:
        """Yield each non-blank record: fields, physical lines, first line number."""
        for fields in reader:
            lines = buffer[:]
            buffer.clear()
            if not "".join(lines).strip():
                continue
            yield fields, lines, reader.line_num - len(lines) + 1

    live = non_blank()
    try:
        for _ in range(skip_lines):
            next(reader)
            buffer.clear()
        head = list(itertools.islice(live, _TITLE_SCAN_ROWS))
    except csv.Error as exc:
        handle.close()
        raise InputFileError(f"{path.name} cannot be parsed as CSV: {exc}.") from exc
    if not head:
        handle.close()
        raise NotATableError(
            f"{path.name} has no header row: it holds only blank lines.",
            hint="Check the export: the file should have a header row and data rows.",
        )
    if head[0][0]:
        head[0][0][0] = head[0][0][0].lstrip("\ufeff")
    at = _header_index([fields for fields, _, _ in head])
    notes: tuple[str, ...] = ()
    if at:  # the title's words are not repeated: they may name a person
        above = "line above it was" if at == 1 else f"{at} lines above it were"
        notes = (f"the header is on line {head[at][2]}; the {above} read as a title, not as rows.",)
    columns = _unique_columns(head[at][0])
    width = len(columns)
    header = [f.strip().casefold() for f in head[at][0]]
    if note := _short_header_note([fields for fields, _, _ in head[at + 1 :]], width):
        notes = (*notes, note)

    def records() -> Iterator[RawRecord]:
        try:
            rows = itertools.chain(head[at + 1 :], live)
            for position, (fields, lines, start) in enumerate(rows):
                if len(fields) > width and not any(f.strip() for f in fields[width:]):
                    fields = fields[:width]  # trailing empty cells, as spreadsheets write them
                if len(fields) != width:
                    detail = _ragged(len(fields), width)
                    yield RawRecord(start, None, lines, ("ragged_row", detail))
                    continue
                if [f.strip().casefold() for f in fields] == header:
                    yield RawRecord(start, None, lines, ("repeated_header", _REPEATED_HEADER))
                    continue
                if position < 2 and (detail := _second_header(fields, head[at][0])):
                    yield RawRecord(start, None, lines, ("repeated_header", detail))
                    continue
                yield RawRecord(start, dict(zip(columns, fields, strict=True)), lines)
        except csv.Error as exc:
            raise InputFileError(
                f"{path.name} cannot be parsed as CSV near line {reader.line_num}: {exc}."
            ) from exc
        except UnicodeDecodeError as exc:
            raise InputFileError(
                f"{path.name} is not valid {kind.encoding} near line {reader.line_num}: {exc}.",
                hint="Export the file again as UTF-8.",
            ) from exc
        finally:
            handle.close()

    return TableSource(path.name, columns, records(), handle.close, notes)


# --- JSON / JSONL ----------------------------------------------------------------------------


def _flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Flatten nested objects into dotted keys (``{"a": {"b": 1}}`` -> ``{"a.b": 1}``)."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def _jsonl_records(path: Path, kind: FileKind) -> Iterator[RawRecord]:
    with path.open("r", encoding=kind.encoding, errors=kind.errors) as handle:
        for number, line in enumerate(handle, start=1):
            text = line.strip().lstrip("\ufeff")
            if not text:
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RawRecord(number, None, line, ("broken_json", f"invalid JSON: {exc.msg}"))
                continue
            if not isinstance(obj, dict):
                found = _json_type(obj)
                detail = f"the line holds a JSON {found}, not an object"
                yield RawRecord(number, None, line, ("broken_json", detail))
                continue
            yield RawRecord(number, _flatten(obj), line)


def _scan_columns(records: list[RawRecord]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        if record.values:
            for key in record.values:
                seen.setdefault(str(key), None)
    return list(seen)


def _later_keys(objects: Iterator[Any], columns: list[str]) -> list[str]:
    """``columns`` followed by every (flattened) key of ``objects`` it lacks, in order.

    The records after the first ``_JSON_COLUMN_SCAN`` are scanned for their keys only, so
    that a field an export adds late (a rating asked from March on) is a column like the
    others and is not dropped without a word. Elements that are no objects have no keys.
    """
    seen = dict.fromkeys(columns)
    for obj in objects:
        if not isinstance(obj, dict):
            continue
        for key, value in obj.items():
            if isinstance(value, dict):
                for name in _flatten(value, f"{key}."):
                    seen.setdefault(name, None)
            elif key not in seen:
                seen[str(key)] = None
    return list(seen)


def _jsonl_objects(path: Path, kind: FileKind, skip: int) -> Iterator[Any]:
    """The parsed values of the non-blank lines of a JSONL file after the first ``skip``."""
    loads = json.loads
    with path.open("r", encoding=kind.encoding, errors=kind.errors) as handle:
        seen = 0
        for line in handle:
            text = line.strip().lstrip("\ufeff")  # as _jsonl_records counts them
            if not text:
                continue
            seen += 1
            if seen <= skip:
                continue
            try:
                yield loads(text)
            except json.JSONDecodeError:
                continue  # quarantined when the rows are read


def _jsonl_source(path: Path, kind: FileKind) -> TableSource:
    head: list[RawRecord] = []
    stream = _jsonl_records(path, kind)
    for record in stream:
        head.append(record)
        if len(head) >= _JSON_COLUMN_SCAN:
            break
    columns = _scan_columns(head)
    if len(head) >= _JSON_COLUMN_SCAN:
        # One more pass for the keys of the remaining lines (1.0 s more for 216,000 short lines);
        # the rows themselves are read again, streamed, when the table is read.
        stream.close()
        columns = _later_keys(_jsonl_objects(path, kind, len(head)), columns)
        stream = itertools.islice(_jsonl_records(path, kind), len(head), None)

    def records() -> Iterator[RawRecord]:
        yield from head
        yield from stream

    return TableSource(path.name, columns, records())


def _json_array_items(text: str, name: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, element)`` for each element of the top-level JSON array in ``text``."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    line, counted_to = 1, 0
    length = len(text)

    def skip_ws(at: int) -> int:
        while at < length and text[at] in " \t\r\n":
            at += 1
        return at

    pos = skip_ws(pos)
    if pos < length and text[pos] == "]":
        return
    while True:
        pos = skip_ws(pos)
        line += text.count("\n", counted_to, pos)
        counted_to = pos
        try:
            element, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise InputFileError(
                f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
                hint="Fix the file, or export it as JSON Lines (one object per line) so that "
                "broken records can be quarantined one by one.",
            ) from exc
        yield line, element
        pos = skip_ws(end)
        if pos < length and text[pos] == ",":
            pos += 1
            continue
        if pos < length and text[pos] == "]":
            return
        lineno = text.count("\n", 0, pos) + 1
        raise InputFileError(
            f"{name} is not valid JSON: expected ',' or ']' at line {lineno}.",
            hint="Fix the file, or export it as JSON Lines (one object per line).",
        )


def _json_source(path: Path, kind: FileKind) -> TableSource:
    text = path.read_text(encoding=kind.encoding, errors=kind.errors).lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("["):

        def fresh_items() -> Iterator[tuple[int, Any]]:
            return _json_array_items(text, path.name)
    else:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputFileError(
                f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}, "
                f"column {exc.colno}.",
                hint="Fix the file, or export it as JSON Lines (one object per line).",
            ) from exc
        rows = _find_row_list(document, path.name)

        def fresh_items() -> Iterator[tuple[int, Any]]:
            return iter(enumerate(rows, start=1))

    items = fresh_items()
    first = next(items, None)
    if first is not None and _is_header_row(first[1]):
        # An array of arrays whose first array names the columns (spreadsheet APIs, pandas
        # ``orient="split"``/``"values"`` exports with a header row).
        columns = _unique_columns(first[1])
        return TableSource(path.name, columns, _array_rows(items, columns))
    if first is not None:
        items = itertools.chain([first], items)

    def records_from(pairs: Iterator[tuple[int, Any]]) -> Iterator[RawRecord]:
        for line, element in pairs:
            if isinstance(element, dict):
                yield RawRecord(line, _flatten(element), element)
            else:
                found = type(element).__name__
                detail = f"the array element is a JSON {found}, not an object"
                yield RawRecord(line, None, json.dumps(element), ("broken_json", detail))

    stream = records_from(items)
    head = [record for _, record in zip(range(_JSON_COLUMN_SCAN), stream, strict=False)]
    columns = _scan_columns(head)
    if len(head) >= _JSON_COLUMN_SCAN:
        # The keys of the remaining elements, in a pass of their own over the text (held
        # already) so that the records are still made one at a time when read.
        rest = itertools.islice(fresh_items(), len(head), None)
        columns = _later_keys((element for _, element in rest), columns)

    def records() -> Iterator[RawRecord]:
        yield from head
        yield from stream

    return TableSource(path.name, columns, records())


def _is_header_row(element: Any) -> bool:
    """A JSON array of two or more distinct, non-empty strings: a header row."""
    return (
        isinstance(element, list)
        and len(element) >= 2
        and all(isinstance(v, str) and v.strip() for v in element)
        and len(set(element)) == len(element)
    )


def _array_rows(items: Iterator[tuple[int, Any]], columns: list[str]) -> Iterator[RawRecord]:
    """Rows of an array-of-arrays table; other lengths are ragged, other types broken."""
    width = len(columns)
    for line, element in items:
        raw = json.dumps(element, ensure_ascii=False, default=str)
        if not isinstance(element, list):
            found = _json_type(element)
            detail = f"the array element is a JSON {found}, not an array like the header"
            yield RawRecord(line, None, raw, ("broken_json", detail))
        elif len(element) != width:
            detail = _ragged(len(element), width)
            yield RawRecord(line, None, raw, ("ragged_row", detail))
        else:
            yield RawRecord(line, dict(zip(columns, element, strict=True)), raw)


def _keyed_records(document: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows of an object whose every value is an object.

    Two exports have this shape: records keyed by their id (Firebase Realtime Database,
    pandas ``orient="index"``: ``{"-Nx1": {"text": ...}, "-Nx2": {...}}``), whose key becomes
    the column ``id`` (``key`` when the records have an ``id`` of their own), and columns
    keyed by row label (pandas ``to_json()``'s default ``orient="columns"``:
    ``{"text": {"0": ..., "1": ...}}``), turned back into rows (labels other than row
    numbers become the column ``id`` too). It is read as columns when
    every inner object has the same keys and these are row numbers, or when the outer keys
    name a text column and the inner ones do not. Until 2026-11-28 both were read as one
    row, with every record's fields as columns of it.
    """
    from voc.ingest.mapping import guess_mapping

    first = list(next(iter(document.values())))
    same = bool(first) and all(set(value) == set(first) for value in document.values())
    numbered = same and all(key.isdigit() for key in first)
    if numbered or (
        same and "text" in guess_mapping(document) and "text" not in guess_mapping(first)
    ):
        if numbered:
            return [{c: document[c][row] for c in document} for row in sorted(first, key=int)]
        label = "key" if "id" in document else "id"  # the row labels, as ticket numbers
        return [{label: row, **{c: document[c][row] for c in document}} for row in first]
    label = "key" if any("id" in value for value in document.values()) else "id"
    return [{label: key, **value} for key, value in document.items()]


def _find_row_list(document: Any, name: str) -> list[Any]:
    if isinstance(document, dict) and _is_header_row(document.get("columns")):
        data = document.get("data")
        if isinstance(data, list):  # pandas ``orient="split"``: columns + data
            return [document["columns"], *data]
    if isinstance(document, dict):
        lists = {k: v for k, v in document.items() if isinstance(v, list)}
        for key in _ARRAY_KEYS:
            if key in lists:
                return lists[key]
        if len(lists) == 1:
            return next(iter(lists.values()))
        if lists:
            raise NotATableError(
                f"{name} holds several lists ({', '.join(lists)}); it is unclear which is the "
                "table.",
                hint="Export one list of records as a JSON array or as JSON Lines.",
            )
        values = list(document.values())
        if (
            len(values) >= 2
            and all(isinstance(v, dict) for v in values)
            and set(values[0]).intersection(*values[1:])  # alike objects, not {meta, result}
        ):
            return _keyed_records(document)
        return [document]
    raise NotATableError(
        f"{name} holds a single JSON {type(document).__name__}, not a list of records.",
        hint="Export the records as a JSON array of objects or as JSON Lines.",
    )


# --- XLSX ------------------------------------------------------------------------------------


def _xlsx_sources(path: Path, sheet: str | None) -> list[TableSource]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise InputFileError(
            f"{path.name} cannot be opened as an Excel workbook: {exc}.",
            hint="Open it in a spreadsheet program and save it again as XLSX.",
        ) from exc

    def rows_of(name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        return _sheet_rows(workbook[name])

    return _workbook_sources(path.name, list(workbook.sheetnames), sheet, rows_of, workbook.close)


def _workbook_sources(
    file_name: str,
    names: list[str],
    sheet: str | None,
    rows_of: Callable[[str], Iterator[tuple[int, tuple[Any, ...]]]],
    close: Callable[[], None],
) -> list[TableSource]:
    """The tables of a workbook's sheets ``names``, or of ``sheet`` alone; empty ones left out.

    ``rows_of(name)`` gives a sheet's non-blank rows; ``close`` releases the workbook.

    Raises:
        InputFileError: ``sheet`` names none of the sheets.
    """
    if sheet is not None and sheet not in names:
        close()
        raise InputFileError(
            f"{file_name} has no sheet named {sheet!r}. Its sheets are: {', '.join(names)}.",
            hint="Pass one of these names with --sheet, or leave --sheet out to read all.",
        )
    sources = []
    for name in [sheet] if sheet else names:
        source = _sheet_source(file_name, name, rows_of(name), close)
        if source is not None:
            sources.append(source)
    if not sources:
        close()
    return sources


def _sheet_source(
    file_name: str,
    sheet_name: str,
    sheet_rows: Iterator[tuple[int, tuple[Any, ...]]],
    close: Callable[[], None],
) -> TableSource | None:
    """The table of one sheet (``None`` for an empty one): its header row found under titles."""
    head = list(itertools.islice(sheet_rows, _TITLE_SCAN_ROWS))
    if not head:
        return None
    # Reports often put a title above the header: the header is the first row with as
    # many filled cells as the widest of the first rows (at most 2 needed).
    widest = max(_filled(values) for _, values in head)
    start = next(i for i, (_, values) in enumerate(head) if _filled(values) >= min(widest, 2))
    header_values = head[start][1]
    sheet_rows = itertools.chain(head[start + 1 :], sheet_rows)
    columns = _unique_columns(list(header_values))
    while columns and columns[-1].startswith("column_") and len(columns) > 1:
        if not _is_blank(header_values[len(columns) - 1]):
            break
        columns.pop()  # blank header cells right of the table
    return TableSource(
        f"{file_name}[{sheet_name}]", columns, _sheet_records(sheet_rows, columns), close
    )


# --- XLS (Excel 97-2003) ---------------------------------------------------------------------


def _xls_sources(path: Path, sheet: str | None) -> list[TableSource]:
    """The sheets of a legacy ``.xls`` workbook, read with xlrd like the XLSX sheets."""
    import io

    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, logfile=io.StringIO())
    except Exception as exc:  # xlrd raises many types for damaged files
        raise InputFileError(
            f"{path.name} cannot be opened as an Excel 97-2003 workbook: {exc}.",
            hint="Open it in a spreadsheet program and save it again as XLSX or CSV.",
        ) from exc

    def rows_of(name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        return _xls_rows(book.sheet_by_name(name), book.datemode)

    names = list(book.sheet_names())
    return _workbook_sources(path.name, names, sheet, rows_of, book.release_resources)


def _xls_value(cell, datemode: int) -> Any:
    """A cell's value as openpyxl gives an XLSX cell's: ints for whole numbers, datetimes."""
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() else value
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, datemode)
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERROR")
    return value


def _xls_rows(worksheet, datemode: int) -> Iterator[tuple[int, tuple[Any, ...]]]:
    for index in range(worksheet.nrows):
        values = tuple(_xls_value(c, datemode) for c in worksheet.row(index))
        if values and not all(_is_blank(v) for v in values):
            yield index + 1, values


def _filled(values: tuple[Any, ...]) -> int:
    return sum(not _is_blank(v) for v in values)


def _sheet_rows(worksheet) -> Iterator[tuple[int, tuple[Any, ...]]]:
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if values and not all(_is_blank(v) for v in values):
            yield number, values


def _sheet_records(
    rows: Iterator[tuple[int, tuple[Any, ...]]], columns: list[str]
) -> Iterator[RawRecord]:
    width = len(columns)
    for position, (number, values) in enumerate(rows):
        extra = [v for v in values[width:] if not _is_blank(v)]
        if extra:
            raw = {f"column_{i}": v for i, v in enumerate(values, start=1) if not _is_blank(v)}
            detail = f"too many fields: {len(extra)} filled cell(s) right of the last header"
            yield RawRecord(number, None, raw, ("ragged_row", detail))
            continue
        padded = list(values[:width]) + [None] * (width - len(values))
        row = dict(zip(columns, padded, strict=True))
        texts = ["" if _is_blank(v) else str(v) for v in padded]
        if position < 2 and (detail := _second_header(texts, columns)):
            yield RawRecord(number, None, row, ("repeated_header", detail))
            continue
        yield RawRecord(number, row, row)


# --- Parquet ---------------------------------------------------------------------------------


def _parquet_source(path: Path, batch_size: int) -> TableSource:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for damaged files
        raise InputFileError(
            f"{path.name} cannot be read as a Parquet file: {exc}.",
            hint="Write the file again, or export it as CSV.",
        ) from exc
    from voc.ingest.tables import flat_arrow

    # struct fields as the columns ``feedback.text``, the keys _flatten gives each row (until
    # 2026-11-28 the column list said ``feedback``, and a struct's fields were dropped)
    columns = flat_arrow(parquet.schema_arrow.empty_table()).column_names

    def records() -> Iterator[RawRecord]:
        number = 0
        for batch in parquet.iter_batches(batch_size=batch_size):
            for row in batch.to_pylist():
                number += 1
                row = _flatten(row)
                yield RawRecord(number, row, row)

    return TableSource(path.name, _unique_columns(columns), records())


def open_sources(
    path: str | Path, kind: FileKind, *, sheet: str | None = None, batch_size: int = 20_000
) -> list[TableSource]:
    """Open the tables of ``path`` (one per sheet for a workbook, else one).

    Args:
        path: The file.
        kind: Its format and encoding from :func:`voc.ingest.sniff.sniff_file`.
        sheet: For workbooks, the one sheet to read (all sheets when ``None``).
        batch_size: Rows per Parquet batch.

    Raises:
        InputFileError: The file cannot be parsed, or ``sheet`` names no sheet.
        NotATableError: The file holds no table.
    """
    path = Path(path)
    if sheet is not None and kind.format not in ("xlsx", "xls"):
        raise InputFileError(
            f"--sheet only applies to Excel workbooks, but {path.name} is {kind.format}.",
            hint="Leave --sheet out for this file.",
        )
    if kind.format == "csv":
        return [_csv_source(path, kind)]
    if kind.format == "jsonl":
        return [_jsonl_source(path, kind)]
    if kind.format == "whatsapp":
        from voc.ingest.whatsapp import whatsapp_source

        return [whatsapp_source(path, kind)]
    if kind.format == "json":
        return [_json_source(path, kind)]
    if kind.format in ("xlsx", "xls"):
        sources = (_xlsx_sources if kind.format == "xlsx" else _xls_sources)(path, sheet)
        if not sources:
            raise NotATableError(
                f"{path.name} is a workbook whose sheets are all empty.",
                hint="Check that the export wrote data into the workbook.",
            )
        return sources
    if kind.format == "parquet":
        return [_parquet_source(path, batch_size)]
    raise InputFileError(f"{path.name} has the unsupported format {kind.format!r}.")

"""The ingest pipeline: read a file in chunks, validate, de-duplicate, redact, store.

Each chunk runs in one transaction that also updates its ingest run's counters, so the
invariant ``rows_in = loaded + quarantined + duplicates`` holds in the store at every commit.
Raw text never reaches the store: texts, categorical values, quarantined raw rows and their
details all pass through the PII redactor first.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from voc.errors import ColumnMappingError, ConfigError, InputFileError, StoreError, VocError
from voc.ingest.archives import unpacked
from voc.ingest.mapping import load_mapping, mapped_columns, mapped_values, resolve_mapping
from voc.ingest.readers import RawRecord, TableSource, open_sources, raw_text
from voc.ingest.sniff import sniff_file
from voc.ingest.validate import (
    CLEAN_KEYS,
    MARKUP_KEY,
    MAX_ID_CHARS,
    MAX_TEXT_CHARS,
    MAX_VALUE_CHARS,
    NUMERIC_DATE_KEY,
    NUMERIC_DATE_KINDS,
    SCORE_WORDS_KEY,
    RowProblem,
    business_timezone,
    date_order,
    validate_row,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "IngestSummary",
    "ingest_file",
    "inspect_file",
    "may_hold_pii",
    "preview_file",
    "pseudonymous_id",
    "shown_column_names",
    "summary_totals",
]

DEFAULT_CHUNK_SIZE = 20_000
# Tries per chunk when another ingest stores the same feedback ids first (see run_chunk).
_CHUNK_ATTEMPTS = 3
_log = logging.getLogger(__name__)
_HASHED_KEYS = tuple(k for k in CLEAN_KEYS if k != "feedback_id")
_REDACTED_FIELDS = ("channel", "customer_segment", "product_line", "region", "agent_id")

Redactor = Callable[[Sequence[str]], Sequence[Any]]
LanguageDetector = Callable[[Sequence[str]], Sequence[str]]


@dataclass
class IngestSummary:
    """What one ingest did; ``rows_in == loaded + quarantined + duplicates`` always.

    Attributes:
        run_id: Id of the ``ingest_runs`` row.
        file_name: Base name of the file.
        file_hash: SHA-256 of the file's bytes.
        file_format: ``csv``, ``json``, ``jsonl``, ``xlsx`` or ``parquet``.
        encoding: Text encoding used (``None`` for binary formats).
        rows_in: Data rows read (blank lines and fully empty sheet rows are not rows).
        loaded: Rows stored in ``feedback``.
        quarantined: Rows stored in ``quarantine``.
        duplicates: Rows already in the store with the same id and content.
        truncated: Loaded rows whose text was cut to 20,000 characters.
        quarantine_reasons: Reason code -> number of rows.
        pii_counts: PII type -> number of spans redacted (texts, fields and quarantine).
        mapping: Table name -> (target column -> source column).
        warnings: Notes (encoding repairs, skipped sheets, unused columns).
        seconds: Wall time.
    """

    run_id: int
    file_name: str
    file_hash: str
    file_format: str
    encoding: str | None
    rows_in: int = 0
    loaded: int = 0
    quarantined: int = 0
    duplicates: int = 0
    truncated: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    pii_counts: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, dict[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def invariant_ok(self) -> bool:
        """Whether ``rows_in == loaded + quarantined + duplicates``."""
        return self.rows_in == self.loaded + self.quarantined + self.duplicates

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (with ``invariant_ok``)."""
        out = asdict(self)
        out["invariant_ok"] = self.invariant_ok
        return out


#: The counters of an ingest that add up over several files.
_TOTALLED = ("rows_in", "loaded", "quarantined", "duplicates")


def summary_totals(summaries: Iterable[IngestSummary]) -> dict[str, int]:
    """``rows_in``, ``loaded``, ``quarantined`` and ``duplicates`` summed over ingests."""
    summaries = list(summaries)
    return {name: sum(getattr(s, name) for s in summaries) for name in _TOTALLED}


def _default_redactor() -> Redactor:
    from voc.pii.parallel import batch_redactor

    return batch_redactor()  # one worker process per core once 20,000+ texts are in


def _default_language_detector() -> LanguageDetector:
    from voc.language import detect_languages

    return detect_languages


def _digest(*parts: str, key: bytes = b"") -> str:
    """Hex digest of ``parts``: keyed BLAKE2b (a MAC) or, without a key, SHA-256.

    The key is the store's pseudonym key; a store written before it has none
    (:mod:`voc.store.settings`).
    """
    data = "\x1f".join(parts).encode("utf-8")
    if key:
        return hashlib.blake2b(data, key=key, digest_size=32).hexdigest()
    return hashlib.sha256(data).hexdigest()


def _iso(value: dt.datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def content_id(clean: Mapping[str, Any], key: bytes = b"") -> str:
    """Stable id of a row without a source id: a hash of text, created_at and channel.

    ``key`` is the store's pseudonym key (:func:`voc.store.settings.pseudonym_key`).
    """
    parts = (clean["text"], _iso(clean["created_at"]), clean["channel"] or "")
    return "h" + _digest(*parts, key=key)[:24]


def pseudonymous_id(source_id: str, key: bytes = b"") -> str:
    """Stable stand-in for a source id that holds PII: ``pid_`` + 24 hex digits.

    ``key`` is the store's pseudonym key: the same store gives the same id the same stand-in.
    """
    return "pid_" + _digest("feedback_id", source_id, key=key)[:24]


def customer_pseudonym(customer_id: str, key: bytes = b"") -> str:
    """Stable stand-in for a customer id that holds PII: ``cust_`` + 16 hex digits."""
    return "cust_" + _digest(customer_id, key=key)[:16]


# The fewest digits of a PII item the redactor finds without a cue word (a phone number
# such as 0812345678); account numbers need a cue ("rek"), NIK, NPWP and cards are longer.
_PII_MIN_DIGITS = 10


def may_hold_pii(source_id: str) -> bool:
    """Whether an id could hold a PII item: an ``@``, whitespace or 10+ digits."""
    return (
        "@" in source_id
        or any(ch.isspace() for ch in source_id)
        or sum(ch.isdigit() for ch in source_id) >= _PII_MIN_DIGITS
    )


_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")


def _collision_warning(summary: IngestSummary, id_prefix: str | None) -> str | None:
    """A hint when most rows hit stored ids with other content: another system's numbering."""
    conflicts = summary.quarantine_reasons.get("conflicting_duplicate_id", 0)
    if id_prefix or conflicts < max(10, summary.rows_in // 2):
        return None
    return (
        f"{conflicts:,} of {summary.rows_in:,} rows have the id of a stored row with other "
        "content. If this file comes from another system than earlier files (both numbering "
        "their records from 1, say), ingest it again with an id prefix naming that system "
        "(voc ingest --id-prefix NAME); its quarantined rows stay where they are."
    )


def _checked_prefix(prefix: str | None) -> str | None:
    """``prefix`` stripped, or ``None``; raise when it is not a short plain name."""
    if prefix is None or not prefix.strip():
        return None
    prefix = prefix.strip()
    if not _PREFIX.fullmatch(prefix):
        raise ConfigError(
            f"The id prefix {prefix!r} is not a short name of letters, digits, '_', '.' or "
            "'-' (at most 40 characters).",
            hint="Name the source system, e.g. --id-prefix zendesk.",
        )
    return prefix


def _without_nul(value):
    """``value`` without NUL characters when it is a string; other values as they are."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def _sheet_of(file_name: str, table_name: str) -> str | None:
    """The sheet of a workbook table named ``file.xlsx[Sheet]`` (the readers' naming)."""
    prefix = f"{file_name}["
    if table_name != file_name and table_name.startswith(prefix) and table_name.endswith("]"):
        return table_name[len(prefix) : -1]
    return None


def _shown_names(redactor, file_name: str, names: list[str]) -> tuple[dict[str, str], Counter[str]]:
    """File and sheet names as stored and shown: PII in a name is redacted.

    Chat exports are often named after the customer (``WhatsApp Chat with +62 812...``,
    ``chat_081234567890.csv``); underscores are read as spaces so that a number glued to
    a word by ``_`` is found. A sheet's name ``file.xlsx[Sheet]`` is redacted in its two
    parts (read whole, ``[Mei]`` looked like a name). Returns ``name -> shown name`` for
    ``file_name`` and ``names``, and the PII counts found.
    """
    from voc.pii.parallel import in_process

    def parts(name: str) -> tuple[str, ...]:
        sheet = _sheet_of(file_name, name)
        return (name,) if sheet is None else (file_name, sheet)

    split = {name: parts(name) for name in {file_name, *names}}
    distinct = sorted({part for pieces in split.values() for part in pieces})
    results = in_process(redactor)([n.replace("_", " ") for n in distinct])
    plain, counts = {}, Counter()
    for part, result in zip(distinct, results, strict=True):
        plain[part] = result.text if result.counts else part
        counts.update(result.counts)
    shown = {}
    for name, pieces in split.items():
        shown[name] = f"{plain[pieces[0]]}[{plain[pieces[1]]}]" if len(pieces) == 2 else plain[name]
    return shown, counts


def _shown_headers(redactor, columns: Sequence[str]) -> tuple[dict[str, str], Counter[str]]:
    """Column headers that hold PII (``Pesan dari Budi Santoso``) -> their redacted form.

    A header is stored and shown in the run's mapping and warnings; a survey tool may put a
    customer's or agent's name or number into one. Headers without PII are not in the dict.
    """
    from voc.pii.parallel import in_process

    distinct = sorted({c for c in columns if c and c.strip()})
    results = in_process(redactor)([c.replace("_", " ") for c in distinct]) if distinct else []
    shown, counts = {}, Counter()
    for column, result in zip(distinct, results, strict=True):
        if result.counts:
            shown[column] = result.text
            counts.update(result.counts)
    return shown, counts


def listed_columns(columns: Sequence[Any], redactor: Redactor | None = None) -> str:
    """``columns`` as an error message lists them: ``a, b, c``, PII in a header redacted."""
    names = [str(c) for c in columns]
    shown = shown_column_names(names, redactor)
    return ", ".join(shown[c] for c in names)


def shown_column_names(columns: Sequence[str], redactor: Redactor | None = None) -> dict[str, str]:
    """Each column -> the name to show for it: PII in a header redacted, the names unique.

    As the ingest stores headers in a run's mapping and warnings (``Pesan dari Budi
    Santoso`` -> ``Pesan dari [NAME]``); two headers that redact alike get `` (2)``, `` (3)``
    after the later ones, so a preview's columns stay apart.
    """
    from voc.pii import redact_batch

    headers, _ = _shown_headers(redactor or redact_batch, list(columns))
    names: dict[str, str] = {}
    used: set[str] = set()
    for column in columns:
        name = headers.get(column, column)
        number = 2
        while name in used:
            name, number = f"{headers.get(column, column)} ({number})", number + 1
        names[column] = name
        used.add(name)
    return names


def _shown_mapping(mapping: Mapping[str, Any], headers: Mapping[str, str]) -> dict[str, Any]:
    """``mapping`` with the headers that hold PII redacted (see :func:`_shown_headers`)."""
    return {
        target: [headers.get(c, c) for c in source]
        if isinstance(source, list)
        else headers.get(source, source)
        if isinstance(source, str)
        else source
        for target, source in mapping.items()
    }


def _with_shown_headers(sentence: str, headers: Mapping[str, str]) -> str:
    for raw, shown in sorted(headers.items(), key=lambda kv: -len(kv[0])):
        sentence = sentence.replace(raw, shown)
    return sentence


def shown_file_name(name: str, redactor: Redactor | None = None) -> str:
    """A file's name as the ingest stores and shows it: PII in it redacted.

    For showing a file's name before it is ingested (the app's upload page names files in
    its progress bar and summaries); the same rule as the stored ``file_name``.
    """
    return shown_table_names(name, [], redactor)[name]


def shown_table_names(
    file_name: str, names: Sequence[str], redactor: Redactor | None = None
) -> dict[str, str]:
    """``name -> shown name`` for a file and its tables (``file.xlsx[Sheet]``), PII redacted.

    The same rule as the names the ingest stores (a sheet's name apart from the file's).
    """
    from voc.pii import redact_batch

    shown, _ = _shown_names(redactor or redact_batch, file_name, list(names))
    return shown


def content_hash(clean: Mapping[str, Any], key: bytes = b"") -> str:
    """Hash of every mapped value of a row (raw text included): equal hashes, same content.

    Keyed with the store's pseudonym ``key``, so a stored hash cannot be tested against
    guesses of the raw text by anyone without the store.
    """
    values = ("\x00" if clean[k] is None else str(clean[k]) for k in _HASHED_KEYS)
    return _digest(*values, key=key)


def _week(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    day = value.date()
    return day - dt.timedelta(days=day.weekday())


def _chunks(records: Iterator[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    while chunk := list(itertools.islice(records, size)):
        yield chunk


@dataclass
class _Chunk:
    """The outcome of one chunk before it is written."""

    loaded: list[dict[str, Any]] = field(default_factory=list)
    quarantine: list[tuple[RawRecord, str, str]] = field(default_factory=list)
    duplicates: int = 0
    nul_lines: list[int] = field(default_factory=list)


@dataclass
class _Notes:
    """What a run's warnings report, counted while its rows are checked.

    Copied before each chunk attempt and put back when the attempt is retried, so a chunk
    checked twice counts once.
    """

    nul_rows: int = 0  # rows whose values held NUL bytes (removed)
    nul_first: tuple[str, int] | None = None  # (table, line) of the first
    numeric_dates: Counter[str] = field(default_factory=Counter)  # created_at numbers, by kind
    markup_rows: int = 0  # texts exported as HTML, their markup removed
    score_words: Counter[str] = field(default_factory=Counter)  # CSAT/NPS read from words

    def copy(self) -> _Notes:
        """An independent copy."""
        return _Notes(
            self.nul_rows,
            self.nul_first,
            self.numeric_dates.copy(),
            self.markup_rows,
            self.score_words.copy(),
        )

    def warnings(self, month_first_tables: Sequence[str] = ()) -> list[str]:
        """The sentences for the run's summary, in a fixed order.

        ``month_first_tables``: the (shown) tables whose dates were read MM/DD/YYYY.
        """
        out = []
        if self.nul_rows:
            table, line = self.nul_first
            rows = "row" if self.nul_rows == 1 else "rows"
            out.append(
                f"NUL bytes were removed from the values of {self.nul_rows:,} {rows} "
                f"(first: {table} line {line})."
            )
        if self.markup_rows:
            texts = "text was" if self.markup_rows == 1 else "texts were"
            out.append(
                f"{self.markup_rows:,} {texts} HTML (as help desks export message bodies): "
                "the markup was removed and the words kept."
            )
        if self.score_words:
            read = "; ".join(
                f"{how} ({count:,} {'row' if count == 1 else 'rows'})"
                for how, count in self.score_words.most_common(8)
            )
            more = len(self.score_words) - 8
            out.append(
                f"Scores held words or stars, read as numbers: {read}"
                + (f"; {more} more" if more > 0 else "")
                + "."
            )
        out.extend(
            f"{table}: created_at dates were read month first (MM/DD/YYYY, US order): some "
            "have a second number above 12 (such as 05/13/2026) and none a first one."
            for table in month_first_tables
        )
        if self.numeric_dates:
            kinds = ", ".join(
                f"{count:,} {NUMERIC_DATE_KINDS[kind]}"
                for kind, count in sorted(self.numeric_dates.items(), key=lambda kv: -kv[1])
            )
            zone = business_timezone().key
            out.append(
                f"created_at held numbers, read as dates: {kinds}; Unix times are converted to "
                f"{zone}, serial days and YYYYMMDD are taken as {zone} time. Check a few rows "
                "against the source."
            )
        return out


class _Ingest:
    """One ingest run over the tables of one file."""

    def __init__(
        self,
        engine,
        summary: IngestSummary,
        redactor,
        detector,
        shown: Mapping[str, str] | None = None,
        id_prefix: str | None = None,
    ) -> None:
        from voc.pii.parallel import in_process
        from voc.store.settings import pseudonym_key

        self.engine = engine
        # Keys the content hashes and pseudonyms (a MAC), so they cannot be tested by guessing.
        self.key = pseudonym_key(engine)
        self.shown = shown or {}
        self.id_prefix = id_prefix
        self.summary = summary
        self.redactor = redactor
        # Distinct short values (channel names, customer ids) stay in this process.
        self.value_redactor = in_process(redactor)
        self.detector = detector
        self.reasons: Counter[str] = Counter()
        self.pii: Counter[str] = Counter()
        self.notes = _Notes()
        # Per table: whether its NN/NN/YYYY dates are month first (US order)
        self.month_first: dict[str, bool] = {}
        # (table, column) -> date_order of the whole column, when a first chunk cannot tell
        self.rescan: Callable[[str, str], str | None] | None = None
        self.chunk_size = DEFAULT_CHUNK_SIZE

    def warnings(self) -> list[str]:
        """The sentences the run's notes add to its summary."""
        tables = [self.shown.get(name, name) for name, yes in self.month_first.items() if yes]
        return self.notes.warnings(tables)

    def _redact(self, texts: Sequence[str]) -> list[str]:
        if not texts:
            return []
        results = self.redactor(list(texts))
        out = []
        for result in results:
            self.pii.update(result.counts)
            out.append(result.text)
        return out

    def _redact_distinct(self, values: Iterable[str | None]) -> dict[str, Any]:
        """Redact each distinct value once; its PII counts once per occurrence.

        Returns ``value -> redaction`` (``None`` values are skipped).
        """
        occurrences = Counter(v for v in values if v is not None)
        distinct = sorted(occurrences)
        results = self.value_redactor(distinct) if distinct else []
        redactions = {}
        for value, result in zip(distinct, results, strict=True):
            for kind, count in result.counts.items():
                self.pii[kind] += count * occurrences[value]
            redactions[value] = result
        return redactions

    def _redact_values(self, values: list[str | None]) -> list[str | None]:
        """Redact a column of short values, each distinct value once."""
        redactions = self._redact_distinct(values)
        return [None if v is None else redactions[v].text for v in values]

    def _pseudonymise(self, values: list[str | None]) -> list[str | None]:
        """Replace customer ids that contain PII (an email, a phone) by a stable hash."""
        mapped = {
            value: customer_pseudonym(value, self.key)
            for value, result in self._redact_distinct(values).items()
            if result.counts
        }
        return [mapped.get(v, v) for v in values]

    def _pseudonymise_ids(self, candidates: list[tuple[RawRecord, dict[str, Any]]]) -> None:
        """Replace source ids that hold PII (a phone number, an e-mail) by a stable hash.

        Chat exports often key a conversation by the customer's phone number. Only ids that
        could hold PII (an ``@``, whitespace or ten or more digits) go to the redactor, so
        opaque keys such as ``TKT-00123`` or ``T0000001`` cost nothing.
        """
        ids = [clean["feedback_id"] for _, clean in candidates]
        suspect = [i for i in ids if i is not None and may_hold_pii(i)]
        mapped = {
            value: pseudonymous_id(value, self.key)
            for value, result in self._redact_distinct(suspect).items()
            if result.counts
        }
        for _, clean in candidates:
            clean["feedback_id"] = mapped.get(clean["feedback_id"], clean["feedback_id"])

    def check(
        self, conn, records: list[RawRecord], mapping: dict[str, str], month_first: bool = False
    ) -> _Chunk:
        """Validate and de-duplicate one chunk (nothing is written yet).

        ``month_first``: read ``05/13/2026`` dates as month/day/year (the table's order).
        """
        from voc.store.writes import existing_content_hashes

        chunk = _Chunk()
        candidates: list[tuple[RawRecord, dict[str, Any]]] = []
        for record in records:
            if record.values is None or record.error is not None:
                chunk.quarantine.append((record, *record.problem))
                continue
            values = mapped_values(record.values, mapping)
            if any(isinstance(v, str) and "\x00" in v for v in values.values()):
                # PostgreSQL cannot store NUL in text, and no reader needs one.
                values = {k: _without_nul(v) for k, v in values.items()}
                chunk.nul_lines.append(record.line)
            try:
                clean = validate_row(values, month_first=month_first)
            except RowProblem as problem:
                chunk.quarantine.append((record, problem.reason, problem.detail))
                continue
            if kind := clean.pop(NUMERIC_DATE_KEY, None):
                self.notes.numeric_dates[kind] += 1
            if clean.pop(MARKUP_KEY, False):
                self.notes.markup_rows += 1
            for read in clean.pop(SCORE_WORDS_KEY, ()):
                self.notes.score_words[read] += 1
            clean["content_hash"] = content_hash(clean, self.key)
            candidates.append((record, clean))
        self._pseudonymise_ids(candidates)
        kept = []
        for record, clean in candidates:
            if clean["feedback_id"] and self.id_prefix:
                clean["feedback_id"] = f"{self.id_prefix}:{clean['feedback_id']}"
                if len(clean["feedback_id"]) > MAX_ID_CHARS:
                    detail = (
                        f"feedback_id with its prefix has {len(clean['feedback_id'])} characters"
                    )
                    chunk.quarantine.append((record, "invalid_id", detail))
                    continue
            clean["feedback_id"] = clean["feedback_id"] or content_id(clean, self.key)
            kept.append((record, clean))
        candidates = kept
        stored = existing_content_hashes(conn, [c["feedback_id"] for _, c in candidates])
        for record, clean in candidates:
            fid, digest = clean["feedback_id"], clean["content_hash"]
            earlier = stored.get(fid)
            if earlier is None:
                stored[fid] = digest
                clean["_line"] = record.line
                chunk.loaded.append(clean)
            elif earlier == digest:
                chunk.duplicates += 1
            else:
                detail = f"feedback_id {fid!r} was loaded before with different content"
                chunk.quarantine.append((record, "conflicting_duplicate_id", detail))
        return chunk

    def feedback_rows(self, rows: list[dict[str, Any]], source_name: str) -> list[dict]:
        """Redact, detect language and shape the rows to load."""
        texts = self._redact([r["text"] for r in rows])
        langs = list(self.detector(texts)) if texts else []
        fields = {name: self._redact_values([r[name] for r in rows]) for name in _REDACTED_FIELDS}
        for name, values in fields.items():
            # A placeholder can be longer than what it replaced ("a@b.id" -> "[EMAIL]").
            limit = MAX_VALUE_CHARS[name]
            fields[name] = [v[:limit] if v is not None else None for v in values]
        customers = self._pseudonymise([r["customer_id"] for r in rows])
        out = []
        for i, row in enumerate(rows):
            text = texts[i]
            truncated = len(text) > MAX_TEXT_CHARS
            out.append(
                {
                    "feedback_id": row["feedback_id"],
                    "created_at": row["created_at"],
                    "week": _week(row["created_at"]),
                    "text_redacted": text[:MAX_TEXT_CHARS],
                    "csat": row["csat"],
                    "nps": row["nps"],
                    "customer_id": customers[i],
                    "first_response_seconds": row["first_response_seconds"],
                    "handle_seconds": row["handle_seconds"],
                    "resolved_first_contact": row["resolved_first_contact"],
                    "lang": langs[i],
                    "text_truncated": truncated,
                    "content_hash": row["content_hash"],
                    "ingest_run_id": self.summary.run_id,
                    "source_file": source_name,
                    "source_line": row["_line"],
                    **{name: fields[name][i] for name in _REDACTED_FIELDS},
                }
            )
        return out

    def quarantine_rows(self, items: list[tuple[RawRecord, str, str]], source_name: str):
        """Redact the raw content and detail of quarantined rows."""
        raws = self._redact([_without_nul(raw_text(record)) for record, _, _ in items])
        details = self._redact([_without_nul(detail) for _, _, detail in items])
        return [
            {
                "ingest_run_id": self.summary.run_id,
                "source_file": source_name,
                "source_line": record.line,
                "reason": reason,
                "detail": details[i],
                "raw_redacted": raws[i][:MAX_TEXT_CHARS],
            }
            for i, (record, reason, _) in enumerate(items)
        ]

    def run_chunk(self, records: list[RawRecord], source: TableSource, mapping) -> None:
        """Check, redact and write one chunk, again if another ingest stored its ids first.

        Two ingests of overlapping files at the same time can both find a feedback id new
        and both insert it; the second insert fails on the unique key (SQLite and
        PostgreSQL alike) and its transaction is rolled back. The chunk is then checked
        again, now seeing the other ingest's rows (duplicates, or conflicting ids to
        quarantine), with the run's counters as they were before the attempt.

        Raises:
            StoreError: The chunk still hits a unique key after :data:`_CHUNK_ATTEMPTS`
                tries.
        """
        import sqlalchemy as sa

        table = self.shown.get(source.name, source.name)
        if source.name not in self.month_first:  # decided before the table's first chunk
            column = mapping.get("created_at")
            values = [r.values.get(column) for r in records if r.values] if column else []
            order = date_order(values)
            if order == "unknown" and self.rescan is not None and len(records) >= self.chunk_size:
                # Only 01..12 in both places so far (a US export of 1-12 January, say): the
                # rest of the table decides, or 05/12/2026 would be stored as 5 December and
                # 05/13/2026 quarantined as a bad date.
                order = self.rescan(source.name, column)
            self.month_first[source.name] = order == "month"
        month_first = self.month_first[source.name]
        for attempt in range(1, _CHUNK_ATTEMPTS + 1):
            saved = (
                asdict(self.summary),
                self.pii.copy(),
                self.reasons.copy(),
                self.notes.copy(),
            )
            try:
                self._write_chunk(records, table, mapping, month_first)
                return
            except sa.exc.IntegrityError as exc:
                for key, value in saved[0].items():
                    setattr(self.summary, key, value)
                self.pii, self.reasons, self.notes = saved[1], saved[2], saved[3]
                if attempt == _CHUNK_ATTEMPTS:
                    raise StoreError(
                        f"Rows {records[0].line}-{records[-1].line} of {table} could "
                        f"not be stored after {attempt} tries: the database refused them "
                        f"({type(exc.orig).__name__}).",
                        hint="Another ingest may be writing the same feedback ids; run this "
                        "ingest again when it has finished (rows already stored count as "
                        "duplicates).",
                    ) from None
                _log.info(
                    "Another ingest stored feedback ids of this chunk first (try %d of %d); "
                    "checking the chunk again.",
                    attempt,
                    _CHUNK_ATTEMPTS,
                )
            except sa.exc.DBAPIError as exc:
                # Any other refusal: say which rows and why in one sentence. The SQLAlchemy
                # error would print the statement's parameters (redacted rows) instead.
                reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
                raise StoreError(
                    f"The database refused rows {records[0].line}-{records[-1].line} of {table} "
                    f"({type(exc.orig).__name__}: {reason}). The rows before them are stored; "
                    "this run is marked failed.",
                    hint=(
                        "Check that the database server is reachable and has space, then run "
                        "the ingest again (stored rows count as duplicates)."
                        if isinstance(exc, sa.exc.OperationalError)
                        else "Rows that pass validation should always be stored: please "
                        "report this message as a bug. Running the ingest again counts the "
                        "stored rows as duplicates."
                    ),
                ) from None

    def _write_chunk(
        self, records: list[RawRecord], table: str, mapping, month_first: bool = False
    ) -> None:
        """Check, redact and write one chunk of ``table`` (its shown name) in one transaction."""
        from voc.store.writes import insert_feedback, insert_quarantine, update_run_counts

        summary = self.summary
        with self.engine.begin() as conn:
            chunk = self.check(conn, records, mapping, month_first)
            rows = self.feedback_rows(chunk.loaded, table)
            insert_feedback(conn, rows)
            insert_quarantine(conn, self.quarantine_rows(chunk.quarantine, table))
            summary.rows_in += len(records)
            summary.loaded += len(rows)
            summary.duplicates += chunk.duplicates
            summary.quarantined += len(chunk.quarantine)
            summary.truncated += sum(r["text_truncated"] for r in rows)
            if chunk.nul_lines:
                self.notes.nul_rows += len(chunk.nul_lines)
                self.notes.nul_first = self.notes.nul_first or (table, chunk.nul_lines[0])
            self.reasons.update(reason for _, reason, _ in chunk.quarantine)
            summary.quarantine_reasons = dict(sorted(self.reasons.items()))
            summary.pii_counts = dict(sorted(self.pii.items()))
            update_run_counts(conn, summary.run_id, **self.counters())

    def counters(self) -> dict[str, Any]:
        """The run's counters as ``ingest_runs`` columns."""
        s = self.summary
        return {
            "rows_in": s.rows_in,
            "loaded": s.loaded,
            "quarantined": s.quarantined,
            "duplicates": s.duplicates,
            "truncated": s.truncated,
            "quarantine_reasons": s.quarantine_reasons,
            "pii_counts": s.pii_counts,
        }


def _close(sources: list[TableSource]) -> None:
    for source in sources:
        source.close()


@contextmanager
def _opened_tables(
    path: str | Path, sheet: str | None = None, batch_size: int = DEFAULT_CHUNK_SIZE
) -> Iterator[tuple[Path, Any, list[TableSource]]]:
    """Unpack ``path`` when it is an archive, sniff it and open its tables; close them after.

    Yields ``(table file, its FileKind, its tables)``.
    """
    with unpacked(path) as table_path:
        kind = sniff_file(table_path)
        sources = _open(table_path, kind, sheet, batch_size)
        try:
            yield table_path, kind, sources
        finally:
            _close(sources)


def _open(path: Path, kind, sheet: str | None, batch_size: int = DEFAULT_CHUNK_SIZE):
    """Open the tables of a file, turning decoding errors into a sentence for the user."""
    try:
        return open_sources(path, kind, sheet=sheet, batch_size=batch_size)
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path.name} is not valid {kind.encoding}: {exc}.",
            hint="Export the file again as UTF-8.",
        ) from exc


def _scan_date_order(path: Path, kind, sheet: str | None, table: str, column: str) -> str | None:
    """:func:`voc.ingest.validate.date_order` of one column of a whole table, read afresh.

    For a table whose first chunk holds only dates such as 05/12/2026: a second pass over
    the file reads that column alone (stopping at the first day-first date).
    """
    sources = _open(path, kind, sheet)
    try:
        for source in sources:
            if source.name == table:
                return date_order(r.values.get(column) for r in source.records if r.values)
    finally:
        _close(sources)
    return None


def _map_sources(
    sources: list[TableSource],
    explicit: Mapping[str, str | None] | None,
    shown: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> tuple[list[tuple[TableSource, dict[str, str]]], list[str]]:
    """Resolve the mapping of each table; with several sheets, unmappable ones are skipped.

    ``shown`` gives the (redacted) name each table is called by in the warnings and errors,
    ``headers`` the redacted form of the headers that hold PII (:func:`_shown_headers`).
    """
    shown = shown or {}
    mapped, warnings, errors = [], [], []
    for source in sources:
        name = shown.get(source.name, source.name)
        try:
            mapping = resolve_mapping(source.columns, explicit, source_name=name, shown=headers)
        except ColumnMappingError as exc:
            if len(sources) == 1:
                raise
            errors.append(exc)
            warnings.append(f"Skipped {name}: {exc.message}")
            continue
        mapped.append((source, mapping))
        warnings.extend(f"{name}: {note}" for note in source.notes)
        unused = [c for c in source.columns if c not in mapped_columns(mapping)]
        if unused:
            warnings.append(f"Columns of {name} not used: {', '.join(unused)}.")
    if not mapped:
        raise errors[0]
    return mapped, warnings


def inspect_file(
    path: str | Path, *, sheet: str | None = None, redactor: Redactor | None = None
) -> dict[str, Any]:
    """Describe a file for a mapping editor: format, encoding, tables, columns and guesses.

    No row is read beyond what format detection needs, and nothing is stored.

    Returns:
        ``{"format", "encoding", "warnings", "tables": [{"name", "sheet", "columns",
        "shown_columns", "guess"}]}`` where ``sheet`` is the workbook sheet's own name
        (``None`` for other files), ``shown_columns`` maps each column to the name to show
        (:func:`shown_column_names`) and ``guess`` is :func:`voc.ingest.guess_mapping` of
        the table's columns.
    """
    from voc.ingest.mapping import guess_mapping

    with _opened_tables(path, sheet) as (table_path, kind, sources):
        tables = [
            {
                "name": s.name,
                "sheet": _sheet_of(table_path.name, s.name),
                "columns": list(s.columns),
                "shown_columns": shown_column_names(s.columns, redactor),
                "guess": guess_mapping(s.columns),
            }
            for s in sources
        ]
    return {
        "format": kind.format,
        "encoding": kind.encoding,
        "warnings": list(kind.warnings),
        "tables": tables,
    }


def preview_file(
    path: str | Path,
    *,
    rows: int = 20,
    sheet: str | None = None,
    redactor: Redactor | None = None,
):
    """The first rows of a file's first table as the ingest reads them, PII redacted.

    For showing a file before it is loaded (the app's upload page): the same readers as
    :func:`ingest_file` (encoding, delimiter, title lines, archives), and every value passed
    through the redactor, so nothing personal is shown. Rows broken at the file level
    (ragged, bad JSON) are left out; the ingest quarantines them.

    Returns:
        A ``pandas.DataFrame`` of up to ``rows`` rows, the table's columns, string values.
    """
    import pandas as pd

    from voc.ingest.tables import as_cell
    from voc.pii.parallel import in_process

    redact = in_process(redactor or _default_redactor())
    with _opened_tables(path, sheet) as (_, _, sources):
        columns = list(sources[0].columns)
        names = shown_column_names(columns, redact)
        records = itertools.islice((r for r in sources[0].records if r.values), rows)
        values = [[as_cell(r.values.get(c)) for c in columns] for r in records]
    distinct = sorted({v for row in values for v in row if v})
    shown = {v: res.text for v, res in zip(distinct, redact(distinct), strict=True)}
    shown[""] = ""
    return pd.DataFrame(
        [[shown[v] for v in row] for row in values], columns=[names[c] for c in columns]
    )


def ingest_file(
    path: str | Path,
    *,
    engine=None,
    mapping: str | Path | Mapping[str, str | None] | None = None,
    sheet: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    redactor: Redactor | None = None,
    language_detector: LanguageDetector | None = None,
    show_progress: bool = False,
    on_progress: Callable[[int], None] | None = None,
    id_prefix: str | None = None,
) -> IngestSummary:
    """Ingest one file into the store and return what happened.

    Args:
        path: CSV/TSV, JSON, JSONL, XLSX or Parquet file.
        engine: SQLAlchemy engine of the store (default: :func:`voc.store.get_engine`).
        mapping: A YAML mapping file, or a dict target column -> source column; targets not
            named are guessed (see :func:`voc.ingest.guess_mapping`).
        sheet: For workbooks, the one sheet to read (default: every sheet).
        chunk_size: Rows per chunk (and per transaction); memory stays bounded by it.
        redactor: Batch PII redactor (default :func:`voc.pii.redact_batch` in one worker
            process per CPU core, or ``VOC_PII_WORKERS``; see :mod:`voc.pii.parallel`).
        language_detector: Batch language detector (default
            :func:`voc.language.detect_languages`).
        show_progress: Show a progress bar on stderr.
        on_progress: Called with the number of rows read so far after each chunk.
        id_prefix: Put ``PREFIX:`` before every source id (``zendesk:123``), so that files
            from systems that number their records alike (two exports both starting at 1)
            do not collide; content ids (rows without a source id) are left as they are.

    Returns:
        The :class:`IngestSummary` (also stored in ``ingest_runs``).

    Raises:
        InputFileError: The file cannot be read (``NotATableError`` when it holds no table).
        ColumnMappingError: No text column, or the mapping names missing columns.
    """
    if chunk_size < 1:
        raise VocError(f"chunk_size must be at least 1, got {chunk_size}.")
    business_timezone()  # a bad VOC_TIMEZONE stops here, before any row is read
    id_prefix = _checked_prefix(id_prefix)
    started = time.perf_counter()
    path = Path(path)
    explicit = load_mapping(mapping) if isinstance(mapping, str | Path) else mapping
    stages = {
        "redactor": redactor,
        "language_detector": language_detector,
        "show_progress": show_progress,
        "on_progress": on_progress,
        "id_prefix": id_prefix,
    }
    with _opened_tables(path, sheet, chunk_size) as (table_path, kind, sources):
        if table_path != path:
            stages["archive_member"] = table_path.name
        stages["rescan"] = functools.partial(_scan_date_order, table_path, kind, sheet)
        summary = _ingest_sources(path, kind, sources, explicit, engine, chunk_size, **stages)
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_sources(
    path: Path,
    kind,
    sources: list[TableSource],
    explicit,
    engine,
    chunk_size: int,
    *,
    redactor,
    language_detector,
    show_progress: bool,
    on_progress,
    archive_member: str | None = None,
    id_prefix: str | None = None,
    rescan: Callable[[str, str], str | None] | None = None,
) -> IngestSummary:
    """Map, check and store the tables of one file (see :func:`ingest_file`).

    ``archive_member`` names the table file when ``path`` is an archive it was unpacked from.
    ``rescan(table, column)`` reads a whole column's date order when the first chunk of a
    table cannot tell (see :func:`_scan_date_order`).
    """
    from voc.progress import progress_bar
    from voc.store import get_engine
    from voc.store.writes import create_run, finish_run

    redactor = redactor or _default_redactor()
    members = [archive_member] if archive_member else []
    shown, name_pii = _shown_names(redactor, path.name, [s.name for s in sources] + members)
    file_name = shown[path.name]
    # every table's headers, a skipped sheet's too: its columns are named in a warning
    headers, header_pii = _shown_headers(redactor, [c for s in sources for c in s.columns])
    mapped, warnings = _map_sources(sources, explicit, shown, headers)
    warnings = [_with_shown_headers(w, headers) for w in warnings]
    if archive_member:
        warnings.insert(0, f"Read {shown[archive_member]} from the archive {file_name}.")
    language_detector = language_detector or _default_language_detector()
    engine = engine if engine is not None else get_engine()
    with engine.begin() as conn:
        run_id = create_run(
            conn,
            file_name=file_name,
            file_hash=kind.file_hash,
            file_format=kind.format,
            encoding=kind.encoding,
        )
    summary = IngestSummary(
        run_id=run_id,
        file_name=file_name,
        file_hash=kind.file_hash,
        file_format=kind.format,
        encoding=kind.encoding,
        mapping={
            shown[source.name]: _shown_mapping(mapping, headers) for source, mapping in mapped
        },
        warnings=[*kind.warnings, *warnings],
    )
    job = _Ingest(engine, summary, redactor, language_detector, shown, id_prefix)
    job.rescan, job.chunk_size = rescan, chunk_size
    job.pii.update(name_pii)
    job.pii.update(header_pii)
    summary.pii_counts = dict(sorted(job.pii.items()))
    try:
        with progress_bar(f"Ingesting {file_name}", None, enabled=show_progress) as advance:
            for source, source_mapping in mapped:
                for records in _chunks(source.records, chunk_size):
                    job.run_chunk(records, source, source_mapping)
                    advance(len(records))
                    if on_progress is not None:
                        on_progress(summary.rows_in)
    except BaseException as exc:
        summary.warnings.extend(job.warnings())
        error = exc
        if isinstance(exc, UnicodeDecodeError):
            error = InputFileError(
                f"{file_name} is not valid {kind.encoding}: {exc}.",
                hint="Export the file again as UTF-8.",
            )
        with engine.begin() as conn:
            finish_run(
                conn,
                run_id,
                status="failed",
                error=str(error),
                column_mapping=summary.mapping,
                warnings=summary.warnings,
                **job.counters(),
            )
        if error is exc:
            raise
        raise error from exc
    summary.warnings.extend(job.warnings())
    if note := _collision_warning(summary, id_prefix):
        summary.warnings.append(note)
    with engine.begin() as conn:
        finish_run(
            conn,
            run_id,
            status="completed",
            column_mapping=summary.mapping,
            warnings=summary.warnings,
            **job.counters(),
        )
    return summary

"""Measure the redactor on a labelled corpus: recall over PII items, false positives, speed.

The corpus is JSONL, one message a line::

    {"text": "...", "pii": [{"value": "0812-3456-7890", "type": "PHONE"}], "lang": "id"}

A PII item counts as found only when *every* character of *every* occurrence of its value
is inside some redacted span. A hard negative (``"pii": []``) counts as a false positive
when anything in it is redacted.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from voc.errors import InputFileError

__all__ = [
    "HELDOUT_PREFIX",
    "PiiCase",
    "PiiEvalReport",
    "corpus_parts",
    "evaluate",
    "load_corpus",
    "measure_throughput",
]

#: Corpus files whose name starts with this were written blind to the rules and are never
#: used to build or tune them; every other file is development material.
HELDOUT_PREFIX = "heldout"


@dataclass(frozen=True)
class PiiCase:
    """One labelled message of the corpus."""

    text: str
    pii: tuple[tuple[str, str], ...]
    lang: str


@dataclass
class PiiEvalReport:
    """What :func:`evaluate` measured."""

    n_texts: int = 0
    n_items: int = 0
    n_found: int = 0
    n_typed: int = 0
    n_negatives: int = 0
    n_negatives_redacted: int = 0
    seconds: float = 0.0
    per_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    per_lang: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    #: Hard negatives with a redaction of each type (a text with two types counts for both).
    negatives_redacted_per_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of PII items fully redacted."""
        return self.n_found / self.n_items if self.n_items else 1.0

    @property
    def type_accuracy(self) -> float:
        """Share of found items redacted with the labelled type."""
        return self.n_typed / self.n_found if self.n_found else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Share of hard negatives with any redaction."""
        return self.n_negatives_redacted / self.n_negatives if self.n_negatives else 0.0

    @property
    def texts_per_second(self) -> float:
        """Throughput of :func:`~voc.pii.redact_batch` over the corpus."""
        return self.n_texts / self.seconds if self.seconds else float("inf")

    def summary(self) -> dict:
        """Return the headline numbers as a plain dict."""
        return {
            "texts": self.n_texts,
            "items": self.n_items,
            "recall": round(self.recall, 4),
            "type_accuracy": round(self.type_accuracy, 4),
            "negatives": self.n_negatives,
            "negative_fp_rate": round(self.false_positive_rate, 4),
            "texts_per_second": round(self.texts_per_second, 1),
            "recall_per_type": {k: round(f / n, 4) for k, (f, n) in sorted(self.per_type.items())},
            "recall_per_lang": {k: round(f / n, 4) for k, (f, n) in sorted(self.per_lang.items())},
            "negatives_redacted_per_type": dict(sorted(self.negatives_redacted_per_type.items())),
        }


def load_corpus(path: str | Path) -> list[PiiCase]:
    """Read a JSONL corpus file, or every ``*.jsonl`` file of a directory.

    Raises:
        InputFileError: The path does not exist or a line is not a valid case.
    """
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not path.exists() or not files:
        raise InputFileError(f"No PII corpus found at {path}; pass a .jsonl file or a folder.")
    cases: list[PiiCase] = []
    for file in files:
        for number, line in enumerate(file.read_text("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                pii = tuple((item["value"], item["type"]) for item in record["pii"])
                case = PiiCase(record["text"], pii, record.get("lang", "id"))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputFileError(
                    f"Line {number} of {file} is not a PII case ({exc}); expected "
                    '{"text": ..., "pii": [{"value": ..., "type": ...}], "lang": ...}.'
                ) from exc
            for value, _ in pii:
                if value not in case.text:
                    raise InputFileError(
                        f"Line {number} of {file}: PII value {value!r} does not occur in its text."
                    )
            cases.append(case)
    return cases


def corpus_parts(path: str | Path) -> dict[str, list[Path]]:
    """Split a corpus folder (or one file) into ``{"dev": [...], "heldout": [...]}``.

    Files named ``heldout*.jsonl`` are held out (see :data:`HELDOUT_PREFIX`); the rest are
    development files. A single file goes to the group its name says.

    Raises:
        InputFileError: The path does not exist or holds no ``*.jsonl`` file.
    """
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not path.exists() or not files:
        raise InputFileError(f"No PII corpus found at {path}; pass a .jsonl file or a folder.")
    groups: dict[str, list[Path]] = {"dev": [], "heldout": []}
    for file in files:
        groups["heldout" if file.name.startswith(HELDOUT_PREFIX) else "dev"].append(file)
    return groups


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(value)
    while start != -1:
        spans.append((start, start + len(value)))
        start = text.find(value, start + 1)
    return spans


def evaluate(cases: list[PiiCase], *, batch_size: int = 256) -> PiiEvalReport:
    """Redact every case with :func:`~voc.pii.redact_batch` and score the result."""
    from voc.pii.component import _default_pipeline, redact_batch

    _default_pipeline()  # build outside the timed region
    report = PiiEvalReport(n_texts=len(cases))
    started = time.perf_counter()
    results = redact_batch([case.text for case in cases], batch_size=batch_size)
    report.seconds = time.perf_counter() - started
    for case, result in zip(cases, results, strict=True):
        covered: dict[int, str] = {}
        for span in result.spans:
            for i in range(span.start, span.end):
                covered[i] = span.type
        if not case.pii:
            report.n_negatives += 1
            if result.spans:
                report.n_negatives_redacted += 1
                report.false_positives.append((case.text, result.text))
                for pii_type in {span.type for span in result.spans}:
                    report.negatives_redacted_per_type[pii_type] += 1
            continue
        for value, pii_type in case.pii:
            report.n_items += 1
            report.per_type[pii_type][1] += 1
            report.per_lang[case.lang][1] += 1
            positions = [i for s, e in _occurrences(case.text, value) for i in range(s, e)]
            if all(i in covered for i in positions):
                report.n_found += 1
                report.per_type[pii_type][0] += 1
                report.per_lang[case.lang][0] += 1
                report.n_typed += all(covered[i] == pii_type for i in positions)
            else:
                report.misses.append((case.text, value, pii_type))
    return report


def measure_throughput(
    texts: list[str], *, n_texts: int = 10_000, batch_size: int = 256, n_process: int = 1
) -> float:
    """Return texts per second of :func:`~voc.pii.redact_batch` over ``n_texts`` texts.

    The sample texts are cycled to reach ``n_texts`` (each copy gets a distinct suffix so
    nothing can be served from a cache). With ``n_process`` > 1 the worker processes are
    started (and load the pipeline) before the clock starts, as the pipeline itself is
    loaded before it for one process: both measure steady-state redaction.
    """
    from voc.pii.component import _default_pipeline, redact_batch
    from voc.pii.parallel import PARALLEL_MIN_TEXTS, start_workers

    if not texts:
        raise InputFileError("No texts to measure redaction throughput on.")
    _default_pipeline()
    if n_process > 1:
        start_workers(n_process)
        warm = [f"{texts[i % len(texts)]} ~{i}" for i in range(PARALLEL_MIN_TEXTS)]
        redact_batch(warm, batch_size=batch_size, n_process=n_process)
    stream = [f"{texts[i % len(texts)]} #{i}" for i in range(n_texts)]
    started = time.perf_counter()
    redact_batch(stream, batch_size=batch_size, n_process=n_process)
    return n_texts / (time.perf_counter() - started)

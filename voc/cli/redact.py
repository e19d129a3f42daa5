"""PII commands: ``voc redact [FILE]``, ``voc pii-eval``, ``voc pii-train-tagger``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

#: Targets of issue 5, checked by ``voc pii-eval`` and ``benchmarks/bench_pii.py``.
TARGET_RECALL = 0.98
TARGET_NEGATIVE_FP_RATE = 0.02
TARGET_TEXTS_PER_SECOND = 2000.0
_DEFAULT_CORPUS = Path("tests/data/pii")


def _read_lines(file: Path | None):
    """Yield the lines of ``file`` (or stdin) without their line endings.

    Lines end at LF, CR LF or a lone CR (as Python's universal newlines); a UTF-8 byte-order
    mark at the start is dropped. Each line is decoded on its own, so a line that is not UTF-8
    is reported with its number after every line before it has been yielded.

    Raises:
        InputFileError: The file is missing, or a line is not UTF-8.
    """
    from voc.errors import InputFileError

    if file is None or str(file) == "-":
        name, stream = "stdin", typer.get_binary_stream("stdin")
    elif not file.is_file():
        what = "it is a folder" if file.is_dir() else "no such file"
        raise InputFileError(
            f"Cannot read {file}: {what}.", hint="Give a text file, or '-' for stdin."
        )
    else:
        name, stream = str(file), file.open("rb")
    number = 0
    try:
        for raw in stream:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                before = (
                    "1 line before it was" if number == 1 else f"{number:,} lines before it were"
                )
                raise InputFileError(
                    f"{name} is not UTF-8 text: line {number + 1} has an {exc.reason} at byte "
                    f"{exc.start + 1} ({before} redacted and written).",
                    hint="Convert it to UTF-8 first, e.g. iconv -f cp1252 -t utf-8 FILE.",
                ) from None
            if number == 0:
                text = text.removeprefix("\ufeff")
            if text.endswith("\n"):
                text = text[:-2] if text.endswith("\r\n") else text[:-1]
            elif text.endswith("\r"):  # the last line, ended by a lone carriage return
                text = text[:-1]
            for line in text.split("\r"):  # any carriage return left ends a line
                number += 1
                yield line
    finally:
        if name != "stdin":
            stream.close()


def redact(
    file: Annotated[
        Path | None, typer.Argument(help="Text file, one text a line (default: stdin).")
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help='One JSON object a line: {"text": ..., "spans": [...]}.'),
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Texts per spaCy batch.")] = 256,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes that redact in parallel, started once 20,000 lines have gone by "
            "(default: VOC_PII_WORKERS, else one per CPU core, at most 4).",
        ),
    ] = None,
) -> None:
    """Redact personal data line by line; span offsets refer to the input line."""
    from voc.errors import InputFileError
    from voc.pii.parallel import PARALLEL_MIN_TEXTS, batch_redactor

    out = sys.stdout
    chunk: list[str] = []
    redact_batch = batch_redactor(workers)
    lines_per_chunk = max(4 * batch_size, PARALLEL_MIN_TEXTS)

    def flush() -> None:
        for result in redact_batch(chunk, batch_size=batch_size):
            if as_json:
                record = {"text": result.text, "spans": [s.to_dict() for s in result.spans]}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                out.write(result.text + "\n")
        out.flush()
        chunk.clear()

    try:
        for line in _read_lines(file):
            chunk.append(line)
            if len(chunk) >= lines_per_chunk:
                flush()
    except InputFileError:  # a line that is not UTF-8: what came before it is still written
        if chunk:
            flush()
        raise
    if chunk:
        flush()


def pii_eval(
    corpus: Annotated[
        Path,
        typer.Option(help="JSONL corpus file or folder of *.jsonl (heldout*.jsonl = held out)."),
    ] = _DEFAULT_CORPUS,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
    show_misses: Annotated[
        bool, typer.Option(help="List missed items and redacted negatives (fake test data).")
    ] = False,
) -> None:
    """Measure recall, hard-negative false positives and throughput on the PII test corpus."""
    from voc.errors import InputFileError
    from voc.pii.evaluate import corpus_parts, evaluate, load_corpus, measure_throughput
    from voc.pii.parallel import default_workers

    if not corpus.exists():
        raise InputFileError(
            f"No PII corpus at {corpus}.",
            hint="Run from the repository root or pass --corpus tests/data/pii.",
        )
    # heldout*.jsonl files are reported apart and judge the targets (see corpus_parts).
    groups = corpus_parts(corpus)
    results: dict[str, dict] = {}
    group_cases: dict[str, list] = {}
    for group, parts in groups.items():
        for part in parts:
            cases = load_corpus(part)
            group_cases.setdefault(group, []).extend(cases)
            report = evaluate(cases)
            results[part.stem] = report.summary()
            if show_misses:
                for text, value, pii_type in report.misses:
                    typer.echo(f"[{part.stem}] MISS {pii_type} {value!r} in: {text}")
                for _, redacted in report.false_positives:
                    typer.echo(f"[{part.stem}] FALSE POSITIVE: {redacted}")
    for group, cases in group_cases.items():
        results[f"all_{group}"] = evaluate(cases).summary()
    # Targets are judged on held-out text when there is some: dev numbers are fitted.
    judged = "all_heldout" if "all_heldout" in results else "all_dev"
    total = results[judged]
    every_text = [c.text for cases in group_cases.values() for c in cases]
    workers = default_workers()
    one = round(measure_throughput(every_text), 1)
    total["texts_per_second_one_process"] = one
    total["workers"] = workers
    total["texts_per_second"] = (
        round(measure_throughput(every_text, n_process=workers), 1) if workers > 1 else one
    )
    checks = {
        f"recall >= {TARGET_RECALL} ({judged})": total["recall"] >= TARGET_RECALL,
        f"hard-negative FP rate <= {TARGET_NEGATIVE_FP_RATE} ({judged})": total["negative_fp_rate"]
        <= TARGET_NEGATIVE_FP_RATE,
        f"throughput >= {TARGET_TEXTS_PER_SECOND:,.0f} texts/s ({workers} worker processes)": total[
            "texts_per_second"
        ]
        >= TARGET_TEXTS_PER_SECOND,
    }
    if as_json:
        typer.echo(json.dumps({"results": results, "checks": checks}, indent=1))
        return
    for name, summary in results.items():
        typer.echo(
            f"{name:>12}: {summary['items']} PII items, recall {summary['recall']:.3f} "
            f"(type accuracy {summary['type_accuracy']:.3f}); {summary['negatives']} hard "
            f"negatives, {summary['negative_fp_rate']:.1%} redacted"
        )
        per_type = ", ".join(f"{k} {v:.2f}" for k, v in summary["recall_per_type"].items())
        typer.echo(f"              recall per type: {per_type}")
        if summary["negatives_redacted_per_type"]:
            fp_types = ", ".join(
                f"{k} {v}" for k, v in summary["negatives_redacted_per_type"].items()
            )
            typer.echo(f"              hard negatives redacted, by type: {fp_types}")
    typer.echo(
        f"throughput: {total['texts_per_second_one_process']:,.0f} texts/s in 1 process; "
        f"{total['texts_per_second']:,.0f} texts/s in {workers} worker process(es)"
    )
    for target, passed in checks.items():
        typer.echo(f"{'PASS' if passed else 'FAIL'}  {target}")


def pii_train_tagger(
    out: Annotated[
        Path | None, typer.Option(help="Weights file to write (default: the shipped one).")
    ] = None,
) -> None:
    """Rebuild the name tagger's weights from the PII development files and the corpus."""
    from voc.pii.tagger_train import build_tagger

    stats = build_tagger(out)
    typer.echo(
        f"name tagger: {stats['examples']:,} examples ({stats['positives']:,} names), "
        f"{stats['n_weights']:,} weights, threshold {stats['threshold']}; "
        f"trained on {', '.join(stats['trained_on'])}"
    )


def register(app: typer.Typer) -> None:
    """Attach ``redact``, ``pii-eval`` and ``pii-train-tagger`` to ``app``."""
    app.command(name="redact")(redact)
    app.command(name="pii-eval")(pii_eval)
    app.command(name="pii-train-tagger")(pii_train_tagger)

"""Ingest commands: ``voc ingest FILE`` and ``voc quarantine``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

_DB_HELP = "Database URL (default: $VOC_DATABASE_URL, else var/voc.db)."


def _print_summary(summary) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"Ingest of {summary.file_name} (run {summary.run_id})")
    table.add_column("count")
    table.add_column("rows", justify="right")
    table.add_row("rows in", f"{summary.rows_in:,}")
    table.add_row("loaded", f"{summary.loaded:,}")
    table.add_row("quarantined", f"{summary.quarantined:,}")
    table.add_row("duplicates", f"{summary.duplicates:,}")
    table.add_row("texts truncated", f"{summary.truncated:,}")
    for reason, count in summary.quarantine_reasons.items():
        table.add_row(f"  quarantine: {reason}", f"{count:,}")
    for kind, count in summary.pii_counts.items():
        table.add_row(f"  PII redacted: {kind}", f"{count:,}")
    console.print(table)
    check = "holds" if summary.invariant_ok else "DOES NOT HOLD"
    console.print(
        f"rows_in = loaded + quarantined + duplicates: {summary.rows_in:,} = "
        f"{summary.loaded:,} + {summary.quarantined:,} + {summary.duplicates:,} ({check})"
    )
    console.print(
        f"format {summary.file_format}, encoding {summary.encoding or '-'}, {summary.seconds:.1f} s"
    )
    for name, mapping in summary.mapping.items():
        pairs = ", ".join(
            f"{target} <- {' + '.join(source) if isinstance(source, list) else source}"
            for target, source in mapping.items()
        )
        console.print(f"columns of {name}: {pairs}")
    for warning in summary.warnings:
        console.print(f"[yellow]note:[/yellow] {warning}")
    if summary.quarantined:
        console.print(f"See the quarantined rows with: voc quarantine --run {summary.run_id}")


def ingest(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="CSV/TSV, XLSX, XLS, JSON, JSONL, Parquet or WhatsApp chat (.txt) files, or "
            ".gz/.zip of one; several files (exports/*.csv) are ingested one after the other; "
            "a folder means the table files in it.",
        ),
    ],
    mapping: Annotated[
        Path | None,
        typer.Option("--mapping", help="YAML file of target: source column lines."),
    ] = None,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="Workbook sheet to read (default: all).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    database_url: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    pii_workers: Annotated[
        int | None,
        typer.Option(
            "--pii-workers",
            min=1,
            help="Processes that redact PII in parallel (default: VOC_PII_WORKERS, else one "
            "per CPU core, at most 4; 1 = no worker processes).",
        ),
    ] = None,
    id_prefix: Annotated[
        str | None,
        typer.Option(
            "--id-prefix",
            help="Name of the source system, put before each source id (zendesk:123) so that "
            "files of systems that number records alike do not collide.",
        ),
    ] = None,
) -> None:
    """Load feedback files: validate, quarantine bad rows, redact PII, store."""
    from voc.errors import VocError
    from voc.ingest import ingest_file
    from voc.pii.parallel import batch_redactor
    from voc.store import get_engine

    files = _expand_folders(files)
    engine = get_engine(database_url)
    redactor = batch_redactor(pii_workers)  # shared: worker processes start once at most
    summaries, failed = [], []
    for file in files:
        try:
            summary = ingest_file(
                file,
                engine=engine,
                mapping=mapping,
                sheet=sheet,
                show_progress=not (quiet or as_json),
                redactor=redactor,
                id_prefix=id_prefix,
            )
        except VocError as exc:
            if len(files) == 1:
                raise
            # the other files still go in; this one's rows before the error stay stored
            failed.append({"file": str(file), "error": str(exc)})
            typer.echo(f"Error in {file}: {exc}", err=True)
            continue
        summaries.append(summary)
        if not as_json:
            _print_summary(summary)
    if as_json:
        if len(files) == 1:
            out = summaries[0].to_dict()
        else:
            out = {"runs": [s.to_dict() for s in summaries], "failed": failed, **_totals(summaries)}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    elif len(files) > 1:
        total = _totals(summaries)["total"]
        typer.echo(
            f"{len(summaries)} of {len(files)} files ingested: {total['rows_in']:,} rows in, "
            f"{total['loaded']:,} loaded, {total['quarantined']:,} quarantined, "
            f"{total['duplicates']:,} duplicates."
        )
    if failed:
        # sys.exit, not typer.Exit: with standalone_mode=False Typer returns an Exit's code
        # instead of raising it, and `voc` exited 0
        sys.exit(2)


def _expand_folders(paths: list[Path]) -> list[Path]:
    """Each folder replaced by the table files directly in it, in name order.

    Table files are those an archive may hold (``voc.ingest.archives.TABLE_SUFFIXES``) and
    ``.gz``/``.zip`` archives of one.
    """
    from voc.errors import InputFileError
    from voc.ingest.archives import TABLE_SUFFIXES

    suffixes = (*TABLE_SUFFIXES, ".gz", ".zip")

    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in suffixes
        )
        if not found:
            raise InputFileError(
                f"The folder {path} holds no table files ({', '.join(suffixes)}).",
                hint="Give the files themselves, or the folder they are in.",
            )
        out.extend(found)
    return out


def _totals(summaries) -> dict:
    from voc.ingest import summary_totals

    return {"total": summary_totals(summaries)}


def quarantine(
    run: Annotated[int | None, typer.Option("--run", help="Only this ingest run.")] = None,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", help="Write every quarantined row to this CSV.")
    ] = None,
    limit: Annotated[int, typer.Option(help="Rows to show on screen.")] = 50,
    database_url: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
) -> None:
    """List or export quarantined rows (their content is redacted)."""
    from rich.console import Console
    from rich.table import Table

    from voc.errors import NotFoundError
    from voc.store import get_engine, list_runs, read_quarantine

    engine = get_engine(database_url)
    if run is not None and not any(r["id"] == run for r in list_runs(engine)):
        raise NotFoundError(
            f"There is no ingest run {run}.", hint="Run `voc quarantine` to see every run."
        )
    if csv_out is not None:
        from voc.spreadsheet import spreadsheet_csv

        frame = read_quarantine(engine, ingest_run_id=run)
        csv_out.parent.mkdir(parents=True, exist_ok=True)
        csv_out.write_bytes(spreadsheet_csv(frame))
        typer.echo(f"Wrote {len(frame):,} quarantined rows to {csv_out}")
        return
    frame = read_quarantine(engine, ingest_run_id=run, limit=limit)
    console = Console()
    if frame.empty:
        console.print("No quarantined rows.")
        return
    table = Table(title="Quarantined rows" + (f" of run {run}" if run is not None else ""))
    for column in ("run", "file", "line", "reason", "detail", "content"):
        table.add_column(column, overflow="fold")
    for row in frame.itertuples():
        content = row.raw_redacted or ""
        table.add_row(
            str(row.ingest_run_id),
            row.source_file or "",
            str(row.source_line),
            row.reason,
            row.detail or "",
            content if len(content) <= 120 else content[:117] + "...",
        )
    console.print(table)
    if len(frame) == limit:
        console.print(f"Showing the first {limit}; export all with --csv OUT.csv")


def register(app: typer.Typer) -> None:
    """Attach the ingest commands to ``app``."""
    app.command()(ingest)
    app.command()(quarantine)

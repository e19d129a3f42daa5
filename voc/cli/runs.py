"""Store housekeeping: ``voc runs`` (list, delete an ingest run) and ``voc erase``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from voc.cli.ingest import _DB_HELP

__all__ = ["register"]

runs_app = typer.Typer(
    help="List ingest runs, or undo one (its loaded and quarantined rows are deleted).",
    invoke_without_command=True,
    no_args_is_help=False,
)


@runs_app.callback()
def runs(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="Runs to show, newest first.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the runs as JSON.")] = False,
    database_url: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
) -> None:
    """List the ingest runs, newest first."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from voc.store import get_engine, list_runs

    rows = list_runs(get_engine(database_url), limit=limit)
    if as_json:
        keep = ("id", "file_name", "status", "started_at", "rows_in", "loaded", "quarantined",
                "duplicates", "deleted_at")  # fmt: skip
        typer.echo(json.dumps([{k: r[k] for k in keep} for r in rows], default=str, indent=1))
        return
    console = Console()
    if not rows:
        console.print("No ingest runs yet: `voc ingest FILE` loads one.")
        return
    table = Table(title="Ingest runs (newest first)")
    for column in ("run", "file", "status", "started", "rows in", "loaded", "quarantined",
                   "duplicates"):  # fmt: skip
        table.add_column(column, justify="right" if column[0] in "rlqd" else "left")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["file_name"],
            r["status"],
            f"{r['started_at']:%Y-%m-%d %H:%M}",
            f"{r['rows_in']:,}",
            f"{r['loaded']:,}",
            f"{r['quarantined']:,}",
            f"{r['duplicates']:,}",
        )
    console.print(table)


@runs_app.command("delete")
def delete(
    run_id: Annotated[int, typer.Argument(help="The run's number (see `voc runs`).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    database_url: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
) -> None:
    """Undo an ingest run: delete the rows it loaded and quarantined (and their labels)."""
    from voc.store import get_engine, list_runs
    from voc.store.erase import delete_run

    engine = get_engine(database_url)
    run = next((r for r in list_runs(engine) if r["id"] == run_id), None)
    if run is not None and not yes:
        typer.confirm(
            f"Delete the {run['loaded']:,} rows loaded and {run['quarantined']:,} quarantined "
            f"by run {run_id} ({run['file_name']})?",
            abort=True,
        )
    erasure = delete_run(engine, run_id)
    typer.echo(
        f"Deleted run {run_id}: {erasure.feedback_rows:,} feedback rows (with their "
        f"predictions and corrections) and {erasure.quarantine_rows:,} quarantined rows. "
        "Ingesting the file again loads them anew."
    )


def erase(
    customer: Annotated[
        str,
        typer.Option(
            "--customer",
            help="The customer id as the source system knows it (a phone number or e-mail "
            "address is matched through its pseudonym).",
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    database_url: Annotated[str | None, typer.Option("--db", help=_DB_HELP)] = None,
) -> None:
    """Erase one customer's feedback (a data subject's erasure request)."""
    from voc.store import get_engine
    from voc.store.erase import erase_customer

    if not yes:
        typer.confirm(
            "Erase every feedback row of this customer? This cannot be undone", abort=True
        )
    erasure = erase_customer(get_engine(database_url), customer)
    typer.echo(
        f"Erased {erasure.feedback_rows:,} feedback rows of that customer (with their "
        "predictions and corrections); the erasure is logged without the customer id."
    )


def register(app: typer.Typer) -> None:
    """Attach ``voc runs`` and ``voc erase`` to ``app``."""
    app.add_typer(runs_app, name="runs")
    app.command()(erase)

"""Core commands: ``voc version`` and ``voc sample``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


def version() -> None:
    """Print the package version."""
    from voc import __version__

    typer.echo(f"voc {__version__}")


def sample(
    out: Annotated[Path, typer.Option("--out", "-o", help="CSV file to write.")] = Path(
        "data/sample/feedback.csv"
    ),
    seed: Annotated[int, typer.Option(help="Random seed; same seed, same file.")] = 42,
    rows: Annotated[int, typer.Option(help="Number of feedback records.")] = 24_000,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Write the synthetic demo dataset (with planted signals) and its planted.json."""
    from voc.sample import generate_sample

    result = generate_sample(out, seed=seed, n_rows=rows, show_progress=not quiet)
    typer.echo(f"Wrote {result.n_rows:,} rows to {result.csv_path}")
    typer.echo(f"Planted signals described in {result.planted_path}")


def register(app: typer.Typer) -> None:
    """Attach the core commands to ``app``."""
    app.command()(version)
    app.command()(sample)

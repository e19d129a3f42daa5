"""``voc demo``: prepare models, load the sample data into the store, classify, serve the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

_ROOT = Path(__file__).resolve().parents[2]
SAMPLE = _ROOT / "data" / "sample" / "feedback.csv"


def demo(
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Prepare everything but do not start the app.")
    ] = False,
    port: Annotated[int, typer.Option(help="Port of the app.")] = 8501,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Prepare the encoders, load and classify the sample data, then start the app.

    Idempotent: a second run reuses the prepared models, adds no duplicate rows (ingest is
    idempotent) and classifies only rows without a prediction.
    """
    from voc.classify import load_classifier
    from voc.embed.prepare import prepare_models
    from voc.ingest import ingest_file
    from voc.pipeline import classify_store
    from voc.store import current_model_versions, get_engine

    show = not quiet
    typer.echo("1/4 Preparing encoders (reused when up to date)...")
    prepare_models(show_progress=show, echo=typer.echo)
    typer.echo("2/4 Sample data...")
    if not SAMPLE.exists():
        from voc.sample import generate_sample

        generate_sample(SAMPLE, seed=42, show_progress=show)
    engine = get_engine()
    typer.echo(f"3/4 Ingesting {SAMPLE.relative_to(_ROOT)} into {engine.url.render_as_string()}")
    summary = ingest_file(SAMPLE, engine=engine, show_progress=show)
    typer.echo(
        f"    rows in {summary.rows_in:,}: loaded {summary.loaded:,}, duplicates "
        f"{summary.duplicates:,}, quarantined {summary.quarantined:,}"
    )
    model = load_classifier()
    typer.echo(f"4/4 Classifying new rows with {model.model_version}...")
    written = classify_store(engine, model, show_progress=show)
    typer.echo(f"    classified {written:,} rows")
    others = sum(n for v, n in current_model_versions(engine).items() if v != model.model_version)
    if others:
        typer.echo(
            f"    {others:,} rows keep predictions of another model version; "
            f"`voc reclassify` classifies them with {model.model_version}"
        )
    if no_serve:
        typer.echo("Ready. Start the app with: make demo (or streamlit run app.py)")
        return
    typer.echo(f"Starting the app on http://localhost:{port}")
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(_ROOT / "app.py"),
        "--server.port", str(port), "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    # sys.exit: Typer returns (does not raise) a typer.Exit's code under standalone_mode=False
    sys.exit(subprocess.call(cmd, env=os.environ.copy()))


def register(app: typer.Typer) -> None:
    """Attach ``voc demo`` to ``app``."""
    app.command()(demo)

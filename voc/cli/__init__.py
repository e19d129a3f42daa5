"""The ``voc`` command line: a thin Typer frame whose subcommands live in their own modules.

Heavy libraries (torch, spaCy, sentence-transformers, pandas) are imported inside the
commands, never at module level, so ``voc --help`` stays instant.
"""

from __future__ import annotations

import importlib
import sys

import typer

from voc.errors import VocError

__all__ = ["app", "main"]

app = typer.Typer(
    name="voc",
    help="Voice-of-Customer analytics: ingest, redact, classify, rank issues, run the CX backlog.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``. Add new command modules here.
_COMMAND_MODULES = (
    "voc.cli.core",
    "voc.cli.models",
    "voc.cli.ingest",
    "voc.cli.runs",
    "voc.cli.redact",
    "voc.cli.classify",
    "voc.cli.journey",
    "voc.cli.backlog",
    "voc.cli.demo",
)

for _name in _COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Entry point of the ``voc`` console script: user errors print a sentence, not a traceback."""
    try:
        app(standalone_mode=False)
    except VocError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # usage errors: a bad option value, a missing argument
        import click

        # Typer 0.29 raises the usage errors of its own copy of click, which are not
        # click.ClickException: they printed a traceback until 2026-11-28.
        if isinstance(exc, click.ClickException | typer.TyperException) and hasattr(exc, "show"):
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2))
        raise

"""Journey commands: ``voc issues`` (ranked top-10) and ``voc brief`` (weekly / monthly brief)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from voc.errors import ConfigError, InputFileError, StoreError, ValidationError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["register"]

_InputOption = Annotated[
    Path | None,
    typer.Option(
        "--input",
        "-i",
        help="Classified feedback file (CSV or Parquet) instead of the store.",
        exists=False,
    ),
]
_TaxonomyOption = Annotated[
    Path | None, typer.Option("--taxonomy", help="Taxonomy YAML (default taxonomy if omitted).")
]
_MinMentionsOption = Annotated[
    int | None,
    typer.Option("--min-mentions", min=1, help="Negative comments a pair needs to be an issue."),
]


def _read_file(path: Path) -> pd.DataFrame:
    import pandas as pd

    if not path.exists():
        raise InputFileError(f"Input file {path} does not exist.")
    suffix = path.suffix.lower()
    try:
        if suffix in (".parquet", ".pq"):
            return pd.read_parquet(path)
        if suffix in (".csv", ".txt", ".gz"):
            return pd.read_csv(path, low_memory=False)
    except (OSError, ValueError) as exc:
        raise InputFileError(f"Input file {path} cannot be read: {exc}.") from exc
    raise InputFileError(
        f"Input file {path} has an unsupported type '{suffix}'.",
        hint="Pass a .csv or .parquet file of classified feedback.",
    )


def _history_start(period: str):
    """First day the analytics of ``period`` need: previous period and the z-score baseline."""
    from datetime import timedelta

    from journey.periods import parse_period, week_start

    parsed = parse_period(period)
    # 12 weeks before the period's first week cover the 8-week baseline and the sparkline.
    first_week = parsed.week_starts()[0] - timedelta(weeks=12)
    return week_start(min(parsed.previous().start, first_week)), parsed.end


def load_classified(input_path: Path | None, period: str | None = None) -> pd.DataFrame:
    """Classified feedback from ``input_path`` or, without one, from the store.

    With ``period``, only the rows the analytics of that period need are read from the store
    (the period, the previous period and the 12 weeks before its first week).
    """
    if input_path is not None:
        frame = _read_file(input_path)
    else:
        try:
            from voc.store import get_engine, read_feedback
        except ImportError as exc:
            raise StoreError(
                "The store module is not available in this installation.",
                hint="Pass --input with a classified CSV or Parquet file.",
            ) from exc
        start, end = _history_start(period) if period else (None, None)
        frame = read_feedback(get_engine(), start=start, end=end, classified_only=True)
    if frame is None or len(frame) == 0:
        raise ValidationError(
            "There is no classified feedback to analyse.",
            hint="Ingest and classify feedback first (or pass --input FILE).",
        )
    return frame


def _store_effort_overrides(input_path: Path | None) -> dict[tuple[str, str], int]:
    """The committee's effort overrides from the store (none when reading a file)."""
    if input_path is not None:
        return {}
    try:
        from journey.backlog.store import effort_overrides
        from voc.store import get_engine
    except ImportError:
        return {}
    return effort_overrides(get_engine())


def _taxonomy(path: Path | None):
    from voc.taxonomy import default_taxonomy, load_taxonomy

    return load_taxonomy(path) if path is not None else default_taxonomy()


def _fmt(value, digits: int = 1, signed: bool = False) -> str:
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"


def issues(
    period: Annotated[
        str, typer.Option("--period", "-p", help="2026-05, 2026-W19, 2026-Q2 or a date range.")
    ],
    top: Annotated[int, typer.Option("--top", min=1, help="How many issues to list.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    min_mentions: _MinMentionsOption = None,
    lang: Annotated[str, typer.Option("--lang", help="Title language: en or id.")] = "en",
    input_path: _InputOption = None,
    taxonomy_path: _TaxonomyOption = None,
) -> None:
    """Rank the period's issues on the effort-versus-impact grid and print the top ones."""
    import json

    from journey.evidence import issue_title
    from journey.issues import IssueSettings
    from journey.prioritize import issues_to_records, rank_issues, settings_summary

    if lang not in ("en", "id"):
        raise ConfigError(f"--lang must be 'en' or 'id', got {lang!r}.")
    taxonomy = _taxonomy(taxonomy_path)
    frame = load_classified(input_path, period)
    settings = IssueSettings(min_mentions=min_mentions) if min_mentions else IssueSettings()
    result = rank_issues(
        frame,
        period,
        issue_settings=settings,
        effort_overrides=_store_effort_overrides(input_path),
        taxonomy=taxonomy,
    )
    records = issues_to_records(result.ranked, top=top)
    for record in records:
        record["title_en"] = issue_title(record["topic"], record["touchpoint"], taxonomy, "en")
        record["title_id"] = issue_title(record["topic"], record["touchpoint"], taxonomy, "id")
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"Top {min(top, len(records))} issues, {result.period.label} "
        f"({len(result.ranked)} found; impact threshold {result.impact_threshold:.0f})",
        show_lines=False,
    )
    for column, justify in (
        ("#", "right"),
        ("Issue", "left"),
        ("Owner", "left"),
        ("Quadrant", "left"),
        ("Impact", "right"),
        ("Effort", "right"),
        ("Priority", "right"),
        ("Neg.", "right"),
        ("Drag pts", "right"),
        ("vs prev", "right"),
        ("Week z", "right"),
    ):
        wrap = column in ("Issue", "Owner")
        table.add_column(column, justify=justify, no_wrap=not wrap, overflow="fold")
    for record in records:
        change = "new" if record["is_new"] else _fmt(record["momentum_pct"], 0, signed=True)
        spike = " !" if record["spike"] else ""
        table.add_row(
            str(record["rank"]),
            record[f"title_{lang}"],
            taxonomy.department(record["owner"]).name(lang),
            record["quadrant"],
            _fmt(record["impact"], 0),
            _fmt(record["effort"], 0),
            _fmt(record["priority"], 0),
            str(record["negative_mentions"]),
            f"{_fmt(record['drag_points'], 2, signed=True)} {record['drag_source']}",
            change if change == "new" else f"{change}%",
            _fmt(record["momentum_z"], 1, signed=True) + spike,
        )
    import sys

    # Piped output (no terminal) gets a wide table instead of rich's 80-column default.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    console.print(table)
    summary = settings_summary(result)
    console.print(
        f"Weights: {summary['weights']}; effort threshold {result.grid.effort_threshold:g} "
        "(at or above = high). '!' = spike (|z| >= 2) in a week of the period."
    )


def brief(
    week: Annotated[str | None, typer.Option("--week", help="ISO week, e.g. 2026-W19.")] = None,
    month: Annotated[str | None, typer.Option("--month", help="Month, e.g. 2026-05.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or html.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (stdout if omitted).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language: en or id.")] = "en",
    min_mentions: _MinMentionsOption = None,
    input_path: _InputOption = None,
    taxonomy_path: _TaxonomyOption = None,
) -> None:
    """Write the weekly (biggest issue + three quick wins) or monthly (per department) brief."""
    from journey.brief import monthly_brief, weekly_brief
    from journey.issues import IssueSettings

    if (week is None) == (month is None):
        raise ConfigError("Give exactly one of --week (e.g. 2026-W19) or --month (e.g. 2026-05).")
    if fmt not in ("md", "html"):
        raise ConfigError(f"--format must be 'md' or 'html', got {fmt!r}.")
    taxonomy = _taxonomy(taxonomy_path)
    frame = load_classified(input_path, week or month)
    settings = IssueSettings(min_mentions=min_mentions) if min_mentions else None
    options = {
        "lang": lang,
        "issue_settings": settings,
        "effort_overrides": _store_effort_overrides(input_path),
        "taxonomy": taxonomy,
    }
    if week is not None:
        result = weekly_brief(frame, week, **options)
    else:
        # Hook for open backlog items: monthly_brief(open_items=...) once the backlog provides
        # a (department_id, period) -> items function.
        result = monthly_brief(frame, month, **options)
    text = result.render(fmt)
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {output}", err=True)


def register(app: typer.Typer) -> None:
    """Attach the journey commands to ``app``."""
    app.command(name="issues")(issues)
    app.command(name="brief")(brief)

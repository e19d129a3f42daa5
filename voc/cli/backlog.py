"""Backlog commands: ``voc backlog add|list|show|update|comment|history|view|export``."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from voc.errors import ConfigError

__all__ = ["register"]

backlog_app = typer.Typer(
    name="backlog",
    help="The cross-department CX backlog: items with owners, countermeasures and target KPIs.",
    no_args_is_help=True,
)

_By = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: $USER).")]
_Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
_Db = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $VOC_DATABASE_URL or var/voc.db)."),
]
_Effort = Annotated[int | None, typer.Option("--effort", min=1, max=5, help="Effort 1-5.")]
_Due = Annotated[str | None, typer.Option("--due", help="Due date, YYYY-MM-DD.")]
_Owner = Annotated[str | None, typer.Option("--owner", help="Owner department id.")]
_Assignee = Annotated[str | None, typer.Option("--assignee", help="Person responsible.")]
_Countermeasure = Annotated[
    str | None,
    typer.Option(
        "--countermeasure",
        help="sop_script, faq_wiki, product_fix, process_change, staffing_overflow or other.",
    ),
]
_Kpi = Annotated[str | None, typer.Option("--kpi", help='Target KPI, e.g. "CSAT% refunds".')]
_KpiBaseline = Annotated[float | None, typer.Option("--kpi-baseline", help="KPI today.")]
_KpiTarget = Annotated[float | None, typer.Option("--kpi-target", help="KPI to reach.")]
_Description = Annotated[str | None, typer.Option("--description", help="Longer description.")]
_Verbatims = Annotated[
    list[str] | None, typer.Option("--verbatim", help="Evidence feedback id (repeatable).")
]


def _engine(db: str | None):
    from voc.store import get_engine

    return get_engine(db)


def _by(by: str | None) -> str:
    return by or os.environ.get("USER") or os.environ.get("USERNAME") or ""


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _fields(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _item_table(items, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from voc.taxonomy import default_taxonomy

    # departments by name, as `voc issues` shows them (--json keeps the ids)
    departments = default_taxonomy().names("department", "en")
    table = Table(title=title)
    for column in ("ID", "Title", "Owner", "Status", "Assignee", "Effort", "Priority", "Due", "v"):
        table.add_column(column, overflow="fold")
    for item in items:
        table.add_row(
            str(item.id),
            item.title,
            departments.get(item.owner_department, item.owner_department or ""),
            item.status,
            item.assignee or "",
            "" if item.effort is None else str(item.effort),
            "" if item.priority is None else f"{item.priority:.0f}",
            "" if item.due_date is None else item.due_date.isoformat(),
            str(item.version),
        )
    Console(width=160).print(table)


@backlog_app.command("add")
def add(
    from_issue: Annotated[
        str | None,
        typer.Option("--from-issue", help="TOPIC:TOUCHPOINT of a ranked issue (needs --period)."),
    ] = None,
    period: Annotated[
        str | None, typer.Option("--period", "-p", help="Period of the ranking, e.g. 2026-05.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title (by hand).")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Topic id.")] = None,
    touchpoint: Annotated[str | None, typer.Option("--touchpoint", help="Touchpoint id.")] = None,
    owner: _Owner = None,
    assignee: _Assignee = None,
    effort: _Effort = None,
    due: _Due = None,
    countermeasure: _Countermeasure = None,
    kpi: _Kpi = None,
    kpi_baseline: _KpiBaseline = None,
    kpi_target: _KpiTarget = None,
    description: _Description = None,
    verbatim: _Verbatims = None,
    by: _By = None,
    as_json: _Json = False,
    db: _Db = None,
) -> None:
    """Add an item from a ranked issue (--from-issue --period) or by hand (--title ...)."""
    from journey.backlog import create_from_issue, create_item
    from journey.backlog.issue import issue_from_store

    engine = _engine(db)
    fields = _fields(
        assignee=assignee,
        due_date=due,
        countermeasure_type=countermeasure,
        target_kpi=kpi,
        kpi_baseline=kpi_baseline,
        kpi_target=kpi_target,
        description=description,
        verbatim_ids=verbatim or None,
    )
    if from_issue is not None:
        if not period or ":" not in from_issue:
            raise ConfigError(
                "--from-issue needs TOPIC:TOUCHPOINT and --period, "
                "e.g. --from-issue refund_return:returns --period 2026-05."
            )
        issue_topic, issue_touchpoint = from_issue.split(":", 1)
        record = issue_from_store(engine, issue_topic, issue_touchpoint, period)
        if owner:
            fields["owner_department"] = owner
        if title:
            fields["title"] = title
        result = create_from_issue(engine, record, by=_by(by), effort=effort, **fields)
    else:
        if not title:
            raise ConfigError("Give --from-issue TOPIC:TOUCHPOINT --period P, or --title.")
        fields.update(_fields(topic=topic, touchpoint=touchpoint, owner_department=owner))
        result = create_item(engine, title, by=_by(by), effort=effort, **fields)
    if as_json:
        _print_json({"created": result.created, "message": result.message,
                     "item": result.item.to_dict()})  # fmt: skip
        return
    typer.echo(result.message)


@backlog_app.command("list")
def list_(
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    status: Annotated[list[str] | None, typer.Option("--status", help="Repeatable.")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="Only open items.")] = False,
    as_json: _Json = False,
    db: _Db = None,
) -> None:
    """List items by priority."""
    from journey.backlog import list_items

    items = list_items(_engine(db), department, status or None, open_only=open_only)
    if as_json:
        _print_json([i.to_dict(with_comments=False) for i in items])
        return
    _item_table(items, f"Backlog ({len(items)} items)")


@backlog_app.command("show")
def show(item_id: int, as_json: _Json = False, db: _Db = None) -> None:
    """Show one item with its comments."""
    from journey.backlog import get_item

    item = get_item(_engine(db), item_id)
    data = item.to_dict()
    if as_json:
        _print_json(data)
        return
    for name, value in data.items():
        if name == "comments":
            continue
        if isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False)
        typer.echo(f"{name:20} {'' if value is None else value}")
    for comment in item.comments:
        typer.echo(f"[{comment.created_at:%Y-%m-%d %H:%M}] {comment.author}: {comment.body}")


@backlog_app.command("update")
def update(
    item_id: int,
    expected_version: Annotated[
        int, typer.Option("--expected-version", help="The version you read (see `show`).")
    ],
    status: Annotated[str | None, typer.Option("--status", help="New status.")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    owner: _Owner = None,
    assignee: _Assignee = None,
    effort: _Effort = None,
    due: _Due = None,
    countermeasure: _Countermeasure = None,
    kpi: _Kpi = None,
    kpi_baseline: _KpiBaseline = None,
    kpi_target: _KpiTarget = None,
    description: _Description = None,
    verbatim: _Verbatims = None,
    by: _By = None,
    as_json: _Json = False,
    db: _Db = None,
) -> None:
    """Change fields of an item; refused if someone changed it since --expected-version."""
    from journey.backlog import update_item

    changes = _fields(
        status=status,
        title=title,
        owner_department=owner,
        assignee=assignee,
        effort=effort,
        due_date=due,
        countermeasure_type=countermeasure,
        target_kpi=kpi,
        kpi_baseline=kpi_baseline,
        kpi_target=kpi_target,
        description=description,
        verbatim_ids=verbatim or None,
    )
    if not changes:
        raise ConfigError("Nothing to update: give at least one field option, e.g. --status.")
    item = update_item(_engine(db), item_id, changes, expected_version, _by(by))
    if as_json:
        _print_json(item.to_dict(with_comments=False))
        return
    typer.echo(f"Item {item.id} is now at version {item.version} (status {item.status}).")


@backlog_app.command("comment")
def comment(item_id: int, text: str, by: _By = None, db: _Db = None) -> None:
    """Add a comment to an item."""
    from journey.backlog import add_comment

    add_comment(_engine(db), item_id, text, by=_by(by))
    typer.echo(f"Comment added to item {item_id}.")


@backlog_app.command("history")
def history_(item_id: int, as_json: _Json = False, db: _Db = None) -> None:
    """Show the audit log of an item (who, when, field, old value, new value)."""
    from journey.backlog import history

    entries = history(_engine(db), item_id)
    if as_json:
        _print_json([e.to_dict() for e in entries])
        return
    for e in entries:
        old = "" if e.old_value is None else e.old_value
        new = "" if e.new_value is None else e.new_value
        typer.echo(f"v{e.version} {e.at:%Y-%m-%d %H:%M:%S} {e.who}: {e.field}: {old!r} -> {new!r}")


@backlog_app.command("view")
def view(
    kind: Annotated[str, typer.Argument(help="weekly, monthly or department.")],
    month: Annotated[str | None, typer.Option("--month", help="Month for monthly.")] = None,
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    as_json: _Json = False,
    db: _Db = None,
) -> None:
    """Weekly pick, monthly committee view, or what one department owns."""
    from journey.backlog import department_view, monthly_view, weekly_view

    engine = _engine(db)
    if kind == "weekly":
        result = weekly_view(engine)
        if as_json:
            _print_json(result.to_dict())
            return
        _item_table([result.biggest] if result.biggest else [], "Biggest issue")
        _item_table(result.quick_wins, "Quick wins")
    elif kind == "monthly":
        if not month:
            raise ConfigError("The monthly view needs --month, e.g. --month 2026-05.")
        from journey.backlog import committee_pack

        result = monthly_view(engine, month)
        if as_json:
            _print_json(result.to_dict())
            return
        typer.echo(committee_pack(result), nl=False)
    elif kind == "department":
        if not department:
            raise ConfigError("The department view needs --department, e.g. -d logistics.")
        items = department_view(engine, department)
        if as_json:
            _print_json([i.to_dict(with_comments=False) for i in items])
            return
        _item_table(items, f"Open items of {department}")
    else:
        raise ConfigError(f"View must be weekly, monthly or department, got {kind!r}.")


@backlog_app.command("export")
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, xlsx, jira, md or html (committee pack).")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    department: Annotated[str | None, typer.Option("--department", "-d")] = None,
    month: Annotated[
        str | None, typer.Option("--month", help="Month of the committee pack (md/html).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="en or id.")] = "en",
    db: _Db = None,
) -> None:
    """Export the backlog (CSV, XLSX, Jira CSV) or the committee pack (Markdown, HTML)."""
    from journey.backlog import (
        committee_pack,
        export_csv,
        export_jira,
        export_xlsx,
        list_items,
        monthly_view,
        weekly_view,
    )

    engine = _engine(db)
    if fmt in ("md", "html"):
        if not month:
            raise ConfigError("The committee pack needs --month, e.g. --month 2026-05.")
        pack = committee_pack(
            monthly_view(engine, month), weekly_view(engine), fmt=fmt, lang=lang, path=output
        )
        del pack
    elif fmt in ("csv", "xlsx", "jira"):
        items = list_items(engine, department)
        if fmt == "csv":
            export_csv(items, output)
        elif fmt == "xlsx":
            export_xlsx(items, output)
        else:
            export_jira(items, output, lang=lang)
    else:
        raise ConfigError(f"--format must be csv, xlsx, jira, md or html, got {fmt!r}.")
    typer.echo(f"Wrote {output}")


def register(app: typer.Typer) -> None:
    """Attach the ``backlog`` command group to ``app``."""
    app.add_typer(backlog_app, name="backlog")

"""Backlog exports: CSV, XLSX, Jira-importable CSV and the Markdown/HTML committee pack."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journey.backlog._db import _taxonomy
from journey.backlog.model import BacklogItem
from journey.backlog.store import list_items
from voc.errors import ConfigError
from voc.spreadsheet import formula_safe

if TYPE_CHECKING:
    from journey.backlog.views import MonthlyView, WeeklyView
    from voc.taxonomy import Taxonomy

__all__ = [
    "ITEM_COLUMNS",
    "JIRA_COLUMNS",
    "JIRA_LABEL_COLUMNS",
    "export_csv",
    "export_xlsx",
    "export_jira",
    "committee_pack",
    "jira_priority",
]

#: Columns of the CSV and XLSX exports, in order (lists and the snapshot as JSON text).
ITEM_COLUMNS = (
    "id",
    "title",
    "description",
    "topic",
    "touchpoint",
    "owner_department",
    "assignee",
    "status",
    "effort",
    "priority",
    "due_date",
    "countermeasure_type",
    "target_kpi",
    "kpi_baseline",
    "kpi_target",
    "verbatim_ids",
    "impact_snapshot",
    "issue_key",
    "version",
    "created_at",
    "updated_at",
    "done_at",
)
#: Labels columns of the Jira CSV: Jira's importer takes one label per column named "Labels".
JIRA_LABEL_COLUMNS = 4
#: Header of the Jira CSV (Component = owner department).
JIRA_COLUMNS = (
    "Summary",
    "Description",
    "Issue Type",
    "Priority",
    *(["Labels"] * JIRA_LABEL_COLUMNS),
    "Component",
    "Due date",
)


def _items(source: Any) -> list[BacklogItem]:
    """Items from an engine (all items) or an iterable of items."""
    if hasattr(source, "connect"):
        return list_items(source)
    return list(source)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _write_text(text: str, path: str | Path | None) -> str:
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # utf-8-sig so Excel opens Indonesian and accented text correctly.
        Path(path).write_text(text, encoding="utf-8-sig", newline="")
    return text


def export_csv(source: Any, path: str | Path | None = None) -> str:
    """All item fields as CSV (``ITEM_COLUMNS``); returns the text and writes ``path`` if given.

    Args:
        source: An engine (every item) or an iterable of :class:`BacklogItem`.
        path: File to write (UTF-8 with BOM).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ITEM_COLUMNS)
    for item in _items(source):
        # text a spreadsheet would run as a formula gets an apostrophe (voc.spreadsheet)
        writer.writerow([formula_safe(_cell(getattr(item, c))) for c in ITEM_COLUMNS])
    return _write_text(buffer.getvalue(), path)


def export_xlsx(source: Any, path: str | Path | None = None) -> bytes:
    """All item fields as an Excel workbook (sheet "backlog"); returns the file's bytes.

    Dates stay dates and numbers stay numbers; lists and the snapshot are JSON text.
    """
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "backlog"
    sheet.append(list(ITEM_COLUMNS))
    for item in _items(source):
        row = []
        for column in ITEM_COLUMNS:
            value = getattr(item, column)
            row.append(
                json.dumps(value, ensure_ascii=False, sort_keys=True)
                if isinstance(value, list | dict)
                else value
            )
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl takes text starting with "=" as a formula
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
    return data


def jira_priority(priority: float | None) -> str:
    """Jira priority name of a 0-100 priority score (Medium when unknown)."""
    if priority is None:
        return "Medium"
    for floor, name in ((75, "Highest"), (50, "High"), (25, "Medium"), (10, "Low")):
        if priority >= floor:
            return name
    return "Lowest"


def _jira_description(item: BacklogItem) -> str:
    lines = [item.description or ""]
    if item.countermeasure_type:
        lines.append(f"Countermeasure: {item.countermeasure_type}")
    if item.target_kpi:
        base = "?" if item.kpi_baseline is None else f"{item.kpi_baseline:g}"
        target = "?" if item.kpi_target is None else f"{item.kpi_target:g}"
        lines.append(f"Target KPI: {item.target_kpi} from {base} to {target}")
    if item.impact is not None:
        lines.append(f"Impact {item.impact:.0f}/100, effort {item.effort or '?'}/5")
    if item.verbatim_ids:
        lines.append("Evidence (feedback ids): " + ", ".join(item.verbatim_ids))
    lines.append(f"VOC backlog item {item.id} (version {item.version}, status {item.status})")
    return "\n".join(line for line in lines if line)


def export_jira(
    source: Any,
    path: str | Path | None = None,
    *,
    lang: str = "en",
    issue_type: str = "Task",
    taxonomy: Taxonomy | None = None,
) -> str:
    """A CSV Jira's importer reads: ``JIRA_COLUMNS`` (Component = department name).

    Labels are ``voc-backlog``, the topic, the touchpoint and the countermeasure type, one per
    "Labels" column. Due dates are ``YYYY-MM-DD`` (tell the importer the format ``yyyy-MM-dd``).
    """
    taxonomy = _taxonomy(taxonomy)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(JIRA_COLUMNS)
    for item in _items(source):
        labels = ["voc-backlog", item.topic, item.touchpoint, item.countermeasure_type]
        labels = [label for label in labels if label][:JIRA_LABEL_COLUMNS]
        labels += [""] * (JIRA_LABEL_COLUMNS - len(labels))
        component = (
            taxonomy.department(item.owner_department).name(lang) if item.owner_department else ""
        )
        writer.writerow(
            [
                item.title,
                _jira_description(item),
                issue_type,
                jira_priority(item.priority),
                *labels,
                component,
                _cell(item.due_date),
            ]
        )
    return _write_text(buffer.getvalue(), path)


_WORDS = {
    "en": {
        "title": "CX committee pack",
        "as_of": "as of",
        "weekly": "This week: biggest issue and quick wins",
        "biggest": "Biggest issue",
        "quick": "Quick wins",
        "none": "none",
        "open": "Open",
        "overdue": "overdue",
        "done": "Done this month",
        "loop": "Closed loop",
        "cols": ("#", "Item", "Status", "Assignee", "Effort", "Priority", "Due", "KPI"),
    },
    "id": {
        "title": "Paket komite CX",
        "as_of": "per",
        "weekly": "Minggu ini: isu terbesar dan quick win",
        "biggest": "Isu terbesar",
        "quick": "Quick win",
        "none": "tidak ada",
        "open": "Terbuka",
        "overdue": "lewat tenggat",
        "done": "Selesai bulan ini",
        "loop": "Closed loop",
        "cols": ("#", "Item", "Status", "PIC", "Effort", "Prioritas", "Tenggat", "KPI"),
    },
}


def _md(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _kpi(item: BacklogItem) -> str:
    if not item.target_kpi:
        return ""
    base = "" if item.kpi_baseline is None else f"{item.kpi_baseline:g} -> "
    target = "" if item.kpi_target is None else f"{item.kpi_target:g}"
    return f"{item.target_kpi} {base}{target}".strip()


def _table(items: Iterable[BacklogItem], words: dict, overdue: set[int]) -> list[str]:
    lines = ["| " + " | ".join(words["cols"]) + " |", "|" + "---|" * len(words["cols"])]
    for item in items:
        due = _cell(item.due_date)
        if item.id in overdue:
            due = f"**{due} ({words['overdue']})**"
        cells = [
            item.id,
            item.title,
            item.status,
            item.assignee or "",
            item.effort or "",
            "" if item.priority is None else f"{item.priority:.0f}",
            due,
            _kpi(item),
        ]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    return lines


def _markdown(monthly: MonthlyView, weekly: WeeklyView | None, lang: str) -> str:
    words = _WORDS[lang]
    lines = [f"# {words['title']} {monthly.month}", "", f"_{words['as_of']} {monthly.as_of}_", ""]
    if weekly is not None:
        lines += [f"## {words['weekly']}", ""]
        biggest = weekly.biggest
        lines.append(f"- {words['biggest']}: " + (_md(biggest.title) if biggest else words["none"]))
        wins = ", ".join(_md(f"#{i.id} {i.title}") for i in weekly.quick_wins) or words["none"]
        lines += [f"- {words['quick']}: {wins}", ""]
    if monthly.note:
        lines += [f"> {monthly.note}", ""]
    for dept in monthly.departments:
        overdue = {i.id for i in dept.overdue}
        lines += [f"## {_md(dept.name(lang))}", ""]
        lines += [
            f"{words['open']}: {len(dept.open)} ({len(overdue)} {words['overdue']}), "
            f"{words['done']}: {len(dept.done)}",
            "",
        ]
        if dept.open:
            lines += _table(dept.open, words, overdue) + [""]
        if dept.done:
            lines += [f"### {words['done']}", ""] + _table(dept.done, words, set()) + [""]
            for item in dept.done:
                result = dept.closed_loop.get(item.id)
                if result is not None:
                    lines.append(f"- {words['loop']} #{item.id}: {_md(result.sentence(lang))}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _html(markdown: str, title: str) -> str:
    """Render the pack's small Markdown subset (headings, tables, lists, quotes) as HTML."""
    import html
    import re

    def inline(text: str) -> str:
        text = html.escape(text.replace("\\|", "\x00")).replace("\x00", "|")
        text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
        return re.sub(r"(?<!\w)_(.+?)_(?!\w)", r"<em>\1</em>", text)

    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}</style>",
        "</head><body>",
    ]
    in_table = in_list = False
    for line in markdown.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            tag = "th" if not in_table else "td"
            if not in_table:
                out.append("<table>")
                in_table = True
            out.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in cells) + "</tr>")
            continue
        if line.startswith("|---"):
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{inline(line[2:])}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        heading = re.match(r"(#{1,3}) (.*)", line)
        if heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif line.startswith("> "):
            out.append(f"<blockquote>{inline(line[2:])}</blockquote>")
        elif line.strip():
            out.append(f"<p>{inline(line)}</p>")
    if in_table:
        out.append("</table>")
    if in_list:
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def committee_pack(
    monthly: MonthlyView,
    weekly: WeeklyView | None = None,
    *,
    fmt: str = "md",
    lang: str = "en",
    path: str | Path | None = None,
) -> str:
    """The committee pack: weekly pick, then per department open/overdue/done and closed loop.

    Args:
        monthly: Output of :func:`journey.backlog.monthly_view`.
        weekly: Output of :func:`journey.backlog.weekly_view` (section omitted when None).
        fmt: "md" or "html".
        lang: "en" or "id".
        path: File to write.
    """
    if fmt not in ("md", "html"):
        raise ConfigError(f"The committee pack format must be 'md' or 'html', got {fmt!r}.")
    if lang not in _WORDS:
        raise ConfigError(f"The committee pack language must be 'en' or 'id', got {lang!r}.")
    text = _markdown(monthly, weekly, lang)
    if fmt == "html":
        text = _html(text, f"{_WORDS[lang]['title']} {monthly.month}")
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(text, encoding="utf-8")
    return text

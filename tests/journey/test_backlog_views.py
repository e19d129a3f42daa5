"""Backlog views and exports: department, weekly, monthly committee, CSV/XLSX/Jira, pack."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta

import pytest

from journey.backlog import (
    ITEM_COLUMNS,
    JIRA_COLUMNS,
    committee_pack,
    create_from_issue,
    create_item,
    department_view,
    export_csv,
    export_jira,
    export_xlsx,
    get_item,
    monthly_view,
    update_item,
    weekly_view,
)
from voc.errors import ConfigError, TaxonomyError, ValidationError

from .frames import make_frame


def _issue(topic, touchpoint, impact, effort, priority, quadrant, threshold=50.0):
    return {
        "topic": topic,
        "touchpoint": touchpoint,
        "impact": impact,
        "effort": effort,
        "priority": priority,
        "quadrant": quadrant,
        "impact_threshold": threshold,
    }


@pytest.fixture
def filled(db_engine):
    """Five items: a big major project, three quick wins of different priority, one low one."""
    specs = [
        ("delivery_speed", "delivery", 95.0, 4, 60.0, "major_project"),
        ("item_condition", "delivery", 70.0, 2, 61.0, "quick_win"),
        ("refund_return", "returns", 65.0, 1, 65.0, "quick_win"),
        ("promo_voucher", "purchase", 55.0, 2, 48.0, "quick_win"),
        ("product_info", "discovery", 20.0, 1, 20.0, "fill_in"),
    ]
    ids = []
    for topic, touchpoint, impact, effort, priority, quadrant in specs:
        record = _issue(topic, touchpoint, impact, effort, priority, quadrant)
        ids.append(create_from_issue(db_engine, record, by="rina").item.id)
    return db_engine, ids


def test_department_view_orders_by_priority_and_hides_closed(filled):
    engine, ids = filled
    logistics = department_view(engine, "logistics")
    assert [i.id for i in logistics] == [ids[1], ids[0]]
    update_item(engine, ids[1], {"status": "wont_fix"}, 1, "rina")
    assert [i.id for i in department_view(engine, "logistics")] == [ids[0]]
    assert len(department_view(engine, "logistics", include_closed=True)) == 2
    with pytest.raises(TaxonomyError, match="no department 'warehouse'"):
        department_view(engine, "warehouse")


def test_weekly_view_picks_biggest_and_three_quick_wins(filled):
    engine, ids = filled
    view = weekly_view(engine)
    assert view.biggest.id == ids[0]
    assert [i.id for i in view.quick_wins] == [ids[2], ids[1], ids[3]]
    # Raising the effort of a quick win to 4 takes it off the list.
    update_item(engine, ids[2], {"effort": 4}, 1, "rina")
    assert ids[2] not in [i.id for i in weekly_view(engine).quick_wins]
    assert json.dumps(weekly_view(engine).to_dict())


def test_weekly_view_of_empty_backlog(db_engine):
    view = weekly_view(db_engine)
    assert view.biggest is None and view.quick_wins == []


def _closed_loop_frame():
    rows = []
    first_monday = date(2026, 4, 6)
    for week in range(8):
        monday = first_monday + timedelta(weeks=week)
        for i in range(10 if week < 4 else 3):
            rows.append(
                {"topics": "refund_return", "touchpoint": "returns", "sentiment": "negative",
                 "csat": 1, "created_at": f"{monday + timedelta(days=i % 5)} 10:00"}
            )  # fmt: skip
        for i in range(20):
            rows.append(
                {"topics": "other", "touchpoint": "usage", "sentiment": "positive", "csat": 5,
                 "created_at": f"{monday + timedelta(days=i % 7)} 12:00"}
            )  # fmt: skip
    return make_frame(rows)


def _mark_done(engine, item_id, when):
    import sqlalchemy as sa

    from voc.store.backlog_schema import backlog_items

    item = get_item(engine, item_id)
    for status in ("triaged", "committed", "in_progress", "done"):
        item = update_item(engine, item_id, {"status": status}, item.version, "rina")
    with engine.begin() as conn:  # the test backdates the done day
        conn.execute(
            sa.update(backlog_items).where(backlog_items.c.id == item_id).values(done_at=when)
        )


def test_monthly_view_counts_open_overdue_done_and_closed_loop(filled):
    engine, ids = filled
    update_item(engine, ids[1], {"due_date": "2026-05-10"}, 1, "rina")
    update_item(engine, ids[0], {"due_date": "2026-06-30"}, 1, "rina")
    _mark_done(engine, ids[2], datetime(2026, 5, 4, 9, 0))
    view = monthly_view(engine, "2026-05", feedback=_closed_loop_frame(), as_of=date(2026, 5, 31))
    by_dept = {d.department: d for d in view.departments}
    assert [i.id for i in by_dept["logistics"].open] == [ids[1], ids[0]]
    assert [i.id for i in by_dept["logistics"].overdue] == [ids[1]]
    billing = by_dept["billing_finance"]
    assert [i.id for i in billing.done] == [ids[2]] and billing.open == []
    result = billing.closed_loop[ids[2]]
    assert result.verdict == "improved"
    assert result.before.negative_per_week == pytest.approx(10.0)
    assert result.after.negative_per_week == pytest.approx(3.0)
    april = monthly_view(engine, "2026-04", feedback=_closed_loop_frame(), as_of=date(2026, 4, 30))
    assert all(not d.done for d in april.departments)
    assert json.dumps(view.to_dict())
    with pytest.raises(ValidationError, match="needs a month"):
        monthly_view(engine, "2026-W19")


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_committee_pack(filled, fmt, lang, tmp_path):
    engine, ids = filled
    update_item(engine, ids[1], {"due_date": "2026-05-10", "title": "Packing <SOP> | v2"}, 1, "r")
    _mark_done(engine, ids[2], datetime(2026, 5, 4, 9, 0))
    view = monthly_view(engine, "2026-05", feedback=_closed_loop_frame(), as_of=date(2026, 5, 31))
    text = committee_pack(view, weekly_view(engine), fmt=fmt, lang=lang, path=tmp_path / "p")
    assert (tmp_path / "p").read_text(encoding="utf-8") == text
    logistics = "Logistics & fulfilment" if lang == "en" else "Logistik & fulfilment"
    loop_word = "improved" if lang == "en" else "membaik"
    assert loop_word in text
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "<table>" in text
        assert "Packing &lt;SOP&gt; | v2" in text and logistics.replace("&", "&amp;") in text
    else:
        assert f"## {logistics}" in text and "Packing <SOP> \\| v2" in text
        assert "(overdue)" in text or "(lewat tenggat)" in text
    with pytest.raises(ConfigError, match="'md' or 'html'"):
        committee_pack(view, fmt="pdf")


def _rich_item(engine):
    return create_item(
        engine,
        'Skrip refund, "14 hari"',
        by="rina",
        description="Line one\nline two, with comma",
        topic="refund_return",
        touchpoint="returns",
        assignee="Sari",
        effort=2,
        priority=81.5,
        due_date="2026-07-01",
        countermeasure_type="sop_script",
        target_kpi="CSAT% refunds",
        kpi_baseline=62,
        kpi_target=75,
        verbatim_ids=["fb-1", "fb-2"],
        impact_snapshot={"impact": 90.0},
    ).item


def test_csv_export_parses_back(db_engine, tmp_path):
    item = _rich_item(db_engine)
    create_item(db_engine, "Hand item", by="rina", owner_department="logistics")
    text = export_csv(db_engine, tmp_path / "b.csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == ITEM_COLUMNS and len(rows) == 2
    first = rows[0]
    assert first["title"] == item.title and first["description"] == item.description
    assert json.loads(first["verbatim_ids"]) == ["fb-1", "fb-2"]
    assert float(first["kpi_baseline"]) == 62 and first["due_date"] == "2026-07-01"
    on_disk = (tmp_path / "b.csv").read_bytes().decode("utf-8-sig")
    assert on_disk == text


def test_xlsx_export_parses_back(db_engine, tmp_path):
    from openpyxl import load_workbook

    item = _rich_item(db_engine)
    export_xlsx(db_engine, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["backlog"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ITEM_COLUMNS
    values = dict(zip(rows[0], rows[1], strict=True))
    assert values["title"] == item.title and values["effort"] == 2
    assert values["kpi_target"] == 75 and values["due_date"].date() == date(2026, 7, 1)
    assert json.loads(values["impact_snapshot"]) == {"impact": 90.0}


def test_jira_export_has_importable_columns(db_engine):
    _rich_item(db_engine)
    create_item(db_engine, "Low one", by="rina", owner_department="logistics", priority=5)
    rows = list(csv.reader(io.StringIO(export_jira(db_engine))))
    assert tuple(rows[0]) == JIRA_COLUMNS
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["Summary"] == 'Skrip refund, "14 hari"' and first["Issue Type"] == "Task"
    assert first["Priority"] == "Highest" and first["Due date"] == "2026-07-01"
    assert first["Component"] == "Billing & finance"
    labels = [v for h, v in zip(header, rows[1], strict=True) if h == "Labels" and v]
    assert labels == ["voc-backlog", "refund_return", "returns", "sop_script"]
    assert "fb-1, fb-2" in first["Description"] and "62 to 75" in first["Description"]
    assert rows[2][header.index("Priority")] == "Lowest"


def test_spreadsheet_exports_keep_formula_like_text_as_text(db_engine, tmp_path):
    from openpyxl import load_workbook

    title = '=HYPERLINK("http://x.test","klik")'
    create_item(
        db_engine, title, by="rina", description="- kurir telat", owner_department="logistics"
    )
    rows = list(csv.DictReader(io.StringIO(export_csv(db_engine))))
    assert rows[0]["title"] == "'" + title and rows[0]["description"] == "'- kurir telat"
    export_xlsx(db_engine, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx")["backlog"]
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("title") + 1)
    assert cell.value == title and cell.data_type == "s"  # the text, not a formula

"""``voc backlog`` end to end on a store seeded with classified feedback (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from voc.cli import app

runner = CliRunner()


def _seed(engine):
    """30 refund complaints at the returns stage and 40 happy usage comments in May 2026."""
    from voc.store import write_predictions
    from voc.store.writes import create_run, insert_feedback

    rows, preds = [], []
    start = dt.datetime(2026, 5, 4, 9)
    for i in range(70):
        created = start + dt.timedelta(hours=9 * i)
        complaint = i % 7 < 3
        fid = f"fb{i:03d}"
        rows.append(
            {
                "feedback_id": fid,
                "created_at": created,
                "week": created.date() - dt.timedelta(days=created.weekday()),
                "channel": "chat",
                "text_redacted": "refund belum masuk sudah dua minggu" if complaint
                else "aplikasinya lancar dan mudah dipakai",
                "csat": 1.0 if complaint else 5.0,
                "lang": "id",
                "content_hash": fid,
            }
        )  # fmt: skip
        topic, stage = ("refund_return", "returns") if complaint else ("other", "usage")
        preds.append(
            {
                "feedback_id": fid,
                "model_version": "test/1",
                "sentiment": "negative" if complaint else "positive",
                "sentiment_score": -0.8 if complaint else 0.8,
                "topic": topic,
                "topics": [topic],
                "topic_confidence": 0.9,
                "touchpoint": stage,
                "touchpoint_confidence": 0.9,
                "aspects": [],
                "needs_review": False,
            }
        )
    with engine.begin() as conn:
        run_id = create_run(conn, file_name="t.csv", file_hash="0" * 64)
        for row in rows:
            row["ingest_run_id"] = run_id
        insert_feedback(conn, rows)
    write_predictions(engine, pd.DataFrame(preds))


def _run(*args):
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_cli_flow_from_issue_to_export(db_url, tmp_path, monkeypatch):
    from voc.store import get_engine

    monkeypatch.setenv("USER", "rina")
    _seed(get_engine(db_url))
    added = _run(
        "backlog", "add", "--from-issue", "refund_return:returns", "--period", "2026-05",
        "--due", "2026-06-15", "--countermeasure", "sop_script", "--kpi", "CSAT% refunds",
        "--kpi-baseline", "62", "--kpi-target", "75", "--json", "--db", db_url,
    )  # fmt: skip
    data = json.loads(added.stdout)
    item = data["item"]
    assert data["created"] and item["owner_department"] == "billing_finance"
    assert item["impact_snapshot"]["negative_mentions"] == 30
    assert item["impact_snapshot"]["period"] == "2026-05"
    assert 1 <= len(item["verbatim_ids"]) <= 3
    assert all(v.startswith("fb") for v in item["verbatim_ids"])
    again = _run(
        "backlog", "add", "--from-issue", "refund_return:returns", "--period", "2026-05",
        "--db", db_url,
    )  # fmt: skip
    assert "already open" in again.stdout
    item_id = str(item["id"])
    _run("backlog", "update", item_id, "--status", "triaged", "--expected-version", "1",
         "--db", db_url)  # fmt: skip
    stale = runner.invoke(
        app, ["backlog", "update", item_id, "--assignee", "Sari", "--expected-version", "1",
              "--by", "budi", "--db", db_url],
    )  # fmt: skip
    assert "rina set status to 'triaged'" in str(stale.exception)
    shown = json.loads(_run("backlog", "show", item_id, "--json", "--db", db_url).stdout)
    assert shown["version"] == 2 and shown["status"] == "triaged" and shown["assignee"] is None
    log = json.loads(_run("backlog", "history", item_id, "--json", "--db", db_url).stdout)
    assert [(e["field"], e["who"]) for e in log if e["version"] == 2] == [("status", "rina")]
    listed = json.loads(_run("backlog", "list", "--json", "--db", db_url).stdout)
    assert [i["id"] for i in listed] == [item["id"]]
    table = _run("backlog", "list", "--db", db_url).stdout
    assert "Billing & finance" in table and "billing_finance" not in table  # as `voc issues`
    jira = tmp_path / "jira.csv"
    _run("backlog", "export", "--format", "jira", "-o", str(jira), "--db", db_url)
    rows = list(csv.reader(io.StringIO(jira.read_bytes().decode("utf-8-sig"))))
    assert rows[0][0] == "Summary" and rows[1][-1] == "2026-06-15"


def test_monthly_view_reads_closed_loop_feedback_from_store(db_url):
    import sqlalchemy as sa

    from journey.backlog import create_item, monthly_view, update_item
    from voc.store import get_engine
    from voc.store.backlog_schema import backlog_items

    engine = get_engine(db_url)
    _seed(engine)
    item = create_item(engine, "Refund SOP", by="rina", topic="refund_return",
                       touchpoint="returns").item  # fmt: skip
    for status in ("triaged", "committed", "in_progress", "done"):
        item = update_item(engine, item.id, {"status": status}, item.version, "rina")
    with engine.begin() as conn:
        conn.execute(sa.update(backlog_items).values(done_at=dt.datetime(2026, 5, 18)))
    view = monthly_view(engine, "2026-05", as_of=dt.date(2026, 5, 31))
    (billing,) = [d for d in view.departments if d.department == "billing_finance"]
    result = billing.closed_loop[item.id]
    # Two weeks of complaints before the done day, two after; the data stops before week 4.
    assert result.before.negative_mentions > 0 and result.verdict == "too_early"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["backlog", "add", "--from-issue", "refund_return"], "TOPIC:TOUCHPOINT and --period"),
        (["backlog", "add"], "--from-issue TOPIC:TOUCHPOINT --period P, or --title"),
        (["backlog", "update", "1", "--expected-version", "1"], "Nothing to update"),
        (["backlog", "export", "-f", "pdf", "-o", "x"], "csv, xlsx, jira, md or html"),
        (["backlog", "show", "42"], "Backlog item 42 does not exist"),
    ],
)
def test_cli_user_errors(db_url, args, message):
    result = runner.invoke(app, [*args, "--db", db_url])
    assert message in str(result.exception)

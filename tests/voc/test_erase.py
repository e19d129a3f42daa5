"""Undoing an ingest run and erasing a customer's feedback, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pandas as pd
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from voc.errors import NotFoundError, VocError
from voc.ingest import ingest_file
from voc.store import read_feedback, read_quarantine, write_predictions
from voc.store.erase import delete_run, erase_customer, list_erasures
from voc.store.schema import predictions


def _csv(tmp_path, name, rows):
    path = tmp_path / name
    path.write_text("id,text,csat,customer_id\n" + "".join(rows), encoding="utf-8")
    return path


def _files(tmp_path):
    first = _csv(
        tmp_path,
        "wrong.csv",
        ["A-1,Paket telat,2,budi.santoso@example.com\n", "A-2,Oke,9,CUST-1\n", "A-3,Mantap,5,\n"],
    )
    second = _csv(tmp_path, "good.csv", ["B-1,Refund lama,1,budi.santoso@example.com\n"])
    return first, second


def _predict(engine, ids):
    frame = pd.DataFrame(
        {"feedback_id": ids, "model_version": "toy/v1", "sentiment": "negative", "topic": "x"}
    )
    write_predictions(engine, frame)


def test_deleting_a_run_removes_its_rows_and_keeps_its_record(db_engine, stub_stages, tmp_path):
    from voc.store import list_runs

    first, second = _files(tmp_path)
    one = ingest_file(first, engine=db_engine, **stub_stages)
    two = ingest_file(second, engine=db_engine, **stub_stages)
    _predict(db_engine, ["A-1", "A-3", "B-1"])
    erasure = delete_run(db_engine, one.run_id)
    assert (erasure.feedback_rows, erasure.quarantine_rows) == (2, 1)
    assert set(read_feedback(db_engine)["feedback_id"]) == {"B-1"}
    assert read_quarantine(db_engine).empty
    with db_engine.connect() as conn:
        left = conn.execute(sa.select(predictions.c.feedback_id)).scalars().all()
    assert left == ["B-1"]  # the run's predictions went with its rows
    runs = {r["id"]: r for r in list_runs(db_engine)}
    assert runs[one.run_id]["status"] == "deleted" and runs[one.run_id]["deleted_at"]
    assert runs[one.run_id]["loaded"] == 2  # its counts are kept as history
    assert runs[two.run_id]["status"] == "completed"
    (logged,) = list_erasures(db_engine)
    assert (logged["kind"], logged["reference"], logged["feedback_rows"]) == ("run", "1", 2)
    # Undone, the file loads again: its rows are not duplicates any more.
    again = ingest_file(first, engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates) == (2, 0)
    with pytest.raises(VocError, match="was deleted before"):
        delete_run(db_engine, one.run_id)
    with pytest.raises(NotFoundError, match="There is no ingest run 99"):
        delete_run(db_engine, 99)


def test_erasing_a_customer_finds_them_through_their_pseudonym(db_engine, stub_stages, tmp_path):
    for path in _files(tmp_path):
        ingest_file(path, engine=db_engine, **stub_stages)
    stored = read_feedback(db_engine)
    assert "budi.santoso@example.com" not in set(stored["customer_id"])  # a pseudonym
    erasure = erase_customer(db_engine, "budi.santoso@example.com")
    assert erasure.feedback_rows == 2
    left = read_feedback(db_engine).set_index("feedback_id")
    assert set(left.index) == {"A-3"}  # A-2 was quarantined (csat 9), A-1 and B-1 erased
    assert erase_customer(db_engine, "CUST-404").feedback_rows == 0
    log = list_erasures(db_engine)
    assert [e["kind"] for e in log] == ["customer", "customer"]
    assert all(e["reference"] is None for e in log)  # nothing that names the person
    with pytest.raises(VocError, match="Give the customer id"):
        erase_customer(db_engine, "  ")


def test_runs_and_erase_commands(db_url, stub_stages, tmp_path):
    from voc.cli import app
    from voc.store import get_engine

    engine = get_engine(db_url)
    first, second = _files(tmp_path)
    run = ingest_file(first, engine=engine, **stub_stages).run_id
    ingest_file(second, engine=engine, **stub_stages)
    runner = CliRunner()
    listed = runner.invoke(app, ["runs", "--json", "--db", db_url])
    assert listed.exit_code == 0, listed.output
    assert [r["file_name"] for r in json.loads(listed.output)] == ["good.csv", "wrong.csv"]
    kept = runner.invoke(app, ["runs", "delete", str(run), "--db", db_url], input="n\n")
    assert kept.exit_code != 0 and len(read_feedback(engine)) == 3  # not confirmed
    done = runner.invoke(app, ["runs", "delete", str(run), "--yes", "--db", db_url])
    assert done.exit_code == 0, done.output
    assert f"Deleted run {run}: 2 feedback rows" in done.output
    erased = runner.invoke(
        app, ["erase", "--customer", "budi.santoso@example.com", "--yes", "--db", db_url]
    )
    assert erased.exit_code == 0 and "Erased 1 feedback rows" in erased.output
    assert read_feedback(engine).empty
    statuses = json.loads(runner.invoke(app, ["runs", "--json", "--db", db_url]).output)
    assert [r["status"] for r in statuses] == ["completed", "deleted"]
    table = runner.invoke(app, ["runs", "--db", db_url])
    assert table.exit_code == 0 and "Ingest runs (newest first)" in table.output

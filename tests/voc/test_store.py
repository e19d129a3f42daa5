"""The store on SQLite and PostgreSQL: migrations, predictions, reads and aggregations."""

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest
import sqlalchemy as sa

from voc.errors import StoreError, ValidationError
from voc.store import (
    ANALYSIS_COLUMNS,
    CLASSIFIED_COLUMNS,
    CORRECTION_COLUMNS,
    add_correction,
    counts_by_week_topic_touchpoint,
    csat_by_touchpoint,
    default_database_url,
    frames,
    get_engine,
    import_corrections_csv,
    init_db,
    list_runs,
    read_corrections,
    read_feedback,
    read_frame,
    read_texts,
    write_predictions,
)
from voc.store.engine import current_revision, dispose_engine, head_revision, shipped_head
from voc.store.schema import feedback, predictions
from voc.store.writes import create_run, insert_feedback

TABLES = {
    "ingest_runs", "feedback", "predictions", "quarantine",
    "backlog_items", "backlog_comments", "backlog_audit", "effort_overrides",
    "review_corrections",
}  # fmt: skip


def _add_feedback(engine, rows):
    """Insert minimal feedback rows: (id, created_at, csat, channel)."""
    with engine.begin() as conn:
        run_id = create_run(conn, file_name="t.csv", file_hash="0" * 64)
        insert_feedback(
            conn,
            [
                {
                    "feedback_id": fid,
                    "created_at": created,
                    "week": created.date() - dt.timedelta(days=created.weekday()),
                    "channel": channel,
                    "text_redacted": f"text {fid}",
                    "csat": csat,
                    "lang": "id",
                    "content_hash": fid,
                    "ingest_run_id": run_id,
                }
                for fid, created, csat, channel in rows
            ],
        )


def _predictions(pairs, version="tax/1"):
    """DataFrame of predictions from (feedback_id, topic, touchpoint) triples."""
    return pd.DataFrame(
        {
            "feedback_id": [p[0] for p in pairs],
            "model_version": version,
            "sentiment": "negative",
            "sentiment_score": -0.5,
            "topic": [p[1] for p in pairs],
            "topics": [[p[1], "other"] for p in pairs],
            "topic_confidence": 0.9,
            "touchpoint": [p[2] for p in pairs],
            "touchpoint_confidence": 0.8,
            "aspects": [[{"topic": p[1], "sentiment": "negative", "text": "x"}] for p in pairs],
            "needs_review": False,
        }
    )


MON = dt.datetime(2026, 5, 4, 10)  # a Monday
ROWS = [
    ("a", MON, 5.0, "chat"),
    ("b", MON + dt.timedelta(days=6, hours=13), 2.0, "chat"),  # Sunday 23:00, same week
    ("c", MON + dt.timedelta(days=7), 4.0, "email"),  # next Monday
    ("d", MON + dt.timedelta(days=8), None, "email"),
    ("e", MON + dt.timedelta(days=9), 1.0, "chat"),
]


def test_migrations_create_every_table_and_match_the_models(db_engine):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    import voc.store.backlog_schema  # noqa: F401
    from voc.store.schema import metadata

    assert TABLES <= set(sa.inspect(db_engine).get_table_names())
    assert current_revision(db_engine) == head_revision() == "0005_erasure"
    with db_engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    init_db(db_engine)  # a second upgrade is a no-op
    assert current_revision(db_engine) == "0005_erasure"


def test_get_engine_without_migration_leaves_database_empty(db_url):
    engine = get_engine(db_url, migrate=False)
    assert current_revision(engine) is None
    dispose_engine(db_url)
    assert current_revision(get_engine(db_url)) == "0005_erasure"


def test_shipped_head_read_from_the_files_is_alembics_head():
    assert shipped_head() == head_revision()


def test_an_up_to_date_store_opens_without_importing_alembic(db_url):
    get_engine(db_url)  # migrates
    dispose_engine(db_url)
    code = (
        "import sys; from voc.store import get_engine; get_engine(sys.argv[1]); "
        "print('alembic' in sys.modules)"
    )
    opened = subprocess.run(
        [sys.executable, "-c", code, db_url], capture_output=True, text=True, check=True
    )
    assert opened.stdout.strip() == "False"


def test_database_url_from_environment(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'env.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    assert default_database_url() == url
    engine = get_engine()
    assert engine.url.database == str(tmp_path / "env.db")
    dispose_engine(url)


def test_default_database_is_var_voc_db_under_the_project(monkeypatch):
    monkeypatch.delenv("VOC_DATABASE_URL", raising=False)
    url = default_database_url()
    assert url.startswith("sqlite:///") and url.endswith("/var/voc.db")


@pytest.mark.parametrize(
    ("url", "message"),
    [("not a url", "not a valid SQLAlchemy URL"), ("mysql://u@h/db", "unsupported backend")],
)
def test_bad_database_urls(url, message):
    with pytest.raises(StoreError, match=message):
        get_engine(url)


def test_unreachable_postgres_is_a_store_error():
    url = "postgresql+psycopg://voc@127.0.0.1:1/nothing?connect_timeout=2"
    with pytest.raises(StoreError, match="Cannot open the database"):
        get_engine(url)


def test_read_feedback_before_classification_has_empty_predictions(db_engine):
    _add_feedback(db_engine, ROWS)
    frame = read_feedback(db_engine)
    assert list(frame.columns) == list(CLASSIFIED_COLUMNS)
    assert frame["feedback_id"].tolist() == ["a", "b", "c", "d", "e"]
    assert frame["topic"].isna().all() and frame["model_version"].isna().all()
    assert len(read_feedback(db_engine, unclassified_only=True)) == 5
    assert read_feedback(db_engine, classified_only=True).empty


def test_write_predictions_and_latest_version_wins(db_engine):
    _add_feedback(db_engine, ROWS)
    pairs = [("a", "delivery_delay", "delivery"), ("b", "refund", "returns")]
    pairs += [("c", "app_bug", "usage"), ("d", "app_bug", "usage"), ("e", "refund", "returns")]
    assert write_predictions(db_engine, _predictions(pairs)) == 5
    write_predictions(db_engine, _predictions([("a", "price", "purchase")], version="tax/2"))
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["a", ["topic", "model_version"]].tolist() == ["price", "tax/2"]
    assert frame.loc["b", ["topic", "model_version"]].tolist() == ["refund", "tax/1"]
    assert frame.loc["b", "topics"] == "refund|other"
    assert frame.loc["b", "aspects"] == [{"topic": "refund", "sentiment": "negative", "text": "x"}]
    old = read_feedback(db_engine, model_version="tax/1").set_index("feedback_id")
    assert old.loc["a", "topic"] == "delivery_delay"
    # rewriting the same version replaces it and makes it current again
    write_predictions(db_engine, _predictions([("a", "refund", "returns")], version="tax/1"))
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["a", ["topic", "model_version"]].tolist() == ["refund", "tax/1"]
    with db_engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(predictions)).scalar() == 6


def test_write_predictions_rejects_unknown_ids_and_missing_columns(db_engine):
    _add_feedback(db_engine, ROWS[:1])
    with pytest.raises(ValidationError, match="not in the store"):
        write_predictions(db_engine, _predictions([("zzz", "refund", "returns")]))
    with pytest.raises(ValidationError, match="needs the column\\(s\\) model_version"):
        write_predictions(db_engine, pd.DataFrame({"feedback_id": ["a"]}))


def test_read_feedback_filters(db_engine):
    _add_feedback(db_engine, ROWS)
    pairs = [("a", "t1", "delivery"), ("b", "t2", "returns"), ("c", "t1", "usage")]
    write_predictions(db_engine, _predictions(pairs))
    ids = lambda frame: frame["feedback_id"].tolist()  # noqa: E731
    assert ids(read_feedback(db_engine, channels="email")) == ["c", "d"]
    assert ids(read_feedback(db_engine, start=MON + dt.timedelta(days=7))) == ["c", "d", "e"]
    assert ids(read_feedback(db_engine, end=dt.date(2026, 5, 11))) == ["a", "b"]
    assert ids(read_feedback(db_engine, topics=["t1"])) == ["a", "c"]
    assert ids(read_feedback(db_engine, touchpoints="returns")) == ["b"]
    assert ids(read_feedback(db_engine, unclassified_only=True)) == ["d", "e"]
    assert ids(read_feedback(db_engine, langs=["en"])) == []
    assert ids(read_feedback(db_engine, limit=2)) == ["a", "b"]


def test_rows_not_current_for_a_model_version_and_the_counts_per_version(db_engine):
    from voc.store import current_model_versions, iter_texts_to_classify, several_model_versions

    _add_feedback(db_engine, ROWS)
    assert current_model_versions(db_engine) == {None: 5}
    assert not several_model_versions(db_engine)
    write_predictions(
        db_engine, _predictions([("a", "t1", "x"), ("b", "t1", "x"), ("c", "t", "y")])
    )
    assert not several_model_versions(db_engine)
    write_predictions(db_engine, _predictions([("b", "t2", "x")], version="tax/2"))
    assert several_model_versions(db_engine)
    # c has only tax/1; b has both, tax/2 current; a has tax/1 current; d, e nothing
    assert current_model_versions(db_engine) == {None: 2, "tax/1": 2, "tax/2": 1}

    def stale(version):
        return [i for ids, _ in iter_texts_to_classify(db_engine, "stale", version) for i in ids]

    assert stale("tax/2") == ["a", "c", "d", "e"]
    assert stale("tax/1") == ["b", "d", "e"]
    assert stale("tax/9") == ["a", "b", "c", "d", "e"]


def test_the_texts_a_classification_run_takes_come_in_pages(db_engine):
    from voc.errors import ConfigError
    from voc.store import count_to_classify, iter_texts_to_classify

    _add_feedback(db_engine, ROWS)
    write_predictions(
        db_engine, _predictions([("a", "t1", "x"), ("b", "t1", "x"), ("c", "t", "y")])
    )
    write_predictions(db_engine, _predictions([("b", "t2", "x")], version="tax/2"))

    def pages(*args, size=2):
        return [ids for ids, _ in iter_texts_to_classify(db_engine, *args, batch_size=size)]

    assert pages("unclassified") == [["d", "e"]]
    assert pages("stale", "tax/2") == [["a", "c"], ["d", "e"]]
    assert pages("all", size=3) == [["a", "b", "c"], ["d", "e"]]
    assert [count_to_classify(db_engine, *a) for a in [("unclassified",), ("stale", "tax/1"),
                                                       ("all",)]] == [2, 3, 5]  # fmt: skip
    ((ids, texts),) = list(iter_texts_to_classify(db_engine, "unclassified"))
    assert texts == [f"text {i}" for i in ids] == ["text d", "text e"]
    # a run's own writes do not shift the pages: each starts after the last id seen
    seen = []
    for ids, _ in iter_texts_to_classify(db_engine, "stale", "tax/3", batch_size=2):
        seen += ids
        write_predictions(db_engine, _predictions([(i, "t", "x") for i in ids], version="tax/3"))
    assert seen == ["a", "b", "c", "d", "e"]
    with pytest.raises(ConfigError, match="redo must be one of"):
        count_to_classify(db_engine, "some")
    with pytest.raises(ConfigError, match="needs the model version"):
        list(iter_texts_to_classify(db_engine, "stale"))


@pytest.fixture(params=["arrow", "dbapi"])
def read_path(request, monkeypatch):
    """Run a read test through both read paths (on PostgreSQL both are the DBAPI cursor)."""
    if request.param == "dbapi":
        monkeypatch.setattr(frames, "fetch_arrow", lambda *args, **kwargs: None)
    return request.param


def _classified_store(engine):
    """ROWS classified with tax/1 (a re-labelled with tax/2), plus an unclassified row."""
    _add_feedback(engine, ROWS)
    pairs = [("a", "t1", "delivery"), ("b", "t2", "returns"), ("c", "t1", "usage")]
    pairs += [("d", "t2", "usage")]
    write_predictions(engine, _predictions(pairs))
    write_predictions(engine, _predictions([("a", "t3", "purchase")], version="tax/2"))


def test_read_frame_is_typed_and_equals_read_feedback(db_engine, read_path):
    _classified_store(db_engine)
    assert list(read_frame(db_engine).columns) == list(ANALYSIS_COLUMNS)
    columns = [*ANALYSIS_COLUMNS, "topic", "topic_confidence", "needs_review"]
    frame = read_frame(db_engine, columns)
    dtypes = frame.dtypes.astype("str")
    assert dtypes["created_at"] == "datetime64[us]"
    assert (dtypes[["channel", "agent_id", "sentiment", "topic", "touchpoint"]] == "category").all()
    assert (dtypes[["csat", "nps", "sentiment_score", "topic_confidence"]] == "float64").all()
    assert (dtypes[["resolved_first_contact", "needs_review"]] == "boolean").all()
    assert (dtypes[["feedback_id", "customer_id", "topics"]] == "str").all()
    # the same rows and values as the full read, without the unclassified "e"
    full = read_feedback(db_engine, classified_only=True)[columns]
    assert frame["feedback_id"].tolist() == ["a", "b", "c", "d"]
    plain = frame.astype({c: "str" for c in frame.select_dtypes("category")})
    # (read_feedback leaves an all-null column untyped: None where read_frame has NaN)
    pd.testing.assert_frame_equal(plain, full.astype(plain.dtypes.to_dict()))
    assert frame.loc[0, "topic"] == "t3" and frame.loc[0, "topics"] == "t3|other"
    assert frame["csat"].isna().tolist() == [False, False, False, True]


def test_read_frame_columns_versions_and_filters(db_engine, read_path):
    _classified_store(db_engine)
    ids = lambda frame: frame["feedback_id"].tolist()  # noqa: E731
    assert ids(read_frame(db_engine, ["feedback_id"], classified_only=False)) == list("abcde")
    old = read_frame(db_engine, ["feedback_id", "topic"], model_version="tax/1")
    assert old["topic"].astype("str").tolist() == ["t1", "t2", "t1", "t2"]
    assert ids(read_frame(db_engine, ["feedback_id"], channels="email")) == ["c", "d"]
    assert ids(read_frame(db_engine, ["feedback_id"], start=MON + dt.timedelta(days=7))) == [
        "c",
        "d",
    ]
    assert ids(read_frame(db_engine, ["feedback_id"], touchpoints=["usage"])) == ["c", "d"]
    texts = read_frame(db_engine, ["text_redacted", "lang"], categories=False, ordered=False)
    assert sorted(texts["text_redacted"]) == ["text a", "text b", "text c", "text d"]
    assert str(texts["lang"].dtype) == "str"


@pytest.mark.parametrize(("hours", "wide"), [(12, False), (24 * 4, True)])
def test_wide_windows_are_read_by_a_scan_on_sqlite(db_engine, hours, wide):
    from voc.store.frames import _date_clauses

    _add_feedback(db_engine, ROWS)  # nine days of rows
    start = MON + dt.timedelta(days=6, hours=12)
    window = (start, start + dt.timedelta(hours=hours))
    rendered = " ".join(
        str(clause.compile(dialect=db_engine.dialect))
        for clause in _date_clauses(db_engine, *window)
    )
    scans = db_engine.dialect.name == "sqlite" and wide
    assert ("coalesce" in rendered) is scans
    expected = [fid for fid, created, _, _ in ROWS if window[0] <= created < window[1]]
    read = read_frame(
        db_engine, ["feedback_id"], start=window[0], end=window[1], classified_only=False
    )
    assert read["feedback_id"].tolist() == expected == (["b", "c", "d", "e"] if wide else ["b"])


def test_read_frame_decodes_aspects_only_when_asked(db_engine, read_path):
    _classified_store(db_engine)
    assert "aspects" not in read_frame(db_engine).columns
    frame = read_frame(db_engine, ["feedback_id", "aspects"])
    assert frame.loc[1, "aspects"] == [{"topic": "t2", "sentiment": "negative", "text": "x"}]


def test_read_frame_orders_by_time_missing_last_then_by_id(db_engine, read_path):
    same = MON + dt.timedelta(hours=1)
    rows = [("z", same), ("y", None), ("m", same), ("x", None), ("k", MON)]
    with db_engine.begin() as conn:
        run_id = create_run(conn, file_name="t.csv", file_hash="0" * 64)
        insert_feedback(
            conn,
            [
                {"feedback_id": fid, "created_at": at, "text_redacted": fid, "content_hash": fid}
                | {"ingest_run_id": run_id}
                for fid, at in rows
            ],
        )
    frame = read_frame(db_engine, ["feedback_id", "created_at"], classified_only=False)
    assert frame["feedback_id"].tolist() == ["k", "m", "z", "x", "y"]
    assert frame["created_at"].isna().tolist() == [False, False, False, True, True]


def test_read_frame_of_an_empty_store_is_typed(db_engine, read_path):
    frame = read_frame(db_engine)
    assert frame.empty and list(frame.columns) == list(ANALYSIS_COLUMNS)
    assert str(frame["created_at"].dtype) == "datetime64[us]"
    assert str(frame["touchpoint"].dtype) == "category"


def test_sqlite_reads_arrow_columns_postgres_reads_the_cursor(db_engine):
    _classified_store(db_engine)
    table = frames.fetch_arrow(db_engine, sa.select(feedback.c.feedback_id, feedback.c.csat))
    if db_engine.dialect.name == "sqlite":
        assert table.num_rows == 5 and table.column_names == ["feedback_id", "csat"]
    else:
        assert table is None


def test_read_frame_without_the_adbc_driver(db_engine, monkeypatch):
    _classified_store(db_engine)
    monkeypatch.setitem(sys.modules, "adbc_driver_sqlite.dbapi", None)  # import fails
    assert frames.fetch_arrow(db_engine, sa.select(feedback.c.feedback_id)) is None
    assert read_frame(db_engine)["feedback_id"].tolist() == ["a", "b", "c", "d"]


def test_a_column_arrow_cannot_type_is_read_from_the_cursor(db_engine):
    if db_engine.dialect.name != "sqlite":
        pytest.skip("SQLite keeps text in a REAL column; PostgreSQL refuses it")
    _add_feedback(db_engine, ROWS)
    with db_engine.begin() as conn:
        conn.exec_driver_sql("UPDATE feedback SET csat = 'lima' WHERE feedback_id = 'b'")
    frame = read_frame(db_engine, ["feedback_id", "csat"], classified_only=False)
    assert frame["csat"].tolist()[0] == 5.0 and frame["csat"].isna().tolist() == [
        False, True, False, True, False,
    ]  # fmt: skip


def test_read_frame_rejects_unknown_columns(db_engine):
    with pytest.raises(ValidationError, match="no feedback column 'colour'"):
        read_frame(db_engine, ["feedback_id", "colour"])


def test_read_texts_by_id(db_engine):
    _add_feedback(db_engine, ROWS)
    texts = read_texts(db_engine, ["c", "nope", "a", "c"])
    assert texts.to_dict() == {"c": "text c", "a": "text a"}
    assert read_texts(db_engine, []).empty


def test_review_corrections_newest_per_comment_with_its_text(db_engine):
    _add_feedback(db_engine, ROWS)
    assert read_corrections(db_engine).empty
    first = dt.datetime(2026, 6, 1, 9)
    add_correction(db_engine, "b", topics=["refund", "app_bug"], touchpoint="returns",
                   sentiment="negative", corrected_by="rina", corrected_at=first)  # fmt: skip
    add_correction(db_engine, "a", topics="price", touchpoint="purchase", sentiment="neutral",
                   corrected_by="budi", corrected_at=first)  # fmt: skip
    add_correction(db_engine, "b", topics="refund", touchpoint="payment",
                   sentiment="negative", corrected_by="dewi")  # fmt: skip
    frame = read_corrections(db_engine)
    assert list(frame.columns) == list(CORRECTION_COLUMNS)
    assert frame["feedback_id"].tolist() == ["a", "b"]  # b's newest correction came last
    b = frame.set_index("feedback_id").loc["b"]
    assert (b["text"], b["topics"], b["touchpoint"], b["corrected_by"]) == (
        "text b", "refund", "payment", "dewi",
    )  # fmt: skip
    assert frame.set_index("feedback_id").loc["a", "corrected_at"] == pd.Timestamp(first)
    with db_engine.begin() as conn:  # corrections go with their comment
        conn.execute(feedback.delete().where(feedback.c.feedback_id == "b"))
    assert read_corrections(db_engine)["feedback_id"].tolist() == ["a"]


@pytest.mark.parametrize(
    ("feedback_id", "labels", "message"),
    [
        ("zzz", {"topics": "refund"}, "comment 'zzz': it is not in the store"),
        ("a", {"topics": []}, "needs topics"),
        ("a", {"topics": "refund", "corrected_by": ""}, "needs corrected_by"),
    ],
)
def test_review_corrections_reject_unknown_comments_and_empty_labels(
    db_engine, feedback_id, labels, message
):
    _add_feedback(db_engine, ROWS[:1])
    kwargs = {"touchpoint": "returns", "sentiment": "negative", "corrected_by": "rina"} | labels
    with pytest.raises(ValidationError, match=message):
        add_correction(db_engine, feedback_id, **kwargs)
    assert read_corrections(db_engine).empty


def test_import_corrections_csv_skips_comments_not_in_the_store(db_engine, tmp_path):
    _add_feedback(db_engine, ROWS[:2])
    path = tmp_path / "review_examples.csv"
    pd.DataFrame(
        {
            "feedback_id": ["a", "gone", "b"],
            "text": ["old copy", "x", "y"],
            "topics": ["refund", "price", "app_bug"],
            "touchpoint": ["returns", "purchase", "usage"],
            "sentiment": ["negative", "neutral", "negative"],
            "corrected_by": ["rina", "budi", ""],
        }
    ).to_csv(path, index=False)
    assert import_corrections_csv(db_engine, path) == 2
    frame = read_corrections(db_engine).set_index("feedback_id")
    assert frame.loc["a", "text"] == "text a"  # the store's text, not the file's copy
    assert frame.loc["b", "corrected_by"] == "imported"
    pd.DataFrame({"feedback_id": ["a"]}).to_csv(path, index=False)
    with pytest.raises(ValidationError, match="lacks the column\\(s\\) sentiment, topics"):
        import_corrections_csv(db_engine, path)


def test_counts_by_week_topic_touchpoint(db_engine):
    _add_feedback(db_engine, ROWS)
    pairs = [("a", "t1", "delivery"), ("b", "t1", "delivery"), ("c", "t1", "delivery")]
    pairs += [("d", "t2", "usage"), ("e", "t1", "delivery")]
    write_predictions(db_engine, _predictions(pairs))
    frame = counts_by_week_topic_touchpoint(db_engine)
    got = [(str(r.week), r.topic, r.touchpoint, r.n) for r in frame.itertuples()]
    assert got == [
        ("2026-05-04", "t1", "delivery", 2),
        ("2026-05-11", "t1", "delivery", 2),
        ("2026-05-11", "t2", "usage", 1),
    ]
    later = counts_by_week_topic_touchpoint(db_engine, start=MON + dt.timedelta(days=8))
    assert later["n"].sum() == 2
    write_predictions(db_engine, _predictions([("a", "t9", "loyalty")], version="v2"))
    assert counts_by_week_topic_touchpoint(db_engine)["topic"].tolist().count("t9") == 1
    old = counts_by_week_topic_touchpoint(db_engine, model_version="tax/1")
    assert "t9" not in old["topic"].tolist()


def test_csat_by_touchpoint_is_share_of_4_and_5(db_engine):
    _add_feedback(db_engine, ROWS)
    pairs = [("a", "t", "delivery"), ("b", "t", "delivery"), ("c", "t", "delivery")]
    pairs += [("d", "t", "usage"), ("e", "t", "usage")]
    write_predictions(db_engine, _predictions(pairs))
    frame = csat_by_touchpoint(db_engine).set_index("touchpoint")
    assert frame.loc["delivery", ["responses", "satisfied"]].tolist() == [3, 2]
    assert frame.loc["delivery", "csat_pct"] == pytest.approx(200 / 3)
    assert frame.loc["usage", ["responses", "satisfied"]].tolist() == [1, 0]  # d has no CSAT
    assert frame.loc["usage", "csat_pct"] == 0.0


def test_deleting_feedback_cascades_to_predictions(db_engine):
    _add_feedback(db_engine, ROWS[:2])
    write_predictions(db_engine, _predictions([("a", "t", "p"), ("b", "t", "p")]))
    with db_engine.begin() as conn:
        conn.execute(feedback.delete().where(feedback.c.feedback_id == "a"))
    with db_engine.connect() as conn:
        left = conn.execute(sa.select(predictions.c.feedback_id)).scalars().all()
    assert left == ["b"]


def test_backlog_tables_take_items_with_a_version(db_engine):
    from voc.store.backlog_schema import backlog_audit, backlog_items

    now = dt.datetime(2026, 5, 1)
    with db_engine.begin() as conn:
        item_id = conn.execute(
            backlog_items.insert()
            .values(
                title="Fix courier SLA",
                status="open",
                verbatim_ids=["a", "b"],
                impact_snapshot={"volume": 12},
                created_at=now,
                updated_at=now,
            )
            .returning(backlog_items.c.id)
        ).scalar_one()
        conn.execute(
            backlog_audit.insert().values(
                item_id=item_id,
                who="lead",
                at=now,
                field="status",
                old_value="new",
                new_value="open",
            )  # fmt: skip
        )
    with db_engine.connect() as conn:
        row = conn.execute(sa.select(backlog_items)).one()._mapping
    assert row["version"] == 1
    assert row["verbatim_ids"] == ["a", "b"]
    assert row["impact_snapshot"] == {"volume": 12}


@pytest.mark.parametrize(("ci", "outcome"), [("true", "fail"), ("", "skip")])
def test_postgres_param_fails_under_ci_and_skips_elsewhere(monkeypatch, ci, outcome):
    from tests.conftest import postgres_base_url

    monkeypatch.delenv("VOC_TEST_POSTGRES_URL", raising=False)
    monkeypatch.setenv("CI", ci)
    expected = pytest.fail.Exception if outcome == "fail" else pytest.skip.Exception
    with pytest.raises(expected, match="VOC_TEST_POSTGRES_URL is not set"):
        postgres_base_url()
    monkeypatch.setenv("VOC_TEST_POSTGRES_URL", "postgresql+psycopg://u@h/db")
    assert postgres_base_url() == "postgresql+psycopg://u@h/db"


def test_list_runs_newest_first(db_engine):
    _add_feedback(db_engine, ROWS[:1])
    _add_feedback(db_engine, [("z", MON, None, "chat")])
    runs = list_runs(db_engine)
    assert [r["id"] for r in runs] == sorted((r["id"] for r in runs), reverse=True)
    assert runs[0]["status"] == "running" and len(runs) == 2

"""No stored row holds unredacted PII: texts, fields, quarantined rows and details."""

import json
import re
from pathlib import Path

import pytest
import sqlalchemy as sa

from voc.ingest import ingest_file
from voc.store.schema import metadata

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"

# The fake PII planted in tests/data/nasty/pii.csv.
FAKE_PII = [
    "budi.santoso@example.com",
    "siti.aminah@example.com",
    "+62 812-3456-7890",
    "3174056501900001",
    "4111 1111 1111 1111",
    "081298765432",
    "081211112222",
]
FAKE_DIGITS = ["81234567890", "3174056501900001", "4111111111111111", "81298765432", "81211112222"]


def _all_stored_values(engine):
    import voc.store.backlog_schema  # noqa: F401

    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                for column, value in row._mapping.items():
                    if value is not None:
                        yield f"{table.name}.{column}", str(value)


def _assert_no_pii(engine, min_values=50):
    seen = 0
    for where, value in _all_stored_values(engine):
        seen += 1
        for secret in FAKE_PII:
            assert secret not in value, f"{secret!r} stored in {where}"
        digits = re.sub(r"\D", "", value)
        for secret in FAKE_DIGITS:
            assert secret not in digits, f"digits of {secret!r} stored in {where}"
    assert seen > min_values  # the scan did read the tables


def _quarantine_csv(tmp_path):
    path = tmp_path / "pii_in_fields.csv"
    path.write_text(
        "id,text,csat,agent_id\n"
        "F-1,Bagus,budi.santoso@example.com,agent-1\n"
        "F-2,Oke,4,agent 081211112222\n",
        encoding="utf-8",
    )
    return path


def test_no_pii_stored_with_stub_redactor(db_engine, stub_stages, tmp_path):
    summary = ingest_file(NASTY / "pii.csv", engine=db_engine, **stub_stages)
    assert summary.quarantine_reasons == {"invalid_csat": 1, "ragged_row": 1}
    assert summary.pii_counts["EMAIL"] >= 3
    ingest_file(_quarantine_csv(tmp_path), engine=db_engine, **stub_stages)
    _assert_no_pii(db_engine)


def test_no_pii_stored_with_real_redactor(db_engine, tmp_path):
    pytest.importorskip("spacy")
    summary = ingest_file(NASTY / "pii.csv", engine=db_engine)
    assert summary.loaded == 5
    assert sum(summary.pii_counts.values()) >= 7
    ingest_file(_quarantine_csv(tmp_path), engine=db_engine)
    _assert_no_pii(db_engine)


def test_customer_ids_that_are_pii_are_pseudonymised(db_engine, stub_stages, tmp_path):
    from voc.store import read_feedback

    ingest_file(NASTY / "pii.csv", engine=db_engine, **stub_stages)
    later = tmp_path / "later.csv"
    later.write_text("id,text,customer_id\nZ-1,Lagi,budi.santoso@example.com\n", "utf-8")
    ingest_file(later, engine=db_engine, **stub_stages)
    ids = read_feedback(db_engine).set_index("feedback_id")["customer_id"]
    assert ids["PII-2"] == "CUST-0002"  # an opaque key stays as it is
    assert ids["PII-1"].startswith("cust_") and len(ids["PII-1"]) == 21
    assert ids["PII-7"].startswith("cust_") and ids["PII-7"] != ids["PII-1"]
    assert ids["Z-1"] == ids["PII-1"]  # same person, same pseudonym, across files


def _chat_export(tmp_path, texts=("Paket belum sampai", "Refund belum masuk", "Oke")):
    """A chat-platform export keyed by the customer's phone number or e-mail address."""
    path = tmp_path / "chat_export.csv"
    ids = ("+62 812-3456-7890", "siti.aminah@example.com", "TKT-00123")
    rows = "".join(f'"{i}",{t}\n' for i, t in zip(ids, texts, strict=True))
    path.write_text("id,pesan\n" + rows, encoding="utf-8")
    return path


def test_source_ids_that_are_pii_are_pseudonymised(db_engine, stub_stages, tmp_path):
    from voc.ingest.pipeline import pseudonymous_id
    from voc.store import read_feedback
    from voc.store.settings import pseudonym_key

    summary = ingest_file(_chat_export(tmp_path), engine=db_engine, **stub_stages)
    assert summary.loaded == 3
    assert summary.pii_counts == {"EMAIL": 1, "NUMBER": 1}
    ids = set(read_feedback(db_engine)["feedback_id"])
    key = pseudonym_key(db_engine)
    assert ids == {
        pseudonymous_id("+62 812-3456-7890", key),
        pseudonymous_id("siti.aminah@example.com", key),
        "TKT-00123",  # an opaque key stays as it is
    }
    assert all(len(i) == 28 for i in ids - {"TKT-00123"})
    _assert_no_pii(db_engine, min_values=20)
    # Idempotent: the same export again adds nothing; another text for the same phone number
    # is a conflict whose detail names the pseudonym, not the number.
    again = ingest_file(_chat_export(tmp_path), engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates) == (0, 3)
    changed = _chat_export(tmp_path, texts=("Paket sudah sampai", "Refund belum masuk", "Oke"))
    conflict = ingest_file(changed, engine=db_engine, **stub_stages)
    assert conflict.quarantine_reasons == {"conflicting_duplicate_id": 1}
    _assert_no_pii(db_engine, min_values=20)


def test_only_ids_that_could_hold_pii_reach_the_redactor(db_engine, stub_stages, tmp_path):
    from voc.ingest.pipeline import may_hold_pii

    ids = ("TKT-00123", "T000000123", "a@b", "A 1", "0812.345.678", "INV/2026/0512/1")
    assert [may_hold_pii(i) for i in ids] == [False, False, True, True, True, False]
    seen: list[str] = []

    def redactor(texts):
        seen.extend(texts)
        return stub_stages["redactor"](texts)

    stages = {**stub_stages, "redactor": redactor}
    ingest_file(_chat_export(tmp_path), engine=db_engine, **stages)
    assert "+62 812-3456-7890" in seen and "siti.aminah@example.com" in seen
    assert "TKT-00123" not in seen


def test_pii_source_ids_with_real_redactor(db_engine, tmp_path):
    pytest.importorskip("spacy")
    summary = ingest_file(_chat_export(tmp_path), engine=db_engine)
    assert summary.loaded == 3
    assert summary.pii_counts.get("PHONE") == 1 and summary.pii_counts.get("EMAIL") == 1
    _assert_no_pii(db_engine, min_values=20)


@pytest.mark.parametrize("real", [False, True], ids=["stub", "real"])
def test_pii_in_file_names_is_not_stored(db_engine, stub_stages, tmp_path, real):
    stages = {} if real else stub_stages
    if real:
        pytest.importorskip("spacy")
    name = "chat_081234567890.csv" if not real else "WhatsApp Chat with +62 812-3456-7890.csv"
    path = tmp_path / name
    path.write_text("id,pesan,csat,extra\nA-1,Oke,4,x\nA-2,Lama,9,y\n", encoding="utf-8")
    summary = ingest_file(path, engine=db_engine, **stages)
    assert (summary.loaded, summary.quarantined) == (1, 1)
    assert summary.file_name == (
        "chat [NUMBER].csv" if not real else "WhatsApp Chat with [PHONE].csv"
    )
    assert sum(summary.pii_counts.values()) == 1
    assert summary.warnings == [f"Columns of {summary.file_name} not used: extra."]
    _assert_no_pii(db_engine, min_values=20)
    stored = {value for where, value in _all_stored_values(db_engine) if "source_file" in where}
    assert stored == {summary.file_name}


def test_file_names_without_pii_are_kept(db_engine, stub_stages, tmp_path):
    path = tmp_path / "export_2026-05-12_batch_3.csv"
    path.write_text("id,pesan\nA-1,Oke\n", encoding="utf-8")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.file_name == "export_2026-05-12_batch_3.csv"
    assert summary.pii_counts == {}


@pytest.mark.parametrize("real", [False, True], ids=["stub", "real"])
def test_preview_shows_every_value_redacted(tmp_path, stub_stages, real):
    from voc.ingest import preview_file

    if real:
        pytest.importorskip("spacy")
    path = tmp_path / "report.csv"
    path.write_bytes(
        (
            "Laporan Keluhan Mei 2026\n"
            "id;pesan;customer_id;csat\n"
            "A-1;Hubungi saya di +62 812-3456-7890;siti.aminah@example.com;2\n"
            "A-2;Café tutup;C-2;4,5\n"
            "A-3;ragged;row\n"
        ).encode("cp1252")
    )
    stages = {} if real else {"redactor": stub_stages["redactor"]}
    frame = preview_file(path, rows=20, **stages)
    assert list(frame.columns) == ["id", "pesan", "customer_id", "csat"]
    assert frame["id"].tolist() == ["A-1", "A-2"]  # the ragged row is left out
    assert frame.loc[1, "pesan"] == "Café tutup"
    shown = " ".join(frame.to_numpy().ravel())
    assert "812" not in shown and "siti.aminah" not in shown
    assert len(preview_file(path, rows=1, **stages)) == 1


def test_preview_writes_numbers_as_the_classify_and_eval_readers_do(tmp_path, stub_stages):
    from voc.ingest import preview_file
    from voc.ingest.tables import read_table

    path = tmp_path / "survey.json"
    path.write_text(
        json.dumps([{"text": "Oke", "csat": 4.0, "nps": None}, {"text": "Baik", "csat": 3.5}]),
        encoding="utf-8",
    )
    frame = preview_file(path, redactor=stub_stages["redactor"])
    assert frame[["csat", "nps"]].values.tolist() == [["4", ""], ["3.5", ""]]
    assert frame.values.tolist() == read_table(path).values.tolist()


def test_headers_holding_pii_are_redacted_where_the_run_keeps_them(
    db_engine, stub_stages, tmp_path
):
    """A survey tool named a column after the agent's e-mail; the run stored it as it was."""
    from voc.ingest import inspect_file, preview_file, shown_column_names
    from voc.store import list_runs

    path = tmp_path / "survey.csv"
    path.write_text(
        "id,text,Rating for rina@example.com,Follow-up call 081234567890 done\n"
        "1,Paket telat,2,ya\n2,Oke,4,tidak\n",
        encoding="utf-8",
    )
    mapping = {"text": "text", "csat": "Rating for rina@example.com"}
    summary = ingest_file(path, engine=db_engine, mapping=mapping, **stub_stages)
    assert summary.loaded == 2
    assert summary.mapping["survey.csv"]["csat"] == "Rating for [EMAIL]"
    assert "Columns of survey.csv not used: Follow-up call [NUMBER] done." in summary.warnings
    assert summary.pii_counts == {"EMAIL": 1, "NUMBER": 1}
    (run,) = list_runs(db_engine)
    stored = json.dumps(run, default=str)
    assert "rina@" not in stored and "081234567890" not in stored
    # the upload page: the preview's header and the mapping editor's names
    redactor = stub_stages["redactor"]
    frame = preview_file(path, redactor=redactor)
    assert list(frame.columns) == [
        "id",
        "text",
        "Rating for [EMAIL]",
        "Follow-up call [NUMBER] done",
    ]
    shown = inspect_file(path, redactor=redactor)["tables"][0]["shown_columns"]
    assert shown["Rating for rina@example.com"] == "Rating for [EMAIL]" and shown["id"] == "id"
    # two headers that redact alike stay apart
    names = shown_column_names(["a@b.co x", "c@d.co x", "x"], redactor)
    assert list(names.values()) == ["[EMAIL] x", "[EMAIL] x (2)", "x"]


def test_mapping_errors_name_headers_holding_pii_redacted(db_engine, stub_stages, tmp_path):
    """The error listed every header raw: a headerless export put a customer's number there."""
    from voc.errors import ColumnMappingError

    path = tmp_path / "export.csv"
    path.write_text(
        "Budi minta ditelepon 081234567890,2,ya\nPaket telat,3,tidak\n", encoding="utf-8"
    )
    with pytest.raises(ColumnMappingError) as caught:
        ingest_file(path, engine=db_engine, **stub_stages)
    assert "081234567890" not in str(caught.value)
    assert "Available columns: Budi minta ditelepon [NUMBER], 2, ya." in caught.value.message
    with pytest.raises(ColumnMappingError) as caught:
        ingest_file(path, engine=db_engine, mapping={"text": "komentar"}, **stub_stages)
    assert "081234567890" not in str(caught.value)
    # a skipped sheet's columns, named in a warning
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "Data"
    book.active.append(["id", "keluhan"])
    book.active.append(["M-1", "Paket telat"])
    other = book.create_sheet("Catatan")
    other.append(["hubungi rina@example.com", "x"])
    other.append(["a", "b"])
    book.save(tmp_path / "book.xlsx")
    summary = ingest_file(tmp_path / "book.xlsx", engine=db_engine, **stub_stages)
    (skipped,) = [w for w in summary.warnings if w.startswith("Skipped")]
    assert "rina@" not in skipped and "hubungi [EMAIL]" in skipped


def test_classify_names_headers_holding_pii_redacted(tmp_path):
    import pandas as pd

    from voc.errors import ColumnMappingError
    from voc.pipeline import classify_frame

    frame = pd.DataFrame({"komentar": ["Paket telat"], "cc rina@example.com": ["x"]})
    with pytest.raises(ColumnMappingError) as caught:
        classify_frame(frame, text_col="text")
    assert "rina@" not in str(caught.value) and "cc [EMAIL]" in caught.value.message


def test_sheet_names_are_redacted_apart_from_the_file_name(db_engine, tmp_path):
    # Read whole, "report.xlsx[Mei]" looked like a name to the redactor: the month's sheet
    # was stored as "report.xlsx[[NAME]]".
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("spacy")
    book = openpyxl.Workbook()
    book.active.title = "Mei"
    book.active.append(["id", "keluhan", "tanggal"])
    book.active.append(["M-1", "Paket telat", 45789])
    other = book.create_sheet("Pak Budi 0812-3456-7890")
    other.append(["id", "keluhan"])
    other.append(["B-1", "Refund belum masuk"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    summary = ingest_file(path, engine=db_engine)
    assert set(summary.mapping) == {"report.xlsx[Mei]", "report.xlsx[Pak [NAME] [PHONE]]"}
    assert summary.pii_counts == {"NAME": 1, "PHONE": 1}
    assert summary.loaded == 2 and summary.quarantine_reasons == {}


def _stored_ids(engine):
    from voc.store import read_feedback

    frame = read_feedback(engine)
    return set(frame["feedback_id"]), set(frame["customer_id"].dropna())


def test_pseudonyms_and_hashes_are_keyed_per_store(db_engine, stub_stages, tmp_path):
    """A plain SHA-256 of a phone number can be reversed by hashing every number."""
    from voc.ingest.pipeline import content_hash, customer_pseudonym, pseudonymous_id
    from voc.store.schema import feedback
    from voc.store.settings import pseudonym_key

    chat = _chat_export(tmp_path)
    later = tmp_path / "customers.csv"
    later.write_text("id,text,customer_id\nZ-1,Lagi,budi.santoso@example.com\n", "utf-8")
    ingest_file(chat, engine=db_engine, **stub_stages)
    ingest_file(later, engine=db_engine, **stub_stages)
    key = pseudonym_key(db_engine)
    assert len(key) == 32 and pseudonym_key(db_engine) == key  # created once, then kept
    ids, customers = _stored_ids(db_engine)
    assert pseudonymous_id("+62 812-3456-7890", key) in ids
    assert pseudonymous_id("+62 812-3456-7890") not in ids  # not the unkeyed hash
    assert customers == {customer_pseudonym("budi.santoso@example.com", key)}
    assert customer_pseudonym("budi.santoso@example.com") not in customers
    with db_engine.connect() as conn:
        stored = conn.execute(
            sa.select(feedback.c.content_hash).where(feedback.c.feedback_id == "Z-1")
        ).scalar_one()
    row = {"feedback_id": "Z-1", "text": "Lagi", "customer_id": "budi.santoso@example.com"}
    from voc.ingest.pipeline import _HASHED_KEYS

    row = {k: row.get(k) for k in _HASHED_KEYS}
    assert stored == content_hash(row, key) != content_hash(row)
    # Re-ingesting still finds every row as a duplicate under the kept key.
    again = ingest_file(chat, engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates) == (0, 3)


def test_two_stores_give_the_same_id_different_pseudonyms(stub_stages, tmp_path):
    from voc.store import dispose_engine, get_engine

    found = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / name}.db"
        ingest_file(_chat_export(tmp_path), engine=get_engine(url), **stub_stages)
        found.append(_stored_ids(get_engine(url))[0] - {"TKT-00123"})
        dispose_engine(url)
    assert len(found[0]) == len(found[1]) == 2 and not found[0] & found[1]


def test_a_store_written_before_the_key_keeps_unkeyed_pseudonyms(db_url, stub_stages, tmp_path):
    """Keyed ids would no longer match the stored ones: every re-ingest would load again."""
    from alembic import command

    from voc.ingest.pipeline import pseudonymous_id
    from voc.store import get_engine, init_db
    from voc.store.engine import alembic_config
    from voc.store.settings import pseudonym_key

    engine = get_engine(db_url, migrate=False)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003_review_corrections")
        run = conn.execute(
            sa.text(
                "INSERT INTO ingest_runs (file_name, file_hash, status, started_at) "
                "VALUES ('old.csv', 'x', 'completed', '2026-11-01') RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO feedback (feedback_id, text_redacted, content_hash, "
                "ingest_run_id, text_truncated) VALUES (:i, 'Oke', 'h', :r, false)"
            ),
            {"i": pseudonymous_id("+62 812-3456-7890"), "r": run},
        )
    init_db(engine)
    assert pseudonym_key(engine) == b""
    ingest_file(_chat_export(tmp_path), engine=engine, **stub_stages)
    ids, _ = _stored_ids(engine)
    assert pseudonymous_id("siti.aminah@example.com") in ids
    assert len(ids) == 3  # the stored phone-number id was found again (a conflict, not a row)


def test_concurrent_first_ingests_agree_on_one_key(db_engine):
    from concurrent.futures import ThreadPoolExecutor

    from voc.store.settings import pseudonym_key

    with ThreadPoolExecutor(4) as pool:
        keys = set(pool.map(lambda _: pseudonym_key(db_engine), range(8)))
    assert len(keys) == 1 and len(keys.pop()) == 32

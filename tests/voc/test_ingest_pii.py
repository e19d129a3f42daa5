"""No stored row holds unredacted PII: texts, fields, quarantined rows and details."""

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


def _assert_no_pii(engine):
    seen = 0
    for where, value in _all_stored_values(engine):
        seen += 1
        for secret in FAKE_PII:
            assert secret not in value, f"{secret!r} stored in {where}"
        digits = re.sub(r"\D", "", value)
        for secret in FAKE_DIGITS:
            assert secret not in digits, f"digits of {secret!r} stored in {where}"
    assert seen > 50  # the scan did read the tables


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

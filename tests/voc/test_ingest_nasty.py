"""The nasty files of tests/data/nasty ingest with exact counts, on SQLite and PostgreSQL."""

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from voc.errors import ColumnMappingError, InputFileError, NotATableError
from voc.ingest import MAX_TEXT_CHARS, ingest_file
from voc.store import read_feedback, read_quarantine
from voc.store.schema import feedback, ingest_runs, quarantine

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"

# file -> (rows_in, loaded, duplicates, truncated, quarantine reasons)
EXPECTED = {
    "utf16le_export.csv": (5, 4, 0, 0, {"empty_text": 1}),
    "utf16be_export.tsv": (3, 3, 0, 0, {}),
    "cp1252.csv": (4, 4, 0, 0, {}),
    "utf8_bom.csv": (3, 3, 0, 0, {}),
    "semicolon_decimal.csv": (5, 4, 0, 0, {"invalid_csat": 1}),
    "embedded_newlines.csv": (4, 4, 0, 0, {}),
    "ragged_rows.csv": (5, 3, 0, 0, {"ragged_row": 2}),
    "broken.jsonl": (8, 4, 0, 0, {"broken_json": 3, "empty_text": 1}),
    "records.json": (4, 3, 0, 0, {"broken_json": 1}),
    "two_sheets.xlsx": (5, 4, 0, 0, {"invalid_csat": 1}),
    "legacy_export.xls": (5, 3, 0, 0, {"empty_text": 1, "invalid_csat": 1}),
    "WhatsApp Chat with +62 812-0000-3333.txt": (4, 3, 0, 0, {"empty_text": 1}),
    "chat_export.txt": (2, 2, 0, 0, {}),
    "feedback.parquet": (4, 3, 0, 0, {"empty_text": 1}),
    "indonesian_dates.csv": (9, 7, 0, 0, {"invalid_date": 2}),
    "bad_scores.csv": (10, 4, 0, 0, {"invalid_csat": 3, "invalid_nps": 3}),
    "long_text.csv": (2, 2, 0, 1, {}),
    "duplicates.csv": (5, 3, 1, 0, {"conflicting_duplicate_id": 1}),
    "no_id_duplicates.csv": (3, 2, 1, 0, {}),
    "pii.csv": (7, 5, 0, 0, {"invalid_csat": 1, "ragged_row": 1}),
    "report_with_title.csv": (5, 4, 0, 0, {"value_too_long": 1}),
    "feedback.csv.gz": (3, 2, 0, 0, {"empty_text": 1}),
    "export.zip": (3, 2, 0, 0, {"empty_text": 1}),
    "array_table.json": (4, 2, 0, 0, {"broken_json": 1, "ragged_row": 1}),
    "chat_export.csv": (4, 4, 0, 0, {}),
    "joined_exports.csv": (5, 4, 0, 0, {"repeated_header": 1}),
    "us_survey.csv": (3, 3, 0, 0, {}),
    "api_export.json": (3, 2, 0, 0, {"invalid_date": 1}),
}


def _ingest(name, engine, stub_stages, **kwargs):
    return ingest_file(NASTY / name, engine=engine, **stub_stages, **kwargs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nasty_file_counts(name, db_engine, stub_stages):
    rows_in, loaded, duplicates, truncated, reasons = EXPECTED[name]
    summary = _ingest(name, db_engine, stub_stages)
    assert summary.rows_in == rows_in
    assert summary.loaded == loaded
    assert summary.duplicates == duplicates
    assert summary.truncated == truncated
    assert summary.quarantine_reasons == reasons
    assert summary.quarantined == sum(reasons.values())
    assert summary.invariant_ok
    with db_engine.connect() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(feedback)).scalar_one()
        by_reason = dict(
            conn.execute(
                sa.select(quarantine.c.reason, sa.func.count()).group_by(quarantine.c.reason)
            ).all()
        )
        run = conn.execute(sa.select(ingest_runs)).one()._mapping
    assert stored == loaded
    assert by_reason == reasons
    assert run["status"] == "completed"
    assert (run["rows_in"], run["loaded"], run["quarantined"], run["duplicates"]) == (
        rows_in,
        loaded,
        sum(reasons.values()),
        duplicates,
    )
    assert run["quarantine_reasons"] == reasons
    assert run["rows_in"] == run["loaded"] + run["quarantined"] + run["duplicates"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.csv", r"empty\.csv is empty \(0 bytes\)"),
        ("page.html", r"page\.html is an HTML page \(it starts with '<!DOCTYPE html>'\)"),
        ("report.xls", r"report\.xls is an HTML page"),
        ("image.csv", r"image\.csv is a PNG image, not a table"),
        ("binary.bin", r"binary\.bin looks like binary data, not a table"),
    ],
)
def test_non_tables_fail_with_what_was_found(name, message, db_engine, stub_stages):
    with pytest.raises(NotATableError, match=message):
        _ingest(name, db_engine, stub_stages)
    with db_engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(ingest_runs)).scalar() == 0


def test_file_without_text_column_lists_columns_and_mapping_option(db_engine, stub_stages):
    with pytest.raises(ColumnMappingError) as info:
        _ingest("no_text_column.csv", db_engine, stub_stages)
    text = str(info.value)
    assert "No text column found in no_text_column.csv" in text
    assert "Available columns: id, tanggal, rating, kanal" in text
    assert "--mapping MAP.yaml" in text
    assert "text: id" in text


def test_mapping_file_rescues_file_without_text_column(tmp_path, db_engine, stub_stages):
    mapping = tmp_path / "map.yaml"
    mapping.write_text("text: kanal\ncsat: null\n", encoding="utf-8")
    summary = _ingest("no_text_column.csv", db_engine, stub_stages, mapping=mapping)
    assert (summary.rows_in, summary.loaded) == (2, 2)
    assert summary.mapping["no_text_column.csv"] == {
        "feedback_id": "id",
        "created_at": "tanggal",
        "text": "kanal",
    }
    frame = read_feedback(db_engine)
    assert sorted(frame["text_redacted"]) == ["chat", "email"]
    assert frame["csat"].isna().all()


def test_decoded_text_survives_each_encoding(db_engine, stub_stages):
    for name in ("cp1252.csv", "utf16le_export.csv", "utf16be_export.tsv", "utf8_bom.csv"):
        _ingest(name, db_engine, stub_stages)
    texts = read_feedback(db_engine).set_index("feedback_id")["text_redacted"]
    assert texts["C-1"] == "Pelayanan di café cabang Bandung “sangat bagus”"
    assert texts["C-2"] == "Harga naik jadi €15 – terlalu mahal, tolong dicek"
    assert texts["C-4"] == "Señora Inés bilang aplikasinya lambat…"
    assert texts["T-1001"] == "Paket belum sampai sudah seminggu"
    assert texts["B-2"] == "Harga ongkir naik tanpa pemberitahuan"
    assert texts["U-1"] == "Aplikasi bagus dan cepat"  # the BOM did not hide the id column


def test_semicolon_file_reads_decimal_commas_and_quoted_semicolons(db_engine, stub_stages):
    _ingest("semicolon_decimal.csv", db_engine, stub_stages)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["S-1", "csat"] == 4.5
    assert frame.loc["S-3", "nps"] == 7.5
    assert frame.loc["S-2", "text_redacted"] == "Barang rusak; minta retur"
    assert frame.loc["S-2", "created_at"] == dt.datetime(2026, 5, 2)
    (detail,) = read_quarantine(db_engine)["detail"]
    assert detail == "csat 5.5 is outside 1-5"


def test_embedded_newlines_keep_text_and_source_lines(db_engine, stub_stages):
    _ingest("embedded_newlines.csv", db_engine, stub_stages)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame["source_line"].to_dict() == {"N-1": 2, "N-2": 3, "N-3": 6, "N-4": 7}
    assert frame.loc["N-2", "text_redacted"] == "Baris pertama\nbaris kedua\nbaris ketiga"
    assert frame.loc["N-3", "text_redacted"] == 'Dia bilang "tunggu saja" lalu chat ditutup'


def test_ragged_rows_are_quarantined_with_line_and_raw_content(db_engine, stub_stages):
    _ingest("ragged_rows.csv", db_engine, stub_stages)
    rows = read_quarantine(db_engine).sort_values("source_line")
    assert rows["source_line"].tolist() == [3, 4]
    assert rows["raw_redacted"].tolist() == [
        "R-2,2026-05-06,chat,Too many,fields,here",
        "R-3,2026-05-07,chat",
    ]
    assert rows["detail"].tolist() == [
        "too many fields: expected 4, found 6",
        "too few fields: expected 4, found 3",
    ]
    assert read_feedback(db_engine)["source_line"].tolist() == [2, 5, 7]


def test_broken_json_lines_are_quarantined_by_line(db_engine, stub_stages):
    _ingest("broken.jsonl", db_engine, stub_stages)
    rows = read_quarantine(db_engine).sort_values("source_line")
    assert list(zip(rows["source_line"], rows["reason"], strict=True)) == [
        (3, "broken_json"),
        (4, "broken_json"),
        (6, "broken_json"),
        (7, "empty_text"),
    ]
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["J-7", "customer_segment"] == "premium"  # nested object flattened
    assert frame.loc["J-8", "created_at"] == dt.datetime(2026, 5, 12)


def test_json_array_lines_point_at_each_element(db_engine, stub_stages):
    _ingest("records.json", db_engine, stub_stages)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame["source_line"].to_dict() == {"A-1": 2, "A-2": 8, "A-3": 15}
    assert frame.loc["A-3", "csat"] == 3.5
    assert read_quarantine(db_engine)["source_line"].tolist() == [14]


def test_indonesian_month_dates(db_engine, stub_stages):
    _ingest("indonesian_dates.csv", db_engine, stub_stages)
    dates = read_feedback(db_engine).set_index("feedback_id")["created_at"]
    assert dates["D-1"] == dt.datetime(2026, 5, 12)
    assert dates["D-2"] == dt.datetime(2026, 8, 3, 14, 5)
    assert dates["D-4"] == dt.datetime(2026, 5, 12)
    assert dates["D-5"] == dt.datetime(2026, 6, 1)
    assert dates["D-8"] == dt.datetime(2026, 12, 5, 9, 30)
    assert dates.isna()["D-9"]
    bad = read_quarantine(db_engine).set_index("source_line")["detail"].to_dict()
    assert set(bad) == {7, 8}
    assert "'31/02/2026' is not a valid calendar date" in bad[7]
    assert "'kemarin' is not a date" in bad[8]


def test_workbook_sheets_all_or_one(db_engine, stub_stages):
    summary = _ingest("two_sheets.xlsx", db_engine, stub_stages, sheet="Februari")
    assert (summary.rows_in, summary.loaded) == (2, 2)
    assert list(summary.mapping) == ["two_sheets.xlsx[Februari]"]
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["X-4", "created_at"] == dt.datetime(2026, 2, 2, 8, 15)
    assert frame.loc["X-5", "source_line"] == 4  # the empty sheet row 3 is skipped
    summary = _ingest("two_sheets.xlsx", db_engine, stub_stages)
    assert (summary.rows_in, summary.loaded, summary.duplicates) == (5, 2, 2)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["X-1", "created_at"] == dt.datetime(2026, 1, 5, 9, 30)
    assert frame.loc["X-1", "source_file"] == "two_sheets.xlsx[Januari]"


def test_legacy_xls_export_reads_like_a_workbook(db_engine, stub_stages):
    """Excel 97-2003: a title row above the header, date cells, numeric ticket numbers."""
    summary = _ingest("legacy_export.xls", db_engine, stub_stages)
    assert summary.file_format == "xls"
    assert list(summary.mapping) == ["legacy_export.xls[Laporan]"]  # the empty sheet skipped
    assert summary.mapping["legacy_export.xls[Laporan]"]["text"] == "Isi Keluhan"
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert sorted(frame.index) == ["100231", "100232", "100235"]  # no "100231.0"
    assert frame.loc["100231", "created_at"] == dt.datetime(2026, 3, 2, 8, 45)
    assert frame.loc["100231", "text_redacted"] == "Tagihan bulan ini dobel 😡"
    assert frame.loc["100235", "created_at"] == dt.datetime(2026, 3, 5)
    assert frame.loc["100235", "csat"] == 2
    assert frame.loc["100232", "source_line"] == 5  # sheet row: title, blank, header first
    reasons = dict(zip(read_quarantine(db_engine)["source_line"],
                       read_quarantine(db_engine)["reason"], strict=True))  # fmt: skip
    assert reasons == {6: "empty_text", 7: "invalid_csat"}
    with pytest.raises(InputFileError, match="no sheet named 'Maret'.*Laporan, Catatan"):
        _ingest("legacy_export.xls", db_engine, stub_stages, sheet="Maret")


def test_whatsapp_chat_exports_give_the_customers_turns(db_engine, stub_stages):
    """Android (Indonesian, named after the contact) and iPhone (US English, renamed)."""
    name = "WhatsApp Chat with +62 812-0000-3333.txt"
    summary = _ingest(name, db_engine, stub_stages)
    assert summary.file_format == "whatsapp"
    assert summary.mapping[summary.file_name] == {
        "created_at": "waktu", "channel": "kanal", "text": "pesan"
    }  # fmt: skip
    assert "812-0000-3333" not in summary.file_name
    frame = read_feedback(db_engine).sort_values("source_line")
    assert frame["source_line"].tolist() == [2, 7, 10]
    assert frame["text_redacted"].tolist() == [
        "Kak\npaket saya belum sampai, sudah 5 hari\npadahal ongkir mahal",  # one turn
        "ini foto resinya, tolong dibantu ya kak",  # the media placeholder left out
        "Sudah sampai, makasih kak 🙏",
    ]
    assert frame["created_at"].tolist() == [
        dt.datetime(2026, 3, 12, 14, 5), dt.datetime(2026, 3, 13, 9), dt.datetime(2026, 3, 15, 10)
    ]  # fmt: skip
    assert set(frame["channel"]) == {"whatsapp"}
    (row,) = read_quarantine(db_engine).itertuples()  # a deleted message alone: no words
    assert (row.source_line, row.reason) == (9, "empty_text")
    assert "812" not in row.raw_redacted and "[pengirim]" in row.raw_redacted
    assert summary.warnings == [
        f"{summary.file_name}: a WhatsApp chat: 4 turn(s) of the customer read as comments; "
        "2 message(s) of the business side, 1 system line(s) and 2 media or deleted-message "
        "placeholder(s) were not read as comments."
    ]
    stored = " ".join(map(str, read_feedback(db_engine).to_numpy().ravel()))
    assert "Toko Contoh" not in stored  # the business's replies are no comments

    summary = _ingest("chat_export.txt", db_engine, stub_stages)
    assert summary.warnings[0] == (
        "chat_export.txt: the file name names no contact of the chat, so its first sender was "
        "read as the customer."
    )
    frame = read_feedback(db_engine)
    frame = frame[frame["source_file"] == "chat_export.txt"].sort_values("source_line")
    assert frame["text_redacted"].tolist() == [
        "hi, the app keeps logging me out", "updated, works now. thanks!"
    ]  # fmt: skip
    assert frame["created_at"].tolist() == [  # month first: the export writes AM/PM
        dt.datetime(2026, 3, 12, 14, 5, 40), dt.datetime(2026, 3, 13, 9, 2)
    ]  # fmt: skip


def test_unknown_sheet_lists_the_sheets(db_engine, stub_stages):
    with pytest.raises(InputFileError, match="no sheet named 'Maret'.*Januari, Februari"):
        _ingest("two_sheets.xlsx", db_engine, stub_stages, sheet="Maret")


def test_long_text_is_truncated_and_flagged(db_engine, stub_stages):
    _ingest("long_text.csv", db_engine, stub_stages)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert len(frame.loc["L-1", "text_redacted"]) == MAX_TEXT_CHARS
    assert bool(frame.loc["L-1", "text_truncated"]) is True
    assert bool(frame.loc["L-2", "text_truncated"]) is False


def test_conflicting_duplicate_keeps_the_first_text(db_engine, stub_stages):
    _ingest("duplicates.csv", db_engine, stub_stages)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["DU-2", "text_redacted"] == "Refund belum masuk"
    (row,) = read_quarantine(db_engine).itertuples()
    assert (row.source_line, row.reason) == (5, "conflicting_duplicate_id")


def test_report_with_title_nul_and_time_zones(db_engine, stub_stages, monkeypatch):
    monkeypatch.delenv("VOC_TIMEZONE", raising=False)
    summary = _ingest("report_with_title.csv", db_engine, stub_stages)
    assert summary.warnings == [
        "Decoded as cp1252 (Windows-1252, not UTF-8).",
        "report_with_title.csv: the header is on line 2; the line above it was read as a "
        "title, not as rows.",
        "NUL bytes were removed from the values of 1 row (first: report_with_title.csv line 4).",
    ]
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["R-1", "created_at"] == dt.datetime(2026, 5, 12, 8, 30)  # WIB as written
    assert frame.loc["R-2", "created_at"] == dt.datetime(2026, 5, 12, 8, 15)  # 09:15 WITA
    assert frame.loc["R-3", "created_at"] == dt.datetime(2026, 5, 12, 9, 0)  # 02:00 UTC
    assert frame.loc["R-2", "text_redacted"] == "Café di bandara tutup padahal jadwal buka"
    (row,) = read_quarantine(db_engine).to_dict("records")
    assert (row["source_line"], row["detail"]) == (6, "channel has 116 characters (at most 100)")


def test_chat_export_keyed_by_phone_numbers_stores_pseudonyms(db_engine, stub_stages):
    summary = _ingest("chat_export.csv", db_engine, stub_stages)
    assert summary.mapping["chat_export.csv"]["feedback_id"] == "conversation_id"
    ids = sorted(read_feedback(db_engine)["feedback_id"])
    assert ids[0] == "TKT-00045" and all(i.startswith("pid_") for i in ids[1:])
    raw = (NASTY / "chat_export.csv").read_text(encoding="utf-8")
    for secret in ("812-0000-1111", "628120000222", "siti.contoh@example.com"):
        assert secret in raw
        assert not any(secret in i for i in ids)


def test_joined_exports_have_their_html_and_satisfaction_words_read(db_engine, stub_stages):
    summary = _ingest("joined_exports.csv", db_engine, stub_stages)
    stored = read_feedback(db_engine).set_index("feedback_id")
    assert stored.loc["A-1", "text_redacted"] == "Paket belum sampai\nSudah 3 hari"
    assert stored.loc["A-2", "text_redacted"] == "Refund cepat & CS ramah"
    assert stored["csat"].to_dict() == {"A-1": 2, "A-2": 5, "B-1": 2, "B-2": 4}
    (row,) = read_quarantine(db_engine).itertuples()
    assert (row.source_line, row.reason) == (4, "repeated_header")
    assert any(w.startswith("2 texts were HTML") for w in summary.warnings)


def test_a_us_survey_export_is_read_month_first_with_its_nps(db_engine, stub_stages):
    import pandas as pd

    summary = _ingest("us_survey.csv", db_engine, stub_stages)
    assert summary.mapping["us_survey.csv"] == {
        "created_at": "Timestamp",
        "text": "Any comments?",
        "nps": "How likely are you to recommend us?",
    }
    stored = read_feedback(db_engine).sort_values("created_at")
    assert list(stored["created_at"].dt.day) == [12, 13, 14]
    assert list(stored["nps"]) == [10, 6, 0]
    assert all(isinstance(v, pd.Timestamp) for v in stored["created_at"])


def test_an_api_export_has_its_unix_times_in_business_time(db_engine, stub_stages):
    import pandas as pd

    _ingest("api_export.json", db_engine, stub_stages)
    stored = read_feedback(db_engine).set_index("feedback_id")
    assert stored.loc["c-101", "created_at"] == pd.Timestamp("2026-05-12 13:30")  # 06:30Z
    assert stored.loc["c-101", "text_redacted"] == "Halo kak"


def test_a_survey_tools_extra_header_rows_are_quarantined(db_engine, stub_stages):
    """The questions' texts and the import ids under the header were loaded as comments."""
    summary = _ingest(
        "survey_tool.csv", db_engine, stub_stages, mapping={"text": "Q2", "csat": "Q1"}
    )
    assert (summary.rows_in, summary.loaded) == (4, 2)
    assert summary.quarantine_reasons == {"repeated_header": 2}
    assert summary.mapping["survey_tool.csv"]["feedback_id"] == "ResponseId"  # camelCase
    assert summary.mapping["survey_tool.csv"]["created_at"] == "StartDate"
    stored = read_feedback(db_engine).set_index("feedback_id")
    assert stored["text_redacted"].to_dict() == {
        "R_1abc": "Pengiriman cepat",
        "R_2def": "Kurir tidak ramah",
    }
    details = sorted(read_quarantine(db_engine)["detail"])
    assert details[0].startswith("the row holds the columns' import ids")
    assert details[1].startswith("the row names the columns again")
    assert any("not used: EndDate, Status, IPAddress" in w for w in summary.warnings)

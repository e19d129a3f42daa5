"""Units of the ingest: file sniffing, readers, column mapping, value parsing, idempotency."""

import codecs
import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from voc.errors import ColumnMappingError, InputFileError, NotATableError, VocError
from voc.ingest import (
    TARGET_COLUMNS,
    guess_mapping,
    ingest_file,
    inspect_file,
    load_mapping,
    parse_bool,
    parse_datetime,
    parse_number,
    resolve_mapping,
    sniff_file,
)
from voc.ingest.validate import RowProblem, validate_row
from voc.store import list_runs, read_feedback, read_quarantine

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"


def _write(tmp_path, name, text, encoding="utf-8", bom=b""):
    path = tmp_path / name
    path.write_bytes(bom + text.encode(encoding))
    return path


# --- sniffing --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_sniff_encodings(tmp_path, encoding, bom, expected):
    text = "id,text\n1,Pengiriman cepat – “mantap”\n2,Kurir ramah sekali\n"
    if encoding == "utf-8" and not bom:
        text = text.replace("–", "-")
    kind = sniff_file(_write(tmp_path, "f.csv", text, encoding, bom))
    assert (kind.format, kind.encoding) == ("csv", expected)


def test_utf8_with_stray_cp1252_bytes_is_repaired_and_reported(tmp_path, db_engine, stub_stages):
    path = tmp_path / "mixed.csv"
    path.write_bytes("id,text\n1,Kopi enak – murah\n2,Caf".encode() + b"\xe9 tutup\n")
    kind = sniff_file(path)
    assert (kind.encoding, kind.errors) == ("utf-8", "voc_cp1252")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert any("not valid UTF-8" in w for w in summary.warnings)
    assert read_feedback(db_engine)["text_redacted"].tolist()[-1] == "Café tutup"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "legacy binary Office file"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 64
            + "EncryptedPackage".encode("utf-16-le"),
            "password-protected \\(encrypted\\) Excel workbook",
        ),
        (b"%PDF-1.7\n" + b"x" * 64, "is a PDF document"),
        (b"   \n\n  \t\n", "holds only whitespace"),
        (b"SQLite format 3\x00" + b"\x00" * 64, "is a SQLite database"),
    ],
)
def test_sniff_rejects_non_tables(tmp_path, content, message):
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(NotATableError, match=message):
        sniff_file(path)


def test_an_ole2_file_without_a_workbook_is_no_table_and_a_damaged_xls_says_so(tmp_path):
    fixture = (NASTY / "legacy_export.xls").read_bytes()
    assert sniff_file(NASTY / "legacy_export.xls").format == "xls"
    # The same compound file with its "Workbook" stream renamed: a .doc or .msg, say.
    document = fixture.replace("Workbook".encode("utf-16-le"), "WordDocX".encode("utf-16-le"))
    path = tmp_path / "minutes.doc"
    path.write_bytes(document)
    with pytest.raises(NotATableError, match="legacy binary Office file that holds no workbook"):
        sniff_file(path)
    damaged = tmp_path / "export.xls"
    damaged.write_bytes(fixture[:1536])
    with pytest.raises(NotATableError, match="export.xls .*Excel 97-2003 workbook"):
        sniff_file(damaged)


def test_an_ole2_file_named_xlsx_is_a_password_protected_workbook(tmp_path):
    """It was called a legacy .xls file, and the advice to save it as XLSX misled."""
    path = tmp_path / "export_bank.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(NotATableError, match="password-protected") as caught:
        sniff_file(path)
    assert "remove the password" in caught.value.hint


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(NotATableError, match="is a ZIP archive"):
        sniff_file(path)


def test_text_with_xlsx_extension(tmp_path):
    path = _write(tmp_path, "fake.xlsx", "id,text\n1,hello\n")
    with pytest.raises(NotATableError, match="extension .xlsx but holds text"):
        sniff_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputFileError, match="does not exist"):
        sniff_file(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.json", '[{"text": "x"}]', "json"),
        ("a.json", '{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("a.txt", '{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("a.txt", "text\nhello\n", "csv"),
        ("a.ndjson", '{"text": "x"}\n', "jsonl"),
    ],
)
def test_sniff_formats(tmp_path, name, text, expected):
    assert sniff_file(_write(tmp_path, name, text)).format == expected


# --- readers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("id\ttext\tcsat\n1\tBagus, cepat\t5\n", ["id", "text", "csat"]),
        ("id|text\n1|Bagus; cepat, ramah\n", ["id", "text"]),
        ("id;text;csat\n1;Bagus, cepat;4,5\n2;Oke;3\n", ["id", "text", "csat"]),
        ("sep=;\nid;text\n1;a,b\n", ["id", "text"]),
        ("text\nonly one column, with a comma\n", ["text"]),
        ("id,text,text\n1,a,b\n", ["id", "text", "text_2"]),
        ("id,,text\n1,x,a\n", ["id", "column_2", "text"]),
    ],
)
def test_inspect_file_sniffs_delimiter_and_header(tmp_path, text, columns):
    info = inspect_file(_write(tmp_path, "f.csv", text))
    assert info["tables"][0]["columns"] == columns
    assert info["tables"][0]["guess"]["text"] == "text"
    assert info["tables"][0]["sheet"] is None


def test_inspect_workbook_lists_every_sheet():
    info = inspect_file(NASTY / "two_sheets.xlsx")
    assert [t["name"] for t in info["tables"]] == [
        "two_sheets.xlsx[Januari]",
        "two_sheets.xlsx[Februari]",
    ]
    assert [t["sheet"] for t in info["tables"]] == ["Januari", "Februari"]
    assert info["tables"][1]["guess"] == {"feedback_id": "ID", "created_at": "Waktu",
                                          "text": "Komentar"}  # fmt: skip


def test_sheet_option_only_for_workbooks(db_engine, stub_stages):
    with pytest.raises(InputFileError, match="--sheet only applies to Excel workbooks"):
        ingest_file(NASTY / "cp1252.csv", engine=db_engine, sheet="A", **stub_stages)


def test_invalid_json_array_is_a_file_error(tmp_path, db_engine, stub_stages):
    path = _write(tmp_path, "bad.json", '[{"text": "a"},\n {"text": "b"\n')
    with pytest.raises(InputFileError, match="bad.json is not valid JSON.*at line 3, column 1"):
        ingest_file(path, engine=db_engine, **stub_stages)


def test_json_object_wrapping_records(tmp_path, db_engine, stub_stages):
    data = {"meta": {"n": 2}, "data": [{"id": "w1", "message": "a"}, {"id": "w2", "message": "b"}]}
    path = _write(tmp_path, "wrapped.json", json.dumps(data))
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (2, 2)


def _late_rating_rows(n=1_300, first_rated=1_150):
    """Survey rows whose ``rating`` field an export only has from row ``first_rated`` on."""
    rows = []
    for i in range(1, n + 1):
        row = {"id": f"r{i}", "comment": f"pesanan nomor {i} sampai"}
        if i >= first_rated:
            row["survey"] = {"rating": 1 + i % 5}
        rows.append(row)
    return rows


@pytest.mark.parametrize("name", ["late.jsonl", "late.json"])
def test_a_json_key_first_seen_after_the_first_thousand_rows_is_read(
    tmp_path, db_engine, stub_stages, name
):
    rows = _late_rating_rows()
    if name.endswith(".jsonl"):
        text = "\n".join(json.dumps(r) for r in rows) + "\n"
    else:
        text = json.dumps(rows, indent=1)
    path = _write(tmp_path, name, text)

    table = inspect_file(path)["tables"][0]
    assert table["columns"] == ["id", "comment", "survey.rating"]
    assert table["guess"]["csat"] == "survey.rating"

    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (1_300, 1_300)
    frame = read_feedback(db_engine)
    rated = frame.dropna(subset=["csat"])
    assert len(rated) == 151
    assert sorted(set(rated["csat"].astype(int))) == [1, 2, 3, 4, 5]


def test_parquet_struct_fields_are_columns_like_nested_json(tmp_path, db_engine, stub_stages):
    """A struct column's fields were in every row but not in the column list: never read."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": ["p1", "p2", "p3"],
        "feedback": [{"text": "paket telat", "survey": {"rating": 2}},
                     {"text": "mantap", "survey": {"rating": 5}},
                     {"text": "   ", "survey": {"rating": 3}}],
    })  # fmt: skip
    path = tmp_path / "nested.parquet"
    pq.write_table(table, path)
    tables = inspect_file(path)["tables"]
    assert tables[0]["columns"] == ["id", "feedback.text", "feedback.survey.rating"]
    assert tables[0]["guess"]["text"] == "feedback.text"
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded, summary.quarantined) == (3, 2, 1)
    frame = read_feedback(db_engine).set_index("feedback_id")
    assert frame.loc["p2", "text_redacted"] == "mantap"
    assert frame.loc["p2", "csat"] == 5

    from voc.ingest.tables import read_table

    assert read_table(path)["feedback.survey.rating"].tolist() == [2, 5, 3]


@pytest.mark.parametrize(
    ("document", "columns", "ids"),
    [
        # Firebase Realtime Database export: records keyed by their push id
        ({"-Nx1": {"komentar": "paket telat", "rating": 2},
          "-Nx2": {"komentar": "mantap", "rating": 5},
          "-Nx3": {"komentar": "  ", "rating": 3}}, ["id", "komentar", "rating"],
         ["-Nx1", "-Nx2"]),
        # pandas DataFrame.to_json(): columns keyed by the row number
        ({"komentar": {"0": "paket telat", "1": "mantap", "2": " "},
          "rating": {"0": 2, "1": 5, "2": 3}}, ["komentar", "rating"], None),
        # the same with ticket numbers as the row labels
        ({"komentar": {"T9": "paket telat", "T1": "mantap", "T5": ""},
          "rating": {"T9": 2, "T1": 5, "T5": 3}}, ["id", "komentar", "rating"], ["T9", "T1"]),
    ],
)  # fmt: skip
def test_json_objects_of_objects_are_read_as_their_records(
    tmp_path, db_engine, stub_stages, document, columns, ids
):
    """Each was one row whose columns were every record's fields: two of three records lost."""
    path = _write(tmp_path, "export.json", json.dumps(document))
    assert inspect_file(path)["tables"][0]["columns"] == columns
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded, summary.quarantined) == (3, 2, 1)
    frame = read_feedback(db_engine).sort_values("source_line")
    assert frame["text_redacted"].tolist() == ["paket telat", "mantap"]
    assert frame["csat"].tolist() == [2, 5]
    if ids:
        assert frame["feedback_id"].tolist() == ids


def test_a_json_object_of_unlike_objects_stays_one_record(tmp_path, db_engine, stub_stages):
    document = {"meta": {"page": 1}, "result": {"komentar": "paket telat", "rating": 4}}
    path = _write(tmp_path, "one.json", json.dumps(document))
    assert inspect_file(path)["tables"][0]["columns"] == [
        "meta.page", "result.komentar", "result.rating"
    ]  # fmt: skip
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (1, 1)


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("id,text\n1,Paket telat,app\n2,Refund lama,web\n", True),
        ("id,text\n1,Paket telat,app,\n2,Refund lama,web,,\n", True),  # trailing empties
        ("id,text\n1,Paket telat,app\n2,Refund lama\n", False),  # one ragged row
        ("id,text\n1,Paket telat,,\n2,Refund lama,\n", False),  # only empty cells past it
        ("id,text\n1,Paket telat,app\n", False),  # one row says little
    ],
)
def test_a_header_short_of_a_name_is_named_in_a_warning(
    tmp_path, db_engine, stub_stages, text, noted
):
    path = _write(tmp_path, "export.csv", text)
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.rows_in == summary.loaded + summary.quarantined
    warned = [w for w in summary.warnings if "a column name is probably missing" in w]
    assert warned == (
        [
            "export.csv: the header names 2 columns but the first 2 rows each have 3 "
            "fields: a column name is probably missing from the header, and such rows are "
            "quarantined as ragged_row."
        ]
        if noted
        else []
    )
    if noted:
        assert summary.quarantine_reasons == {"ragged_row": 2}


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        # comments one a line, the first with a comma: no header to take from it
        ("Paket saya belum sampai, sudah seminggu\n\nCS ramah sekali\nRefund lama\n",
         ["Paket saya belum sampai, sudah seminggu", "CS ramah sekali", "Refund lama"]),
        # a one-column table with its header
        ("komentar\nCS ramah sekali\nRefund lama\n", ["CS ramah sekali", "Refund lama"]),
        # a table
        ("id;isi\n1;CS ramah sekali\n2;Refund lama\n", ["CS ramah sekali", "Refund lama"]),
    ],
)  # fmt: skip
def test_a_txt_file_of_lines_is_one_comment_a_line(tmp_path, db_engine, stub_stages, text, texts):
    """The first comment of a headerless .txt was taken as the header and never loaded."""
    path = _write(tmp_path, "ulasan.txt", text)
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.rows_in == summary.loaded == len(texts)
    frame = read_feedback(db_engine).sort_values("source_line")
    assert frame["text_redacted"].tolist() == texts
    noted = any("each line was read as one comment" in w for w in summary.warnings)
    assert noted == (text.startswith("Paket"))
    if noted:
        assert frame["source_line"].tolist() == [1, 3, 4]


def test_failure_mid_file_marks_run_failed_and_keeps_invariant(tmp_path, db_engine, stub_stages):
    # A UTF-16 export cut off after an odd number of bytes fails only when its end is read.
    body = "".join(f"r{i}\tKomentar nomor {i} tentang pengiriman\n" for i in range(3000))
    path = tmp_path / "cut.tsv"
    path.write_bytes(codecs.BOM_UTF16_LE + ("id\ttext\n" + body).encode("utf-16-le") + b"\x00")
    with pytest.raises(InputFileError, match="cut.tsv is not valid utf-16"):
        ingest_file(path, engine=db_engine, chunk_size=1000, **stub_stages)
    (run,) = list_runs(db_engine)
    assert run["status"] == "failed" and "not valid utf-16" in run["error"]
    assert run["rows_in"] == run["loaded"] + run["quarantined"] + run["duplicates"]
    assert run["loaded"] >= 2000
    assert len(read_feedback(db_engine)) == run["loaded"]


# --- mapping ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            ["No Tiket", "Tanggal", "Kanal", "Isi Keluhan", "Rating", "NPS"],
            {"feedback_id": "No Tiket", "created_at": "Tanggal", "channel": "Kanal",
             "text": "Isi Keluhan", "csat": "Rating", "nps": "NPS"},
        ),
        (
            ["ticket_id", "timestamp", "source", "message", "score"],
            {"feedback_id": "ticket_id", "created_at": "timestamp", "channel": "source",
             "text": "message", "csat": "score"},
        ),
        (
            ["ID Ulasan", "Tanggal Ulasan", "Ulasan", "Bintang"],
            {"feedback_id": "ID Ulasan", "created_at": "Tanggal Ulasan", "text": "Ulasan",
             "csat": "Bintang"},
        ),
        (["Customer Comment", "Survey Date", "CSAT Score"],
         {"created_at": "Survey Date", "text": "Customer Comment", "csat": "CSAT Score"}),
        (["komentar", "nilai", "waktu", "sumber"],
         {"created_at": "waktu", "channel": "sumber", "text": "komentar", "csat": "nilai"}),
        (["pesan", "kota", "agent", "FRT", "AHT", "FCR", "segmen", "produk"],
         {"text": "pesan", "customer_segment": "segmen", "product_line": "produk",
          "region": "kota", "agent_id": "agent", "first_response_seconds": "FRT",
          "handle_seconds": "AHT", "resolved_first_contact": "FCR"}),
        (list(TARGET_COLUMNS), {c: c for c in TARGET_COLUMNS}),
        (["id", "tanggal", "rating"], {"feedback_id": "id", "created_at": "tanggal",
                                       "csat": "rating"}),
    ],
)  # fmt: skip
def test_guess_mapping(columns, expected):
    assert guess_mapping(columns) == expected


def test_explicit_mapping_wins_and_null_switches_a_guess_off():
    columns = ["id", "keluhan", "catatan agen", "rating"]
    mapping = resolve_mapping(columns, {"text": "catatan agen", "csat": None})
    assert mapping == {"feedback_id": "id", "text": "catatan agen"}


def test_mapping_naming_a_missing_column(tmp_path):
    with pytest.raises(ColumnMappingError, match="does not have \\(text: 'Isi'\\).*Available"):
        resolve_mapping(["id", "pesan"], {"text": "Isi"}, source_name="f.csv")


def test_load_mapping_file(tmp_path):
    path = _write(tmp_path, "m.yaml", "text: Isi Keluhan\ncreated_at: Tgl Masuk\nnps: null\n")
    assert load_mapping(path) == {"text": "Isi Keluhan", "created_at": "Tgl Masuk", "nps": None}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("komentar: text\n", "unknown target column\\(s\\): komentar. It looks reversed"),
        (
            "teks: Isi\n",
            "unknown target column\\(s\\): teks\\.\nHint: Valid targets are: feedback_id",
        ),
        ("- text\n", "must be a YAML mapping"),
        ("csat: [a, b]\n", "only text may list several columns"),
        ("text: 'unclosed\n", "not valid YAML"),
    ],
)
def test_bad_mapping_files(tmp_path, content, message):
    with pytest.raises(ColumnMappingError, match=message):
        load_mapping(_write(tmp_path, "m.yaml", content))


def test_missing_mapping_file(tmp_path):
    with pytest.raises(ColumnMappingError, match="does not exist"):
        load_mapping(tmp_path / "none.yaml")


def test_workbook_sheet_without_text_column_is_skipped_with_a_note(tmp_path, db_engine,
                                                                   stub_stages):  # fmt: skip
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Ringkasan"
    book.active.append(["Bulan", "Jumlah"])
    book.active.append(["Mei", 10])
    data = book.create_sheet("Data")
    data.append(["id", "keluhan"])
    data.append(["k1", "Lambat"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (1, 1)
    assert any("Skipped book.xlsx[Ringkasan]: No text column" in w for w in summary.warnings)


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-05-12", dt.datetime(2026, 5, 12)),
        # offsets are converted to the business time zone (default Asia/Jakarta, UTC+7)
        ("2026-05-12T14:05:00Z", dt.datetime(2026, 5, 12, 21, 5)),
        ("2026-05-12T21:05:00+07:00", dt.datetime(2026, 5, 12, 21, 5)),
        ("2026-05-12T23:30:00+00:00", dt.datetime(2026, 5, 13, 6, 30)),
        ("2026-05-12 01:30 UTC", dt.datetime(2026, 5, 12, 8, 30)),
        ("1 Juni 2026 09.15 WITA", dt.datetime(2026, 6, 1, 8, 15)),
        ("12/05/2026 08:30 WIT", dt.datetime(2026, 5, 12, 6, 30)),
        ("2026-05-12 14:05", dt.datetime(2026, 5, 12, 14, 5)),
        ("12/05/2026", dt.datetime(2026, 5, 12)),
        ("12-05-2026 08:30:15", dt.datetime(2026, 5, 12, 8, 30, 15)),
        ("12.05.2026", dt.datetime(2026, 5, 12)),
        ("12 Mei 2026", dt.datetime(2026, 5, 12)),
        ("3 Agustus 2026 14:05", dt.datetime(2026, 8, 3, 14, 5)),
        ("Kamis, 1 Oktober 2026 pukul 09.15 WIB", dt.datetime(2026, 10, 1, 9, 15)),
        ("17 Agt 2026", dt.datetime(2026, 8, 17)),
        ("1 Nopember 2026", dt.datetime(2026, 11, 1)),
        ("12 May 2026", dt.datetime(2026, 5, 12)),
        ("May 12, 2026", dt.datetime(2026, 5, 12)),
        (dt.date(2026, 1, 2), dt.datetime(2026, 1, 2)),
        ("", None),
        ("N/A", None),
    ],
)
def test_parse_datetime(value, expected, monkeypatch):
    monkeypatch.delenv("VOC_TIMEZONE", raising=False)
    assert parse_datetime(value) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("UTC", [dt.datetime(2026, 5, 12, 14, 5), dt.datetime(2026, 5, 12, 2, 15)]),
        ("Asia/Makassar", [dt.datetime(2026, 5, 12, 22, 5), dt.datetime(2026, 5, 12, 10, 15)]),
    ],
)
def test_voc_timezone_names_the_business_time_zone(monkeypatch, zone, expected):
    monkeypatch.setenv("VOC_TIMEZONE", zone)
    values = ["2026-05-12T14:05:00Z", "12/05/2026 09:15 WIB"]
    assert [parse_datetime(v) for v in values] == expected
    assert parse_datetime("12/05/2026 09:15") == dt.datetime(2026, 5, 12, 9, 15)  # as written


def test_a_bad_voc_timezone_stops_the_ingest_first(tmp_path, db_engine, stub_stages, monkeypatch):
    from voc.errors import ConfigError

    monkeypatch.setenv("VOC_TIMEZONE", "Asia/Bandung")
    path = _write(tmp_path, "a.csv", "id,text,created_at\nA,Oke,2026-05-12T14:05:00Z\n")
    with pytest.raises(ConfigError, match="VOC_TIMEZONE='Asia/Bandung' is not a time zone"):
        ingest_file(path, engine=db_engine, **stub_stages)
    assert list_runs(db_engine) == []


@pytest.mark.parametrize(
    "value", ["31/02/2026", "kemarin", "05/13/2026", "12 Foo 2026", "2026-13-01", 20261340, 12]
)
def test_parse_datetime_rejects(value):
    with pytest.raises(ValueError, match="not a"):
        parse_datetime(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("4", 4.0), ("4,5", 4.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), (3, 3.0),
     (" 2 ", 2.0), ("", None), ("NA", None), (float("nan"), None)],
)  # fmt: skip
def test_parse_number(value, expected):
    assert parse_number(value) == expected


@pytest.mark.parametrize("value", ["abc", "4/5", "inf", True])
def test_parse_number_rejects(value):
    with pytest.raises(ValueError):
        parse_number(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("ya", True), ("Tidak", False), ("yes", True), ("0", False), (1, True), ("", None)],
)
def test_parse_bool(value, expected):
    assert parse_bool(value) is expected


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"text": "   "}, "empty_text"),
        ({"text": None}, "empty_text"),
        ({"text": "ok", "created_at": "besok"}, "invalid_date"),
        ({"text": "ok", "csat": "0"}, "invalid_csat"),
        ({"text": "ok", "nps": "10,5"}, "invalid_nps"),
        ({"text": "ok", "handle_seconds": "-3"}, "invalid_number"),
        ({"text": "ok", "first_response_seconds": "cepat"}, "invalid_number"),
        ({"text": "ok", "resolved_first_contact": "mungkin"}, "invalid_boolean"),
        ({"text": "ok", "feedback_id": "x" * 300}, "invalid_id"),
    ],
)
def test_validate_row_reasons(values, reason):
    with pytest.raises(RowProblem) as info:
        validate_row(values)
    assert info.value.reason == reason


def test_validate_row_cleans_values():
    clean = validate_row(
        {"text": "  Cafe\u0301 ", "channel": " WhatsApp ", "csat": "4,5", "customer_id": 123.0,
         "resolved_first_contact": "ya", "feedback_id": 77.0}
    )  # fmt: skip
    assert clean["text"] == "Café"
    assert clean["channel"] == "whatsapp"
    assert clean["csat"] == 4.5
    assert clean["customer_id"] == "123"
    assert clean["feedback_id"] == "77"
    assert clean["resolved_first_contact"] is True


# --- idempotency -----------------------------------------------------------------------------


def _csv(tmp_path, name, rows):
    lines = "".join(f"{i},2026-05-01,chat,{text}\n" for i, text in rows)
    return _write(tmp_path, name, "id,created_at,channel,text\n" + lines)


def test_reingesting_the_same_file_adds_nothing(db_engine, stub_stages):
    first = ingest_file(NASTY / "bad_scores.csv", engine=db_engine, **stub_stages)
    second = ingest_file(NASTY / "bad_scores.csv", engine=db_engine, **stub_stages)
    assert (second.loaded, second.duplicates, second.quarantined) == (0, 4, 6)
    assert second.invariant_ok
    assert len(read_feedback(db_engine)) == first.loaded == 4
    assert second.run_id != first.run_id


def test_overlapping_files_add_only_new_rows(tmp_path, db_engine, stub_stages):
    rows = [(f"o{i}", f"Komentar {i}") for i in range(6)]
    ingest_file(_csv(tmp_path, "a.csv", rows[:4]), engine=db_engine, **stub_stages)
    summary = ingest_file(_csv(tmp_path, "b.csv", rows[2:]), engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded, summary.duplicates) == (4, 2, 0 + 2)
    assert sorted(read_feedback(db_engine)["feedback_id"]) == [f"o{i}" for i in range(6)]


def _racing_redactor(stub_stages, other_file, engine, seen):
    """A redactor that lets another ingest store ``other_file`` before its first batch returns.

    The outer ingest has then checked its chunk against the store but not written it: what
    two ingests of overlapping files running at the same time do.
    """
    from tests.conftest import stub_redact_batch

    def redactor(texts):
        if not seen:
            seen.append(ingest_file(other_file, engine=engine, **stub_stages))
        return stub_redact_batch(texts)

    return {"redactor": redactor, "language_detector": stub_stages["language_detector"]}


def test_a_concurrent_ingest_of_the_same_rows_leaves_duplicates(tmp_path, db_engine, stub_stages):
    rows = [(f"c{i}", f"Komentar {i} hubungi a{i}@contoh.id") for i in range(5)]
    path = _csv(tmp_path, "a.csv", rows)
    seen = []
    stages = _racing_redactor(stub_stages, path, db_engine, seen)
    summary = ingest_file(path, engine=db_engine, **stages)
    assert seen[0].loaded == 5  # the other ingest stored the rows first
    assert (summary.rows_in, summary.loaded, summary.duplicates, summary.quarantined) == (
        5,
        0,
        5,
        0,
    )
    assert summary.invariant_ok
    assert summary.pii_counts == {}  # the first try's counts were dropped with its rows
    assert sorted(read_feedback(db_engine)["feedback_id"]) == [f"c{i}" for i in range(5)]
    runs = {run["id"]: run for run in list_runs(db_engine)}
    assert runs[summary.run_id]["status"] == "completed"
    assert runs[summary.run_id]["duplicates"] == 5


def test_a_concurrent_ingest_with_other_texts_gets_them_quarantined(tmp_path, db_engine,
                                                                    stub_stages):  # fmt: skip
    mine = _csv(tmp_path, "mine.csv", [("k1", "Punyaku"), ("k2", "Baru")])
    theirs = _csv(tmp_path, "theirs.csv", [("k1", "Punya mereka")])
    seen = []
    summary = ingest_file(mine, engine=db_engine, **_racing_redactor(stub_stages, theirs,
                                                                     db_engine, seen))  # fmt: skip
    assert (summary.loaded, summary.duplicates, summary.quarantined) == (1, 0, 1)
    assert summary.quarantine_reasons == {"conflicting_duplicate_id": 1}
    stored = read_feedback(db_engine).set_index("feedback_id")["text_redacted"].to_dict()
    assert stored == {"k1": "Punya mereka", "k2": "Baru"}


def test_a_chunk_the_store_keeps_refusing_fails_with_a_clear_error(
    tmp_path, db_engine, stub_stages, monkeypatch
):
    import sqlalchemy as sa

    from voc.errors import StoreError
    from voc.store import writes

    calls = []

    def refuse(conn, rows):
        calls.append(len(rows))
        raise sa.exc.IntegrityError("INSERT ...", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr(writes, "insert_feedback", refuse)
    path = _csv(tmp_path, "a.csv", [("r1", "Satu"), ("r2", "Dua")])
    refused = r"Rows 2-3 of a.csv could not be stored after 3 tries"
    with pytest.raises(StoreError, match=refused) as info:
        ingest_file(path, engine=db_engine, **stub_stages)
    assert "Another ingest" in info.value.hint
    assert calls == [2, 2, 2]
    (run,) = list_runs(db_engine)
    assert run["status"] == "failed" and run["loaded"] == 0 and run["rows_in"] == 0
    assert read_feedback(db_engine).empty


def test_conflicting_id_across_files_is_quarantined_not_overwritten(tmp_path, db_engine,
                                                                    stub_stages):  # fmt: skip
    ingest_file(_csv(tmp_path, "a.csv", [("x1", "Asli")]), engine=db_engine, **stub_stages)
    summary = ingest_file(_csv(tmp_path, "b.csv", [("x1", "Diubah")]), engine=db_engine,
                          **stub_stages)  # fmt: skip
    assert summary.quarantine_reasons == {"conflicting_duplicate_id": 1}
    assert read_feedback(db_engine)["text_redacted"].tolist() == ["Asli"]
    row = read_quarantine(db_engine, ingest_run_id=summary.run_id).iloc[0]
    assert row["raw_redacted"] == "x1,2026-05-01,chat,Diubah"


def test_rows_without_ids_get_stable_content_ids(tmp_path, db_engine, stub_stages):
    path = NASTY / "no_id_duplicates.csv"
    ingest_file(path, engine=db_engine, **stub_stages)
    ids = sorted(read_feedback(db_engine)["feedback_id"])
    again = ingest_file(path, engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates) == (0, 3)
    assert sorted(read_feedback(db_engine)["feedback_id"]) == ids
    assert all(i.startswith("h") and len(i) == 25 for i in ids)


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 1000])
def test_chunk_size_does_not_change_the_outcome(chunk_size, db_engine, stub_stages):
    seen = []
    summary = ingest_file(NASTY / "duplicates.csv", engine=db_engine, chunk_size=chunk_size,
                          on_progress=seen.append, **stub_stages)  # fmt: skip
    assert (summary.loaded, summary.duplicates, summary.quarantined) == (3, 1, 1)
    assert seen[-1] == 5 and len(seen) == -(-5 // chunk_size)


def test_bad_chunk_size(db_engine, stub_stages):
    with pytest.raises(VocError, match="chunk_size must be at least 1"):
        ingest_file(NASTY / "duplicates.csv", engine=db_engine, chunk_size=0, **stub_stages)


def test_summary_json_has_the_documented_keys(db_engine, stub_stages):
    data = ingest_file(NASTY / "pii.csv", engine=db_engine, **stub_stages).to_dict()
    for key in ("rows_in", "loaded", "quarantined", "duplicates", "quarantine_reasons",
                "pii_counts", "invariant_ok"):  # fmt: skip
        assert key in data
    assert json.loads(json.dumps(data)) == data


def test_workbook_title_row_above_header(tmp_path, db_engine, stub_stages):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Laporan Keluhan Mei 2026"])
    sheet.append([])
    sheet.append(["No Tiket", "Keluhan", "Rating", None])
    sheet.append(["t1", "Lambat", 2])
    sheet.append(["t2", "Cepat", 5, "catatan di luar tabel"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.mapping["report.xlsx[Sheet]"] == {
        "feedback_id": "No Tiket",
        "text": "Keluhan",
        "csat": "Rating",
    }
    assert (summary.loaded, summary.quarantine_reasons) == (1, {"ragged_row": 1})
    assert read_feedback(db_engine)["source_line"].tolist() == [4]


def test_csv_trailing_empty_fields_are_not_ragged(tmp_path, db_engine, stub_stages):
    path = _write(tmp_path, "pad.csv", "id,text\n1,Oke,,\n2,Bagus,,x\n")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.loaded, summary.quarantine_reasons) == (1, {"ragged_row": 1})


def test_excel_sep_hint_with_tab(tmp_path):
    info = inspect_file(_write(tmp_path, "t.csv", "sep=\t\nid\ttext\n1\ta;b,c\n"))
    assert info["tables"][0]["columns"] == ["id", "text"]


# --- NUL bytes --------------------------------------------------------------------------------


def _stored_strings(engine):
    import sqlalchemy as sa

    import voc.store.backlog_schema  # noqa: F401
    from voc.store.schema import metadata

    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                yield from (str(v) for v in row._mapping.values() if v is not None)


def test_nul_bytes_in_values_are_removed_and_reported(tmp_path, db_engine, stub_stages):
    # A NUL pasted into a comment: PostgreSQL cannot store it (the ingest used to fail there
    # with a raw DataError), and the file is still a table.
    body = "".join(f"R{i},Komentar biasa nomor {i},chat,4\n" for i in range(200))
    body += "N1,Paket\x00 belum sampai,chat,2\nN2,Oke,wh\x00atsapp,5\nN3,Lama,chat,x\x00\n"
    path = tmp_path / "nul.csv"
    path.write_bytes(("id,text\x00,channel,csat\n" + body).encode("utf-8"))
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded, summary.quarantined) == (203, 202, 1)
    assert summary.quarantine_reasons == {"invalid_csat": 1}
    assert summary.mapping["nul.csv"]["text"] == "text"
    assert "NUL bytes were removed from the values of 3 rows (first: nul.csv line 202)." in (
        summary.warnings
    )
    (run,) = list_runs(db_engine)
    assert run["status"] == "completed" and summary.warnings[-1] in run["warnings"]
    texts = read_feedback(db_engine).set_index("feedback_id")
    assert texts.loc["N1", "text_redacted"] == "Paket belum sampai"
    assert texts.loc["N2", "channel"] == "whatsapp"
    assert not any("\x00" in value for value in _stored_strings(db_engine))
    again = ingest_file(path, engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates, again.quarantined) == (0, 202, 1)


def test_a_few_nul_bytes_are_text_many_are_binary(tmp_path):
    few = _write(tmp_path, "few.csv", "id,text\n1,ab\x00cd\n2,ok\n")
    assert sniff_file(few).format == "csv"
    many = tmp_path / "many.csv"
    many.write_bytes(b"id,text\n" + b"1,a\x00b\n" * 9)
    with pytest.raises(NotATableError, match="looks like binary data"):
        sniff_file(many)


# --- values the store cannot hold -------------------------------------------------------------


def test_values_longer_than_their_column_are_quarantined(tmp_path, db_engine, stub_stages):
    # PostgreSQL refused them and the whole ingest failed; SQLite kept them.
    rows = [
        ("L1", "c" * 101, "seg", "jkt"),
        ("L2", "chat", "s" * 256, "jkt"),
        ("L3", "chat", "seg", "r" * 256),
        ("OK", "c" * 100, "s" * 255, "r" * 248 + " a@b.id"),  # [EMAIL] is one longer
    ]
    body = "".join(f"{i},Komentar {i},{c},{s},{r}\n" for i, c, s, r in rows)
    path = _write(tmp_path, "long.csv", "id,text,channel,customer_segment,region\n" + body)
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.loaded, summary.quarantine_reasons) == (1, {"value_too_long": 3})
    details = sorted(read_quarantine(db_engine)["detail"])
    assert details == [
        "channel has 101 characters (at most 100)",
        "customer_segment has 256 characters (at most 255)",
        "region has 256 characters (at most 255)",
    ]
    (row,) = read_feedback(db_engine).to_dict("records")
    assert row["region"] == ("r" * 248 + " [EMAIL]")[:255]
    assert len(row["channel"]) == 100


def test_a_row_the_database_refuses_fails_with_one_sentence(tmp_path, db_url, stub_stages):
    import sqlalchemy as sa

    from voc.errors import StoreError
    from voc.store import get_engine

    if not db_url.startswith("postgresql"):
        pytest.skip("a trigger that raises a data error is written for PostgreSQL")
    engine = get_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "CREATE FUNCTION refuse_three() RETURNS trigger AS $$ BEGIN "
                "IF NEW.csat = 3 THEN RAISE EXCEPTION 'csat three refused' "
                "USING ERRCODE = '22023'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            )
        )
        conn.execute(
            sa.text(
                "CREATE TRIGGER refuse BEFORE INSERT ON feedback "
                "FOR EACH ROW EXECUTE FUNCTION refuse_three()"
            )
        )
    body = "".join(f"R{i},Komentar nomor {i},{3 if i == 7 else 4}\n" for i in range(10))
    path = _write(tmp_path, "refused.csv", "id,text,csat\n" + body)
    with pytest.raises(StoreError) as caught:
        ingest_file(path, engine=engine, chunk_size=5, **stub_stages)
    message = str(caught.value)
    assert "refused rows 7-11 of refused.csv (InvalidParameterValue: csat three refused)" in (
        message
    )
    assert "Komentar" not in message and caught.value.__cause__ is None
    (run,) = list_runs(engine)
    assert run["status"] == "failed" and "csat three refused" in run["error"]
    assert (run["rows_in"], run["loaded"]) == (5, 5)


# --- CSV reports with a title above the header -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "header_line", "above"),
    [
        ("Laporan Keluhan Mei 2026\n\nid,text,csat\nA,Oke,4\nB,Lama,2\n", 3, "line above it was"),
        ("Laporan Keluhan\nPT Contoh Tbk\nid;text;csat\nA;Oke;4,5\nB;Lama;2\n", 3, "2 lines"),
        ("Report: May 2026,,\nid,text,csat\nA,Oke,4\nB,Lama,2\n", 2, "line above it was"),
    ],
)
def test_csv_title_lines_above_the_header(tmp_path, db_engine, stub_stages, text, header_line,
                                          above):  # fmt: skip
    path = _write(tmp_path, "report.csv", text)
    assert inspect_file(path)["tables"][0]["columns"] == ["id", "text", "csat"]
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (2, 2)
    (note,) = [w for w in summary.warnings if "read as a title" in w]
    assert note.startswith(f"report.csv: the header is on line {header_line}; the {above}")
    assert "Laporan" not in note and "Report" not in note  # a title may name a person
    lines = read_feedback(db_engine).set_index("feedback_id")["source_line"]
    assert (lines["A"], lines["B"]) == (header_line + 1, header_line + 2)


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("komentar\nbagus\njelek sekali\n", ["komentar"]),  # one column: no title to find
        ("komentar,,\nbagus,1,2\njelek,3,4\n", ["komentar", "column_2", "column_3"]),
        ("id,text\nA,Oke,extra\nB,Lama\n", ["id", "text"]),  # a ragged first row
        ("Laporan, Mei 2026\nid,text,csat\nA,Oke,4\n", ["Laporan", "Mei 2026"]),  # 2 fields
    ],
)
def test_csv_first_row_stays_the_header_without_a_title(tmp_path, text, columns):
    path = _write(tmp_path, "plain.csv", text)
    assert inspect_file(path)["tables"][0]["columns"] == columns


# --- JSON tables as arrays of arrays ----------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        [["id", "text"], ["R1", "Halo kak"], ["R2", "Paket telat"]],
        {"values": [["id", "text"], ["R1", "Halo kak"], ["R2", "Paket telat"]]},
        {
            "columns": ["id", "text"],
            "index": [0, 1],
            "data": [["R1", "Halo kak"], ["R2", "Paket telat"]],
        },
    ],
    ids=["array", "sheets-api", "pandas-split"],
)
def test_json_array_of_arrays_with_a_header_row(tmp_path, db_engine, stub_stages, document):
    path = _write(tmp_path, "table.json", json.dumps(document))
    assert inspect_file(path)["tables"][0]["columns"] == ["id", "text"]
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (2, 2)
    texts = read_feedback(db_engine).set_index("feedback_id")["text_redacted"]
    assert texts.to_dict() == {"R1": "Halo kak", "R2": "Paket telat"}


def test_json_array_of_arrays_quarantines_rows_that_do_not_fit(tmp_path, db_engine, stub_stages):
    rows = [["id", "text"], ["R1", "Halo"], ["R2", "Lama", "x"], {"id": "R3"}, ["R4", None]]
    path = _write(tmp_path, "table.json", json.dumps(rows))
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.loaded == 1
    assert summary.quarantine_reasons == {"broken_json": 1, "empty_text": 1, "ragged_row": 1}
    details = set(read_quarantine(db_engine)["detail"])
    assert "too many fields: expected 2, found 3" in details
    assert "the array element is a JSON object, not an array like the header" in details


# --- files of several source systems ----------------------------------------------------------


def _numbered(tmp_path, name, texts):
    body = "".join(f"{i},{text}\n" for i, text in enumerate(texts, start=1))
    return _write(tmp_path, name, "id,text\n" + body)


def test_an_id_prefix_keeps_two_systems_numbering_apart(tmp_path, db_engine, stub_stages):
    first = _numbered(tmp_path, "helpdesk.csv", [f"Keluhan helpdesk {i}" for i in range(12)])
    second = _numbered(tmp_path, "survey.csv", [f"Jawaban survei {i}" for i in range(12)])
    ingest_file(first, engine=db_engine, **stub_stages)
    clash = ingest_file(second, engine=db_engine, **stub_stages)
    assert clash.quarantine_reasons == {"conflicting_duplicate_id": 12}
    (hint,) = [w for w in clash.warnings if "--id-prefix" in w]
    assert hint.startswith("12 of 12 rows have the id of a stored row with other content.")
    apart = ingest_file(second, engine=db_engine, id_prefix="survey", **stub_stages)
    assert (apart.loaded, apart.quarantined) == (12, 0)
    assert not any("--id-prefix" in w for w in apart.warnings)
    ids = set(read_feedback(db_engine)["feedback_id"])
    assert {"1", "12", "survey:1", "survey:12"} <= ids and len(ids) == 24
    again = ingest_file(second, engine=db_engine, id_prefix="survey", **stub_stages)
    assert (again.loaded, again.duplicates) == (0, 12)


def test_an_id_prefix_leaves_content_ids_and_checks_lengths(tmp_path, db_engine, stub_stages):
    from voc.errors import ConfigError

    path = _write(tmp_path, "mixed.csv", "id,text\n,Tanpa id\n" + "x" * 253 + ",Id panjang\n")
    summary = ingest_file(path, engine=db_engine, id_prefix="crm", **stub_stages)
    assert (summary.loaded, summary.quarantine_reasons) == (1, {"invalid_id": 1})
    assert read_feedback(db_engine)["feedback_id"].iloc[0].startswith("h")  # a content id
    for bad in ("two words", "x" * 41, "crm:"):
        with pytest.raises(ConfigError, match="is not a short name"):
            ingest_file(path, engine=db_engine, id_prefix=bad, **stub_stages)


def test_csv_title_above_a_table_whose_last_column_is_often_empty(tmp_path):
    text = "Laporan Mei 2026,,\nid,text,nps\nA,Oke,\nB,Lama,\nC,Bagus,9\n"
    path = _write(tmp_path, "optional.csv", text)
    assert inspect_file(path)["tables"][0]["columns"] == ["id", "text", "nps"]


@pytest.mark.parametrize(
    ("value", "expected", "kind"),
    [
        # Unix time (chat platforms' API exports) is UTC: 1714000000 = 2024-04-24 23:06:40Z
        (1714000000, dt.datetime(2024, 4, 25, 6, 6, 40), "unix_seconds"),
        ("1714000000", dt.datetime(2024, 4, 25, 6, 6, 40), "unix_seconds"),
        (1714000000250, dt.datetime(2024, 4, 25, 6, 6, 40, 250000), "unix_milliseconds"),
        # a date column formatted as a number in a spreadsheet: serial days, local time
        (45789, dt.datetime(2025, 5, 12), "serial_days"),
        ("45789.75", dt.datetime(2025, 5, 12, 18), "serial_days"),
        (45789.999988426, dt.datetime(2025, 5, 12, 23, 59, 59), "serial_days"),
        (20260512, dt.datetime(2026, 5, 12), "compact_date"),
    ],
)
def test_numbers_in_known_date_ranges_are_read_as_dates(value, expected, kind):
    from voc.ingest.validate import numeric_datetime

    assert numeric_datetime(value) == (expected, kind)
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", [12, 5.0, "12", 123456, 99999999999, "1714000000x", True])
def test_other_numbers_are_not_dates(value):
    from voc.ingest.validate import numeric_datetime

    assert numeric_datetime(value) is None
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime(value)


def test_numeric_dates_are_loaded_and_reported(db_engine, stub_stages, tmp_path, monkeypatch):
    """Every row of an API export keyed by Unix time was quarantined as invalid_date."""
    import pandas as pd

    monkeypatch.setenv("VOC_TIMEZONE", "Asia/Makassar")  # WITA, UTC+8
    path = tmp_path / "intercom.json"
    rows = [
        {"id": "c1", "body": "Refund belum masuk", "created_at": 1714000000},
        {"id": "c2", "body": "Kurir ramah", "created_at": 1714003600},
        {"id": "c3", "body": "Aplikasi error", "created_at": "2024-04-25T10:00:00+07:00"},
        {"id": "c4", "body": "Oke", "created_at": 12},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert (summary.loaded, summary.quarantine_reasons) == (3, {"invalid_date": 1})
    stored = read_feedback(db_engine).set_index("feedback_id")["created_at"]
    assert stored["c1"] == pd.Timestamp("2024-04-25 07:06:40")
    assert stored["c3"] == pd.Timestamp("2024-04-25 11:00:00")
    (note,) = [w for w in summary.warnings if "read as dates" in w]
    assert "2 Unix times in seconds (UTC)" in note and "Asia/Makassar" in note


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["05/13/2026", "05/12/2026 09:00"], True),  # a second number above 12: US order
        (["13/05/2026", "05/13/2026"], False),  # both orders in one column: keep day first
        (["05/12/2026", "01/02/2026"], False),  # no evidence: day first (Indonesian)
        (["2026-05-13", 45789, None, "12 Mei 2026"], False),  # no NN/NN/YYYY dates at all
    ],
)
def test_month_first_dates_needs_evidence(values, expected):
    from voc.ingest.validate import month_first_dates

    assert month_first_dates(values) is expected


def test_a_us_ordered_survey_export_is_read_month_first(db_engine, stub_stages, tmp_path):
    """A Google Forms export in US English: 5/12/2026 was read as 5 December, and every
    date with a day above 12 was quarantined, so one file held two orders."""
    import pandas as pd

    path = _write(
        tmp_path,
        "form.csv",
        "Timestamp,Feedback\n"
        "5/12/2026 14:05:33,Paket telat\n"
        "5/13/2026 9:00:00,Refund lama\n"
        "6/1/2026 10:30:00,Kurir ramah\n",
    )
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.loaded == 3 and not summary.quarantine_reasons
    stored = sorted(read_feedback(db_engine)["created_at"])
    assert stored == [
        pd.Timestamp("2026-05-12 14:05:33"),
        pd.Timestamp("2026-05-13 09:00:00"),
        pd.Timestamp("2026-06-01 10:30:00"),
    ]
    assert any("read month first (MM/DD/YYYY" in w for w in summary.warnings)
    # An Indonesian file keeps day first, with no warning.
    path = _write(tmp_path, "id.csv", "id,text,tanggal\nA,Oke,13/05/2026\nB,Baik,05/06/2026\n")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert not any("month first" in w for w in summary.warnings)
    stored = read_feedback(db_engine).set_index("feedback_id")["created_at"]
    assert stored["B"] == pd.Timestamp("2026-06-05")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["05/12/2026", "13/05/2026", "05/13/2026"], "day"),
        (["05/12/2026", "05/13/2026"], "month"),
        (["05/12/2026", "2026-05-13"], "unknown"),
        (["2026-05-13", None, 45789], None),
    ],
)
def test_date_order(values, expected):
    from voc.ingest.validate import date_order

    assert date_order(values) == expected


@pytest.mark.parametrize("later", ["1/13/2026", "13/1/2026"])
def test_the_whole_table_decides_when_its_first_chunk_cannot(
    db_engine, stub_stages, tmp_path, later
):
    """A US export of 1-12 January filled the first chunk with dates such as 1/5/2026: it
    was read day first (5 January became 1 May) and 1/13/2026 was quarantined."""
    import pandas as pd

    rows = "".join(f"T{d},Paket telat {d},1/{d}/2026\n" for d in range(1, 13))
    path = _write(tmp_path, "big.csv", f"id,text,date\n{rows}T13,Refund lama,{later}\n")
    summary = ingest_file(path, engine=db_engine, chunk_size=4, **stub_stages)
    stored = read_feedback(db_engine).set_index("feedback_id")["created_at"]
    if later == "1/13/2026":  # the last row says month first: every row is January
        assert summary.loaded == 13 and not summary.quarantine_reasons
        assert stored["T5"] == pd.Timestamp("2026-01-05")
        assert stored["T13"] == pd.Timestamp("2026-01-13")
        assert any("read month first" in w for w in summary.warnings)
    else:  # the last row says day first
        assert summary.loaded == 13 and not summary.quarantine_reasons
        assert stored["T5"] == pd.Timestamp("2026-05-01")
        assert not any("month first" in w for w in summary.warnings)


def test_a_first_chunk_that_decides_or_a_single_chunk_reads_the_file_once(
    db_engine, stub_stages, tmp_path, monkeypatch
):
    from voc.ingest import pipeline

    scans: list[str] = []
    real = pipeline._scan_date_order
    monkeypatch.setattr(pipeline, "_scan_date_order", lambda *a: scans.append(a[-1]) or real(*a))
    decided = "".join(f"A{d},Oke,{d}/5/2026\n" for d in range(10, 16))  # 13/5 decides
    ingest_file(_write(tmp_path, "a.csv", f"id,text,tgl\n{decided}"), engine=db_engine,
                chunk_size=4, **stub_stages)  # fmt: skip
    one = "".join(f"B{d},Oke,{d}/5/2026\n" for d in range(1, 4))
    ingest_file(_write(tmp_path, "b.csv", f"id,text,tgl\n{one}"), engine=db_engine,
                chunk_size=4, **stub_stages)  # fmt: skip
    assert scans == []
    many = "".join(f"C{d},Oke,{d}/5/2026\n" for d in range(1, 9))
    ingest_file(_write(tmp_path, "c.csv", f"id,text,tgl\n{many}"), engine=db_engine,
                chunk_size=4, **stub_stages)  # fmt: skip
    assert scans == ["tgl"]


def test_html_message_bodies_are_stored_as_their_words(db_engine, stub_stages, tmp_path):
    """Chat platforms export bodies as HTML; the tags were stored, shown and classified."""
    path = tmp_path / "conversations.json"
    rows = [
        {"id": "c1", "body": "<p>Paket belum sampai</p><p>Sudah 3 hari &amp; belum ada kabar</p>"},
        {"id": "c2", "body": "Aplikasi bagus, I <3 it"},
        {"id": "c3", "body": "<p><br></p>"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.loaded == 2 and summary.quarantine_reasons == {"empty_text": 1}
    stored = read_feedback(db_engine).set_index("feedback_id")["text_redacted"]
    assert stored["c1"] == "Paket belum sampai\nSudah 3 hari & belum ada kabar"
    assert stored["c2"] == "Aplikasi bagus, I <3 it"
    assert any(w.startswith("1 text was HTML") for w in summary.warnings)  # c3: quarantined
    (detail,) = read_quarantine(db_engine)["detail"]
    assert detail == "the text is empty (only markup)"


@pytest.mark.parametrize(
    ("value", "score"),
    [
        ("Sangat Puas", 5),
        ("puas", 4),
        ("Cukup", 3),
        ("Kurang puas", 2),
        ("Very dissatisfied", 1),
        ("Neither satisfied nor dissatisfied", 3),
        ("★★★★☆", 4),
        ("⭐️⭐️⭐️", 3),
        ("4/5", 4),
        ("4 dari 5", 4),
        ("5 stars", 5),
        ("bintang 2", 2),
        ("Sangat Baik", 5),
        ("Kurang", 2),
        ("Good", 4),  # a help desk's two-point rating: Good/Bad as 4/2 keeps its CSAT %
        ("Bad", 2),
    ],
)
def test_csat_words_and_stars_are_read_as_scores(value, score):
    from voc.ingest.validate import csat_from_words

    assert csat_from_words(value)[0] == score
    assert validate_row({"text": "ok", "csat": value})["csat"] == score


@pytest.mark.parametrize("value", ["mantap", "8/10", "☆☆☆☆☆", "6 stars", "puas banget sih"])
def test_other_csat_words_are_quarantined(value):
    from voc.ingest.validate import csat_from_words

    assert csat_from_words(value) is None
    with pytest.raises(RowProblem, match="invalid_csat|not a number"):
        validate_row({"text": "ok", "csat": value})


def test_a_survey_export_with_labelled_answers_loads(db_engine, stub_stages, tmp_path):
    """Survey tools export the answer's label: every row was quarantined as invalid_csat."""
    path = _write(
        tmp_path,
        "survey.csv",
        "id,Kepuasan,Komentar\n"
        "S-1,Sangat Puas,Kurir ramah\n"
        "S-2,Tidak Puas,Paket telat\n"
        "S-3,Sangat Puas,Mantap\n"
        "S-4,Lumayan lah,Oke\n",
    )
    summary = ingest_file(
        path,
        engine=db_engine,
        mapping={"feedback_id": "id", "csat": "Kepuasan", "text": "Komentar"},
        **stub_stages,
    )
    assert summary.loaded == 3 and summary.quarantine_reasons == {"invalid_csat": 1}
    stored = read_feedback(db_engine).set_index("feedback_id")["csat"]
    assert (stored["S-1"], stored["S-2"]) == (5, 2)
    (note,) = [w for w in summary.warnings if w.startswith("Scores held words")]
    assert "csat sangat puas = 5 (2 rows); csat tidak puas = 2 (1 row)" in note


@pytest.mark.parametrize(
    ("value", "score"),
    [("10 - Extremely likely", 10), ("0 - Not at all likely", 0), ("9 (Sangat mungkin)", 9)],
)
def test_an_nps_answer_with_its_label_is_read_as_its_number(value, score):
    row = validate_row({"text": "ok", "nps": value})
    assert row["nps"] == score and row["_score_words"] == [f"nps {score} with a label"]


@pytest.mark.parametrize(
    ("value", "score"),
    [("Promoter", 10), ("Passives", 8), ("Detractor", 0), ("detraktor", 0), ("Pasif", 8)],
)
def test_nps_groups_are_read_as_scores_that_keep_the_nps(value, score):
    assert validate_row({"text": "ok", "nps": value})["nps"] == score


@pytest.mark.parametrize("value", ["11 - lebih dari 10", "10 rb", "4.5 - ok", "10-12", "maybe"])
def test_other_nps_text_is_quarantined(value):
    with pytest.raises(RowProblem):
        validate_row({"text": "ok", "nps": value})


def test_several_free_text_questions_join_into_one_comment(db_engine, stub_stages, tmp_path):
    """A survey asks why and what to improve: both answers are the customer's words."""
    from voc.ingest import load_mapping

    mapping_file = tmp_path / "map.yaml"
    mapping_file.write_text("text: [Alasan, Saran]\ncsat: Nilai\n", encoding="utf-8")
    assert load_mapping(mapping_file) == {"text": ["Alasan", "Saran"], "csat": "Nilai"}
    path = _write(
        tmp_path,
        "survey.csv",
        "id,Nilai,Alasan,Saran,Email\n"
        "S-1,2,Paket telat,Kurirnya dilatih lagi,a@example.com\n"
        "S-2,5,Cepat,,b@example.com\n"
        "S-3,4,,Tambah metode bayar,c@example.com\n"
        "S-4,3,,,d@example.com\n",
    )
    summary = ingest_file(path, engine=db_engine, mapping=mapping_file, **stub_stages)
    assert summary.loaded == 3 and summary.quarantine_reasons == {"empty_text": 1}
    stored = read_feedback(db_engine).set_index("feedback_id")["text_redacted"]
    assert stored.to_dict() == {
        "S-1": "Paket telat\n\nKurirnya dilatih lagi",
        "S-2": "Cepat",
        "S-3": "Tambah metode bayar",
    }
    assert summary.mapping["survey.csv"]["text"] == ["Alasan", "Saran"]
    assert [w for w in summary.warnings if "not used" in w] == [
        "Columns of survey.csv not used: Email."
    ]


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"text": []}, "expected one or more column names"),
        ({"csat": ["a", "b"]}, "only text may list several columns"),
        ({"text": ["Alasan", "Tidak ada"]}, "does not have"),
    ],
)
def test_bad_lists_in_a_mapping_are_explained(mapping, message):
    from voc.ingest import resolve_mapping

    with pytest.raises(ColumnMappingError, match=message):
        resolve_mapping(["Alasan", "Saran", "a", "b"], mapping)


def test_a_help_desk_export_with_two_point_ratings_loads(db_engine, stub_stages, tmp_path):
    """Unanswered surveys ("Unoffered", "Offered") quarantined nearly every ticket."""
    path = _write(
        tmp_path,
        "tickets.csv",
        "Ticket ID,Description,Satisfaction Score\n"
        "1,Paket telat,Bad\n2,Cepat,Good\n3,Refund?,Unoffered\n4,Halo,Offered\n",
    )
    summary = ingest_file(path, engine=db_engine, **stub_stages)
    assert summary.mapping["tickets.csv"]["csat"] == "Satisfaction Score"
    assert summary.loaded == 4 and not summary.quarantine_reasons
    stored = read_feedback(db_engine).set_index("feedback_id")["csat"]
    assert (stored["1"], stored["2"]) == (2, 4) and stored[["3", "4"]].isna().all()
    (note,) = [w for w in summary.warnings if w.startswith("Scores held words")]
    assert "csat unoffered = no answer (1 row)" in note


@pytest.mark.parametrize(
    ("fields", "second_header"),
    [
        (["Start Date", "Response ID", "How satisfied were you?"], True),
        (['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}'], True),
        (["2026-05-12", "R_1", "Pengiriman cepat"], False),
        (["Start date ok", "R_1", ""], False),  # one cell is not a header row
    ],
)
def test_a_second_header_row_is_told_from_data(fields, second_header):
    from voc.ingest.readers import _second_header

    header = ["StartDate", "ResponseId", "Q1"]
    assert (_second_header(fields, header) is not None) is second_header


def test_a_survey_tools_workbook_has_its_extra_header_rows_quarantined(
    db_engine, stub_stages, tmp_path
):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["StartDate", "ResponseId", "Q1", "Q2"])
    sheet.append(["Start Date", "Response ID", "How satisfied were you?", "Any comments?"])
    sheet.append(['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}',
                  '{"ImportId":"QID1"}', '{"ImportId":"QID2_TEXT"}'])  # fmt: skip
    sheet.append(["2026-05-12 09:00:01", "R_1", 4, "Pengiriman cepat"])
    path = tmp_path / "survey.xlsx"
    book.save(path)
    summary = ingest_file(
        path, engine=db_engine, mapping={"text": "Q2", "csat": "Q1"}, **stub_stages
    )
    assert (summary.loaded, summary.quarantine_reasons) == (1, {"repeated_header": 2})

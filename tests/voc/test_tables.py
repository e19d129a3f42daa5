"""Whole tables for eval/train/classify, read as `voc ingest` reads files."""

import gzip

import pandas as pd
import pytest

from voc.errors import InputFileError
from voc.ingest.tables import read_table

ROWS = pd.DataFrame({"text": ["Café tutup; lama", "Mantap kak", "Refund belum masuk"],
                     "label": ["negative", "positive", "negative"]})  # fmt: skip


def _same(frame):
    assert list(frame.columns) == ["text", "label"]
    assert frame.astype(str).values.tolist() == ROWS.values.tolist()


@pytest.mark.parametrize("kind", ["utf8", "cp1252-semicolon-title", "xlsx", "json", "gz",
                                  "parquet", "jsonl"])  # fmt: skip
def test_every_format_gives_the_same_frame(tmp_path, kind):
    if kind == "utf8":
        path = tmp_path / "l.csv"
        ROWS.to_csv(path, index=False)
    elif kind == "cp1252-semicolon-title":  # an Excel export on an Indonesian Windows
        path = tmp_path / "l.csv"
        text = "Data berlabel Mei\n" + ROWS.to_csv(index=False, sep=";")
        path.write_bytes(text.encode("cp1252"))
    elif kind == "xlsx":
        path = tmp_path / "l.xlsx"
        ROWS.to_excel(path, index=False)
    elif kind == "json":
        path = tmp_path / "l.json"
        path.write_text(ROWS.to_json(orient="records"), encoding="utf-8")
    elif kind == "gz":
        path = tmp_path / "l.csv.gz"
        path.write_bytes(gzip.compress(ROWS.to_csv(index=False).encode("utf-8")))
    elif kind == "parquet":
        path = tmp_path / "l.parquet"
        ROWS.to_parquet(path, index=False)
    else:
        path = tmp_path / "l.jsonl"
        ROWS.to_json(path, orient="records", lines=True)
    _same(read_table(path))


def test_read_labelled_and_examples_use_it(tmp_path):
    from voc.classify.evaluate import read_labelled
    from voc.classify.trainer import _read_examples

    path = tmp_path / "l.csv"
    path.write_bytes(ROWS.to_csv(index=False, sep=";").encode("cp1252"))
    _same(read_labelled(path, "text", "label"))
    _same(_read_examples(path))


def test_a_broken_row_or_missing_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("text,label\nok,positive\nx,y,z\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="bad.csv line 3 cannot be read"):
        read_table(path, purpose="evaluation")
    with pytest.raises(InputFileError, match="does not exist"):
        read_table(tmp_path / "nope.csv")


def test_a_broken_jsonl_line_is_a_clear_error_with_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "label": "positive"}\n{"text": "x\n', encoding="utf-8")
    with pytest.raises(InputFileError, match=r"bad.jsonl line 2 cannot be read \(broken_json"):
        read_table(path, purpose="evaluation")


def test_a_header_without_rows_is_an_empty_table_with_its_columns(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("text,label\n", encoding="utf-8")
    frame = read_table(path)
    assert list(frame.columns) == ["text", "label"] and frame.empty


def test_a_legacy_xls_workbook_is_read_with_its_title_row_and_numeric_ids():
    from pathlib import Path

    nasty = Path(__file__).resolve().parents[1] / "data" / "nasty"
    frame = read_table(nasty / "legacy_export.xls")  # its second sheet is empty
    assert list(frame.columns) == ["No Tiket", "Tanggal", "Kanal", "Isi Keluhan", "Nilai"]
    assert frame["No Tiket"].tolist() == ["100231", "100232", "100233", "100234", "100235"]
    assert frame["Isi Keluhan"].tolist()[0] == "Tagihan bulan ini dobel 😡"
    assert frame["Nilai"].tolist() == ["1", "5", "3", "7", "2"]

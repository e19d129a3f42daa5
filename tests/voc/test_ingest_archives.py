"""Compressed exports: gzip files and ZIP archives of one table are unpacked and ingested."""

import gzip
import io
import tempfile
import zipfile

import pytest

from voc.errors import InputFileError, NotATableError
from voc.ingest import archives, ingest_file, inspect_file
from voc.ingest.archives import archive_kind, unpack_to
from voc.store import read_feedback

CSV = "id,komentar,nilai\nA-1,Paket belum sampai,2\nA-2,Mantap kak,5\nA-3,Refund lama,1\n"


def _zip(path, members):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.fixture
def own_tempdir(tmp_path, monkeypatch):
    """Point tempfile at a folder of the test, to see what an ingest leaves behind."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_gzip_csv_ingests_like_the_plain_file(tmp_path, db_engine, stub_stages, own_tempdir):
    packed = tmp_path / "feedback.csv.gz"
    packed.write_bytes(gzip.compress(CSV.encode("utf-8")))
    summary = ingest_file(packed, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (3, 3)
    assert summary.file_name == "feedback.csv.gz"
    assert summary.mapping == {"feedback.csv": {"feedback_id": "id", "text": "komentar",
                                                "csat": "nilai"}}  # fmt: skip
    assert "Read feedback.csv from the archive feedback.csv.gz." in summary.warnings
    stored = read_feedback(db_engine)
    assert sorted(stored["text_redacted"]) == ["Mantap kak", "Paket belum sampai", "Refund lama"]
    assert set(stored["source_file"]) == {"feedback.csv"}
    assert list(own_tempdir.iterdir()) == []  # the unpacked copy is gone
    plain = tmp_path / "feedback.csv"
    plain.write_text(CSV, encoding="utf-8")
    again = ingest_file(plain, engine=db_engine, **stub_stages)
    assert (again.loaded, again.duplicates) == (0, 3)


def test_zip_with_one_table_among_folders_and_metadata(tmp_path, db_engine, stub_stages):
    packed = _zip(
        tmp_path / "export.zip",
        {
            "export/": "",
            "export/data.tsv": CSV.replace(",", "\t"),
            "__MACOSX/export/._data.tsv": "junk",
            "export/.DS_Store": "junk",
            "export/README.pdf": "%PDF-1.7",
        },
    )
    assert archive_kind(packed) == "zip"
    assert inspect_file(packed)["tables"][0]["columns"] == ["id", "komentar", "nilai"]
    summary = ingest_file(packed, engine=db_engine, **stub_stages)
    assert (summary.rows_in, summary.loaded) == (3, 3)
    assert "Read data.tsv from the archive export.zip." in summary.warnings


def test_workbooks_are_not_archives():
    from pathlib import Path

    workbook = Path(__file__).resolve().parents[1] / "data" / "nasty" / "two_sheets.xlsx"
    assert archive_kind(workbook) is None


@pytest.mark.parametrize(
    ("members", "error", "message"),
    [
        ({"a.csv": CSV, "b.csv": CSV}, InputFileError, r"with 2 table files \(a.csv, b.csv\)"),
        ({"notes.pdf": "x", "logo.png": "y"}, NotATableError, "it holds: notes.pdf, logo.png"),
        ({}, NotATableError, "without a table file \\(it is empty\\)"),
    ],
)
def test_zip_without_exactly_one_table(tmp_path, members, error, message):
    packed = _zip(tmp_path / "export.zip", members)
    with pytest.raises(error, match=message):
        unpack_to(packed, tmp_path)


def test_damaged_gzip_is_a_clear_error(tmp_path, db_engine, stub_stages):
    packed = tmp_path / "cut.csv.gz"
    whole = gzip.compress((CSV * 200).encode("utf-8"))
    packed.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputFileError, match="cut.csv.gz is a damaged or unsupported gzip"):
        ingest_file(packed, engine=db_engine, **stub_stages)


def test_archives_that_unpack_too_far_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archives, "MAX_UNPACKED_BYTES", 1000)
    packed = tmp_path / "big.csv.gz"
    packed.write_bytes(gzip.compress(("x" * 5000).encode("utf-8")))
    with pytest.raises(InputFileError, match="unpacks to more than"):
        unpack_to(packed, tmp_path)
    zipped = _zip(tmp_path / "big.zip", {"big.csv": "x" * 5000})
    with pytest.raises(InputFileError, match="more than"):
        unpack_to(zipped, tmp_path)


def test_app_upload_of_an_archive_gives_the_table(tmp_path):
    from app_support.jobs import save_upload

    class Upload:
        name = "feedback.csv.gz"

        def getvalue(self):
            buffer = io.BytesIO()
            with gzip.GzipFile(fileobj=buffer, mode="wb") as handle:
                handle.write(CSV.encode("utf-8"))
            return buffer.getvalue()

    path = save_upload(Upload(), tmp_path)
    assert path == tmp_path / "feedback.csv"
    assert path.read_text(encoding="utf-8") == CSV


def test_names_inside_an_archive_are_redacted_too(tmp_path, db_engine, stub_stages):
    packed = _zip(tmp_path / "export.zip", {"chat_081234567890.csv": CSV})
    summary = ingest_file(packed, engine=db_engine, **stub_stages)
    assert "Read chat [NUMBER].csv from the archive export.zip." in summary.warnings
    assert not any("081234567890" in w for w in summary.warnings)
    assert set(read_feedback(db_engine)["source_file"]) == {"chat [NUMBER].csv"}

"""``voc ingest`` and ``voc quarantine`` from the command line."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import voc.ingest.pipeline as pipeline
from voc.cli import app

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"


@pytest.fixture
def stubbed(monkeypatch, stub_stages):
    monkeypatch.setattr(pipeline, "_default_redactor", lambda: stub_stages["redactor"])
    monkeypatch.setattr(
        pipeline, "_default_language_detector", lambda: stub_stages["language_detector"]
    )


def _voc(*args, env_db):
    """Run the real console entry point in a subprocess."""
    code = "import sys; from voc.cli import main; sys.argv = ['voc', *sys.argv[1:]]; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args, "--db", env_db],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_ingest_json_summary(db_url, stubbed):
    result = CliRunner().invoke(
        app, ["ingest", str(NASTY / "bad_scores.csv"), "--json", "--db", db_url]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["rows_in"], data["loaded"], data["quarantined"], data["duplicates"]) == (
        10,
        4,
        6,
        0,
    )
    assert data["quarantine_reasons"] == {"invalid_csat": 3, "invalid_nps": 3}
    assert data["pii_counts"] == {}
    assert data["invariant_ok"] is True


def test_ingest_table_output_mentions_the_invariant(tmp_path, stubbed):
    db = f"sqlite:///{tmp_path / 'v.db'}"
    result = CliRunner().invoke(app, ["ingest", str(NASTY / "ragged_rows.csv"), "--db", db])
    assert result.exit_code == 0, result.output
    assert "rows_in = loaded + quarantined + duplicates: 5 = 3 + 2 + 0 (holds)" in result.output
    assert "quarantine: ragged_row" in result.output
    assert "voc quarantine --run 1" in result.output


def test_ingest_with_mapping_and_sheet(tmp_path, stubbed):
    db = f"sqlite:///{tmp_path / 'v.db'}"
    mapping = tmp_path / "map.yaml"
    mapping.write_text("text: Komentar\nfeedback_id: ID\n", encoding="utf-8")
    args = ["ingest", str(NASTY / "two_sheets.xlsx"), "--sheet", "Februari", "--json"]
    result = CliRunner().invoke(app, [*args, "--mapping", str(mapping), "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["loaded"] == 2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("page.html", "page.html is an HTML page"),
        ("empty.csv", "empty.csv is empty (0 bytes)"),
        ("no_text_column.csv", "No text column found in no_text_column.csv"),
    ],
)
def test_file_errors_exit_non_zero_with_message_on_stderr(tmp_path, name, message):
    result = _voc("ingest", str(NASTY / name), env_db=f"sqlite:///{tmp_path / 'v.db'}")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_mapping_hint_on_stderr(tmp_path):
    result = _voc("ingest", str(NASTY / "no_text_column.csv"), env_db=f"sqlite:///{tmp_path}/v.db")
    assert "Available columns: id, tanggal, rating, kanal" in result.stderr
    assert "--mapping MAP.yaml" in result.stderr


def test_quarantine_list_and_csv_export(tmp_path, stubbed):
    db = f"sqlite:///{tmp_path / 'v.db'}"
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(NASTY / "pii.csv"), "--json", "--db", db])
    listed = runner.invoke(app, ["quarantine", "--run", "1", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert "ragged_row" in listed.output and "invalid_csat" in listed.output
    out = tmp_path / "q.csv"
    exported = runner.invoke(app, ["quarantine", "--run", "1", "--csv", str(out), "--db", db])
    assert exported.exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert sorted(r["reason"] for r in rows) == ["invalid_csat", "ragged_row"]
    assert all("@example.com" not in r["raw_redacted"] for r in rows)
    assert "[EMAIL]" in next(r["raw_redacted"] for r in rows if r["reason"] == "invalid_csat")


def test_quarantine_of_unknown_run(tmp_path):
    result = _voc("quarantine", "--run", "42", env_db=f"sqlite:///{tmp_path / 'v.db'}")
    assert result.returncode != 0
    assert "There is no ingest run 42" in result.stderr


def test_spreadsheet_csv_defuses_formulas():
    import pandas as pd

    from voc.spreadsheet import spreadsheet_csv

    frame = pd.DataFrame(
        {
            "text": [
                '=HYPERLINK("http://x.test","klik")',
                "- barang rusak",
                "+62 812",
                "@admin",
                "ok",
            ],
            "csat": [1.0, 2.0, None, 4.0, -1.0],
        }
    )
    back = pd.read_csv(io.BytesIO(spreadsheet_csv(frame)), encoding="utf-8-sig")
    assert back["text"].tolist() == [
        '\'=HYPERLINK("http://x.test","klik")',
        "'- barang rusak",
        "'+62 812",
        "'@admin",
        "ok",
    ]
    assert back["csat"].tolist()[-1] == -1.0  # numbers stay numbers


def test_several_files_in_one_command_with_one_that_fails(tmp_path):
    db = f"sqlite:///{tmp_path / 'v.db'}"
    files = [NASTY / "utf8_bom.csv", NASTY / "binary.bin", NASTY / "cp1252.csv"]
    result = CliRunner().invoke(app, ["ingest", *map(str, files), "--json", "--db", db])
    assert result.exit_code == 2  # the good files went in; the bad one is reported
    out = json.loads(result.stdout)
    assert [run["file_name"] for run in out["runs"]] == ["utf8_bom.csv", "cp1252.csv"]
    assert out["failed"][0]["file"].endswith("binary.bin")
    assert "looks like binary data" in out["failed"][0]["error"]
    assert out["total"] == {"rows_in": 7, "loaded": 7, "quarantined": 0, "duplicates": 0}
    plain = CliRunner().invoke(app, ["ingest", *map(str, files[::2]), "--db", db])
    assert plain.exit_code == 0
    assert "2 of 2 files ingested: 7 rows in, 0 loaded, 0 quarantined, 7 duplicates." in (
        " ".join(plain.output.split())
    )


def test_a_folder_means_the_table_files_in_it(tmp_path):
    import shutil

    exports = tmp_path / "exports"
    exports.mkdir()
    for name in ("utf8_bom.csv", "cp1252.csv", "feedback.csv.gz"):
        shutil.copy(NASTY / name, exports / name)
    (exports / "notes.md").write_text("# not a table\n", encoding="utf-8")
    (exports / ".~lock.cp1252.csv#").write_text("lock\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'v.db'}"
    result = CliRunner().invoke(app, ["ingest", str(exports), "--json", "--db", db])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert [run["file_name"] for run in out["runs"]] == [
        "cp1252.csv",
        "feedback.csv.gz",
        "utf8_bom.csv",
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = CliRunner().invoke(app, ["ingest", str(empty), "--db", db])
    assert "holds no table files" in str(nothing.exception)

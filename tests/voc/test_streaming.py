import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from typer.testing import CliRunner

from tests.voc.classify_helpers import BagOfWordsEncoder
from voc.classify.features import TEXT_REVISION
from voc.classify.train import TrainConfig, train_classifier
from voc.embed import EmbeddingCache, Encoder
from voc.errors import ColumnMappingError, ConfigError, InputFileError
from voc.streaming import (
    OUTPUT_COLUMNS,
    classify_file,
    pseudonymised_ids,
    row_id,
    unreadable_path,
)
from voc.taxonomy import load_taxonomy

TOY = {
    "name": "toy",
    "version": 1,
    "touchpoints": [
        {"id": "shop", "en": "Shop", "id_name": "Toko", "about": "buying in a shop, checkout"},
        {"id": "home", "en": "Home", "id_name": "Rumah", "about": "using at home after delivery"},
    ],
    "topics": [
        {"id": "coffee", "owner": "ops", "effort": 2, "en": "Coffee", "id_name": "Kopi",
         "about": "coffee taste beans espresso latte"},
        {"id": "shipping", "owner": "ops", "effort": 3, "en": "Shipping", "id_name": "Pengiriman",
         "about": "shipping courier package late parcel"},
    ],
    "departments": [{"id": "ops", "en": "Ops", "id_name": "Operasional"}],
}  # fmt: skip

TEXTS = [
    "the espresso tastes burnt",
    "kurir terlambat, paket rusak",
    "call me at 0812-3456-7890 about the late parcel",
    "latte enak sekali",
    "",
    "the espresso tastes burnt",
    "courier lost my package",
]


class CountingEncoder(Encoder):
    """The bag-of-words stub behind the real Encoder base (dedup + cache), counting texts."""

    def __init__(self, cache=None):
        super().__init__(name="test-count", dim=BagOfWordsEncoder.dim, cache=cache)
        self.bow = BagOfWordsEncoder()
        self.embedded: list[str] = []

    def _embed(self, texts, kind, *, batch_size, progress):
        self.embedded.extend(texts)
        return self.bow.encode(texts)


@pytest.fixture
def toy_model(monkeypatch, tmp_path):
    from voc.classify import features

    path = tmp_path / "toy.yaml"
    path.write_text(yaml.safe_dump(TOY))
    encoder = CountingEncoder(cache=EmbeddingCache(tmp_path / "cache"))
    monkeypatch.setitem(features._ENCODERS, "test-count", encoder)
    model = train_classifier(
        load_taxonomy(path), None, config=TrainConfig(encoder="test-count"), version="v1"
    )
    encoder.embedded.clear()
    model.encoder_stub = encoder
    return model


def _write(frame, path):
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    elif path.suffix == ".jsonl":
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_csv(path, index=False)
    return path


def _input(tmp_path, suffix=".csv", n=23):
    texts = [TEXTS[i % len(TEXTS)] + (f" #{i // 14}" if i % 3 == 0 else "") for i in range(n)]
    frame = pd.DataFrame({"ticket": [f"t{i}" for i in range(n)], "text": texts, "channel": "app"})
    return _write(frame, tmp_path / f"in{suffix}")


def _read(path):
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_column_contract_and_no_raw_text(toy_model, tmp_path, suffix):
    src = _input(tmp_path, suffix)
    out = tmp_path / f"out{suffix}"
    summary = classify_file(src, out, id_col="ticket", chunk_size=5, model=toy_model)
    assert summary["rows"] == 23 and summary["chunks"] == 5
    result = _read(out)
    assert list(result.columns) == ["channel", *OUTPUT_COLUMNS]
    assert "text" not in result.columns and "ticket" not in result.columns
    assert list(result["feedback_id"]) == [f"t{i}" for i in range(23)]
    assert not result["text_redacted"].astype(str).str.contains("0812").any()
    assert set(result["model_version"]) == {f"toy/v1+r{TEXT_REVISION}"}
    assert not (tmp_path / f"out{suffix}.parts").exists()


def test_chunked_output_equals_one_shot_classification(toy_model, tmp_path):
    src = _input(tmp_path, ".parquet", n=40)
    classify_file(src, tmp_path / "a.parquet", chunk_size=7, model=toy_model)
    classify_file(src, tmp_path / "b.parquet", chunk_size=1000, model=toy_model)
    a, b = pd.read_parquet(tmp_path / "a.parquet"), pd.read_parquet(tmp_path / "b.parquet")
    pd.testing.assert_frame_equal(a, b)
    raw = pd.read_parquet(src)["text"]
    assert list(a["feedback_id"]) == [row_id(t) for t in raw]


def test_resume_skips_finished_chunks(toy_model, tmp_path):
    src = _input(tmp_path, ".csv", n=30)
    classify_file(src, tmp_path / "full.parquet", chunk_size=4, model=toy_model)
    out = tmp_path / "resumed.parquet"
    seen = []

    def boom(number):
        seen.append(number)
        if number == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        classify_file(src, out, chunk_size=4, model=toy_model, on_chunk=boom)
    parts = tmp_path / "resumed.parquet.parts"
    assert sorted(p.name for p in parts.glob("part-*")) == [
        f"part-00000{i}.parquet" for i in range(4)
    ]
    manifest = json.loads((parts / "manifest.json").read_text())
    assert manifest["chunk_size"] == 4 and len(manifest["input_sha256"]) == 64
    assert not out.exists()
    toy_model.encoder_stub.embedded.clear()
    summary = classify_file(src, out, chunk_size=4, model=toy_model)
    assert summary["chunks_skipped"] == 4 and summary["chunks"] == 8
    pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(tmp_path / "full.parquet"))
    assert not parts.exists()


def test_changed_input_or_chunk_size_restarts(toy_model, tmp_path):
    src = _input(tmp_path, ".csv", n=12)
    out = tmp_path / "out.csv"

    def stop(number):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        classify_file(src, out, chunk_size=4, model=toy_model, on_chunk=stop)
    summary = classify_file(src, out, chunk_size=5, model=toy_model)
    assert summary["chunks_skipped"] == 0 and len(_read(out)) == 12


def test_changed_review_thresholds_restart(toy_model, tmp_path):
    from voc.classify.model import ReviewThresholds

    src = _input(tmp_path, ".csv", n=12)
    out = tmp_path / "out.csv"
    calls = []

    def stop_after_two(number):
        calls.append(number)
        if len(calls) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        classify_file(src, out, chunk_size=4, model=toy_model, on_chunk=stop_after_two)
    toy_model.review = ReviewThresholds(topic=0.99)
    summary = classify_file(src, out, chunk_size=4, model=toy_model)
    assert summary["chunks_skipped"] == 0  # flags of the finished chunks would differ
    calls.clear()
    with pytest.raises(KeyboardInterrupt):
        classify_file(
            src, out.with_name("again.csv"), chunk_size=4, model=toy_model, on_chunk=stop_after_two
        )
    summary = classify_file(src, out.with_name("again.csv"), chunk_size=4, model=toy_model)
    assert summary["chunks_skipped"] >= 1  # same thresholds: resumed


def test_identical_texts_embedded_once_within_and_across_chunks(toy_model, tmp_path):
    texts = ["kopi pahit", "paket telat", "kopi pahit", "Kopi pahit", "paket telat"] * 8
    src = _write(pd.DataFrame({"text": texts}), tmp_path / "dup.csv")
    summary = classify_file(src, tmp_path / "out.parquet", chunk_size=10, model=toy_model)
    assert summary["chunks"] == 4
    embedded = toy_model.encoder_stub.embedded
    assert sorted(embedded) == ["Kopi pahit", "kopi pahit", "paket telat"]
    out = pd.read_parquet(tmp_path / "out.parquet")
    assert out["feedback_id"].nunique() == 3
    same = out[out["text_redacted"] == "kopi pahit"]
    assert same["sentiment_score"].nunique() == 1


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"text_col": "comment"}, ColumnMappingError, "Column 'comment' not found"),
        ({"id_col": "nope"}, ColumnMappingError, "--id-col 'nope' is not a column"),
        ({"chunk_size": 0}, ConfigError, "positive integer"),
    ],
)
def test_bad_options(toy_model, tmp_path, kwargs, error, match):
    src = _input(tmp_path, ".csv", n=5)
    with pytest.raises(error, match=match):
        classify_file(src, tmp_path / "o.csv", model=toy_model, **kwargs)


@pytest.mark.parametrize(
    ("name", "content", "match"),
    [
        ("missing.csv", None, "does not exist"),
        ("book.xlsx", b"PK\x03\x04", "book.xlsx starts like a ZIP/XLSX file but is damaged"),
        ("notes.doc", b"x", "not a CSV, TSV, XLSX, XLS, JSON, Parquet or JSONL"),
        ("broken.parquet", b"not parquet at all", "Could not read broken.parquet"),
        ("empty.csv", b"", "empty.csv is empty"),
        ("header.csv", b"text,id\n", "has no rows"),
    ],
)
def test_bad_input_files(toy_model, tmp_path, name, content, match):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputFileError, match=match):
        classify_file(path, tmp_path / "o.parquet", model=toy_model)


def test_output_type_checked(toy_model, tmp_path):
    src = _input(tmp_path, ".csv", n=3)
    with pytest.raises(InputFileError, match=r"as o\.docx: classification writes .*\.xlsx"):
        classify_file(src, tmp_path / "o.docx", model=toy_model)
    assert not (tmp_path / "o.docx.parts").exists()  # refused before any classifying
    with pytest.raises(InputFileError, match="must differ"):
        classify_file(src, src, model=toy_model)


def test_cli_streams_with_toy_model(toy_model, tmp_path, monkeypatch):
    from voc.cli import app
    from voc.cli import classify as cli_classify

    monkeypatch.setattr(cli_classify, "_load_model", lambda taxonomy, version: toy_model)
    src = _input(tmp_path, ".csv", n=9)
    out = tmp_path / "cli.jsonl"
    args = ["classify", str(src), "-o", str(out), "--id-col", "ticket", "--batch-size", "4", "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"Classified 9 comments with toy/v1+r{TEXT_REVISION}" in result.output
    frame = _read(out)
    assert len(frame) == 9 and np.all(frame["feedback_id"].str.startswith("t"))
    both = CliRunner().invoke(app, ["classify", str(src), "-o", str(out), "--to-store"])
    assert isinstance(both.exception, ConfigError)
    assert "exactly one of -o OUTPUT or --to-store" in str(both.exception)


def test_cli_to_store_ingests_then_classifies(toy_model, tmp_path, monkeypatch):
    from voc.cli import app
    from voc.cli import classify as cli_classify
    from voc.store import dispose_engine, get_engine, read_feedback

    url = f"sqlite:///{tmp_path / 'voc.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    monkeypatch.setattr(cli_classify, "_load_model", lambda taxonomy, version: toy_model)
    src = _input(tmp_path, ".csv", n=9)
    args = ["classify", str(src), "--to-store", "--id-col", "ticket", "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (
        f"8 rows stored, 1 quarantined); classified 8 with toy/v1+r{TEXT_REVISION}" in result.output
    )
    engine = get_engine(url)
    try:
        assert read_feedback(engine, unclassified_only=True).empty
        stored = read_feedback(engine)
        assert sorted(stored["feedback_id"]) == sorted(f"t{i}" for i in range(9) if i != 4)
        assert not stored["text_redacted"].str.contains("0812").any()
        # The same file from another system: its ids get that system's name before them.
        again = CliRunner().invoke(app, [*args, "--id-prefix", "crm"])
        assert again.exit_code == 0, again.output
        assert "8 rows stored, 1 quarantined" in again.output
        assert sum(read_feedback(engine)["feedback_id"].str.startswith("crm:t")) == 8
    finally:
        dispose_engine(url)
    alone = CliRunner().invoke(app, ["classify", str(src), "-o", "x.csv", "--id-prefix", "crm"])
    assert isinstance(alone.exception, ConfigError)
    assert "needs --to-store" in str(alone.exception)


def test_reclassify_redoes_what_another_model_version_made(toy_model, tmp_path, monkeypatch):
    """A new model (or new text rules) left the stored comments on the old predictions."""
    from voc.cli import app
    from voc.cli import classify as cli_classify
    from voc.pipeline import classify_store
    from voc.store import current_model_versions, dispose_engine, get_engine, write_predictions

    url = f"sqlite:///{tmp_path / 'voc.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    monkeypatch.setattr(cli_classify, "_load_model", lambda taxonomy, version: toy_model)
    src = _input(tmp_path, ".csv", n=9)
    result = CliRunner().invoke(app, ["classify", str(src), "--to-store", "--id-col", "ticket"])
    assert result.exit_code == 0, result.output
    engine = get_engine(url)
    now = toy_model.model_version
    try:
        old = pd.DataFrame({"feedback_id": ["t0", "t1", "t2"], "model_version": "toy/v0"})
        write_predictions(engine, old.assign(topic="x", sentiment="neutral"))
        assert current_model_versions(engine) == {now: 5, "toy/v0": 3}
        assert classify_store(engine, toy_model) == 0  # nothing unclassified
        with pytest.raises(ConfigError, match="redo must be one of"):
            classify_store(engine, toy_model, redo="everything")
        result = CliRunner().invoke(app, ["reclassify", "--json", "--batch-size", "2"])
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert report == {
            "model_version": now,
            "classified": 3,
            "before": {now: 5, "toy/v0": 3},
            "after": {now: 8},
        }
        result = CliRunner().invoke(app, ["reclassify", "-q"])
        assert result.exit_code == 0, result.output
        assert f"Nothing to do: every stored comment is classified with {now}." in result.output
        assert classify_store(engine, toy_model, redo="all") == 8
        bad = CliRunner().invoke(app, ["reclassify", "--batch-size", "0"])
        assert isinstance(bad.exception, ConfigError)
    finally:
        dispose_engine(url)


def test_cli_review_thresholds(toy_model, tmp_path, monkeypatch):
    from voc.classify.model import REVIEW_ENV
    from voc.cli import app
    from voc.cli import classify as cli_classify

    monkeypatch.setenv(REVIEW_ENV, "")  # restored after the test: the CLI sets it
    monkeypatch.setattr(cli_classify, "_load_model", lambda taxonomy, version: toy_model)
    src = _input(tmp_path, ".csv", n=12)

    def run(spec):
        out = tmp_path / f"out{len(list(tmp_path.glob('out*.csv')))}.csv"
        args = ["classify", str(src), "-o", str(out), "--review-thresholds", spec, "-q"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        frame = pd.read_csv(out)
        return frame["needs_review"].astype(bool), frame["topic_confidence"]

    flags, confidence = run("sentiment=0,topic=0,touchpoint=0")
    assert not flags.any()
    levels = np.unique(confidence)  # confidences are rounded: cut between two levels
    cut = float((levels[len(levels) // 2 - 1] + levels[len(levels) // 2]) / 2)
    flags, confidence = run(f"sentiment=0,touchpoint=0,topic={cut}")
    assert flags.tolist() == (confidence < cut).tolist() and 0 < flags.sum() < len(flags)
    assert os.environ[REVIEW_ENV] == f"sentiment=0,touchpoint=0,topic={cut}"  # for Dask workers
    args = ["classify", str(src), "-o", str(tmp_path / "x.csv"), "--review-thresholds", "topic=9"]
    bad = CliRunner().invoke(app, args)
    assert isinstance(bad.exception, ConfigError)
    assert "number from 0 to 1" in str(bad.exception)


@pytest.mark.parametrize("packing", ["gzip", "zip"])
def test_a_compressed_input_gives_the_plain_files_output(toy_model, tmp_path, packing):
    import gzip
    import zipfile

    src = _input(tmp_path, ".csv")
    classify_file(src, tmp_path / "plain.parquet", chunk_size=5, model=toy_model)
    if packing == "gzip":
        packed = tmp_path / "input.csv.gz"
        packed.write_bytes(gzip.compress(src.read_bytes()))
    else:
        packed = tmp_path / "input.zip"
        with zipfile.ZipFile(packed, "w") as archive:
            archive.write(src, "export/input.csv")
    summary = classify_file(packed, tmp_path / "packed.parquet", chunk_size=5, model=toy_model)
    assert summary["rows"] == 23
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "plain.parquet"), pd.read_parquet(tmp_path / "packed.parquet")
    )


def test_csv_and_other_tables_are_read_as_voc_ingest_reads_them(toy_model, tmp_path):
    # A Windows export: cp1252, semicolons (decimal commas), a title line above the header.
    # The pandas reader used before failed on the encoding and saw one column 'id;text'.
    src = _input(tmp_path, ".csv", n=6)
    plain = classify_file(src, tmp_path / "plain.parquet", id_col="ticket", model=toy_model)
    frame = pd.read_csv(src, dtype=str, keep_default_na=False)
    windows = tmp_path / "windows.csv"
    body = frame.to_csv(sep=";", index=False)
    windows.write_bytes(("Laporan Keluhan Mei 2026\n" + body + "").encode("cp1252"))
    workbook = tmp_path / "book.xlsx"
    frame.to_excel(workbook, index=False)
    records = tmp_path / "array.json"
    records.write_text(frame.to_json(orient="records"), encoding="utf-8")
    expected = pd.read_parquet(tmp_path / "plain.parquet")
    for other in (windows, workbook, records):
        out = tmp_path / f"{other.stem}.parquet"
        summary = classify_file(other, out, id_col="ticket", model=toy_model)
        assert summary["rows"] == plain["rows"] == 6
        pd.testing.assert_frame_equal(pd.read_parquet(out), expected, check_dtype=False)


def test_unreadable_rows_are_listed_redacted_and_the_others_classified(
    toy_model, tmp_path, monkeypatch
):
    """A ragged row stopped the whole run (pandas, before, padded it silently)."""
    from voc.cli import app

    src = tmp_path / "ragged.csv"
    src.write_text(
        "text,channel\nkopi enak,app\npaket telat,WA 081234567890,extra\nrefund lama,web\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    summary = classify_file(src, out, model=toy_model)
    assert (summary["rows"], summary["rows_unreadable"]) == (2, 1)
    assert list(pd.read_csv(out)["text_redacted"]) == ["kopi enak", "refund lama"]
    listed = pd.read_csv(summary["unreadable_file"], encoding="utf-8-sig")
    assert listed.loc[0, ["line", "reason"]].tolist() == [3, "ragged_row"]
    assert "[PHONE]" in listed.loc[0, "raw_redacted"]
    assert "0812" not in Path(summary["unreadable_file"]).read_text(encoding="utf-8-sig")
    # a run over a repaired file removes the old list
    src.write_text("text,channel\nkopi enak,app\n", encoding="utf-8")
    assert classify_file(src, out, model=toy_model)["unreadable_file"] is None
    assert not unreadable_path(out).exists()
    # the CLI says so on stderr; the exit code stays 0 (the rows are listed, not lost)
    src.write_text("text,channel\nkopi enak,app\nx,y,z\n", encoding="utf-8")
    monkeypatch.setattr("voc.cli.classify._load_model", lambda taxonomy, version: toy_model)
    result = CliRunner().invoke(app, ["classify", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "1 row of ragged.csv could not be read" in result.stderr
    # a file none of whose rows can be read is an error
    src.write_text("a,b\n1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"None of the 2 rows of ragged.csv can be read"):
        classify_file(src, out, model=toy_model)


def test_a_broken_jsonl_line_is_listed_and_the_other_lines_classified(toy_model, tmp_path):
    """A broken JSONL line stopped the whole run (pandas.read_json) and lost every row."""
    src = tmp_path / "chat.jsonl"
    src.write_text(
        '{"id": 1, "text": "kopi enak"}\n'
        '{"id": 2, "text": "telpon 081234567890\n'
        "[1, 2]\n"
        '{"id": 3, "text": "refund lama", "meta": {"channel": "app"}}\n',
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    summary = classify_file(src, out, id_col="id", model=toy_model)
    assert (summary["rows"], summary["rows_unreadable"]) == (2, 2)
    result = pd.read_csv(out)
    assert list(result["text_redacted"]) == ["kopi enak", "refund lama"]
    assert list(result["feedback_id"]) == [1, 3]
    listed = pd.read_csv(summary["unreadable_file"], encoding="utf-8-sig")
    assert listed[["line", "reason"]].values.tolist() == [[2, "broken_json"], [3, "broken_json"]]
    assert "0812" not in Path(summary["unreadable_file"]).read_text(encoding="utf-8-sig")


def test_ids_holding_personal_data_are_written_as_the_stores_pseudonyms(
    toy_model, tmp_path, monkeypatch
):
    """A chat export keyed by the customer's phone number wrote the number into the output."""
    from voc.ingest.pipeline import pseudonymous_id
    from voc.store import get_engine
    from voc.store.settings import pseudonym_key

    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    src = tmp_path / "chats.csv"
    src.write_text(
        "chat_id,text\n0812-3456-7890,paket telat\nTKT-00123,refund lama\n"
        "0812-3456-7890,masih belum\nrina@example.com,makasih\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    classify_file(src, out, id_col="chat_id", model=toy_model)
    written = out.read_text(encoding="utf-8")
    assert "0812" not in written and "rina@" not in written
    key = pseudonym_key(get_engine(url))
    assert len(key) == 32
    phone, mail = (pseudonymous_id(v, key) for v in ("0812-3456-7890", "rina@example.com"))
    assert list(pd.read_csv(out)["feedback_id"]) == [phone, "TKT-00123", phone, mail]
    # a given key is used as it is, and ids without personal data never open a store
    assert pseudonymised_ids(["0812-3456-7890", "A-1"], b"k" * 32) == [
        pseudonymous_id("0812-3456-7890", b"k" * 32),
        "A-1",
    ]
    monkeypatch.setenv("VOC_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    assert pseudonymised_ids(["TKT-00123", "INV/2026/0512/1"]) == ["TKT-00123", "INV/2026/0512/1"]
    with pytest.raises(ConfigError, match="the store cannot be opened"):
        pseudonymised_ids(["0812-3456-7890"])


def test_headers_holding_pii_are_written_redacted(toy_model, tmp_path):
    """A survey tool's header named the agent's e-mail; the output carried it as it was."""
    src = tmp_path / "survey.csv"
    src.write_text(
        "text,Rating for rina@example.com,Email rina@example.com,channel\n"
        "paket telat,2,x@y.co,app\nmantap,5,z@y.co,web\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    summary = classify_file(src, out, model=toy_model)
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("Rating for [EMAIL],channel,feedback_id,")
    assert "rina@" not in out.read_text(encoding="utf-8")
    assert summary["columns_left_out"] == ["Email [EMAIL]"]  # named on stderr, redacted
    assert "x@y.co" not in out.read_text(encoding="utf-8")


def test_a_workbook_of_several_sheets_needs_one_named(toy_model, tmp_path):
    book = tmp_path / "two.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.DataFrame({"text": ["kopi enak"]}).to_excel(writer, sheet_name="Mei", index=False)
        pd.DataFrame({"text": ["paket telat"]}).to_excel(writer, sheet_name="Juni", index=False)
    with pytest.raises(InputFileError, match=r"holds 2 tables \(two.xlsx\[Mei\], two.xlsx") as e:
        classify_file(book, tmp_path / "o.parquet", model=toy_model)
    assert "--sheet NAME" in e.value.hint
    # one sheet named: that sheet is classified
    out = tmp_path / "juni.csv"
    assert classify_file(book, out, model=toy_model, sheet="Juni")["rows"] == 1
    assert list(pd.read_csv(out)["text_redacted"]) == ["paket telat"]
    with pytest.raises(InputFileError, match="has no sheet named 'Juli'"):
        classify_file(book, out, model=toy_model, sheet="Juli")


def test_an_output_folder_that_does_not_exist_is_a_clear_error(toy_model, tmp_path):
    src = _input(tmp_path, ".csv", n=3)
    with pytest.raises(InputFileError, match="the folder .*missing does not exist"):
        classify_file(src, tmp_path / "missing" / "out.parquet", model=toy_model)


def test_html_bodies_are_classified_as_their_words(toy_model, tmp_path):
    src = tmp_path / "bodies.csv"
    src.write_text('text\n"<p>kopi <b>enak</b></p>"\nkopi enak\n', encoding="utf-8")
    out = tmp_path / "o.csv"
    classify_file(src, out, model=toy_model)
    result = pd.read_csv(out)
    assert list(result["text_redacted"]) == ["kopi enak", "kopi enak"]
    assert result["feedback_id"].nunique() == 2  # ids still come from each row's own text


def test_columns_named_for_personal_data_are_left_out(toy_model, tmp_path, monkeypatch):
    """A help-desk export's requester e-mail and phone passed straight into the output."""
    from voc.cli import app

    src = tmp_path / "tickets.csv"
    src.write_text(
        "ticket,text,Requester Email,No HP,Nama,product_name,mail_sent_at\n"
        "t1,kopi enak,budi@example.com,081234567890,Budi,Kopi,2026-05-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "o.csv"
    summary = classify_file(src, out, id_col="ticket", model=toy_model)
    assert summary["columns_left_out"] == ["Requester Email", "No HP", "Nama"]
    result = pd.read_csv(out)
    assert {"product_name", "mail_sent_at"} <= set(result.columns)
    assert not {"Requester Email", "No HP", "Nama"} & set(result.columns)
    assert "budi@example.com" not in out.read_text(encoding="utf-8")
    kept = classify_file(src, out, id_col="ticket", model=toy_model, keep_columns=["Nama"])
    assert "Nama" in pd.read_csv(out).columns and "Nama" not in kept["columns_left_out"]
    monkeypatch.setattr("voc.cli.classify._load_model", lambda taxonomy, version: toy_model)
    run = CliRunner().invoke(app, ["classify", str(src), "-o", str(out), "--id-col", "ticket"])
    assert run.exit_code == 0, run.output
    assert "Left out of the output, as their names say they hold personal data: " in run.stderr
    assert "Requester Email, No HP, Nama (keep one with --keep-column NAME)" in run.stderr


@pytest.mark.parametrize(
    ("column", "personal"),
    [
        ("E-mail", True),
        ("email_pelanggan", True),
        ("No. HP", True),
        ("WhatsApp", True),
        ("Alamat Pengiriman", True),
        ("NIK", True),
        ("customer_name", True),
        ("product_name", False),
        ("Agent", False),
        ("mail_sent_at", False),
        ("Mobile App Version", False),
        ("channel", False),
    ],
)
def test_personal_columns_are_judged_by_name(column, personal):
    from voc.ingest.mapping import personal_columns

    assert (personal_columns([column]) == [column]) is personal


def test_xlsx_output_holds_the_same_results_as_parquet(toy_model, tmp_path):
    src = _input(tmp_path, ".csv", n=23)
    classify_file(src, tmp_path / "o.parquet", chunk_size=5, model=toy_model)
    classify_file(src, tmp_path / "o.xlsx", chunk_size=5, model=toy_model)
    expected = pd.read_parquet(tmp_path / "o.parquet")

    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "o.xlsx", read_only=True)
    assert book.sheetnames == ["summary", "results"]
    rows = list(book["results"].iter_rows(values_only=True))
    assert list(rows[0]) == list(expected.columns)
    got = pd.DataFrame(rows[1:], columns=rows[0])
    assert len(got) == len(expected) == 23
    for column in expected.columns:
        want = expected[column].tolist()
        have = got[column].tolist()
        if expected[column].dtype.kind == "f":
            assert have == pytest.approx(want), column
        else:
            blank = lambda v: None if v is None or v == "" or pd.isna(v) else v  # noqa: E731
            assert [blank(v) for v in have] == [blank(v) for v in want], column
    # the summary sheet counts the results rows
    summary = list(book["summary"].iter_rows(values_only=True))
    assert summary[0][:2] == ("comments", 23)
    assert summary[1][:2] == ("needs_review", int(expected["needs_review"].sum()))
    tables, current = {}, None
    for row in summary[2:]:
        if not row or row[0] is None:
            continue  # the blank row between the tables
        if row[0] in ("topic", "touchpoint", "sentiment") and row[1] == "comments":
            current = tables.setdefault(row[0], {})
        else:
            current[row[0]] = row[1:]
    for task in ("topic", "touchpoint", "sentiment"):
        want = expected[task].value_counts()
        assert {k: v[0] for k, v in tables[task].items()} == want.to_dict(), task
        assert sum(v[1] for v in tables[task].values()) == pytest.approx(1.0, abs=1e-3)
    for topic, row in tables["topic"].items():
        sentiments = expected.loc[expected["topic"] == topic, "sentiment"].value_counts()
        assert list(row[2:5]) == [int(sentiments.get(x, 0)) for x in
                                  ("negative", "neutral", "positive")]  # fmt: skip


def test_xlsx_cells_keep_text_as_text(toy_model, tmp_path, monkeypatch):
    import voc.streaming as streaming

    monkeypatch.setattr(streaming, "XLSX_SHEET_ROWS", 2)
    monkeypatch.setattr(streaming, "XLSX_CELL_CHARS", 40)
    texts = [
        '=HYPERLINK("http://example.invalid","klik") kurir telat',
        "paket\x0b rusak\x07 parah",
        "espresso " * 20,
        "+62 itu kode negara, latte enak",
        "courier lost my package",
    ]
    frame = pd.DataFrame({"ticket": [f"t{i}" for i in range(5)], "text": texts})
    src = _write(frame, tmp_path / "in.parquet")
    classify_file(src, tmp_path / "o.xlsx", model=toy_model)

    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "o.xlsx")
    assert book.sheetnames == ["summary", "results", "results (2)", "results (3)"]
    cells = []
    for sheet in book.worksheets[1:]:
        header = [c.value for c in sheet[1]]
        assert header[:2] == ["ticket", "feedback_id"] and sheet.freeze_panes == "A2"
        column = header.index("text_redacted")
        cells += [row[column] for row in sheet.iter_rows(min_row=2)]
    assert [c.data_type for c in cells] == ["s"] * 5  # no formula, though one starts with '='
    assert cells[0].value.startswith("=HYPERLINK(")
    assert cells[1].value == "paket rusak parah"  # control characters a workbook cannot hold
    assert len(cells[2].value) == 40  # cut to the cell limit
    assert cells[4].value == "courier lost my package"


def test_parquet_struct_fields_are_read_by_their_dotted_names(toy_model, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "ticket": ["t1", "t2"],
        "feedback": [{"text": "the espresso tastes burnt", "rating": 2},
                     {"text": "courier lost my package", "rating": 1}],
    })  # fmt: skip
    pq.write_table(table, tmp_path / "nested.parquet")
    classify_file(
        tmp_path / "nested.parquet", tmp_path / "o.csv", text_col="feedback.text",
        id_col="ticket", model=toy_model,
    )  # fmt: skip
    out = _read(tmp_path / "o.csv")
    assert out["text_redacted"].tolist() == ["the espresso tastes burnt", "courier lost my package"]
    assert out["feedback.rating"].tolist() == ["2", "1"]


def test_xlsx_output_writes_any_passed_through_value(toy_model, tmp_path):
    """A workbook holds no time zones or lists: such cells were an error after classifying."""
    import datetime as dt

    from openpyxl import load_workbook

    frame = pd.DataFrame({
        "ticket": ["t1", "t2"],
        "text": ["the espresso tastes burnt", "courier lost my package"],
        "created_at": pd.to_datetime(["2026-03-02 08:45", "2026-03-03 09:00"]).tz_localize(
            "Asia/Jakarta"),
        "day": [dt.date(2026, 3, 2), dt.date(2026, 3, 3)],
        "tags": [["kopi"], ["kurir", "hilang"]],
        "score": [4.5, None],
    })  # fmt: skip
    src = _write(frame, tmp_path / "in.parquet")
    classify_file(src, tmp_path / "o.xlsx", model=toy_model)
    sheet = load_workbook(tmp_path / "o.xlsx")["results"]
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert first["created_at"] == "2026-03-02T08:45:00+07:00"
    assert first["day"] == dt.datetime(2026, 3, 2)  # a date cell
    assert first["tags"] == '["kopi"]'
    assert first["score"] == 4.5
    second = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert second["tags"] == '["kurir", "hilang"]' and second["score"] is None


def test_csv_output_writes_list_columns_as_json(toy_model, tmp_path):
    frame = pd.DataFrame({"text": ["the espresso tastes burnt", "courier lost my package"],
                          "tags": [["kopi"], ["kurir", "hilang"]]})  # fmt: skip
    src = _write(frame, tmp_path / "in.parquet")
    classify_file(src, tmp_path / "o.csv", model=toy_model)
    out = _read(tmp_path / "o.csv")
    assert [json.loads(v) for v in out["tags"]] == [["kopi"], ["kurir", "hilang"]]


def test_cli_guesses_the_text_column_as_voc_ingest_does(toy_model, tmp_path, monkeypatch):
    """Without --text-col only a column named 'text' was read: 'komentar' was an error."""
    from voc.cli import app
    from voc.cli import classify as cli_classify
    from voc.store import dispose_engine, get_engine, read_feedback

    monkeypatch.setattr(cli_classify, "_load_model", lambda taxonomy, version: toy_model)
    komentar = ["the espresso tastes burnt", "courier lost my package"]
    frame = pd.DataFrame({"no_tiket": ["k1", "k2"], "komentar": komentar})
    src = _write(frame, tmp_path / "ulasan.csv")
    out = tmp_path / "o.csv"
    result = CliRunner().invoke(app, ["classify", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "Text column: 'komentar' (guessed; choose another with --text-col)." in result.output
    assert _read(out)["text_redacted"].tolist() == frame["komentar"].tolist()
    # an explicit choice is taken as it is
    result = CliRunner().invoke(app, ["classify", str(src), "-o", str(out), "--text-col", "nope"])
    assert isinstance(result.exception, ColumnMappingError)
    # --to-store lets the ingest guess
    url = f"sqlite:///{tmp_path / 'voc.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    result = CliRunner().invoke(app, ["classify", str(src), "--to-store", "-q"])
    assert result.exit_code == 0, result.output
    try:
        assert sorted(read_feedback(get_engine(url))["text_redacted"]) == sorted(frame["komentar"])
    finally:
        dispose_engine(url)

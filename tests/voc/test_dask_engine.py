import sys
import types

import pandas as pd
import pytest

from voc.dask_engine import classify_dask
from voc.errors import ColumnMappingError, ConfigError, InputFileError

COMMENTS = [
    "aplikasi sering error saat login, tolong diperbaiki",
    "kurir datang terlambat dua hari",
    "CS sangat ramah dan cepat membantu, terima kasih",
    "the app crashes every time I try to pay",
    "refund took two weeks, terrible experience",
    "harga naik terus tanpa pemberitahuan",
    "great service at the branch today",
    "saldo terpotong dua kali, hubungi saya di 0812-1111-2222",
    "",
]


def _input(tmp_path, n=200, broken=False, phone_ids=False):
    rows = [
        {
            # a chat export keyed by the customer's phone number, now and then
            "id": f"0812-3456-7{i:03d}" if phone_ids and i % 25 == 0 else f"r{i:03d}",
            "text": COMMENTS[i % len(COMMENTS)] + (f" (order {i})" if i % 2 else ""),
            "channel": ["app", "email"][i % 2],
        }
        for i in range(n)
    ]
    if broken:  # quoted line breaks, which a byte-range split of the file would cut
        for row in rows[::7]:
            row["text"] += ',\n"masih" belum\n\nselesai'
    path = tmp_path / "small.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    if broken:  # and one ragged row
        with path.open("a", encoding="utf-8") as handle:
            handle.write("r999,paket rusak,app,extra field\n")
    return path


@pytest.mark.parametrize(
    ("name", "kwargs", "error", "match"),
    [
        ("notes.docx", {}, InputFileError, "is not a CSV"),
        ("empty.csv", {}, InputFileError, "no rows to classify"),
        ("small.csv", {"output": "out.csv"}, ConfigError, "writes a parquet folder"),
        ("small.csv", {"text_col": "comment"}, ColumnMappingError, "Column 'comment' not found"),
        ("small.csv", {"workers": 0}, ConfigError, "positive integer"),
        ("absent.csv", {}, InputFileError, "does not exist"),
    ],
)
def test_bad_arguments_fail_before_starting_a_cluster(tmp_path, name, kwargs, error, match):
    _input(tmp_path, n=5)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not a table")
    (tmp_path / "empty.csv").write_text("id,text\n")
    output = tmp_path / kwargs.pop("output", "out")
    with pytest.raises(error, match=match):
        classify_dask(tmp_path / name, output, **kwargs)
    assert not (tmp_path / "out.staging").exists()  # staged partitions are removed


@pytest.mark.slow
def test_dask_equals_local_engine_on_two_worker_processes(tmp_path, monkeypatch):
    from distributed import LocalCluster

    from voc.streaming import classify_file, load_model

    # Spawned worker processes re-run the parent's __main__ file. Streamlit's AppTest (run
    # earlier in the same session) leaves __main__ pointing at a temporary page script, so
    # give the workers a clean, file-less __main__.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path / "cache"))
    # ids holding a phone number become the store's pseudonyms, on the workers too
    monkeypatch.setenv("VOC_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    src = _input(tmp_path, broken=True, phone_ids=True)
    local = tmp_path / "local.parquet"
    classify_file(src, local, id_col="id", chunk_size=64, model=load_model())
    # the workers get their own, empty cache: equal results must not rely on shared vectors
    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path / "worker-cache"))
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        summary = classify_dask(
            src,
            tmp_path / "dask_out",
            id_col="id",
            scheduler=cluster.scheduler_address,
            partition_rows=20,
        )
        from distributed import Client

        with Client(cluster) as client:  # each 1-thread worker ran a 1-thread encoder
            threads = client.run(lambda: __import__("os").environ.get("VOC_ENCODER_THREADS"))
    assert sorted(threads.values()) == ["1", "1"]
    assert summary["rows"] == 200 and summary["partitions"] >= 2
    assert not (tmp_path / "dask_out.staging").exists()
    # the ragged row is listed as the local engine lists it, not a reason to stop the job
    assert summary["rows_unreadable"] == 1
    listed = pd.read_csv(summary["unreadable_file"])
    assert listed.equals(pd.read_csv(tmp_path / "local.parquet.unreadable.csv"))
    assert listed["reason"].tolist() == ["ragged_row"]
    a = pd.read_parquet(local).sort_values("feedback_id").reset_index(drop=True)
    b = pd.read_parquet(tmp_path / "dask_out").sort_values("feedback_id").reset_index(drop=True)
    assert list(a.columns) == list(b.columns)
    floats = ["sentiment_score", "topic_confidence", "touchpoint_confidence"]
    pd.testing.assert_frame_equal(a.drop(columns=floats), b.drop(columns=floats))
    pd.testing.assert_frame_equal(a[floats], b[floats], check_exact=False, atol=2e-4)
    assert not b["text_redacted"].str.contains("0812").any()
    assert not b["feedback_id"].str.contains("0812").any()
    assert b["feedback_id"].str.startswith("pid_").sum() == 8


def test_a_parquet_input_with_struct_columns_is_staged_with_their_fields(tmp_path):
    import shutil

    import pyarrow as pa
    import pyarrow.parquet as pq

    from voc.dask_engine import _read

    flat = tmp_path / "flat.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["kurir telat"]}), flat)
    ddf, staging, _ = _read(flat, tmp_path / "out_flat", 10)
    assert staging is None and list(ddf.columns) == ["id", "text"]  # read in place

    nested = tmp_path / "nested.parquet"
    table = pa.table({"id": ["a", "b"], "feedback": [{"text": "kurir telat", "rating": 2},
                                                     {"text": "mantap", "rating": 5}]})  # fmt: skip
    pq.write_table(table, nested)
    ddf, staging, unreadable = _read(nested, tmp_path / "out", 10)
    try:
        assert staging is not None and unreadable == []
        assert list(ddf.columns) == ["id", "feedback.text", "feedback.rating"]
        staged = pd.read_parquet(staging)  # what the workers read (dask's own compute warns)
        assert staged["feedback.text"].tolist() == ["kurir telat", "mantap"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)

"""PII redaction in worker processes (voc.pii.parallel): same output, safe fallbacks."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from voc.errors import ConfigError
from voc.pii import parallel
from voc.pii.component import redact_batch

PII_DIR = Path(__file__).resolve().parents[1] / "data" / "pii"


def _texts(n: int) -> list[str]:
    texts = []
    for path in sorted(PII_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
        if len(texts) >= n:
            break
    assert len(texts) >= n
    return texts[:n]


@pytest.fixture
def fresh_pool():
    parallel.shutdown()
    yield
    parallel.shutdown()


@pytest.fixture
def eager_pool(fresh_pool, monkeypatch):
    """A pool that starts at the first batch of PARALLEL_MIN_TEXTS (keeps the tests small)."""
    monkeypatch.setattr(parallel, "POOL_START_TEXTS", parallel.PARALLEL_MIN_TEXTS)


def test_workers_give_the_same_texts_and_spans_in_order(eager_pool):
    texts = _texts(parallel.PARALLEL_MIN_TEXTS + 237)
    alone = redact_batch(texts)
    together = redact_batch(texts, n_process=2)
    assert parallel._pool is not None  # the batch really went to the workers
    assert together == alone
    assert sum(bool(r.spans) for r in together) > 100  # the sample holds PII to find


def test_small_batches_stay_in_the_calling_process(fresh_pool):
    texts = _texts(10)
    assert redact_batch(texts, n_process=2) == redact_batch(texts)
    assert parallel._pool is None


def test_the_pool_starts_only_once_enough_texts_were_asked_of_it(fresh_pool, monkeypatch):
    monkeypatch.setattr(parallel, "POOL_START_TEXTS", 3 * parallel.PARALLEL_MIN_TEXTS)
    texts = _texts(parallel.PARALLEL_MIN_TEXTS)
    expected = redact_batch(texts)
    for _ in range(2):  # 1,000 and 2,000 texts asked: start-up would not pay off yet
        assert redact_batch(texts, n_process=2) == expected
        assert parallel._pool is None
    assert redact_batch(texts, n_process=2) == expected  # 3,000: the pool starts
    assert parallel._pool is not None and parallel._pool[0] == 2
    assert parallel._asked == 0
    assert redact_batch(texts, n_process=2) == expected  # and keeps serving
    parallel.shutdown()  # a stopped pool starts counting again
    assert redact_batch(texts, n_process=2) == expected
    assert parallel._pool is None and parallel._asked == parallel.PARALLEL_MIN_TEXTS


def test_one_big_first_batch_starts_the_pool_at_once(fresh_pool, monkeypatch):
    monkeypatch.setattr(parallel, "POOL_START_TEXTS", 2 * parallel.PARALLEL_MIN_TEXTS)
    texts = _texts(2 * parallel.PARALLEL_MIN_TEXTS)
    assert redact_batch(texts, n_process=2) == redact_batch(texts)
    assert parallel._pool is not None


def test_start_workers_starts_the_pool_now(fresh_pool):
    parallel.start_workers(2)
    assert parallel._pool is not None and parallel._pool[0] == 2
    texts = _texts(parallel.PARALLEL_MIN_TEXTS)
    assert redact_batch(texts, n_process=2) == redact_batch(texts)
    for bad in (1, 0, True, "2"):
        with pytest.raises(ConfigError, match="2 or more"):
            parallel.start_workers(bad)


@pytest.mark.parametrize("bad", [0, -1, True, 1.5, "2"])
def test_n_process_must_be_a_positive_integer(bad):
    with pytest.raises(ConfigError, match="n_process"):
        redact_batch(["Halo"], n_process=bad)


def test_workers_from_the_environment(monkeypatch):
    monkeypatch.delenv(parallel.WORKERS_ENV, raising=False)
    assert parallel.default_workers() == min(parallel.usable_cores(), 4) >= 1
    monkeypatch.setattr(parallel, "usable_cores", lambda: 64)
    assert parallel.default_workers() == parallel.MAX_DEFAULT_WORKERS == 4
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.default_workers() == 3
    for bad in ("0", "two", "-2"):
        monkeypatch.setenv(parallel.WORKERS_ENV, bad)
        with pytest.raises(ConfigError, match=parallel.WORKERS_ENV):
            parallel.default_workers()


def test_one_worker_is_plain_redact_batch():
    assert parallel.batch_redactor(1) is redact_batch
    with pytest.raises(ConfigError):
        parallel.batch_redactor(0)


def test_a_killed_worker_loses_no_text_and_logs_none(eager_pool, caplog):
    texts = _texts(parallel.PARALLEL_MIN_TEXTS)
    expected = redact_batch(texts)
    assert redact_batch(texts, n_process=2) == expected  # the pool is up
    for process in list(parallel._pool[1]._processes.values()):
        process.kill()  # as the out-of-memory killer would
        process.join()
    with caplog.at_level(logging.WARNING, logger="voc.pii.parallel"):
        got = redact_batch(texts, n_process=2)
    assert got == expected
    assert parallel._pool is None  # the broken pool was dropped
    assert "worker process stopped" in caplog.text
    assert not any(text[:20] in caplog.text for text in texts if len(text) >= 20)


def test_a_pool_that_cannot_start_loses_no_text(eager_pool, monkeypatch, caplog):
    def no_memory(n_process):
        raise OSError(12, "Cannot allocate memory")

    texts = _texts(parallel.PARALLEL_MIN_TEXTS)
    monkeypatch.setattr(parallel, "_executor", no_memory)
    with caplog.at_level(logging.WARNING, logger="voc.pii.parallel"):
        assert redact_batch(texts, n_process=2) == redact_batch(texts)
    assert "could not start (OSError)" in caplog.text


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path, eager_pool):
    from voc.ingest import ingest_file
    from voc.store import get_engine

    texts = _texts(parallel.PARALLEL_MIN_TEXTS + 50)
    import pandas as pd

    source = tmp_path / "feedback.csv"
    pd.DataFrame({"ticket_id": range(len(texts)), "komentar": texts}).to_csv(source, index=False)
    stored = {}
    for workers in (1, 2):
        engine = get_engine(f"sqlite:///{tmp_path / f'w{workers}.db'}")
        summary = ingest_file(source, engine=engine, redactor=parallel.batch_redactor(workers))
        assert summary.invariant_ok
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT feedback_id, text_redacted FROM feedback ORDER BY feedback_id"
            ).fetchall()
        stored[workers] = (summary.loaded, summary.pii_counts, rows)
        assert (parallel._pool is not None) == (workers == 2)
    assert stored[2] == stored[1]
    assert stored[1][0] > parallel.PARALLEL_MIN_TEXTS


def test_ingest_values_stay_here_and_do_not_start_the_pool(tmp_path, fresh_pool, monkeypatch):
    # 1,050 texts, then 1,050 distinct customer ids (e-mail addresses): the texts alone are
    # below the start mark, and the short values must not tip the count over it.
    import pandas as pd

    from voc.ingest import ingest_file
    from voc.store import get_engine

    monkeypatch.setattr(parallel, "POOL_START_TEXTS", 1_500)
    texts = _texts(parallel.PARALLEL_MIN_TEXTS + 50)
    ids = [f"pelanggan{i}@contoh.co.id" for i in range(len(texts))]
    source = tmp_path / "feedback.csv"
    frame = pd.DataFrame({"ticket_id": range(len(texts)), "customer_id": ids, "komentar": texts})
    frame.to_csv(source, index=False)
    engine = get_engine(f"sqlite:///{tmp_path / 'store.db'}")
    summary = ingest_file(source, engine=engine, redactor=parallel.batch_redactor(2))
    assert summary.invariant_ok and summary.loaded == len(texts)
    assert summary.pii_counts["EMAIL"] >= len(ids)
    assert parallel._pool is None and parallel._asked == len(texts)


def test_in_process_form_of_a_redactor():
    assert parallel.in_process(parallel.batch_redactor(2)) is redact_batch
    assert parallel.in_process(redact_batch) is redact_batch

    def custom(texts):
        return redact_batch(texts)

    assert parallel.in_process(custom) is custom


def test_cli_redact_with_workers_writes_what_one_process_writes(tmp_path, eager_pool):
    from typer.testing import CliRunner

    from voc.cli import app

    texts = [t.replace("\n", " ") for t in _texts(parallel.PARALLEL_MIN_TEXTS + 20)]
    source = tmp_path / "in.txt"
    source.write_text("\n".join(texts) + "\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        result = CliRunner().invoke(app, ["redact", str(source), "--json", "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
        assert (parallel._pool is not None) == (workers == "2")
    assert outputs[1] == outputs[0]
    assert len(outputs[0].splitlines()) == len(texts)


@pytest.mark.parametrize(
    "command", [["redact", "--workers", "0"], ["ingest", "x.csv", "--pii-workers", "0"]]
)
def test_cli_refuses_zero_workers(command):
    from typer.testing import CliRunner

    from voc.cli import app

    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    flat = " ".join(result.output.replace("│", " ").split())
    assert "greater than or equal to 1" in flat and command[-2] in flat


def test_workers_never_run_the_callers_main_module(eager_pool, tmp_path, monkeypatch):
    # Streamlit's test runner once left __main__ pointing at a script that fails when re-run;
    # spawn/forkserver children re-run __main__ first, and every worker died.
    import sys
    import types

    script = tmp_path / "host_script.py"
    script.write_text("raise SystemExit('the workers must not run this')\n", encoding="utf-8")
    host = types.ModuleType("__main__")
    host.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", host)
    texts = _texts(parallel.PARALLEL_MIN_TEXTS)
    assert redact_batch(texts, n_process=2) == redact_batch(texts)
    assert parallel._pool is not None  # no fallback: the workers did the work
    assert sys.modules["__main__"] is host


def test_two_threads_hiding_main_at_once_restore_it():
    # Unlocked, the second thread saved the first one's bare module and restored it last.
    import sys
    import threading
    import time

    original = sys.modules["__main__"]

    def second() -> None:
        with parallel._bare_main():
            time.sleep(0.4)  # still inside when the first thread leaves

    with parallel._bare_main():
        other = threading.Thread(target=second)
        other.start()
        time.sleep(0.2)  # the second thread tries to swap while the first holds the swap
    other.join()
    assert sys.modules["__main__"] is original

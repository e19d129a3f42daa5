"""The ``make bench`` runner: partial re-runs, exit status and the PASS/FAIL summary."""

from __future__ import annotations

import json
import sys
import types

import pytest

import benchmarks.__main__ as runner


def _fake(name: str, monkeypatch, *, passed: bool = True, error: bool = False) -> None:
    module = types.ModuleType(f"benchmarks.{name}")

    def run(quick: bool = False) -> dict:
        if error:
            raise RuntimeError("disk full")
        return {"value": 1, "checks": [{"target": f"{name} fast", "passed": passed}]}

    module.run = run
    monkeypatch.setitem(sys.modules, f"benchmarks.{name}", module)


@pytest.fixture
def two_benches(monkeypatch):
    monkeypatch.setattr(runner, "MODULES", ("bench_a", "bench_b"))
    monkeypatch.setattr(runner, "_machine", lambda: {"cpus": 2})


def test_full_run_writes_every_benchmark(two_benches, monkeypatch, tmp_path, capsys):
    _fake("bench_a", monkeypatch)
    _fake("bench_b", monkeypatch, passed=False)
    out = tmp_path / "results.json"
    assert runner.main(["--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert set(data["benchmarks"]) == {"bench_a", "bench_b"}
    printed = capsys.readouterr().out
    assert "PASS  [bench_a] bench_a fast" in printed
    assert "FAIL  [bench_b] bench_b fast" in printed
    assert "1 target(s) met, 1 not met, 0 benchmark(s) did not run" in printed


def test_strict_fails_on_a_missed_target(two_benches, monkeypatch, tmp_path):
    _fake("bench_a", monkeypatch)
    _fake("bench_b", monkeypatch, passed=False)
    assert runner.main(["--strict", "--out", str(tmp_path / "r.json")]) == 1


def test_a_benchmark_that_cannot_run_fails_the_run(two_benches, monkeypatch, tmp_path, capsys):
    _fake("bench_a", monkeypatch)
    _fake("bench_b", monkeypatch, error=True)
    assert runner.main(["--out", str(tmp_path / "r.json")]) == 1
    assert "ERROR [bench_b] did not run: RuntimeError: disk full" in capsys.readouterr().out


def test_partial_run_keeps_the_other_entries(two_benches, monkeypatch, tmp_path, capsys):
    out = tmp_path / "results.json"
    _fake("bench_a", monkeypatch)
    _fake("bench_b", monkeypatch)
    runner.main(["--out", str(out)])
    first = json.loads(out.read_text())
    capsys.readouterr()

    _fake("bench_a", monkeypatch, passed=False)
    assert runner.main(["bench_a", "--out", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["benchmarks"]["bench_b"] == first["benchmarks"]["bench_b"]
    assert data["benchmarks"]["bench_a"]["checks"][0]["passed"] is False
    assert data["started"] == first["started"] and "updated" in data
    printed = capsys.readouterr().out
    assert "[bench_b] bench_b fast (kept from " in printed
    assert "[bench_a] bench_a fast\n" in printed


def test_quick_run_does_not_merge_into_a_full_results_file(two_benches, monkeypatch, tmp_path):
    out = tmp_path / "results.json"
    _fake("bench_a", monkeypatch)
    _fake("bench_b", monkeypatch)
    runner.main(["--out", str(out)])
    runner.main(["bench_a", "--quick", "--out", str(out)])
    data = json.loads(out.read_text())
    assert data["quick"] is True and set(data["benchmarks"]) == {"bench_a"}


def test_unknown_benchmark_name_is_refused(two_benches, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        runner.main(["bench_nope", "--out", str(tmp_path / "r.json")])
    assert exc.value.code == 2
    assert "unknown benchmark(s) bench_nope" in capsys.readouterr().err

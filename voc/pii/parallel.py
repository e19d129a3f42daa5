"""Redaction spread over worker processes (one per CPU core), for ingests of many rows.

The redactor is pure Python and holds the GIL, so threads do not help; processes do. The
pool is started once per process and kept (each worker loads the pipeline once, about
300 MB and a few seconds, and renews it every 50,000 texts like any process, see
:func:`voc.pii.component.redact_here`), then reused by every later batch, e.g. every ingest
chunk.
Workers come from a ``forkserver``: a small, fresh server process that imports the
redactor once and forks each worker from itself. Forking the calling process directly was
tried first and failed with ``ENOMEM`` in a test process whose loaded models had given it
about 500 GB of virtual address space (Linux refuses to fork that much), and it copies the
caller's threads' locks. A ``spawn``/``forkserver`` child normally re-runs the caller's
``__main__`` module first, which breaks scripts without a ``__main__`` guard and hosts that
swap ``__main__`` (Streamlit's test runner did, and killed every worker); the workers are
started with a bare ``__main__`` in place, so they import only this package. Batches below
:data:`PARALLEL_MIN_TEXTS` stay in the calling process: for them the hand-off costs more
than it saves.

Starting the pool costs about two seconds before the first result (the forkserver and every
worker load the pipeline), which an ingest of a few thousand rows never earns back. So no pool
is started until the texts asked of the workers, added up over calls, reach
:data:`POOL_START_TEXTS` (the rent-or-buy rule: redact here until the time spent would have
paid for the start-up): an ingest's first full 20,000-row chunk starts it at once, a file of
5,000 rows is redacted here, and ``voc redact``'s small chunks run here until 20,000 lines have
gone by. :func:`start_workers` starts the pool straight away. Once the pool runs, every batch of
:data:`PARALLEL_MIN_TEXTS` or more goes to it.

Texts and results cross the process boundary; nothing is logged. If a worker dies, or the
pool cannot start, the pool is dropped and the batch is redacted in the calling process, so
no row is lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import types
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial

from voc.errors import ConfigError
from voc.pii.types import Redaction

__all__ = [
    "MAX_DEFAULT_WORKERS",
    "PARALLEL_MIN_TEXTS",
    "WORKERS_ENV",
    "batch_redactor",
    "default_workers",
    "in_process",
    "POOL_START_TEXTS",
    "redact_in_workers",
    "shutdown",
    "start_workers",
    "usable_cores",
]

WORKERS_ENV = "VOC_PII_WORKERS"
# Fewer texts than this are redacted in the calling process.
PARALLEL_MIN_TEXTS = 1_000
# No pool is started before this many texts have been asked of it (see the module docstring).
# Measured on the 2-core machine (2026-11-28, `voc ingest` of the first N sample rows, whole
# command, 3 alternating runs each): without a pool 6.5-6.7 s for 10,000 rows, 8.0-8.4 s for
# 15,000, 9.7-9.9 s for 20,000; with two workers 7.5-8.0, 9.0-9.1 and 9.7-10.1 s. The pool
# pays off from about 20,000 texts (from bench_pii's rates, about 14,000 for its longer texts).
POOL_START_TEXTS = 20_000
# The default never starts more workers than this (each holds about 300 MB).
MAX_DEFAULT_WORKERS = 4
_log = logging.getLogger(__name__)
_pool_lock = threading.Lock()
_pool: tuple[int, ProcessPoolExecutor] | None = None
# Texts asked of the workers while no pool of that size ran (reset when a pool starts or stops).
_asked = 0


def usable_cores() -> int:
    """The CPU cores this process may run on (its affinity mask where the OS has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not Linux
        return max(os.cpu_count() or 1, 1)


def default_workers() -> int:
    """Worker processes for ingest redaction: ``VOC_PII_WORKERS``, else one per usable core.

    The default is capped at :data:`MAX_DEFAULT_WORKERS`; ``VOC_PII_WORKERS`` is not.

    Raises:
        ConfigError: ``VOC_PII_WORKERS`` is set but is not a positive integer.
    """
    raw = os.environ.get(WORKERS_ENV, "").strip()
    if not raw:
        return min(usable_cores(), MAX_DEFAULT_WORKERS)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ConfigError(
            f"{WORKERS_ENV} must be a positive integer (worker processes), got {raw!r}.",
            hint=f"Unset {WORKERS_ENV} to use one worker per CPU core, or set it to 1.",
        )
    return value


def batch_redactor(workers: int | None = None) -> Callable[[list[str]], list[Redaction]]:
    """``redact_batch`` bound to ``workers`` processes (default: :func:`default_workers`).

    Raises:
        ConfigError: ``workers`` is not a positive integer.
    """
    from voc.pii.component import redact_batch

    n = default_workers() if workers is None else workers
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ConfigError(f"PII workers must be a positive integer, got {n!r}.")
    return redact_batch if n == 1 else partial(redact_batch, n_process=n)


def in_process(redactor: Callable[[list[str]], list[Redaction]]):
    """The one-process form of a redactor made by :func:`batch_redactor`; others as they are.

    For batches of short values (an ingest's distinct channel names and customer ids): they
    redact in well under a second here, and sent to workers they would count towards
    starting a pool that the texts alone may not need.
    """
    from voc.pii.component import redact_batch

    if isinstance(redactor, partial) and redactor.func is redact_batch:
        return redact_batch
    return redactor


def _warm() -> None:
    from voc.pii.component import _default_pipeline

    _default_pipeline()


def _redact_chunk(texts: list[str], batch_size: int) -> list[tuple[str, tuple]]:
    from voc.pii.component import redact_here

    return [(r.text, r.spans) for r in redact_here(texts, batch_size)]


# Held while ``__main__`` is swapped: two threads swapping at once could leave the bare module
# in place for good (the second saves the first's bare module and restores it last).
_main_lock = threading.RLock()


@contextmanager
def _bare_main() -> Iterator[None]:
    """Hide the caller's ``__main__`` while workers start, so they never re-run it."""
    with _main_lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")  # no __file__, no __spec__
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main


def _executor(n_process: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is not None and _pool[0] != n_process:
            _pool[1].shutdown(wait=True, cancel_futures=True)
            _pool = None
        if _pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in methods else "spawn"
            )
            if "forkserver" in methods:
                context.set_forkserver_preload(["voc.pii.component"])
            _pool = (
                n_process,
                ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_warm),
            )
        return _pool[1]


def shutdown() -> None:
    """Stop the worker processes (they also stop when this process exits)."""
    global _pool, _asked
    with _pool_lock:
        _asked = 0
        if _pool is not None:
            _pool[1].shutdown(wait=True, cancel_futures=True)
            _pool = None


def start_workers(n_process: int) -> None:
    """Start ``n_process`` worker processes now instead of at :data:`POOL_START_TEXTS`.

    For callers that know a long run is coming (the throughput benchmark). The workers load
    the pipeline as they start; the first batch sent to them waits for that.

    Raises:
        ConfigError: ``n_process`` is not an integer of 2 or more.
    """
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 2:
        raise ConfigError(f"start_workers needs 2 or more processes, got {n_process!r}.")
    with _bare_main():
        _executor(n_process)


def _pool_pays_off(n_process: int, n_texts: int) -> bool:
    """Whether a batch of ``n_texts`` goes to the pool (counting it towards starting one)."""
    global _asked
    with _pool_lock:
        if _pool is not None and _pool[0] == n_process:
            return True
        _asked += n_texts
        if _asked < POOL_START_TEXTS:
            return False
        _asked = 0
        return True


def redact_in_workers(texts: Sequence[str], n_process: int, batch_size: int) -> list[Redaction]:
    """Redact checked ``texts`` in ``n_process`` worker processes, results in input order.

    Until a pool runs and the texts asked of it reach :data:`POOL_START_TEXTS`, the texts
    are redacted in this process instead (same results).
    """
    from voc.pii.component import redact_here

    if not _pool_pays_off(n_process, len(texts)):
        return redact_here(texts, batch_size)
    # Several pieces per worker even out texts of unequal length.
    pieces = n_process * 4
    size = max(-(-len(texts) // pieces), 1)
    chunks = [list(texts[i : i + size]) for i in range(0, len(texts), size)]
    try:
        with _bare_main():  # workers (and the forkserver) start while the tasks are queued
            results = _executor(n_process).map(_redact_chunk, chunks, [batch_size] * len(chunks))
        done = list(results)
    except (BrokenProcessPool, OSError) as exc:
        _log.warning(
            "A PII redaction worker process stopped or could not start (%s); redacting this "
            "batch of %d texts in the main process instead.",
            type(exc).__name__,
            len(texts),
        )
        shutdown()
        return redact_here(texts, batch_size)
    return [Redaction(text=text, spans=spans) for part in done for text, spans in part]

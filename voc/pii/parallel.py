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
    "redact_in_workers",
    "shutdown",
    "usable_cores",
]

WORKERS_ENV = "VOC_PII_WORKERS"
# Fewer texts than this are redacted in the calling process.
PARALLEL_MIN_TEXTS = 1_000
# The default never starts more workers than this (each holds about 300 MB).
MAX_DEFAULT_WORKERS = 4
_log = logging.getLogger(__name__)
_pool_lock = threading.Lock()
_pool: tuple[int, ProcessPoolExecutor] | None = None


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


def _warm() -> None:
    from voc.pii.component import _default_pipeline

    _default_pipeline()


def _redact_chunk(texts: list[str], batch_size: int) -> list[tuple[str, tuple]]:
    from voc.pii.component import redact_here

    return [(r.text, r.spans) for r in redact_here(texts, batch_size)]


@contextmanager
def _bare_main() -> Iterator[None]:
    """Hide the caller's ``__main__`` while workers start, so they never re-run it."""
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
    global _pool
    with _pool_lock:
        if _pool is not None:
            _pool[1].shutdown(wait=True, cancel_futures=True)
            _pool = None


def redact_in_workers(texts: Sequence[str], n_process: int, batch_size: int) -> list[Redaction]:
    """Redact checked ``texts`` in ``n_process`` worker processes, results in input order."""
    from voc.pii.component import redact_here

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

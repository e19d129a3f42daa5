"""On-disk embedding cache shared across runs and processes (SQLite in WAL mode).

Keys are a 128-bit BLAKE2b digest of ``model id``, ``kind`` and the text as the encoder
saw it, so the same text embedded by two different encoders never collides. Writers use
``INSERT OR IGNORE`` inside short transactions; SQLite's WAL journal lets readers and
writers of several processes work on the same file at once.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from voc.errors import ModelError
from voc.sqlite_wal import ensure_wal

__all__ = ["EmbeddingCache", "cache_key"]

_DB_NAME = "embeddings-v1.sqlite3"
_MMAP_BYTES = 256 * 2**20
_OPEN_TIMEOUT_S = 60.0
_CHUNK = 500  # keys per SELECT ... IN (...), below SQLite's variable limit


def cache_key(model_id: str, kind: str, text: str) -> bytes:
    """Return the 16-byte cache key of ``text`` embedded by ``model_id`` as ``kind``."""
    h = hashlib.blake2b(digest_size=16)
    h.update(model_id.encode("utf-8"))
    h.update(b"\x1f")
    h.update(kind.encode("utf-8"))
    h.update(b"\x1f")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.digest()


class EmbeddingCache:
    """A key -> float32 vector store in one SQLite file.

    Args:
        directory: Folder of the database file (created if missing). Defaults to
            :func:`voc.embed.paths.cache_dir`.

    Attributes:
        hits: Vectors served from the cache since creation.
        misses: Keys looked up and not found since creation.
    """

    def __init__(self, directory: str | Path | None = None) -> None:
        if directory is None:
            from voc.embed.paths import cache_dir

            directory = cache_dir()
        self.directory = Path(directory)
        self.path = self.directory / _DB_NAME
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._pid = -1

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.directory)!r})"

    @property
    def hit_rate(self) -> float:
        """Share of looked-up keys that were found (0.0 before any lookup)."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0

    def _connect(self) -> sqlite3.Connection:
        # A connection must not cross a fork: reopen in a child process.
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            conn = self._open_configured()
        except sqlite3.Error as exc:
            raise ModelError(
                f"The embedding cache at {self.path} cannot be opened: {exc}.",
                hint="Set VOC_CACHE_DIR to a writable folder, or pass cache=False.",
            ) from exc
        self._conn, self._pid = conn, os.getpid()
        return conn

    def _open_configured(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=_OPEN_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        try:
            # Large pages keep each 1.5 KB vector on one page, and reads go through mmap:
            # measured 2.4x faster hits than the defaults (see docs/ENCODER.md).
            conn.execute("PRAGMA page_size=16384")  # only takes effect on a new file
            ensure_wal(conn, _OPEN_TIMEOUT_S)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS embeddings ("
                "key BLOB PRIMARY KEY, dim INTEGER NOT NULL, vec BLOB NOT NULL)"
            )
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def get_many(self, keys: Sequence[bytes], dim: int) -> dict[bytes, np.ndarray]:
        """Return the cached vectors among ``keys`` (missing keys are simply absent).

        Args:
            keys: Cache keys from :func:`cache_key`.
            dim: Expected vector length; rows of another length are ignored.
        """
        found: dict[bytes, np.ndarray] = {}
        if not keys:
            return found
        with self._lock:
            conn = self._connect()
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT key, dim, vec FROM embeddings WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, row_dim, vec in rows:
                    if row_dim == dim:
                        found[key] = np.frombuffer(vec, dtype=np.float32)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        """Store ``(key, vector)`` pairs; keys already present are left untouched."""
        rows = [
            (key, int(vec.shape[0]), np.ascontiguousarray(vec, dtype=np.float32).tobytes())
            for key, vec in items
        ]
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(
                    "INSERT OR IGNORE INTO embeddings (key, dim, vec) VALUES (?, ?, ?)", rows
                )
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def __len__(self) -> int:
        with self._lock:
            return self._connect().execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]

    def clear(self) -> None:
        """Delete every cached vector."""
        with self._lock:
            self._connect().execute("DELETE FROM embeddings")

    def close(self) -> None:
        """Close the database connection (reopened on next use)."""
        with self._lock:
            if self._conn is not None and self._pid == os.getpid():
                self._conn.close()
            self._conn = None

"""Switch a SQLite connection to WAL mode safely when several processes open one file.

Switching a new file to WAL needs an exclusive lock, and SQLite answers "database is
locked" at once (without calling its busy handler) when another process is creating or
switching the same file at that moment. WAL is persistent, so the switch is only tried
when the file is not in WAL mode yet, and retried with a back-off while it is busy.
"""

from __future__ import annotations

import sqlite3
import time

__all__ = ["ensure_wal"]


def ensure_wal(conn: sqlite3.Connection, timeout_s: float = 60.0) -> None:
    """Put ``conn``'s database in WAL mode, retrying on a lock for up to ``timeout_s``.

    Raises:
        sqlite3.OperationalError: the file stayed locked for ``timeout_s``, or another error.
    """
    deadline = time.monotonic() + timeout_s
    delay = 0.01
    while True:
        cursor = conn.cursor()
        try:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if ("locked" not in text and "busy" not in text) or time.monotonic() >= deadline:
                raise
        finally:
            cursor.close()
        time.sleep(delay)
        delay = min(delay * 2, 0.5)

"""Several processes opening one fresh SQLite store at once all get a migrated database."""

import textwrap
import time

import sqlalchemy as sa

from tests.processes import run_python_processes

_OPENER = textwrap.dedent(
    """
    import sys, time
    import sqlalchemy as sa
    from voc.store.engine import get_engine
    start_at = float(sys.argv[2])
    while time.time() < start_at:
        pass
    engine = get_engine(f"sqlite:///{sys.argv[1]}")
    with engine.connect() as conn:
        print(conn.execute(sa.text("PRAGMA journal_mode")).scalar())
    """
)


def test_processes_opening_a_fresh_sqlite_store_at_once_all_succeed(tmp_path):
    # Without the migration lock, 57 of 90 such opens failed with "table ... already
    # exists" (15 rounds of 6 processes); the WAL switch could also fail as "locked".
    db = tmp_path / "voc.db"
    start_at = str(time.time() + 2.0)
    for returncode, out, err in run_python_processes(_OPENER, [[str(db), start_at]] * 6):
        assert returncode == 0, err[-2000:]
        assert out.strip() == "wal"
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
        tables = set(sa.inspect(conn).get_table_names())
    engine.dispose()
    assert len(versions) == 1
    assert {"feedback", "ingest_runs", "quarantine"} <= tables

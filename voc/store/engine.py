"""Database engines and schema migrations: SQLite by default, PostgreSQL via ``VOC_DATABASE_URL``.

The schema is managed by the Alembic migrations shipped in ``voc/store/migrations``; they are
applied in code (no ``alembic.ini`` needed) the first time an engine is handed out.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from pathlib import Path

import filelock
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from voc.errors import StoreError
from voc.sqlite_wal import ensure_wal

__all__ = [
    "DATABASE_URL_ENV",
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "default_database_url",
    "dispose_engine",
    "get_engine",
    "head_revision",
    "init_db",
    "shipped_head",
]

DATABASE_URL_ENV = "VOC_DATABASE_URL"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_ENGINES: dict[str, Engine] = {}
_LOCK_KEY = 0x766F6373746F7265  # "vocstore": advisory lock held while migrating PostgreSQL
_LOCK = threading.Lock()
_SQLITE_TIMEOUT_S = 30.0
_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"[\"']([^\"']+)[\"']")


def _project_root() -> Path:
    """Return the checkout root (the folder with pyproject.toml), else the working directory."""
    candidate = Path(__file__).resolve().parents[2]
    return candidate if (candidate / "pyproject.toml").exists() else Path.cwd()


def default_database_url() -> str:
    """Return ``VOC_DATABASE_URL`` when set, else the SQLite file ``var/voc.db`` of the project."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    return f"sqlite:///{_project_root() / 'var' / 'voc.db'}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    ensure_wal(dbapi_connection, _SQLITE_TIMEOUT_S)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA cache_size=-32000")  # KiB; the OS page cache holds the rest
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _create_engine(url: str) -> Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StoreError(
            f"The database URL {url!r} is not a valid SQLAlchemy URL.",
            hint="Use sqlite:///path/to/voc.db or postgresql+psycopg://user@host:5432/db.",
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": _SQLITE_TIMEOUT_S})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(parsed, pool_pre_ping=True)
    raise StoreError(
        f"The database URL {parsed.render_as_string(hide_password=True)!r} names the "
        f"unsupported backend {backend!r}.",
        hint="Use a sqlite:/// or postgresql+psycopg:// URL.",
    )


def get_engine(url: str | None = None, *, migrate: bool = True) -> Engine:
    """Return the (cached) engine for ``url``, migrated to the newest schema on first use.

    Args:
        url: SQLAlchemy URL; ``None`` means :func:`default_database_url`.
        migrate: Apply the Alembic migrations when the engine is first created.

    Raises:
        StoreError: The URL is invalid, or the database cannot be reached or migrated.
    """
    url = url or default_database_url()
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = _create_engine(url)
            if migrate:
                init_db(engine)
            _ENGINES[url] = engine
    return engine


def dispose_engine(url: str | None = None) -> None:
    """Close and forget the cached engine of ``url`` (all cached engines when ``None``)."""
    with _LOCK:
        keys = list(_ENGINES) if url is None else [url]
        for key in keys:
            engine = _ENGINES.pop(key, None)
            if engine is not None:
                engine.dispose()


def alembic_config(connection: sa.Connection | None = None):
    """Build the Alembic ``Config`` of the shipped migrations in code.

    Args:
        connection: Connection the migrations run on (put in ``config.attributes``).
    """
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """Return the newest migration revision shipped with the package."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Return the migration revision the database is at (``None`` for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def shipped_head() -> str | None:
    """The newest shipped revision, read from the migration files without importing Alembic.

    Returns ``None`` when the files do not name exactly one head (then ask Alembic).
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revision = _REVISION.search(text)
        if revision is None:
            return None
        revisions.add(revision.group(1))
        down = _DOWN_REVISION.search(text)
        if down is not None:
            parents.update(_QUOTED.findall(down.group(1)))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stamped_revision(engine: Engine) -> str | None:
    """The revision in the database's ``alembic_version`` table (``None`` if none or several)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    return rows[0][0] if len(rows) == 1 else None


@contextlib.contextmanager
def _sqlite_migration_lock(engine: Engine):
    """Hold a lock file beside a SQLite database file while it is migrated.

    SQLite has no advisory locks and pysqlite runs DDL outside a transaction, so two
    processes opening a fresh file at once (the app and an ingest, two Dask workers)
    would both create the tables; the second would fail with "table already exists".
    Other databases (PostgreSQL: an advisory lock) and in-memory SQLite need nothing here.
    """
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        yield
        return
    lock = filelock.FileLock(f"{database}.migrate.lock", timeout=_SQLITE_TIMEOUT_S * 4)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise StoreError(
            f"Another process has been migrating {database} for over "
            f"{_SQLITE_TIMEOUT_S * 4:.0f} s.",
            hint=f"Wait for it to finish, or delete {database}.migrate.lock if none runs.",
        ) from exc
    try:
        yield
    finally:
        lock.release()


def init_db(engine: Engine) -> None:
    """Upgrade the database of ``engine`` to the newest schema (a no-op when already there).

    A database already at the shipped head is recognised with one query, without importing
    Alembic (which with its templating and highlighting libraries takes a few tenths of a
    second: every app and CLI process opens the store once).

    Raises:
        StoreError: The database cannot be reached or a migration fails.
    """
    safe_url = engine.url.render_as_string(hide_password=True)
    try:
        head = shipped_head()
        if head is not None and _stamped_revision(engine) == head:
            return
        with _sqlite_migration_lock(engine):
            from alembic import command

            head = head_revision()
            if current_revision(engine) == head:
                return
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    # Two processes opening a fresh database at once migrate in turn.
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
                command.upgrade(alembic_config(conn), "head")
    except sa.exc.OperationalError as exc:
        raise StoreError(
            f"Cannot open the database {safe_url}: {exc.orig}.",
            hint=f"Check {DATABASE_URL_ENV} or that the database server is running.",
        ) from exc
    except sa.exc.SQLAlchemyError as exc:
        raise StoreError(
            f"Migrating the database {safe_url} failed: {exc}.",
            hint="Restore a backup or point VOC_DATABASE_URL at a fresh database.",
        ) from exc

"""Shared fixtures: a store per test on SQLite and on a real PostgreSQL server.

``db_url`` is parametrised: ``sqlite`` (a file in ``tmp_path``) and ``postgres`` (a fresh
schema on the server named by ``VOC_TEST_POSTGRES_URL``; ``make test`` starts one with
scripts/pg_test_server.sh). Without that variable the postgres param skips, except under
``CI=true``, where it fails. Use ``db_engine`` for a migrated engine on that URL.
"""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES_ENV = "VOC_TEST_POSTGRES_URL"


def postgres_base_url() -> str:
    """Return ``VOC_TEST_POSTGRES_URL``; skip the test without it, or fail under ``CI=true``."""
    base_url = os.environ.get(POSTGRES_ENV, "").strip()
    if not base_url:
        message = (
            f"{POSTGRES_ENV} is not set: start a server with "
            "`scripts/pg_test_server.sh start` (make test does) and export its URL."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return base_url


def _postgres_schema(base_url: str):
    """Create a throwaway schema on the server of ``base_url``; return (url, drop callback).

    The returned URL puts the schema first on the ``search_path``, so migrations and queries
    of the test see only it. A schema is created in milliseconds, a database in about 1 s.
    """
    import sqlalchemy as sa

    base = sa.engine.make_url(base_url)
    name = f"voc_t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')

    def drop() -> None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        admin.dispose()

    url = base.update_query_dict({"options": f"-csearch_path={name}"})
    return url.render_as_string(hide_password=False), drop


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A SQLAlchemy URL of an empty database, once on SQLite and once on PostgreSQL."""
    from voc.store import dispose_engine

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'voc.db'}"
        yield url
        dispose_engine(url)
        return
    url, drop = _postgres_schema(postgres_base_url())
    yield url
    dispose_engine(url)
    drop()


@pytest.fixture
def db_engine(db_url):
    """A migrated engine on ``db_url``."""
    from voc.store import get_engine

    return get_engine(db_url)


class StubRedaction:
    """Stand-in for ``voc.pii.Redaction`` (text, spans, counts) used by ingest tests."""

    def __init__(self, text: str, counts: dict[str, int]) -> None:
        self.text = text
        self.spans = ()
        self.counts = counts


def stub_redact_batch(texts):
    """Redact e-mail addresses and runs of 10+ digits; enough to test the ingest plumbing."""
    import re

    patterns = (
        ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
        ("NUMBER", re.compile(r"\+?\d(?:[ \-]?\d){9,}")),
    )
    out = []
    for text in texts:
        counts: dict[str, int] = {}
        for kind, pattern in patterns:
            text, n = pattern.subn(f"[{kind}]", text)
            if n:
                counts[kind] = n
        out.append(StubRedaction(text, counts))
    return out


def stub_detect_languages(texts):
    """Call every text Indonesian; the ingest tests do not test language detection."""
    return ["id"] * len(texts)


@pytest.fixture
def stub_stages():
    """Keyword arguments that give ``ingest_file`` the stub redactor and language detector."""
    return {"redactor": stub_redact_batch, "language_detector": stub_detect_languages}

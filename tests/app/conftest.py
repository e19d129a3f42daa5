"""Fixtures for the app tests: one temp store with a sample subset and truth predictions."""

from __future__ import annotations

import pytest

from tests.app.helpers import build_sample_store


@pytest.fixture(scope="session")
def sample_store_url(tmp_path_factory) -> str:
    """SQLite URL of a store with every 6th sample row and predictions from truth.csv."""
    return build_sample_store(tmp_path_factory.mktemp("app_store"))


@pytest.fixture
def app_env(sample_store_url, monkeypatch, tmp_path) -> str:
    """Point the app at the sample store (and its legacy review CSV at a file that is absent)."""
    monkeypatch.setenv("VOC_DATABASE_URL", sample_store_url)
    monkeypatch.setenv("VOC_REVIEW_EXAMPLES", str(tmp_path / "review.csv"))
    return sample_store_url


@pytest.fixture(scope="session")
def postgres_store_url(tmp_path_factory):
    """The same sample store in a fresh schema of the test PostgreSQL server."""
    from tests.conftest import _postgres_schema, postgres_base_url
    from voc.store import dispose_engine

    url, drop = _postgres_schema(postgres_base_url())
    build_sample_store(tmp_path_factory.mktemp("app_store_pg"), url=url)
    yield url
    dispose_engine(url)
    drop()

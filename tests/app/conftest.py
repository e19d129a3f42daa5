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

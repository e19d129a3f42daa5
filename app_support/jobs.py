"""Long jobs the Data page starts: ingest an uploaded file, classify the pending comments."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from app_support import data

__all__ = [
    "classifier",
    "classify_pending",
    "current_version",
    "save_upload",
    "version_counts",
]

_CHUNK = 512


@st.cache_resource(show_spinner=False)
def classifier():
    """The newest shipped classifier (``voc.classify.load_classifier``), loaded once."""
    from voc.classify import load_classifier

    return load_classifier(data.taxonomy())


def current_version() -> str:
    """The model version the app classifies with (the newest shipped), without loading it."""
    from voc.classify.model import available_versions, model_version_of

    name = data.taxonomy().name
    versions = available_versions(name)
    return model_version_of(name, versions[-1]) if versions else ""


def version_counts(url: str) -> dict[str | None, int]:
    """Stored comments per model version of their current prediction (``None``: none yet)."""
    from voc.store import current_model_versions

    return current_model_versions(data.engine(url))


def classify_pending(
    url: str, on_progress: Callable[[int, int], None] | None = None, *, stale: bool = False
) -> int:
    """Classify every stored comment without a prediction and store the predictions.

    With ``stale`` also those whose current prediction comes from another model version
    (an older model, older text rules: ``voc reclassify``). Runs
    ``voc.pipeline.classify_store`` with the app's classifier, in small batches so the page
    can show progress.

    Args:
        url: The store.
        on_progress: Called with (done, total) after each batch.
        stale: Also re-classify comments another model version classified.

    Returns:
        The number of comments classified.
    """
    from voc.pipeline import classify_store

    redo = "stale" if stale else "unclassified"
    done = classify_store(
        data.engine(url), classifier(), batch_size=_CHUNK, redo=redo, on_progress=on_progress
    )
    if done:
        data.invalidate()
    return done


def save_upload(upload, directory: Path) -> Path:
    """Write an uploaded file to ``directory`` under its own (base) name; return the table.

    A gzip file or a ZIP archive of one table is unpacked there too, and the table's path is
    returned (``voc.ingest.archives.unpack_to``).
    """
    from voc.ingest.archives import unpack_to

    path = Path(directory) / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    return unpack_to(path, directory)

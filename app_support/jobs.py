"""Long jobs the Data page starts: ingest an uploaded file, classify the pending comments."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from app_support import data

__all__ = ["classify_pending", "classifier", "pending_count", "save_upload"]

_CHUNK = 512


@st.cache_resource(show_spinner=False)
def classifier():
    """The newest shipped classifier (``voc.classify.load_classifier``), loaded once."""
    from voc.classify import load_classifier

    return load_classifier(data.taxonomy())


def pending_count(url: str) -> int:
    """Comments in the store without a prediction."""
    from voc.store import read_feedback

    return len(read_feedback(data.engine(url), unclassified_only=True))


def classify_pending(url: str, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Classify every stored comment that has no prediction yet and store the predictions.

    The same steps as ``voc.pipeline.classify_store`` (read the unclassified rows, predict
    with aspects, write the predictions), chunk by chunk so the page can show progress.

    Args:
        url: The store.
        on_progress: Called with (done, total) after each chunk.

    Returns:
        The number of comments classified.
    """
    import pandas as pd

    from voc.store import read_feedback, write_predictions

    engine = data.engine(url)
    pending = read_feedback(engine, unclassified_only=True)
    total = len(pending)
    if not total:
        return 0
    model = classifier()
    for start in range(0, total, _CHUNK):
        part = pending.iloc[start : start + _CHUNK]
        predicted = model.predict(part["text_redacted"].fillna("").tolist(), aspects=True)
        predicted = predicted.reset_index(drop=True)
        predicted.insert(0, "feedback_id", part["feedback_id"].to_numpy())
        write_predictions(engine, pd.DataFrame(predicted))
        if on_progress is not None:
            on_progress(min(start + _CHUNK, total), total)
    data.invalidate()
    return total


def save_upload(upload, directory: Path) -> Path:
    """Write an uploaded file to ``directory`` under its own (base) name; return the table.

    A gzip file or a ZIP archive of one table is unpacked there too, and the table's path is
    returned (``voc.ingest.archives.unpack_to``).
    """
    from voc.ingest.archives import unpack_to

    path = Path(directory) / Path(upload.name).name
    path.write_bytes(upload.getvalue())
    return unpack_to(path, directory)

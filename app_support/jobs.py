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
    "pending_count",
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


def pending_count(url: str) -> int:
    """Comments in the store without a prediction."""
    return version_counts(url).get(None, 0)


def version_counts(url: str) -> dict[str | None, int]:
    """Stored comments per model version of their current prediction (``None``: none yet)."""
    from voc.store import current_model_versions

    return current_model_versions(data.engine(url))


def classify_pending(
    url: str, on_progress: Callable[[int, int], None] | None = None, *, stale: bool = False
) -> int:
    """Classify every stored comment without a prediction and store the predictions.

    With ``stale`` also those whose current prediction comes from another model version
    (an older model, older text rules: ``voc reclassify``). The same steps as
    ``voc.pipeline.classify_store`` (read the rows, predict with aspects, write the
    predictions), chunk by chunk so the page can show progress.

    Args:
        url: The store.
        on_progress: Called with (done, total) after each chunk.
        stale: Also re-classify comments another model version classified.

    Returns:
        The number of comments classified.
    """
    import pandas as pd

    from voc.store import count_to_classify, iter_texts_to_classify, write_predictions

    engine = data.engine(url)
    model = classifier()
    redo = "stale" if stale else "unclassified"
    total = count_to_classify(engine, redo, model.model_version)
    if not total:
        return 0
    done = 0
    pages = iter_texts_to_classify(engine, redo, model.model_version, batch_size=_CHUNK)
    for ids, texts in pages:
        predicted = model.predict(texts, aspects=True).reset_index(drop=True)
        predicted.insert(0, "feedback_id", ids)
        done += write_predictions(engine, pd.DataFrame(predicted))
        if on_progress is not None:
            on_progress(min(done, total), total)
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

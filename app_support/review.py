"""Analyst corrections of low-confidence comments, kept in the store as training examples.

The corrections live in the store's ``review_corrections`` table (``voc.store``); the text of
an example is the comment's redacted text. A CSV written by earlier app versions
(``var/review_examples.csv`` or ``$VOC_REVIEW_EXAMPLES``) is imported into the store once and
renamed ``*.imported``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from app_support import data

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["legacy_csv_path", "next_version", "read_corrections", "save_correction"]

_ENV = "VOC_REVIEW_EXAMPLES"


def legacy_csv_path() -> Path:
    """Where earlier app versions kept corrections: ``$VOC_REVIEW_EXAMPLES`` or var/."""
    default = Path(__file__).resolve().parents[1] / "var" / "review_examples.csv"
    return Path(os.environ.get(_ENV) or default)


@st.cache_resource(show_spinner=False)
def _import_legacy_csv(url: str) -> int:
    """Move the corrections of a legacy CSV into the store (once per store and process)."""
    from voc.store import import_corrections_csv

    path = legacy_csv_path()
    if not path.is_file():
        return 0
    stored = import_corrections_csv(data.engine(url), path)
    path.rename(path.with_name(path.name + ".imported"))
    return stored


def read_corrections(url: str) -> pd.DataFrame:
    """The newest correction of every corrected comment (``voc.store.read_corrections``)."""
    from voc.store import read_corrections as read

    _import_legacy_csv(url)
    return read(data.engine(url))


def save_correction(url: str, record: dict) -> None:
    """Store one correction (keys ``feedback_id``, ``topics``, ``touchpoint``, ...).

    Args:
        url: The store.
        record: ``feedback_id``, ``topics``, ``touchpoint``, ``sentiment``, ``corrected_by``.
    """
    from voc.store import add_correction

    _import_legacy_csv(url)
    add_correction(
        data.engine(url),
        record["feedback_id"],
        topics=record["topics"],
        touchpoint=record["touchpoint"],
        sentiment=record["sentiment"],
        corrected_by=record["corrected_by"],
    )


def next_version(versions: list[str]) -> str:
    """The version after the newest ``vN`` (``v1`` when there is none)."""
    numbers = [int(v[1:]) for v in versions if v[:1] == "v" and v[1:].isdigit()]
    return f"v{max(numbers, default=0) + 1}"

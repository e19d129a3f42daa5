"""Analyst corrections of low-confidence comments, kept as training examples (CSV under var/).

The store has no table for them yet (a migration in ``voc/store`` would be the better home);
the CSV holds only redacted text and labels.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "examples_path", "next_version", "read_corrections", "save_correction"]

COLUMNS = ("feedback_id", "text", "topics", "touchpoint", "sentiment", "corrected_by")
_ENV = "VOC_REVIEW_EXAMPLES"


def examples_path() -> Path:
    """Where corrections live: ``$VOC_REVIEW_EXAMPLES`` or ``var/review_examples.csv``."""
    default = Path(__file__).resolve().parents[1] / "var" / "review_examples.csv"
    return Path(os.environ.get(_ENV) or default)


def read_corrections() -> pd.DataFrame:
    """Every saved correction (the last one per feedback id wins)."""
    import pandas as pd

    path = examples_path()
    if not path.exists():
        return pd.DataFrame(columns=list(COLUMNS))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.drop_duplicates("feedback_id", keep="last").reset_index(drop=True)


def save_correction(record: dict) -> None:
    """Append one correction (keys of ``COLUMNS``; ``text`` must be the redacted text)."""
    import pandas as pd

    path = examples_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    row = pd.DataFrame([{c: record.get(c, "") for c in COLUMNS}])
    row.to_csv(path, mode="a", header=not path.exists(), index=False)


def next_version(versions: list[str]) -> str:
    """The version after the newest ``vN`` (``v1`` when there is none)."""
    numbers = [int(v[1:]) for v in versions if v[:1] == "v" and v[1:].isdigit()]
    return f"v{max(numbers, default=0) + 1}"

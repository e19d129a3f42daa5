"""The app's data layer: windows cut from the whole-store frame equal the store's own query."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(2026, 3, 1), dt.date(2026, 5, 1)),
        (dt.date(2026, 6, 1), None),
        (None, dt.date(2026, 2, 9)),
        (dt.date(2026, 6, 30), dt.date(2026, 7, 1)),
        (dt.date(2027, 1, 1), None),
    ],
)
def test_slice_matches_the_store_query(sample_store_url, start, end):
    from app_support.data import _slice
    from voc.store import get_engine, read_feedback

    engine = get_engine(sample_store_url)
    whole = read_feedback(engine, classified_only=True)
    expected = read_feedback(engine, start=start, end=end, classified_only=True)
    cut = _slice(whole, start, end)
    assert len(cut) < len(whole)
    if expected.empty:  # the store returns an untyped empty frame
        assert cut.empty and list(cut.columns) == list(expected.columns)
    else:
        pd.testing.assert_frame_equal(cut, expected)

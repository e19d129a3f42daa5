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
    from voc.store import get_engine, read_frame

    engine = get_engine(sample_store_url)
    whole = read_frame(engine)
    expected = read_frame(engine, start=start, end=end)
    cut = _slice(whole, start, end)
    assert len(cut) < len(whole)
    # the same rows in the same order with the same dtypes; a window's categoricals keep the
    # whole store's categories, so compare the labels, not the category lists
    pd.testing.assert_frame_equal(cut, expected, check_categorical=False)
    for column in expected.select_dtypes("category"):
        assert list(cut[column].astype("str")) == list(expected[column].astype("str"))


def test_extra_columns_line_up_with_the_analysis_frame(sample_store_url):
    from app_support import data
    from voc.store import get_engine, read_feedback

    start, end = dt.date(2026, 3, 1), dt.date(2026, 5, 1)
    frame = data.with_columns(sample_store_url, start, end, data.EXPLORER_COLUMNS)
    assert (
        frame["feedback_id"].tolist()
        == data.classified(sample_store_url, start, end)["feedback_id"].tolist()
    )
    full = read_feedback(get_engine(sample_store_url), start=start, end=end)
    full = full.set_index("feedback_id").loc[frame["feedback_id"]]
    for column in data.EXPLORER_COLUMNS:
        assert frame[column].astype("str").tolist() == full[column].astype("str").tolist()
    # a prepared frame with more columns has the same rows and, with the review flags, them
    plain = data.prepared(sample_store_url, start, end)
    more = data.prepared(sample_store_url, start, end, (*data.TEXT_COLUMNS, "needs_review"))
    assert "text_redacted" in more.frame and "text_redacted" not in plain.frame
    assert plain.needs_review is None and more.needs_review.sum() > 0
    assert (more.mention_row == plain.mention_row).all() and more.n_rows == len(frame)

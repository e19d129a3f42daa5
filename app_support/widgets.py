"""Small widgets shared by the pages: period picker, data gate, KPI tile formatting."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import streamlit as st

from app_support import data
from app_support.i18n import labeller, t

if TYPE_CHECKING:
    from journey.periods import Period

__all__ = ["fmt", "period_picker", "require_periods"]


def require_periods(url: str, kind: str = "month") -> list[str]:
    """Periods with classified data; shows the empty state and stops the page when none."""
    periods = data.available_periods(url, kind)
    if not periods:
        st.info(t("empty.no_data"))
        st.stop()
    return periods


def period_picker(url: str, key: str) -> Period:
    """Pick a period kind and a period (newest first); returns the parsed period."""
    from journey.periods import parse_period

    left, right = st.columns(2)
    kind = left.selectbox(
        t("period.kind"),
        data.PERIOD_KINDS,
        format_func=labeller("period.kind"),
        key=f"{key}_kind",
    )
    periods = require_periods(url, kind)
    label = right.selectbox(t("period.pick"), periods, key=f"{key}_period")
    period = parse_period(label)
    st.caption(t("period.previous", period=period.previous().label))
    return period


def fmt(value: float | None, digits: int = 1, scale: float = 1.0) -> str:
    """Format a KPI value; NaN and None show as a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value / scale:,.{digits}f}"


def delta(current: float | None, previous: float | None, digits: int = 1, scale: float = 1.0):
    """Difference for ``st.metric`` (``None`` when either side is missing)."""
    bad = [v for v in (current, previous) if v is None or (isinstance(v, float) and math.isnan(v))]
    if bad:
        return None
    return f"{(current - previous) / scale:+,.{digits}f}"

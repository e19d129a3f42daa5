"""Overview: KPI tiles against the previous period and the three dashboard sections."""

from __future__ import annotations

import streamlit as st

from app_support import dashboard, data
from app_support.guard import run_page
from app_support.i18n import current_lang, label, t
from app_support.widgets import delta, fmt, period_picker

# (catalogue key, KPI column, scale to display unit, digits)
#: (label key, KPI column, scale, digits, delta colour): a lower FRT is better ("inverse"),
#: volume and AHT are neither better up nor down ("off"; PRODUCT.md's AHT guardrail).
_TILES = (
    ("kpi.volume", "volume", 1.0, 0, "off"),
    ("kpi.csat", "csat_percent", 1.0, 1, "normal"),
    ("kpi.net_sentiment", "net_sentiment", 1.0, 1, "normal"),
    ("kpi.nps", "nps", 1.0, 1, "normal"),
    ("kpi.frt", "frt_median_seconds", 60.0, 1, "inverse"),
    ("kpi.aht", "aht_seconds", 60.0, 1, "off"),
    ("kpi.fcr", "fcr_percent", 1.0, 1, "normal"),
)


def _bar(table, column: str, scale: float, title: str, kind: str, top: int | None = None):
    import plotly.graph_objects as go  # plotly.express costs ~10x more per figure

    if table.empty or table[column].isna().all():
        st.caption(t("overview.not_present", column=column))
        return
    values = (table[column] / scale).dropna().sort_values(ascending=False)
    if top:
        values = values.head(top)
    names = [label(kind, i) for i in values.index]
    fig = go.Figure(go.Bar(x=values.to_numpy(), y=names, orientation="h"))
    fig.update_layout(
        title=title, height=max(240, 24 * len(names) + 80), xaxis_title="", yaxis_title=""
    )
    fig.update_yaxes(autorange="reversed")
    st.plotly_chart(fig, width="stretch")


def _heatmap(prepared, period) -> None:
    import plotly.graph_objects as go

    grid = dashboard.busy_hours(prepared, period)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=list(range(24)),
            y=[label("weekday", d) for d in range(7)],
            colorscale="Blues",
            colorbar={"title": {"text": t("col.volume")}},
        )
    )
    fig.update_layout(
        title=t("overview.heatmap"), xaxis_title=t("col.hour"), yaxis_title=t("col.weekday")
    )
    fig.update_yaxes(autorange="reversed")  # Monday on top, as the image was drawn
    st.plotly_chart(fig, width="stretch")


def _top10(url: str, period) -> None:
    from journey import issue_title

    st.subheader(t("overview.top10"))
    result = data.ranked(url, period.label, data.effort_overrides(url))
    top = result.top(10)
    if top.empty:
        st.info(t("effort.none"))
        return
    taxonomy, lang = data.taxonomy(), current_lang()
    weekly = result.table.weekly.to_numpy()
    rows = [
        {
            t("col.rank"): int(row["rank"]),
            t("col.issue"): issue_title(row["topic"], row["touchpoint"], taxonomy, lang),
            t("col.owner"): label("department", row["owner"]),
            t("col.quadrant"): label("quadrant", row["quadrant"]),
            # the rank follows the priority: impact discounted by effort (PRIORITISATION.md)
            t("col.priority"): round(float(row["priority"]), 1),
            t("col.impact"): round(float(row["impact"]), 1),
            t("col.effort"): float(row["effort"]),
            # negative mentions per week, the last 12 weeks (the evidence's sparkline)
            t("overview.trend"): [int(n) for n in weekly[int(row["issue_index"])][-12:]],
        }
        for _, row in top.iterrows()
    ]
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        column_config={t("overview.trend"): st.column_config.LineChartColumn(t("overview.trend"))},
    )


def render() -> None:
    """Draw the page."""
    st.title(t("overview.title"))
    url = data.database_url()
    versions = data.mixed_model_versions(url)
    if versions:  # an older model's labels beside the newer's: charts mix them
        listed = ", ".join(f"{v}: {n:,}" for v, n in versions.items())
        st.warning(t("overview.mixed_versions", versions=listed))
    period = period_picker(url, "overview")
    start, end = data.analysis_window(period)
    prepared = data.prepared(url, start, end)
    if not prepared.mask(period).any():
        st.info(t("empty.no_period_rows", period=period.label))
        return
    kpis = dashboard.overall_kpis(prepared, period)
    current, previous = kpis["current"], kpis["previous"]
    shown = [tile for tile in _TILES if current.get(tile[1]) == current.get(tile[1])]
    columns = st.columns(len(shown))
    for column, (key, kpi, scale, digits, colour) in zip(columns, shown, strict=True):
        column.metric(
            t(key),
            fmt(current[kpi], digits, scale),
            delta(current[kpi], previous.get(kpi), digits, scale),
            delta_color=colour,
            help=t(key.replace("kpi.", "kpi.help.")),
        )

    st.header(t("overview.speed"))
    left, right = st.columns(2)
    with left:
        by_channel = dashboard.kpis_by(prepared, period, "channel")
        _bar(by_channel, "frt_median_seconds", 60.0, t("overview.frt_channel"), "channel")
    with right:
        _heatmap(prepared, period)

    st.header(t("overview.quality"))
    left, right = st.columns(2)
    by_topic = dashboard.kpis_by_topic(prepared, period)
    with left:
        _bar(by_topic, "csat_percent", 1.0, t("overview.csat_topic"), "topic")
    with right:
        _bar(by_channel, "fcr_percent", 1.0, t("overview.fcr_channel"), "channel")
    _top10(url, period)

    st.header(t("overview.efficiency"))
    left, right = st.columns(2)
    with left:
        _bar(by_topic, "aht_seconds", 60.0, t("overview.aht_topic"), "topic")
    with right:
        by_agent = dashboard.kpis_by(prepared, period, "agent_id")
        _bar(by_agent, "aht_seconds", 60.0, t("overview.aht_agent"), "agent", top=15)


run_page(render)

"""Explorer: filter comments, read verbatims with highlighted phrases, trend, download."""

from __future__ import annotations

import html

import streamlit as st

from app_support import dashboard, data
from app_support.guard import run_page
from app_support.i18n import date_ticks, label, labeller, short_date, t
from app_support.verbatim import highlight

_SHOWN = 200
# (filter key, column, label key, kind for display names)
_FILTERS = (
    ("channel", "channel", "col.channel", "channel"),
    ("lang", "lang", "col.lang", "lang"),
    ("topic", "topic", "col.topic", "topic"),
    ("touchpoint", "touchpoint", "col.touchpoint", "touchpoint"),
    ("sentiment", "sentiment", "col.sentiment", "sentiment"),
    ("customer_segment", "customer_segment", "col.segment", "segment"),
    ("product_line", "product_line", "col.product_line", "product_line"),
    ("region", "region", "col.region", "region"),
)


def _options(frame, column: str) -> list[str]:
    if column == "topic":
        return [tid for tid in data.taxonomy().topic_ids]
    return sorted(str(v) for v in frame[column].dropna().unique())


#: Line colours of the weekly trend: negative red, positive green, volume neutral blue.
_TREND = (("volume", "#3b6ea8"), ("negative", "#d62728"), ("positive", "#2ca02c"))


def _trend(weekly, days: list[int]):
    """Weekly volume, negative and positive lines; cut weeks at either end dotted."""
    import plotly.graph_objects as go

    weeks = list(weekly["week"])
    cut = [d < 7 for d in days]
    hover = [
        short_date(w) + (f" ({t('explorer.week_days', days=d)})" if d < 7 else "")
        for w, d in zip(weeks, days, strict=True)
    ]
    fig = go.Figure()
    for column, colour in _TREND:
        name = t("col.volume") if column == "volume" else label("sentiment", column)
        y = weekly[column].tolist()
        solid = [None if c else v for v, c in zip(y, cut, strict=True)]
        # a cut week, joined by a dotted line to its complete neighbour
        dotted = [
            v if c or any(0 <= j < len(y) and cut[j] for j in (i - 1, i + 1)) else None
            for i, (v, c) in enumerate(zip(y, cut, strict=True))
        ]
        style = {"customdata": hover, "hovertemplate": "%{customdata}: %{y:,}"}
        fig.add_scatter(x=weeks, y=solid, name=name, mode="lines", line={"color": colour}, **style)
        if any(cut):
            fig.add_scatter(
                x=weeks,
                y=dotted,
                name=name,
                mode="lines+markers",
                line={"color": colour, "dash": "dot"},
                showlegend=False,
                **style,
            )
    # Plotly names months in English: the ticks and hover labels say them in the UI language
    tickvals, ticktext = date_ticks(weeks)
    fig.update_xaxes(tickvals=tickvals, ticktext=ticktext)
    fig.update_layout(title=t("explorer.trend"), yaxis_title=t("col.volume"))
    return fig


def render() -> None:
    """Draw the page."""
    from voc.spreadsheet import spreadsheet_csv

    st.title(t("explorer.title"))
    url = data.database_url()
    frame = data.with_columns(url, None, None, data.EXPLORER_COLUMNS)
    if frame.empty:
        st.info(t("empty.no_data"))
        return
    first, last = frame["created_at"].min().date(), frame["created_at"].max().date()
    filters: dict = {}
    with st.sidebar:
        dates = st.date_input(
            t("explorer.dates"), (first, last), min_value=first, max_value=last, key="ex_dates"
        )
        if isinstance(dates, tuple) and len(dates) == 2:
            filters["start"], filters["end"] = dates
        for key, column, label_key, kind in _FILTERS:
            filters[key] = st.multiselect(
                t(label_key),
                _options(frame, column),
                format_func=labeller(kind),
                placeholder=t("widget.all"),
                key=f"ex_{key}",
            )
        filters["min_confidence"] = st.slider(
            t("explorer.min_conf"), 0.0, 1.0, 0.0, 0.05, key="ex_conf"
        )
        phrase = st.text_input(t("explorer.phrase"), key="ex_phrase")
    mask = dashboard.filter_mask(frame, filters)
    rows = frame[mask]
    st.caption(t("explorer.matches", n=len(rows)))
    if rows.empty:
        st.info(t("empty.no_rows_filter"))
        return
    prepared = data.prepared(url, None, None)
    weekly = dashboard.weekly_by_sentiment(prepared, mask)
    days = dashboard.week_coverage(
        weekly["week"], max(first, filters.get("start", first)), min(last, filters.get("end", last))
    )
    fig = _trend(weekly, days)
    st.plotly_chart(fig, width="stretch")
    if any(d < 7 for d in days):
        st.caption(t("explorer.partial_weeks"))

    shown = rows.sort_values("created_at", ascending=False).head(_SHOWN)
    st.caption(t("explorer.showing", n=len(shown)))
    lines = [
        f"<tr><td>{ts:%Y-%m-%d}</td><td>{html.escape(label('topic', tp))}</td>"
        f"<td>{html.escape(label('sentiment', s))}</td><td>{highlight(text, phrase)}</td></tr>"
        for ts, tp, s, text in zip(
            shown["created_at"],
            shown["topic"],
            shown["sentiment"],
            shown["text_redacted"],
            strict=True,
        )
    ]
    header = "".join(
        f"<th>{t(k)}</th>" for k in ("col.created_at", "col.topic", "col.sentiment", "col.text")
    )
    st.html(
        "<div style='max-height:480px;overflow:auto'><table style='font-size:0.85rem'>"
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(lines)}</tbody></table></div>"
    )
    columns = [c for c in rows.columns if c != "aspects"]
    st.download_button(
        t("explorer.download"),
        spreadsheet_csv(rows[columns]),
        file_name="feedback_filtered.csv",
        mime="text/csv",
    )


run_page(render)

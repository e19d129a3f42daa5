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


def render() -> None:
    """Draw the page."""
    import plotly.express as px

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
    names = {
        "volume": t("col.volume"),
        "negative": label("sentiment", "negative"),
        "positive": label("sentiment", "positive"),
    }
    fig = px.line(
        weekly.rename(columns=names),
        x="week",
        y=list(names.values()),
        title=t("explorer.trend"),
        labels={"week": "", "value": t("col.volume"), "variable": ""},
    )
    # Plotly names months in English: the ticks and hover labels say them in the UI language
    tickvals, ticktext = date_ticks(weekly["week"])
    fig.update_xaxes(tickvals=tickvals, ticktext=ticktext)
    fig.update_traces(
        customdata=[short_date(week) for week in weekly["week"]],
        hovertemplate="%{customdata}: %{y:,}",
    )
    st.plotly_chart(fig, width="stretch")

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

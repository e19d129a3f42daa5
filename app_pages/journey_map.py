"""Journey map: stages left to right, the emotion curve, CSAT per stage, touchpoint x topic grid."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_support import data
from app_support.guard import run_page
from app_support.i18n import label, labeller, t
from app_support.widgets import period_picker


def _stages_chart(model) -> None:
    from plotly.subplots import make_subplots

    stages = model.stages
    names = [label("touchpoint", s) for s in stages.index]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_bar(x=names, y=stages["volume"], name=t("col.volume"), opacity=0.5)
    fig.add_scatter(
        x=names,
        y=model.emotional_curve,
        name=t("journey.curve"),
        mode="lines+markers",
        secondary_y=True,
    )
    fig.add_scatter(
        x=names,
        y=stages["csat_percent"] / 100.0,
        name=t("kpi.csat") + " / 100",
        mode="markers",
        marker={"symbol": "diamond", "size": 11},
        secondary_y=True,
    )
    fig.update_yaxes(title_text=t("col.volume"), secondary_y=False)
    fig.update_yaxes(
        range=[-1.05, 1.05],
        tickmode="array",
        tickvals=[-1, -0.5, 0, 0.5, 1],
        showgrid=False,
        zeroline=True,
        title_text=t("journey.right_axis"),
        secondary_y=True,
    )
    fig.update_layout(title=t("journey.stages"), height=420)
    st.plotly_chart(fig, width="stretch")


def _grid(model):
    import plotly.express as px

    negative = model.topic_negative
    topics = [c for c in negative.columns if negative[c].sum() > 0]
    grid = negative[topics]
    fig = px.imshow(
        grid.to_numpy(),
        x=[label("topic", c) for c in topics],
        y=[label("touchpoint", r) for r in grid.index],
        color_continuous_scale="Reds",
        aspect="auto",
        labels={"color": t("sentiment.negative")},
        title=t("journey.grid"),
    )
    event = st.plotly_chart(fig, width="stretch", on_select="rerun", key="journey_grid")
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    if points:
        x, y = points[0].get("x"), points[0].get("y")
        by_name_t = {label("topic", c): c for c in topics}
        by_name_s = {label("touchpoint", r): r for r in grid.index}
        if x in by_name_t and y in by_name_s:
            st.session_state["journey_topic"] = by_name_t[x]
            st.session_state["journey_touchpoint"] = by_name_s[y]
    return list(grid.index), topics


def _default_to_hottest_cell(model, touchpoints: list, topics: list) -> None:
    """Open the verbatims on the stage x topic with the most negative comments.

    Only when nothing valid is chosen yet (first visit, or a period without the chosen
    stage or topic); a cell or selection the user picked stays.
    """
    state = st.session_state
    if not topics or (
        state.get("journey_touchpoint") in touchpoints and state.get("journey_topic") in topics
    ):
        return
    grid = model.topic_negative.loc[touchpoints, topics].to_numpy()
    row, column = divmod(int(grid.argmax()), grid.shape[1])
    state["journey_touchpoint"], state["journey_topic"] = touchpoints[row], topics[column]


def render() -> None:
    """Draw the page."""
    from journey import journey_model

    st.title(t("journey.title"))
    url = data.database_url()
    period = period_picker(url, "journey")
    start, end = data.analysis_window(period)
    prepared = data.prepared(url, start, end)
    if not prepared.mask(period).any():
        st.info(t("empty.no_period_rows", period=period.label))
        return
    model = journey_model(prepared, period, taxonomy=data.taxonomy())
    _stages_chart(model)
    table = model.stages[["volume", "net_sentiment", "csat_percent"]].copy()
    table.index = [label("touchpoint", s) for s in table.index]
    table.columns = [t("col.volume"), t("kpi.net_sentiment"), t("kpi.csat")]
    # a stage without comments (or without CSAT answers) has no value: "-", not "None"
    digits = dict(zip(table.columns, (0, 1, 1), strict=True))
    shown = table.apply(
        lambda column: column.map(lambda v: "-" if pd.isna(v) else f"{v:,.{digits[column.name]}f}")
    )
    st.dataframe(shown.T, width="stretch")

    touchpoints, topics = _grid(model)
    _default_to_hottest_cell(model, touchpoints, topics)
    st.caption(t("journey.grid_help"))
    left, right = st.columns(2)
    touchpoint = left.selectbox(
        t("col.touchpoint"),
        touchpoints,
        format_func=labeller("touchpoint"),
        key="journey_touchpoint",
    )
    topic = right.selectbox(
        t("col.topic"), topics, format_func=labeller("topic"), key="journey_topic"
    )
    if not topic:
        return
    frame = prepared.frame
    rows = frame[
        prepared.mask(period)
        & (frame["touchpoint"] == touchpoint).to_numpy()
        & frame["topics"].fillna("").str.split("|").apply(lambda ids: topic in ids).to_numpy()
    ]
    st.subheader(
        t(
            "journey.verbatims",
            touchpoint=label("touchpoint", touchpoint),
            topic=label("topic", topic),
        )
    )
    if rows.empty:
        st.info(t("empty.no_rows_filter"))
        return
    view = rows.sort_values("sentiment_score").head(50)
    texts = data.texts(url, view["feedback_id"]).reindex(view["feedback_id"])
    st.dataframe(
        {
            t("col.created_at"): view["created_at"].dt.strftime("%Y-%m-%d %H:%M"),
            t("col.sentiment"): [label("sentiment", s) for s in view["sentiment"]],
            t("col.text"): texts.to_numpy(),
        },
        hide_index=True,
        width="stretch",
    )


run_page(render)

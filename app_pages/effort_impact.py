"""Effort x impact: the grid, the ranked top-10 with evidence, effort overrides, add to backlog."""

from __future__ import annotations

import streamlit as st

from app_support import data
from app_support.guard import run_page, show_error
from app_support.i18n import current_lang, label, t
from app_support.widgets import period_picker

_COLOURS = {
    "quick_win": "#2ca02c",
    "major_project": "#1f77b4",
    "fill_in": "#7f7f7f",
    "thankless": "#d62728",
}


def _grid(result) -> None:
    import plotly.express as px

    table = result.ranked.copy()
    table["issue"] = [
        f"{label('topic', a)} @ {label('touchpoint', b)}"
        for a, b in zip(table["topic"], table["touchpoint"], strict=True)
    ]
    table["quadrant_name"] = [label("quadrant", q) for q in table["quadrant"]]
    reach = "customers_affected" if table["customers_affected"].notna().any() else "mentions"
    table["bubble"] = table[reach].fillna(0).clip(lower=1)
    fig = px.scatter(
        table,
        x="effort",
        y="impact",
        size="bubble",
        color="quadrant_name",
        color_discrete_map={label("quadrant", q): c for q, c in _COLOURS.items()},
        hover_name="issue",
        hover_data={"rank": True, "bubble": False, reach: True},
        labels={
            "effort": t("col.effort"),
            "impact": t("col.impact"),
            "quadrant_name": t("col.quadrant"),
            reach: t("col.reach"),
        },
        title=t("effort.grid"),
        size_max=45,
    )
    fig.add_hline(y=result.impact_threshold, line_dash="dash", line_color="grey")
    fig.add_vline(x=result.grid.effort_threshold, line_dash="dash", line_color="grey")
    fig.update_layout(height=520)
    st.plotly_chart(fig, width="stretch", key="effort_grid")


def _evidence(items, ranked) -> None:
    st.subheader(t("effort.top10"))
    lang = current_lang()
    for item, (_, row) in zip(items, ranked.iterrows(), strict=False):
        header = (
            f"#{int(row['rank'])} {item.title(lang)} - {label('quadrant', item.quadrant)} "
            f"({t('col.impact')} {row['impact']:.0f}, {t('col.effort')} {row['effort']:.1f})"
        )
        with st.expander(header):
            st.caption(f"{t('col.owner')}: {item.owner_name(lang)}")
            metrics = {k: v for k, v in item.metrics.items() if v is not None}
            st.json(metrics, expanded=False)
            if item.key_phrases:
                st.markdown(
                    f"**{t('effort.key_phrases')}:** "
                    + ", ".join(phrase for phrase, _ in item.key_phrases)
                )
            for verbatim in item.verbatims:
                st.markdown(f"> {verbatim.text}  \n`{verbatim.created_at}` `{verbatim.lang}`")


def _override(url: str, items) -> None:
    from journey.backlog import set_effort_override

    names = {f"{i.topic}|{i.touchpoint}": i.title() for i in items}
    with st.form("effort_override"):
        left, mid, right = st.columns([3, 1, 1])
        key = left.selectbox(t("col.issue"), list(names), format_func=names.get)
        effort = mid.number_input(t("effort.override"), 1, 5, 3, step=1)
        by = right.text_input(t("backlog.by"), value="analyst")
        if st.form_submit_button(t("effort.override")):
            topic, touchpoint = key.split("|")
            set_effort_override(data.engine(url), topic, touchpoint, int(effort), by=by)
            data.invalidate()
            st.success(t("effort.override_saved", issue=names[key], effort=int(effort)))


def _add_to_backlog(url: str, items, period_label: str) -> None:
    from journey.backlog import create_from_issue

    names = {f"{i.topic}|{i.touchpoint}": i.title() for i in items}
    with st.form("add_backlog"):
        by_title = {title: key for key, title in names.items()}
        titles = st.multiselect(
            t("effort.pick_issues"),
            list(by_title),
            placeholder=t("widget.choose"),
            key="add_pick",
        )
        picked = [by_title[title] for title in titles]
        by = st.text_input(t("backlog.by"), value="analyst", key="add_by")
        if st.form_submit_button(t("effort.add"), type="primary") and picked:
            created = 0
            by_key = {f"{i.topic}|{i.touchpoint}": i for i in items}
            for key in picked:
                try:
                    result = create_from_issue(
                        data.engine(url),
                        by_key[key],
                        by=by,
                        period=period_label,
                        lang=current_lang(),
                    )
                except Exception as exc:  # a VocError per issue; others keep going
                    show_error(exc)
                    continue
                if result.created:
                    created += 1
                else:
                    st.info(t("effort.exists", message=result.message))
            st.success(t("effort.added", n=created))


def render() -> None:
    """Draw the page."""
    st.title(t("effort.title"))
    url = data.database_url()
    period = period_picker(url, "effort")
    overrides = data.effort_overrides(url)
    result = data.ranked(url, period.label, overrides)
    if result.ranked.empty:
        st.info(t("effort.none"))
        return
    _grid(result)
    items = data.evidence(url, period.label, overrides)
    _evidence(items, result.top(10))
    try:
        import journey.backlog  # noqa: F401
    except ImportError:
        st.info(t("empty.backlog_missing"))
        return
    _add_to_backlog(url, items, period.label)
    _override(url, items)


run_page(render)

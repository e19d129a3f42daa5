"""Backlog: board by department and status, edits with version checks, views and exports."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from app_support import data
from app_support.guard import run_page, show_error
from app_support.i18n import current_lang, label, labeller, t

_VERSIONS = "backlog_loaded_versions"


def _board(items) -> None:
    st.subheader(t("backlog.board"))
    by_department: dict[str, list] = {}
    for item in items:
        by_department.setdefault(item.owner_department or "-", []).append(item)
    for department, group in sorted(by_department.items()):
        with st.expander(f"{label('department', department)} ({len(group)})", expanded=True):
            st.dataframe(
                [
                    {
                        "#": item.id,
                        t("col.status"): label("status", item.status),
                        t("col.title"): item.title,
                        t("col.assignee"): item.assignee or "",
                        t("col.effort"): "-" if item.effort is None else str(item.effort),
                        t("col.due_date"): item.due_date.isoformat() if item.due_date else "-",
                        t("col.target_kpi"): item.target_kpi or "",
                        t("col.version"): item.version,
                    }
                    for item in sorted(group, key=lambda i: (i.status, i.id))
                ],
                hide_index=True,
                width="stretch",
            )


def _edit(url: str, items) -> None:
    from journey.backlog import STATUSES, update_item
    from voc.errors import ConflictError

    st.subheader(t("backlog.edit"))
    by_id = {item.id: item for item in items}
    item_id = st.selectbox(
        t("backlog.pick_item"),
        list(by_id),
        format_func=lambda i: f"#{i} {by_id[i].title}",
        key="bl_item",
    )
    item = by_id[item_id]
    loaded = st.session_state.setdefault(_VERSIONS, {})
    expected = loaded.setdefault(item.id, item.version)
    departments = list(data.taxonomy().department_ids)
    # Keys carry the version this session loaded: an edit by somebody else keeps the user's
    # input (and is reported as a conflict on save); a successful save starts fresh fields.
    prefix = f"bl_{item.id}_{expected}"
    with st.form(f"bl_form_{item.id}"):
        left, right = st.columns(2)
        status = left.selectbox(
            t("col.status"),
            STATUSES,
            index=STATUSES.index(item.status),
            format_func=labeller("status"),
            key=f"{prefix}_status",
        )
        owner = right.selectbox(
            t("col.owner"),
            departments,
            index=departments.index(item.owner_department)
            if item.owner_department in departments
            else 0,
            format_func=labeller("department"),
            key=f"{prefix}_owner",
        )
        assignee = left.text_input(
            t("col.assignee"), value=item.assignee or "", key=f"{prefix}_assignee"
        )
        effort = right.number_input(
            t("col.effort"), 1, 5, int(item.effort or 3), step=1, key=f"{prefix}_effort"
        )
        due = left.date_input(t("col.due_date"), value=item.due_date or None, key=f"{prefix}_due")
        target = right.text_input(
            t("col.target_kpi"), value=item.target_kpi or "", key=f"{prefix}_target"
        )
        by = st.text_input(t("backlog.by"), value="analyst", key=f"{prefix}_by")
        submitted = st.form_submit_button(t("backlog.save"), type="primary")
    if not submitted:
        return
    wanted = {
        "status": status,
        "owner_department": owner,
        "assignee": assignee or None,
        "effort": int(effort),
        "due_date": due if isinstance(due, dt.date) else None,
        "target_kpi": target or None,
    }
    changes = {k: v for k, v in wanted.items() if v != getattr(item, k)}
    if not changes:
        st.info(t("backlog.no_change"))
        return
    try:
        saved = update_item(data.engine(url), item.id, changes, expected_version=expected, by=by)
    except ConflictError as exc:
        st.error(t("backlog.conflict", message=exc.message))
        if exc.hint:
            st.info(t("error.next_step", hint=exc.hint))
        loaded[item.id] = by_id[item.id].version
        return
    except Exception as exc:  # TransitionError, ValidationError: a sentence, not a traceback
        show_error(exc)
        return
    loaded[item.id] = saved.version
    st.success(t("backlog.saved", id=saved.id, version=saved.version))
    st.rerun()


def _views(url: str) -> None:
    from journey.backlog import committee_pack, monthly_view, weekly_view

    lang = current_lang()
    weekly = weekly_view(data.engine(url))
    st.subheader(t("backlog.weekly"))
    if weekly.biggest is not None:
        st.markdown(f"**{t('backlog.biggest')}:** #{weekly.biggest.id} {weekly.biggest.title}")
    st.markdown(f"**{t('backlog.quick_wins')}:**")
    for item in weekly.quick_wins:
        st.markdown(f"- #{item.id} {item.title}")
    st.subheader(t("backlog.monthly"))
    month = st.text_input(t("backlog.month"), value=dt.date.today().strftime("%Y-%m"))
    monthly = monthly_view(data.engine(url), month)
    pack = committee_pack(monthly, weekly, fmt="md", lang=lang)
    st.markdown(pack)
    st.download_button(
        "committee_pack.md", pack.encode("utf-8"), file_name="committee_pack.md", key="dl_pack"
    )


def _exports(url: str) -> None:
    from journey.backlog import export_csv, export_jira, export_xlsx

    st.subheader(t("backlog.exports"))
    engine = data.engine(url)
    left, mid, right = st.columns(3)
    left.download_button("CSV", export_csv(engine).encode("utf-8"), file_name="backlog.csv")
    mid.download_button(
        "XLSX",
        export_xlsx(engine),
        file_name="backlog.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    right.download_button(
        "Jira CSV",
        export_jira(engine, lang=current_lang()).encode("utf-8"),
        file_name="backlog_jira.csv",
    )


def render() -> None:
    """Draw the page."""
    st.title(t("backlog.title"))
    try:
        from journey.backlog import list_items
    except ImportError:
        st.info(t("empty.backlog_missing"))
        return
    url = data.database_url()
    items = list_items(data.engine(url))
    if not items:
        st.info(t("backlog.empty"))
        return
    board, views, exports = st.tabs([t("backlog.board"), t("backlog.weekly"), t("backlog.exports")])
    with board:
        _edit(url, items)
        _board(items)
    with views:
        _views(url)
    with exports:
        _exports(url)


run_page(render)

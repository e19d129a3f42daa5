"""Data: upload a file, map its columns, preview redaction, ingest and classify with progress."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_support import data, jobs
from app_support.guard import run_page, show_error
from app_support.i18n import label, t

_UPLOAD_DIR = "data_upload_dir"


def _preview(path: Path):
    """The first 20 rows as the ingest reads them, every value redacted.

    Nothing personal is shown: not on a projector in the CX committee, not in a screenshot.
    """
    from voc.ingest import preview_file

    return preview_file(path, rows=20)


def _mapping_editor(table: dict) -> dict[str, str | None]:
    from voc.ingest import TARGET_COLUMNS

    st.subheader(t("data.mapping"))
    st.caption(t("data.mapping_help"))
    choices = [None, *table["columns"]]
    mapping: dict[str, str | None] = {}
    columns = st.columns(3)
    unmapped = t("data.unmapped")
    for position, target in enumerate(TARGET_COLUMNS):
        guess = table["guess"].get(target)
        mapping[target] = columns[position % 3].selectbox(
            target,
            choices,
            index=choices.index(guess) if guess in choices else 0,
            format_func=lambda c: unmapped if c is None else c,
            key=f"map_{target}",
        )
    return mapping


def _summary(url: str, summary) -> None:
    from voc.spreadsheet import spreadsheet_csv
    from voc.store import read_quarantine

    st.subheader(t("data.summary"))
    cols = st.columns(4)
    for column, (key, value) in zip(
        cols,
        (
            ("data.rows_in", summary.rows_in),
            ("data.loaded", summary.loaded),
            ("data.quarantined", summary.quarantined),
            ("data.duplicates", summary.duplicates),
        ),
        strict=True,
    ):
        column.metric(t(key), f"{value:,}")
    if summary.quarantine_reasons:
        st.markdown(f"**{t('data.reasons')}**")
        st.dataframe(
            [
                {t("data.reason"): label("reason", k), t("data.rows"): v}
                for k, v in summary.quarantine_reasons.items()
            ],
            hide_index=True,
        )
        quarantined = read_quarantine(data.engine(url), ingest_run_id=summary.run_id)
        st.download_button(
            t("data.download_quarantine"),
            spreadsheet_csv(quarantined),
            file_name=f"quarantine_run_{summary.run_id}.csv",
            mime="text/csv",
        )
    if summary.pii_counts:
        st.markdown(f"**{t('data.pii_found')}**")
        st.dataframe(
            [
                {t("data.pii_type"): kind, t("data.pii_count"): count}
                for kind, count in summary.pii_counts.items()
            ],
            hide_index=True,
        )
    for warning in summary.warnings:
        st.caption(warning)


def _classify(url: str) -> None:
    bar = st.progress(0.0, text=t("data.classifying", n=jobs.pending_count(url)))

    def advance(done: int, total: int) -> None:
        bar.progress(done / total, text=t("data.classifying", n=total))

    count = jobs.classify_pending(url, advance)
    bar.progress(1.0)
    st.success(t("data.classified", n=count) if count else t("data.nothing_to_classify"))


def render() -> None:
    """Draw the page."""
    from voc.ingest import ingest_file, inspect_file

    st.title(t("data.title"))
    url = data.database_url()
    st.caption(t("app.database", url=url.split("///")[-1]))
    upload = st.file_uploader(t("data.upload"), help=t("data.upload_help"), key="data_upload")
    if upload is None:
        st.info(t("data.pick_file"))
        pending = jobs.pending_count(url)
        if pending:
            st.caption(t("data.pending", n=pending))
            if st.button(t("data.classify_pending")):
                _classify(url)
        return
    directory = st.session_state.setdefault(_UPLOAD_DIR, tempfile.mkdtemp(prefix="voc_upload_"))
    path = jobs.save_upload(upload, Path(directory))
    info = inspect_file(path)
    table = info["tables"][0]
    st.subheader(t("data.preview"))
    st.caption(t("data.preview_caption"))
    st.dataframe(_preview(path), width="stretch")
    mapping = _mapping_editor(table)
    id_prefix = st.text_input(
        t("data.id_prefix"), help=t("data.id_prefix_help"), key="data_id_prefix"
    )
    classify = st.checkbox(t("data.classify_after"), value=True, key="data_classify")
    if not st.button(t("data.ingest"), type="primary", key="data_ingest"):
        return
    bar = st.progress(0.0, text=t("data.ingesting", name=path.name))
    total = max(sum(1 for _ in path.open("rb")) - 1, 1) if info["format"] == "csv" else None

    def advance(rows: int) -> None:
        share = min(rows / total, 1.0) if total else 0.5
        bar.progress(share, text=t("data.ingest_rows", rows=rows))

    summary = ingest_file(
        path,
        engine=data.engine(url),
        mapping=mapping,
        on_progress=advance,
        id_prefix=id_prefix or None,
    )
    bar.progress(1.0, text=t("data.ingest_rows", rows=summary.rows_in))
    data.invalidate()
    _summary(url, summary)
    if classify:
        try:
            _classify(url)
        except Exception as exc:  # no model yet: say how to get one, keep the summary
            show_error(exc)


run_page(render)

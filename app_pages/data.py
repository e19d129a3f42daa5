"""Data: upload a file, map its columns, preview redaction, ingest and classify with progress."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_support import data, jobs
from app_support.guard import run_page, show_error
from app_support.i18n import t

_UPLOAD_DIR = "data_upload_dir"


def _preview(path: Path, fmt: str):
    import pandas as pd

    if fmt == "csv":
        return pd.read_csv(path, nrows=20, sep=None, engine="python", dtype=str)
    if fmt == "xlsx":
        return pd.read_excel(path, nrows=20, dtype=str)
    if fmt == "parquet":
        return pd.read_parquet(path).head(20)
    if fmt == "jsonl":
        return pd.read_json(path, lines=True, nrows=20, dtype=str)
    return pd.read_json(path, dtype=str).head(20)


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


def _pii_preview(frame, text_column: str | None) -> None:
    from voc.pii import redact_batch

    st.subheader(t("data.pii_preview"))
    st.caption(t("data.pii_caption"))
    if not text_column or text_column not in frame:
        return
    texts = frame[text_column].fillna("").astype(str).head(5).tolist()
    redacted = [r.text for r in redact_batch(texts)]
    st.dataframe({t("data.redacted"): redacted}, hide_index=True, width="stretch")


def _summary(url: str, summary) -> None:
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
            [{"reason": k, "rows": v} for k, v in summary.quarantine_reasons.items()],
            hide_index=True,
        )
        quarantined = read_quarantine(data.engine(url), ingest_run_id=summary.run_id)
        st.download_button(
            t("data.download_quarantine"),
            quarantined.to_csv(index=False).encode("utf-8"),
            file_name=f"quarantine_run_{summary.run_id}.csv",
            mime="text/csv",
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
    frame = _preview(path, info["format"])
    st.dataframe(frame, width="stretch")
    mapping = _mapping_editor(table)
    _pii_preview(frame, mapping.get("text"))
    classify = st.checkbox(t("data.classify_after"), value=True, key="data_classify")
    if not st.button(t("data.ingest"), type="primary", key="data_ingest"):
        return
    bar = st.progress(0.0, text=t("data.ingesting", name=path.name))
    total = max(sum(1 for _ in path.open("rb")) - 1, 1) if info["format"] == "csv" else None

    def advance(rows: int) -> None:
        share = min(rows / total, 1.0) if total else 0.5
        bar.progress(share, text=t("data.ingest_rows", rows=rows))

    summary = ingest_file(path, engine=data.engine(url), mapping=mapping, on_progress=advance)
    bar.progress(1.0, text=t("data.ingest_rows", rows=summary.rows_in))
    data.invalidate()
    _summary(url, summary)
    if classify:
        try:
            _classify(url)
        except Exception as exc:  # no model yet: say how to get one, keep the summary
            show_error(exc)


run_page(render)

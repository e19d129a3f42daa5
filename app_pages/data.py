"""Data: upload a file, map its columns, preview redaction, ingest and classify with progress."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from app_support import data, jobs
from app_support.guard import run_page, show_error
from app_support.i18n import label, t
from app_support.ingest_text import localized, localized_error
from voc.errors import ColumnMappingError, VocError

_UPLOAD_DIR = "data_upload_dir"


def _preview(path: Path, sheet: str | None = None):
    """The first 20 rows as the ingest reads them, every value redacted.

    Nothing personal is shown: not on a projector in the CX committee, not in a screenshot.
    """
    from voc.ingest import preview_file

    return preview_file(path, rows=20, sheet=sheet)


def _guessed(table: dict) -> dict[str, str]:
    """The text column and the other columns the ingest guessed, as table cells.

    Headers are shown as ``inspect_file`` gives them (``shown_columns``: PII redacted).
    """
    guess, shown = table["guess"], table["shown_columns"]
    text = guess.get("text")
    return {
        t("data.text_column"): shown.get(text, text) if text else t("data.no_text_column"),
        t("data.other_columns"): ", ".join(
            f"{target} = {shown.get(column, column)}"
            for target, column in guess.items()
            if target != "text"
        ),
    }


def _pick_sheet(path: Path, tables: list[dict]) -> int | None:
    """A workbook of several sheets: load them all (guessed per sheet) or pick one to map."""
    from voc.ingest import shown_table_names

    names = shown_table_names(path.name, [table["name"] for table in tables])
    choice = st.selectbox(
        t("data.sheet"),
        [None, *range(len(tables))],
        format_func=lambda i: (
            t("data.all_sheets", n=len(tables)) if i is None else names[tables[i]["name"]]
        ),
        help=t("data.sheet_help"),
        key="data_sheet",
    )
    if choice is None:
        rows = [{t("data.sheet"): names[tb["name"]], **_guessed(tb)} for tb in tables]
        st.dataframe(
            rows,
            hide_index=True,
            width="stretch",
        )
    return choice


def _mapping_editor(table: dict, key: str = "") -> dict[str, str | list[str] | None]:
    from voc.ingest import TARGET_COLUMNS

    st.subheader(t("data.mapping"))
    st.caption(t("data.mapping_help"))
    choices = [None, *table["columns"]]
    shown = table["shown_columns"]  # headers with PII redacted; the values stay the headers
    mapping: dict[str, str | list[str] | None] = {}
    columns = st.columns(3)
    unmapped = t("data.unmapped")
    for position, target in enumerate(TARGET_COLUMNS):
        guess = table["guess"].get(target)
        if target == "text":  # a survey's free-text questions can be joined into one comment
            chosen = columns[position % 3].multiselect(
                target,
                table["columns"],
                default=[guess] if guess in table["columns"] else [],
                format_func=lambda c: shown.get(c, c),
                help=t("data.text_columns_help"),
                key=f"map_{key}{target}",
            )
            chosen = sorted(chosen, key=table["columns"].index)  # joined in the file's order
            mapping[target] = (chosen[0] if len(chosen) == 1 else chosen) or None
            continue
        mapping[target] = columns[position % 3].selectbox(
            target,
            choices,
            index=choices.index(guess) if guess in choices else 0,
            format_func=lambda c: unmapped if c is None else shown.get(c, c),
            key=f"map_{key}{target}",
        )
    return mapping


def _counts(summaries: list) -> None:
    """The metric row: rows in, loaded, quarantined, duplicates, over ``summaries``."""
    from voc.ingest import summary_totals

    totals = summary_totals(summaries)
    for column, (name, value) in zip(st.columns(len(totals)), totals.items(), strict=True):
        column.metric(t(f"data.{name}"), f"{value:,}")


def _details(url: str, summary) -> None:
    """Quarantine reasons (with a download), PII found and warnings of one ingest."""
    from voc.spreadsheet import spreadsheet_csv
    from voc.store import read_quarantine

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
        st.caption(localized(warning))


def _classify(url: str, *, stale: bool = False) -> None:
    """Classify the comments without a prediction (``stale``: also another version's)."""
    current = jobs.current_version()
    counts = jobs.version_counts(url)
    waiting = sum(n for v, n in counts.items() if v != current) if stale else counts.get(None, 0)
    bar = st.progress(0.0, text=t("data.classifying", n=waiting))

    def advance(done: int, total: int) -> None:
        bar.progress(done / total, text=t("data.classifying", n=total))

    count = jobs.classify_pending(url, advance, stale=stale)
    bar.progress(1.0)
    st.success(t("data.classified", n=count) if count else t("data.nothing_to_classify"))


def _shown_error(exc: Exception, path: Path, shown: str) -> Exception:
    """``exc`` with the file's own name (which may hold PII) replaced by its shown name."""
    message = getattr(exc, "message", None) or str(exc)
    for raw in (str(path), path.name):
        message = message.replace(raw, shown)
    hint = getattr(exc, "hint", None)
    return VocError(message, hint=hint.replace(path.name, shown) if hint else None)


def _one_file(url: str, path: Path, shown: str) -> None:
    """One file: a redacted preview, a mapping to edit, then ingest (and classify)."""
    from voc.ingest import ingest_file, inspect_file

    try:
        info = inspect_file(path)
        tables = info["tables"]
        choice = _pick_sheet(path, tables) if len(tables) > 1 else 0
        sheet = None if choice is None else tables[choice]["sheet"]
        preview = None if choice is None else _preview(path, sheet)
    except VocError as exc:
        show_error(_shown_error(exc, path, shown))
        return
    if choice is None:  # every sheet, columns guessed per sheet
        mapping = None
    else:
        st.subheader(t("data.preview"))
        st.caption(t("data.preview_caption"))
        st.dataframe(preview, width="stretch")
        mapping = _mapping_editor(tables[choice], key=f"{choice}_" if len(tables) > 1 else "")
    id_prefix, classify = _options()
    if not st.button(t("data.ingest"), type="primary", key="data_ingest"):
        return
    bar = st.progress(0.0, text=t("data.ingesting", name=shown))
    total = max(sum(1 for _ in path.open("rb")) - 1, 1) if info["format"] == "csv" else None

    def advance(rows: int) -> None:
        share = min(rows / total, 1.0) if total else 0.5
        bar.progress(share, text=t("data.ingest_rows", rows=rows))

    try:
        summary = ingest_file(
            path,
            engine=data.engine(url),
            mapping=mapping,
            sheet=sheet,
            on_progress=advance,
            id_prefix=id_prefix or None,
        )
    except VocError as exc:
        data.invalidate()
        show_error(_shown_error(exc, path, shown))
        return
    bar.progress(1.0, text=t("data.ingest_rows", rows=summary.rows_in))
    data.invalidate()
    st.subheader(t("data.summary"))
    _counts([summary])
    _details(url, summary)
    if classify:
        _classify_safely(url)


def _options() -> tuple[str, bool]:
    id_prefix = st.text_input(
        t("data.id_prefix"), help=t("data.id_prefix_help"), key="data_id_prefix"
    )
    classify = st.checkbox(t("data.classify_after"), value=True, key="data_classify")
    return id_prefix, classify


def _classify_safely(url: str) -> None:
    try:
        _classify(url)
    except Exception as exc:  # no model yet: say how to get one, keep the summary
        show_error(exc)


def _file_overview(paths: list[Path], names: dict[Path, str]) -> list[dict]:
    """One row per file: format, tables and the columns guessed (the ingest's own guesses)."""
    from voc.ingest import inspect_file

    rows = []
    for path in paths:
        row = {t("data.file"): names[path]}
        try:
            info = inspect_file(path)
        except VocError as exc:
            problem = _shown_error(exc, path, names[path]).message
            row[t("data.file_problem")] = localized_error(problem)
            rows.append(row)
            continue
        row[t("data.format")] = info["format"]
        row[t("data.tables")] = len(info["tables"])
        row.update(_guessed(info["tables"][0]))
        row[t("data.file_problem")] = ""
        rows.append(row)
    return rows


def _several_files(url: str, paths: list[Path], names: dict[Path, str]) -> None:
    """Several files: columns guessed per file, each file its own ingest run, one summary."""
    from voc.ingest import ingest_file

    st.subheader(t("data.files", n=len(paths)))
    st.caption(t("data.files_caption"))
    st.dataframe(_file_overview(paths, names), hide_index=True, width="stretch")
    id_prefix, classify = _options()
    if not st.button(t("data.ingest_files", n=len(paths)), type="primary", key="data_ingest"):
        return
    bar = st.progress(0.0)
    done: list = []
    failed: list[tuple[str, VocError]] = []
    for position, path in enumerate(paths):
        name = names[path]
        bar.progress(position / len(paths), text=t("data.ingesting", name=name))

        def advance(rows: int, name: str = name, position: int = position) -> None:
            text = t("data.ingest_file_rows", name=name, rows=rows)
            bar.progress(position / len(paths), text=text)

        try:
            summary = ingest_file(
                path,
                engine=data.engine(url),
                on_progress=advance,
                id_prefix=id_prefix or None,
            )
        except VocError as exc:
            shown = _shown_error(exc, path, name)
            if isinstance(exc, ColumnMappingError):  # the app's way to map a file by hand
                shown.hint = t("data.map_alone")
            failed.append((name, shown))
            continue
        done.append(summary)
    bar.progress(1.0, text=t("data.files_done", n=len(done), total=len(paths)))
    data.invalidate()
    st.subheader(t("data.summary"))
    if done:
        _counts(done)
        st.dataframe(
            [
                {
                    t("data.file"): s.file_name,
                    t("data.rows_in"): s.rows_in,
                    t("data.loaded"): s.loaded,
                    t("data.quarantined"): s.quarantined,
                    t("data.duplicates"): s.duplicates,
                }
                for s in done
            ],
            hide_index=True,
        )
        for summary in done:
            if summary.quarantine_reasons or summary.pii_counts or summary.warnings:
                with st.expander(summary.file_name):
                    _details(url, summary)
    for name, exc in failed:
        st.error(t("data.file_failed", name=name, error=localized_error(exc.message)))
        if exc.hint:
            st.info(t("error.next_step", hint=exc.hint))
    if classify and done:
        _classify_safely(url)


def _history(url: str) -> None:
    """The latest ingest runs, and undoing one (a wrong file or a wrong mapping)."""
    from voc.store import list_runs
    from voc.store.erase import delete_run

    runs = list_runs(data.engine(url), limit=20)
    if not runs:
        return
    st.subheader(t("data.history"))
    st.dataframe(
        [
            {
                t("data.run"): r["id"],
                t("data.file"): r["file_name"],
                t("data.status"): t(f"data.status.{r['status']}"),
                t("data.started"): f"{r['started_at']:%Y-%m-%d %H:%M}",
                t("data.rows_in"): r["rows_in"],
                t("data.loaded"): r["loaded"],
                t("data.quarantined"): r["quarantined"],
                t("data.duplicates"): r["duplicates"],
            }
            for r in runs
        ],
        hide_index=True,
        width="stretch",
        column_config={  # 24,000 rather than 24000
            t(key): st.column_config.NumberColumn(format="localized")
            for key in ("data.rows_in", "data.loaded", "data.quarantined", "data.duplicates")
        },
    )
    undoable = {r["id"]: r for r in runs if r["status"] in ("completed", "failed")}
    if not undoable:
        return
    with st.expander(t("data.undo")):
        st.caption(t("data.undo_help"))
        run_id = st.selectbox(
            t("data.run"),
            list(undoable),
            format_func=lambda i: f"{i}: {undoable[i]['file_name']} ({undoable[i]['loaded']:,})",
            key="data_undo_run",
        )
        sure = st.checkbox(t("data.undo_sure"), key="data_undo_sure")
        if st.button(t("data.undo_button"), disabled=not sure, key="data_undo"):
            erasure = delete_run(data.engine(url), run_id)
            data.invalidate()
            st.success(
                t(
                    "data.undone",
                    run=run_id,
                    rows=erasure.feedback_rows,
                    held=erasure.quarantine_rows,
                )
            )


def _pending(url: str) -> None:
    """Say how many comments wait for the app's model (none yet, or another version's)."""
    counts = jobs.version_counts(url)
    current = jobs.current_version()
    pending = counts.get(None, 0)
    others = {v: n for v, n in counts.items() if v is not None and v != current}
    if pending:
        st.caption(t("data.pending", n=pending))
    if others:
        versions = ", ".join(f"{v}: {n:,}" for v, n in others.items())
        st.caption(t("data.other_versions", n=sum(others.values()), versions=versions, now=current))
    if pending or others:
        key = "data.classify_pending" if not others else "data.reclassify"
        if st.button(t(key, n=pending + sum(others.values())), key="data_classify"):
            _classify(url, stale=True)


def render() -> None:
    """Draw the page."""
    from voc.ingest import shown_file_name

    st.title(t("data.title"))
    url = data.database_url()
    st.caption(t("app.database", url=url.split("///")[-1]))
    uploads = st.file_uploader(
        t("data.upload"),
        help=t("data.upload_help"),
        key="data_upload",
        accept_multiple_files=True,
    )
    if not uploads:
        st.info(t("data.pick_file"))
        _pending(url)
        _history(url)
        return
    directory = st.session_state.setdefault(_UPLOAD_DIR, tempfile.mkdtemp(prefix="voc_upload_"))
    paths = [jobs.save_upload(upload, Path(directory)) for upload in uploads]
    names = {path: shown_file_name(path.name) for path in paths}
    if len(paths) == 1:
        _one_file(url, paths[0], names[paths[0]])
    else:
        _several_files(url, paths, names)


run_page(render)

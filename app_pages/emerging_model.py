"""Emerging topics, model quality from the model cards, the review queue and retraining."""

from __future__ import annotations

import json

import streamlit as st

from app_support import data, review
from app_support.guard import run_page
from app_support.i18n import label, labeller, t
from app_support.widgets import period_picker


def _emerging(url: str) -> None:
    from journey import find_emerging

    st.subheader(t("emerging.candidates"))
    period = period_picker(url, "emerging")
    start, end = data.analysis_window(period)
    result = find_emerging(
        data.prepared(url, start, end, (*data.TEXT_COLUMNS, *data.REVIEW_COLUMNS)),
        period,
        taxonomy=data.taxonomy(),
    )
    if not result.emerging:
        st.info(t("emerging.none"))
        return
    for topic in result.emerging:
        title = t(
            "emerging.cluster",
            cluster=topic.cluster,
            size=topic.size,
            previous=topic.previous_size,
        )
        with st.expander(title):
            st.markdown(", ".join(p for p, _ in topic.key_phrases))
            for example in topic.examples:
                st.markdown(f"> {example}")


#: Tasks of a model card's internal-test metrics, in display order, with their label kind.
_TASKS = (("sentiment", "sentiment"), ("topic", "topic"), ("touchpoint", "touchpoint"))


def _task_quality(task: str, values: dict) -> None:
    """Headline numbers, per-label F1, per-language figures and the confusion matrix."""
    import pandas as pd
    import plotly.graph_objects as go

    kind = dict(_TASKS)[task]
    tiles = [("model.accuracy", "accuracy"), ("model.macro_f1", "macro_f1")]
    if "set_micro_f1" in values:
        tiles.append(("model.set_f1", "set_micro_f1"))
    tiles.append(("model.rows", "n"))
    for column, (key, name) in zip(st.columns(len(tiles)), tiles, strict=True):
        value = values.get(name)
        shown = "-" if value is None else f"{value:,}" if name == "n" else f"{value:.3f}"
        column.metric(t(key), shown)
    per_label = pd.DataFrame(values.get("per_label", {})).T
    if not per_label.empty:
        per_label = per_label.sort_values("f1")
        names = [label(kind, i) for i in per_label.index]
        fig = go.Figure(
            go.Bar(
                x=per_label["f1"],
                y=names,
                orientation="h",
                customdata=per_label[["precision", "recall", "support"]].to_numpy(),
                hovertemplate=t("model.bar_hover"),
            )
        )
        fig.update_layout(
            title=t("model.per_label"),
            xaxis={"range": [0, 1], "title": "F1"},
            yaxis={"tickmode": "array", "tickvals": names, "ticktext": names},
            height=max(240, 30 * len(names) + 110),
            margin={"l": 10},
        )
        st.plotly_chart(fig, width="stretch")
    per_group = pd.DataFrame(values.get("per_group", {})).T
    if not per_group.empty:
        per_group.index = [label("lang", g) for g in per_group.index]
        st.markdown(f"**{t('model.per_lang')}**")
        st.dataframe(_named(per_group), width="stretch")
    matrix, labels = values.get("confusion_matrix"), values.get("labels")
    if matrix and labels:
        with st.expander(t("model.confusion")):
            names = [label(kind, i) for i in labels]
            heat = go.Figure(
                go.Heatmap(z=matrix, x=names, y=names, colorscale="Blues", hoverongaps=False)
            )
            heat.update_layout(
                xaxis_title=t("model.predicted"),
                yaxis_title=t("model.true"),
                yaxis_autorange="reversed",
                height=max(300, 30 * len(names) + 160),
            )
            st.plotly_chart(heat, width="stretch")
    if not per_label.empty:
        with st.expander(t("model.details")):
            per_label.index = [label(kind, i) for i in per_label.index]
            st.dataframe(_named(per_label.iloc[::-1]), width="stretch")


def _named(table):
    """Round and name a metrics table's columns in the UI language."""
    names = {
        "accuracy": t("model.accuracy"),
        "macro_f1": t("model.macro_f1"),
        "set_micro_f1": t("model.set_f1"),
        "n": t("model.rows"),
        "support": t("model.rows"),
        "precision": t("model.precision"),
        "recall": "Recall",
        "f1": "F1",
    }
    shown = table.rename(columns=names)
    rows = t("model.rows")
    if rows in shown.columns:
        shown[rows] = shown[rows].astype(int)
    return shown.round(3)


def _model_quality() -> list[str]:
    from voc.classify import available_versions
    from voc.classify.model import CLASSIFIERS_DIR

    st.subheader(t("model.quality"))
    name = data.taxonomy().name
    versions = available_versions(name)
    if not versions:
        st.info(t("model.none"))
        return versions
    version = st.selectbox(t("model.version"), versions[::-1], key="model_version")
    card = json.loads((CLASSIFIERS_DIR / name / version / "model_card.json").read_text())
    metrics = card.get("metrics_internal_test")
    if not metrics:
        st.info(t("model.no_metrics"))
        return versions
    st.caption(t("model.note", n=card.get("internal_test_rows", "-")))
    tasks = [(task, metrics[task]) for task, _ in _TASKS if isinstance(metrics.get(task), dict)]
    for tab, (task, values) in zip(
        st.tabs([t(f"col.{task}") for task, _ in tasks]), tasks, strict=True
    ):
        with tab:
            _task_quality(task, values)
    return versions


def _review_queue(url: str) -> None:
    st.subheader(t("review.title"))
    frame = data.with_columns(url, None, None, data.REVIEW_COLUMNS)
    queue = frame[frame["needs_review"].fillna(False).astype(bool)]
    done = set(review.read_corrections(url)["feedback_id"])
    queue = queue[~queue["feedback_id"].isin(done)].sort_values("topic_confidence").head(50)
    st.caption(t("review.stored", n=len(done)))
    if queue.empty:
        st.info(t("review.empty"))
        return
    texts = data.texts(url, queue["feedback_id"]).reindex(queue["feedback_id"])
    queue = queue.assign(text_redacted=texts.fillna("").to_numpy())
    taxonomy = data.taxonomy()
    ids = list(queue["feedback_id"])
    picked = st.selectbox(
        t("col.text"),
        ids,
        format_func=lambda i: queue.set_index("feedback_id").at[i, "text_redacted"][:120],
        key="review_pick",
    )
    row = queue.set_index("feedback_id").loc[picked]
    st.markdown(f"> {row['text_redacted']}")
    with st.form("review_form"):
        left, mid, right = st.columns(3)
        topics = list(taxonomy.topic_ids)
        stages = list(taxonomy.touchpoint_ids)
        sentiments = list(taxonomy.sentiment)
        topic = left.selectbox(
            t("col.topic"),
            topics,
            index=topics.index(row["topic"]) if row["topic"] in topics else 0,
            format_func=labeller("topic"),
        )
        stage = mid.selectbox(
            t("col.touchpoint"),
            stages,
            index=stages.index(row["touchpoint"]) if row["touchpoint"] in stages else 0,
            format_func=labeller("touchpoint"),
        )
        sentiment = right.selectbox(
            t("col.sentiment"),
            sentiments,
            index=sentiments.index(row["sentiment"]) if row["sentiment"] in sentiments else 0,
            format_func=labeller("sentiment"),
        )
        by = st.text_input(t("backlog.by"), value="analyst")
        if st.form_submit_button(t("review.save"), type="primary"):
            review.save_correction(
                url,
                {
                    "feedback_id": picked,
                    "topics": topic,
                    "touchpoint": stage,
                    "sentiment": sentiment,
                    "corrected_by": by,
                },
            )
            st.success(t("review.saved", n=1))


def _retrain(url: str, versions: list[str]) -> None:
    import tempfile
    from pathlib import Path

    import pandas as pd

    from voc.classify.corpus import load_corpus
    from voc.classify.trainer import run_training

    version = review.next_version(versions)
    st.caption(t("review.retrain_help", version=version))
    if not st.button(t("review.retrain")):
        return
    corrections = review.read_corrections(url)
    if corrections.empty:
        st.info(t("review.no_corrections"))
        return
    corpus = load_corpus()
    train = corpus[corpus["split"] == "train"][["text", "topics", "touchpoint", "sentiment"]]
    examples = pd.concat([train, corrections[["text", "topics", "touchpoint", "sentiment"]]])
    with tempfile.TemporaryDirectory() as tmp, st.spinner(t("review.retrain")):
        path = Path(tmp) / "examples.csv"
        examples.to_csv(path, index=False)
        run_training(examples_path=path, version=version)
    st.success(t("review.retrained", version=version))


def render() -> None:
    """Draw the page."""
    st.title(t("emerging.title"))
    url = data.database_url()
    _emerging(url)
    versions = _model_quality()
    _review_queue(url)
    _retrain(url, versions)


run_page(render)

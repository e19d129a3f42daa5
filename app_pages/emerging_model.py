"""Emerging topics, model quality from the model cards, the review queue and retraining."""

from __future__ import annotations

import json

import streamlit as st

from app_support import data, review
from app_support.guard import run_page
from app_support.i18n import labeller, t
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


def _model_quality() -> list[str]:
    import pandas as pd

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
    for task, values in metrics.items():
        if not isinstance(values, dict):
            continue
        st.markdown(f"**{task}**")
        for key in ("per_language", "per_label"):
            if isinstance(values.get(key), dict):
                st.dataframe(pd.DataFrame(values[key]).T.round(3), width="stretch")
        flat = {k: v for k, v in values.items() if not isinstance(v, dict | list)}
        if flat:
            st.dataframe(pd.DataFrame([flat]).round(3), hide_index=True)
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

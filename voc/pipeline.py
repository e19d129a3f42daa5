"""The text pipeline in one call: redact -> detect language -> embed -> classify.

Raw text never leaves this function: the returned frame carries ``text_redacted`` and
drops the raw text column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["classify_frame", "classify_store", "classify_texts", "predict_fast"]


def _embed(model, texts: list[str], aspects: bool, show_progress: bool):
    """Embed ``texts``; with aspects, their clauses first (the classifier then finds them cached).

    The int8 encoder quantises each token's activations on its own (see
    ``voc.embed.onnx_export.per_row_activations``), so a text's vector does not depend on
    its batch mates: batching is free to follow chunk sizes or Dask partitions.
    """
    from voc.classify.features import model_text

    featurizer = model.featurizer
    if aspects:
        from voc.classify.aspects import split_clauses
        from voc.classify.features import get_encoder

        encoder = get_encoder(featurizer.encoder)
        if encoder.cache is not None:
            clauses = [c for t in texts if len(parts := split_clauses(t)) > 1 for c in parts]
            if clauses:
                encoder.encode([model_text(c) for c in clauses], kind=featurizer.kind)
    return featurizer.embed([model_text(t) for t in texts], show_progress=show_progress)


def predict_fast(model, texts, *, aspects: bool = True, show_progress: bool = False):
    """``model.predict(texts)`` with the heads on one BLAS thread.

    The heads multiply small matrices many times; a multi-threaded BLAS spends more time
    waking its threads than computing (about 5x slower on a 2-core machine). The encoder runs
    first, outside the limit, with its own threads (see :func:`_embed`).
    """
    from threadpoolctl import threadpool_limits

    texts = [t if isinstance(t, str) else "" for t in texts]
    embeddings = None
    if hasattr(getattr(model, "featurizer", None), "embed"):
        embeddings = _embed(model, texts, aspects, show_progress)
    with threadpool_limits(limits=1, user_api="blas"):
        return model.predict(
            texts, embeddings=embeddings, aspects=aspects, show_progress=show_progress
        )


def classify_texts(
    texts: Sequence[str],
    model=None,
    *,
    aspects: bool = True,
    show_progress: bool = False,
):
    """Redact, detect language and classify ``texts``.

    Returns:
        A DataFrame with ``text_redacted``, ``lang`` and the prediction columns.
    """
    import pandas as pd

    from voc.classify import load_classifier
    from voc.language import detect_languages
    from voc.pii import redact_batch

    model = model or load_classifier()
    raw = ["" if not isinstance(t, str) else t for t in texts]
    redacted = [r.text for r in redact_batch(raw)]
    langs = detect_languages(redacted)
    pred = predict_fast(model, redacted, aspects=aspects, show_progress=show_progress)
    out = pd.DataFrame({"text_redacted": redacted, "lang": langs})
    return pd.concat([out, pred.reset_index(drop=True)], axis=1)


def classify_frame(
    frame,
    *,
    text_col: str = "text",
    model=None,
    aspects: bool = True,
    show_progress: bool = False,
):
    """Classify a frame's ``text_col``; other input columns pass through, raw text is dropped."""
    import pandas as pd

    from voc.errors import ColumnMappingError
    from voc.ingest import listed_columns

    if text_col not in frame.columns:
        raise ColumnMappingError(
            f"Column '{text_col}' not found; available columns: {listed_columns(frame.columns)}.",
            hint="Pass the text column with --text-col NAME.",
        )
    result = classify_texts(
        frame[text_col].tolist(), model, aspects=aspects, show_progress=show_progress
    )
    passthrough = frame.drop(columns=[text_col]).reset_index(drop=True)
    clash = [c for c in result.columns if c in passthrough.columns]
    passthrough = passthrough.drop(columns=clash)
    return pd.concat([passthrough, result], axis=1)


def classify_store(
    engine=None,
    model=None,
    *,
    batch_size: int = 2_000,
    aspects: bool = True,
    show_progress: bool = False,
    redo: str = "unclassified",
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Classify the stored feedback rows that need it; returns rows written.

    The store holds only redacted text, so this step embeds and classifies
    ``text_redacted`` directly. Work is done in batches (bounded memory); an interrupted
    run resumes where it stopped because finished rows already have their predictions.

    Args:
        engine: The store (default: :func:`voc.store.get_engine`).
        model: The classifier (default: the newest shipped one).
        batch_size: Rows per batch.
        aspects: Compute aspect-level sentiment.
        show_progress: Progress bar on stderr.
        redo: Which rows: ``unclassified`` (no prediction yet), ``stale`` (also rows whose
            current prediction comes from another model version: an older model or older
            text rules) or ``all``. Older predictions stay in the store as history.
        on_progress: Called with (done, total) after each batch (the app's progress bar).

    Raises:
        ConfigError: ``redo`` is none of the three.
    """
    from voc.classify import load_classifier
    from voc.progress import progress_bar
    from voc.store import (
        check_redo,
        count_to_classify,
        get_engine,
        iter_texts_to_classify,
        write_predictions,
    )

    check_redo(redo)  # before loading a model
    engine = engine or get_engine()
    model = model or load_classifier()
    version = model.model_version
    total = count_to_classify(engine, redo, version)
    if not total:
        return 0
    written = 0
    pages = iter_texts_to_classify(engine, redo, version, batch_size=batch_size)
    with progress_bar("Classifying", total, enabled=show_progress) as advance:
        for ids, texts in pages:
            pred = predict_fast(model, texts, aspects=aspects)
            pred.insert(0, "feedback_id", ids)
            written += write_predictions(engine, pred)
            advance(len(ids))
            if on_progress is not None:
                on_progress(min(written, total), total)
    return written

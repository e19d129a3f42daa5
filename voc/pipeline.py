"""The text pipeline in one call: redact -> detect language -> embed -> classify.

Raw text never leaves this function: the returned frame carries ``text_redacted`` and
drops the raw text column.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["classify_frame", "classify_store", "classify_texts", "predict_fast"]


def _embed_per_text(model, texts: list[str], aspects: bool, show_progress: bool):
    """Embed ``texts`` so that each vector is independent of the other texts in the call.

    The int8 ONNX encoder quantises activations per batch, so a text's vector shifts a
    little with its batch mates (cosine ~0.997), enough to flip a few labels between runs
    that batch differently (chunk sizes, Dask partitions). It is therefore fed one text per
    model call (measured as fast as batches of 64 on short texts). With aspects, the clauses
    are embedded the same way first, so the classifier finds them in the cache.
    """
    from voc.classify.features import get_encoder
    from voc.embed.backends import OnnxEncoder

    featurizer = model.featurizer
    encoder = get_encoder(featurizer.encoder)
    if not isinstance(encoder, OnnxEncoder):
        return featurizer.embed(texts, show_progress=show_progress)
    kind = featurizer.kind
    if aspects and encoder.cache is not None:
        from voc.classify.aspects import split_clauses

        clauses = []
        for text in texts:
            parts = split_clauses(text)
            if len(parts) > 1:
                clauses.extend(parts)
        if clauses:
            encoder.encode(clauses, kind=kind, batch_size=1)
    return encoder.encode(texts, kind=kind, batch_size=1, show_progress=show_progress)


def predict_fast(model, texts, *, aspects: bool = True, show_progress: bool = False):
    """``model.predict(texts)``, reproducible across batchings, heads on one BLAS thread.

    The heads multiply small matrices many times; a multi-threaded BLAS spends more time
    waking its threads than computing (about 5x slower on a 2-core machine). The encoder runs
    first, outside the limit, with its own threads (see :func:`_embed_per_text`).
    """
    from threadpoolctl import threadpool_limits

    texts = [t if isinstance(t, str) else "" for t in texts]
    embeddings = None
    if hasattr(getattr(model, "featurizer", None), "embed"):
        embeddings = _embed_per_text(model, texts, aspects, show_progress)
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

    if text_col not in frame.columns:
        raise ColumnMappingError(
            f"Column '{text_col}' not found; "
            f"available columns: {', '.join(map(str, frame.columns))}.",
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
) -> int:
    """Classify every stored feedback row that has no prediction yet; returns rows written.

    The store holds only redacted text, so this step embeds and classifies
    ``text_redacted`` directly. Work is done in batches (bounded memory); an interrupted
    run resumes where it stopped because finished rows already have predictions.
    """
    from voc.classify import load_classifier
    from voc.progress import progress_bar
    from voc.store import get_engine, read_feedback

    engine = engine or get_engine()
    model = model or load_classifier()
    todo = read_feedback(engine, unclassified_only=True)
    if todo.empty:
        return 0
    from voc.store import write_predictions

    written = 0
    with progress_bar("Classifying", len(todo), enabled=show_progress) as advance:
        for start in range(0, len(todo), batch_size):
            chunk = todo.iloc[start : start + batch_size]
            texts = chunk["text_redacted"].fillna("").tolist()
            pred = predict_fast(model, texts, aspects=aspects)
            pred.insert(0, "feedback_id", chunk["feedback_id"].to_numpy())
            written += write_predictions(engine, pred)
            advance(len(chunk))
    return written

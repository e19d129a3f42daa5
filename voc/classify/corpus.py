"""The labelled training corpus: combine the hand-written parts, check it, split it.

The corpus lives in ``data/train/``: ``parts/*.csv`` are written by the team, and
``corpus.csv`` is the combined file with a deterministic, stratified ``split`` column
(``train`` or ``test``; 15% test). Columns: ``text, lang, topics, touchpoint, sentiment,
industry`` (``topics`` is ``|``-separated, primary first).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from voc.errors import ValidationError
from voc.taxonomy import Taxonomy

__all__ = [
    "CORPUS_COLUMNS",
    "TRAIN_DIR",
    "build_corpus",
    "corpus_hash",
    "load_corpus",
    "load_sentiment_supplement",
    "normalise_for_dedup",
    "validate_labels",
]

TRAIN_DIR = Path(__file__).resolve().parents[2] / "data" / "train"
CORPUS_COLUMNS = ("text", "lang", "topics", "touchpoint", "sentiment", "industry")
#: General-domain sentiment rows (tweets, reviews, everyday comments) written by the team:
#: they train the sentiment head only, next to the customer-service corpus.
SUPPLEMENT_GLOB = "sentiment_general*.csv"
SUPPLEMENT_COLUMNS = ("text", "lang", "sentiment", "domain")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise_for_dedup(text: str) -> str:
    """Lower-case, strip punctuation and emoji, collapse spaces (the near-duplicate key)."""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def validate_labels(frame, taxonomy: Taxonomy, *, source: str = "corpus") -> None:
    """Raise :class:`ValidationError` naming the first rows whose labels are not in ``taxonomy``."""
    problems = []
    topics = set(taxonomy.topic_ids)
    touchpoints = set(taxonomy.touchpoint_ids)
    sentiments = set(taxonomy.sentiment)
    for i, row in frame.iterrows():
        bad = [t for t in str(row["topics"]).split("|") if t not in topics]
        if bad:
            problems.append(f"row {i}: unknown topic(s) {', '.join(bad)}")
        if row["touchpoint"] not in touchpoints:
            problems.append(f"row {i}: unknown touchpoint {row['touchpoint']!r}")
        if row["sentiment"] not in sentiments:
            problems.append(f"row {i}: unknown sentiment {row['sentiment']!r}")
        if len(problems) >= 5:
            break
    if problems:
        raise ValidationError(f"{source} has labels outside the taxonomy: " + "; ".join(problems))


def _split_key(text: str) -> float:
    digest = hashlib.sha256(normalise_for_dedup(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _stratified_split(frame, strata: list[str], test_share: float):
    """``train``/``test`` per row: in each stratum, the rows first by text hash go to test."""
    import pandas as pd

    order = frame["text"].map(_split_key)
    split = pd.Series("train", index=frame.index, dtype=object)
    for _, group in frame.groupby(strata, sort=True):
        ordered = order[group.index].sort_values()
        split[ordered.index[: int(round(len(ordered) * test_share))]] = "test"
    return split


def build_corpus(taxonomy: Taxonomy, parts_dir: Path | None = None, test_share: float = 0.15):
    """Combine ``parts/*.csv``, drop exact near-duplicates, and assign a stratified split.

    The split is deterministic: rows are ordered by a hash of their normalised text within
    each (primary topic, language) stratum and the first ``test_share`` of each stratum
    goes to ``test``.

    Returns:
        The combined DataFrame with an added ``split`` column.
    """
    import numpy as np
    import pandas as pd

    parts_dir = parts_dir or TRAIN_DIR / "parts"
    files = sorted(parts_dir.glob("*.csv"))
    if not files:
        raise ValidationError(f"No corpus parts (*.csv) found in {parts_dir}.")
    frames = []
    for f in files:
        part = pd.read_csv(f, dtype=str, keep_default_na=False)
        missing = [c for c in CORPUS_COLUMNS if c not in part.columns]
        if missing:
            raise ValidationError(f"{f} lacks column(s) {', '.join(missing)}.")
        part = part[list(CORPUS_COLUMNS)].copy()
        for col in CORPUS_COLUMNS:
            part[col] = part[col].str.strip()
        part["source_part"] = f.stem
        frames.append(part)
    corpus = pd.concat(frames, ignore_index=True)
    corpus = corpus[corpus["text"] != ""]
    validate_labels(corpus, taxonomy)
    corpus["_key"] = corpus["text"].map(normalise_for_dedup)
    corpus = corpus.drop_duplicates("_key").reset_index(drop=True)
    corpus["_primary"] = corpus["topics"].str.split("|").str[0]
    corpus["split"] = _stratified_split(corpus, ["_primary", "lang"], test_share)
    out = corpus.drop(columns=["_key", "_primary"])
    out["split"] = out["split"].astype(str)
    return out.reset_index(drop=True).astype({"split": object}).replace({np.nan: ""})


def load_corpus(path: Path | None = None):
    """Read ``data/train/corpus.csv`` (or ``path``) as strings."""
    import pandas as pd

    path = path or TRAIN_DIR / "corpus.csv"
    if not path.exists():
        raise ValidationError(
            f"Training corpus {path} does not exist.",
            hint="Build it with: voc corpus build",
        )
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def load_sentiment_supplement(
    train_dir: Path | None = None,
    *,
    sentiments: tuple[str, ...] = ("negative", "neutral", "positive"),
    exclude_texts=(),
    test_share: float = 0.15,
):
    """Read the general-domain sentiment files (``sentiment_general*.csv``) with a split.

    Rows whose normalised text repeats another row or one of ``exclude_texts`` (the
    corpus) are dropped. The ``split`` column is assigned like the corpus's: by a hash of
    the normalised text within each (language, sentiment) stratum, ``test_share`` to test.

    Returns:
        A DataFrame with :data:`SUPPLEMENT_COLUMNS`, ``source_part`` and ``split``; empty
        (same columns) when there are no files.

    Raises:
        ValidationError: A file lacks a column or has a sentiment outside ``sentiments``.
    """
    import pandas as pd

    train_dir = train_dir or TRAIN_DIR
    columns = [*SUPPLEMENT_COLUMNS, "source_part", "split"]
    frames = []
    for f in sorted(train_dir.glob(SUPPLEMENT_GLOB)):
        part = pd.read_csv(f, dtype=str, keep_default_na=False)
        missing = [c for c in SUPPLEMENT_COLUMNS if c not in part.columns]
        if missing:
            raise ValidationError(f"{f} lacks column(s) {', '.join(missing)}.")
        part = part[list(SUPPLEMENT_COLUMNS)].apply(lambda col: col.str.strip())
        bad = sorted(set(part["sentiment"]) - set(sentiments))
        if bad:
            raise ValidationError(
                f"{f} has sentiment label(s) {', '.join(bad)}; expected {', '.join(sentiments)}."
            )
        frames.append(part.assign(source_part=f.stem))
    if not frames:
        return pd.DataFrame(columns=columns, dtype=object)
    rows = pd.concat(frames, ignore_index=True)
    rows = rows[rows["text"] != ""]
    keys = rows["text"].map(normalise_for_dedup)
    seen = {normalise_for_dedup(t) for t in exclude_texts}
    rows = rows[~keys.isin(seen) & ~keys.duplicated()].reset_index(drop=True)
    rows["split"] = _stratified_split(rows, ["lang", "sentiment"], test_share)
    return rows[columns]


def corpus_hash(frame) -> str:
    """SHA-256 of the rows used for training (text and labels), order-independent."""
    rows = sorted(
        "\t".join(str(r[c]) for c in ("text", "topics", "touchpoint", "sentiment"))
        for _, r in frame.iterrows()
    )
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()

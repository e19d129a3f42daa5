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
    "normalise_for_dedup",
    "validate_labels",
]

TRAIN_DIR = Path(__file__).resolve().parents[2] / "data" / "train"
CORPUS_COLUMNS = ("text", "lang", "topics", "touchpoint", "sentiment", "industry")
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
    corpus["_h"] = corpus["text"].map(_split_key)
    corpus["split"] = "train"
    for _, group in corpus.groupby(["_primary", "lang"], sort=True):
        ordered = group.sort_values("_h")
        n_test = int(round(len(ordered) * test_share))
        corpus.loc[ordered.index[:n_test], "split"] = "test"
    out = corpus.drop(columns=["_key", "_primary", "_h"])
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


def corpus_hash(frame) -> str:
    """SHA-256 of the rows used for training (text and labels), order-independent."""
    rows = sorted(
        "\t".join(str(r[c]) for c in ("text", "topics", "touchpoint", "sentiment"))
        for _, r in frame.iterrows()
    )
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()

"""Write the training corpus data card (``data/train/README.md``) from the data itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np

__all__ = ["near_duplicate_share", "write_data_card"]

_HOW = """\
## How it was written
Every comment was written by hand by this team, one by one, in the voice of customers of
fictional companies (no real brand, no real person). Nothing was copied from public datasets
or from the evaluation sets in `../shared/eval/`, which the writers did not open. The writers
followed a labelling guide derived from `data/taxonomy/default.yaml` (topic and touchpoint
rules, mixed-polarity and multi-topic conventions, neutral = questions, requests and factual
reports) and a style mix: Indonesian slang and abbreviations (gak, nggak, ga, udh, blm, bgt,
tp, yg, dgn, kak, min, gan, sis), typos, emoji, ALL CAPS rants, two-word comments and long
stories, sarcasm, tweets, app reviews, survey answers, ticket-style notes, long formal
complaint narratives and short banking-style questions, in Indonesian, English and code-mixed
Indonesian-English. Each writer covered a group of industries (`parts/part_*.csv`).

`corpus.csv` is built by `voc corpus build`: the parts are combined, rows that are identical
after lower-casing and stripping punctuation are dropped, and a deterministic stratified 15%
(per primary topic and language, ordered by a hash of the text) is held out as the internal
test split (`split = test`). Heads are trained on `split = train` only; the internal-test
metrics in the model cards come from `split = test`.
"""


def near_duplicate_share(texts, *, threshold: float = 0.97, encoder=None) -> float:
    """Share of rows whose embedding has cosine >= ``threshold`` with an earlier row."""
    if encoder is None or len(texts) < 2:
        return 0.0
    emb = encoder.encode(list(texts), kind="query")
    dup = np.zeros(len(texts), dtype=bool)
    block = 2048
    for start in range(0, len(texts), block):
        sims = emb[start : start + block] @ emb.T
        for i in range(sims.shape[0]):
            row = start + i
            earlier = sims[i, :row]
            if earlier.size and earlier.max() >= threshold:
                dup[row] = True
    return float(dup.mean())


def _table(series, title: str) -> str:
    counts = series.value_counts()
    lines = [f"| {title} | rows |", "|---|---:|"]
    lines += [f"| {k} | {v:,} |" for k, v in counts.items()]
    return "\n".join(lines)


_SUPPLEMENT_HOW = """\
## General-domain sentiment supplement
`sentiment_general_*.csv` (columns `text, lang, sentiment, domain`) hold tweets, reviews and
everyday comments about anything (food, places, films, transport, public services, brands,
airlines...), written by hand by this team the same way as the corpus, to teach the sentiment
head opinions outside customer service. They train the **sentiment head only** (topic and
touchpoint heads never see them). Rows repeating a corpus row or each other (after
lower-casing and stripping punctuation) are dropped when loaded, and a deterministic 15% per
(language, sentiment) is held out; the model card reports the sentiment metrics on it
(`metrics_internal_test_general_sentiment`).
"""


_OTHER_FILES = """\
## Noisy copies (shipped model only)
When `voc train` trains the shipped model on this corpus, it adds a noisy copy of each
training row (`voc.classify.augment`: chat abbreviations such as `gak`, `udh`, `yg`, `pls`,
a typo in about one word in twelve, sometimes all lower case, no punctuation or no emoji),
with the row's labels; the count is in the model card (`augmentation`). The internal test
split is never augmented. Examples a user brings with `--examples` are trained as given.

## PII name-tagger negatives
`pii_tagger_negatives.txt`: 500 hand-written comments (Indonesian, English, code-mixed) in
which words that are also given names are ordinary words, product variants, shops, brands,
months or colours ("varian Rose Gold", "Toko Sinar Jaya", "hari ini", "Made in Japan"). No
line contains a personal name. They train the PII name tagger only (`voc.pii.name_tagger`,
`voc pii-train-tagger`); see docs/PII.md.
"""


def _supplement_section(exclude_texts) -> list[str]:
    from voc.classify.corpus import load_sentiment_supplement

    sup = load_sentiment_supplement(exclude_texts=exclude_texts)
    if sup.empty:
        return []
    both = sup.groupby(["lang", "sentiment"]).size().unstack(fill_value=0)
    lines = ["| language | " + " | ".join(both.columns) + " |"]
    lines.append("|---|" + "---:|" * len(both.columns))
    lines += [
        f"| {lang} | " + " | ".join(f"{v:,}" for v in row) + " |" for lang, row in both.iterrows()
    ]
    return [
        _SUPPLEMENT_HOW,
        f"- Rows: {len(sup):,} (train {int((sup['split'] == 'train').sum()):,}, "
        f"internal test {int((sup['split'] == 'test').sum()):,}), files: "
        + ", ".join(f"`{f}.csv`" for f in sorted(set(sup["source_part"]))),
        "",
        *lines,
        "",
        _table(sup["domain"], "domain"),
        "",
    ]


def write_data_card(corpus, path: Path, *, show_progress: bool = False) -> Path:
    """Compute the corpus statistics and write the Markdown data card."""
    from voc.classify.features import get_encoder
    from voc.embed import DEFAULT_ENCODER

    primary = corpus["topics"].str.split("|").str[0]
    multi = (corpus["topics"].str.count(r"\|") > 0).mean()
    try:
        share = near_duplicate_share(corpus["text"].tolist(), encoder=get_encoder(DEFAULT_ENCODER))
        near = f"{share:.2%} of rows have an embedding cosine >= 0.97 with an earlier row"
    except Exception as exc:  # encoder not prepared: say so rather than guess
        near = f"not computed ({type(exc).__name__}: run `voc models prepare` first)"
    lang_share = corpus["lang"].value_counts(normalize=True)
    parts = [
        "# Training corpus data card",
        "",
        f"- Rows: {len(corpus):,} (train {int((corpus['split'] == 'train').sum()):,}, "
        f"internal test {int((corpus['split'] == 'test').sum()):,})",
        "- Languages: " + ", ".join(f"{k} {v:.1%}" for k, v in lang_share.items()),
        f"- Multi-topic rows: {multi:.1%}",
        "- Exact near-duplicates (after lower-casing, stripping punctuation): removed at build",
        f"- Embedding near-duplicates: {near}",
        f"- Industries: {corpus['industry'].nunique()}",
        "- Columns: `text, lang, topics, touchpoint, sentiment, industry, source_part, split`",
        "",
        _HOW,
        "## Counts",
        "",
        _table(primary.rename("primary topic"), "primary topic"),
        "",
        _table(corpus["touchpoint"], "touchpoint"),
        "",
        _table(corpus["sentiment"], "sentiment"),
        "",
        _table(corpus["lang"], "language"),
        "",
        _table(corpus["industry"], "industry"),
        "",
        *_supplement_section(corpus["text"]),
        "",
        _OTHER_FILES,
    ]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path

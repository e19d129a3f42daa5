"""Experiment (issue 4): an MLP sentiment head on the frozen embeddings beside the shipped one.

The shipped head is a logistic regression on embeddings + char TF-IDF.

Fixed before any run: the shipped model's featurizer; training rows = the shipped sentiment
head's (corpus train split + its noisy copies + the supplement's train split); candidates
(a) the shipped head as it is, (b) ``MLPClassifier(hidden_layer_sizes=(256,), alpha=1e-3,
early_stopping=True, random_state=0)`` on the 384-d embeddings, (c) the mean of (a) and (b)
probabilities. Decision rule: (b) or (c) would be considered only if it raises sentiment
macro-F1 by >= 0.01 on both internal test splits (corpus, supplement). The evaluation sets are
measured once for every candidate and choose nothing. Writes JSON to argv[1].
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score
from sklearn.neural_network import MLPClassifier

from voc.classify import load_classifier
from voc.classify.augment import noisy_copies
from voc.classify.corpus import load_corpus, load_sentiment_supplement
from voc.classify.evaluate import _label_map
from voc.classify.report import _LABEL_MAPS, _SENTIMENT_FILES, DEFAULT_EVAL_DIR
from voc.pii import redact_batch

# dev-gold's sentiment column, then the transfer files `make eval` reads.
SETS = (("devgold", "dev-gold/dev_gold.csv", "text", "sentiment", None), *_SENTIMENT_FILES)


def main(out: str) -> None:
    """Train the MLP, measure the three candidates, write the JSON to ``out``."""
    t0 = time.time()
    model = load_classifier()
    feat, head = model.featurizer, model.sentiment_head
    classes = list(head.classes_)
    corpus = load_corpus()
    train = corpus[corpus["split"] == "train"].reset_index(drop=True)
    train = pd.concat([train, noisy_copies(train, seed=0)], ignore_index=True)
    sup = load_sentiment_supplement(exclude_texts=corpus["text"])
    sup_train = sup[sup["split"] == "train"]
    rows = pd.concat([train[["text", "sentiment"]], sup_train[["text", "sentiment"]]])
    emb = feat.embed(rows["text"].tolist(), show_progress=True)
    mlp = MLPClassifier(hidden_layer_sizes=(256,), alpha=1e-3, early_stopping=True, random_state=0)
    mlp.fit(emb, rows["sentiment"].to_numpy())
    assert list(mlp.classes_) == classes

    def score(texts, gold, groups=None):
        e = feat.embed(texts, show_progress=False)
        pa = head.predict_proba(feat.transform(texts, embeddings=e))
        pb = mlp.predict_proba(e)
        res = {}
        for name, p in (("shipped", pa), ("mlp", pb), ("mean", (pa + pb) / 2)):
            pred = np.array(classes)[p.argmax(1)]
            res[name] = {"all": round(f1_score(gold, pred, average="macro"), 4)}
            if groups is not None:
                for g in sorted(set(groups)):
                    idx = [i for i, x in enumerate(groups) if x == g]
                    res[name][g] = round(
                        f1_score([gold[i] for i in idx], pred[idx], average="macro"), 4
                    )
        return res

    results = {"train_rows": len(rows), "mlp_iterations": int(mlp.n_iter_)}
    test = corpus[corpus["split"] == "test"]
    results["internal_corpus"] = score(test["text"].tolist(), test["sentiment"].tolist())
    st = sup[sup["split"] == "test"]
    results["internal_supplement"] = score(st["text"].tolist(), st["sentiment"].tolist())
    for name, rel, tcol, lcol, mp in SETS:
        frame = pd.read_csv(DEFAULT_EVAL_DIR / rel, dtype=str, keep_default_na=False)
        frame = frame[frame[tcol].str.strip() != ""]
        mapping = _label_map(_LABEL_MAPS / mp if mp else None)
        gold = [mapping.get(x.strip(), x.strip()) for x in frame[lcol]]
        texts = [r.text for r in redact_batch(frame[tcol].tolist())]
        groups = frame["lang"].tolist() if "lang" in frame else None
        results[name] = score(texts, gold, groups)
    results["seconds"] = round(time.time() - t0, 1)
    Path(out).write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])

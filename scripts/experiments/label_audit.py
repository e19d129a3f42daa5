"""Experiment (issue 4): a blind audit of the training corpus's labels (2026-11-28, not shipped).

Question: does the corpus hold enough wrong labels to cost the heads accuracy?

``select``: every corpus row (train and test split) gets an out-of-fold prediction of its
primary topic, touchpoint and sentiment from a logistic regression on the frozen embeddings
(``C=16``, balanced, 5 stratified folds, seed 0). A row is a *suspect* for a task when the
out-of-fold probability of its own label is below 0.15 and another label's is above 0.5.
The suspects plus 440 random other rows (controls, to measure the annotators' agreement with
the original labels) are shuffled, given opaque ids and written as text-only batches for
annotators who see neither the original labels nor the model's.

``measure``: reads the annotators' labels (``docs/experiments/label_audit_2026-11-28.csv``
holds them beside the original and out-of-fold labels) and applies the rule fixed before
the annotation: a label is corrected only for a suspect, and only when the blind annotator
and the out-of-fold prediction agree on a label other than the original (two independent
votes against it; for topics the annotator's whole set replaces the row's). The corrections
are applied after the split is taken, so no row changes split. Then it trains the shipped
configuration on the corrected corpus into a temporary folder and measures it and the
shipped model on the internal test split (original and corrected labels) and on the
evaluation sets (measured once, choosing nothing). Writes JSON to the path given.

    python scripts/experiments/label_audit.py select OUT_DIR
    python scripts/experiments/label_audit.py measure OUT.json
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

DECISIONS = Path(__file__).resolve().parents[2] / "docs/experiments/label_audit_2026-11-28.csv"
TASKS = (  # task, corpus column, audit column, out-of-fold column
    ("topic", "topics", "audit_topics", "cv_topic"),
    ("touchpoint", "touchpoint", "audit_touchpoint", "cv_touchpoint"),
    ("sentiment", "sentiment", "audit_sentiment", "cv_sentiment"),
)


def _primary(series):
    return series.str.split("|").str[0]


def select(out_dir: str) -> None:
    """Write the suspects and controls as text-only batches plus the id map."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from voc.classify.corpus import load_corpus
    from voc.classify.features import TextFeaturizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus()
    X = TextFeaturizer(encoder="e5-small-int8", kind="query").embed(corpus["text"].tolist())
    suspect = np.zeros(len(corpus), dtype=bool)
    for task, column, _, _ in TASKS:
        y = _primary(corpus[column]) if task == "topic" else corpus[column]
        proba = cross_val_predict(
            LogisticRegression(C=16, max_iter=2000, class_weight="balanced"),
            X,
            y,
            cv=StratifiedKFold(5, shuffle=True, random_state=0),
            method="predict_proba",
        )
        labels = np.array(sorted(y.unique()))
        given = proba[np.arange(len(y)), np.searchsorted(labels, y)]
        flagged = (given < 0.15) & (proba.max(axis=1) > 0.5)
        corpus[f"cv_{task}"] = labels[proba.argmax(axis=1)]
        corpus[f"suspect_{task}"] = flagged
        suspect |= flagged
    controls = corpus[~suspect].sample(440, random_state=14).index.to_numpy()
    rows = np.concatenate([np.flatnonzero(suspect), controls])
    np.random.default_rng(14).shuffle(rows)
    ids = [f"a{i:04d}" for i in range(len(rows))]
    pd.DataFrame({"id": ids, "row": rows, "suspect": suspect[rows]}).to_csv(
        out / "map.csv", index=False
    )
    for k, chunk in enumerate(np.array_split(np.arange(len(rows)), 8)):
        pd.DataFrame(
            {"id": np.array(ids)[chunk], "text": corpus["text"].to_numpy()[rows[chunk]]}
        ).to_csv(out / f"batch_{k}.csv", index=False)
    corpus.to_csv(out / "cv_predictions.csv", index=False)
    print(f"{int(suspect.sum())} suspects, {len(controls)} controls -> {out}")


def corrected_corpus(corpus, decisions):
    """``corpus`` with the two-vote corrections of ``decisions`` applied (and their count)."""
    corpus = corpus.copy()
    position = {t: i for i, t in enumerate(corpus["text"])}
    counts = {}
    for task, column, audit_col, cv_col in TASKS:
        old = _primary(decisions[column]) if task == "topic" else decisions[column]
        new = _primary(decisions[audit_col]) if task == "topic" else decisions[audit_col]
        rule = decisions[f"suspect_{task}"] & (new != old) & (new == decisions[cv_col])
        chosen = decisions.loc[rule, ["text", audit_col]]
        for text, value in chosen.itertuples(index=False):
            corpus.iloc[position[text], corpus.columns.get_loc(column)] = value
        counts[task] = int(rule.sum())
    return corpus, counts


def _agreement(decisions) -> dict:
    """How often the blind annotator kept the original label, controls vs suspects."""
    out = {}
    controls = ~decisions[[f"suspect_{t}" for t, *_ in TASKS]].any(axis=1)
    for task, column, audit_col, cv_col in TASKS:
        old = _primary(decisions[column]) if task == "topic" else decisions[column]
        new = _primary(decisions[audit_col]) if task == "topic" else decisions[audit_col]
        sus = decisions[f"suspect_{task}"]
        out[task] = {
            "controls": int(controls.sum()),
            "controls_annotator_kept_label": round(float((old == new)[controls].mean()), 3),
            "suspects": int(sus.sum()),
            "suspects_annotator_kept_label": round(float((old == new)[sus].mean()), 3),
            "suspects_annotator_chose_cv_label": round(
                float((new == decisions[cv_col])[sus].mean()), 3
            ),
        }
    return out


def _scores(model, frame) -> dict:
    from voc.classify.train import evaluate_classifier

    r = evaluate_classifier(model, frame)
    out = {t: {"accuracy": r[t]["accuracy"], "macro_f1": r[t]["macro_f1"]} for t in r}
    out["topic"]["set_micro_f1"] = r["topic"]["set_micro_f1"]
    return out


def _eval_sets(model) -> dict:
    from voc.classify.report import run_evaluation

    r = run_evaluation(model, fewshot_methods=())
    dev = r["devgold"]["all"]
    out = {
        "devgold_sentiment_macro_f1": {
            g: dev["sentiment"]["per_group"][g]["macro_f1"] for g in ("id", "en")
        },
        "devgold_topic_accuracy": dev["topic"]["accuracy"],
        "devgold_topic_set_micro_f1": dev["topic"]["set_micro_f1"],
        "devgold_touchpoint_accuracy": dev["touchpoint"]["accuracy"],
    }
    out.update({f"{k}_macro_f1": v["macro_f1"] for k, v in r["sentiment"].items()})
    return out


def measure(out_json: str) -> None:
    """Train on the corrected corpus; measure it and the shipped model."""
    import voc.classify.corpus as corpus_module
    from voc.classify import load_classifier
    from voc.classify.trainer import run_training
    from voc.taxonomy import default_taxonomy

    t0 = time.time()
    decisions = pd.read_csv(DECISIONS, dtype=str, keep_default_na=False)
    for task, *_ in TASKS:
        decisions[f"suspect_{task}"] = decisions[f"suspect_{task}"] == "True"
    original = corpus_module.load_corpus()
    fixed, counts = corrected_corpus(original, decisions)
    result = {"corrections": counts, "agreement": _agreement(decisions)}
    with tempfile.TemporaryDirectory() as tmp:
        train_dir = Path(tmp) / "train"
        train_dir.mkdir()
        fixed.to_csv(train_dir / "corpus.csv", index=False)
        for f in corpus_module.TRAIN_DIR.glob(corpus_module.SUPPLEMENT_GLOB):
            shutil.copy(f, train_dir / f.name)
        corpus_module.TRAIN_DIR = train_dir  # run_training reads the corrected corpus
        run_training(version="audit", out_dir=Path(tmp) / "models" / "default" / "audit")
        audited = load_classifier(default_taxonomy(), version="audit", root=Path(tmp) / "models")
        shipped = load_classifier(default_taxonomy())
        tests = {
            "original_labels": original[original["split"] == "test"].reset_index(drop=True),
            "corrected_labels": fixed[fixed["split"] == "test"].reset_index(drop=True),
        }
        for name, model in (("shipped", shipped), ("audited", audited)):
            result[name] = {f"internal_test_{k}": _scores(model, v) for k, v in tests.items()}
            result[name]["evaluation_sets"] = _eval_sets(model)
    result["seconds"] = round(time.time() - t0)
    Path(out_json).write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    {"select": select, "measure": measure}[sys.argv[1]](sys.argv[2])

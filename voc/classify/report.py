"""``make eval``: run the protocols of ``../shared/eval/README.md`` and write docs/EVALUATION.md.

The evaluation sets are read for measuring only; nothing here trains on them or tunes on
their texts. When the folder is absent the report says so and nothing fails.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from pathlib import Path

__all__ = ["DEFAULT_EVAL_DIR", "FEWSHOT_METHODS", "TARGETS", "run_evaluation", "write_report"]

DEFAULT_EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"
_LABEL_MAPS = Path(__file__).resolve().parents[2] / "data" / "eval" / "label_maps"

# (key, description, threshold) from the classifier issue's targets.
TARGETS = (
    ("devgold.sentiment.id.macro_f1", "dev-gold sentiment macro-F1, Indonesian", 0.80),
    ("devgold.sentiment.en.macro_f1", "dev-gold sentiment macro-F1, English", 0.80),
    ("devgold.topic.accuracy", "dev-gold primary-topic accuracy", 0.65),
    ("devgold.topic.set_micro_f1", "dev-gold topic-set micro-F1", 0.60),
    ("devgold.touchpoint.accuracy", "dev-gold touchpoint accuracy", 0.70),
    ("sentiment.nusax_id.macro_f1", "NusaX-id sentiment macro-F1", 0.80),
    ("sentiment.nusax_en.macro_f1", "NusaX-en sentiment macro-F1", 0.80),
    ("sentiment.airline_en.macro_f1", "Airline sample sentiment macro-F1", 0.80),
    ("sentiment.indonglish.macro_f1", "Code-mixed (Indonglish) sentiment macro-F1", 0.70),
    ("fewshot.banking77.logreg.accuracy", "Few-shot banking77 k=10 accuracy, logreg", 0.82),
    ("fewshot.banking77.setfit.accuracy", "Few-shot banking77 k=10 accuracy, setfit", 0.82),
)

#: Few-shot methods ``make eval`` runs, in report order (setfit takes minutes per seed).
FEWSHOT_METHODS = ("logreg", "setfit")

_SENTIMENT_FILES = (
    ("nusax_id", "sentiment/nusax_id_test.csv", "text", "label", None),
    ("nusax_en", "sentiment/nusax_en_test.csv", "text", "label", None),
    ("airline_en", "sentiment/airline_en_sample.csv", "text", "label", None),
    ("indonglish", "sentiment/indonglish_test.csv", "tweet", "label", "indonglish.yaml"),
)


def _devgold(model, path: Path, show_progress: bool) -> dict:
    import pandas as pd

    from voc.classify.metrics import label_set_micro_f1, single_label_report
    from voc.pipeline import classify_texts

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    pred = classify_texts(frame["text"].tolist(), model, aspects=False, show_progress=show_progress)
    out: dict = {}
    subsets = {"all": frame.index, "high_confidence": frame.index[frame["confidence"] == "high"]}
    for name, idx in subsets.items():
        sub, p = frame.loc[idx], pred.loc[idx]
        groups = sub["lang"].tolist()
        gold_sets = [s.split("|") for s in sub["topics_all"]]
        pred_sets = [s.split("|") for s in p["topics"]]
        res = {
            "n": len(sub),
            "sentiment": single_label_report(sub["sentiment"], p["sentiment"], groups=groups),
            "topic": single_label_report(sub["topic"], p["topic"], groups=groups),
            "touchpoint": single_label_report(sub["touchpoint"], p["touchpoint"], groups=groups),
        }
        res["topic"]["set_micro_f1"] = label_set_micro_f1(gold_sets, pred_sets)
        for g in res["topic"]["per_group"]:
            gi = [i for i, x in enumerate(groups) if x == g]
            res["topic"]["per_group"][g]["set_micro_f1"] = label_set_micro_f1(
                [gold_sets[i] for i in gi], [pred_sets[i] for i in gi]
            )
        for task in ("sentiment", "topic", "touchpoint"):
            res[task].pop("confusion_matrix", None)
        out[name] = res
    return out


def run_evaluation(
    model=None,
    eval_dir: Path | None = None,
    *,
    fewshot_methods: Sequence[str] = FEWSHOT_METHODS,
    show_progress: bool = False,
) -> dict:
    """Run every protocol whose files exist; returns a nested dict of measured numbers.

    Args:
        fewshot_methods: Methods of :func:`~voc.classify.evaluate.fewshot_evaluate` to run
            on banking77 (each gets its own row; an empty tuple skips the few-shot protocol).
    """
    from voc.classify import load_classifier
    from voc.classify.corpus import TRAIN_DIR
    from voc.classify.evaluate import evaluate_file, fewshot_evaluate

    eval_dir = Path(eval_dir or DEFAULT_EVAL_DIR)
    results: dict = {"eval_dir": str(eval_dir), "available": eval_dir.is_dir()}
    if not eval_dir.is_dir():
        return results
    model = model or load_classifier()
    results["model_version"] = model.model_version
    results["encoder"] = model.featurizer.encoder
    dev = eval_dir / "dev-gold" / "dev_gold.csv"
    if dev.exists():
        results["devgold"] = _devgold(model, dev, show_progress)
    results["sentiment"] = {}
    for name, rel, text_col, label_col, map_name in _SENTIMENT_FILES:
        path = eval_dir / rel
        if path.exists():
            rep = evaluate_file(
                model,
                path,
                task="sentiment",
                text_col=text_col,
                label_col=label_col,
                label_map=_LABEL_MAPS / map_name if map_name else None,
                show_progress=show_progress,
            )
            rep.pop("confusion_matrix", None)
            results["sentiment"][name] = rep
    corpus = TRAIN_DIR / "corpus.csv"
    if corpus.exists():  # our own rows, rewritten as customers type (not an evaluation set)
        from voc.classify.corpus import load_corpus
        from voc.classify.robustness import robustness_report

        test = load_corpus(corpus)
        results["robustness"] = robustness_report(model, test[test["split"] == "test"])
    bank = eval_dir / "fewshot" / "banking77"
    if (bank / "train.csv").exists() and fewshot_methods:
        results["fewshot"] = {"banking77": {}}
        for method in fewshot_methods:
            results["fewshot"]["banking77"][method] = fewshot_evaluate(
                bank / "train.csv",
                bank / "test.csv",
                text_col="text",
                label_col="category",
                k=10,
                seeds=(0, 1, 2),
                method=method,
                show_progress=show_progress,
            )
    return results


def _lookup(results: dict, key: str):
    parts = key.split(".")
    if parts[0] == "devgold":
        node = results.get("devgold", {}).get("all", {})
        task = node.get(parts[1], {})
        if len(parts) == 4:
            return task.get("per_group", {}).get(parts[2], {}).get(parts[3])
        return task.get(parts[2])
    if parts[0] == "sentiment":
        return results.get("sentiment", {}).get(parts[1], {}).get(parts[2])
    if parts[0] == "fewshot":
        return results.get("fewshot", {}).get(parts[1], {}).get(parts[2], {}).get(parts[3])
    return None


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def write_report(results: dict, out: Path) -> Path:
    """Write the Markdown evaluation report (and a JSON twin next to it)."""
    lines = [
        "# Evaluation",
        "",
        f"Generated by `make eval` on {_dt.date.today().isoformat()}. Every number below was "
        "measured by that run; none is copied from elsewhere.",
        "",
    ]
    if not results.get("available"):
        lines += [f"The evaluation folder `{results['eval_dir']}` was not found; nothing measured."]
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return out
    lines += [
        f"Model: `{results['model_version']}` on encoder `{results['encoder']}`. The sets in "
        "`../shared/eval/` are used for measuring only (never for training or for tuning rules).",
        "",
        "## Targets",
        "",
        "| target | measured | threshold | status |",
        "|---|---:|---:|---|",
    ]
    for key, desc, threshold in TARGETS:
        value = _lookup(results, key)
        status = "n/a" if value is None else ("PASS" if value >= threshold else "NOT MET")
        lines.append(f"| {desc} | {_fmt(value)} | {threshold:.2f} | {status} |")
    dev = results.get("devgold")
    if dev:
        lines += ["", "## dev-gold (default taxonomy)", ""]
        for subset, res in dev.items():
            lines += [
                f"### {subset} rows (n = {res['n']})",
                "",
                "| task | lang | n | accuracy | macro-F1 | topic-set micro-F1 |",
                "|---|---|---:|---:|---:|---:|",
            ]
            for task in ("sentiment", "topic", "touchpoint"):
                rep = res[task]
                lines.append(
                    f"| {task} | all | {rep['n']} | {_fmt(rep['accuracy'])} | "
                    f"{_fmt(rep['macro_f1'])} | {_fmt(rep.get('set_micro_f1'))} |"
                )
                for g, m in rep.get("per_group", {}).items():
                    lines.append(
                        f"| {task} | {g} | {m['n']} | {_fmt(m['accuracy'])} | "
                        f"{_fmt(m['macro_f1'])} | {_fmt(m.get('set_micro_f1'))} |"
                    )
            lines.append("")
        lines += [
            "Reference (from the evaluation README, measured by the product team): frozen e5 "
            "embeddings + logistic regression trained on 210 in-domain examples reach topic "
            "0.35-0.43, touchpoint 0.48-0.58, sentiment macro-F1 0.72-0.80.",
        ]
    if results.get("sentiment"):
        lines += [
            "",
            "## Sentiment transfer (shipped model, trained only on our own written data: "
            "corpus + sentiment supplement)",
            "",
            "| file | n | accuracy | macro-F1 |",
            "|---|---:|---:|---:|",
        ]
        for name, rep in results["sentiment"].items():
            lines.append(
                f"| {name} | {rep['n']} | {_fmt(rep['accuracy'])} | {_fmt(rep['macro_f1'])} |"
            )
    if results.get("robustness"):
        rob = results["robustness"]
        lines += [
            "",
            "## Robustness: the internal test split rewritten as customers type",
            "",
            f"The corpus's internal test split ({rob['n']:,} of our own rows, not an evaluation "
            "set) classified as written and rewritten: all in capitals, 40% of the words in "
            "capitals, the last letter of one word in five stretched, no punctuation, all lower "
            "case (`voc.classify.robustness`). Same rows, same labels: a drop is the model's.",
            "",
            "| rewrite | primary-topic accuracy | touchpoint accuracy | sentiment accuracy |",
            "|---|---:|---:|---:|",
        ]
        for variant, acc in rob["variants"].items():
            lines.append(
                f"| {variant.replace('_', ' ')} | {_fmt(acc['topic'])} | "
                f"{_fmt(acc['touchpoint'])} | {_fmt(acc['sentiment'])} |"
            )
    if results.get("fewshot"):
        lines += [
            "",
            "## Few-shot, bring-your-own taxonomy (banking77, k = 10, seeds 0/1/2)",
            "",
            "| method | encoder | accuracy (sd) | macro-F1 | per-seed accuracy | seconds |",
            "|---|---|---:|---:|---|---:|",
        ]
        fs = {}
        for method, fs in results["fewshot"]["banking77"].items():
            seeds = ", ".join(f"{r['seed']}: {r['accuracy']:.3f}" for r in fs["per_seed"])
            lines.append(
                f"| {method} | `{fs['encoder']}` | {_fmt(fs['accuracy'])} "
                f"({_fmt(fs['accuracy_sd'])}) | {_fmt(fs['macro_f1'])} | {seeds} | "
                f"{fs.get('seconds', 0):.0f} |"
            )
        if fs:
            lines += [
                "",
                f"{fs['n_test']} test rows, {fs['n_labels']} labels. `logreg`: logistic "
                "regression on frozen embeddings; `setfit`: the encoder is first fine-tuned "
                "contrastively on the k-shot examples of each seed (settings chosen on "
                "banking77 train rows outside the k-shot sample, never on the test file).",
            ]
        lines += [
            "",
            "Reference (evaluation README): frozen multilingual-e5-small + logistic regression "
            "0.777 accuracy; word+char TF-IDF + logistic regression 0.753.",
        ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    return out

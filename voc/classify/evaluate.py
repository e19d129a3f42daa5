"""``voc eval`` and ``voc fewshot-eval``: measure models on labelled files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from voc.classify.metrics import label_set_micro_f1, single_label_report
from voc.errors import ColumnMappingError, ConfigError, InputFileError

__all__ = ["evaluate_file", "fewshot_evaluate", "read_labelled"]

_TASKS = ("sentiment", "topic", "touchpoint")
_FEWSHOT_METHODS = ("logreg", "prototype", "setfit")
# Logistic-regression C of the few-shot head, on frozen or fine-tuned embeddings (chosen on
# banking77 train rows outside the k-shot samples, never on its test file: frozen int8 e5,
# validation seed 100, accuracy 0.758 at C=4 and 0.786 at C=16).
_HEAD_C = 16.0


def read_labelled(path: Path, text_col: str, label_col: str):
    """Read a labelled file and check the two columns exist.

    CSV/TSV, XLSX and JSON are read as ``voc ingest`` reads them (encoding, delimiter, title
    lines; :func:`voc.ingest.tables.read_table`), Parquet and JSONL with pandas.
    """
    from voc.ingest.tables import read_table

    path = Path(path)
    if not path.exists():
        raise InputFileError(f"Labelled file {path} does not exist.")
    frame = read_table(path, purpose="evaluation")
    for col, opt in ((text_col, "--text-col"), (label_col, "--label-col")):
        if col not in frame.columns:
            raise ColumnMappingError(
                f"Column '{col}' not found in {path}; "
                f"available: {', '.join(map(str, frame.columns))}.",
                hint=f"Choose the column with {opt} NAME.",
            )
    frame = frame[frame[text_col].astype(str).str.strip() != ""]
    return frame.reset_index(drop=True)


def _label_map(path: Path | None) -> dict:
    if path is None:
        return {}
    import yaml

    mapping = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(mapping, dict):
        raise ConfigError(f"Label map {path} must be a YAML mapping from file labels to ours.")
    return {str(k): str(v) for k, v in mapping.items()}


def evaluate_file(
    model,
    path: Path,
    *,
    task: str,
    text_col: str = "text",
    label_col: str = "label",
    label_map: Path | None = None,
    show_progress: bool = False,
) -> dict:
    """Classify the file's texts (through redaction) and compare with its labels.

    Returns the report of :func:`single_label_report` plus, for ``topic`` with a
    ``|``-separated label column, ``set_micro_f1``; ``per_group`` is per ``lang`` when the
    file has that column.
    """
    from voc.pipeline import classify_texts

    if task not in _TASKS:
        raise ConfigError(f"--task must be one of {', '.join(_TASKS)}, got {task!r}.")
    frame = read_labelled(path, text_col, label_col)
    mapping = _label_map(label_map)
    gold_raw = [str(v).strip() for v in frame[label_col]]
    gold_sets = [[mapping.get(x.strip(), x.strip()) for x in g.split("|")] for g in gold_raw]
    gold = [g[0] for g in gold_sets]
    pred = classify_texts(
        frame[text_col].tolist(), model, aspects=False, show_progress=show_progress
    )
    groups = frame["lang"].astype(str).tolist() if "lang" in frame.columns else None
    column = {"sentiment": "sentiment", "topic": "topic", "touchpoint": "touchpoint"}[task]
    report = single_label_report(gold, pred[column].tolist(), groups=groups)
    if task == "topic":
        pred_sets = [s.split("|") for s in pred["topics"]]
        report["set_micro_f1"] = label_set_micro_f1(gold_sets, pred_sets)
        if groups is not None:
            for g in report["per_group"]:
                idx = [i for i, x in enumerate(groups) if x == g]
                report["per_group"][g]["set_micro_f1"] = label_set_micro_f1(
                    [gold_sets[i] for i in idx], [pred_sets[i] for i in idx]
                )
    report["task"] = task
    report["model_version"] = model.model_version
    return report


def _sample_k(labels: Sequence[str], k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    labels = np.asarray(labels, dtype=object)
    picked = []
    for label in sorted(set(labels)):
        idx = np.flatnonzero(labels == label)
        picked.extend(rng.choice(idx, size=min(k, len(idx)), replace=False).tolist())
    return np.asarray(sorted(picked))


def fewshot_evaluate(
    train_path: Path,
    test_path: Path,
    *,
    text_col: str = "text",
    label_col: str = "label",
    k: int = 10,
    seeds: Sequence[int] = (0, 1, 2),
    method: str = "logreg",
    encoder: str | None = None,
    setfit_config=None,
    show_progress: bool = False,
) -> dict:
    """Bring-your-own-taxonomy protocol: k examples per label, labels (ids only) from the data.

    Args:
        method: "logreg" (logistic regression on frozen embeddings), "prototype" (nearest
            class mean) or "setfit" (contrastive fine-tuning of the encoder on the k-shot
            examples, then logistic regression on the fine-tuned embeddings).
        encoder: Encoder name (default :data:`voc.embed.DEFAULT_ENCODER`); setfit fine-tunes
            the sentence-transformers model behind it.
        setfit_config: A :class:`voc.classify.setfit.SetFitConfig` (default settings if None).

    Returns:
        Mean and per-seed accuracy and macro-F1, with the seconds each seed took.
    """
    import time

    from voc.classify.heads import PrototypeHead, SingleLabelHead
    from voc.embed import DEFAULT_ENCODER

    if k < 1:
        raise ConfigError(f"--k must be at least 1, got {k}.")
    if method not in _FEWSHOT_METHODS:
        raise ConfigError(f"--method must be one of {', '.join(_FEWSHOT_METHODS)}, got {method!r}.")
    if not seeds:
        raise ConfigError("Give at least one seed.")
    if method == "setfit" and k < 2:
        raise ConfigError("--method setfit needs --k 2 or more (pairs of examples per label).")
    train = read_labelled(train_path, text_col, label_col)
    test = read_labelled(test_path, text_col, label_col)
    enc_name = encoder or DEFAULT_ENCODER
    test_texts = test[text_col].astype(str).tolist()
    test_gold = test[label_col].astype(str).tolist()
    per_seed = []
    started = time.perf_counter()
    if method == "setfit":
        from voc.classify.setfit import SetFitConfig

        setfit_config = setfit_config or SetFitConfig()
        enc = test_emb = None
    else:
        from voc.classify.features import get_encoder

        enc = get_encoder(enc_name)
        test_emb = enc.encode(test_texts, kind="query", show_progress=show_progress)
    for seed in seeds:
        seed_start = time.perf_counter()
        idx = _sample_k(train[label_col].astype(str).tolist(), k, seed)
        texts = train[text_col].astype(str).iloc[idx].tolist()
        labels = train[label_col].astype(str).iloc[idx].tolist()
        if method == "setfit":
            from voc.classify.setfit import fit_setfit_encoder

            tuned = fit_setfit_encoder(
                enc_name,
                texts,
                labels,
                config=setfit_config,
                seed=seed,
                show_progress=show_progress,
            )
            X = tuned.encode(texts, kind="query")
            X_test = tuned.encode(test_texts, kind="query", show_progress=show_progress)
            head = SingleLabelHead(C=_HEAD_C, random_state=seed).fit(X, labels)
            del tuned
        else:
            X = enc.encode(texts, kind="query")
            X_test = test_emb
            head = (
                PrototypeHead().fit(X, labels)
                if method == "prototype"
                else SingleLabelHead(C=_HEAD_C, random_state=seed).fit(X, labels)
            )
        pred = head.predict(X_test)
        rep = single_label_report(test_gold, pred)
        per_seed.append(
            {
                "seed": seed,
                "accuracy": rep["accuracy"],
                "macro_f1": rep["macro_f1"],
                "seconds": round(time.perf_counter() - seed_start, 1),
            }
        )
    acc = [r["accuracy"] for r in per_seed]
    f1 = [r["macro_f1"] for r in per_seed]
    report = {
        "k": k,
        "method": method,
        "encoder": enc_name,
        "n_labels": int(train[label_col].nunique()),
        "n_test": len(test),
        "seeds": list(seeds),
        "accuracy": round(float(np.mean(acc)), 4),
        "accuracy_sd": round(float(np.std(acc)), 4),
        "macro_f1": round(float(np.mean(f1)), 4),
        "per_seed": per_seed,
        "seconds": round(time.perf_counter() - started, 1),
    }
    if method in ("logreg", "setfit"):
        report["head_C"] = _HEAD_C
    if method == "setfit":
        from dataclasses import asdict

        from voc.classify.setfit import sentence_transformer_path

        report["setfit"] = {
            **asdict(setfit_config),
            "head_C": _HEAD_C,
            "fine_tuned_model": sentence_transformer_path(enc_name).name,
        }
    return report

"""Evaluation metrics shared by training cards, ``voc eval`` and ``make eval``."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["label_set_micro_f1", "single_label_report"]


def single_label_report(
    y_true: Sequence[str],
    y_pred: Sequence[str],
    *,
    groups: Sequence[str] | None = None,
    labels: Sequence[str] | None = None,
) -> dict:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix.

    Args:
        y_true: Gold labels.
        y_pred: Predicted labels.
        groups: Optional group per row (e.g. language); adds a ``per_group`` breakdown.
        labels: Label order for per-label figures; defaults to the sorted union.
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    y_true = [str(y) for y in y_true]
    y_pred = [str(y) for y in y_pred]
    labels = list(labels) if labels is not None else sorted(set(y_true) | set(y_pred))
    present = [lab for lab in labels if lab in set(y_true)]
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    _, _, macro_f1, _ = precision_recall_fscore_support(
        y_true, y_pred, labels=present, average="macro", zero_division=0
    )
    report = {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4) if y_true else 0.0,
        "macro_f1": round(float(macro_f1), 4),
        "per_label": {
            lab: {
                "precision": round(float(p[i]), 4),
                "recall": round(float(r[i]), 4),
                "f1": round(float(f[i]), 4),
                "support": int(s[i]),
            }
            for i, lab in enumerate(labels)
        },
        "labels": labels,
        "confusion_matrix": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }
    if groups is not None:
        groups = [str(g) for g in groups]
        report["per_group"] = {}
        for g in sorted(set(groups)):
            idx = [i for i, x in enumerate(groups) if x == g]
            sub = single_label_report(
                [y_true[i] for i in idx], [y_pred[i] for i in idx], labels=labels
            )
            report["per_group"][g] = {k: sub[k] for k in ("n", "accuracy", "macro_f1")}
    return report


def label_set_micro_f1(
    gold_sets: Sequence[Sequence[str]], pred_sets: Sequence[Sequence[str]]
) -> float:
    """Micro-averaged F1 over (row, label) pairs of two lists of label sets."""
    tp = fp = fn = 0
    for gold, pred in zip(gold_sets, pred_sets, strict=True):
        g, q = set(gold), set(pred)
        tp += len(g & q)
        fp += len(q - g)
        fn += len(g - q)
    denom = 2 * tp + fp + fn
    return round(2 * tp / denom, 4) if denom else 0.0

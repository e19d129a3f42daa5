"""Classification heads: scikit-learn estimators on sentence embeddings.

Each head takes a feature matrix ``X`` (encoder embeddings, optionally joined with other
features) and follows the estimator contract: the constructor only stores
hyperparameters, learned state ends in ``_``, ``fit`` returns ``self``.

- :class:`SingleLabelHead`: one label per row (sentiment, touchpoint), a regularised
  logistic regression, optionally blended with label prototypes learned from names and
  descriptions (zero/few-shot).
- :class:`MultiLabelHead`: several labels per row (topics): one-vs-rest calibrated logistic
  regressions with per-label thresholds tuned on a validation split.
- :class:`PrototypeHead`: zero-shot / few-shot classification by cosine similarity to label
  prototypes (label descriptions embedded as E5 passages, plus example means).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.utils.validation import check_is_fitted

from voc.errors import ConfigError, NotFittedError

__all__ = ["MultiLabelHead", "PrototypeHead", "SingleLabelHead", "softmax"]


def softmax(scores: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Row-wise softmax of ``scores / temperature``."""
    z = scores / temperature
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _check_X(X, name: str = "X"):
    import scipy.sparse as sp

    if sp.issparse(X):
        if X.ndim != 2:
            raise ConfigError(f"{name} must be a 2-D feature matrix, got shape {X.shape}.")
        if not np.isfinite(X.data).all():
            raise ConfigError(f"{name} contains NaN or infinite values.")
        return X.tocsr()
    arr = np.asarray(X, dtype=np.float32)
    if arr.ndim != 2:
        raise ConfigError(
            f"{name} must be a 2-D feature matrix, got an array of shape {arr.shape}."
        )
    if not np.isfinite(arr).all():
        raise ConfigError(f"{name} contains NaN or infinite values.")
    return arr


def _require_fitted(estimator: BaseEstimator, attribute: str) -> None:
    try:
        check_is_fitted(estimator, attribute)
    except Exception as exc:  # sklearn's NotFittedError
        raise NotFittedError(
            f"This {type(estimator).__name__} is not fitted yet; call fit(X, y) first."
        ) from exc


class PrototypeHead(ClassifierMixin, BaseEstimator):
    """Zero-shot or few-shot head: cosine similarity to one prototype per label.

    Args:
        temperature: Softmax temperature applied to cosine similarities.
        description_weight: Weight of the description prototype when examples exist
            (0 = examples only, 1 = descriptions only).

    ``fit(X, y, label_embeddings=..., labels=...)``: ``label_embeddings`` has one row per
    label (the embedded name and description); ``X``/``y`` may be empty for zero-shot.
    """

    def __init__(self, temperature: float = 0.02, description_weight: float = 0.3) -> None:
        self.temperature = temperature
        self.description_weight = description_weight

    def fit(self, X, y, *, label_embeddings=None, labels: Sequence[str] | None = None):
        """Build one L2-normalised prototype per label."""
        if labels is None:
            labels = sorted(set(y))
        labels = list(labels)
        dim = None
        if label_embeddings is not None:
            label_embeddings = _check_X(label_embeddings, "label_embeddings")
            if len(label_embeddings) != len(labels):
                raise ConfigError(
                    f"label_embeddings has {len(label_embeddings)} rows but there are "
                    f"{len(labels)} labels."
                )
            dim = label_embeddings.shape[1]
        y = np.asarray(y, dtype=object)
        X = _check_X(X) if len(y) else np.zeros((0, dim or 1), dtype=np.float32)
        if dim is None:
            if not len(y):
                raise ConfigError("PrototypeHead needs examples or label_embeddings.")
            dim = X.shape[1]
        protos = np.zeros((len(labels), dim), dtype=np.float32)
        for i, label in enumerate(labels):
            rows = X[y == label] if len(y) else X[:0]
            desc = label_embeddings[i] if label_embeddings is not None else None
            if len(rows) and desc is not None:
                mean = rows.mean(axis=0)
                mean /= np.linalg.norm(mean) + 1e-12
                protos[i] = (1 - self.description_weight) * mean + self.description_weight * desc
            elif len(rows):
                protos[i] = rows.mean(axis=0)
            elif desc is not None:
                protos[i] = desc
            else:
                raise ConfigError(f"Label '{label}' has neither examples nor a description.")
        protos /= np.linalg.norm(protos, axis=1, keepdims=True) + 1e-12
        self.prototypes_ = protos
        self.classes_ = np.asarray(labels, dtype=object)
        return self

    def decision_function(self, X) -> np.ndarray:
        """Cosine similarity of each row to each label prototype."""
        _require_fitted(self, "prototypes_")
        X = _check_X(X)
        norms = np.linalg.norm(X, axis=1, keepdims=True) + 1e-12
        return (X / norms) @ self.prototypes_.T

    def predict_proba(self, X) -> np.ndarray:
        """Softmax over prototype similarities."""
        return softmax(self.decision_function(X), self.temperature)

    def predict(self, X) -> np.ndarray:
        """The most similar label per row."""
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]


class SingleLabelHead(ClassifierMixin, BaseEstimator):
    """One label per row: multinomial logistic regression on the features.

    Args:
        C: Inverse regularisation strength of the logistic regression.
        class_weight: Passed to ``LogisticRegression`` ("balanced" by default).
        max_iter: Solver iterations.
        random_state: Seed for reproducible fits.
    """

    def __init__(
        self,
        C: float = 4.0,
        class_weight: str | None = "balanced",
        max_iter: int = 3000,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter
        self.random_state = random_state

    def fit(self, X, y):
        """Fit the logistic regression; ``y`` holds one label id per row."""
        X = _check_X(X)
        y = np.asarray(y, dtype=object)
        if X.shape[0] != len(y):
            raise ConfigError(f"X has {X.shape[0]} rows but y has {len(y)} labels.")
        if len(set(y)) < 2:
            raise ConfigError("SingleLabelHead needs at least two distinct labels in y.")
        self.model_ = LogisticRegression(
            C=self.C,
            class_weight=self.class_weight,
            max_iter=self.max_iter,
            random_state=self.random_state,
        ).fit(X, y)
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order."""
        _require_fitted(self, "model_")
        return self.model_.predict_proba(_check_X(X))

    def predict(self, X) -> np.ndarray:
        """The most probable label per row."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]


def _stack_linear(models: list):
    """Stack binary logistic regressions (plain or per calibration fold) into one matrix.

    Returns ``(weights, intercepts, layout)`` with ``layout[j] = (columns, calibrators)``
    for label ``j`` (``calibrators`` is None for a plain regression), or None when a model
    is of any other kind.
    """
    from sklearn.calibration import CalibratedClassifierCV

    def binary_lr(est) -> bool:
        return (
            isinstance(est, LogisticRegression)
            and est.coef_.shape[0] == 1
            and len(est.classes_) == 2
        )

    coefs, intercepts, layout = [], [], []
    for model in models:
        if binary_lr(model):
            layout.append(([len(coefs)], None))
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
            continue
        if not isinstance(model, CalibratedClassifierCV) or len(model.classes_) != 2:
            return None
        columns, calibrators = [], []
        for fold in model.calibrated_classifiers_:
            if (
                not binary_lr(fold.estimator)
                or fold.method not in ("sigmoid", "isotonic")
                or len(fold.calibrators) != 1
                or list(fold.estimator.classes_) != list(model.classes_)
            ):
                return None
            columns.append(len(coefs))
            calibrators.append(fold.calibrators[0])
            coefs.append(fold.estimator.coef_[0])
            intercepts.append(fold.estimator.intercept_[0])
        layout.append((columns, calibrators))
    if not coefs:
        return None
    weights = np.column_stack(coefs)
    return weights, np.asarray(intercepts, dtype=weights.dtype), layout


class MultiLabelHead(ClassifierMixin, BaseEstimator):
    """Several labels per row: calibrated one-vs-rest logistic regressions.

    ``fit`` holds out ``val_size`` of the rows (stratified on the primary label) to tune a
    threshold per label that maximises that label's F1, then refits on all rows. The
    primary label of a row is the one with the highest calibrated probability; ``predict``
    returns it first, followed by every other label above its threshold.

    Args:
        C: Inverse regularisation strength.
        calibration: "sigmoid" or "isotonic" (``CalibratedClassifierCV`` method).
        cv: Folds used by the calibration.
        val_size: Share of rows held out for threshold tuning.
        min_threshold: Lower bound of tuned thresholds.
        max_labels: At most this many labels per row.
        random_state: Seed for the split and the solver.
    """

    def __init__(
        self,
        C: float = 4.0,
        calibration: str = "sigmoid",
        cv: int = 3,
        val_size: float = 0.2,
        min_threshold: float = 0.2,
        max_labels: int = 3,
        random_state: int = 0,
    ) -> None:
        self.C = C
        self.calibration = calibration
        self.cv = cv
        self.val_size = val_size
        self.min_threshold = min_threshold
        self.max_labels = max_labels
        self.random_state = random_state

    def _fit_models(self, X: np.ndarray, Y: np.ndarray) -> list:
        from sklearn.calibration import CalibratedClassifierCV

        models = []
        for j in range(Y.shape[1]):
            y = Y[:, j]
            positives = int(y.sum())
            base = LogisticRegression(
                C=self.C, class_weight="balanced", max_iter=3000, random_state=self.random_state
            )
            if positives >= self.cv and len(y) - positives >= self.cv:
                model = CalibratedClassifierCV(base, method=self.calibration, cv=self.cv)
            else:
                model = base
            models.append(model.fit(X, y))
        return models

    def _proba(self, models: list, X) -> np.ndarray:
        """Positive-class probability per label: ``models[j].predict_proba(X)[:, 1]``.

        The per-label models are binary logistic regressions, each possibly inside a
        sigmoid/isotonic ``CalibratedClassifierCV`` (one regression per fold). All their
        decision functions come from one matrix product with the coefficients stacked, then
        each calibrator is applied to its column and the folds averaged as scikit-learn
        does; a test checks the result against ``predict_proba``. Anything else falls
        back to calling ``predict_proba`` per label.
        """
        cached = getattr(self, "_plan_cache", None)  # (models_, stacked) of the last call
        if cached is not None and cached[0] is models:
            stacked = cached[1]
        else:
            stacked = _stack_linear(models)
            if models is getattr(self, "models_", None):
                self._plan_cache = (models, stacked)
        if stacked is None:
            return np.column_stack([m.predict_proba(X)[:, 1] for m in models])
        weights, intercepts, layout = stacked
        decision = np.asarray(X @ weights) + intercepts
        out = np.empty((decision.shape[0], len(layout)))
        for j, (columns, calibrators) in enumerate(layout):
            if calibrators is None:  # a plain logistic regression
                out[:, j] = expit(decision[:, columns[0]])
            else:
                folds = zip(columns, calibrators, strict=True)
                out[:, j] = np.mean([cal.predict(decision[:, c]) for c, cal in folds], axis=0)
        return out

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_plan_cache", None)  # derived from models_, rebuilt on first use
        return state

    def fit(self, X, Y, *, labels: Sequence[str] | None = None):
        """Fit on ``Y``: a list of label lists (primary first) or a binary matrix."""
        from sklearn.model_selection import train_test_split

        X = _check_X(X)
        Y_bin, classes, primary = self._binarize(Y, labels)
        if X.shape[0] != len(Y_bin):
            raise ConfigError(f"X has {X.shape[0]} rows but Y has {len(Y_bin)} label sets.")
        empty = [c for c, n in zip(classes, Y_bin.sum(axis=0), strict=True) if n == 0]
        if empty:
            raise ConfigError(f"MultiLabelHead: no training rows for label(s) {', '.join(empty)}.")
        counts = np.bincount(primary, minlength=len(classes))
        stratify = primary if counts[counts > 0].min() >= 2 else None
        idx_train, idx_val = train_test_split(
            np.arange(X.shape[0]),
            test_size=self.val_size,
            random_state=self.random_state,
            stratify=stratify,
        )
        val_models = self._fit_models(X[idx_train], Y_bin[idx_train])
        val_proba = self._proba(val_models, X[idx_val])
        self.thresholds_ = self._tune_thresholds(val_proba, Y_bin[idx_val])
        self.models_ = self._fit_models(X, Y_bin)
        self.classes_ = np.asarray(classes, dtype=object)
        return self

    def _binarize(self, Y, labels):
        if isinstance(Y, np.ndarray) and Y.ndim == 2 and Y.dtype != object:
            if labels is None:
                raise ConfigError("A binary label matrix needs `labels` naming its columns.")
            Y_bin = (Y > 0).astype(np.int8)
            return Y_bin, list(labels), np.argmax(Y_bin, axis=1)
        label_sets = [list(row) for row in Y]
        if any(not row for row in label_sets):
            raise ConfigError("Every row of Y needs at least one label.")
        classes = (
            list(labels) if labels is not None else sorted({lab for r in label_sets for lab in r})
        )
        index = {c: i for i, c in enumerate(classes)}
        unknown = sorted({lab for r in label_sets for lab in r} - set(index))
        if unknown:
            raise ConfigError(f"Y contains labels not in `labels`: {', '.join(unknown)}.")
        Y_bin = np.zeros((len(label_sets), len(classes)), dtype=np.int8)
        for i, row in enumerate(label_sets):
            for lab in row:
                Y_bin[i, index[lab]] = 1
        primary = np.asarray([index[r[0]] for r in label_sets])
        return Y_bin, classes, primary

    def _tune_thresholds(self, proba: np.ndarray, Y: np.ndarray) -> np.ndarray:
        grid = np.linspace(self.min_threshold, 0.9, 15)
        thresholds = np.full(Y.shape[1], 0.5)
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.sum() == 0:
                continue
            best, best_f1 = 0.5, -1.0
            for t in grid:
                pred = proba[:, j] >= t
                tp = float((pred & (y == 1)).sum())
                f1 = 2 * tp / (pred.sum() + y.sum()) if (pred.sum() + y.sum()) else 0.0
                if f1 > best_f1 + 1e-9:
                    best, best_f1 = float(t), f1
            thresholds[j] = best
        return thresholds

    def predict_proba(self, X) -> np.ndarray:
        """Calibrated probability per label, columns in ``classes_`` order."""
        _require_fitted(self, "models_")
        return self._proba(self.models_, _check_X(X))

    def predict_sets(self, X) -> list[list[str]]:
        """Label lists per row: the primary (highest probability) first, then the rest."""
        proba = self.predict_proba(X)
        return self.sets_from_proba(proba)

    def sets_from_proba(self, proba: np.ndarray) -> list[list[str]]:
        """Turn a probability matrix into label lists (primary first)."""
        _require_fitted(self, "thresholds_")
        order = np.argsort(-proba, axis=1)
        out = []
        for i in range(len(proba)):
            labels = [self.classes_[order[i, 0]]]
            for j in order[i, 1 : self.max_labels]:
                if proba[i, j] >= self.thresholds_[j]:
                    labels.append(self.classes_[j])
            out.append([str(x) for x in labels])
        return out

    def predict(self, X) -> np.ndarray:
        """The primary label per row."""
        proba = self.predict_proba(X)
        return self.classes_[np.argmax(proba, axis=1)]

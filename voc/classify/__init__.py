"""Classify feedback by sentiment, topic(s), touchpoint and aspects; train and evaluate heads."""

from voc.classify.aspects import CONTRAST_MARKERS, split_clauses
from voc.classify.heads import MultiLabelHead, PrototypeHead, SingleLabelHead
from voc.classify.model import (
    PREDICTION_COLUMNS,
    FeedbackClassifier,
    ReviewThresholds,
    available_versions,
    load_classifier,
)

__all__ = [
    "CONTRAST_MARKERS",
    "FeedbackClassifier",
    "MultiLabelHead",
    "PREDICTION_COLUMNS",
    "PrototypeHead",
    "ReviewThresholds",
    "SingleLabelHead",
    "available_versions",
    "load_classifier",
    "split_clauses",
]

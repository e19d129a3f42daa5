"""Synthetic demo data: multilingual customer feedback with planted, documented signals."""

from voc.sample.generator import FEEDBACK_COLUMNS, TRUTH_COLUMNS, SampleResult, generate_sample

__all__ = ["FEEDBACK_COLUMNS", "TRUTH_COLUMNS", "SampleResult", "generate_sample"]

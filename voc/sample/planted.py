"""Measure what the generator actually produced for each planted signal (for planted.json)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import numpy as np

from voc.sample.scenario import Scenario, Signal

__all__ = ["csat_pct", "measure_signals", "normalise_text"]

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)


def normalise_text(text: str) -> str:
    """Lower-case ``text``, drop punctuation and emoji, squeeze spaces (for duplicate checks)."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def csat_pct(values: np.ndarray) -> float | None:
    """Return CSAT% (share of 4 and 5 among answers, x100) or ``None`` without answers."""
    answered = values[~np.isnan(values)]
    if answered.size == 0:
        return None
    return round(float((answered >= 4).mean() * 100), 2)


def _ordered(keys: np.ndarray) -> list[str]:
    return sorted(set(keys.tolist()))


def _ranks(
    period_rows: np.ndarray, pairs: np.ndarray, sentiment: np.ndarray, csat: np.ndarray
) -> tuple[dict[str, int], dict[str, float]]:
    """Negative counts and CSAT drag (points) of each (topic, touchpoint) in some rows."""
    negative = Counter(pairs[period_rows & (sentiment == "negative")].tolist())
    overall = csat_pct(csat[period_rows])
    drag: dict[str, float] = {}
    for pair in sorted(set(pairs[period_rows].tolist())):
        without = csat_pct(csat[period_rows & (pairs != pair)])
        if overall is not None and without is not None:
            drag[pair] = round(without - overall, 2)
    return dict(negative), drag


def _rank(values: Mapping[str, float], key: str) -> int | None:
    if key not in values:
        return None
    ordered = sorted(values, key=lambda k: (-values[k], k))
    return ordered.index(key) + 1


def _measure(
    signal: Signal,
    arrays: Mapping[str, np.ndarray],
    monthly_csat: Mapping[str, float | None],
) -> dict:
    month, week, csat = arrays["month"], arrays["week"], arrays["csat"]
    sentiment, pairs = arrays["sentiment"], arrays["pairs"]
    pair = f"{signal.topic}/{signal.touchpoint}"
    sentiments = [s for s, _ in signal.sentiment]
    match = (pairs == pair) & np.isin(sentiment, sentiments)
    keys = month if signal.period == "month" else week
    periods = _ordered(keys)
    counts = {p: int((match & (keys == p)).sum()) for p in periods}
    months = _ordered(month)
    measured: dict = {
        f"counts_by_{signal.period}": counts,
        "total": int(match.sum()),
        "csat_pct_by_month": {m: csat_pct(csat[match & (month == m)]) for m in months},
        "csat_responses_by_month": {
            m: int((~np.isnan(csat[match & (month == m)])).sum()) for m in months
        },
    }
    raised = {k: v for k, v in signal.multipliers.items() if v > 1}
    if raised:
        peak = max(raised, key=lambda k: (raised[k], k))
        baseline = [p for p in periods if p not in signal.multipliers]
        others = [counts[p] for p in periods if p != peak]
        base_mean = float(np.mean([counts[p] for p in baseline])) if baseline else None
        peak_rows = keys == peak
        negative, drag = _ranks(peak_rows, pairs, sentiment, csat)
        measured["peak"] = {
            "period": peak,
            "count": counts.get(peak, 0),
            "baseline_periods": baseline,
            "baseline_mean": round(base_mean, 2) if base_mean is not None else None,
            "ratio_to_baseline_mean": round(counts.get(peak, 0) / base_mean, 2)
            if base_mean
            else None,
            "median_other_periods": float(np.median(others)) if others else None,
            "ratio_to_median_other": round(counts.get(peak, 0) / float(np.median(others)), 2)
            if others and np.median(others) > 0
            else None,
            "signal_csat_pct": csat_pct(csat[match & peak_rows]),
            "all_rows_csat_pct": csat_pct(csat[peak_rows]),
            "rank_by_negative_count": _rank(negative, pair),
            "rank_by_csat_drag": _rank(drag, pair),
            "csat_drag_points": drag.get(pair),
            "top_by_negative_count": sorted(negative, key=lambda k: (-negative[k], k))[:5],
        }
        if signal.period == "month":
            base_csat = [monthly_csat[m] for m in baseline if monthly_csat.get(m) is not None]
            measured["peak"]["baseline_months_overall_csat_pct_mean"] = (
                round(float(np.mean(base_csat)), 2) if base_csat else None
            )
    if signal.multipliers and min(signal.multipliers.values()) < 1:
        top = max(signal.multipliers.values())
        start = min(k for k, v in signal.multipliers.items() if v == top)
        series = [counts[p] for p in periods if p >= start]
        measured["decline"] = {
            "from": start,
            "counts": series,
            "strictly_decreasing": all(a > b for a, b in zip(series, series[1:], strict=False)),
            "last_to_first_ratio": round(series[-1] / series[0], 2) if series[0] else None,
        }
    if not signal.multipliers:
        volume = Counter(pairs.tolist())
        all_match = pairs == pair
        overall_negative = float((sentiment == "negative").mean())
        measured["decoy"] = {
            "rows": int(all_match.sum()),
            "share_of_rows": round(float(all_match.mean()), 4),
            "rank_by_volume": _rank(volume, pair),
            "negative_share": round(float((sentiment[all_match] == "negative").mean()), 4),
            "overall_negative_share": round(overall_negative, 4),
            "csat_pct": csat_pct(csat[all_match]),
            "overall_csat_pct": csat_pct(csat),
        }
    return measured


def measure_signals(
    scenario: Scenario,
    *,
    seed: int,
    month: np.ndarray,
    week: np.ndarray,
    channels: np.ndarray,
    langs: np.ndarray,
    topic: np.ndarray,
    touchpoint: np.ndarray,
    sentiment: np.ndarray,
    csat: np.ndarray,
    texts: list[str],
    pii_rows: int,
    pii_kinds: Mapping[str, int],
    bank_sizes: Mapping[str, int],
) -> dict:
    """Describe the sample and its planted signals with the numbers actually generated.

    Counts use the intended primary (topic, touchpoint, sentiment) of each row, i.e. the
    labels in ``truth.csv``.

    Returns:
        A JSON-ready dict: sample facts, overall monthly CSAT, and one entry per signal
        (definition plus ``measured`` numbers).
    """
    n = len(topic)
    pairs = np.array([f"{t}/{tp}" for t, tp in zip(topic, touchpoint, strict=True)], dtype=object)
    months = _ordered(month)
    monthly_csat = {m: csat_pct(csat[month == m]) for m in months}
    normalised = Counter(normalise_text(t) for t in texts)
    duplicates = sum(c - 1 for c in normalised.values())
    arrays = {"month": month, "week": week, "csat": csat, "sentiment": sentiment, "pairs": pairs}
    return {
        "generator": "voc.sample",
        "brand": scenario.brand,
        "seed": seed,
        "rows": n,
        "start": scenario.start.isoformat(),
        "end": scenario.end.isoformat(),
        "labels": "truth.csv holds the intended labels; counts below use the primary labels",
        "overall": {
            "rows_by_month": {m: int((month == m).sum()) for m in months},
            "csat_pct_by_month": monthly_csat,
            "csat_pct": csat_pct(csat),
            "csat_responses": int((~np.isnan(csat)).sum()),
            "channels": dict(sorted(Counter(channels.tolist()).items())),
            "languages": {k: round(v / n, 4) for k, v in sorted(Counter(langs.tolist()).items())},
            "sentiments": {
                k: round(v / n, 4) for k, v in sorted(Counter(sentiment.tolist()).items())
            },
            "exact_duplicate_share": round(duplicates / n, 4),
            "fake_pii_rows": pii_rows,
            "fake_pii_kinds": dict(sorted(pii_kinds.items())),
            "fragment_bank_sizes": dict(bank_sizes),
        },
        "signals": [
            {
                "id": s.id,
                "description": s.description,
                "topic": s.topic,
                "touchpoint": s.touchpoint,
                "sentiment": dict(s.sentiment),
                "period": s.period,
                "multipliers": dict(s.multipliers),
                "expected": s.expected,
                "measured": _measure(s, arrays, monthly_csat),
            }
            for s in scenario.signals
        ],
        "background_patterns": [
            {k: v for k, v in event.items() if k != "topics"} | {"topics": event.get("topics")}
            for event in scenario.events
        ]
        + [{"id": "weak_agents", **scenario.weak_agents}],
    }

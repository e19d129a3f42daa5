"""Generate the synthetic feedback sample: plan rows, plant signals, write the files."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voc.errors import ConfigError
from voc.progress import progress_bar
from voc.sample import records
from voc.sample.planted import measure_signals
from voc.sample.scenario import Scenario, Signal, load_scenario
from voc.sample.texts import Part, TextComposer, load_banks
from voc.taxonomy import Taxonomy, default_taxonomy

__all__ = ["FEEDBACK_COLUMNS", "TRUTH_COLUMNS", "SampleResult", "generate_sample"]

FEEDBACK_COLUMNS = (
    "feedback_id",
    "created_at",
    "channel",
    "text",
    "csat",
    "nps",
    "customer_id",
    "customer_segment",
    "product_line",
    "region",
    "agent_id",
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
)
TRUTH_COLUMNS = ("feedback_id", "topics", "touchpoint", "sentiment", "lang")


@dataclass(frozen=True, slots=True)
class SampleResult:
    """What :func:`generate_sample` wrote.

    Attributes:
        n_rows: Number of feedback records.
        csv_path: The feedback CSV (the input columns of the data contract).
        truth_path: The intended labels per record (for measuring agreement only).
        planted_path: The planted signals with the numbers actually produced.
        seed: The random seed used.
    """

    n_rows: int
    csv_path: Path
    truth_path: Path
    planted_path: Path
    seed: int


def _check_args(scenario: Scenario, out: Path, seed: int, n_rows: int) -> None:
    if isinstance(n_rows, bool) or not isinstance(n_rows, int):
        raise ConfigError(f"The number of rows must be a whole number, got {n_rows!r}.")
    if not scenario.min_rows <= n_rows <= scenario.max_rows:
        why = (
            "fewer rows cannot carry the planted signals"
            if n_rows < scenario.min_rows
            else ("larger samples are not needed for a demo and take long to write")
        )
        raise ConfigError(
            f"The sample needs between {scenario.min_rows:,} and {scenario.max_rows:,} rows "
            f"(got {n_rows:,}): {why}.",
            hint=f"Use --rows {scenario.default_rows} (the default) or another value in range.",
        )
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ConfigError(f"The seed must be a whole number >= 0, got {seed!r}.")
    if out.exists() and out.is_dir():
        raise ConfigError(
            f"The output path {out} is a folder; pass a CSV file name such as {out}/feedback.csv."
        )


def _draw_mix(rng: np.random.Generator, mix: Sequence[tuple[str, float]], size: int) -> np.ndarray:
    return records.weighted_choice(rng, dict(mix), size)


def _plant(
    rng: np.random.Generator,
    scenario: Scenario,
    calendar: records.Calendar,
    n_rows: int,
    day: np.ndarray,
    channels: np.ndarray,
    content: dict[str, np.ndarray],
) -> None:
    """Assign the rows of every planted signal: an exact expected count per period."""
    for index, signal in enumerate(scenario.signals):
        keys = calendar.month if signal.period == "month" else calendar.week
        row_period = keys[day]
        channel_weight = np.array([signal.channels.get(c, 0.0) for c in channels])
        for period in calendar.periods(signal.period):
            days = calendar.day_count(signal.period, period)
            multiplier = signal.multiplier(period)
            expected = signal.share * n_rows * days / scenario.days * multiplier
            wobble = float(np.clip(rng.normal(), -1.5, 1.5)) * signal.noise
            count = round(expected * (1.0 + wobble))
            free = np.flatnonzero(
                (row_period == period) & (content["signal"] < 0) & (channel_weight > 0)
            )
            count = min(count, free.size)
            if count <= 0:
                continue
            p = channel_weight[free] / channel_weight[free].sum()
            rows = rng.choice(free, size=count, replace=False, p=p)
            content["signal"][rows] = index
            content["topic"][rows] = signal.topic
            content["touchpoint"][rows] = signal.touchpoint
            content["sentiment"][rows] = _draw_mix(rng, signal.sentiment, count)
            if signal.pool:
                extra = (multiplier - 1.0) / multiplier if multiplier > 1 else 0.0
                use = signal.pool_share + (1.0 - signal.pool_share) * extra
                content["pool"][rows[rng.random(count) < use]] = signal.pool


def _fill_baseline(
    rng: np.random.Generator,
    scenario: Scenario,
    calendar: records.Calendar,
    day: np.ndarray,
    channels: np.ndarray,
    content: dict[str, np.ndarray],
) -> None:
    """Draw (topic, touchpoint, sentiment) for the rows no signal took."""
    combos = [
        (c.topic, c.touchpoint, s, c.weight * w) for c in scenario.cells for s, w in c.sentiment
    ]
    base = np.array([w for *_, w in combos])
    topics = np.array([t for t, *_ in combos], dtype=object)
    sentiments = np.array([s for _, _, s, _ in combos], dtype=object)
    day_profile = [json.dumps(f, sort_keys=True) for f in calendar.topic_factors]
    free = content["signal"] < 0
    for channel in scenario.channels:
        topic_mult = scenario.channel_topics.get(channel.id, {})
        sent_mult = scenario.channel_sentiment.get(channel.id, {})
        weights = base * np.array(
            [
                topic_mult.get(t, 1.0) * sent_mult.get(s, 1.0)
                for t, s in zip(topics, sentiments, strict=True)
            ]
        )
        rows_c = free & (channels == channel.id)
        for profile in sorted(set(day_profile)):
            factors = json.loads(profile)
            in_profile = np.array([day_profile[d] == profile for d in range(len(day_profile))])
            rows = np.flatnonzero(rows_c & in_profile[day])
            if rows.size == 0:
                continue
            w = weights * np.array([factors.get(t, 1.0) for t in topics])
            pick = rng.choice(len(combos), size=rows.size, p=w / w.sum())
            content["topic"][rows] = topics[pick]
            content["touchpoint"][rows] = np.array([combos[k][1] for k in pick], dtype=object)
            content["sentiment"][rows] = sentiments[pick]


def _companions(
    trng: random.Random,
    scenario: Scenario,
    composer: TextComposer,
    primary: Part,
    channel: str,
    periods: dict[str, str],
) -> list[Part]:
    """Pick the other topics one comment mentions (0-2), in plausible combinations."""
    counts = scenario.topic_counts["short" if channel in scenario.short_channels else "long"]
    extra = trng.choices(range(len(counts)), weights=counts)[0]
    options = list(scenario.companions.get(primary.topic, ()))
    parts: list[Part] = []
    for _ in range(extra):
        options = [o for o in options if o[0] not in {primary.topic, *(p.topic for p in parts)}]
        if not options:
            break
        weights = []
        for topic, touchpoint, weight in options:
            for signal in scenario.signals:
                if (signal.topic, signal.touchpoint) == (topic, touchpoint):
                    weight *= signal.multiplier(periods[signal.period])
            weights.append(weight)
        topic, touchpoint, _ = trng.choices(options, weights=weights)[0]
        if primary.sentiment == "negative":
            wanted = ("negative", "positive") if trng.random() < 0.72 else ("positive", "negative")
        elif primary.sentiment == "positive":
            wanted = ("positive", "neutral") if trng.random() < 0.85 else ("neutral", "positive")
        else:
            wanted = ("neutral",)
        for sentiment in wanted:
            key = (topic, touchpoint, sentiment)
            if all(key in composer.banks[lang].pools for lang in ("id", "en")):
                parts.append(Part(topic, touchpoint, sentiment))
                break
    return parts


def _signal_profile(signal: Signal, periods: dict[str, str]) -> str:
    return signal.csat_profile_by_period.get(periods[signal.period], signal.csat_profile)


def _write_csv(path: Path, columns: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


def _num(value: float) -> str:
    return (
        "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(int(value))
    )


def generate_sample(
    out: str | Path,
    *,
    seed: int = 42,
    n_rows: int = 24_000,
    show_progress: bool = True,
    taxonomy: Taxonomy | None = None,
) -> SampleResult:
    """Write the synthetic feedback CSV, its intended labels and its planted signals.

    The files are ``out`` (feedback records), ``truth.csv`` and ``planted.json`` in the
    same folder. The same seed and row count give byte-identical files.

    Args:
        out: The feedback CSV to write; its folder is created when missing.
        seed: Random seed (>= 0).
        n_rows: Number of records (1,000 to 1,000,000).
        show_progress: Show a progress bar on stderr.
        taxonomy: The taxonomy whose ids the scenario uses; the default one when ``None``.

    Returns:
        A :class:`SampleResult` with the row count and the paths written.

    Raises:
        ConfigError: ``n_rows`` or ``seed`` is out of range, or ``out`` is a folder.
    """
    out = Path(out)
    taxonomy = taxonomy or default_taxonomy()
    scenario = load_scenario(taxonomy)
    _check_args(scenario, out, seed, n_rows)
    banks = load_banks()
    rng = np.random.Generator(np.random.PCG64(seed))
    trng = random.Random(seed)
    calendar = records.build_calendar(scenario)

    channel_shares = {c.id: c.share for c in scenario.channels}
    channels = records.weighted_choice(rng, channel_shares, n_rows)
    day, second = records.draw_timestamps(rng, scenario, calendar, channels)
    order = np.lexsort((np.arange(n_rows), second, day))
    channels, day, second = channels[order], day[order], second[order]
    month, week = calendar.month[day], calendar.week[day]
    langs = records.weighted_choice(rng, scenario.languages, n_rows)

    content = {
        "signal": np.full(n_rows, -1),
        "topic": np.full(n_rows, "", dtype=object),
        "touchpoint": np.full(n_rows, "", dtype=object),
        "sentiment": np.full(n_rows, "", dtype=object),
        "pool": np.full(n_rows, "", dtype=object),
    }
    _plant(rng, scenario, calendar, n_rows, day, channels, content)
    _fill_baseline(rng, scenario, calendar, day, channels, content)
    topic, sentiment, signal_of = content["topic"], content["sentiment"], content["signal"]

    by_topic = scenario.product_lines.get("by_topic") or {}
    product = np.full(n_rows, "", dtype=object)
    for name in sorted(set(topic)):
        rows = np.flatnonzero(topic == name)
        mix = by_topic.get(name) or scenario.product_lines["default"]
        product[rows] = records.weighted_choice(rng, mix, rows.size)

    contact = np.isin(channels, [c.id for c in scenario.channels if c.contact])
    surveyed = np.isin(channels, [c.id for c in scenario.channels if c.survey_share >= 1.0])
    has_customer = contact | surveyed
    customer, segment, region = records.assign_customers(rng, scenario, has_customer)
    for index, signal in enumerate(scenario.signals):
        rows = np.flatnonzero((signal_of == index) & has_customer)
        repeat = rows[1:][rng.random(rows.size - 1) < signal.repeat_share] if rows.size else rows
        for row in repeat:
            earlier = rows[rows < row]
            source = earlier[rng.integers(0, earlier.size)]
            customer[row], segment[row], region[row] = (
                customer[source],
                segment[source],
                region[source],
            )

    weak = scenario.weak_agents
    weak_rows = (topic == weak.get("topic")) & (sentiment == weak.get("sentiment"))
    agent = records.assign_agents(rng, scenario, channels, weak_rows)
    slow = scenario.frt["slow_topic"]
    slow_rows = (topic == slow["topic"]) & (sentiment == slow["sentiment"])
    unresolved = np.ones(n_rows)
    for name, p in (scenario.fcr.get("unresolved_topics") or {}).items():
        unresolved[(topic == name) & (sentiment == "negative")] = float(p)
    hour = second // 3600
    weekend = calendar.weekday[day] >= 5
    frt, aht, fcr = records.draw_contact_kpis(
        rng, scenario, channels, month, weekend, hour, sentiment, slow_rows, unresolved
    )

    profile = sentiment.copy()
    boost = np.ones(n_rows)
    for index, signal in enumerate(scenario.signals):
        for row in np.flatnonzero(signal_of == index):
            profile[row] = _signal_profile(signal, {"month": month[row], "week": week[row]})
        boost[signal_of == index] = signal.survey_boost
    csat = records.draw_csat(rng, scenario, channels, month, profile, boost)
    nps = records.draw_nps(rng, scenario, channels, csat)
    pii = rng.random(n_rows) < scenario.pii_share

    composer = TextComposer(banks, scenario.slots, trng)
    texts: list[str] = []
    topic_lists: list[str] = []
    pii_kinds: dict[str, int] = {}
    no_product = ~has_customer
    start = dt.datetime.combine(scenario.start, dt.time())
    feedback_rows, truth_rows = [], []
    with progress_bar("Writing sample feedback", n_rows, enabled=show_progress) as advance:
        for i in range(n_rows):
            periods = {"month": month[i], "week": week[i]}
            primary = Part(topic[i], content["touchpoint"][i], sentiment[i], content["pool"][i])
            parts = [primary, *_companions(trng, scenario, composer, primary, channels[i], periods)]
            text, kinds = composer.compose(langs[i], channels[i], parts, product[i], pii=pii[i])
            for kind in kinds:
                pii_kinds[kind] = pii_kinds.get(kind, 0) + 1
            texts.append(text)
            topic_lists.append("|".join(p.topic for p in parts))
            feedback_id = f"FB-{i + 1:06d}"
            created = start + dt.timedelta(days=int(day[i]), seconds=int(second[i]))
            feedback_rows.append(
                (
                    feedback_id,
                    created.isoformat(timespec="seconds"),
                    channels[i],
                    text,
                    _num(csat[i]),
                    _num(nps[i]),
                    customer[i],
                    segment[i],
                    "" if no_product[i] else product[i],
                    region[i],
                    agent[i],
                    _num(frt[i]),
                    _num(aht[i]),
                    "" if fcr[i] is None else str(bool(fcr[i])).lower(),
                )
            )
            truth_rows.append(
                (feedback_id, topic_lists[-1], primary.touchpoint, sentiment[i], langs[i])
            )
            if i % 500 == 499 or i == n_rows - 1:
                advance(500 if i % 500 == 499 else (i % 500) + 1)

    truth_path = out.parent / "truth.csv"
    planted_path = out.parent / "planted.json"
    _write_csv(out, FEEDBACK_COLUMNS, feedback_rows)
    _write_csv(truth_path, TRUTH_COLUMNS, truth_rows)
    planted = measure_signals(
        scenario,
        seed=seed,
        month=month,
        week=week,
        channels=channels,
        langs=langs,
        topic=topic,
        touchpoint=content["touchpoint"],
        sentiment=sentiment,
        csat=csat,
        texts=texts,
        pii_rows=int(pii.sum()),
        pii_kinds=pii_kinds,
        bank_sizes={lang: bank.size for lang, bank in banks.items()},
    )
    planted_path.write_text(
        json.dumps(planted, indent=2, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8"
    )
    return SampleResult(n_rows, out, truth_path, planted_path, seed)

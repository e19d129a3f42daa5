"""Load and validate the sample-data scenario (channels, cells, signals) against a taxonomy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from voc.errors import ConfigError
from voc.taxonomy import Taxonomy

__all__ = ["Cell", "Channel", "Scenario", "Signal", "SCENARIO_PATH", "load_scenario"]

SCENARIO_PATH = Path(__file__).resolve().parent / "scenario.yaml"


@dataclass(frozen=True, slots=True)
class Channel:
    """A feedback channel: volume share, weekly and hourly profile, contact-center facts."""

    id: str
    share: float
    weekday: tuple[float, ...]
    hours: tuple[float, ...]
    contact: bool
    survey_share: float
    nps_share: float
    agent_share: float
    frt_median: float
    aht_median: float


@dataclass(frozen=True, slots=True)
class Cell:
    """A baseline (topic, touchpoint) with a relative weight and a sentiment mix."""

    topic: str
    touchpoint: str
    weight: float
    sentiment: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Signal:
    """A planted signal: a (topic, touchpoint) whose volume follows per-period multipliers."""

    id: str
    description: str
    topic: str
    touchpoint: str
    sentiment: tuple[tuple[str, float], ...]
    share: float
    noise: float
    period: str
    multipliers: Mapping[str, float]
    channels: Mapping[str, float]
    csat_profile: str
    csat_profile_by_period: Mapping[str, str]
    pool: str
    pool_share: float
    survey_boost: float
    repeat_share: float
    expected: str

    def multiplier(self, period_key: str) -> float:
        """Return the volume multiplier of ``period_key`` (1.0 when not listed)."""
        return float(self.multipliers.get(period_key, 1.0))


@dataclass(frozen=True, slots=True)
class Scenario:
    """The validated scenario; mappings of secondary settings stay plain dicts."""

    brand: str
    start: dt.date
    end: dt.date
    default_rows: int
    min_rows: int
    max_rows: int
    languages: Mapping[str, float]
    channels: tuple[Channel, ...]
    channel_topics: Mapping[str, Mapping[str, float]]
    channel_sentiment: Mapping[str, Mapping[str, float]]
    cells: tuple[Cell, ...]
    companions: Mapping[str, tuple[tuple[str, str, float], ...]]
    topic_counts: Mapping[str, tuple[float, ...]]
    short_channels: frozenset[str]
    csat_profiles: Mapping[str, tuple[float, ...]]
    product_lines: Mapping[str, Any]
    segments: Mapping[str, float]
    regions: Mapping[str, float]
    customers_per_row: float
    agent_teams: Mapping[str, Mapping[str, Any]]
    survey_agent_teams: Mapping[str, float]
    weak_agents: Mapping[str, Any]
    frt: Mapping[str, Any]
    aht: Mapping[str, Any]
    fcr: Mapping[str, Any]
    events: tuple[Mapping[str, Any], ...]
    pii_share: float
    signals: tuple[Signal, ...]
    slots: Mapping[str, Any]
    source: str

    @property
    def channel_ids(self) -> tuple[str, ...]:
        """Channel ids in file order."""
        return tuple(c.id for c in self.channels)

    @property
    def days(self) -> int:
        """Number of days covered, both ends included."""
        return (self.end - self.start).days + 1


def _fail(source: str, where: str, problem: str) -> ConfigError:
    return ConfigError(
        f"Invalid sample scenario {source}: {where}: {problem}.",
        hint="Fix the entry; voc/sample/scenario.yaml documents every key.",
    )


def _weights(value: Any, source: str, where: str, allowed: set[str] | None = None) -> dict:
    if not isinstance(value, Mapping):
        raise _fail(source, where, "must be a mapping of id to weight")
    out: dict[str, float] = {}
    for key, weight in value.items():
        if allowed is not None and key not in allowed:
            raise _fail(source, where, f"unknown id '{key}' (known: {', '.join(sorted(allowed))})")
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
            raise _fail(source, where, f"weight of '{key}' must be a number >= 0, got {weight!r}")
        out[str(key)] = float(weight)
    return out


def _sentiment_mix(value: Any, taxonomy: Taxonomy, source: str, where: str) -> tuple:
    if isinstance(value, list):
        if len(value) != len(taxonomy.sentiment):
            raise _fail(source, where, f"needs {len(taxonomy.sentiment)} sentiment weights")
        value = dict(zip(taxonomy.sentiment, value, strict=True))
    mix = _weights(value, source, where, set(taxonomy.sentiment))
    if sum(mix.values()) <= 0:
        raise _fail(source, where, "sentiment weights sum to zero")
    return tuple((s, w) for s, w in mix.items() if w > 0)


def _channels(raw: Any, source: str) -> tuple[Channel, ...]:
    if not isinstance(raw, Mapping) or not raw:
        raise _fail(source, "channels", "must be a non-empty mapping")
    channels = []
    for cid, spec in raw.items():
        where = f"channels '{cid}'"
        weekday, hours = spec.get("weekday"), spec.get("hours")
        if not isinstance(weekday, list) or len(weekday) != 7:
            raise _fail(source, where, "weekday needs 7 values (Monday to Sunday)")
        if not isinstance(hours, list) or len(hours) != 24:
            raise _fail(source, where, "hours needs 24 values (00 to 23)")
        channels.append(
            Channel(
                id=str(cid),
                share=float(spec["share"]),
                weekday=tuple(float(v) for v in weekday),
                hours=tuple(float(v) for v in hours),
                contact=bool(spec.get("contact", False)),
                survey_share=float(spec.get("survey_share", 0.0)),
                nps_share=float(spec.get("nps_share", 0.0)),
                agent_share=float(spec.get("agent_share", 1.0 if spec.get("contact") else 0.0)),
                frt_median=float(spec.get("frt_median", 0.0)),
                aht_median=float(spec.get("aht_median", 0.0)),
            )
        )
    return tuple(channels)


def _signal(raw: Mapping[str, Any], taxonomy: Taxonomy, channels: set, profiles: set, src: str):
    where = f"signals '{raw.get('id')}'"
    for key in ("id", "description", "topic", "touchpoint", "sentiment", "share", "period"):
        if key not in raw:
            raise _fail(src, where, f"missing '{key}'")
    if raw["period"] not in ("month", "week"):
        raise _fail(src, where, f"period must be 'month' or 'week', got {raw['period']!r}")
    profile = raw.get("csat_profile", "negative")
    by_period = dict(raw.get("csat_profile_by_period") or {})
    for name in (profile, *by_period.values()):
        if name not in profiles:
            raise _fail(src, where, f"unknown csat profile '{name}'")
    return Signal(
        id=str(raw["id"]),
        description=" ".join(str(raw["description"]).split()),
        topic=taxonomy.topic(raw["topic"]).id,
        touchpoint=taxonomy.touchpoint(raw["touchpoint"]).id,
        sentiment=_sentiment_mix(raw["sentiment"], taxonomy, src, where),
        share=float(raw["share"]),
        noise=float(raw.get("noise", 0.0)),
        period=str(raw["period"]),
        multipliers=_weights(raw.get("multipliers") or {}, src, where),
        channels=_weights(
            raw.get("channels") or dict.fromkeys(channels, 1.0), src, where, channels
        ),
        csat_profile=str(profile),
        csat_profile_by_period=by_period,
        pool=str(raw.get("pool") or ""),
        pool_share=float(raw.get("pool_share", 1.0)),
        survey_boost=float(raw.get("survey_boost", 1.0)),
        repeat_share=float(raw.get("repeat_share", 0.0)),
        expected=" ".join(str(raw.get("expected", "")).split()),
    )


def _date(value: Any, source: str, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _fail(source, where, f"not an ISO date: {value!r}") from None


def load_scenario(taxonomy: Taxonomy, path: str | Path | None = None) -> Scenario:
    """Load the scenario YAML and check every id it names against ``taxonomy``.

    Args:
        taxonomy: The taxonomy whose topic, touchpoint and sentiment ids the scenario uses.
        path: The scenario file; ``None`` loads the packaged ``scenario.yaml``.

    Returns:
        The validated :class:`Scenario`.

    Raises:
        ConfigError: The file is missing or malformed, or names an unknown id.
        TaxonomyError: A topic or touchpoint id is not in ``taxonomy``.
    """
    file = Path(path) if path is not None else SCENARIO_PATH
    source = str(file)
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read the sample scenario {source}: {exc}.") from exc
    if not isinstance(raw, Mapping):
        raise _fail(source, "top level", "must be a mapping")

    channels = _channels(raw.get("channels"), source)
    channel_ids = {c.id for c in channels}
    topic_ids, sentiments = set(taxonomy.topic_ids), set(taxonomy.sentiment)
    profiles = {
        name: tuple(float(v) for v in weights)
        for name, weights in (raw.get("csat_profiles") or {}).items()
    }
    for name, weights in profiles.items():
        if len(weights) != 5 or sum(weights) <= 0:
            raise _fail(source, f"csat_profiles '{name}'", "needs 5 weights for CSAT 1..5")
    for sentiment in sentiments:
        if sentiment not in profiles:
            raise _fail(source, "csat_profiles", f"missing the profile '{sentiment}'")

    cells = []
    for index, item in enumerate(raw.get("cells") or []):
        where = f"cells[{index}]"
        if not isinstance(item, list) or len(item) != 4:
            raise _fail(source, where, "must be [topic, touchpoint, weight, sentiment mix]")
        topic, touchpoint, weight, mix = item
        cells.append(
            Cell(
                topic=taxonomy.topic(topic).id,
                touchpoint=taxonomy.touchpoint(touchpoint).id,
                weight=float(weight),
                sentiment=_sentiment_mix(mix, taxonomy, source, where),
            )
        )
    if not cells:
        raise _fail(source, "cells", "must list at least one baseline cell")

    companions = {}
    for topic, entries in (raw.get("companions") or {}).items():
        taxonomy.topic(topic)
        companions[topic] = tuple(
            (taxonomy.topic(t).id, taxonomy.touchpoint(tp).id, float(w)) for t, tp, w in entries
        )

    signals = tuple(
        _signal(item, taxonomy, channel_ids, set(profiles), source)
        for item in raw.get("signals") or []
    )
    baseline = {(c.topic, c.touchpoint, s) for c in cells for s, _ in c.sentiment}
    for signal in signals:
        for sentiment, _ in signal.sentiment:
            if (signal.topic, signal.touchpoint, sentiment) in baseline:
                raise _fail(
                    source,
                    f"signals '{signal.id}'",
                    f"({signal.topic}, {signal.touchpoint}, {sentiment}) is also a baseline cell",
                )

    teams = dict(raw.get("agent_teams") or {})
    for team, spec in teams.items():
        unknown = set(spec.get("channels") or ()) - channel_ids
        if unknown or int(spec.get("size", 0)) < 1 or not spec.get("prefix"):
            raise _fail(source, f"agent_teams '{team}'", "needs prefix, size >= 1 and channels")

    for topic in (raw.get("product_lines") or {}).get("by_topic") or {}:
        taxonomy.topic(topic)
    for section in ("weak_agents", "frt"):
        spec = raw.get(section) or {}
        spec = spec.get("slow_topic", {}) if section == "frt" else spec
        if spec.get("topic"):
            taxonomy.topic(spec["topic"])
        if spec.get("sentiment") and spec["sentiment"] not in sentiments:
            raise _fail(source, section, f"unknown sentiment '{spec['sentiment']}'")

    start = _date(raw.get("start"), source, "start")
    end = _date(raw.get("end"), source, "end")
    if end < start:
        raise _fail(source, "end", "must not be before start")
    return Scenario(
        brand=str(raw.get("brand", "Sample")),
        start=start,
        end=end,
        default_rows=int(raw.get("default_rows", 24_000)),
        min_rows=int(raw.get("min_rows", 1_000)),
        max_rows=int(raw.get("max_rows", 1_000_000)),
        languages=_weights(raw.get("languages"), source, "languages", {"id", "en", "mixed"}),
        channels=channels,
        channel_topics={
            c: _weights(v, source, f"channel_topics '{c}'", topic_ids)
            for c, v in (raw.get("channel_topics") or {}).items()
        },
        channel_sentiment={
            c: _weights(v, source, f"channel_sentiment '{c}'", sentiments)
            for c, v in (raw.get("channel_sentiment") or {}).items()
        },
        cells=tuple(cells),
        companions=companions,
        topic_counts={k: tuple(float(x) for x in v) for k, v in raw["topic_counts"].items()},
        short_channels=frozenset(raw.get("short_channels") or ()),
        csat_profiles=profiles,
        product_lines=raw["product_lines"],
        segments=_weights(raw["segments"], source, "segments"),
        regions=_weights(raw["regions"], source, "regions"),
        customers_per_row=float(raw.get("customers_per_row", 0.55)),
        agent_teams=teams,
        survey_agent_teams=_weights(
            raw.get("survey_agent_teams") or {}, source, "survey_agent_teams", set(teams)
        ),
        weak_agents=dict(raw.get("weak_agents") or {}),
        frt=dict(raw["frt"]),
        aht=dict(raw["aht"]),
        fcr=dict(raw["fcr"]),
        events=tuple(raw.get("events") or ()),
        pii_share=float(raw.get("pii_share", 0.02)),
        signals=signals,
        slots=dict(raw.get("slots") or {}),
        source=source,
    )

"""Draw the non-text fields of the sample: timestamps, customers, agents, FRT/AHT/FCR, CSAT."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np

from voc.sample.scenario import Scenario

__all__ = [
    "Calendar",
    "assign_agents",
    "assign_customers",
    "build_calendar",
    "draw_contact_kpis",
    "draw_csat",
    "draw_nps",
    "draw_timestamps",
    "weighted_choice",
]


def weighted_choice(
    rng: np.random.Generator, weights: Mapping[str, float], size: int
) -> np.ndarray:
    """Draw ``size`` keys of ``weights`` with probabilities proportional to the weights."""
    keys = list(weights)
    p = np.array([weights[k] for k in keys], dtype=float)
    index = rng.choice(len(keys), size=size, p=p / p.sum())
    return np.array(keys, dtype=object)[index]


class Calendar:
    """The days of the scenario with their month, ISO week, weekday and event factors."""

    def __init__(self, scenario: Scenario) -> None:
        self.dates = [scenario.start + dt.timedelta(days=i) for i in range(scenario.days)]
        self.month = np.array([d.strftime("%Y-%m") for d in self.dates], dtype=object)
        self.week = np.array(
            [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}" for d in self.dates], dtype=object
        )
        self.weekday = np.array([d.weekday() for d in self.dates])
        self.volume = np.ones(len(self.dates))
        self.topic_factors: list[dict[str, float]] = [{} for _ in self.dates]
        for event in scenario.events:
            for i in self._event_days(event):
                self.volume[i] *= float(event.get("volume", 1.0))
                for topic, factor in (event.get("topics") or {}).items():
                    current = self.topic_factors[i].get(topic, 1.0)
                    self.topic_factors[i][topic] = current * float(factor)

    def _event_days(self, event: Mapping) -> list[int]:
        days: list[int] = []
        span = int(event.get("span_days", 1))
        for value in event.get("dates") or ():
            first = dt.date.fromisoformat(str(value))
            days += [self.index(first + dt.timedelta(days=k)) for k in range(span)]
        if event.get("range"):
            lo, hi = (dt.date.fromisoformat(str(v)) for v in event["range"])
            days += [i for i, d in enumerate(self.dates) if lo <= d <= hi]
        for day in event.get("days_of_month") or ():
            days += [i for i, d in enumerate(self.dates) if d.day == int(day)]
        return sorted({i for i in days if i >= 0})

    def index(self, date: dt.date) -> int:
        """Return the position of ``date`` or -1 when it is outside the scenario."""
        i = (date - self.dates[0]).days
        return i if 0 <= i < len(self.dates) else -1

    def periods(self, kind: str) -> list[str]:
        """Return the month or ISO-week keys covered, in order."""
        keys = self.month if kind == "month" else self.week
        return list(dict.fromkeys(keys))

    def day_count(self, kind: str, key: str) -> int:
        """Return the number of scenario days in the period ``key``."""
        keys = self.month if kind == "month" else self.week
        return int((keys == key).sum())


def build_calendar(scenario: Scenario) -> Calendar:
    """Return the :class:`Calendar` of ``scenario``."""
    return Calendar(scenario)


def draw_timestamps(
    rng: np.random.Generator, scenario: Scenario, calendar: Calendar, channels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Draw a day index and a second-of-day for each row, following its channel's profile.

    Weekends shift morning traffic later (people sleep in) and every channel follows its
    weekday and hourly profile and the event volume factors of the calendar.
    """
    n = len(channels)
    day = np.zeros(n, dtype=np.int64)
    second = np.zeros(n, dtype=np.int64)
    weekend_shape = np.ones(24)
    weekend_shape[6:10] = (0.45, 0.5, 0.6, 0.8)
    for channel in scenario.channels:
        rows = np.flatnonzero(channels == channel.id)
        if rows.size == 0:
            continue
        day_p = np.array(channel.weekday)[calendar.weekday] * calendar.volume
        day[rows] = rng.choice(len(day_p), size=rows.size, p=day_p / day_p.sum())
        hours = np.array(channel.hours)
        weekday_p, weekend_p = hours / hours.sum(), hours * weekend_shape
        weekend_p /= weekend_p.sum()
        is_weekend = calendar.weekday[day[rows]] >= 5
        hour = np.where(
            is_weekend,
            rng.choice(24, size=rows.size, p=weekend_p),
            rng.choice(24, size=rows.size, p=weekday_p),
        )
        second[rows] = hour * 3600 + rng.integers(0, 3600, size=rows.size)
    return day, second


def assign_customers(
    rng: np.random.Generator, scenario: Scenario, has_customer: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Give customer rows a pseudonymous id, segment and region (fixed per customer).

    A heavy-tailed draw makes a minority of customers write many times (repeat contacts).
    """
    n = len(has_customer)
    pool = max(1, int(n * scenario.customers_per_row))
    numbers = rng.choice(9_000_000, size=pool, replace=False) + 1_000_000
    ids = np.array([f"C{v:07d}" for v in numbers], dtype=object)
    segment = weighted_choice(rng, scenario.segments, pool)
    region = weighted_choice(rng, scenario.regions, pool)
    popularity = 1.0 / (np.arange(pool) + 300.0)
    who = rng.choice(pool, size=n, p=popularity / popularity.sum())
    empty = np.full(n, "", dtype=object)
    return (
        np.where(has_customer, ids[who], empty),
        np.where(has_customer, segment[who], empty),
        np.where(has_customer, region[who], empty),
    )


def assign_agents(
    rng: np.random.Generator,
    scenario: Scenario,
    channels: np.ndarray,
    weak_rows: np.ndarray,
) -> np.ndarray:
    """Give each contact row (and some survey rows) the id of an agent of its team.

    ``weak_rows`` marks rows of the weak-agent pattern: a share of them go to the first few
    agents of the team, so a handful of agents collect more attitude complaints.
    """
    n = len(channels)
    agent = np.full(n, "", dtype=object)
    team_of = np.full(n, "", dtype=object)
    for team, spec in scenario.agent_teams.items():
        team_of[np.isin(channels, list(spec["channels"]))] = team
    for channel in scenario.channels:
        if channel.contact or channel.agent_share <= 0 or not scenario.survey_agent_teams:
            continue
        rows = np.flatnonzero((channels == channel.id) & (rng.random(n) < channel.agent_share))
        team_of[rows] = weighted_choice(rng, scenario.survey_agent_teams, rows.size)
    weak = scenario.weak_agents
    for team, spec in scenario.agent_teams.items():
        rows = np.flatnonzero(team_of == team)
        size = int(spec["size"])
        names = np.array([f"{spec['prefix']}{i + 1:02d}" for i in range(size)], dtype=object)
        pick = rng.integers(0, size, size=rows.size)
        if weak:
            to_weak = weak_rows[rows] & (rng.random(rows.size) < float(weak.get("share", 0)))
            count = min(size, int(weak.get("count", 0)) or 1)
            pick[to_weak] = rng.integers(0, count, size=int(to_weak.sum()))
        agent[rows] = names[pick]
    return agent


def draw_contact_kpis(
    rng: np.random.Generator,
    scenario: Scenario,
    channels: np.ndarray,
    month: np.ndarray,
    weekend: np.ndarray,
    hour: np.ndarray,
    sentiment: np.ndarray,
    slow_rows: np.ndarray,
    unresolved_factor: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw FRT and AHT seconds and the FCR flag for contact-center rows (NaN/None elsewhere)."""
    n = len(channels)
    frt = np.full(n, np.nan)
    aht = np.full(n, np.nan)
    fcr = np.full(n, None, dtype=object)
    cfg_frt, cfg_aht, cfg_fcr = scenario.frt, scenario.aht, scenario.fcr
    month_factor = np.array([float(cfg_frt["month_factor"].get(m, 1.0)) for m in month])
    night = (hour >= 22) | (hour < 7)
    for channel in scenario.channels:
        if not channel.contact:
            continue
        rows = np.flatnonzero(channels == channel.id)
        factor = month_factor[rows].copy()
        factor[weekend[rows]] *= float(cfg_frt["weekend_factor"])
        factor[night[rows]] *= float(cfg_frt["night_factor"])
        factor[slow_rows[rows]] *= float(cfg_frt["slow_topic"]["factor"])
        noise = rng.lognormal(0.0, float(cfg_frt["sigma"]), size=rows.size)
        frt[rows] = np.maximum(5, np.round(channel.frt_median * factor * noise))
        sentiment_factor = np.select(
            [sentiment[rows] == "negative", sentiment[rows] == "positive"],
            [float(cfg_aht["negative_factor"]), float(cfg_aht["positive_factor"])],
            1.0,
        )
        noise = rng.lognormal(0.0, float(cfg_aht["sigma"]), size=rows.size)
        aht[rows] = np.maximum(30, np.round(channel.aht_median * sentiment_factor * noise))
        p = np.array([float(cfg_fcr.get(s, 0.7)) for s in sentiment[rows]])
        p = np.minimum(p, unresolved_factor[rows])
        fcr[rows] = rng.random(rows.size) < p
    return frt, aht, fcr


def _quota(rng: np.random.Generator, weights: Sequence[float], size: int) -> np.ndarray:
    """Return ``size`` CSAT values 1..5 whose counts follow ``weights`` exactly, shuffled.

    Exact quotas (largest remainder) keep the CSAT% of a group at its intended level,
    so planted CSAT effects do not drown in sampling noise.
    """
    p = np.asarray(weights, dtype=float)
    p = p / p.sum()
    exact = p * size
    counts = np.floor(exact).astype(int)
    short = size - counts.sum()
    if short:
        order = np.argsort(-(exact - counts), kind="stable")
        counts[order[:short]] += 1
    values = np.repeat(np.arange(1, 6), counts)
    rng.shuffle(values)
    return values


def draw_csat(
    rng: np.random.Generator,
    scenario: Scenario,
    channels: np.ndarray,
    month: np.ndarray,
    profile: np.ndarray,
    survey_boost: np.ndarray,
) -> np.ndarray:
    """Decide which rows carry a CSAT answer and draw it from each row's profile.

    Survey rows always answer; contact rows answer with their channel's survey share
    (times ``survey_boost``); social posts and app reviews never do.
    """
    n = len(channels)
    share = np.zeros(n)
    for channel in scenario.channels:
        share[channels == channel.id] = channel.survey_share
    answered = rng.random(n) < np.minimum(1.0, share * survey_boost)
    csat = np.full(n, np.nan)
    for key in sorted(set(zip(month[answered], profile[answered], strict=True))):
        rows = np.flatnonzero(answered & (month == key[0]) & (profile == key[1]))
        csat[rows] = _quota(rng, scenario.csat_profiles[key[1]], rows.size)
    return csat


def draw_nps(
    rng: np.random.Generator, scenario: Scenario, channels: np.ndarray, csat: np.ndarray
) -> np.ndarray:
    """Draw a 0-10 NPS answer for a share of survey rows, consistent with their CSAT."""
    n = len(channels)
    nps = np.full(n, np.nan)
    low = np.array([0, 0, 2, 5, 7, 8])
    high = np.array([0, 4, 6, 8, 9, 10])
    for channel in scenario.channels:
        if channel.nps_share <= 0:
            continue
        rows = np.flatnonzero(
            (channels == channel.id) & ~np.isnan(csat) & (rng.random(n) < channel.nps_share)
        )
        score = csat[rows].astype(int)
        nps[rows] = rng.integers(low[score], high[score] + 1)
    return nps

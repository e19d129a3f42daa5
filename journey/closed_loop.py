"""Closed loop: did an issue's numbers move after its backlog item was marked done?"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from journey.evidence import issue_title
from journey.frame import PreparedFrame, prepare
from journey.issues import IssueSettings, find_issues
from journey.periods import Period
from voc.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from voc.taxonomy import Taxonomy

__all__ = ["WindowStats", "ClosedLoopResult", "closed_loop", "VERDICTS"]

#: Possible verdicts of :func:`closed_loop`.
VERDICTS = ("improved", "no_change", "worse", "too_early", "no_data")
_SOURCES = ("csat", "nps", "sentiment")


@dataclass(frozen=True)
class WindowStats:
    """The issue's numbers in one window (``weeks`` weeks before or after the done date).

    Attributes:
        start: First day of the window.
        end: First day after the window.
        comments: All comments in the window.
        mentions: Comments with the issue's topic at its touchpoint.
        negative_mentions: Negative ones among them (the issue's volume).
        negative_per_week: ``negative_mentions`` per week of the window.
        share_negative: ``negative_mentions / mentions``.
        drag_points: Drag of the issue in the window (source in :class:`ClosedLoopResult`).
        covered: Whether the data covers the whole window.
    """

    start: date
    end: date
    comments: int
    mentions: int
    negative_mentions: int
    negative_per_week: float
    share_negative: float
    drag_points: float
    covered: bool


@dataclass(frozen=True)
class ClosedLoopResult:
    """Before/after comparison of one issue around the day its fix was done.

    Attributes:
        topic: Topic id.
        touchpoint: Touchpoint id.
        done_at: Day the backlog item was marked done (first day of the "after" window).
        weeks: Window length in weeks.
        before: Numbers of the window before.
        after: Numbers of the window after.
        delta: ``after - before`` for negative_per_week, share_negative, drag_points, and
            ``volume_change_pct``.
        drag_source: "csat", "nps" or "sentiment": the first drag both windows can measure.
        improved: Verdict is "improved".
        verdict: One of ``VERDICTS``.
        sentence_en: The result in one English sentence, with the numbers.
        sentence_id: The same in Indonesian.
    """

    topic: str
    touchpoint: str
    done_at: date
    weeks: int
    before: WindowStats
    after: WindowStats
    delta: dict[str, float]
    drag_source: str
    improved: bool
    verdict: str
    sentence_en: str
    sentence_id: str

    def sentence(self, lang: str = "id") -> str:
        """The result sentence in "id" or "en"."""
        return self.sentence_id if lang == "id" else self.sentence_en


def _as_date(value: date | datetime | str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ConfigError(f"done_at must be a date (YYYY-MM-DD), got {value!r}.") from exc


def _window(prepared: PreparedFrame, topic: str, touchpoint: str, start: date, end: date):
    import math

    from journey.frame import day_number

    period = Period(start, end, "range", f"{start.isoformat()}..{(end - timedelta(days=1))}")
    table = find_issues(prepared, period, IssueSettings(min_mentions=1), taxonomy=prepared.taxonomy)
    issues = table.issues
    match = issues[(issues["topic"] == topic) & (issues["touchpoint"] == touchpoint)]
    weeks = period.days / 7.0
    valid_days = prepared.day[prepared.day > -(2**31)]
    covered = bool(
        len(valid_days)
        and valid_days.min() <= day_number(start)
        and valid_days.max() >= day_number(end) - 1
    )
    if match.empty:
        drags = dict.fromkeys(_SOURCES, 0.0 if table.totals["comments"] else math.nan)
        mentions = negative = 0
        stats_share = math.nan
    else:
        row = match.iloc[0]
        drags = {s: float(row[f"{s}_drag_points"]) for s in _SOURCES}
        mentions, negative = int(row["mentions"]), int(row["negative_mentions"])
        stats_share = float(row["share_negative"])
    if mentions == 0:
        # Mentions without complaints are not issue rows; count them directly.
        mask = prepared.mask(period)
        code = prepared.taxonomy.topic_ids.index(topic)
        stage = prepared.taxonomy.touchpoint_ids.index(touchpoint)
        rows = prepared.mention_row
        hit = mask[rows] & (prepared.mention_topic == code) & (prepared.touchpoint[rows] == stage)
        mentions = int(hit.sum())
        stats_share = 0.0 if mentions else math.nan
    responses = {
        "csat": table.totals["csat_responses"],
        "nps": table.totals["nps_responses"],
        "sentiment": table.totals["comments"],
    }
    return (
        WindowStats(
            start=start,
            end=end,
            comments=int(table.totals["comments"]),
            mentions=mentions,
            negative_mentions=negative,
            negative_per_week=negative / weeks,
            share_negative=stats_share,
            drag_points=math.nan,
            covered=covered,
        ),
        drags,
        responses,
    )


def _fmt(value: float, lang: str, digits: int = 1) -> str:
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def _sentences(result: dict, taxonomy: Taxonomy) -> tuple[str, str]:
    before, after, delta = result["before"], result["after"], result["delta"]
    out = []
    for lang in ("en", "id"):
        title = issue_title(result["topic"], result["touchpoint"], taxonomy, lang)
        change = delta["volume_change_pct"]
        change_text = (
            "n/a" if change != change else f"{'+' if change >= 0 else ''}{_fmt(change, lang, 0)}%"
        )
        share = (
            f"{_fmt(100 * before.share_negative, lang, 0)}% -> "
            f"{_fmt(100 * after.share_negative, lang, 0)}%"
        )
        drag = f"{_fmt(before.drag_points, lang, 2)} -> {_fmt(after.drag_points, lang, 2)}"
        source = result["drag_source"].upper() if result["drag_source"] != "sentiment" else None
        if lang == "en":
            drag_name = f"{source} drag" if source else "net-sentiment drag"
            verdict = {
                "improved": "improved",
                "no_change": "no clear change",
                "worse": "worse",
                "too_early": "too early to judge (the after window is not complete yet)",
                "no_data": "not measurable (no complaints before the fix)",
            }[result["verdict"]]
            out.append(
                f"{title}: negative comments went from {_fmt(before.negative_per_week, lang)} to "
                f"{_fmt(after.negative_per_week, lang)} a week ({change_text}), share negative "
                f"{share}, {drag_name} {drag} points, {result['weeks']} weeks before vs after "
                f"{result['done_at'].isoformat()}: {verdict}."
            )
        else:
            drag_name = f"drag {source}" if source else "drag sentimen bersih"
            verdict = {
                "improved": "membaik",
                "no_change": "belum ada perubahan jelas",
                "worse": "memburuk",
                "too_early": "terlalu dini untuk dinilai (periode sesudah belum lengkap)",
                "no_data": "tidak dapat diukur (tidak ada keluhan sebelum perbaikan)",
            }[result["verdict"]]
            out.append(
                f"{title}: komentar negatif dari {_fmt(before.negative_per_week, lang)} menjadi "
                f"{_fmt(after.negative_per_week, lang)} per minggu ({change_text}), porsi negatif "
                f"{share}, {drag_name} {drag} poin, {result['weeks']} minggu sebelum vs sesudah "
                f"{result['done_at'].isoformat()}: {verdict}."
            )
    return out[0], out[1]


def closed_loop(
    df: pd.DataFrame | PreparedFrame,
    topic: str,
    touchpoint: str,
    done_at: date | datetime | str,
    weeks: int = 4,
    *,
    min_change: float = 0.10,
    taxonomy: Taxonomy | None = None,
) -> ClosedLoopResult:
    """Compare an issue's volume, negativity and drag ``weeks`` weeks before and after a fix.

    Verdict rule: "no_data" when the before window has no complaints; "too_early" when the
    data does not cover the whole after window; "improved" when negative comments per week
    fell by at least ``min_change`` (10%) and the drag did not grow; "worse" when they rose
    by at least ``min_change`` and the drag did not shrink; "no_change" otherwise.

    Args:
        df: Classified feedback or a prepared frame.
        topic: Topic id of the issue.
        touchpoint: Touchpoint id of the issue.
        done_at: Day the backlog item was marked done.
        weeks: Weeks in each window (default 4).
        min_change: Relative change in weekly complaints that counts as a change.
        taxonomy: Taxonomy of the labels (default taxonomy when ``None``).
    """
    import math

    if not isinstance(weeks, int) or weeks < 1:
        raise ConfigError(f"weeks must be a positive integer, got {weeks!r}.")
    if not 0 <= min_change < 1:
        raise ConfigError(f"min_change must be in [0, 1), got {min_change!r}.")
    prepared = prepare(df, taxonomy)
    taxonomy = prepared.taxonomy
    taxonomy.topic(topic)
    taxonomy.touchpoint(touchpoint)
    done = _as_date(done_at)
    span = timedelta(days=7 * weeks)
    before, drags_before, resp_before = _window(prepared, topic, touchpoint, done - span, done)
    after, drags_after, resp_after = _window(prepared, topic, touchpoint, done, done + span)
    minimum = IssueSettings().min_period_csat_responses
    source = next(
        (s for s in _SOURCES if resp_before[s] >= minimum and resp_after[s] >= minimum),
        "sentiment",
    )
    before = replace(before, drag_points=drags_before[source])
    after = replace(after, drag_points=drags_after[source])
    if before.negative_per_week > 0:
        change = after.negative_per_week / before.negative_per_week - 1.0
    else:
        change = math.nan
    drag_delta = after.drag_points - before.drag_points
    drag_not_worse = math.isnan(drag_delta) or drag_delta <= 0
    drag_not_better = math.isnan(drag_delta) or drag_delta >= 0
    if before.negative_mentions == 0:
        verdict = "no_data"
    elif not after.covered:
        verdict = "too_early"
    elif change <= -min_change and drag_not_worse:
        verdict = "improved"
    elif change >= min_change and drag_not_better:
        verdict = "worse"
    else:
        verdict = "no_change"
    delta = {
        "negative_per_week": after.negative_per_week - before.negative_per_week,
        "share_negative": after.share_negative - before.share_negative,
        "drag_points": drag_delta,
        "volume_change_pct": 100.0 * change,
    }
    fields = {
        "topic": topic,
        "touchpoint": touchpoint,
        "done_at": done,
        "weeks": weeks,
        "before": before,
        "after": after,
        "delta": delta,
        "drag_source": source,
        "verdict": verdict,
    }
    sentence_en, sentence_id = _sentences(fields, taxonomy)
    return ClosedLoopResult(
        **fields, improved=verdict == "improved", sentence_en=sentence_en, sentence_id=sentence_id
    )

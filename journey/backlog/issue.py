"""Backlog items from ranked issues: impact snapshot, evidence ids, default owner and effort."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journey.backlog._db import _engine, _taxonomy
from journey.backlog.model import CreateResult
from journey.backlog.notes import set_effort_override
from journey.backlog.store import create_item
from voc.errors import ValidationError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from voc.taxonomy import Taxonomy

__all__ = ["create_from_issue", "issue_snapshot", "issue_from_store"]

# Ranking settings carried into the snapshot besides the evidence metrics.
_EXTRA_KEYS = ("period", "impact_threshold", "effort_penalty", "owner", "effort_default")


def _as_record(issue: Any) -> dict[str, Any]:
    """A plain dict from an ``issues_to_records`` record or an ``IssueEvidence``."""
    if isinstance(issue, dict):
        return dict(issue)
    if hasattr(issue, "to_dict"):
        data = issue.to_dict()
        record = {**data.get("metrics", {}), **{k: v for k, v in data.items() if k != "metrics"}}
        return record
    raise ValidationError(
        f"An issue must be a record dict or an IssueEvidence, got {type(issue).__name__}."
    )


def issue_snapshot(record: dict[str, Any]) -> dict[str, Any]:
    """The impact metrics of a ranked issue worth keeping with its backlog item."""
    from journey.evidence import EVIDENCE_METRICS

    keys = (*EVIDENCE_METRICS, *_EXTRA_KEYS)
    return {k: record[k] for k in keys if k in record and not isinstance(record[k], dict)}


def _verbatim_ids(record: dict[str, Any]) -> list[str]:
    if record.get("verbatim_ids"):
        return [str(v) for v in record["verbatim_ids"]]
    out = []
    for verbatim in record.get("verbatims") or []:
        value = verbatim.get("feedback_id") if isinstance(verbatim, dict) else None
        value = value if value is not None else getattr(verbatim, "feedback_id", None)
        if value is not None:
            out.append(str(value))
    return out


def _description(record: dict[str, Any]) -> str:
    parts = []
    if record.get("negative_mentions") is not None:
        parts.append(f"{record['negative_mentions']} negative comments")
    if record.get("drag_points") is not None:
        parts.append(f"{record.get('drag_source') or ''} drag {record['drag_points']:+.2f} points")
    if record.get("quadrant"):
        parts.append(f"quadrant {record['quadrant']}")
    if record.get("period"):
        parts.append(f"period {record['period']}")
    return ("Ranked issue: " + ", ".join(parts) + ".") if parts else ""


def create_from_issue(
    engine: Engine | None,
    issue: Any,
    *,
    by: str,
    effort: int | None = None,
    period: str | None = None,
    lang: str = "en",
    taxonomy: Taxonomy | None = None,
    **fields: Any,
) -> CreateResult:
    """Create an item from a ranked issue, or return the issue's open item if one exists.

    Args:
        engine: The store (``None``: the default store).
        issue: A record of ``journey.issues_to_records`` (optionally with ``verbatim_ids`` or
            ``verbatims``) or an ``IssueEvidence`` of ``journey.build_evidence``.
        by: Who creates it.
        effort: Effort 1-5 that overrides the issue's default; stored as the issue's effort
            override too, and the priority is recomputed from the snapshot impact.
        period: Period label kept in the snapshot (e.g. "2026-05").
        lang: Language of the default title ("en" or "id").
        taxonomy: Taxonomy of the ids.
        **fields: Other item fields (due_date, countermeasure_type, target_kpi, ...).
    """
    from journey.evidence import issue_title

    taxonomy = _taxonomy(taxonomy)
    record = _as_record(issue)
    topic, touchpoint = record.get("topic"), record.get("touchpoint")
    if not topic or not touchpoint:
        raise ValidationError("A ranked issue needs a topic and a touchpoint.")
    if period is not None:
        record["period"] = period
    snapshot = issue_snapshot(record)
    issue_effort = record.get("effort")
    chosen = effort if effort is not None else issue_effort
    priority = record.get("priority")
    if effort is not None and record.get("impact") is not None:
        from journey.prioritize import GridSettings

        penalty = float(record.get("effort_penalty", GridSettings().effort_penalty))
        priority = round(float(record["impact"]) * (1.0 - penalty * (effort - 1.0) / 4.0), 4)
    title = record.get(f"title_{lang}") or issue_title(topic, touchpoint, taxonomy, lang)
    values = {
        "topic": topic,
        "touchpoint": touchpoint,
        "owner_department": record.get("owner") or taxonomy.topic(topic).owner,
        "effort": None if chosen is None else round(float(chosen)),
        "impact_snapshot": snapshot,
        "priority": priority,
        "verbatim_ids": _verbatim_ids(record),
        "description": _description(record),
        **fields,
    }
    engine = _engine(engine)
    result = create_item(
        engine,
        fields.pop("title", title),
        by=by,
        taxonomy=taxonomy,
        record_effort_override=False,
        **{k: v for k, v in values.items() if k != "title"},
    )
    if result.created and effort is not None:
        set_effort_override(engine, topic, touchpoint, effort, by=by, taxonomy=taxonomy)
    return result


def issue_from_store(
    engine: Engine | None,
    topic: str,
    touchpoint: str,
    period: str,
    *,
    taxonomy: Taxonomy | None = None,
    n_verbatims: int = 3,
) -> dict[str, Any]:
    """Rank the period's issues from the store's classified feedback and return one of them.

    The ranking uses the stored effort overrides. The record carries ``verbatim_ids`` from
    :func:`journey.build_evidence` and ``period``.

    Raises:
        ValidationError: No classified feedback, or the pair is not an issue in the period.
    """
    from journey.backlog.notes import effort_overrides
    from journey.evidence import build_evidence
    from journey.prioritize import issues_to_records, rank_issues

    taxonomy = _taxonomy(taxonomy)
    engine = _engine(engine)
    frame = _classified(engine, period)
    ranked = rank_issues(
        frame, period, taxonomy=taxonomy, effort_overrides=effort_overrides(engine)
    )
    records = issues_to_records(ranked.ranked)
    position = next(
        (i for i, r in enumerate(records) if r["topic"] == topic and r["touchpoint"] == touchpoint),
        None,
    )
    if position is None:
        raise ValidationError(
            f"{topic}:{touchpoint} is not among the {len(records)} issues of {period}.",
            hint=f"See the ranked issues with `voc issues --period {period}`.",
        )
    record = records[position]
    subset = type(ranked)(
        table=ranked.table,
        ranked=ranked.ranked.iloc[[position]],
        impact_threshold=ranked.impact_threshold,
        weights=ranked.weights,
        effort_settings=ranked.effort_settings,
        grid=ranked.grid,
    )
    evidence = build_evidence(subset, frame, top=1, n_verbatims=n_verbatims, taxonomy=taxonomy)
    record["verbatim_ids"] = [v.feedback_id for v in evidence[0].verbatims] if evidence else []
    record["period"] = ranked.period.label
    record["impact_threshold"] = ranked.impact_threshold
    record["effort_penalty"] = ranked.grid.effort_penalty
    return record


def _classified(engine: Engine, period: str):
    """The store's classified feedback the ranking of ``period`` needs (with its baseline)."""
    from datetime import timedelta

    from journey.periods import parse_period, week_start
    from voc.store import read_feedback

    parsed = parse_period(period)
    # The previous period and 12 weeks before the first week cover momentum and z-scores.
    first_week = parsed.week_starts()[0] - timedelta(weeks=12)
    start = week_start(min(parsed.previous().start, first_week))
    frame = read_feedback(engine, start=start, end=parsed.end, classified_only=True)
    if frame is None or len(frame) == 0:
        raise ValidationError(
            "There is no classified feedback in the store to rank issues from.",
            hint="Ingest and classify feedback first (voc ingest, voc classify).",
        )
    return frame

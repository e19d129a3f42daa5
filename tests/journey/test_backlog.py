"""Backlog items: creation, rules, optimistic locking, audit log, restart (SQLite + PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from journey.backlog import (
    TRANSITIONS,
    add_comment,
    create_from_issue,
    create_item,
    effort_overrides,
    get_item,
    history,
    list_items,
    set_effort_override,
    update_item,
)
from voc.errors import ConflictError, NotFoundError, TaxonomyError, TransitionError, ValidationError


def issue_record(topic="refund_return", touchpoint="returns", **extra):
    """A ranked-issue record shaped like ``journey.issues_to_records`` output."""
    record = {
        "rank": 2,
        "topic": topic,
        "touchpoint": touchpoint,
        "quadrant": "quick_win",
        "impact": 80.0,
        "effort": 2.0,
        "priority": 70.0,
        "owner": "billing_finance",
        "negative_mentions": 41,
        "drag_points": 3.25,
        "drag_source": "csat",
        "csat_percent": 62.0,
        "verbatims": [{"feedback_id": "fb-1"}, {"feedback_id": "fb-7"}],
    }
    record.update(extra)
    return record


def test_create_from_issue_carries_snapshot_owner_and_evidence(db_engine):
    result = create_from_issue(db_engine, issue_record(), by="rina", period="2026-05")
    item = result.item
    assert result.created and item.version == 1 and item.status == "new"
    assert item.issue_key == "refund_return:returns"
    assert item.owner_department == "billing_finance"
    assert item.verbatim_ids == ["fb-1", "fb-7"]
    assert item.impact_snapshot["impact"] == 80.0
    assert item.impact_snapshot["period"] == "2026-05"
    assert item.effort == 2 and item.priority == 70.0
    assert "41 negative comments" in item.description


def test_owner_defaults_from_taxonomy_when_record_has_none(db_engine):
    record = issue_record(topic="delivery_speed", touchpoint="delivery", owner=None)
    item = create_from_issue(db_engine, record, by="rina").item
    assert item.owner_department == "logistics"


def test_effort_override_recomputes_priority_and_is_stored(db_engine):
    item = create_from_issue(db_engine, issue_record(), by="rina", effort=5).item
    # priority = impact x (1 - 0.5 x (5 - 1) / 4) = 80 x 0.5
    assert item.effort == 5 and item.priority == pytest.approx(40.0)
    assert effort_overrides(db_engine) == {("refund_return", "returns"): 5}
    updated = update_item(db_engine, item.id, {"effort": 3}, 1, "budi")
    assert updated.priority == pytest.approx(60.0)
    assert effort_overrides(db_engine) == {("refund_return", "returns"): 3}
    set_effort_override(db_engine, "delivery_speed", "delivery", 4, by="budi")
    assert effort_overrides(db_engine)[("delivery_speed", "delivery")] == 4


def test_duplicate_open_issue_links_to_existing_item(db_engine):
    first = create_from_issue(db_engine, issue_record(), by="rina")
    second = create_from_issue(db_engine, issue_record(impact=99.0), by="budi")
    assert not second.created and second.item.id == first.item.id
    assert f"Item {first.item.id}" in second.message and "already open" in second.message
    by_hand = create_item(
        db_engine, "Refund script", by="budi", topic="refund_return", touchpoint="returns"
    )
    assert not by_hand.created and by_hand.item.id == first.item.id
    assert len(list_items(db_engine)) == 1


def test_closed_issue_gets_a_new_item_and_reopen_is_refused(db_engine):
    first = create_from_issue(db_engine, issue_record(), by="rina").item
    update_item(db_engine, first.id, {"status": "wont_fix"}, 1, "rina")
    second = create_from_issue(db_engine, issue_record(), by="rina")
    assert second.created and second.item.id != first.id
    with pytest.raises(ConflictError, match=f"Item {second.item.id} is already open"):
        update_item(db_engine, first.id, {"status": "triaged"}, 2, "rina")


@pytest.mark.parametrize(
    ("path", "bad", "allowed"),
    [
        ([], "done", "triaged, wont_fix"),
        (["triaged"], "in_progress", "committed, new, wont_fix"),
        (["triaged", "committed", "in_progress", "done"], "new", "in_progress"),
    ],
)
def test_transition_rules_name_from_to_and_allowed(db_engine, path, bad, allowed):
    item = create_item(db_engine, "Fix refunds", by="rina", owner_department="billing_finance").item
    version = 1
    for status in path:
        item = update_item(db_engine, item.id, {"status": status}, version, "rina")
        version = item.version
    current = item.status
    with pytest.raises(TransitionError, match=f"from '{current}' to '{bad}'.*{allowed}"):
        update_item(db_engine, item.id, {"status": bad}, version, "rina")
    assert get_item(db_engine, item.id).version == version


def test_done_stamps_done_at_and_reopen_clears_it(db_engine):
    item = create_item(db_engine, "FAQ", by="rina", owner_department="content_knowledge").item
    for status in ("triaged", "committed", "in_progress", "done"):
        item = update_item(db_engine, item.id, {"status": status}, item.version, "rina")
    assert item.done_at is not None and item.version == 5
    assert TRANSITIONS["done"] == ("in_progress",)
    item = update_item(db_engine, item.id, {"status": "in_progress"}, item.version, "rina")
    assert item.done_at is None


@pytest.mark.parametrize(
    ("fields", "error", "match"),
    [
        ({"effort": 6}, ValidationError, "effort must be a whole number from 1 to 5"),
        ({"countermeasure_type": "magic"}, ValidationError, "Countermeasure type 'magic'"),
        ({"due_date": "next week"}, ValidationError, "due_date must be a date"),
        ({"topic": "no_such_topic"}, TaxonomyError, "no_such_topic"),
        ({"colour": "red"}, ValidationError, "Unknown backlog field"),
        ({"kpi_target": "high"}, ValidationError, "kpi_target must be a number"),
    ],
)
def test_invalid_values_are_refused(db_engine, fields, error, match):
    with pytest.raises(error, match=match):
        create_item(db_engine, "x", by="rina", owner_department="logistics", **fields)
    assert list_items(db_engine) == []


def test_hand_item_needs_owner_or_topic_and_a_name(db_engine):
    with pytest.raises(ValidationError, match="needs an owner department"):
        create_item(db_engine, "Orphan", by="rina")
    with pytest.raises(ValidationError, match="name of who made it"):
        create_item(db_engine, "Orphan", by=" ", owner_department="logistics")


def test_edit_audits_each_field_and_noop_keeps_version(db_engine):
    item = create_item(db_engine, "Script", by="rina", owner_department="cs_quality").item
    edited = update_item(
        db_engine,
        item.id,
        {"assignee": "Sari", "due_date": "2026-06-30", "title": "Script v2"},
        1,
        "budi",
    )
    assert edited.version == 2 and edited.due_date == date(2026, 6, 30)
    same = update_item(db_engine, item.id, {"assignee": "Sari"}, 2, "budi")
    assert same.version == 2
    changes = [
        (e.field, e.old_value, e.new_value, e.who, e.version)
        for e in history(db_engine, item.id)
        if e.version == 2
    ]
    assert sorted(changes) == [
        ("assignee", None, "Sari", "budi", 2),
        ("due_date", None, "2026-06-30", "budi", 2),
        ("title", "Script", "Script v2", "budi", 2),
    ]


def test_stale_update_is_refused_with_field_and_newer_value(db_url):
    """Two writers on two separate engines: one wins, the other gets the conflict error."""
    import sqlalchemy as sa

    from voc.store import get_engine

    first = get_engine(db_url)
    second = sa.create_engine(first.url)
    try:
        item = create_item(first, "Refunds", by="rina", owner_department="billing_finance").item
        seen_by_budi = get_item(second, item.id)
        update_item(first, item.id, {"status": "triaged"}, seen_by_budi.version, "rina")
        with pytest.raises(ConflictError, match=r"rina set status to 'triaged'.*version 2"):
            update_item(second, item.id, {"status": "wont_fix"}, seen_by_budi.version, "budi")
        assert get_item(second, item.id).status == "triaged"
        later = [(e.field, e.who, e.new_value) for e in history(second, item.id) if e.version > 1]
        assert later == [("status", "rina", "triaged")]
    finally:
        second.dispose()


def test_concurrent_writers_exactly_one_wins(db_url):
    import sqlalchemy as sa

    from voc.store import get_engine

    engine = get_engine(db_url)
    item = create_item(engine, "Race", by="rina", owner_department="logistics").item
    engines = [sa.create_engine(engine.url) for _ in range(4)]
    barrier = threading.Barrier(len(engines))
    outcomes: list[str] = [""] * len(engines)

    def write(position: int) -> None:
        barrier.wait()
        try:
            update_item(
                engines[position], item.id, {"assignee": f"agent{position}"}, 1, f"w{position}"
            )
            outcomes[position] = "won"
        except ConflictError:
            outcomes[position] = "conflict"

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(engines))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for other in engines:
        other.dispose()
    assert sorted(outcomes) == ["conflict"] * 3 + ["won"]
    winner = outcomes.index("won")
    final = get_item(engine, item.id)
    assert final.version == 2 and final.assignee == f"agent{winner}"
    later = [(e.field, e.who) for e in history(engine, item.id) if e.version > 1]
    assert later == [("assignee", f"w{winner}")]


def test_comments_are_audited_without_a_version_bump(db_engine):
    item = create_item(db_engine, "Overflow", by="rina", owner_department="cs_operations").item
    add_comment(db_engine, item.id, "Vendor quote arrives Friday.", by="budi")
    again = get_item(db_engine, item.id)
    assert again.version == 1
    assert [(c.author, c.body) for c in again.comments] == [
        ("budi", "Vendor quote arrives Friday.")
    ]
    assert history(db_engine, item.id)[-1].field == "comment"
    with pytest.raises(ValidationError, match="needs some text"):
        add_comment(db_engine, item.id, "  ", by="budi")


def test_missing_item_is_not_found(db_engine):
    with pytest.raises(NotFoundError, match="Backlog item 999 does not exist"):
        get_item(db_engine, 999)
    with pytest.raises(NotFoundError, match="999"):
        update_item(db_engine, 999, {"title": "x"}, 1, "rina")


def test_every_field_survives_a_restart(db_url):
    from voc.store import dispose_engine, get_engine

    engine = get_engine(db_url)
    fields = {
        "description": "Refund script mentions the 14-day rule; agents say 7 — fix it. «ok»",
        "topic": "refund_return",
        "touchpoint": "returns",
        "owner_department": "cs_quality",
        "assignee": "Sari Dewi",
        "effort": 2,
        "impact_snapshot": {"impact": 71.5, "quadrant": "quick_win", "spike_weeks": ["2026-W19"]},
        "priority": 62.125,
        "due_date": "2026-07-01",
        "countermeasure_type": "sop_script",
        "target_kpi": "CSAT% refunds",
        "kpi_baseline": 62.0,
        "kpi_target": 75.0,
        "verbatim_ids": ["fb-9", "fb-10"],
    }
    item = create_item(engine, "Perbaiki skrip refund", by="rina", **fields).item
    item = update_item(engine, item.id, {"status": "triaged"}, 1, "budi")
    add_comment(engine, item.id, "Disetujui komite.", by="rina")
    before = get_item(engine, item.id).to_dict()
    before_history = [e.to_dict() for e in history(engine, item.id)]
    dispose_engine(db_url)
    reopened = get_engine(db_url)
    after = get_item(reopened, item.id)
    assert after.to_dict() == before
    for name, value in fields.items():
        expected = date.fromisoformat(value) if name == "due_date" else value
        assert getattr(after, name) == expected, name
    assert [e.to_dict() for e in history(reopened, item.id)] == before_history


def test_concurrent_creates_for_one_issue_make_one_item(db_url):
    import sqlalchemy as sa

    from voc.store import get_engine

    engine = get_engine(db_url)
    engines = [sa.create_engine(engine.url) for _ in range(4)]
    barrier = threading.Barrier(len(engines))
    created: list[bool | None] = [None] * len(engines)

    def add(position: int) -> None:
        barrier.wait()
        result = create_from_issue(engines[position], issue_record(), by=f"w{position}")
        created[position] = result.created

    threads = [threading.Thread(target=add, args=(i,)) for i in range(len(engines))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for other in engines:
        other.dispose()
    assert sorted(created) == [False, False, False, True]
    assert len(list_items(engine)) == 1

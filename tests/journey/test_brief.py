import json

import pytest
from typer.testing import CliRunner

from journey.brief import monthly_brief, weekly_brief
from journey.issues import IssueSettings
from journey.prioritize import GridSettings, rank_issues
from journey.render import sparkline
from voc.cli import app
from voc.errors import ConfigError

from .frames import make_frame, repeat

WEEK = "2026-05-06 10:00"  # 2026-W19


def _frame():
    rows = []
    issues = [
        ("refund_return", "returns", 16, 1),
        ("product_info", "discovery", 10, 3),
        ("cs_attitude", "support", 11, 2),
        ("promo_voucher", "purchase", 10, 3),
        ("item_condition", "delivery", 12, 2),
        ("payment", "payment", 10, 2),
    ]
    for topic, stage, count, csat in issues:
        for i in range(count):
            rows.append(
                {"topics": topic, "touchpoint": stage, "sentiment": "negative", "csat": csat,
                 "created_at": WEEK, "lang": "en" if i % 4 == 0 else "id",
                 "text_redacted": f"{topic.replace('_', ' ')} masalah lagi nomor {i}"}
            )  # fmt: skip
    rows += repeat(60, topics="other", touchpoint="usage", sentiment="positive", csat=5,
                   created_at=WEEK, text_redacted="mantap sekali")  # fmt: skip
    rows[0]["text_redacted"] = "refund <script>alert(1)</script> belum masuk juga"
    # April history so momentum and sparklines have something to show.
    rows += repeat(10, topics="refund_return", touchpoint="returns", sentiment="negative",
                   created_at="2026-04-15 09:00")  # fmt: skip
    return make_frame(rows)


def test_weekly_brief_picks_biggest_issue_and_quick_wins():
    frame = _frame()
    brief = weekly_brief(frame, "2026-W19")
    ranked = rank_issues(frame, "2026-W19").ranked
    biggest = ranked.loc[ranked["impact"].idxmax()]
    assert (brief.biggest.topic, brief.biggest.touchpoint) == (
        biggest["topic"],
        biggest["touchpoint"],
    )
    wins = ranked[(ranked["quadrant"] == "quick_win") & (ranked["rank"] != biggest["rank"])]
    assert [w.topic for w in brief.quick_wins] == list(wins["topic"][:3])
    assert 1 <= len(brief.quick_wins) <= 3
    assert all(w.quadrant == "quick_win" for w in brief.quick_wins)
    assert brief.biggest.verbatims and brief.biggest.key_phrases
    assert brief.totals["comments"] == len(frame) - 10


def test_biggest_issue_is_by_impact_not_priority():
    # A heavy effort penalty pushes the refund issue down the priority ranking, but it stays
    # the biggest issue of the week.
    options = {
        "grid": GridSettings(effort_penalty=0.9),
        "effort_overrides": {("refund_return", "returns"): 5},
    }
    ranked = rank_issues(_frame(), "2026-W19", **options).ranked
    assert ranked.iloc[0]["topic"] != "refund_return"
    brief = weekly_brief(_frame(), "2026-W19", **options)
    assert brief.biggest.topic == "refund_return"
    assert brief.biggest.metrics["rank"] > 1


@pytest.mark.parametrize(
    ("lang", "fragments"),
    [
        ("en", ["# CX committee weekly brief: 2026-W19", "## Biggest issue", "## Quick wins",
                "Refunds & returns at Returns, refunds & cancellation", "CSAT drag"]),
        ("id", ["# Ringkasan mingguan komite CX: 2026-W19", "## Masalah terbesar",
                "Refund & retur di tahap Retur, refund & pembatalan", "Drag CSAT"]),
    ],
)  # fmt: skip
def test_weekly_markdown(lang, fragments):
    text = weekly_brief(_frame(), "2026-W19", lang=lang).to_markdown()
    for fragment in fragments:
        assert fragment in text


def test_html_is_standalone_escaped_and_has_sparklines():
    html = weekly_brief(_frame(), "2026-W19").to_html()
    assert html.startswith("<!DOCTYPE html>")
    assert "<svg" in html
    assert "<script>" not in html
    assert "refund &lt;script&gt;alert(1)&lt;/script&gt; belum masuk juga" in html
    assert "<li>Owner: Billing &amp; finance;" in html
    assert "Billing & finance" not in html


def test_monthly_brief_groups_by_department_with_hook():
    calls = []

    def open_items(department, period):
        calls.append((department, period.label))
        return [{"id": 7, "title": f"Fix for {department}", "status": "in_progress"}]

    frame = _frame()
    brief = monthly_brief(frame, "2026-05", open_items=open_items)
    ranked = rank_issues(frame, "2026-05").ranked
    owners = ranked.groupby("owner")["priority"].sum().sort_values(ascending=False)
    assert [s.department for s in brief.departments] == list(owners.index)
    assert sorted(calls) == sorted((d, "2026-05") for d in owners.index)
    billing = next(s for s in brief.departments if s.department == "billing_finance")
    assert [i.topic for i in billing.issues] == ["refund_return"]
    text = brief.to_markdown()
    assert "## Issues by department" in text
    assert "#### Open backlog items" in text
    assert "- #7 Fix for billing_finance (in_progress)" in text


def test_monthly_brief_without_hook_has_no_backlog_section():
    text = monthly_brief(_frame(), "2026-05", lang="id").to_markdown()
    assert "Item backlog terbuka" not in text
    assert "Masalah per departemen" in text


def test_brief_errors():
    with pytest.raises(ConfigError, match="language"):
        weekly_brief(_frame(), "2026-W19", lang="fr")
    with pytest.raises(ConfigError, match="'title'"):
        monthly_brief(_frame(), "2026-05", open_items=lambda d, p: [{"name": "x"}])
    with pytest.raises(ConfigError, match="format"):
        weekly_brief(_frame(), "2026-W19").render("pdf")


def test_empty_week_renders_a_sentence():
    brief = weekly_brief(_frame(), "2026-W30", issue_settings=IssueSettings(min_mentions=5))
    assert brief.biggest is None
    assert "No issue reached the mention threshold" in brief.to_markdown()


@pytest.mark.parametrize(("values", "expected"), [([0, 4, 8], "▁▅█"), ([3, 3], "▁▁"), ([], "")])
def test_sparkline(values, expected):
    assert sparkline(values) == expected


@pytest.fixture()
def classified_csv(tmp_path):
    path = tmp_path / "classified.csv"
    _frame().to_csv(path, index=False)
    return path


def test_cli_issues_json(classified_csv):
    result = CliRunner().invoke(
        app,
        ["issues", "--period", "2026-05", "--input", str(classified_csv), "--json", "--top", "3"],
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["rank"] for r in records] == [1, 2, 3]
    for key in ("rank", "topic", "touchpoint", "quadrant", "impact", "effort", "priority",
                "csat_drag_points", "momentum_z", "title_id"):  # fmt: skip
        assert key in records[0]


def test_cli_issues_table_and_min_mentions(classified_csv):
    result = CliRunner().invoke(
        app, ["issues", "-p", "2026-05", "-i", str(classified_csv), "--min-mentions", "12"]
    )
    assert result.exit_code == 0, result.output
    assert "Refunds & returns" in result.output
    assert "Payment processing" not in result.output  # 10 complaints < 12


def test_cli_brief_writes_html(classified_csv, tmp_path):
    out = tmp_path / "brief.html"
    result = CliRunner().invoke(
        app,
        [
            "brief",
            "--week",
            "2026-W19",
            "--format",
            "html",
            "-o",
            str(out),
            "-i",
            str(classified_csv),
        ],
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_brief_needs_exactly_one_period(classified_csv):
    result = CliRunner().invoke(app, ["brief", "-i", str(classified_csv)])
    assert isinstance(result.exception, ConfigError)
    assert "exactly one of --week" in str(result.exception)


def test_cli_issues_reads_the_store(tmp_path, monkeypatch):
    from datetime import timedelta

    from voc.store import get_engine, write_predictions
    from voc.store.writes import insert_feedback

    url = f"sqlite:///{tmp_path / 'store.db'}"
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    frame = _frame()
    engine = get_engine(url)
    rows = []
    for record in frame.to_dict("records"):
        created = record["created_at"].to_pydatetime()
        day = created.date()
        rows.append(
            {"feedback_id": record["feedback_id"], "created_at": created,
             "week": day - timedelta(days=day.weekday()), "channel": record["channel"],
             "text_redacted": record["text_redacted"], "csat": record["csat"],
             "lang": record["lang"], "content_hash": record["feedback_id"]}
        )  # fmt: skip
    with engine.begin() as conn:
        insert_feedback(conn, rows)
    predictions = frame[["feedback_id", "sentiment", "topic", "topics", "touchpoint"]].copy()
    predictions["model_version"] = "default/test"
    write_predictions(engine, predictions)
    result = CliRunner().invoke(app, ["issues", "--period", "2026-05", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert records[0]["topic"] == "refund_return"
    assert records[0]["csat_drag_points"] > 0
    assert records[0]["previous_negative_mentions"] == 10  # April read from the store too

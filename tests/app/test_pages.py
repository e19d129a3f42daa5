"""AppTest checks of every page against a temp store (no real model needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = {
    "overview": "Ringkasan",
    "journey_map": "Peta perjalanan pelanggan",
    "effort_impact": "Usaha x dampak",
    "explorer": "Penjelajah komentar",
    "backlog": "Backlog CX lintas departemen",
    "emerging_model": "Topik baru & kualitas model",
    "data": "Data: unggah, petakan, muat",
}


def _open(page: str, lang: str = "id") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    if lang != "id":
        at.radio(key="lang_switch").set_value({"en": "English"}[lang]).run()
    if page != "overview":
        at.switch_page(f"app_pages/{page}.py")
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders_without_errors(app_env, page):
    at = _open(page)
    assert [t.value for t in at.title] == [PAGES[page]]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.postgres
def test_every_page_renders_on_postgresql(postgres_store_url, monkeypatch, tmp_path):
    # The pages read the store through another path on PostgreSQL (DBAPI rows, no ADBC).
    monkeypatch.setenv("VOC_DATABASE_URL", postgres_store_url)
    monkeypatch.setenv("VOC_REVIEW_EXAMPLES", str(tmp_path / "review.csv"))
    for page, title in PAGES.items():
        at = _open(page)
        assert [t.value for t in at.title] == [title]
        assert not at.error, (page, [e.value for e in at.error])
    at = _open("overview")
    volume = next(m for m in at.metric if m.label.startswith("Volume"))
    assert int(str(volume.value).replace(",", "")) > 0


def test_overview_tiles_and_sections(app_env):
    at = _open("overview")
    labels = [m.label for m in at.metric]
    assert labels[:3] == ["Volume", "CSAT %", "Sentimen bersih"]
    assert int(at.metric[0].value.replace(",", "")) > 0
    # each tile explains its own KPI, and a delta is coloured only where a direction is better
    helps = [m.help for m in at.metric]
    assert len(set(helps)) == len(helps) and all(helps)
    tiles = {m.label: m.proto for m in at.metric}
    red, green, gray = 0, 1, 2  # MetricProto.color
    assert tiles["Volume"].color == gray and tiles["AHT (menit)"].color == gray
    for label, better_down in (("FRT (menit)", True), ("CSAT %", False), ("FCR %", False)):
        went_down = tiles[label].delta.startswith("-")
        assert tiles[label].color == (green if went_down == better_down else red), label
    assert [h.value for h in at.header] == [
        "Kecepatan & beban",
        "Kualitas & penyelesaian",
        "Efisiensi",
    ]
    # the top-10 shows what orders it: priority (impact discounted by effort) and the owner
    (top,) = [d.value for d in at.dataframe if "Peringkat" in d.value.columns]
    assert list(top["Peringkat"]) == list(range(1, len(top) + 1))
    assert top["Prioritas"].is_monotonic_decreasing
    assert {"Dampak", "Usaha", "Departemen pemilik"} <= set(top.columns)
    assert not top["Departemen pemilik"].str.contains("_").any()  # names, not ids


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("overview", "Overview"),
        ("effort_impact", "Effort x impact"),
        ("backlog", "Cross-department CX backlog"),
    ],
)
def test_language_switch_to_english(app_env, page, title):
    at = _open(page, lang="en")
    assert [t.value for t in at.title] == [title]
    assert at.radio(key="lang_switch").value == "English"
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize(
    ("lang", "title", "topic"),
    [("id", "Ringkasan", "Pengiriman & aktivasi"), ("en", "Overview", "Delivery & activation")],
)
def test_catalogue_and_taxonomy_names_follow_language(lang, title, topic):
    from app_support.i18n import label, t

    assert t("nav.overview", lang) == title
    assert label("touchpoint", "delivery", lang) == topic


def test_explorer_filter_narrows_rows(app_env):
    at = _open("explorer")
    total = int(re.search(r"([\d,]+) komentar cocok", at.caption[0].value)[1].replace(",", ""))
    at.multiselect(key="ex_channel").select("email").run()
    narrowed = int(re.search(r"([\d,]+) komentar cocok", at.caption[0].value)[1].replace(",", ""))
    assert 0 < narrowed < total


@pytest.mark.parametrize(("lang", "may"), [("id", "Mei"), ("en", "May")])
def test_explorer_trend_names_months_in_the_ui_language(app_env, lang, may):
    """Plotly's own date axis wrote "May" and "Aug" in the Indonesian UI."""
    import json

    at = _open("explorer", lang=lang)
    (chart,) = at.get("plotly_chart")
    figure = json.loads(chart.proto.spec)
    ticks = figure["layout"]["xaxis"]["ticktext"]
    assert len(ticks) <= 12 and re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 20\d\d", ticks[0])
    hovers = figure["data"][0]["customdata"]
    assert any(f" {may} 2026" in day for day in hovers)
    other = {"id": " May ", "en": " Mei "}[lang]
    assert not any(other in day for day in [*hovers, *ticks])


def test_week_coverage_counts_the_days_of_each_week_inside_the_range():
    import datetime as dt

    from app_support.dashboard import week_coverage

    mondays = [dt.date(2025, 12, 29), dt.date(2026, 1, 5), dt.date(2026, 6, 29)]
    first, last = dt.date(2026, 1, 1), dt.date(2026, 6, 30)  # a Thursday, a Tuesday
    assert week_coverage(mondays, first, last) == [4, 7, 2]
    assert week_coverage([dt.date(2026, 1, 5)], dt.date(2026, 1, 6), dt.date(2026, 1, 6)) == [1]


def test_explorer_trend_dots_cut_weeks_and_colours_sentiment(app_env):
    """A week cut by the date range looked like a fall in comments; negative was drawn red
    only by chance of the colour cycle (positive was red in the demo)."""
    import datetime as dt
    import json

    at = _open("explorer")
    (chart,) = at.get("plotly_chart")
    traces = json.loads(chart.proto.spec)["data"]
    solid = {tr["name"]: tr for tr in traces if tr.get("showlegend", True)}
    assert solid["negatif"]["line"]["color"] == "#d62728"
    assert solid["positif"]["line"]["color"] == "#2ca02c"
    dotted = [tr for tr in traces if tr.get("line", {}).get("dash") == "dot"]
    hovers = solid["Volume"]["customdata"]
    cut = [i for i, text in enumerate(hovers) if "/7 hari" in text]
    assert cut == [0, len(hovers) - 1]  # the test store starts and ends inside a week
    assert len(dotted) == 3 and any("tidak penuh" in c.value for c in at.caption)
    for i in cut:
        assert solid["Volume"]["y"][i] is None and dotted[0]["y"][i] is not None
    # a date range of whole weeks has nothing to dot
    weeks = [dt.date.fromisoformat(w[:10]) for w in solid["Volume"]["x"]]
    at.date_input(key="ex_dates").set_value((weeks[1], weeks[-2] + dt.timedelta(days=6))).run()
    (chart,) = at.get("plotly_chart")
    traces = json.loads(chart.proto.spec)["data"]
    assert len(traces) == 3 and not any("tidak penuh" in c.value for c in at.caption)


def test_journey_period_comparison_caption(app_env):
    at = _open("journey_map")
    assert any(c.value.startswith("Dibandingkan dengan") for c in at.caption)


def test_journey_verbatims_open_on_the_hottest_cell_then_follow_the_user(app_env):
    from app_support import data
    from journey import journey_model
    from journey.periods import parse_period

    at = _open("journey_map")
    # the first visit shows the stage x topic with the most negative comments, computed here
    # from the store for the page's period (not the first stage and topic of the lists)
    period = parse_period(at.selectbox(key="journey_period").value)
    url = data.database_url()
    start, end = data.analysis_window(period)
    model = journey_model(data.prepared(url, start, end), period, taxonomy=data.taxonomy())
    negative = model.topic_negative
    hottest = negative.stack().idxmax()
    chosen = (at.selectbox(key="journey_touchpoint").value, at.selectbox(key="journey_topic").value)
    assert chosen == hottest
    assert negative.loc[hottest] > negative.iloc[0, 0]  # the old default was a cooler cell
    # a choice of the user's stays on the next run
    other = next(c for c in negative.columns[negative.sum() > 0] if c != chosen[1])
    at.selectbox(key="journey_topic").set_value(other).run()
    assert at.selectbox(key="journey_topic").value == other
    assert at.selectbox(key="journey_touchpoint").value == chosen[0]


def test_effort_add_to_backlog_then_edit_round_trip(app_env):
    from journey.backlog import list_items, update_item
    from voc.store import get_engine

    at = _open("effort_impact")
    # Widgets inside a form only send their values with the submit (as in the browser), so
    # the pick and the click go out in the same run.
    picker = at.multiselect(key="add_pick")
    picker.select(picker.options[0])
    submit = [b for b in at.button if b.label == "Tambahkan ke backlog"][0]
    submit.click().run()
    assert not at.exception
    assert any("item dibuat di backlog" in s.value for s in at.success)
    engine = get_engine(app_env)
    items = list_items(engine)
    assert items

    board = _open("backlog")
    board.selectbox(key="bl_item").set_value(items[0].id).run()
    status = [s for s in board.selectbox if s.label == "Status"][0]
    status.set_value("triaged")
    [b for b in board.button if b.label == "Simpan"][0].click().run()
    assert not board.exception
    assert {i.id: i.status for i in list_items(engine)}[items[0].id] == "triaged"

    # a stale edit: somebody else moves the item on while this form is open
    board = _open("backlog")
    board.selectbox(key="bl_item").set_value(items[0].id).run()
    current = [i for i in list_items(engine) if i.id == items[0].id][0]
    update_item(engine, current.id, {"assignee": "rina"}, current.version, by="other")
    [s for s in board.text_input if s.label == "Penanggung jawab"][0].input("budi")
    [b for b in board.button if b.label == "Simpan"][0].click().run()
    assert not board.exception
    assert any("diubah orang lain" in e.value and "rina" in e.value for e in board.error)


def test_model_quality_reads_the_card_in_the_ui_language(app_env):
    import json

    from voc.classify import available_versions
    from voc.classify.model import CLASSIFIERS_DIR

    at = _open("emerging_model")
    version = available_versions("default")[-1]
    card = json.loads((CLASSIFIERS_DIR / "default" / version / "model_card.json").read_text())
    metrics = card["metrics_internal_test"]
    assert [tab.label for tab in at.tabs] == ["Sentimen", "Topik", "Tahap perjalanan"]
    shown = {(m.label, m.value) for m in at.metric}
    for task in ("sentiment", "topic", "touchpoint"):
        assert ("Akurasi", f"{metrics[task]['accuracy']:.3f}") in shown
    assert ("F1 set topik (mikro)", f"{metrics['topic']['set_micro_f1']:.3f}") in shown
    assert any("uji internal" in c.value and "EVALUATION" in c.value for c in at.caption)
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    bars = {tuple(ch["data"][0]["y"]) for ch in charts if ch["data"][0]["type"] == "bar"}
    assert any("Waktu pengiriman" in names for names in bars)  # topic names, not raw ids
    assert not any("delivery_speed" in names for names in bars)
    per_lang = [d.value for d in at.dataframe if "Inggris" in list(d.value.index)]
    assert per_lang and "Akurasi" in per_lang[0].columns


def test_review_correction_is_stored(app_env, tmp_path):
    from app_support import review

    at = _open("emerging_model")
    assert [b for b in at.button if b.label == "Simpan koreksi"]
    before = len(review.read_corrections(app_env))
    [b for b in at.button if b.label == "Simpan koreksi"][0].click().run()
    assert not at.exception
    corrections = review.read_corrections(app_env)
    assert len(corrections) == before + 1
    stored = corrections.iloc[-1]
    assert stored["corrected_by"] == "analyst" and stored["text"]  # the store's redacted text


def test_retrain_trains_on_the_corrections_in_the_store(app_env, monkeypatch):
    import pandas as pd

    import voc.classify.trainer as trainer
    from app_support import review

    seen = {}

    def fake_training(*, examples_path, version, **_):
        seen["examples"] = pd.read_csv(examples_path, dtype=str, keep_default_na=False)
        seen["version"] = version
        return {}

    monkeypatch.setattr(trainer, "run_training", fake_training)
    at = _open("emerging_model")
    [b for b in at.button if b.label == "Simpan koreksi"][0].click().run()
    corrections = review.read_corrections(app_env)
    assert not corrections.empty
    [b for b in at.button if b.label == "Latih ulang model (versi baru)"][0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    examples = seen["examples"].set_index("text")
    for row in corrections.itertuples():
        assert examples.loc[[row.text], "touchpoint"].iloc[-1] == row.touchpoint
    assert seen["version"].startswith("v")


def test_catalogue_has_every_key_used():
    from app_support.messages import MESSAGES

    sources = [
        ROOT / "app.py",
        *(ROOT / "app_pages").glob("*.py"),
        *(ROOT / "app_support").glob("*.py"),
    ]
    used = set()
    for path in sources:
        used |= set(re.findall(r"\bt\(\s*\"([a-z_.0-9]+)\"", path.read_text()))
    assert used, "no message keys found"
    assert sorted(used - set(MESSAGES)) == []
    for key, pair in MESSAGES.items():
        assert len(pair) == 2 and all(pair), key


def test_every_quarantine_reason_has_a_label_in_both_languages():
    from app_support.i18n import label
    from voc.ingest import QUARANTINE_REASONS

    for reason in QUARANTINE_REASONS:
        names = {label("reason", reason, lang) for lang in ("id", "en")}
        assert len(names) == 2 and reason not in names, reason


@pytest.mark.parametrize("package", ["voc", "journey"])
def test_library_never_imports_streamlit(package):
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / package).rglob("*.py")
        if re.search(r"^\s*(import|from)\s+streamlit\b", path.read_text(), re.MULTILINE)
    ]
    assert offenders == []


def test_vocerror_shows_sentence_and_hint():
    def page():
        from app_support.guard import run_page
        from voc.errors import StoreError

        def body():
            raise StoreError("The database cannot be reached.", hint="Check VOC_DATABASE_URL.")

        run_page(body)

    at = AppTest.from_function(page).run()
    assert not at.exception
    assert at.error[0].value == "The database cannot be reached."
    assert "Check VOC_DATABASE_URL." in at.info[0].value


def test_data_page_lists_loads_and_undoes_one(monkeypatch, tmp_path, stub_stages):
    from voc.ingest import ingest_file
    from voc.store import dispose_engine, get_engine, list_runs, read_feedback

    url = f"sqlite:///{tmp_path / 'undo.db'}"
    engine = get_engine(url)
    for name, rows in (("wrong.csv", "A-1,Paket telat\nA-2,Oke\n"), ("good.csv", "B-1,Mantap\n")):
        (tmp_path / name).write_text("id,text\n" + rows, encoding="utf-8")
        ingest_file(tmp_path / name, engine=engine, **stub_stages)
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    monkeypatch.setenv("VOC_REVIEW_EXAMPLES", str(tmp_path / "review.csv"))
    at = _open("data")
    assert [s.value for s in at.subheader] == ["Riwayat pemuatan"]
    assert at.button(key="data_undo").disabled  # not without the confirmation
    at.selectbox(key="data_undo_run").set_value(1)
    at.checkbox(key="data_undo_sure").check().run()
    at.button(key="data_undo").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == [
        "Pemuatan 1 dibatalkan: 2 baris dan 0 baris karantina dihapus."
    ]
    assert set(read_feedback(engine)["feedback_id"]) == {"B-1"}
    assert {r["id"]: r["status"] for r in list_runs(engine)} == {1: "deleted", 2: "completed"}
    dispose_engine(url)


def test_overview_warns_when_the_charts_mix_model_versions(sample_store_url, monkeypatch, tmp_path):
    import sqlite3

    import pandas as pd

    from voc.store import dispose_engine, get_engine, read_feedback, write_predictions

    monkeypatch.setenv("VOC_REVIEW_EXAMPLES", str(tmp_path / "review.csv"))
    monkeypatch.setenv("VOC_DATABASE_URL", sample_store_url)
    at = _open("overview", lang="en")
    assert not at.warning  # one model version: nothing to say
    copy = tmp_path / "mixed.db"
    with sqlite3.connect(sample_store_url.removeprefix("sqlite:///")) as source:
        with sqlite3.connect(copy) as target:
            source.backup(target)  # the WAL's pages too
    url = f"sqlite:///{copy}"
    engine = get_engine(url)
    ids = read_feedback(engine, limit=5)["feedback_id"]
    old = pd.DataFrame({"feedback_id": ids, "model_version": "default/v0", "topic": "other"})
    write_predictions(engine, old.assign(sentiment="neutral", touchpoint="usage"))
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    at = _open("overview", lang="en")
    (warning,) = [w.value for w in at.warning]
    assert warning.startswith("The comments here were classified by more than one model version")
    assert "default/v0: 5" in warning and "Data page" in warning
    dispose_engine(url)


class _StubClassifier:
    """Stands in for the shipped classifier on the Data page (no model needed)."""

    model_version = ""

    def predict(self, texts, embeddings=None, aspects=True, show_progress=False):
        import pandas as pd

        n = len(texts)
        return pd.DataFrame(
            {"sentiment": ["neutral"] * n, "topic": ["other"] * n, "touchpoint": ["usage"] * n}
        ).assign(model_version=self.model_version)


def test_data_page_offers_to_classify_another_versions_comments_again(
    monkeypatch, tmp_path, stub_stages
):
    import pandas as pd

    from app_support import jobs
    from voc.ingest import ingest_file
    from voc.store import current_model_versions, dispose_engine, get_engine, write_predictions

    url = f"sqlite:///{tmp_path / 'versions.db'}"
    engine = get_engine(url)
    (tmp_path / "f.csv").write_text("id,text\nA-1,Paket telat\nA-2,Oke\nA-3,Mantap\n")
    ingest_file(tmp_path / "f.csv", engine=engine, **stub_stages)
    old = pd.DataFrame({"feedback_id": ["A-1", "A-2"], "model_version": "default/v0"})
    write_predictions(engine, old.assign(topic="price", sentiment="negative"))
    stub = _StubClassifier()
    stub.model_version = jobs.current_version()
    assert stub.model_version.startswith("default/v1+r")
    monkeypatch.setattr(jobs, "classifier", lambda: stub)
    monkeypatch.setenv("VOC_DATABASE_URL", url)
    at = _open("data", lang="en")
    captions = [c.value for c in at.caption]
    assert "1 comments in the database are not classified yet." in captions
    assert (
        "2 comments were classified with another model version (default/v0: 2); the app's "
        f"model is now {stub.model_version}. Charts rest on one model once they are classified "
        "again." in captions
    )
    button = at.button(key="data_classify")
    assert button.label == "Classify again with the current model (3)"
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success] == ["3 comments classified."]
    assert current_model_versions(engine) == {stub.model_version: 3}
    dispose_engine(url)


def test_explorer_keeps_a_comment_s_paragraphs_and_escapes_it():
    from app_support.verbatim import highlight

    shown = highlight("Paket telat <b>\n\nKurir dilatih", "kurir")
    assert shown == "Paket telat &lt;b&gt;<br><br><mark>Kurir</mark> dilatih"

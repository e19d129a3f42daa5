"""Real-browser end-to-end test: upload, ingest, classify, grid, backlog round trip."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.app.browser import (
    CHROMEDRIVER,
    CHROMIUM,
    ROOT,
    SLOW,
    app_server,
    choose,
    chromium,
    click,
    combobox,
    idle,
    open_page,
    option,
    shot,
    text_xpath,
    visible,
    wait,
)

SAMPLE = ROOT / "data" / "sample"
ARTIFACTS = ROOT / "tests" / "artifacts"
#: Sidebar link -> page title of the pages screenshotted at the end.
PAGES = {
    "Ringkasan": "Ringkasan",
    "Peta perjalanan": "Peta perjalanan pelanggan",
    "Penjelajah": "Penjelajah komentar",
    "Topik baru & model": "Topik baru & kualitas model",
}

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def _missing() -> list[str]:
    """What this test needs and this machine lacks."""
    missing = []
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        missing.append(f"Debian chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER})")
    if not (ROOT / "models" / "encoders" / "multilingual-e5-small").is_dir():
        missing.append("the prepared encoders (run `voc models prepare`)")
    if not any((ROOT / "models" / "classifiers").glob("*/v*")):
        missing.append("a shipped classifier under models/classifiers/")
    return missing


@pytest.fixture(autouse=True)
def _requirements():
    """Skip where the browser or models are missing; in CI (CI=true) fail instead."""
    missing = _missing()
    if not missing:
        return
    message = "The browser end-to-end test needs " + "; ".join(missing) + "."
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " CI installs them with `make test`; check that step.")
    pytest.skip(message)


def write_sample(path: Path, *, per_issue: int = 35, baseline: int = 95) -> Path:
    """Write a small CSV from the sample data: March-April background plus May complaints.

    May gets ``per_issue`` negative comments for each of the three most complained-about
    (topic, touchpoint) pairs, enough for them to be issues (10+ negative mentions) even when
    the classifier disagrees with the generator on some rows; March and April get
    ``baseline`` comments of any kind so the issues have a history to compare with.
    """
    import pandas as pd

    feedback = pd.read_csv(SAMPLE / "feedback.csv", dtype=str, keep_default_na=False)
    truth = pd.read_csv(SAMPLE / "truth.csv", dtype=str, keep_default_na=False)
    rows = feedback.merge(
        truth[["feedback_id", "topics", "touchpoint", "sentiment"]], on="feedback_id"
    )
    rows = rows.assign(_pair=rows["topics"].str.split("|").str[0] + "@" + rows["touchpoint"])
    may = rows[rows["created_at"].str.startswith("2026-05") & (rows["sentiment"] == "negative")]
    top = may["_pair"].value_counts().index[:3]
    picked = [may[may["_pair"] == pair].head(per_issue) for pair in top]
    earlier = rows[rows["created_at"].str[:7].isin(["2026-03", "2026-04"])]
    picked.append(earlier.sample(baseline, random_state=7))
    out = pd.concat(picked)[list(feedback.columns)].sort_values("created_at")
    out.to_csv(path, index=False)
    return path


def test_upload_classify_grid_backlog_round_trip(tmp_path):
    with (
        app_server(f"sqlite:///{tmp_path / 'e2e.db'}", tmp_path) as url,
        chromium(tmp_path) as browser,
    ):
        _round_trip(url, browser, tmp_path)


def _shot(browser, name: str) -> None:
    shot(browser, ARTIFACTS / f"e2e_{name}.png")


def _round_trip(app_url: str, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    csv_path = write_sample(tmp_path / "sample.csv")
    browser.get(app_url)
    visible(browser, "//h1[normalize-space(.)='Ringkasan']", SLOW)

    # Data: upload, ingest, classify
    open_page(browser, "Data", "Data: unggah, petakan, muat")
    upload = browser.find_element(By.CSS_SELECTOR, "input[type='file']")
    upload.send_keys(str(csv_path))
    visible(browser, text_xpath("button", "Muat ke basis data"), SLOW)
    idle(browser)
    click(browser, text_xpath("button", "Muat ke basis data"))
    visible(browser, "//*[contains(normalize-space(text()), 'komentar diklasifikasi.')]", SLOW)
    idle(browser)
    _shot(browser, "data")

    # Effort x impact: the grid, then add the first ranked issue to the backlog
    open_page(browser, "Usaha x dampak", "Usaha x dampak")
    grid = visible(browser, "//div[contains(@class, 'js-plotly-plot')]", SLOW)
    assert grid.size["height"] > 100
    _shot(browser, "effort_impact")
    picker = "//div[@data-testid='stMultiSelect']"
    click(browser, combobox(picker))
    item = visible(browser, option())
    issue = item.text.strip()
    item.click()
    visible(browser, f"{picker}//*[@data-tag]")
    browser.find_element(By.XPATH, combobox(picker)).send_keys(Keys.ESCAPE)
    click(browser, text_xpath("button", "Tambahkan ke backlog"))
    visible(browser, "//*[normalize-space(text())='1 item dibuat di backlog.']", SLOW)
    idle(browser)

    # Backlog: change the status, reload, the new status is still there
    open_page(browser, "Backlog", "Backlog CX lintas departemen")
    picked = "//div[@data-testid='stSelectbox']//input[@role='combobox']"
    assert issue[:30] in visible(browser, picked).get_attribute("value")
    status = "//div[@data-testid='stSelectbox'][.//label//*[normalize-space(text())='Status']]"
    assert visible(browser, combobox(status)).get_attribute("value") == "baru"
    choose(browser, status, "ditriase")
    click(browser, text_xpath("button", "Simpan"))
    # the page reruns after a save: the form comes back with the stored values
    wait(browser, SLOW).until(
        lambda d: d.find_element(By.XPATH, combobox(status)).get_attribute("value") == "ditriase"
    )
    idle(browser)
    _shot(browser, "backlog_saved")
    browser.refresh()
    visible(browser, "//h1[normalize-space(.)='Backlog CX lintas departemen']", SLOW)
    idle(browser)
    shown = visible(browser, combobox(status)).get_attribute("value")
    assert shown == "ditriase", shown
    _shot(browser, "backlog_reloaded")

    # a screenshot of every other page of the session
    for nav, title in PAGES.items():
        open_page(browser, nav, title)
        _shot(browser, nav.lower().replace(" ", "_").replace("&", "and"))


def _open_data_page(browser, app_url: str, *files: Path) -> None:
    """Open the app, go to the Data page and choose ``files`` in its uploader."""
    from selenium.webdriver.common.by import By

    browser.get(app_url)
    visible(browser, "//h1[normalize-space(.)='Ringkasan']", SLOW)
    open_page(browser, "Data", "Data: unggah, petakan, muat")
    upload = browser.find_element(By.CSS_SELECTOR, "input[type='file']")
    upload.send_keys("\n".join(str(f) for f in files))


def test_several_files_load_each_on_its_own(tmp_path):
    """Three files at once: two load, one without a text column is reported, none stops."""

    march = tmp_path / "march.csv"
    march.write_text(
        "id,ulasan,tanggal\nM-1,Paket telat 3 hari,2026-03-02\nM-2,Refund cepat,2026-03-03\n",
        encoding="utf-8",
    )
    chat = tmp_path / "chat_081234567890.csv"  # named after the customer, as chat exports are
    chat.write_text("pesan\nKurir ramah sekali\nAplikasi sering error\n", encoding="utf-8")
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("a,b\n1,2\n3,4\n", encoding="utf-8")
    with (
        app_server(f"sqlite:///{tmp_path / 'e2e.db'}", tmp_path) as url,
        chromium(tmp_path) as browser,
    ):
        _open_data_page(browser, url, march, chat, numbers)
        visible(browser, text_xpath("button", "Muat 3 berkas ke basis data"), SLOW)
        idle(browser)
        click(browser, "//label[.//*[normalize-space(text())='Klasifikasikan setelah dimuat']]")
        click(browser, text_xpath("button", "Muat 3 berkas ke basis data"))
        visible(browser, "//*[contains(normalize-space(text()), '2 dari 3 berkas dimuat')]", SLOW)
        failed = visible(browser, "//*[contains(normalize-space(text()), 'tidak dimuat')]")
        assert failed.text.startswith("numbers.csv tidak dimuat:"), failed.text
        visible(browser, "//*[contains(normalize-space(text()), 'Unggah berkas ini sendiri')]")
        # the chat file's summary is headed by its redacted name (its name held PII)
        visible(browser, "//summary//*[normalize-space(text())='chat [PHONE].csv']")
        idle(browser)
        # The uploader lists the chosen files under their own names (the browser's, not the
        # app's): the screenshot starts at the summary, so it holds no personal data.
        summary = visible(browser, "//h3[.//*[normalize-space(text())='Ringkasan pemuatan']]")
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'});", summary)
        shot(browser, ARTIFACTS / "e2e_data_several_files.png")
    from voc.store import dispose_engine, get_engine, list_runs, read_feedback

    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    try:
        engine = get_engine(db)
        stored = read_feedback(engine)
        assert sorted(stored["text_redacted"]) == [
            "Aplikasi sering error",
            "Kurir ramah sekali",
            "Paket telat 3 hari",
            "Refund cepat",
        ]
        names = {run["file_name"] for run in list_runs(engine)}
        assert "march.csv" in names and "chat [PHONE].csv" in names
        assert not any("081234567890" in n for n in names)
    finally:
        dispose_engine(db)


def test_a_workbook_of_several_layouts_loads_every_sheet(tmp_path):
    """The mapping editor showed the first sheet's columns and applied them to every sheet:
    a sheet laid out otherwise was skipped. Sheet names are shown redacted."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Mei"
    book.active.append(["id", "keluhan", "tanggal"])
    book.active.append(["M-1", "Paket telat", "2026-05-02"])
    other = book.create_sheet("Pak Budi 0812-3456-7890")  # a sheet named after a customer
    other.append(["no", "pesan"])
    other.append(["J-1", "Refund lama"])
    path = tmp_path / "report.xlsx"
    book.save(path)
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    with app_server(db, tmp_path) as url, chromium(tmp_path) as browser:
        _open_data_page(browser, url, path)
        visible(browser, "//*[normalize-space(text())='Lembar']", SLOW)
        idle(browser)
        # the sheets' table (its cells are also in the page as an accessible table)
        wait(browser, SLOW).until(lambda d: "Pak [NAME] [PHONE]" in d.page_source)
        assert "3456-7890" not in browser.page_source
        click(browser, "//label[.//*[normalize-space(text())='Klasifikasikan setelah dimuat']]")
        click(browser, text_xpath("button", "Muat ke basis data"))
        visible(browser, "//h3[.//*[normalize-space(text())='Ringkasan pemuatan']]", SLOW)
        idle(browser)
        assert "3456-7890" not in browser.page_source
    from voc.store import dispose_engine, get_engine, read_feedback

    try:
        stored = read_feedback(get_engine(db))
        assert sorted(stored["text_redacted"]) == ["Paket telat", "Refund lama"]
    finally:
        dispose_engine(db)


def test_two_free_text_questions_are_mapped_into_one_comment(tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path = tmp_path / "survey.csv"
    path.write_text(
        "id,Nilai,Alasan,Saran\nS-1,2,Paket telat,Kurirnya dilatih lagi\nS-2,5,Cepat,\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'e2e.db'}"
    with app_server(db, tmp_path) as url, chromium(tmp_path) as browser:
        _open_data_page(browser, url, path)
        text_box = (
            "//div[@data-testid='stMultiSelect'][.//label//*[normalize-space(text())='text']]"
        )
        visible(browser, f"{text_box}//*[@data-tag]", SLOW)  # the guessed column
        idle(browser)
        choose(browser, text_box, "Saran")  # the guess is Alasan (the reason); add Saran
        browser.find_element(By.XPATH, combobox(text_box)).send_keys(Keys.ESCAPE)
        idle(browser)
        click(browser, "//label[.//*[normalize-space(text())='Klasifikasikan setelah dimuat']]")
        click(browser, text_xpath("button", "Muat ke basis data"))
        visible(browser, "//h3[.//*[normalize-space(text())='Ringkasan pemuatan']]", SLOW)
        idle(browser)
    from voc.store import dispose_engine, get_engine, read_feedback

    try:
        stored = read_feedback(get_engine(db)).set_index("feedback_id")["text_redacted"]
        # joined in the file's column order, whatever the order they were picked in
        assert stored.to_dict() == {"S-1": "Paket telat\n\nKurirnya dilatih lagi", "S-2": "Cepat"}
    finally:
        dispose_engine(db)

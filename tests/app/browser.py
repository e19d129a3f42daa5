"""Helpers for real-browser checks: start ``streamlit run``, headless Chromium, waits, XPaths."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: Seconds to wait for slow steps (model load plus classification on a shared 2-core machine).
SLOW = 240
FAST = 60


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(port: int, proc: subprocess.Popen, timeout: float = FAST) -> None:
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"streamlit did not answer {url} within {timeout:.0f} s")


@contextlib.contextmanager
def app_server(database_url: str, directory: Path) -> Iterator[str]:
    """Run ``streamlit run app.py`` (no file watcher) on a free port; yields its base URL.

    Args:
        database_url: The store the app reads (``VOC_DATABASE_URL``).
        directory: Where the server log and the review-examples file go.
    """
    port = free_port()
    env = dict(os.environ)
    env["VOC_DATABASE_URL"] = database_url
    env["VOC_REVIEW_EXAMPLES"] = str(Path(directory) / "review.csv")
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.headless", "true", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with (Path(directory) / "streamlit.log").open("wb") as log:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_healthy(port, proc)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=20)


@contextlib.contextmanager
def chromium(directory: Path, width: int = 1400, height: int = 1000) -> Iterator:
    """Headless Chromium through chromedriver with a ``width`` x ``height`` viewport."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = Path(directory) / "chrome"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def text_xpath(tag: str, text: str) -> str:
    """XPath of a ``tag`` element whose own text, or a descendant's, is ``text``."""
    return f"//{tag}[.//*[normalize-space(text())='{text}'] or normalize-space(text())='{text}']"


def wait(driver, timeout: float = FAST):
    """A ``WebDriverWait`` polling every 0.25 s."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.25)


def visible(driver, xpath: str, timeout: float = FAST):
    """Wait for ``xpath`` to be visible and return the element."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    return wait(driver, timeout).until(ec.visibility_of_element_located((By.XPATH, xpath)))


def click(driver, xpath: str, timeout: float = FAST) -> None:
    """Wait for ``xpath`` to be clickable, scroll it into view and click it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    element = wait(driver, timeout).until(ec.element_to_be_clickable((By.XPATH, xpath)))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    element.click()


def idle(driver, timeout: float = SLOW) -> None:
    """Wait until the app is not running a script (no running status widget)."""
    from selenium.webdriver.common.by import By

    time.sleep(0.5)
    wait(driver, timeout).until(
        lambda d: (
            not d.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"] img')
            and not d.find_elements(By.XPATH, "//*[@data-testid='stStatusWidget']//*[text()]")
        )
    )


def open_page(driver, nav: str, title: str) -> None:
    """Open a page through the sidebar navigation (``st.navigation``) of the running session."""
    click(driver, f"//a[@data-testid='stSidebarNavLink'][.//*[normalize-space(text())='{nav}']]")
    visible(driver, f"//h1[normalize-space(.)='{title}']", SLOW)
    idle(driver)


def shot(driver, path: Path) -> None:
    """Save a screenshot of the viewport to ``path`` (folders created)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))


def combobox(container_xpath: str) -> str:
    """XPath of the text input of a select box or multiselect (a react-aria combobox)."""
    return f"{container_xpath}//input[@role='combobox']"


def option(text: str | None = None) -> str:
    """XPath of an open dropdown's option (any real option when ``text`` is None)."""
    if text is None:
        return "//*[@role='option'][not(@data-key='__select_all__')]"
    return f"//*[@role='option'][normalize-space(.)='{text}']"


def choose(driver, container_xpath: str, option_text: str) -> None:
    """Open the select box inside ``container_xpath`` and click the option ``option_text``."""
    click(driver, combobox(container_xpath))
    click(driver, option(option_text))

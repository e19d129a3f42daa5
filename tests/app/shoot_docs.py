"""Screenshot the Effort x impact page for the docs: ``python -m tests.app.shoot_docs DB OUT``.

DB is a classified store (an SQLAlchemy URL, e.g. a copy of the demo store); OUT is the PNG to
write (docs/img/effort_impact.png). The app runs on that store without a file watcher and
headless Chromium opens the page through the sidebar link at a 1400 x 1000 viewport.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.app.browser import SLOW, app_server, chromium, idle, open_page, shot, visible


def main(argv: list[str] | None = None) -> int:
    """Take the screenshot; returns the exit status."""
    database_url, out = (sys.argv[1:] if argv is None else argv)[:2]
    with tempfile.TemporaryDirectory(prefix="voc_shot_") as directory:
        with app_server(database_url, Path(directory)) as url, chromium(Path(directory)) as drv:
            drv.get(url)
            visible(drv, "//h1[normalize-space(.)='Ringkasan']", SLOW)
            idle(drv)
            open_page(drv, "Usaha x dampak", "Usaha x dampak")
            visible(drv, "//div[contains(@class, 'js-plotly-plot')]", SLOW)
            time.sleep(2)  # let plotly finish its layout transition
            shot(drv, Path(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Comments shown as HTML in the app's tables (the explorer's verbatims)."""

from __future__ import annotations

import html
import re

__all__ = ["highlight"]


def highlight(text: str, phrase: str) -> str:
    """The comment as HTML: escaped, ``phrase`` marked, line breaks kept.

    A survey's answers joined into one comment are separate paragraphs; without ``<br>``
    the table ran them together.
    """
    escaped = html.escape(text or "")
    if phrase:
        pattern = re.compile(re.escape(html.escape(phrase)), re.IGNORECASE)
        escaped = pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return escaped.replace("\n", "<br>")

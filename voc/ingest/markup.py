"""Comments exported as HTML (ticket and chat bodies) turned into plain text.

Help desks and chat platforms often export a message body as HTML (``<p>Paket belum
sampai</p><br>``, ``Refund &amp; retur``). Stored as it is, the markup is read by the
classifiers as words, shown in the explorer as tags and counted by the language detector.
A text is treated as HTML only when it holds a known tag or a character entity, so ``I <3
this app`` or ``harga < 50rb`` stay as written. The parser is the standard library's
:class:`html.parser.HTMLParser`: block elements become line breaks, ``script`` and
``style`` contents are dropped, entities are decoded.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

__all__ = ["plain_text"]

_TAG = re.compile(
    r"</?(?:p|br|div|span|b|i|u|s|strong|em|small|sub|sup|ul|ol|li|a|img|table|thead|tbody|tr|"
    r"td|th|h[1-6]|blockquote|pre|code|font|hr|html|body|head|meta|style|script|center)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_BLOCK = frozenset("p br div li ul ol tr table h1 h2 h3 h4 h5 h6 blockquote pre hr center".split())
_HIDDEN = frozenset(("script", "style", "head"))
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BREAKS = re.compile(r"\s*\n\s*")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def plain_text(text: str) -> tuple[str, bool]:
    """``text`` without HTML markup, and whether it had any.

    Tags are removed (block elements become line breaks, runs of spaces and blank lines
    are collapsed), entities decoded (``&amp;`` -> ``&``). Text without a known tag or an
    entity is returned unchanged.
    """
    if _TAG.search(text):
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        plain = _SPACES.sub(" ", "".join(parser.parts))
        return _BREAKS.sub("\n", plain).strip(), True
    if _ENTITY.search(text):
        return html.unescape(text), True
    return text, False

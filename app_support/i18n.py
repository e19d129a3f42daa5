"""Language switch: look up labels in the message catalogue and taxonomy names by language."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from typing import Any

from app_support.messages import MESSAGES

__all__ = [
    "LANGS",
    "current_lang",
    "date_ticks",
    "label",
    "labeller",
    "set_lang",
    "short_date",
    "t",
]

#: Supported interface languages; Indonesian first (the default).
LANGS = ("id", "en")
_LANG_KEY = "lang"
#: Month abbreviations per language (Plotly's date axes only know English ones).
_MONTHS = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def current_lang() -> str:
    """The interface language of this session ("id" unless the user switched)."""
    import streamlit as st

    lang = st.session_state.get(_LANG_KEY, "id")
    return lang if lang in LANGS else "id"


def set_lang(lang: str) -> None:
    """Switch the interface language of this session."""
    import streamlit as st

    st.session_state[_LANG_KEY] = lang if lang in LANGS else "id"


def t(key: str, lang: str | None = None, **values: Any) -> str:
    """Return the message ``key`` in the session's language, formatted with ``values``.

    Raises:
        KeyError: ``key`` is not in the catalogue (a test checks every key the pages use).
    """
    text = MESSAGES[key][LANGS.index(lang or current_lang())]
    return text.format(**values) if values else text


@lru_cache(maxsize=1)
def _taxonomy():
    from voc.taxonomy import default_taxonomy

    return default_taxonomy()


def label(kind: str, item_id: Any, lang: str | None = None) -> str:
    """Display name of an id: taxonomy names for topic/touchpoint/department, else the catalogue.

    Args:
        kind: "topic", "touchpoint", "department", or a catalogue prefix such as "sentiment",
            "lang", "quadrant", "status", "weekday".
        item_id: The id to name.
        lang: Language (default: the session's).
    """
    lang = lang or current_lang()
    if item_id is None or (isinstance(item_id, float) and item_id != item_id):
        return "-"
    if kind in ("topic", "touchpoint", "department"):
        return _taxonomy().names(kind, lang).get(str(item_id), str(item_id))
    key = f"{kind}.{item_id}"
    return t(key, lang) if key in MESSAGES else str(item_id)


def labeller(kind: str) -> Callable[[Any], str]:
    """A ``format_func`` for widgets: :func:`label` of ``kind`` in the session's language now.

    The language is bound when the widget is drawn, so the function gives the same text when
    Streamlit (or ``AppTest``) calls it later outside the script run.
    """
    return partial(label, kind, lang=current_lang())


def short_date(day, lang: str | None = None, *, year: bool = True) -> str:
    """``4 Mei 2026`` (or ``4 May 2026``): a date with its month named in the language."""
    text = f"{day.day} {_MONTHS[lang or current_lang()][day.month - 1]}"
    return f"{text} {day.year}" if year else text


def date_ticks(days, most: int = 12, lang: str | None = None) -> tuple[list, list[str]]:
    """Tick positions and labels for a date axis, months named in the session's language.

    At most ``most`` ticks, evenly spaced over ``days``; the year is written on the first
    tick and wherever it changes. For ``fig.update_xaxes(tickvals=..., ticktext=...)``.
    """
    days = list(days)
    step = max(1, -(-len(days) // most))
    values = days[::step]
    labels, last_year = [], None
    for day in values:
        labels.append(short_date(day, lang, year=day.year != last_year))
        last_year = day.year
    return values, labels

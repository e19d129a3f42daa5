"""Run a page body so that errors reach the user as sentences with a next step."""

from __future__ import annotations

import logging
from collections.abc import Callable

from app_support.i18n import t

__all__ = ["run_page", "show_error"]

_log = logging.getLogger("voc.app")


def show_error(exc: Exception) -> None:
    """Show a project error as a sentence and, when it has one, its next step."""
    import streamlit as st

    from app_support.ingest_text import localized_error

    message = localized_error(getattr(exc, "message", None) or str(exc))
    st.error(message)
    hint = getattr(exc, "hint", None)
    if hint:
        st.info(t("error.next_step", hint=hint))


def run_page(body: Callable[[], None]) -> None:
    """Call ``body``; a ``VocError`` shows as ``st.error`` with its hint, never a traceback.

    Unexpected exceptions are logged with their traceback on the server (not on screen) and
    the user sees a sentence telling them what to do.
    """
    import streamlit as st
    from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

    from voc.errors import VocError

    try:
        body()
    except ScriptControlException:
        raise
    except VocError as exc:
        show_error(exc)
    except Exception as exc:  # the UI must never print a traceback
        _log.exception("page failed")
        st.error(t("error.unexpected", kind=type(exc).__name__))

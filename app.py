"""Streamlit entry point: language switch and navigation; each page lives in ``app_pages/``."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_support.i18n import LANGS, current_lang, set_lang, t

st.set_page_config(page_title="VOC", layout="wide")

_LANG_NAMES = {"Bahasa Indonesia": "id", "English": "en"}
choice = st.sidebar.radio(
    t("app.language"),
    list(_LANG_NAMES),
    index=LANGS.index(current_lang()),
    horizontal=True,
    key="lang_switch",
)
lang = _LANG_NAMES[choice]
set_lang(lang)

_PAGES = (
    ("app_pages/overview.py", "nav.overview", ":material/dashboard:", True),
    ("app_pages/journey_map.py", "nav.journey", ":material/route:", False),
    ("app_pages/effort_impact.py", "nav.effort", ":material/scatter_plot:", False),
    ("app_pages/explorer.py", "nav.explorer", ":material/search:", False),
    ("app_pages/backlog.py", "nav.backlog", ":material/view_kanban:", False),
    ("app_pages/emerging_model.py", "nav.emerging", ":material/model_training:", False),
    ("app_pages/data.py", "nav.data", ":material/upload_file:", False),
)

navigation = st.navigation(
    [
        st.Page(path, title=t(key), icon=icon, default=default, url_path=Path(path).stem)
        for path, key, icon, default in _PAGES
    ]
)
st.sidebar.caption(t("app.title"))
navigation.run()

"""The Streamlit app layer: message catalogue, caching, error handling and KPI views for pages.

Nothing here is imported by ``voc`` or ``journey``; this is the only place that imports
streamlit besides ``app.py`` and ``app_pages/``.
"""

from app_support.i18n import LANGS, current_lang, label, labeller, t

__all__ = ["LANGS", "current_lang", "label", "labeller", "t"]

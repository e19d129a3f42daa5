"""The store: one SQLAlchemy database (SQLite by default, PostgreSQL via ``VOC_DATABASE_URL``).

Schema changes ship as Alembic migrations in ``voc/store/migrations`` and are applied in code
the first time :func:`get_engine` hands out an engine. Raw customer text is never stored.
"""

from voc.store.corrections import (
    CORRECTION_COLUMNS,
    add_correction,
    import_corrections_csv,
    read_corrections,
)
from voc.store.engine import (
    DATABASE_URL_ENV,
    default_database_url,
    dispose_engine,
    get_engine,
    init_db,
)
from voc.store.frames import ANALYSIS_COLUMNS, CATEGORY_COLUMNS, read_frame, read_texts
from voc.store.queries import (
    CLASSIFIED_COLUMNS,
    REDO_CHOICES,
    check_redo,
    count_to_classify,
    counts_by_week_topic_touchpoint,
    csat_by_touchpoint,
    current_model_versions,
    iter_texts_to_classify,
    list_runs,
    read_feedback,
    read_quarantine,
    several_model_versions,
)
from voc.store.writes import write_predictions

__all__ = [
    "ANALYSIS_COLUMNS",
    "REDO_CHOICES",
    "check_redo",
    "count_to_classify",
    "iter_texts_to_classify",
    "CATEGORY_COLUMNS",
    "CLASSIFIED_COLUMNS",
    "CORRECTION_COLUMNS",
    "DATABASE_URL_ENV",
    "add_correction",
    "counts_by_week_topic_touchpoint",
    "csat_by_touchpoint",
    "current_model_versions",
    "default_database_url",
    "dispose_engine",
    "get_engine",
    "import_corrections_csv",
    "init_db",
    "list_runs",
    "read_corrections",
    "read_feedback",
    "read_frame",
    "read_quarantine",
    "read_texts",
    "several_model_versions",
    "write_predictions",
]

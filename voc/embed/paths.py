"""Where prepared encoders and the embedding cache live on disk (overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "E5_DIR_NAME",
    "E5_INT8_DIR_NAME",
    "MANIFEST_NAME",
    "cache_dir",
    "encoder_dir",
    "models_dir",
    "repo_root",
]

E5_DIR_NAME = "multilingual-e5-small"
E5_INT8_DIR_NAME = "multilingual-e5-small-int8"
MANIFEST_NAME = "voc_manifest.json"


def repo_root() -> Path:
    """Return the project checkout root (the folder holding ``voc/``)."""
    return Path(__file__).resolve().parents[2]


def models_dir() -> Path:
    """Return the models folder: ``$VOC_MODELS_DIR`` or ``<repo>/models``."""
    env = os.environ.get("VOC_MODELS_DIR")
    return Path(env) if env else repo_root() / "models"


def encoder_dir(name: str) -> Path:
    """Return the folder of the prepared encoder ``name`` under ``models/encoders``."""
    return models_dir() / "encoders" / name


def cache_dir() -> Path:
    """Return the embedding cache folder: ``$VOC_CACHE_DIR`` or ``models/cache/embeddings``."""
    env = os.environ.get("VOC_CACHE_DIR")
    return Path(env) if env else models_dir() / "cache" / "embeddings"

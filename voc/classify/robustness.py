"""How the classifier holds up when the same comments are written the way customers type.

The internal test split of the training corpus is rewritten in a few habits of real customer
text (capitals, stretched letters, no punctuation, all lower case) and classified again: a
drop against the text as written is a weakness of the model, not of the labels (they are
the same rows). ``make eval`` reports it beside the evaluation sets. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from voc.classify.augment import without_punctuation

__all__ = ["VARIANTS", "perturb", "robustness_report"]


def _capitals_in_part(text: str, rng: random.Random) -> str:
    return " ".join(w.upper() if rng.random() < 0.4 else w for w in text.split(" "))


def _stretched(text: str, rng: random.Random) -> str:
    """The last letter of about one word in five written four to six times."""
    words = []
    for word in text.split(" "):
        if len(word) >= 3 and word[-1].isalpha() and rng.random() < 0.2:
            word += word[-1] * rng.randint(3, 5)
        words.append(word)
    return " ".join(words)


#: name -> rewrite of one text (the random source is only used by the random variants).
VARIANTS: dict[str, Callable[[str, random.Random], str]] = {
    "as_written": lambda text, rng: text,
    "capitals": lambda text, rng: text.upper(),
    "capitals_40pct_of_words": _capitals_in_part,
    "stretched_letters": _stretched,
    "no_punctuation": lambda text, rng: without_punctuation(text),
    "lower_case": lambda text, rng: text.lower(),
}


def perturb(texts: Sequence[str], variant: str, seed: int = 0) -> list[str]:
    """``texts`` rewritten by ``variant`` (one of :data:`VARIANTS`), the same for a seed."""
    rng = random.Random(seed)
    rewrite = VARIANTS[variant]
    return [rewrite(text, rng) for text in texts]


def robustness_report(model, frame, *, seed: int = 0) -> dict:
    """Accuracy of ``model`` on ``frame`` (text, topics, touchpoint, sentiment) per variant.

    Returns:
        ``{"n": rows, "variants": {variant: {"topic": acc, "touchpoint": acc,
        "sentiment": acc}}}``; topic is the primary topic.
    """
    import numpy as np

    texts = frame["text"].astype(str).tolist()
    gold = {
        "topic": np.array([str(s).split("|")[0] for s in frame["topics"]]),
        "touchpoint": frame["touchpoint"].to_numpy(),
        "sentiment": frame["sentiment"].to_numpy(),
    }
    variants = {}
    for variant in VARIANTS:
        pred = model.predict(perturb(texts, variant, seed), aspects=False)
        variants[variant] = {
            task: round(float(np.mean(pred[task].to_numpy() == gold[task])), 4) for task in gold
        }
    return {"n": len(texts), "variants": variants}

"""SetFit-style few-shot adaptation: contrastive fine-tuning of the encoder on k examples.

Pairs of examples with the same label are pulled together with an in-batch softmax loss
(multiple-negatives ranking) whose batches never repeat a label, so every other row of a
batch is a true negative. Runs on the CPU in minutes for ~1,000 examples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from voc.errors import ConfigError

__all__ = ["FineTunedEncoder", "fit_setfit_encoder"]


class FineTunedEncoder:
    """An in-memory fine-tuned sentence-transformers model with the Encoder interface."""

    def __init__(self, model, name: str) -> None:
        self.model = model
        self.name = name
        self.dim = model.get_sentence_embedding_dimension()

    def encode(self, texts, *, kind="query", batch_size=64, show_progress=False) -> np.ndarray:
        """Embed ``texts`` with the E5 prefix for ``kind``; L2-normalised float32."""
        prefixed = [f"{kind}: {t}" for t in texts]
        emb = self.model.encode(
            prefixed,
            batch_size=batch_size,
            show_progress_bar=show_progress,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return emb.astype(np.float32)


def _pair_batches(labels: Sequence[str], batch_size: int, rng: np.random.Generator):
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        by_label[lab].append(i)
    pairs = []
    for idx in by_label.values():
        if len(idx) < 2:
            continue
        for i in idx:
            j = rng.choice([x for x in idx if x != i])
            pairs.append((i, int(j)))
    order = rng.permutation(len(pairs))
    batches, current, used = [], [], set()
    pending = [pairs[k] for k in order]
    while pending:
        rest = []
        for a, p in pending:
            lab = labels[a]
            if lab in used or len(current) >= batch_size:
                rest.append((a, p))
                continue
            current.append((a, p))
            used.add(lab)
        batches.append(current)
        current, used = [], set()
        if len(rest) == len(pending):  # nothing placed: avoid an endless loop
            break
        pending = rest
    return [b for b in batches if len(b) > 1]


def _sentence_transformer_path(encoder_name: str) -> Path:
    """The sentence-transformers directory behind an encoder name (int8 -> its fp32 source)."""
    from voc.embed.paths import E5_DIR_NAME, encoder_dir
    from voc.errors import ModelNotPreparedError

    if encoder_name.startswith("st:"):
        return Path(encoder_name[3:])
    if encoder_name in ("e5-small", "e5-small-int8"):
        path = encoder_dir(E5_DIR_NAME)
        if not (path / "modules.json").exists():
            raise ModelNotPreparedError(
                f"The encoder {path} is not prepared.", hint="Run: voc models prepare"
            )
        return path
    raise ConfigError(
        f"SetFit needs a sentence-transformers encoder (e5-small or st:PATH), got {encoder_name!r}."
    )


def fit_setfit_encoder(
    encoder_name: str,
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    epochs: int = 2,
    batch_size: int = 32,
    lr: float = 3e-5,
    seed: int = 0,
    device: str | None = None,
    show_progress: bool = False,
) -> FineTunedEncoder:
    """Fine-tune a copy of the encoder on ``texts``/``labels`` and return it.

    Args:
        encoder_name: A sentence-transformers backed encoder (``e5-small`` or ``st:PATH``).
        texts: Training texts (k per label).
        labels: Their labels.
        epochs: Passes over the positive pairs.
        batch_size: Pairs per batch (labels never repeat inside a batch).
        lr: AdamW learning rate.
        seed: Seed for pair sampling, batching and torch.
        device: "cpu" or "cuda" (default: cuda when available).
    """
    import torch
    from sentence_transformers import SentenceTransformer

    from voc.progress import progress_bar

    path = _sentence_transformer_path(encoder_name)
    if len(texts) != len(labels):
        raise ConfigError(f"Got {len(texts)} texts but {len(labels)} labels.")
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = SentenceTransformer(str(path), device=device)
    model.max_seq_length = 64
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    prefixed = [f"query: {t}" for t in texts]
    labels = [str(x) for x in labels]
    all_batches = [_pair_batches(labels, batch_size, rng) for _ in range(epochs)]
    total = sum(len(b) for b in all_batches)
    model.train()
    with progress_bar("SetFit fine-tuning", total, enabled=show_progress) as advance:
        for batches in all_batches:
            for batch in batches:
                anchors = model.tokenize([prefixed[a] for a, _ in batch])
                positives = model.tokenize([prefixed[p] for _, p in batch])
                anchors = {k: v.to(device) for k, v in anchors.items()}
                positives = {k: v.to(device) for k, v in positives.items()}
                emb_a = model(anchors)["sentence_embedding"]
                emb_p = model(positives)["sentence_embedding"]
                scores = emb_a @ emb_p.T * 20.0
                target = torch.arange(len(batch), device=device)
                loss = torch.nn.functional.cross_entropy(scores, target)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                advance(1)
    model.eval()
    return FineTunedEncoder(model, f"{encoder_name}+setfit(seed={seed})")

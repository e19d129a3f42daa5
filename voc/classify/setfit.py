"""SetFit-style few-shot adaptation: contrastive fine-tuning of the encoder on k examples.

Each step embeds a batch of groups of same-label examples (``group_size`` texts per label,
no label twice in a batch) and applies a supervised contrastive loss: every text is pulled
towards the other texts of its label and pushed from all other texts of the batch. With
``group_size=2`` this is the symmetric multiple-negatives ranking loss. A logistic
regression is then fitted on the fine-tuned embeddings (see
:func:`voc.classify.evaluate.fewshot_evaluate`). On two idle CPU cores one epoch over 770
examples takes about 30 seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from voc.errors import ConfigError

__all__ = ["FineTunedEncoder", "SetFitConfig", "fit_setfit_encoder", "sentence_transformer_path"]


@dataclass(frozen=True)
class SetFitConfig:
    """Hyperparameters of the contrastive fine-tuning.

    The defaults were chosen on banking77 *train* rows outside the k-shot samples (k = 10,
    sample seeds 100 and 101, 20 held-out rows per label), never on its test file.

    Args:
        epochs: Passes over the examples (each example is in one group per epoch).
        batch_size: Texts per optimisation step.
        group_size: Texts of one label per group (2 = pairs).
        lr: Peak AdamW learning rate (linear warm-up, then linear decay to 0).
        warmup_ratio: Share of the steps used for the warm-up.
        scale: Inverse temperature applied to cosine similarities in the loss.
        max_seq_length: Token limit while training (encoding afterwards uses the model's).
        freeze_embeddings: Keep the embedding tables (word, position, token type) fixed: the
            word table holds most of a multilingual model's parameters, and freezing it
            skips their gradients and optimiser updates.
    """

    epochs: int = 3
    batch_size: int = 32
    group_size: int = 2
    lr: float = 1e-4
    warmup_ratio: float = 0.1
    scale: float = 20.0
    max_seq_length: int = 64
    freeze_embeddings: bool = True

    def check(self) -> None:
        """Raise :class:`ConfigError` when a value is out of range."""
        if self.epochs < 1:
            raise ConfigError(f"SetFit epochs must be at least 1, got {self.epochs}.")
        if self.group_size < 2:
            raise ConfigError(f"SetFit group_size must be at least 2, got {self.group_size}.")
        if self.batch_size < 2 * self.group_size:
            raise ConfigError(
                f"SetFit batch_size ({self.batch_size}) must hold at least two groups of "
                f"{self.group_size} texts."
            )
        if not self.lr > 0 or not 0 <= self.warmup_ratio < 1 or not self.scale > 0:
            raise ConfigError("SetFit lr and scale must be positive and warmup_ratio in [0, 1).")
        if self.max_seq_length < 8:
            raise ConfigError(
                f"SetFit max_seq_length must be at least 8, not {self.max_seq_length}."
            )


class FineTunedEncoder:
    """An in-memory fine-tuned sentence-transformers model with the Encoder interface."""

    def __init__(self, model, name: str, prefixes: dict[str, str]) -> None:
        self.model = model
        self.name = name
        self.prefixes = dict(prefixes)
        dim_of = getattr(model, "get_embedding_dimension", None)
        self.dim = int(dim_of() if dim_of else model.get_sentence_embedding_dimension())

    def encode(
        self,
        texts: Sequence[str],
        *,
        kind: str = "query",
        batch_size: int = 64,
        show_progress=False,
    ) -> np.ndarray:
        """Embed ``texts`` with the prefix for ``kind``; L2-normalised float32 rows."""
        import torch

        from voc.progress import progress_bar

        texts = [str(t).replace("\x00", "").strip() for t in texts]
        prefixed = [self.prefixes.get(kind, "") + t for t in texts]
        out = np.zeros((len(prefixed), self.dim), dtype=np.float32)
        chunk = max(batch_size, 1) * 8
        with (
            torch.inference_mode(),
            progress_bar("Embedding", len(prefixed), enabled=show_progress) as advance,
        ):
            for start in range(0, len(prefixed), chunk):
                part = prefixed[start : start + chunk]
                out[start : start + len(part)] = self.model.encode(
                    part,
                    batch_size=batch_size,
                    show_progress_bar=False,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                )
                advance(len(part))
        return out


def _batches(
    labels: Sequence[str],
    batch_size: int,
    group_size: int,
    rng: np.random.Generator,
    lengths: Sequence[int] | None = None,
) -> list[list[int]]:
    """One epoch: groups of same-label rows packed into batches with no label twice.

    With ``lengths`` (token counts), groups are packed in order of their longest text, so
    each batch holds texts of similar length and pads little; the batch order is shuffled.
    """
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        by_label[lab].append(i)
    groups: list[list[int]] = []
    for lab in sorted(by_label):
        idx = [by_label[lab][j] for j in rng.permutation(len(by_label[lab]))]
        for start in range(0, len(idx), group_size):
            group = idx[start : start + group_size]
            if len(group) == 1 and start > 0:  # a leftover single joins the previous group
                groups[-1].append(group[0])
            elif len(group) > 1:
                groups.append(group)
    pending = [groups[j] for j in rng.permutation(len(groups))]
    if lengths is not None:
        pending.sort(key=lambda g: max(lengths[i] for i in g))  # stable: ties stay shuffled
    batches: list[list[int]] = []
    while pending:
        current: list[int] = []
        used: set[str] = set()
        rest = []
        for group in pending:
            lab = labels[group[0]]
            if lab in used or len(current) + len(group) > batch_size:
                rest.append(group)
                continue
            current.extend(group)
            used.add(lab)
        batches.append(current)
        pending = rest
    if lengths is not None:
        batches = [batches[j] for j in rng.permutation(len(batches))]
    return batches


def _supcon_loss(emb, label_ids, scale: float):
    """Supervised contrastive loss over one batch of L2-normalised embeddings."""
    import torch

    sims = emb @ emb.T * scale
    n = len(label_ids)
    self_mask = torch.eye(n, dtype=torch.bool, device=emb.device)
    sims = sims.masked_fill(self_mask, float("-inf"))
    log_prob = sims - torch.logsumexp(sims, dim=1, keepdim=True)
    positives = (label_ids[:, None] == label_ids[None, :]) & ~self_mask
    n_pos = positives.sum(dim=1)
    has_pos = n_pos > 0
    pos_log_prob = log_prob.masked_fill(~positives, 0.0).sum(dim=1)
    return -(pos_log_prob[has_pos] / n_pos[has_pos]).mean()


def sentence_transformer_path(encoder_name: str) -> Path:
    """The sentence-transformers directory behind an encoder name (int8 -> its fp32 source)."""
    from voc.embed.paths import E5_DIR_NAME, encoder_dir
    from voc.errors import ModelNotPreparedError

    if encoder_name.startswith("st:") and len(encoder_name) > 3:
        path = Path(encoder_name[3:])
        if not (path / "modules.json").exists():
            raise ConfigError(
                f"{path} is not a local sentence-transformers folder (no modules.json)."
            )
        return path
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
    config: SetFitConfig | None = None,
    seed: int = 0,
    device: str | None = None,
    show_progress: bool = False,
    on_epoch_end: Callable[[int, FineTunedEncoder], None] | None = None,
) -> FineTunedEncoder:
    """Fine-tune a fresh copy of the encoder on ``texts``/``labels`` and return it.

    Args:
        encoder_name: A sentence-transformers backed encoder (``e5-small``; ``e5-small-int8``
            fine-tunes its fp32 source) or ``st:PATH`` to a local model folder.
        texts: Training texts (k per label).
        labels: Their labels; at least one label needs two examples.
        config: Hyperparameters (defaults: :class:`SetFitConfig`).
        seed: Seed for grouping, batching, dropout and the optimiser.
        device: "cpu" or "cuda" (default: cuda when available).
        show_progress: Show a progress bar over the optimisation steps.
        on_epoch_end: Called as ``on_epoch_end(epoch, encoder)`` after each epoch (the
            model is in eval mode during the call).

    Raises:
        ConfigError: On mismatched inputs, no label with two examples or a bad config.
    """
    import torch
    from sentence_transformers import SentenceTransformer

    from voc.progress import progress_bar

    config = config or SetFitConfig()
    config.check()
    texts = [str(t).replace("\x00", "").strip() for t in texts]
    labels = [str(x) for x in labels]
    if len(texts) != len(labels):
        raise ConfigError(f"Got {len(texts)} texts but {len(labels)} labels.")
    if len(set(labels)) < 2:
        raise ConfigError("SetFit needs examples of at least two labels.")
    counts = defaultdict(int)
    for lab in labels:
        counts[lab] += 1
    if max(counts.values()) < 2:
        raise ConfigError(
            "SetFit needs at least two examples of some label to form positive pairs; "
            "use --k 2 or more."
        )
    path = sentence_transformer_path(encoder_name)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    model = SentenceTransformer(str(path), device=device)
    prompts = getattr(model, "prompts", {}) or {}
    prefixes = {k: prompts[k] for k in ("query", "passage") if prompts.get(k)}
    if encoder_name in ("e5-small", "e5-small-int8") and not prefixes:
        prefixes = {"query": "query: ", "passage": "passage: "}
    encoder = FineTunedEncoder(model, f"{encoder_name}+setfit(seed={seed})", prefixes)
    inference_len = model.max_seq_length
    model.max_seq_length = min(config.max_seq_length, inference_len or config.max_seq_length)
    if config.freeze_embeddings:
        for module in model.modules():
            if isinstance(module, torch.nn.Embedding):
                module.weight.requires_grad_(False)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config.lr)
    prefixed = [prefixes.get("query", "") + t for t in texts]
    label_index = {lab: i for i, lab in enumerate(sorted(counts))}
    label_ids = torch.tensor([label_index[lab] for lab in labels], device=device)
    tokenized = model.tokenizer(prefixed, truncation=True, max_length=model.max_seq_length)
    lengths = [len(ids) for ids in tokenized["input_ids"]]
    epochs = [
        _batches(labels, config.batch_size, config.group_size, rng, lengths)
        for _ in range(config.epochs)
    ]
    total = sum(len(b) for b in epochs)
    warmup = int(total * config.warmup_ratio)

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / (warmup + 1)
        return max(total - step, 0) / max(total - warmup, 1)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    description = f"SetFit fine-tuning (seed {seed})"
    with progress_bar(description, total, enabled=show_progress) as advance:
        for epoch, batches in enumerate(epochs):
            model.train()
            for batch in batches:
                features = model.preprocess([prefixed[i] for i in batch])
                features = {k: v.to(device) for k, v in features.items() if hasattr(v, "to")}
                emb = model(features)["sentence_embedding"]
                emb = torch.nn.functional.normalize(emb, dim=-1)
                loss = _supcon_loss(emb, label_ids[batch], config.scale)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                scheduler.step()
                advance(1)
            model.eval()
            if on_epoch_end is not None:
                model.max_seq_length = inference_len
                on_epoch_end(epoch, encoder)
                model.max_seq_length = config.max_seq_length
    model.eval()
    model.max_seq_length = inference_len
    for p in model.parameters():
        p.requires_grad_(False)
    return encoder

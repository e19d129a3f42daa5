"""SetFit-style few-shot fine-tuning: batching, loss, fitting contract and fewshot-eval."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np
import pytest

from voc.classify.setfit import (
    SetFitConfig,
    _batches,
    _supcon_loss,
    fit_setfit_encoder,
)
from voc.errors import ConfigError, VocError

_WORDS = (
    "my card was lost stolen please block it kartu saya hilang dicuri tolong blokir "
    "refund money back when will i get uang kembali kapan dana dikembalikan "
    "package late delivery still not arrived paket belum sampai terlambat pengiriman "
    "the a is to of and"
).split()

_TOY = {
    "card_lost": [
        "my card was lost",
        "kartu saya hilang",
        "please block my stolen card",
        "tolong blokir kartu dicuri",
        "card stolen block it",
        "kartu saya dicuri tolong blokir",
    ],
    "refund": [
        "when will i get my refund",
        "kapan uang kembali",
        "money back please",
        "dana dikembalikan kapan",
        "refund my money",
        "uang saya kembali kapan",
    ],
    "delivery": [
        "package still not arrived",
        "paket belum sampai",
        "delivery is late",
        "pengiriman terlambat",
        "my package is late",
        "paket saya terlambat",
    ],
}

_FAST = SetFitConfig(epochs=1, batch_size=8, group_size=2, lr=1e-3, max_seq_length=16)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> str:
    """A randomly initialised 2-layer BERT sentence-transformer with a word-level vocabulary."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    vocab = {w: i for i, w in enumerate([*specials, "query", ":", *dict.fromkeys(_WORDS)])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="[PAD]",
        unk_token="[UNK]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=64,
    )
    base = tmp_path_factory.mktemp("tiny_bert")
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
    )
    BertModel(config).save_pretrained(base / "hf")
    fast.save_pretrained(base / "hf")
    transformer = Transformer(str(base / "hf"), max_seq_length=64)
    model = SentenceTransformer(modules=[transformer, Pooling(32, "mean")])
    model.prompts = {"query": "query: ", "passage": "passage: "}
    model.save(str(base / "st"))
    return f"st:{base / 'st'}"


def _toy_rows():
    texts = [t for rows in _TOY.values() for t in rows]
    labels = [lab for lab, rows in _TOY.items() for _ in rows]
    return texts, labels


def _write_toy(tmp_path):
    import pandas as pd

    texts, labels = _toy_rows()
    rows = [{"text": t, "intent": lab} for t, lab in zip(texts, labels, strict=True)]
    train = tmp_path / "train.csv"
    test = tmp_path / "test.csv"
    pd.DataFrame(rows).to_csv(train, index=False)
    pd.DataFrame(rows[::2]).to_csv(test, index=False)
    return train, test


@pytest.mark.parametrize("group_size", [2, 3, 4])
@pytest.mark.parametrize("k", [2, 3, 9, 10])
def test_batches_cover_each_row_once_without_repeating_a_label(group_size, k):
    labels = [f"label{j}" for j in range(7) for _ in range(k)]
    batches = _batches(labels, 4 * group_size, group_size, np.random.default_rng(0))
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(labels)))
    for batch in batches:
        assert len(batch) <= 4 * group_size
        counts = Counter(labels[i] for i in batch)
        # one group per label: group_size rows, fewer for the last, one more when a leftover
        # single joined it; two groups of one label would exceed group_size + 1
        assert all(2 <= c <= group_size + 1 for c in counts.values())


def test_batches_are_seeded():
    labels = [lab for lab in "abcdefgh" for _ in range(5)]
    first = _batches(labels, 8, 2, np.random.default_rng(3))
    assert first == _batches(labels, 8, 2, np.random.default_rng(3))
    assert first != _batches(labels, 8, 2, np.random.default_rng(4))


def test_batches_with_lengths_pad_less_and_keep_the_contract():
    rng = np.random.default_rng(0)
    labels = [f"label{j}" for j in range(40) for _ in range(10)]
    lengths = rng.integers(5, 80, size=len(labels)).tolist()

    def padded_tokens(batches):
        return sum(len(b) * max(lengths[i] for i in b) for b in batches)

    plain = _batches(labels, 32, 2, np.random.default_rng(1))
    bucketed = _batches(labels, 32, 2, np.random.default_rng(1), lengths)
    assert sorted(i for b in bucketed for i in b) == list(range(len(labels)))
    assert all(max(Counter(labels[i] for i in b).values()) <= 3 for b in bucketed)
    assert padded_tokens(bucketed) < 0.8 * padded_tokens(plain)
    # batches are shuffled, not served shortest first
    maxima = [max(lengths[i] for i in b) for b in bucketed]
    assert maxima != sorted(maxima)


def test_batches_drop_labels_with_a_single_example():
    labels = ["a", "a", "b", "c", "c", "c"]
    flat = [i for b in _batches(labels, 8, 2, np.random.default_rng(0)) for i in b]
    assert 2 not in flat
    assert sorted(flat) == [0, 1, 3, 4, 5]


def test_supcon_loss_rewards_clustered_labels():
    import torch

    labels = torch.tensor([0, 0, 1, 1, 2])
    clustered = torch.nn.functional.normalize(
        torch.tensor([[1.0, 0.0], [0.99, 0.1], [0.0, 1.0], [0.1, 0.99], [-1.0, 0.0]]), dim=-1
    )
    mixed = clustered[[0, 2, 1, 3, 4]]
    good = float(_supcon_loss(clustered, labels, 20.0))
    bad = float(_supcon_loss(mixed, labels, 20.0))
    assert np.isfinite(good) and np.isfinite(bad)  # label 2 has no positive: ignored
    assert good < 0.1 < bad


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"epochs": 0}, "epochs"),
        ({"group_size": 1}, "group_size"),
        ({"batch_size": 3, "group_size": 2}, "batch_size"),
        ({"lr": 0.0}, "lr"),
        ({"warmup_ratio": 1.0}, "warmup_ratio"),
        ({"max_seq_length": 4}, "max_seq_length"),
    ],
)
def test_config_rejects_bad_values(changes, match):
    with pytest.raises(ConfigError, match=match):
        SetFitConfig(**changes).check()


def test_fit_is_deterministic_and_changes_the_encoder(tiny_model):
    from voc.embed import load_encoder

    texts, labels = _toy_rows()
    a = fit_setfit_encoder(tiny_model, texts, labels, config=_FAST, seed=0)
    b = fit_setfit_encoder(tiny_model, texts, labels, config=_FAST, seed=0)
    c = fit_setfit_encoder(tiny_model, texts, labels, config=_FAST, seed=1)
    ea, eb, ec = (m.encode(texts, kind="query") for m in (a, b, c))
    assert ea.shape == (len(texts), 32) and ea.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ea, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(ea, eb)
    assert not np.allclose(ea, ec)
    frozen = load_encoder(tiny_model, cache=False).encode(texts, kind="query")
    assert not np.allclose(ea, frozen, atol=1e-3)
    assert a.name.endswith("+setfit(seed=0)")


def test_fit_calls_back_after_each_epoch_and_freezes_embeddings(tiny_model):
    import torch

    texts, labels = _toy_rows()
    seen = []
    config = SetFitConfig(epochs=2, batch_size=8, lr=1e-3, max_seq_length=16)
    enc = fit_setfit_encoder(
        tiny_model,
        texts,
        labels,
        config=config,
        on_epoch_end=lambda epoch, e: seen.append((epoch, e.encode(texts[:2]).shape)),
    )
    assert seen == [(0, (2, 32)), (1, (2, 32))]
    embeddings = [m for m in enc.model.modules() if isinstance(m, torch.nn.Embedding)]
    reference = fit_setfit_encoder(
        tiny_model, texts, labels, config=SetFitConfig(**{**config.__dict__, "epochs": 1})
    )
    ref_embeddings = [m for m in reference.model.modules() if isinstance(m, torch.nn.Embedding)]
    for mine, ref in zip(embeddings, ref_embeddings, strict=True):
        torch.testing.assert_close(mine.weight, ref.weight)


@pytest.mark.parametrize(
    ("texts", "labels", "encoder", "match"),
    [
        (["a", "b"], ["x"], None, "2 texts but 1 labels"),
        (["a", "b", "c"], ["x", "x", "x"], None, "at least two labels"),
        (["a", "b", "c"], ["x", "y", "z"], None, "two examples of some label"),
        (["a", "b", "c", "d"], ["x", "x", "y", "y"], "tfidf", "sentence-transformers encoder"),
        (["a", "b", "c", "d"], ["x", "x", "y", "y"], "st:/no/such/model", "modules.json"),
    ],
)
def test_fit_rejects_bad_input(tiny_model, texts, labels, encoder, match):
    with pytest.raises(ConfigError, match=match):
        fit_setfit_encoder(encoder or tiny_model, texts, labels, config=_FAST)


def test_fewshot_evaluate_setfit_contract(tiny_model, tmp_path):
    from voc.classify.evaluate import fewshot_evaluate

    train, test = _write_toy(tmp_path)
    kwargs = {
        "label_col": "intent",
        "k": 3,
        "seeds": (0, 1),
        "method": "setfit",
        "encoder": tiny_model,
        "setfit_config": _FAST,
    }
    first = fewshot_evaluate(train, test, **kwargs)
    again = fewshot_evaluate(train, test, **kwargs)
    assert first["method"] == "setfit" and first["encoder"] == tiny_model
    assert (first["n_labels"], first["n_test"], first["k"]) == (3, 9, 3)
    assert [r["seed"] for r in first["per_seed"]] == [0, 1]
    for row in first["per_seed"]:
        assert 0.0 <= row["accuracy"] <= 1.0 and 0.0 <= row["macro_f1"] <= 1.0
        assert row["seconds"] >= 0
    assert first["accuracy"] == pytest.approx(
        np.mean([r["accuracy"] for r in first["per_seed"]]), abs=1e-4
    )
    assert first["setfit"]["epochs"] == 1 and first["setfit"]["head_C"] > 0
    assert first["setfit"]["fine_tuned_model"] == "st"
    assert [r["accuracy"] for r in first["per_seed"]] == [r["accuracy"] for r in again["per_seed"]]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"method": "svm"}, "--method must be one of"),
        ({"method": "setfit", "k": 1}, "--k 2 or more"),
        ({"k": 0}, "--k must be at least 1"),
        ({"seeds": ()}, "at least one seed"),
    ],
)
def test_fewshot_evaluate_rejects_bad_options(tmp_path, kwargs, match):
    from voc.classify.evaluate import fewshot_evaluate

    train, test = _write_toy(tmp_path)
    with pytest.raises(ConfigError, match=match):
        fewshot_evaluate(train, test, label_col="intent", **kwargs)


def test_cli_fewshot_eval_setfit_json(tiny_model, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import voc.classify.evaluate as evaluate
    from voc.cli import app

    original = evaluate.fewshot_evaluate

    def fast(*args, **kwargs):  # keep the CLI path, shrink the training
        return original(*args, **{**kwargs, "setfit_config": _FAST})

    monkeypatch.setattr(evaluate, "fewshot_evaluate", fast)
    train, test = _write_toy(tmp_path)
    args = ["fewshot-eval", "--train", str(train), "--test", str(test), "--label-col", "intent"]
    args += ["--k", "2", "--seeds", "5", "--method", "setfit", "--encoder", tiny_model]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["method"] == "setfit" and report["seeds"] == [5]
    assert report["per_seed"][0]["seed"] == 5
    result = CliRunner().invoke(app, [*args, "-q"])
    assert result.exit_code == 0, result.output
    assert "seed 5: accuracy" in result.output and "method=setfit" in result.output


def test_cli_fewshot_eval_rejects_unknown_method(tmp_path):
    from typer.testing import CliRunner

    from voc.cli import app

    train, test = _write_toy(tmp_path)
    args = ["fewshot-eval", "--train", str(train), "--test", str(test), "--label-col", "intent"]
    result = CliRunner().invoke(app, [*args, "--method", "svm"])
    assert isinstance(result.exception, VocError)
    assert "--method must be one of" in str(result.exception)


@pytest.mark.slow
def test_setfit_on_the_real_encoder_runs_and_is_seeded():
    texts, labels = _toy_rows()
    config = SetFitConfig(epochs=1, batch_size=6, group_size=2, max_seq_length=32)
    a = fit_setfit_encoder("e5-small-int8", texts, labels, config=config, seed=0)
    b = fit_setfit_encoder("e5-small-int8", texts, labels, config=config, seed=0)
    ea, eb = a.encode(texts), b.encode(texts)
    assert ea.shape == (len(texts), 384)
    np.testing.assert_array_equal(ea, eb)


def _fewshot_result(method: str, accuracies: list[float]) -> dict:
    per_seed = [
        {"seed": s, "accuracy": a, "macro_f1": a - 0.01, "seconds": 10.0}
        for s, a in enumerate(accuracies)
    ]
    return {
        "k": 10,
        "method": method,
        "encoder": "e5-small-int8",
        "n_labels": 77,
        "n_test": 3080,
        "seeds": [0, 1, 2],
        "accuracy": float(np.mean(accuracies)),
        "accuracy_sd": float(np.std(accuracies)),
        "macro_f1": float(np.mean(accuracies)) - 0.01,
        "per_seed": per_seed,
        "seconds": 30.0,
    }


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (("logreg", "setfit"), {"logreg": "NOT MET", "setfit": "PASS"}),
        (("logreg",), {"logreg": "NOT MET", "setfit": "n/a"}),
    ],
)
def test_report_has_a_target_row_and_a_table_row_per_fewshot_method(tmp_path, methods, expected):
    from voc.classify.report import write_report

    accuracies = {"logreg": [0.76, 0.77, 0.75], "setfit": [0.83, 0.84, 0.82]}
    results = {
        "eval_dir": str(tmp_path),
        "available": True,
        "model_version": "default/v1",
        "encoder": "e5-small-int8",
        "fewshot": {"banking77": {m: _fewshot_result(m, accuracies[m]) for m in methods}},
    }
    text = write_report(results, tmp_path / "EVAL.md").read_text(encoding="utf-8")
    for method, status in expected.items():
        row = next(x for x in text.splitlines() if f"k=10 accuracy, {method} |" in x)
        assert row.endswith(f"| {status} |")
    for method in methods:
        mean = f"{np.mean(accuracies[method]):.3f}"
        assert any(x.startswith(f"| {method} |") and mean in x for x in text.splitlines())
    saved = json.loads((tmp_path / "EVAL.json").read_text())
    assert sorted(saved["fewshot"]["banking77"]) == sorted(methods)

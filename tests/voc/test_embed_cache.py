"""The on-disk embedding cache: hits equal misses, no model call on hits, dedup, processes."""

import textwrap
import time

import numpy as np
import pytest

from tests.processes import run_python_processes
from voc.embed import EmbeddingCache, cache_key, load_encoder
from voc.embed.backends import HashingEncoder

TEXTS = {
    "id": ["Paket saya belum sampai", "Refund belum masuk", "CS nya ramah banget"],
    "en": ["My parcel has not arrived", "The refund is missing", "Support was friendly"],
    "mixed": ["Order aku di-cancel", "App-nya error pas checkout", "thanks kak, solved!"],
}


class CountingEncoder(HashingEncoder):
    """The hashing encoder, recording what reaches the model."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seen: list[list[str]] = []

    def _embed(self, texts, kind, *, batch_size, progress):
        self.seen.append(list(texts))
        return super()._embed(texts, kind, batch_size=batch_size, progress=progress)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_hits_equal_misses_and_cost_no_model_call(tmp_path, lang):
    enc = CountingEncoder(cache=EmbeddingCache(tmp_path))
    first = enc.encode(TEXTS[lang])
    assert enc.cache.misses == 3 and enc.cache.hits == 0 and len(enc.seen) == 1
    second = enc.encode(TEXTS[lang])
    np.testing.assert_array_equal(first, second)
    assert len(enc.seen) == 1  # no model call for hits
    assert enc.cache.hits == 3 and enc.cache.hit_rate == pytest.approx(0.5)


def test_cache_is_shared_across_instances(tmp_path):
    a = CountingEncoder(cache=EmbeddingCache(tmp_path))
    vectors = a.encode(TEXTS["id"])
    b = CountingEncoder(cache=EmbeddingCache(tmp_path))
    np.testing.assert_array_equal(b.encode(TEXTS["id"]), vectors)
    assert b.seen == [] and b.cache.hits == 3


def test_dedup_within_a_batch(tmp_path):
    enc = CountingEncoder(cache=EmbeddingCache(tmp_path))
    out = enc.encode(["halo", "apa", "halo", "  halo  ", "apa"])
    assert enc.seen == [["halo", "apa"]]
    np.testing.assert_array_equal(out[0], out[2])
    np.testing.assert_array_equal(out[0], out[3])
    assert len(enc.cache) == 2


def test_dedup_without_cache():
    enc = CountingEncoder(cache=None)
    enc.encode(["x y", "x y", "z"])
    assert enc.seen == [["x y", "z"]]


def test_partial_hits_only_embed_the_new_texts(tmp_path):
    enc = CountingEncoder(cache=EmbeddingCache(tmp_path))
    enc.encode(["satu", "dua"])
    enc.encode(["dua", "tiga", "satu"])
    assert enc.seen == [["satu", "dua"], ["tiga"]]


def test_keys_separate_kind_and_model():
    assert cache_key("m", "query", "t") != cache_key("m", "passage", "t")
    assert cache_key("m1", "query", "t") != cache_key("m2", "query", "t")
    assert cache_key("m", "query", "t") == cache_key("m", "query", "t")


def test_rows_of_another_width_are_ignored(tmp_path):
    cache = EmbeddingCache(tmp_path)
    key = cache_key("m", "passage", "t")
    cache.put_many([(key, np.ones(8, np.float32))])
    assert cache.get_many([key], 16) == {}
    assert cache.get_many([key], 8)[key].shape == (8,)


def test_insert_or_ignore_keeps_the_first_vector(tmp_path):
    cache = EmbeddingCache(tmp_path)
    key = cache_key("m", "passage", "t")
    cache.put_many([(key, np.zeros(4, np.float32))])
    cache.put_many([(key, np.ones(4, np.float32))])
    np.testing.assert_array_equal(cache.get_many([key], 4)[key], np.zeros(4))


_WRITER = textwrap.dedent(
    """
    import sys
    from voc.embed import EmbeddingCache
    from voc.embed.backends import HashingEncoder
    enc = HashingEncoder(cache=EmbeddingCache(sys.argv[1]))
    start = int(sys.argv[2])
    for round_ in range(20):
        texts = [f"ulasan nomor {i}" for i in range(start + round_ * 10, start + round_ * 10 + 60)]
        enc.encode(texts, batch_size=16)
    print("ok")
    """
)


def test_two_processes_write_concurrently(tmp_path):
    runs = run_python_processes(_WRITER, [[str(tmp_path), str(start)] for start in (0, 100)])
    for returncode, out, err in runs:
        assert returncode == 0, err
        assert out.strip() == "ok"
    expected = {f"ulasan nomor {i}" for s in (0, 100) for i in range(s, s + 250)}
    cache = EmbeddingCache(tmp_path)
    assert len(cache) == len(expected)
    fresh = HashingEncoder(cache=None)
    texts = sorted(expected)
    reader = HashingEncoder(cache=cache)
    np.testing.assert_array_equal(reader.encode(texts), fresh.encode(texts))
    assert cache.hits == len(texts)


def test_load_encoder_uses_env_cache_dir(tmp_path, monkeypatch):
    from voc.embed import clear_loaded_encoders

    monkeypatch.setenv("VOC_CACHE_DIR", str(tmp_path / "envcache"))
    clear_loaded_encoders()
    enc = load_encoder("tfidf")
    enc.encode(["halo"])
    assert (tmp_path / "envcache" / "embeddings-v1.sqlite3").is_file()
    clear_loaded_encoders()
    assert load_encoder("tfidf", cache=False).cache is None


def test_load_encoder_keeps_an_empty_cache_instance(tmp_path):
    from voc.embed import clear_loaded_encoders

    clear_loaded_encoders()
    cache = EmbeddingCache(tmp_path / "empty")
    assert len(cache) == 0
    assert load_encoder("tfidf", cache=cache).cache is cache
    clear_loaded_encoders()


_OPENER = textwrap.dedent(
    """
    import sys, time
    import numpy as np
    from voc.embed import EmbeddingCache
    start_at = float(sys.argv[2])
    while time.time() < start_at:
        pass
    cache = EmbeddingCache(sys.argv[1])
    cache.put_many([(bytes([int(sys.argv[3])]) * 16, np.ones(4, np.float32))])
    print("ok")
    """
)


def test_many_processes_create_the_same_new_cache_at_once(tmp_path):
    # Switching a brand-new file to WAL while another process creates it used to fail
    # with "database is locked" (seen in CI; 8 of 180 such opens failed before the retry).
    for trial in range(3):
        folder = tmp_path / f"t{trial}"
        start_at = str(time.time() + 1.0)
        runs = run_python_processes(_OPENER, [[str(folder), start_at, str(i)] for i in range(6)])
        for returncode, _, err in runs:
            assert returncode == 0, err
        assert len(EmbeddingCache(folder)) == 6

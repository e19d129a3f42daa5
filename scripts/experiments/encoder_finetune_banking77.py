"""banking77 k=10 logistic regression (seeds 0, 1, 2): frozen fp32 e5-small vs fine-tuned.

Run from the repository root after encoder_finetune.py (its saved model is the argument).
"""

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score

from voc.classify.setfit import sentence_transformer_path

torch.set_num_threads(2)
B = Path(__file__).resolve().parents[3] / "shared" / "eval" / "fewshot" / "banking77"
tr = pd.read_csv(f"{B}/train.csv")
te = pd.read_csv(f"{B}/test.csv")
out = {}


def enc(model, texts):
    """L2-normalised e5 query embeddings."""
    return model.encode(
        ["query: " + x for x in texts],
        batch_size=64,
        normalize_embeddings=True,
        show_progress_bar=False,
    )


for tag, path in [
    ("frozen", str(sentence_transformer_path("e5-small"))),
    ("finetuned", sys.argv[1] if len(sys.argv) > 1 else "var/encoder_finetune_model"),
]:
    m = SentenceTransformer(path, device="cpu")
    Xte = enc(m, te.text.tolist())
    accs = []
    for seed in (0, 1, 2):
        rng = np.random.default_rng(seed)
        idx = np.concatenate(
            [
                rng.choice(np.flatnonzero(tr.category.to_numpy() == c), 10, replace=False)
                for c in sorted(tr.category.unique())
            ]
        )
        X = enc(m, tr.text.iloc[idx].tolist())
        clf = LogisticRegression(C=16, max_iter=3000, class_weight="balanced").fit(
            X, tr.category.iloc[idx]
        )
        accs.append(round(accuracy_score(te.category, clf.predict(Xte)), 4))
    out[tag] = {"per_seed": accs, "mean": round(float(np.mean(accs)), 4)}
    print(tag, out[tag], flush=True)
json.dump(
    out, open(sys.argv[2] if len(sys.argv) > 2 else "var/encoder_finetune_banking77.json", "w")
)

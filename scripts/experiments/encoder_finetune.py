"""Experiment (session 9, issue 4): does fine-tuning e5-small on our corpus help?

Run from the repository root: ``python scripts/experiments/encoder_finetune.py [EPOCHS] [OUT]``
(about 25 minutes on 2 CPU cores). Results and reading: docs/CLASSIFY.md.

Pre-registered: multitask CE fine-tune (topic primary, touchpoint, sentiment) of the fp32
e5-small, embedding tables frozen, 1 epoch, lr 3e-5 (heads 1e-3), batch 32, max_len 128,
seed 0, on the corpus train split only. Then logistic regression (C=16) heads on frozen
embeddings of (a) the original fp32 encoder, (b) the fine-tuned one. Measured on the internal
test split (choice) and once on dev-gold + sentiment transfer sets (report only).
"""

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from voc.classify.corpus import load_corpus, load_sentiment_supplement
from voc.classify.setfit import sentence_transformer_path

torch.manual_seed(0)
torch.set_num_threads(2)
rng = np.random.default_rng(0)
EPOCHS = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
OUT = sys.argv[2] if len(sys.argv) > 2 else "var/encoder_finetune.json"

corpus = load_corpus()
train = corpus[corpus.split == "train"].reset_index(drop=True)
test = corpus[corpus.split == "test"].reset_index(drop=True)
train_primary = train.topics.str.split("|").str[0]
test_primary = test.topics.str.split("|").str[0]

E = str(Path(__file__).resolve().parents[3] / "shared" / "eval")  # ../shared/eval
dev = pd.read_csv(f"{E}/dev-gold/dev_gold.csv", dtype=str, keep_default_na=False)
sent_sets = {}
for name, fn in [
    ("nusax_id", "nusax_id_test.csv"),
    ("nusax_en", "nusax_en_test.csv"),
    ("airline_en", "airline_en_sample.csv"),
    ("indonglish", "indonglish_test.csv"),
]:
    sent_sets[name] = pd.read_csv(f"{E}/sentiment/{fn}", dtype=str, keep_default_na=False)

path = sentence_transformer_path("e5-small")


def embed(model, texts):
    """L2-normalised e5 query embeddings."""
    model.eval()
    with torch.inference_mode():
        return model.encode(
            ["query: " + str(t) for t in texts],
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )


def evaluate(model, tag):
    """Fit LR heads on train-split embeddings; score internal test, dev-gold, transfer."""
    t0 = time.time()
    Xtr = embed(model, train.text)
    Xte = embed(model, test.text)
    Xdev = embed(model, dev.text)
    res = {}
    for task, ytr, yte, ydev in [
        ("topic", train_primary, test_primary, dev.topic),
        ("touchpoint", train.touchpoint, test.touchpoint, dev.touchpoint),
        ("sentiment", train.sentiment, test.sentiment, dev.sentiment),
    ]:
        clf = LogisticRegression(C=16, max_iter=2000, class_weight="balanced").fit(Xtr, ytr)
        pte, pdev = clf.predict(Xte), clf.predict(Xdev)
        res[task] = {
            "internal_acc": round(accuracy_score(yte, pte), 4),
            "internal_f1": round(f1_score(yte, pte, average="macro"), 4),
            "dev_acc": round(accuracy_score(ydev, pdev), 4),
            "dev_f1": round(f1_score(ydev, pdev, average="macro"), 4),
        }
        if task == "sentiment":
            for lang in ("id", "en"):
                m = (dev.lang == lang).to_numpy()
                res[task][f"dev_f1_{lang}"] = round(f1_score(ydev[m], pdev[m], average="macro"), 4)
            for name, frame in sent_sets.items():
                tcol = "text" if "text" in frame.columns else "tweet"
                gold = (
                    frame["label"]
                    .str.lower()
                    .replace({"negatif": "negative", "netral": "neutral", "positif": "positive"})
                )
                p = clf.predict(embed(model, frame[tcol]))
                res[task][name] = round(f1_score(gold, p, average="macro"), 4)
    res["seconds"] = round(time.time() - t0)
    print(tag, json.dumps(res), flush=True)
    return res


# VOC_FT_MODE=sentiment (second run): fine-tune on sentiment only, over the corpus train split
# plus the train split of the general sentiment supplement; the frozen baseline is the same
# as the first run's and is skipped.
MODE = os.environ.get("VOC_FT_MODE", "multitask")
results = {"mode": MODE}
if MODE == "multitask":
    base = SentenceTransformer(str(path), device="cpu")
    results["frozen"] = evaluate(base, "frozen")
    del base

model = SentenceTransformer(str(path), device="cpu")
model.max_seq_length = 128
for module in model.modules():
    if isinstance(module, torch.nn.Embedding):
        module.weight.requires_grad_(False)
if MODE == "sentiment":
    supplement = load_sentiment_supplement(exclude_texts=corpus.text)
    supplement = supplement[supplement.split == "train"]
    ft_texts = list(train.text) + list(supplement.text)
    ft_sentiment = list(train.sentiment) + list(supplement.sentiment)
    tasks = {"sentiment": sorted(set(ft_sentiment))}
    ys = {"sentiment": torch.tensor([tasks["sentiment"].index(v) for v in ft_sentiment])}
else:
    ft_texts = list(train.text)
    tasks = {
        "topic": sorted(train_primary.unique()),
        "touchpoint": sorted(train.touchpoint.unique()),
        "sentiment": sorted(train.sentiment.unique()),
    }
    ys = {
        "topic": torch.tensor([tasks["topic"].index(v) for v in train_primary]),
        "touchpoint": torch.tensor([tasks["touchpoint"].index(v) for v in train.touchpoint]),
        "sentiment": torch.tensor([tasks["sentiment"].index(v) for v in train.sentiment]),
    }
dim = model.get_sentence_embedding_dimension()
heads = torch.nn.ModuleDict({k: torch.nn.Linear(dim, len(v)) for k, v in tasks.items()})
drop = torch.nn.Dropout(0.1)
enc_params = [p for p in model.parameters() if p.requires_grad]
opt = torch.optim.AdamW(
    [{"params": enc_params, "lr": 3e-5}, {"params": heads.parameters(), "lr": 1e-3}],
    weight_decay=0.01,
)
texts = ["query: " + t for t in ft_texts]
lengths = np.array([len(t) for t in texts])
n = len(texts)
steps_per_epoch = n // 32
total = int(steps_per_epoch * EPOCHS)
warm = int(0.06 * total)
sched = torch.optim.lr_scheduler.LambdaLR(
    opt, lambda s: (s + 1) / (warm + 1) if s < warm else max(total - s, 0) / max(total - warm, 1)
)


def epoch_batches():
    """One epoch of length-bucketed, shuffled batches of 32 row indices."""
    order = rng.permutation(n)
    # bucket by length inside chunks of 50 batches, then shuffle the batches
    out = []
    for c in range(0, n, 32 * 50):
        chunk = order[c : c + 32 * 50]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        out += [chunk[i : i + 32] for i in range(0, len(chunk) - 31, 32)]
    rng.shuffle(out)
    return out


step = 0
t0 = time.time()
model.train()
heads.train()
batches = []
while len(batches) < total:
    batches += epoch_batches()
for batch in batches[:total]:
    feats = model.preprocess([texts[i] for i in batch])
    emb = model(feats)["sentence_embedding"]
    emb = drop(emb)
    loss = sum(torch.nn.functional.cross_entropy(heads[k](emb), ys[k][batch]) for k in tasks)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(enc_params, 1.0)
    opt.step()
    sched.step()
    step += 1
    if step % 50 == 0:
        print(f"step {step}/{total} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
model.eval()
results["finetuned"] = evaluate(model, "finetuned")
results["train_seconds"] = round(time.time() - t0)
results["epochs"] = EPOCHS
json.dump(results, open(OUT, "w"), indent=1)
model.save(OUT.replace(".json", "_model"))

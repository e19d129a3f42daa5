"""Device check (session 9): the banking77 k = 10 SetFit protocol with the fine-tuning on CUDA.

Run on a GPU machine from the repository root, with the banking77 files copied to
.xfer/b77/ and the prepared fp32 encoder in models/encoders/.
"""

import json
import time
from pathlib import Path

from voc.classify.evaluate import fewshot_evaluate

t = time.time()
r = fewshot_evaluate(
    Path(".xfer/b77/train.csv"),
    Path(".xfer/b77/test.csv"),
    text_col="text",
    label_col="category",
    k=10,
    seeds=(0, 1, 2),
    method="setfit",
    encoder="e5-small",
)
r["wall_seconds"] = round(time.time() - t, 1)
print(json.dumps(r, indent=1, default=str))

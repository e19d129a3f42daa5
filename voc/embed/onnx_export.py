"""Export the converted encoder to ONNX and quantise it to int8 with ONNX Runtime's own tools.

Steps: ``torch.onnx.export`` (TorchScript exporter) of ``BertModel`` plus masked mean
pooling, ONNX Runtime's transformer graph optimiser (LayerNorm/GELU/attention fusions), then
``onnxruntime.quantization.quantize_dynamic`` with per-channel int8 weights for the MatMuls
and the word-embedding Gather, then :func:`per_row_activations`: ONNX Runtime quantises
activations per *tensor* at run time, so a text's vector moved with the other texts of its
batch (and the padding); the rewrite quantises each token's activations on its own, which
makes every vector independent of batching and is closer to float32 (see docs/ENCODER.md).
"""

from __future__ import annotations

import collections
import logging
import shutil
import tempfile
import warnings
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

__all__ = ["export_int8_onnx", "per_row_activations"]

_OPSET = 17
_ROW = "per_row"  # prefix of the tensors and nodes the rewrite adds


@contextmanager
def _quiet_root_logger():
    """Hide the quantiser's advice to pre-process, logged on the root logger, for one call."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def _export_fp32(model_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), dtype=torch.float32).eval()

    class _MeanPooled(torch.nn.Module):
        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)[0]
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)

    wrapper = _MeanPooled(model).eval()
    ids = torch.tensor([[0, 6, 2], [0, 6, 1]], dtype=torch.long)
    mask = torch.tensor([[1, 1, 1], [1, 1, 0]], dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with torch.inference_mode(), warnings.catch_warnings():
        # The TorchScript exporter warns about tracing Python control flow that does not
        # depend on the inputs' values; nothing a user can act on.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapper,
            (ids, mask),
            str(target),
            input_names=["input_ids", "attention_mask"],
            output_names=["sentence_embedding"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "sentence_embedding": {0: "batch"},
            },
            opset_version=_OPSET,
            dynamo=False,
        )


def _row_quantiser(node, scale: str):
    """Nodes replacing one ``DynamicQuantizeLinear``: symmetric uint8 per row of the last axis.

    ``q = round(x / s) + 128`` with ``s = max(|x|) / 127`` over each token's hidden vector, so
    ``q`` lies in 1..255 and the zero point is the constant 128.
    """
    from onnx import TensorProto, helper

    x, quantised = node.input[0], node.output[0]
    p = f"{node.name}_{_ROW}"
    return [
        helper.make_node("Abs", [x], [f"{p}_abs"], name=f"{p}_abs"),
        helper.make_node(
            "ReduceMax", [f"{p}_abs"], [f"{p}_amax"], name=f"{p}_amax", axes=[-1], keepdims=1
        ),
        helper.make_node("Max", [f"{p}_amax", f"{_ROW}_eps"], [f"{p}_amaxc"], name=f"{p}_amaxc"),
        helper.make_node("Div", [f"{p}_amaxc", f"{_ROW}_127"], [scale], name=f"{p}_scale"),
        helper.make_node("Div", [x, scale], [f"{p}_div"], name=f"{p}_div"),
        helper.make_node("Round", [f"{p}_div"], [f"{p}_round"], name=f"{p}_round"),
        helper.make_node("Add", [f"{p}_round", f"{_ROW}_128f"], [f"{p}_shift"], name=f"{p}_shift"),
        helper.make_node(
            "Cast", [f"{p}_shift"], [quantised], name=f"{p}_cast", to=TensorProto.UINT8
        ),
    ]


def per_row_activations(model_path: str | Path, target: str | Path) -> int:
    """Rewrite a ``quantize_dynamic`` graph so activations are quantised per token, not per tensor.

    ``quantize_dynamic`` puts a ``DynamicQuantizeLinear`` before each int8 MatMul: one scale
    and zero point for the whole ``[batch, tokens, hidden]`` tensor, so padding and batch mates
    change every text's result. Each one becomes a per-row symmetric quantiser
    (:func:`_row_quantiser`); the ``Mul(a_scale, b_scale)`` that rescales the int32 product
    keeps the per-channel weight scale only (multiplied by a scalar one, the shape ONNX
    Runtime's ``MatMulIntegerToFloat`` fusion expects, whose ``a_scale`` cannot be per row),
    and a ``Mul`` by the row scale follows the product instead.

    Args:
        model_path: The ``quantize_dynamic`` output.
        target: Where to write the rewritten model.

    Returns:
        The number of quantisers rewritten.
    """
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(model_path))
    graph = model.graph
    consumers = collections.defaultdict(list)
    for node in graph.node:
        for name in node.input:
            consumers[name].append(node)
    quantisers = [n for n in graph.node if n.op_type == "DynamicQuantizeLinear"]
    row_scale = {n.output[1]: f"{n.output[1]}_{_ROW}" for n in quantisers}
    zero_points = {n.output[2] for n in quantisers}
    rescale_after: dict[str, str] = {}
    nodes = []
    for node in graph.node:
        if node.op_type == "DynamicQuantizeLinear":
            nodes.extend(_row_quantiser(node, row_scale[node.output[1]]))
            continue
        if node.op_type == "Mul" and node.input[0] in row_scale:
            scale = row_scale[node.input[0]]
            node.input[0] = f"{_ROW}_one"
            for consumer in consumers[node.output[0]]:
                rescale_after[consumer.name] = scale
        for i, name in enumerate(node.input):
            if name in zero_points:
                node.input[i] = f"{_ROW}_zp"
        nodes.append(node)
        if node.name in rescale_after:
            out = node.output[0]
            node.output[0] = f"{out}_{_ROW}_unscaled"
            nodes.append(
                helper.make_node(
                    "Mul",
                    [node.output[0], rescale_after[node.name]],
                    [out],
                    name=f"{node.name}_{_ROW}_rescale",
                )
            )
    if len(rescale_after) < len(quantisers):
        raise RuntimeError("unexpected graph: a quantiser's scale does not feed a rescaling Mul")
    constants = {
        "zp": np.array(128, dtype=np.uint8),
        "128f": np.array(128.0, dtype=np.float32),
        "127": np.array(127.0, dtype=np.float32),
        "eps": np.array(1e-8, dtype=np.float32),
        "one": np.array(1.0, dtype=np.float32),
    }
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(
        numpy_helper.from_array(value, f"{_ROW}_{key}") for key, value in constants.items()
    )
    onnx.checker.check_model(model)
    onnx.save(model, str(target))
    return len(quantisers)


def export_int8_onnx(
    model_dir: str | Path,
    out_dir: str | Path,
    *,
    on_step: Callable[[str], None] | None = None,
) -> Path:
    """Build ``out_dir/model.onnx`` (int8) and copy the tokenizer from ``model_dir``.

    Args:
        model_dir: A converted sentence-transformers directory (``BertModel`` weights).
        out_dir: Target directory (replaced if it exists).
        on_step: Optional callback told the name of each step as it starts.

    Returns:
        ``out_dir`` as a :class:`~pathlib.Path`.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    step = on_step or (lambda _name: None)
    model_dir, out_dir = Path(model_dir), Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        step("export ONNX")
        fp32 = work / "fp32.onnx"
        _export_fp32(model_dir, fp32)
        step("optimise graph")
        fused = optimizer.optimize_model(
            str(fp32), model_type="bert", num_heads=0, hidden_size=0, opt_level=1
        )
        optimised = work / "optimised.onnx"
        fused.save_model_to_file(str(optimised))
        del fused
        fp32.unlink()
        step("quantise int8")
        final = work / "final"
        final.mkdir()
        per_tensor = work / "per_tensor.onnx"
        with _quiet_root_logger():
            quantize_dynamic(
                str(optimised),
                str(per_tensor),
                weight_type=QuantType.QInt8,
                per_channel=True,
                op_types_to_quantize=["MatMul", "Gather"],
                extra_options={
                    "MatMulConstBOnly": True,
                    "DefaultTensorType": onnx.TensorProto.FLOAT,
                },
            )
        optimised.unlink()
        step("quantise activations per row")
        per_row_activations(per_tensor, final / "model.onnx")
        per_tensor.unlink()
        for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
            shutil.copy2(model_dir / name, final / name)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        final.rename(out_dir)
        out_dir.chmod(0o755)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return out_dir

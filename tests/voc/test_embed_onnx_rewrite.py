"""The per-row activation rewrite of the int8 export, on a tiny two-layer graph."""

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from voc.embed.onnx_export import per_row_activations  # noqa: E402

_HIDDEN, _OUT = 16, 12


def _float_model(path, seed=0):
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    w1 = rng.normal(size=(_HIDDEN, _HIDDEN)).astype(np.float32)
    w2 = rng.normal(size=(_HIDDEN, _OUT)).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["x", "w1"], ["h"], name="layer1/MatMul"),
            helper.make_node("Relu", ["h"], ["r"], name="relu"),
            helper.make_node("MatMul", ["r", "w2"], ["y"], name="layer2/MatMul"),
        ],
        "tiny",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "tokens", _HIDDEN])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", "tokens", _OUT])],
        [numpy_helper.from_array(w1, "w1"), numpy_helper.from_array(w2, "w2")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.save(model, str(path))
    return w1, w2


def _quantised(tmp_path):
    from onnxruntime.quantization import QuantType, quantize_dynamic

    w1, w2 = _float_model(tmp_path / "float.onnx")
    quantize_dynamic(
        str(tmp_path / "float.onnx"),
        str(tmp_path / "per_tensor.onnx"),
        weight_type=QuantType.QInt8,
        per_channel=True,
        extra_options={"MatMulConstBOnly": True},
    )
    return w1, w2


def _session(path, level="ORT_ENABLE_ALL"):
    options = ort.SessionOptions()
    options.graph_optimization_level = getattr(ort.GraphOptimizationLevel, level)
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def _inputs(seed=1):
    rng = np.random.default_rng(seed)
    small = rng.normal(scale=0.1, size=(1, 3, _HIDDEN)).astype(np.float32)
    loud = rng.normal(scale=50.0, size=(1, 3, _HIDDEN)).astype(np.float32)
    return small, loud


@pytest.mark.parametrize("level", ["ORT_ENABLE_ALL", "ORT_DISABLE_ALL"])
def test_rewritten_rows_do_not_depend_on_their_batch_mates(tmp_path, level):
    _quantised(tmp_path)
    count = per_row_activations(tmp_path / "per_tensor.onnx", tmp_path / "per_row.onnx")
    assert count == 2
    small, loud = _inputs()
    for name, same in (("per_tensor.onnx", False), ("per_row.onnx", True)):
        session = _session(tmp_path / name, level)
        alone = session.run(None, {"x": small})[0]
        together = session.run(None, {"x": np.concatenate([small, loud])})[0][:1]
        # Per tensor, the loud batch mate sets the scale and wipes out the small row.
        assert np.allclose(alone, together, rtol=1e-5, atol=1e-6) is same, name


def test_rewritten_model_stays_close_to_float(tmp_path):
    w1, w2 = _quantised(tmp_path)
    per_row_activations(tmp_path / "per_tensor.onnx", tmp_path / "per_row.onnx")
    small, loud = _inputs()
    x = np.concatenate([small, loud])
    expected = np.maximum(x @ w1, 0) @ w2
    got = _session(tmp_path / "per_row.onnx").run(None, {"x": x})[0]
    # Each row's error is small against that row's own size, quiet rows included.
    row_error = np.abs(got - expected).max(axis=-1) / np.abs(expected).max(axis=-1)
    assert row_error.max() < 0.05


def test_a_graph_without_quantisers_is_left_as_it_is(tmp_path):
    _float_model(tmp_path / "float.onnx")
    assert per_row_activations(tmp_path / "float.onnx", tmp_path / "same.onnx") == 0
    small, _ = _inputs()
    a = _session(tmp_path / "float.onnx").run(None, {"x": small})[0]
    b = _session(tmp_path / "same.onnx").run(None, {"x": small})[0]
    np.testing.assert_array_equal(a, b)

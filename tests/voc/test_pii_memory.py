"""Redaction keeps memory bounded: unseen words do not pile up in spaCy's vocabulary."""

from __future__ import annotations

import random
import string

import pytest

from voc.pii import component
from voc.pii.component import build_pipeline, pipe_redactions
from voc.pii.types import Redaction


def _fresh_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))

    return [
        f"pesanan {rng.randint(10**9, 10**10)} atas nama {word().title()} {word()} belum "
        f"sampai, hubungi 08{rng.randint(10**9, 10**10)} ya {word()}"
        for _ in range(n)
    ]


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def test_unseen_words_leave_no_strings_behind(monkeypatch):
    nlp = build_pipeline()
    monkeypatch.setattr(component, "_ZONE_TEXTS", 50)
    monkeypatch.setattr(component, "_WARM_TEXTS", 10)
    pipe_redactions(nlp, _fresh_texts(30, seed=1))  # spends the warm budget
    before = len(nlp.vocab.strings)
    results = pipe_redactions(nlp, _fresh_texts(400, seed=2))
    assert len(results) == 400
    assert all("[NAME]" in r.text and "[PHONE]" in r.text for r in results)
    # 400 texts hold about 2,000 new words; none of them stays.
    assert len(nlp.vocab.strings) == before


def test_only_the_first_texts_of_a_pipeline_fill_the_cache(monkeypatch):
    nlp = build_pipeline()
    monkeypatch.setattr(component, "_WARM_TEXTS", 20)
    start = len(nlp.vocab.strings)
    pipe_redactions(nlp, _fresh_texts(15, seed=3))
    after_warm = len(nlp.vocab.strings)
    assert after_warm > start  # the warm texts stay (bounded by _WARM_TEXTS)
    pipe_redactions(nlp, _fresh_texts(15, seed=4))  # 5 more warm texts, then zones
    after_mixed = len(nlp.vocab.strings)
    pipe_redactions(nlp, _fresh_texts(200, seed=5))
    assert len(nlp.vocab.strings) == after_mixed


def test_zones_change_no_redaction(nlp, monkeypatch):
    monkeypatch.setattr(component, "_ZONE_TEXTS", 7)
    texts = _fresh_texts(40, seed=6) + [
        "WA saya 0812-3456-7890, a.n. Budi Santoso, Jl. Melati No. 5 RT 02/RW 03",
        "resi JP1234567890 dan INV/20260512/0001 bukan data pribadi",
    ]
    plain = [Redaction(text=doc._.redacted, spans=doc._.pii_spans) for doc in nlp.pipe(list(texts))]
    assert pipe_redactions(nlp, texts) == plain


def test_the_shared_pipeline_is_renewed_after_its_quota(monkeypatch):
    # spaCy's lexeme index keeps growing slowly even inside memory zones (evicted entries
    # still count towards its load), so the shared pipeline is replaced every so often.
    monkeypatch.setattr(component, "_RENEW_TEXTS", 50)
    monkeypatch.setattr(component, "_shared", [])
    texts = _fresh_texts(120, seed=7) + ["hubungi Budi Santoso di 0812-3456-7890 ya"]
    expected = pipe_redactions(build_pipeline(), texts)

    first = component._default_pipeline()
    assert component._default_pipeline() is first  # kept while under the quota
    results = component.redact_batch(texts)  # 121 texts: three pipelines, one call
    assert results == expected
    third = component._default_pipeline()
    assert third is not first
    assert component._states[third].texts_done == 21
    component.redact("nomor saya 0812-3456-7890")
    assert component._default_pipeline() is third


def test_a_pipeline_with_other_components_runs_them_too():
    # build_pipeline()'s pipelines are run directly (tokenizer + redactor); any other
    # pipeline goes through nlp.pipe, so its own components still run.
    nlp = build_pipeline()
    nlp.add_pipe("sentencizer", first=True)
    texts = ["Nama saya Budi Santoso. Hp 0812-3456-7890.", "resi JP1234567890 ya kak"]
    assert pipe_redactions(nlp, texts) == pipe_redactions(build_pipeline(), texts)
    seen = []

    from spacy.language import Language

    @Language.component("voc_test_seen")
    def _seen(doc):
        seen.append(doc.text)
        return doc

    nlp.add_pipe("voc_test_seen")
    pipe_redactions(nlp, texts)
    assert seen == texts


def test_threads_sharing_a_pipeline_get_what_one_thread_gets(monkeypatch):
    # A memory zone frees the words added while it is open, also another thread's: without
    # the pipeline lock this failed with spaCy's E018 or a tokenizer SystemError.
    import threading

    nlp = build_pipeline()
    monkeypatch.setattr(component, "_ZONE_TEXTS", 20)
    monkeypatch.setattr(component, "_WARM_TEXTS", 0)
    work = {
        (thread, r): _fresh_texts(600, seed=10 * thread + r) for thread in (0, 1) for r in (0, 1)
    }
    expected = {key: pipe_redactions(nlp, texts) for key, texts in work.items()}
    problems: list = []

    def run(thread: int) -> None:
        try:
            for r in (0, 1):
                if pipe_redactions(nlp, work[(thread, r)], batch_size=16) != expected[(thread, r)]:
                    problems.append((thread, r))
        except Exception as exc:  # noqa: BLE001 - the failure is what the test reports
            problems.append(repr(exc))

    threads = [threading.Thread(target=run, args=(thread,)) for thread in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    assert component._states[nlp].texts_done == 2 * 4 * 600

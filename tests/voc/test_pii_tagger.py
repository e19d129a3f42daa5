"""The statistical name tagger (voc.pii.name_tagger) and its training (voc.pii.tagger_train)."""

import json

import pytest

from voc.pii import redact
from voc.pii.name_tagger import load_tagger, model_path, tag_names, tagger_disabled
from voc.pii.tagger_train import build_tagger, development_files

# Names in running text that no cue rule announces: the tagger's reason to exist.
UNANNOUNCED = [
    ("udah 3x komplain, Agus yg terakhir angkat telpon malah ketawa", "Agus"),
    ("pas di lobby ketemu Yusuf, dia yg bantu angkat koper", "Yusuf"),
    ("Kurir hari ini Andi, ramah banget", "Andi"),
    ("Yang bantu saya waktu itu Fitri, sabar banget jelasinnya", "Fitri"),
]

# Words that are also given names, used as words, product variants, shops or months.
LOOK_ALIKES = [
    "hari ini bagus banget pelayanannya",
    "Made in Japan tapi kok cepet rusak",
    "varian Rose Gold habis terus",
    "Beli di Toko Sinar Jaya, garansinya cuma 3 bulan",
    "I hope this gets fixed soon",
    "sejak April belum ada perbaikan",
    "Will there be a refund for the cancelled flight?",
    "bintang 5 deh buat kurirnya",
    "SIM card nya gak kebaca setelah update",
]


def test_the_shipped_tagger_loads_with_its_threshold():
    tagger = load_tagger()
    assert tagger is not None
    data = json.loads(model_path().read_text("utf-8"))
    assert tagger.threshold == data["threshold"]
    assert 0.5 <= tagger.threshold < 1.0
    assert len(tagger.weights) > 100


@pytest.mark.parametrize(("text", "name"), UNANNOUNCED)
def test_tagger_finds_names_the_rules_miss(text, name):
    with tagger_disabled():
        assert name in redact(text).text
    result = redact(text)
    assert name not in result.text
    assert [s.type for s in result.spans] == ["NAME"]
    assert text[result.spans[0].start : result.spans[0].end] == name


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_tagger_leaves_name_like_words_alone(text):
    assert redact(text).spans == ()


def test_a_tagged_given_name_takes_the_surname_written_like_it():
    text = "udah 3x komplain, Agus Wibowo yg terakhir angkat telpon malah ketawa"
    spans = redact(text).spans
    assert [text[s.start : s.end] for s in spans] == ["Agus Wibowo"]


def test_words_inside_spans_of_other_detectors_are_skipped():
    text, name = UNANNOUNCED[0]
    start = text.index(name)
    assert tag_names(text) == [(start, start + len(name), "NAME")]
    assert tag_names(text, [(start - 3, start + len(name), "ADDRESS")]) == []


def test_disabled_inside_the_block_only():
    text, _ = UNANNOUNCED[1]
    with tagger_disabled():
        assert tag_names(text) == []
    assert tag_names(text) != []


@pytest.mark.parametrize("text", [t for t, _ in UNANNOUNCED])
def test_redaction_stays_idempotent_with_the_tagger(text):
    once = redact(text).text
    assert redact(once).text == once


def test_training_never_reads_the_blind_files():
    names = [p.name for p in development_files()]
    assert names and not any(n.startswith("heldout") for n in names)


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_weights(tmp_path):
    out = tmp_path / "name_tagger.json"
    stats = build_tagger(out)
    assert stats["positives"] > 500
    assert json.loads(out.read_text("utf-8")) == json.loads(model_path().read_text("utf-8"))

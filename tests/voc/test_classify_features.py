"""model_text: the text the classifier's features read."""

import re

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PESANAN TERLAMBAT PARAH!!", "pesanan terlambat parah!!"),
        (
            "paket TELAT BANGET, kurirnya gak ada kabar",
            "paket telat banget, kurirnya gak ada kabar",
        ),
        ("OTP tidak masuk ke HP saya", "otp tidak masuk ke hp saya"),
        ("Hubungi [NAME] di [PHONE] ya", "Hubungi [NAME] di [PHONE] ya"),  # placeholders stay
        ("SALDO [ACCOUNT] HILANG", "saldo [ACCOUNT] hilang"),
        (
            "iPhone 15 dari Jakarta, order INV/2026/001",
            "iPhone 15 dari Jakarta, order inv/2026/001",
        ),
        ("A B C 4G", "A B C 4G"),  # single letters and letter-digit tokens stay
        ("ÜBER SCHÖN", "über schön"),
        ("lamaaa bangettt, pleaseeee", "lama banget, please"),  # stretched letters
        ("LAMAAAA BGTTT!!!", "lama bgt!!!"),
        ("maaf, sudah 3333 kali", "maaf, sudah 3333 kali"),  # two in a row and digits stay
        ("", ""),
    ],
)
def test_model_text_lower_cases_words_in_capitals_only(text, expected):
    from voc.classify.features import model_text

    assert model_text(text) == expected


def test_model_text_fast_paths_equal_the_plain_rule_on_the_corpus():
    """The cheap pre-checks skip texts, never change the result."""
    import re

    from voc.classify.corpus import load_corpus
    from voc.classify.features import model_text

    def plain(text: str) -> str:  # the rule written out: words in capitals, stretched letters
        words = re.sub(
            r"(?<!\[)\b[^\W\d_]{2,}\b(?!\])",
            lambda m: m.group(0).lower() if m.group(0).isupper() else m.group(0),
            text,
        )
        return re.sub(r"([^\W\d_])\1{2,}", r"\1", words)

    texts = load_corpus()["text"].tolist()
    texts += [t.upper() for t in texts] + [
        "ÇA VA BIEN",
        "Straße GROẞ",
        "x_AAA_y 1111 ééé",
        "ПРИВЕТ 👍",
    ]
    assert [model_text(t) for t in texts] == [plain(t) for t in texts]


def test_robustness_variants_rewrite_as_named_and_repeat_for_a_seed():
    from voc.classify.robustness import VARIANTS, perturb

    texts = ["Paket saya telat, kurirnya gak ada kabar!", "The app crashed; please fix it."]
    assert perturb(texts, "as_written") == texts
    assert perturb(texts, "capitals") == [t.upper() for t in texts]
    assert perturb(texts, "lower_case") == [t.lower() for t in texts]
    assert perturb(texts, "no_punctuation")[1] == "The app crashed please fix it"
    for variant in VARIANTS:
        assert perturb(texts, variant, seed=3) == perturb(texts, variant, seed=3)
    stretched = perturb(texts * 20, "stretched_letters")
    assert any(re.search(r"([a-z])\1{3}", t) for t in stretched)  # some words stretched
    assert all(t.replace(" ", "") for t in stretched)
    part = perturb(texts * 20, "capitals_40pct_of_words")
    assert any(w.isupper() for t in part for w in t.split()) and part != [
        t.upper() for t in texts * 20
    ]


def test_robustness_report_scores_each_variant_against_the_same_labels():
    import pandas as pd

    from voc.classify.robustness import VARIANTS, robustness_report

    class EchoesCase:  # a fake model: right only on texts with a lower-case letter
        def predict(self, texts, aspects=False):
            ok = [any(c.islower() for c in t) for t in texts]
            return pd.DataFrame(
                {
                    "topic": ["a" if k else "x" for k in ok],
                    "touchpoint": ["b" if k else "x" for k in ok],
                    "sentiment": ["negative" if k else "x" for k in ok],
                }
            )

    frame = pd.DataFrame(
        {"text": ["paket telat", "app crash"], "topics": ["a|c", "a"], "touchpoint": "b",
         "sentiment": "negative"}
    )  # fmt: skip
    report = robustness_report(EchoesCase(), frame)
    assert report["n"] == 2 and set(report["variants"]) == set(VARIANTS)
    assert report["variants"]["as_written"] == {"topic": 1.0, "touchpoint": 1.0, "sentiment": 1.0}
    assert report["variants"]["capitals"]["topic"] == 0.0


def test_report_shows_the_robustness_table(tmp_path):
    from voc.classify.report import write_report

    results = {
        "eval_dir": str(tmp_path),
        "available": True,
        "model_version": "default/v1",
        "encoder": "e5-small-int8",
        "robustness": {
            "n": 2633,
            "variants": {
                "as_written": {"topic": 0.744, "touchpoint": 0.757, "sentiment": 0.923},
                "capitals": {"topic": 0.741, "touchpoint": 0.76, "sentiment": 0.92},
            },
        },
    }
    text = write_report(results, tmp_path / "EVAL.md").read_text(encoding="utf-8")
    assert "## Robustness" in text and "2,633 of our own rows" in text
    assert "| capitals | 0.741 | 0.760 | 0.920 |" in text.splitlines()

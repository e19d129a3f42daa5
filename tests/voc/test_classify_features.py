"""model_text: the text the classifier's features read."""

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

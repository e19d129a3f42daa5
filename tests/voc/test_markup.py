"""Message bodies exported as HTML are read as their words; plain text is left alone."""

import pytest

from voc.ingest.markup import plain_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<p>Paket belum sampai</p><br>Sudah 3 hari", "Paket belum sampai\nSudah 3 hari"),
        ("Refund &amp; retur lama", "Refund & retur lama"),
        ('<div style="color:red">Halo&nbsp;kak,<br/>refund?</div>', "Halo kak,\nrefund?"),
        ("<p>Aplikasi <b>error</b> terus</p><style>p {color: red}</style>", "Aplikasi error terus"),
        ("<ul><li>kurir telat</li><li>CS lambat</li></ul>", "kurir telat\nCS lambat"),
        ("<p>I <3 this app</p>", "I <3 this app"),
        ("<br>", ""),
    ],
)
def test_html_becomes_its_words(text, expected):
    assert plain_text(text) == (expected, True)


@pytest.mark.parametrize(
    "text",
    [
        "I <3 this app",
        "harga < 50rb dan > 20rb",
        "AT&T jelek",
        "nilai <5 bintang>",
        "pakai tag <kode> di voucher",
        "R&D team, Q&A session",
    ],
)
def test_plain_text_is_left_alone(text):
    assert plain_text(text) == (text, False)

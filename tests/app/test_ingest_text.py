"""The ingest's English warnings and file errors are shown in Indonesian on the Data page.

Every sentence is produced by a real ingest here, so a change in the library's wording that
the app's patterns no longer match fails this test instead of showing English in the UI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest

from app_support.ingest_text import _ERRORS, _WARNINGS, localized, localized_error
from voc.errors import VocError
from voc.ingest import ingest_file

NASTY = Path(__file__).resolve().parents[1] / "data" / "nasty"


def _files(tmp_path: Path) -> list[Path]:
    """Files that give every warning the ingest writes, each once or more."""
    made = {
        "stray.csv": b"text\nkopi caf\xc3\xa9 enak\nharga naik \x92 lagi\n",
        "latin1.csv": b"text\nharga naik \x81 lagi \xe9 ok\n",
        "gb.csv": "text\n快递太慢了，客服也不回复消息\n退款什么时候到账\n".encode("gb18030"),
        "nul.csv": b"id,text,extra\nN-1,Paket\x00 telat,x\n",
        "stars.csv": (
            "text,rating,nps\nMantap,★★★★☆,10 - Extremely likely\nOke,Puas,8\nHalo,Offered,\n"
        ).encode(),
        "html.csv": b"text\n<p>Paket belum sampai</p>\n",
        "lines.txt": b"Paket saya belum sampai juga, sudah seminggu\nCS ramah sekali\n",
        "short_header.csv": b"id,text\n1,Paket telat,app\n2,Refund lama,web\n3,Ok,chat,\n",
        "us_form.csv": b"Timestamp,Feedback\n5/13/2026 9:00:00,Refund lama\n",
        "unix.json": json.dumps(
            [{"id": "U-1", "text": "Refund", "created_at": 1714000000}]
        ).encode(),
        "first.csv": "".join(
            ["id,text\n", *(f"{i},Paket telat {i}\n" for i in range(12))]
        ).encode(),
        "second.csv": "".join(
            ["id,text\n", *(f"{i},Refund belum masuk {i}\n" for i in range(12))]
        ).encode(),
    }
    paths = []
    for name, content in made.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    book = openpyxl.Workbook()
    book.active.title = "Mei"
    book.active.append(["id", "keluhan"])
    book.active.append(["M-1", "Paket telat"])
    book.create_sheet("Angka").append(["a", "b"])
    book.save(tmp_path / "book.xlsx")
    paths.append(tmp_path / "book.xlsx")
    return [*paths, NASTY / "report_with_title.csv", NASTY / "export.zip", NASTY / "cp1252.csv",
            NASTY / "chat_export.txt"]  # fmt: skip


def test_every_ingest_warning_is_shown_in_indonesian(db_engine, stub_stages, tmp_path):
    warnings = []
    for path in _files(tmp_path):
        warnings += ingest_file(path, engine=db_engine, **stub_stages).warnings
    matched = set()
    for warning in warnings:
        shown = localized(warning, "id")
        assert shown != warning, f"not translated: {warning}"
        assert localized(warning, "en") == warning
        matched |= {key for pattern, key in _WARNINGS if pattern.fullmatch(warning)}
    assert matched == {key for _, key in _WARNINGS}  # every pattern met a real warning
    by_key = {key: localized(w, "id") for w in warnings for p, key in _WARNINGS if p.fullmatch(w)}
    assert by_key["warn.numeric_dates"].startswith(
        "created_at berisi angka yang dibaca sebagai tanggal: 1 waktu Unix dalam detik (UTC);"
    )
    assert by_key["warn.skipped_table"].startswith(
        "book.xlsx[Angka] dilewati: Kolom teks tidak ditemukan di book.xlsx[Angka]."
    )
    assert by_key["warn.score_words"] == (
        "Skor berisi kata atau bintang, dibaca sebagai angka: csat 4 bintang (1 baris); "
        "nps 10 dengan label (1 baris); csat puas = 4 (1 baris); csat offered = tidak ada "
        "jawaban (1 baris)."
    )
    assert re.fullmatch(
        r"report_with_title\.csv: judul kolom ada di baris \d+; \d+ baris di atasnya .*",
        by_key["warn.title_lines"],
    )


@pytest.mark.parametrize("name", ["no_text_column.csv", "empty.csv", "page.html", "binary.bin"])
def test_common_file_errors_are_shown_in_indonesian(db_engine, stub_stages, name):
    with pytest.raises(VocError) as caught:
        ingest_file(NASTY / name, engine=db_engine, **stub_stages)
    message = caught.value.message
    assert any(pattern.fullmatch(message) for pattern, _ in _ERRORS), message
    shown = localized_error(message, "id")
    assert shown != message and shown.startswith(
        ("Kolom teks tidak ditemukan", f"{name} kosong", f"{name} adalah", f"{name} tampak")
    )
    assert localized_error(message, "en") == message


def test_an_unknown_sentence_is_shown_as_it_is():
    assert localized("Something new happened.", "id") == "Something new happened."
    assert localized_error("Something failed.", "id") == "Something failed."


@pytest.mark.parametrize(
    ("name", "content", "start"),
    [
        (
            "bank.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
            "bank.xlsx adalah workbook",
        ),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old.xls tampak seperti"),
        ("memo.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "memo.doc adalah berkas"),
    ],
)
def test_office_file_errors_are_shown_in_indonesian(db_engine, tmp_path, name, content, start):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(VocError) as caught:
        ingest_file(path, engine=db_engine)
    assert localized_error(caught.value.message, "id").startswith(start)

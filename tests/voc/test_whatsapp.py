"""The WhatsApp chat export reader (voc.ingest.whatsapp), on small exports of our own."""

import datetime as dt

import pytest

from voc.ingest.readers import open_sources
from voc.ingest.sniff import sniff_file
from voc.ingest.whatsapp import _contact, looks_like_whatsapp


def _rows(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kind = sniff_file(path)
    assert kind.format == "whatsapp"
    (source,) = open_sources(path, kind)
    assert source.columns == ["waktu", "pesan", "kanal"]
    return [(r.line, r.values["waktu"], r.values["pesan"]) for r in source.records], source.notes


@pytest.mark.parametrize(
    ("name", "contact"),
    [
        ("WhatsApp Chat with Budi Santoso.txt", "budisantoso"),
        ("WhatsApp Chat with Budi Santoso (1).txt", "budisantoso"),  # a second download
        ("WhatsApp Chat - Rina.txt", "rina"),  # iPhone
        ("Chat WhatsApp dengan +62 812-0000-4444.txt", "6281200004444"),
        ("export.txt", None),
    ],
)
def test_the_contact_comes_from_the_file_name(name, contact):
    assert _contact(name) == contact


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("12/03/26 14.05 - Budi: halo\n12/03/26 14.06 - Budi: lagi\n", True),
        # a long first message over the rest of the sample
        ("12/03/26 14.05 - Budi: halo\n" + "baris\n" * 30 + "12/03/26 14.06 - Budi: x\n", True),
        ("[3/12/26, 2:05:11\u202fPM] Rina: hi\n[3/12/26, 2:06:00\u202fPM] Rina: x\n", True),
        ("id,text\n1,Paket telat\n", False),
        ("12/03/2026,Paket telat\n13/03/2026,Oke\n", False),  # a CSV of dates
        ("Paket telat\n12/03/26 14.05 - Budi: halo\n", False),  # the first line has no stamp
    ],
)
def test_an_export_is_known_by_its_first_lines(text, found):
    assert looks_like_whatsapp(text) is found


def test_turns_split_at_a_reply_and_at_a_long_pause(tmp_path):
    rows, notes = _rows(
        tmp_path,
        "WhatsApp Chat with Budi.txt",
        [
            "01/04/2026 08:00 - Budi: pagi kak",
            "01/04/2026 08:01 - Budi: tagihan saya dobel",
            "01/04/2026 08:05 - CS Contoh: baik kak kami cek",
            "01/04/2026 08:40 - Budi: sudah kak?",
            "01/04/2026 09:30 - Budi: halo??",  # 50 minutes later: a new comment
        ],
    )
    assert rows == [
        (1, dt.datetime(2026, 4, 1, 8, 0), "pagi kak\ntagihan saya dobel"),
        (4, dt.datetime(2026, 4, 1, 8, 40), "sudah kak?"),
        (5, dt.datetime(2026, 4, 1, 9, 30), "halo??"),
    ]
    assert notes == (
        "a WhatsApp chat: 3 turn(s) of the customer read as comments; 1 message(s) of the "
        "business side, 0 system line(s) and 0 media or deleted-message placeholder(s) were "
        "not read as comments.",
    )


def test_us_times_and_an_unreadable_date_reach_the_validation(tmp_path):
    rows, _ = _rows(
        tmp_path,
        "WhatsApp Chat with Rina.txt",
        [
            "3/12/26, 12:30 AM - Rina: app crashed at midnight",
            "3/12/26, 9:15 PM - Contoh: sorry!",
            "3/12/26, 12:05 PM - Rina: still broken at noon",
            "2/31/26, 1:00 PM - Contoh: noted",
            "2/31/26, 1:10 PM - Rina: any news?",  # no such day: the stamp is passed on as text
        ],
    )
    assert rows == [
        (1, dt.datetime(2026, 3, 12, 0, 30), "app crashed at midnight"),
        (3, dt.datetime(2026, 3, 12, 12, 5), "still broken at noon"),
        (5, "2/31/26 1:10 PM", "any news?"),
    ]

"""WhatsApp chat exports (``WhatsApp Chat with Budi.txt``): the customer's turns as rows.

A chat exported from WhatsApp or WhatsApp Business ("Export chat", without media) is a text
file of messages, one per line, each opened by its time and sender:

    12/03/26 14.05 - Budi: Kak paket saya belum sampai        (Android, Indonesian)
    3/12/26, 2:05 PM - Budi: My parcel has not arrived        (Android, US English)
    [12/03/26 14.05.32] Budi: Kak paket saya belum sampai     (iPhone)

A message that spans lines continues on lines without that opening. The reader keeps the
customer's side of the conversation: consecutive messages of the customer (less than
:data:`TURN_GAP` apart, with no reply between them) are one comment, dated by its first
message. The customer is the contact the file is named after ("WhatsApp Chat with X",
"Chat WhatsApp dengan X"), or else the first sender. The business's replies, system lines
(encryption notices, group events) and media or deleted-message placeholders are not
comments; the table's notes count them. Sender names are not kept (they name people).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["TURN_GAP", "looks_like_whatsapp", "whatsapp_source"]

#: Messages of the customer further apart than this are separate comments.
TURN_GAP = dt.timedelta(minutes=30)

_MARKS = "\ufeff\u200e\u200f\u202a\u202c"
_STAMP = (
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}),?[ \u202f]"
    r"(?P<time>\d{1,2}[.:]\d{2}(?:[.:]\d{2})?(?:[ \u202f]?[AaPp]\.?[Mm]\.?)?)"
)
_LINE = re.compile(rf"(?:{_STAMP} - |\[{_STAMP.replace('?P<', '?P<i')}\] )(?P<rest>.*)", re.S)
_SENDER = re.compile(r"(?P<sender>[^:]{1,80}?): (?P<text>.*)", re.S)
_PLACEHOLDERS = re.compile(
    r"(?:<media omitted>|<media tidak disertakan>|<attached: [^>]*>|"
    r"(?:image|video|audio|sticker|gif|document|contact card) omitted|"
    r"(?:gambar|video|audio|stiker|gif|dokumen|kartu kontak) (?:tidak disertakan|dihapus)|"
    r"this message was deleted|you deleted this message|pesan ini (?:telah )?dihapus|"
    r"anda menghapus pesan ini|missed (?:voice|video) call|"
    r"panggilan (?:suara|video) tak terjawab|null)",
    re.I,
)
_CONTACT = re.compile(
    r"^(?:whatsapp chat (?:with|-)|chat whatsapp (?:dengan|-)|obrolan whatsapp dengan)\s+(.+)$",
    re.I,
)


def _stamp_of(line: str) -> re.Match[str] | None:
    return _LINE.match(line.lstrip(_MARKS))


def looks_like_whatsapp(text_start: str) -> bool:
    """Whether a text file's first lines are a WhatsApp chat export (most open with a stamp)."""
    lines = [line for line in text_start.splitlines() if line.strip()]
    if len(lines) > 1 and not text_start.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may cut the last line
    # the first line opens with a stamp, and another one does (a long first message may fill
    # the rest of the sample)
    stamped = sum(_stamp_of(line) is not None for line in lines)
    return bool(lines) and _stamp_of(lines[0]) is not None and stamped >= min(2, len(lines))


def _key(name: str) -> str:
    """A sender or contact name compared loosely (``+62 812-3456`` = ``+628123456``)."""
    return re.sub(r"[\s\-().+\u202f" + _MARKS + "]", "", name).casefold()


def _contact(file_name: str) -> str | None:
    stem = re.sub(r"\s*\(\d+\)$", "", Path(file_name).stem.strip())  # "... (1).txt" downloads
    match = _CONTACT.match(stem)
    return _key(match.group(1)) if match else None


def _parts(match: re.Match[str]) -> tuple[str, str]:
    date = match.group("date") or match.group("idate")
    time = match.group("time") or match.group("itime")
    return date, time


def _day_first(dates: list[str], times: list[str]) -> bool:
    """Day/month order of the export: from a number above 12, else from AM/PM (US)."""
    firsts, seconds = [], []
    for date in dates:
        a, b, _ = re.split(r"[/.-]", date)
        firsts.append(int(a))
        seconds.append(int(b))
    if any(n > 12 for n in firsts):
        return True
    if any(n > 12 for n in seconds):
        return False
    return not any(re.search(r"[AaPp]\.?[Mm]", t) for t in times)


def _when(date: str, time: str, day_first: bool) -> dt.datetime | None:
    a, b, year = (int(p) for p in re.split(r"[/.-]", date))
    day, month = (a, b) if day_first else (b, a)
    year += 2000 if year < 100 else 0
    clock = re.match(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?[ \u202f]?([AaPp])?", time)
    if clock is None:
        return None
    hour, minute, second = int(clock[1]), int(clock[2]), int(clock[3] or 0)
    if clock[4]:
        hour = hour % 12 + (12 if clock[4].lower() == "p" else 0)
    try:
        return dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _messages(text: str) -> Iterator[dict[str, Any]]:
    """Each message of the export, with its first line and raw lines.

    Keys: ``line``, ``date``, ``time``, ``rest`` (sender and text, or a system line) and
    ``lines``. Lines before the first stamped one (none in an export) are not a message.
    """
    current: dict[str, Any] | None = None
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        line = raw.rstrip("\r\n")
        match = _stamp_of(line)
        if match is not None:
            if current is not None:
                yield current
            date, time = _parts(match)
            current = {"line": number, "date": date, "time": time, "rest": match["rest"],
                       "lines": [raw]}  # fmt: skip
        elif current is not None:
            current["rest"] += "\n" + line
            current["lines"].append(raw)
    if current is not None:
        yield current


def whatsapp_source(path: Path, kind):
    """The customer's turns of a WhatsApp chat export as a table (``waktu, pesan, kanal``).

    Args:
        path: The ``.txt`` export (an archive's member is unpacked under its own name).
        kind: Its :class:`voc.ingest.sniff.FileKind` (encoding).
    """
    from voc.ingest.readers import RawRecord, TableSource

    text = path.read_text(encoding=kind.encoding, errors=kind.errors)
    messages = list(_messages(text))
    day_first = _day_first([m["date"] for m in messages], [m["time"] for m in messages])
    contact = _contact(path.name)
    system = business = placeholders = 0
    said: list[dict[str, Any]] = []
    for message in messages:
        sender = _SENDER.fullmatch(message["rest"])
        marked = sender is not None and sender["text"].startswith(tuple(_MARKS[1:]))
        if sender is None or (marked and not _PLACEHOLDERS.fullmatch(sender["text"].strip(_MARKS))):
            system += 1  # "Pesan dan panggilan terenkripsi ...", iPhone's marked notices
            continue
        message["who"] = _key(sender["sender"])
        message["text"] = sender["text"]
        # the sender's name is not kept, not even in a quarantined row's raw lines
        first = message["lines"][0]
        message["lines"][0] = first.replace(f"{sender['sender']}: ", "[pengirim]: ", 1)
        said.append(message)
    customer = contact if contact and any(m["who"] == contact for m in said) else None
    guessed = customer is None and bool(said)
    if guessed:
        customer = said[0]["who"]
    turns: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    for message in said:
        if message["who"] != customer:
            business += 1
            last = None
            continue
        words = message["text"].strip(_MARKS + " ")
        if _PLACEHOLDERS.fullmatch(words):
            placeholders += 1
            words = ""
        when = _when(message["date"], message["time"], day_first)
        joined = (
            last is not None
            and when is not None
            and last["end"] is not None
            and when - last["end"] <= TURN_GAP
        )
        if joined:
            last["texts"].append(words)
            last["lines"] += message["lines"]
            last["end"] = when
            continue
        last = {
            "line": message["line"],
            "when": when,
            "end": when,
            "texts": [words],
            "lines": list(message["lines"]),
            "stamp": f"{message['date']} {message['time']}",
        }
        turns.append(last)

    notes = []
    if guessed:
        notes.append(
            "the file name names no contact of the chat, so its first sender was read as the "
            "customer."
        )
    if business or system or placeholders:
        notes.append(
            f"a WhatsApp chat: {len(turns)} turn(s) of the customer read as comments; "
            f"{business} message(s) of the business side, {system} system line(s) and "
            f"{placeholders} media or deleted-message placeholder(s) were not read as comments."
        )

    def records() -> Iterator[RawRecord]:
        for turn in turns:
            words = "\n".join(t for t in turn["texts"] if t.strip())
            values = {"waktu": turn["when"] or turn["stamp"], "pesan": words, "kanal": "WhatsApp"}
            yield RawRecord(turn["line"], values, turn["lines"])

    return TableSource(path.name, ["waktu", "pesan", "kanal"], records(), notes=tuple(notes))

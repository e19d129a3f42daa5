"""The ingest's warnings and its most common file errors in the UI language.

The library writes its summaries in English (they also go to logs, `--json` output and the
CLI). The Data page shows them to CS teams whose UI is Indonesian, so each known sentence is
matched here and written again from the message catalogue (`warn.*` entries), its names and
numbers kept. A sentence not matched (a new one, or one whose wording changed) is shown as
it is; a test ingests files that produce every known sentence and checks each is matched.
"""

from __future__ import annotations

import re

from app_support.i18n import current_lang, t

__all__ = ["localized", "localized_error"]

#: (pattern of the English sentence, catalogue key); the groups fill the message.
_WARNINGS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"Some bytes are not valid UTF-8; they were decoded as cp1252 \(Windows-1252\)\."
        ),
        "warn.stray_cp1252",
    ),
    (re.compile(r"Decoded as (?P<encoding>\S+) \(detected\)\."), "warn.decoded_detected"),
    (re.compile(r"Decoded as latin-1 \(not UTF-8\)\."), "warn.latin1"),
    (re.compile(r"Decoded as cp1252 \(Windows-1252, not UTF-8\)\."), "warn.cp1252"),
    (
        re.compile(
            r"(?P<name>.+): the header is on line (?P<line>\d+); the (?:line above it was|"
            r"(?P<lines>\d+) lines above it were) read as a title, not as rows\."
        ),
        "warn.title_lines",
    ),
    (
        re.compile(
            r"(?P<name>.+): the header names (?P<width>\d+) columns but the first (?P<n>\d+) "
            r"rows each have (?P<found>\d+) fields: a column name is probably missing from the "
            r"header, and such rows are quarantined as ragged_row\."
        ),
        "warn.short_header",
    ),
    (
        re.compile(
            r"(?P<name>.+): no header and no delimiter were found: each line was read as one "
            r"comment\."
        ),
        "warn.plain_lines",
    ),
    (
        re.compile(
            r"(?P<name>.+): the file name names no contact of the chat, so its first sender "
            r"was read as the customer\."
        ),
        "warn.whatsapp_first_sender",
    ),
    (
        re.compile(
            r"(?P<name>.+): a WhatsApp chat: (?P<turns>\d+) turn\(s\) of the customer read as "
            r"comments; (?P<business>\d+) message\(s\) of the business side, (?P<system>\d+) "
            r"system line\(s\) and (?P<media>\d+) media or deleted-message placeholder\(s\) "
            r"were not read as comments\."
        ),
        "warn.whatsapp",
    ),
    (re.compile(r"Skipped (?P<name>.+?): (?P<reason>.+)", re.DOTALL), "warn.skipped_table"),
    (re.compile(r"Columns of (?P<name>.+) not used: (?P<columns>.+)\."), "warn.unused_columns"),
    (re.compile(r"Read (?P<member>.+) from the archive (?P<archive>.+)\."), "warn.archive"),
    (
        re.compile(
            r"NUL bytes were removed from the values of (?P<rows>[\d,]+) rows? "
            r"\(first: (?P<table>.+) line (?P<line>\d+)\)\."
        ),
        "warn.nul",
    ),
    (
        re.compile(r"Scores held words or stars, read as numbers: (?P<read>.+)\.", re.DOTALL),
        "warn.score_words",
    ),
    (
        re.compile(
            r"(?P<n>[\d,]+) texts? (?:was|were) HTML \(as help desks export message bodies\): "
            r"the markup was removed and the words kept\."
        ),
        "warn.markup",
    ),
    (
        re.compile(
            r"(?P<name>.+): created_at dates were read month first \(MM/DD/YYYY, US order\): "
            r"some have a second number above 12 \(such as 05/13/2026\) and none a first one\."
        ),
        "warn.month_first",
    ),
    (
        re.compile(
            r"created_at held numbers, read as dates: (?P<kinds>.+); Unix times are converted "
            r"to (?P<zone>\S+), serial days and YYYYMMDD are taken as \S+ time\. Check a few "
            r"rows against the source\."
        ),
        "warn.numeric_dates",
    ),
    (
        re.compile(
            r"(?P<conflicts>[\d,]+) of (?P<rows>[\d,]+) rows have the id of a stored row with "
            r"other content\. .*",
            re.DOTALL,
        ),
        "warn.id_collision",
    ),
]

#: The kinds of numbers read as dates, as the warning lists them.
_DATE_KINDS = {
    "Unix times in seconds (UTC)": "warn.kind.unix_seconds",
    "Unix times in milliseconds (UTC)": "warn.kind.unix_milliseconds",
    "YYYYMMDD numbers": "warn.kind.compact_date",
    "spreadsheet serial day numbers": "warn.kind.serial_days",
}
_DATE_KIND = re.compile(r"(?P<count>[\d,]+) (?P<kind>[^,]+?)(?=, [\d,]+ |$)")

#: Common file errors (the sentence; a hint is translated with it when it has a key).
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"No text column found in (?P<name>.+)\. Available columns: (?P<columns>.*)\."),
        "err.no_text_column",
    ),
    (re.compile(r"(?P<name>.+) is empty \(0 bytes\): there is no table to read\."), "err.empty"),
    (
        re.compile(r"(?P<name>.+) holds only whitespace: there is no table to read\."),
        "err.empty",
    ),
    (
        re.compile(r"(?P<name>.+) is an HTML page \(it starts with .*\), not a table\."),
        "err.html",
    ),
    (re.compile(r"(?P<name>.+) looks like binary data, not a table: .*"), "err.binary"),
    (
        re.compile(
            r"(?P<name>.+) is a password-protected \(encrypted\) Excel workbook, which cannot "
            r"be read without its password\."
        ),
        "err.encrypted",
    ),
    (
        re.compile(
            r"(?P<name>.+) is a legacy binary Office file that holds no workbook \(a \.doc, "
            r"\.ppt or \.msg file\?\), not a table\."
        ),
        "err.legacy_office",
    ),
    (
        re.compile(
            r"(?P<name>.+) (?:starts like an Excel 97-2003 workbook \(\.xls\) but is damaged|"
            r"cannot be read as an Excel 97-2003 workbook): .*"
        ),
        "err.damaged_xls",
    ),
]


_CSAT_ROWS = re.compile(
    r"\((?P<n>[\d,]+) rows?\)|(?P<stars>\d) stars|(?P<of>\d) of 5|(?P<label>\d+) with a label"
    r"|(?P<none>= no answer)|; (?P<more>\d+) more$"
)


def _csat_rows(match: re.Match[str]) -> str:
    if match["n"]:
        return f"({match['n']} baris)"
    if match["stars"]:
        return f"{match['stars']} bintang"
    if match["of"]:
        return f"{match['of']} dari 5"
    if match["label"]:
        return f"{match['label']} dengan label"
    if match["none"]:
        return "= tidak ada jawaban"
    return f"; {match['more']} lainnya"


def _dates(kinds: str) -> str:
    parts = []
    for match in _DATE_KIND.finditer(kinds):
        key = _DATE_KINDS.get(match["kind"])
        parts.append(f"{match['count']} {t(key) if key else match['kind']}")
    return ", ".join(parts) if parts else kinds


def localized(sentence: str, lang: str | None = None) -> str:
    """``sentence`` (an ingest warning) in the UI language; unknown sentences as they are."""
    if (lang or current_lang()) == "en":
        return sentence
    for pattern, key in _WARNINGS:
        if match := pattern.fullmatch(sentence):
            values = {k: v for k, v in match.groupdict().items() if v is not None}
            if key == "warn.title_lines":
                values["lines"] = values.get("lines", "1")
            if key == "warn.numeric_dates":
                values["kinds"] = _dates(values["kinds"])
            if key == "warn.score_words":
                values["read"] = _CSAT_ROWS.sub(_csat_rows, values["read"])
            if key == "warn.skipped_table":
                values["reason"] = localized_error(values["reason"], lang)
            return t(key, lang, **values)
    return sentence


def localized_error(message: str, lang: str | None = None) -> str:
    """A file error's sentence in the UI language; unknown sentences as they are."""
    if (lang or current_lang()) == "en":
        return message
    for pattern, key in _ERRORS:
        if match := pattern.fullmatch(message):
            return t(key, lang, **match.groupdict())
    return message

"""Recognise what a file holds (table format, text encoding) before any row is read.

A file that holds no table (empty, an HTML page, an image, a PDF, random bytes) raises
:class:`~voc.errors.NotATableError` naming what was found. Text encodings are found from the
byte-order mark first, then a strict UTF-8 pass over the whole file, then charset-normalizer.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from voc.errors import InputFileError, NotATableError

__all__ = ["FileKind", "sniff_file", "TEXT_FORMATS"]

TEXT_FORMATS = ("csv", "json", "jsonl")
_SAMPLE_BYTES = 256 * 1024
_READ_BLOCK = 1 << 20
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".parquet": "parquet",
    ".pq": "parquet",
}
# Magic numbers of common non-table files, checked on the first bytes.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # an OLE2 directory entry name
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^\s*(<!doctype\s+html|<html|<head|<body|<table|<div|<meta|<\?xml[^>]*>\s*<html)",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class FileKind:
    """What a file holds.

    Attributes:
        format: ``csv``, ``json``, ``jsonl``, ``xlsx``, ``xls`` (Excel 97-2003) or ``parquet``.
        encoding: Python codec for text formats (``None`` for binary formats).
        file_hash: SHA-256 of the file's bytes.
        size: Size in bytes.
        errors: Codec error handler: ``strict``, or ``voc_cp1252`` for UTF-8 files with a few
            stray Windows-1252 bytes (those bytes are decoded as cp1252).
        warnings: Notes for the ingest summary (e.g. bytes repaired while decoding).
    """

    format: str
    encoding: str | None
    file_hash: str
    size: int
    errors: str = "strict"
    warnings: tuple[str, ...] = ()


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: decode bytes that are not valid UTF-8 as cp1252 (latin-1 last)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    try:
        return bad.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return bad.decode("latin-1"), exc.end


codecs.register_error("voc_cp1252", _cp1252_fallback)


def _hash_and_check_utf8(path: Path) -> tuple[str, bool]:
    """Return the file's SHA-256 and whether every byte is valid UTF-8 (one streaming pass)."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    valid = True
    with path.open("rb") as handle:
        while block := handle.read(_READ_BLOCK):
            digest.update(block)
            if valid:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    valid = False
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return digest.hexdigest(), valid


def _utf16_without_bom(sample: bytes) -> str | None:
    """Guess UTF-16 LE/BE from the pattern of NUL bytes in mostly-ASCII text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / max(len(even), 1)
    odd_nul = odd.count(0) / max(len(odd), 1)
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


# Control codes a text export may carry by accident (a NUL pasted into one comment); the
# ingest removes NULs from values and says so. More than this many is binary data.
_STRAY_CONTROLS = 8


def _reject_control_bytes(sample: bytes, name: str) -> None:
    """Raise when the sample holds more control codes than stray ones: binary data.

    Binary means more than :data:`_STRAY_CONTROLS` NUL bytes, or more control codes than
    that and more than 1% of the bytes; text never has either.
    """
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    if sample.count(0) > _STRAY_CONTROLS or controls > max(_STRAY_CONTROLS, 0.01 * len(sample)):
        share = 100.0 * controls / len(sample)
        raise NotATableError(
            f"{name} looks like binary data, not a table: {share:.0f}% of its first "
            f"{len(sample):,} bytes are control codes"
            + (" (including NUL bytes)." if b"\x00" in sample else "."),
            hint="Export the data as CSV, XLSX, JSON(L) or Parquet.",
        )


def _legacy_encoding(sample: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Pick the codec of a file that is not UTF-8, or raise when it looks like binary data."""
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    # Mostly UTF-8 with a few stray Windows bytes (files pasted together): keep UTF-8 and decode
    # only the stray bytes as cp1252. Real cp1252 text almost never forms UTF-8 sequences.
    sequences = _UTF8_MULTIBYTE.findall(sample)
    high_bytes = len(sample) - len(sample.translate(None, bytes(range(0x80, 0x100))))
    stray = high_bytes - sum(len(m) for m in sequences)
    if sequences and len(sequences) >= stray:
        return "utf-8", (
            "Some bytes are not valid UTF-8; they were decoded as cp1252 (Windows-1252).",
        )
    best = from_bytes(sample).best()
    if best is None:
        raise NotATableError(
            f"{name} looks like binary data, not a table: its bytes do not decode as text "
            "in any known encoding.",
            hint="Export the data as CSV, XLSX, JSON(L) or Parquet.",
        )
    if is_multi_byte_encoding(best.encoding):
        return best.encoding, (f"Decoded as {best.encoding} (detected).",)
    # Short single-byte samples are ambiguous for detectors; Windows exports of Indonesian and
    # English text are cp1252 in practice, and latin-1 takes the 5 bytes cp1252 leaves undefined.
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1", ("Decoded as latin-1 (not UTF-8).",)
    return "cp1252", ("Decoded as cp1252 (Windows-1252, not UTF-8).",)


def _text_format(path: Path, text_start: str) -> str:
    """Pick csv/json/jsonl from the extension, else from the text (.txt and others).

    A WhatsApp chat export is ``whatsapp``; else the first character tells JSON from CSV.
    """
    suffix = _EXTENSIONS.get(path.suffix.lower())
    if suffix in TEXT_FORMATS:
        if suffix == "json" and text_start.startswith("{") and "\n{" in text_start:
            return "jsonl"
        return suffix
    stripped = text_start.lstrip()
    from voc.ingest.whatsapp import looks_like_whatsapp

    if looks_like_whatsapp(text_start.lstrip("\ufeff")):
        return "whatsapp"  # before "[": an iPhone export's lines open with "[12/03/26 ..."
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        return "jsonl" if "\n{" in stripped else "json"
    return "csv"


def _zip_kind(path: Path, name: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise NotATableError(
            f"{name} starts like a ZIP/XLSX file but is damaged: {exc}.",
            hint="Open it in a spreadsheet program and save it again as XLSX or CSV.",
        ) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    what = "an ODS spreadsheet" if "content.xml" in names else "a ZIP archive"
    raise NotATableError(
        f"{name} is {what}, not a table this tool reads.",
        hint="Save the sheet as XLSX or CSV, or unzip the archive and ingest the file inside.",
    )


def _is_legacy_workbook(path: Path, name: str) -> bool:
    """Whether an OLE2 file holds an Excel 97-2003 workbook (.xls) that xlrd can read.

    Raises:
        NotATableError: It is a workbook saved with a password, or a damaged one.
    """
    import io

    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True, logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise NotATableError(
                f"{name} is a password-protected (encrypted) Excel workbook, which cannot be "
                "read without its password.",
                hint="Open it in Excel, remove the password and save it as XLSX or CSV.",
            ) from exc
        if "workbook" in str(exc).lower():  # "Can't find workbook in OLE2 compound document"
            return False
        raise NotATableError(
            f"{name} cannot be read as an Excel 97-2003 workbook: {exc}.",
            hint="Open it in a spreadsheet program and save it again as XLSX or CSV.",
        ) from exc
    except Exception as exc:  # xlrd raises CompDocError, struct and index errors on damage
        if path.suffix.lower() != ".xls":
            return False
        raise NotATableError(
            f"{name} starts like an Excel 97-2003 workbook (.xls) but is damaged: {exc}.",
            hint="Open it in a spreadsheet program and save it again as XLSX or CSV.",
        ) from exc
    book.release_resources()
    return True


def sniff_file(path: str | Path) -> FileKind:
    """Find the format and text encoding of ``path``.

    Raises:
        InputFileError: The file does not exist or cannot be read.
        NotATableError: The file is empty, HTML, an image, an archive, or other binary data.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise InputFileError(
            f"The input file {path} does not exist or is not a file.",
            hint="Check the path and try again.",
        )
    size = path.stat().st_size
    if size == 0:
        raise NotATableError(
            f"{name} is empty (0 bytes): there is no table to read.",
            hint="Check the export: the file should have a header row and data rows.",
        )
    with path.open("rb") as handle:
        head = handle.read(_SAMPLE_BYTES)
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path, name)
        return FileKind(kind, None, _hash_and_check_utf8(path)[0], size)
    if head.startswith(b"PAR1"):
        return FileKind("parquet", None, _hash_and_check_utf8(path)[0], size)
    if head.startswith(_OLE2):
        # An XLSX saved with a password is an OLE2 container of an "EncryptedPackage"
        # stream (banks' and HR systems' exports often are), not a legacy .xls.
        if _ENCRYPTED_PACKAGE in head or path.suffix.lower() in (".xlsx", ".xlsm"):
            raise NotATableError(
                f"{name} is a password-protected (encrypted) Excel workbook, which cannot be "
                "read without its password.",
                hint="Open it in Excel, remove the password (File > Info > Protect Workbook "
                "> Encrypt with Password, clear it) and save it, or save the sheet as CSV.",
            )
        if _is_legacy_workbook(path, name):
            return FileKind("xls", None, _hash_and_check_utf8(path)[0], size)
        raise NotATableError(
            f"{name} is a legacy binary Office file that holds no workbook (a .doc, .ppt or "
            ".msg file?), not a table.",
            hint="Export the data as CSV, XLSX, XLS, JSON(L) or Parquet.",
        )
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise NotATableError(
                f"{name} is {what}, not a table.",
                hint="Export the data as CSV, XLSX, JSON(L) or Parquet.",
            )

    warnings: tuple[str, ...] = ()
    encoding = next((codec for bom, codec in _BOMS if head.startswith(bom)), None)
    file_hash, is_utf8 = _hash_and_check_utf8(path)
    if encoding is None:
        encoding = _utf16_without_bom(head)
    if encoding is None and is_utf8:
        encoding = "utf-8"
    if encoding is None or not encoding.startswith(("utf-16", "utf-32")):
        _reject_control_bytes(head, name)
    if encoding is None:
        encoding, warnings = _legacy_encoding(head, name)
    errors = "voc_cp1252" if encoding in ("utf-8", "utf-8-sig") and not is_utf8 else "strict"
    if errors == "voc_cp1252" and not warnings:
        warnings = ("Some bytes are not valid UTF-8; they were decoded as cp1252 (Windows-1252).",)
    text_start = head[: 64 * 1024].decode(encoding, errors="replace").lstrip("\ufeff")
    if not text_start.strip():
        raise NotATableError(
            f"{name} holds only whitespace: there is no table to read.",
            hint="Check the export: the file should have a header row and data rows.",
        )
    html = _HTML_START.match(text_start.encode("utf-8", errors="replace")[:4096])
    if html:
        found = text_start.strip().splitlines()[0][:60]
        raise NotATableError(
            f"{name} is an HTML page (it starts with {found!r}), not a table.",
            hint="Export the data from the source system as CSV or XLSX instead of saving the "
            "web page.",
        )
    suffix_kind = _EXTENSIONS.get(path.suffix.lower())
    if suffix_kind in ("xlsx", "parquet"):
        raise NotATableError(
            f"{name} has the extension {path.suffix} but holds text, not a {suffix_kind} file.",
            hint="Rename it to .csv if it is comma-separated text, or export it again.",
        )
    return FileKind(_text_format(path, text_start), encoding, file_hash, size, errors, warnings)

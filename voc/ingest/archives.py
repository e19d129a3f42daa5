"""Compressed exports: a gzip file, or a ZIP archive holding one table file.

Help desks and survey tools often hand out ``feedback.csv.gz`` or ``export.zip``. The table
inside is unpacked to a file (streamed, so memory stays small) and read like any other; an
XLSX workbook, which is itself a ZIP archive, is left as it is.
"""

from __future__ import annotations

import gzip
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from voc.errors import InputFileError, NotATableError

__all__ = ["MAX_UNPACKED_BYTES", "TABLE_SUFFIXES", "archive_kind", "unpack_to", "unpacked"]

#: File name endings of tables inside an archive.
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".json", ".jsonl", ".ndjson", ".xlsx", ".xlsm",
                  ".xls", ".parquet", ".pq")  # fmt: skip
#: The most an archive may unpack to (a guard against archives that expand without end).
MAX_UNPACKED_BYTES = 8 * 1024**3
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # an archive with members; an empty one
_HINT = "Unpack the archive and ingest the table file inside, or export it again uncompressed."


def archive_kind(path: Path) -> str | None:
    """Return ``"gzip"`` or ``"zip"`` for an archive to unpack, else ``None``.

    A ZIP archive that is an XLSX workbook (it holds ``xl/workbook.xml``) is not one.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError:
        return None  # the readers report a missing or unreadable file
    if head.startswith(_GZIP_MAGIC):
        return "gzip"
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(path) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return None
        except zipfile.BadZipFile:
            return None  # sniff_file says it is damaged
        return "zip"
    return None


def _member_name(path: Path) -> str:
    """The name of a gzip file's content: ``feedback.csv.gz`` -> ``feedback.csv``."""
    for suffix in (".gz", ".gzip"):
        if path.name.lower().endswith(suffix) and len(path.name) > len(suffix):
            return path.name[: -len(suffix)]
    return path.stem or "unpacked"


def _copy_limited(source, target_path: Path, archive_name: str) -> None:
    written = 0
    with target_path.open("wb") as target:
        while block := source.read(1 << 20):
            written += len(block)
            if written > MAX_UNPACKED_BYTES:
                raise InputFileError(
                    f"{archive_name} unpacks to more than {MAX_UNPACKED_BYTES / 1024**3:.0f} "
                    "GiB; it was not read.",
                    hint=_HINT,
                )
            target.write(block)


def _table_member(archive: zipfile.ZipFile, archive_name: str) -> zipfile.ZipInfo:
    """The one table file of a ZIP archive (folders and macOS metadata ignored)."""
    files = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and not info.filename.startswith("__MACOSX/")
        and not PurePosixPath(info.filename).name.startswith(".")
    ]
    tables = [i for i in files if PurePosixPath(i.filename).suffix.lower() in TABLE_SUFFIXES]
    if len(tables) == 1:
        return tables[0]
    names = ", ".join(i.filename for i in files[:10]) + (" ..." if len(files) > 10 else "")
    if not tables:
        raise NotATableError(
            f"{archive_name} is a ZIP archive without a table file "
            f"({'it holds: ' + names if files else 'it is empty'}).",
            hint="Put a CSV, TSV, XLSX, JSON(L) or Parquet file in the archive.",
        )
    listed = ", ".join(i.filename for i in tables[:10]) + (" ..." if len(tables) > 10 else "")
    raise InputFileError(
        f"{archive_name} is a ZIP archive with {len(tables)} table files ({listed}); "
        "one file is ingested at a time.",
        hint="Unpack the archive and ingest each file.",
    )


def unpack_to(path: str | Path, directory: str | Path) -> Path:
    """Unpack the table of a gzip file or ZIP archive into ``directory``; return its path.

    A file that is not such an archive is returned as it is.

    Raises:
        NotATableError: A ZIP archive without a table file.
        InputFileError: A damaged archive, several table files, or more than
            :data:`MAX_UNPACKED_BYTES` unpacked.
    """
    path = Path(path)
    kind = archive_kind(path)
    return path if kind is None else _unpack(path, kind, Path(directory))


def _unpack(path: Path, kind: str, directory: Path) -> Path:
    """Unpack the table of the ``kind`` archive ``path`` into ``directory`` (see unpack_to)."""
    try:
        if kind == "gzip":
            target = directory / _member_name(path)
            with gzip.open(path, "rb") as source:
                _copy_limited(source, target, path.name)
            return target
        with zipfile.ZipFile(path) as archive:
            member = _table_member(archive, path.name)
            if member.file_size > MAX_UNPACKED_BYTES:
                raise InputFileError(
                    f"{path.name} holds {member.filename} of {member.file_size:,} bytes, more "
                    f"than {MAX_UNPACKED_BYTES / 1024**3:.0f} GiB; it was not read.",
                    hint=_HINT,
                )
            target = directory / PurePosixPath(member.filename).name
            with archive.open(member) as source:
                _copy_limited(source, target, path.name)
            return target
    except (OSError, EOFError, RuntimeError, zlib.error, zipfile.BadZipFile) as exc:
        raise InputFileError(
            f"{path.name} is a damaged or unsupported {kind} archive: {exc}.", hint=_HINT
        ) from exc


@contextmanager
def unpacked(path: str | Path) -> Iterator[Path]:
    """Yield the table file to read: ``path`` itself, or its archive's table in a temp folder.

    The unpacked copy is deleted when the block ends.
    """
    path = Path(path)
    kind = archive_kind(path)
    if kind is None:
        yield path
        return
    directory = Path(tempfile.mkdtemp(prefix="voc-unpack-"))
    try:
        yield _unpack(path, kind, directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

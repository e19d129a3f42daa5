"""Map the columns of an input file onto the feedback record, by guess or by a mapping file.

:func:`guess_mapping` knows common English and Indonesian column names (``keluhan``,
``ulasan``, ``tanggal``, ``kanal``, ``no_tiket`` ...). A YAML mapping file names the source
column of each target (``text: Isi Keluhan``) and wins over the guesses; ``target: null``
switches a guess off.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from voc.errors import ColumnMappingError

__all__ = [
    "TARGET_COLUMNS",
    "column_spellings",
    "guess_mapping",
    "load_mapping",
    "resolve_mapping",
]

#: Target columns of the feedback record with the source names they are guessed from,
#: best first. ``exact`` names must match whole; ``words`` may appear inside a longer name.
_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "feedback_id": {
        "exact": (
            "feedback_id", "id", "ticket_id", "no_tiket", "nomor_tiket", "id_tiket", "tiket_id",
            "ticket", "ticket_no", "ticket_number", "tiket", "case_id", "case_number",
            "review_id", "response_id", "message_id", "comment_id", "record_id", "id_feedback",
            "id_ulasan", "id_keluhan", "no_keluhan", "nomor_keluhan", "conversation_id",
            "chat_id", "id_percakapan", "interaction_id", "survey_response_id",
        ),
        "words": (),
    },
    "created_at": {
        "exact": (
            "created_at", "date", "tanggal", "waktu", "timestamp", "datetime", "created",
            "created_date", "date_created", "created_time", "submitted_at", "tgl", "time",
            "tanggal_dibuat", "waktu_dibuat", "tanggal_masuk", "review_date", "tanggal_ulasan",
            "posted_at", "sent_at", "received_at",
        ),
        "words": ("tanggal", "tgl", "date", "timestamp", "waktu", "datetime"),
    },
    "channel": {
        "exact": (
            "channel", "kanal", "sumber", "source", "saluran", "media", "platform", "via",
            "contact_channel", "sumber_data", "asal",
        ),
        "words": ("channel", "kanal", "saluran"),
    },
    "text": {
        "exact": (
            "text", "comment", "comments", "feedback", "keluhan", "ulasan", "pesan", "komentar",
            "review", "message", "verbatim", "isi", "isi_pesan", "isi_keluhan", "isi_ulasan",
            "teks", "body", "content", "alasan", "masukan", "saran", "kritik_saran",
            "kritik_dan_saran", "tanggapan", "customer_comment", "feedback_text", "review_text",
            "comment_text",
            "description", "deskripsi", "catatan", "notes", "note", "question", "pertanyaan",
        ),
        "words": (
            "comment", "comments", "komentar", "feedback", "keluhan", "ulasan", "pesan", "review",
            "reviews", "message", "messages", "verbatim", "text", "teks", "alasan", "masukan",
            "saran", "suggestion", "suggestions", "kritik", "tanggapan",
        ),
    },
    "csat": {
        "exact": (
            "csat", "rating", "skor", "nilai", "score", "csat_score", "satisfaction", "kepuasan",
            "bintang", "stars", "star_rating", "rating_csat", "nilai_kepuasan", "skor_kepuasan",
            "skor_csat", "nilai_csat",
        ),
        # survey questions: "How satisfied were you ...?", "Seberapa puas Anda ...?"
        "words": ("csat", "rating", "kepuasan", "bintang", "satisfied", "satisfaction", "puas"),
    },
    "nps": {
        "exact": (
            "nps", "nps_score", "skor_nps", "nilai_nps", "likelihood_to_recommend",
            "recommend", "rekomendasi",
        ),
        # survey questions: "How likely are you to recommend us?", "Seberapa mungkin Anda
        # merekomendasikan kami?"
        "words": ("nps", "recommend", "rekomendasi", "merekomendasikan", "rekomendasikan"),
    },
    "customer_id": {
        "exact": (
            "customer_id", "customer", "cust_id", "id_pelanggan", "pelanggan_id", "pelanggan",
            "user_id", "id_user", "member_id", "id_member", "account_id", "client_id",
            "customer_key", "id_customer",
        ),
        "words": (),
    },
    "customer_segment": {
        "exact": (
            "customer_segment", "segment", "segmen", "tier", "customer_tier", "membership",
            "segmen_pelanggan", "jenis_pelanggan", "tipe_pelanggan", "customer_type",
        ),
        "words": ("segment", "segmen"),
    },
    "product_line": {
        "exact": (
            "product_line", "product", "produk", "lini_produk", "layanan", "service",
            "product_category", "kategori_produk", "product_name", "nama_produk",
        ),
        "words": ("product", "produk"),
    },
    "region": {
        "exact": (
            "region", "wilayah", "kota", "city", "area", "provinsi", "province", "daerah",
            "lokasi", "location", "cabang", "branch",
        ),
        "words": ("region", "wilayah"),
    },
    "agent_id": {
        "exact": (
            "agent_id", "agent", "agen", "id_agen", "agent_name", "nama_agen", "handled_by",
            "cs_agent", "petugas", "assignee",
        ),
        "words": (),
    },
    "first_response_seconds": {
        "exact": (
            "first_response_seconds", "frt", "frt_seconds", "frt_s", "first_response_time",
            "first_response_s", "waktu_respon_pertama", "waktu_respons_pertama",
        ),
        "words": ("frt",),
    },
    "handle_seconds": {
        "exact": (
            "handle_seconds", "aht", "aht_seconds", "aht_s", "handle_time", "handling_time",
            "durasi_penanganan", "handle_time_seconds",
        ),
        "words": ("aht",),
    },
    "resolved_first_contact": {
        "exact": (
            "resolved_first_contact", "fcr", "first_contact_resolution", "resolved_first_time",
            "selesai_kontak_pertama", "fcr_flag",
        ),
        "words": ("fcr",),
    },
}  # fmt: skip

#: Every column of the feedback record a file can provide, ``text`` required.
TARGET_COLUMNS: tuple[str, ...] = tuple(_SYNONYMS)

# Targets whose names may be found inside longer column names, in the order they claim them.
_WORD_ORDER = (
    "first_response_seconds",
    "handle_seconds",
    "resolved_first_contact",
    "nps",
    "csat",
    "created_at",
    "channel",
    "customer_segment",
    "product_line",
    "region",
    "text",
)
# Words that mark a column as an id, date or number, never the comment itself.
_NOT_TEXT = {"id", "no", "nomor", "date", "tanggal", "tgl", "time", "waktu", "at", "score"}


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _normalise(name: str, *, camel: bool = False) -> str:
    """Lower-case a column name and join its words with underscores.

    With ``camel``, camelCase and PascalCase words are split too (``createdAt``,
    ``ResponseId``, ``IPAddress`` -> ``created_at``, ``response_id``, ``ip_address``), as
    API and survey-tool exports name their columns.
    """
    text = str(name).replace("\ufeff", "")
    if camel:
        text = _CAMEL.sub("_", text)
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")


def column_spellings(name: str) -> tuple[str, ...]:
    """The normalised name, and its camelCase-split form when that differs.

    Both count: ``WhatsApp`` is ``whatsapp`` as well as ``whats_app``.
    """
    return tuple(dict.fromkeys((_normalise(name), _normalise(name, camel=True))))


def _words(name: str) -> set[str]:
    """The words of every spelling of a column name."""
    return {word for spelling in column_spellings(name) for word in spelling.split("_")}


def guess_mapping(columns: Iterable[str]) -> dict[str, str]:
    """Guess which column of a file feeds each target column of the feedback record.

    Exact names (after lower-casing and joining words with ``_``) win over names that merely
    contain a known word; each source column feeds one target at most.

    Args:
        columns: The column names of the file, in file order.

    Returns:
        Target column -> source column, only for the targets that were found.
    """
    columns = list(columns)
    spellings = {column: column_spellings(column) for column in columns}
    words = {column: _words(column) for column in columns}
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for target, names in _SYNONYMS.items():
        for wanted in names["exact"]:
            hit = next((c for c in columns if c not in taken and wanted in spellings[c]), None)
            if hit is not None:
                mapping[target] = hit
                taken.add(hit)
                break
    for target in _WORD_ORDER:
        if target in mapping:
            continue
        for word in _SYNONYMS[target]["words"]:
            hit = next(
                (
                    c
                    for c in columns
                    if c not in taken
                    and word in words[c]
                    and not (target == "text" and _NOT_TEXT & words[c])
                ),
                None,
            )
            if hit is not None:
                mapping[target] = hit
                taken.add(hit)
                break
    return {target: mapping[target] for target in TARGET_COLUMNS if target in mapping}


def load_mapping(path: str | Path) -> dict[str, Any]:
    """Read a YAML mapping file: one ``target: source column`` line per column.

    ``text`` may list several columns (``text: [Alasan, Saran]``): a survey's free-text
    questions are then joined into one comment, one paragraph per answer.

    Raises:
        ColumnMappingError: The file is missing, not YAML, or names an unknown target.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ColumnMappingError(f"The mapping file {path} does not exist.") from exc
    except yaml.YAMLError as exc:
        raise ColumnMappingError(
            f"The mapping file {path} is not valid YAML: {exc}.",
            hint="Write one line per column, e.g.  text: Isi Keluhan",
        ) from exc
    return _check_mapping(data, str(path))


def _check_mapping(data: Any, origin: str) -> dict[str, str | None]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ColumnMappingError(
            f"The mapping {origin} must be a YAML mapping of target column to source column.",
            hint="Write one line per column, e.g.  text: Isi Keluhan",
        )
    unknown = [str(k) for k in data if k not in TARGET_COLUMNS]
    if unknown:
        reversed_hint = ""
        if all(isinstance(v, str) and v in TARGET_COLUMNS for v in data.values()):
            reversed_hint = " It looks reversed: write target: source, e.g.  text: Isi Keluhan."
        raise ColumnMappingError(
            f"The mapping {origin} names unknown target column(s): {', '.join(unknown)}."
            f"{reversed_hint}",
            hint=f"Valid targets are: {', '.join(TARGET_COLUMNS)}.",
        )
    out: dict[str, Any] = {}
    for target, source in data.items():
        if target == "text" and isinstance(source, list | tuple):
            names = list(dict.fromkeys(str(s) for s in source if isinstance(s, str | int)))
            if not names or len(names) != len(source):
                raise ColumnMappingError(
                    f"The mapping {origin} gives 'text' the list {list(source)!r}; expected "
                    "one or more column names.",
                    hint="e.g.  text: [Alasan, Saran]  (their answers are joined, one "
                    "paragraph each)",
                )
            out["text"] = names[0] if len(names) == 1 else names
            continue
        if source is not None and not isinstance(source, str | int):
            raise ColumnMappingError(
                f"The mapping {origin} gives {target!r} the value {source!r}; "
                "expected a column name or null"
                + (" (only text may list several columns)." if isinstance(source, list) else ".")
            )
        out[str(target)] = None if source is None else str(source)
    return out


def mapped_columns(mapping: Mapping[str, Any]) -> list[str]:
    """Every source column a mapping reads (``text`` may name several)."""
    names: list[str] = []
    for source in mapping.values():
        if isinstance(source, list):
            names.extend(source)
        elif source is not None:
            names.append(source)
    return names


def mapped_values(values: Mapping[str, Any], mapping: Mapping[str, Any]) -> dict[str, Any]:
    """Target -> value of one row; a text read from several columns joins their answers.

    Each non-blank answer is one paragraph (a blank line between), so a survey's "why" and
    "what could we improve" questions become one comment; ``None`` when all are blank.
    """
    out = {}
    for target, source in mapping.items():
        if isinstance(source, list):
            parts = [values.get(column) for column in source]
            texts = [str(p).strip() for p in parts if p is not None and str(p).strip()]
            out[target] = "\n\n".join(texts) if texts else None
        else:
            out[target] = values.get(source)
    return out


def resolve_mapping(
    columns: list[str],
    explicit: Mapping[str, str | None] | None = None,
    *,
    source_name: str = "the file",
    shown: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Combine an explicit mapping with guesses for the remaining targets.

    Args:
        columns: The columns of the file.
        explicit: Target -> source column (``None`` switches the target off).
        source_name: File (or sheet) name used in error messages.
        shown: Column -> the name its error messages give it (a header holding PII,
            redacted: see :func:`voc.ingest.shown_column_names`); others as they are.

    Returns:
        Target column -> source column; always has ``text``, which an explicit mapping may
        give as a list of columns (their answers joined, see :func:`mapped_values`).

    Raises:
        ColumnMappingError: A mapped column is missing from the file, or no text column is
            found.
    """
    explicit = _check_mapping(dict(explicit or {}), "given")
    listed = ", ".join((shown or {}).get(c, c) for c in columns)
    missing = {
        t: s for t, s in explicit.items() if any(c not in columns for c in mapped_columns({t: s}))
    }
    if missing:
        named = ", ".join(f"{t}: {s!r}" for t, s in missing.items())
        raise ColumnMappingError(
            f"The mapping names column(s) that {source_name} does not have ({named}). "
            f"Available columns: {listed}.",
            hint="Correct the column names in the mapping file (they are case-sensitive).",
        )
    used = set(mapped_columns(explicit))
    guesses = guess_mapping([c for c in columns if c not in used])
    mapping = {t: s for t, s in explicit.items() if s is not None}
    for target, source in guesses.items():
        if target not in explicit:
            mapping[target] = source
    if "text" not in mapping:
        example = (shown or {}).get(columns[0], columns[0]) if columns else "Isi Keluhan"
        raise ColumnMappingError(
            f"No text column found in {source_name}. Available columns: {listed or '(none)'}.",
            hint="Tell voc which column holds the customer's words with a mapping file and "
            f"--mapping MAP.yaml; the file needs one line like:  text: {example}",
        )
    return {t: mapping[t] for t in TARGET_COLUMNS if t in mapping}


#: Column names that hold personal data by what they name (words inside a longer name, and
#: whole names): a customer's e-mail address, phone number, name, address, identity numbers.
_PERSONAL_WORDS = frozenset(
    "email e_mail phone telepon telp tlp hp handphone whatsapp wa msisdn address alamat "
    "nik ktp npwp rekening passport paspor birthday dob lahir latitude longitude geolocation "
    # two-word names, matched on neighbouring words (recipient_first_name, ip_address)
    "first_name last_name full_name customer_name contact_name nama_lengkap nama_pelanggan "
    "ip_address no_hp nomor_hp phone_number".split()
)
_PERSONAL_NAMES = frozenset(
    "name nama full_name fullname nama_lengkap customer_name nama_pelanggan first_name "
    "last_name contact_name requester requester_name user_name username mobile mobile_number "
    "mobile_phone ip ip_address no_hp nomor_hp".split()
)


def personal_columns(columns: Iterable[str], keep: Iterable[str] = ()) -> list[str]:
    """The columns whose names say they hold personal data (``Email``, ``No HP``, ``Nama``).

    For outputs that pass a file's other columns through (``voc classify``): such columns
    are left out unless named in ``keep``. Judged by the name only (``e-mail``, ``no_hp``,
    ``customer_name``, ``alamat_pengiriman``); ``product_name`` or ``agent`` are not.
    """
    kept = set(keep)
    found = []
    for column in columns:
        if column in kept:
            continue
        for name in column_spellings(column):
            words = name.split("_")
            pairs = {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}  # e_mail
            if name in _PERSONAL_NAMES or _PERSONAL_WORDS & (set(words) | pairs):
                found.append(column)
                break
    return found

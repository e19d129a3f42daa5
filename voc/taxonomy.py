"""Load and validate taxonomy YAML files into typed, immutable objects.

A taxonomy is data: touchpoints (journey stages in order), topics (with an owner
department and a default effort), departments and sentiment ids, each with English and
Indonesian names. Nothing else in the project names a label; everything reads it from a
:class:`Taxonomy`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from voc.errors import TaxonomyError

__all__ = [
    "Department",
    "Taxonomy",
    "Topic",
    "Touchpoint",
    "DEFAULT_TAXONOMY_PATH",
    "default_taxonomy",
    "load_taxonomy",
]

DEFAULT_TAXONOMY_PATH = (
    Path(__file__).resolve().parent.parent / "data" / "taxonomy" / "default.yaml"
)

_LANGS = ("en", "id")
_TOP_KEYS = {"name", "version", "sentiment", "touchpoints", "topics", "departments"}
_REQUIRED_TOP = ("touchpoints", "topics", "departments")
_KEYS = {
    "touchpoints": ({"id", "en", "id_name", "about"}, {"about_id"}),
    "topics": ({"id", "owner", "effort", "en", "id_name", "about"}, {"about_id"}),
    "departments": ({"id", "en", "id_name"}, set()),
}
_NAME_KEY = {"en": "en", "id": "id_name"}
_DEFAULT_SENTIMENT = ("negative", "neutral", "positive")


@dataclass(frozen=True, slots=True)
class _Labelled:
    """An entry with an id and bilingual names and descriptions."""

    id: str
    name_en: str
    name_id: str
    about_en: str = ""
    about_id: str = ""

    def name(self, lang: str = "id") -> str:
        """Return the display name in ``lang`` ("id" or "en")."""
        return self.name_id if lang == "id" else self.name_en

    def about(self, lang: str = "en") -> str:
        """Return the description in ``lang`` ("id" or "en")."""
        return self.about_id if lang == "id" else self.about_en


@dataclass(frozen=True, slots=True)
class Department(_Labelled):
    """A department that can own backlog items."""


@dataclass(frozen=True, slots=True)
class Touchpoint(_Labelled):
    """A customer-journey stage; ``order`` is its 0-based position in the journey."""

    order: int = 0


@dataclass(frozen=True, slots=True)
class Topic(_Labelled):
    """A subject customers talk about, with its default owner and effort (1-5)."""

    owner: str = ""
    effort: int = 3


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """A validated, immutable taxonomy.

    Attributes:
        name: Short name used in model paths (``models/classifiers/<name>/``).
        version: Integer version of the taxonomy file.
        sentiment: Sentiment ids, from most negative to most positive.
        touchpoints: Journey stages in journey order.
        topics: Topics in file order.
        departments: Departments in file order.
        source: Path the taxonomy was loaded from (empty for in-memory ones).
        sha256: Hash of the canonical content, used by model cards.
    """

    name: str
    version: int
    sentiment: tuple[str, ...]
    touchpoints: tuple[Touchpoint, ...]
    topics: tuple[Topic, ...]
    departments: tuple[Department, ...]
    source: str
    sha256: str

    @property
    def topic_ids(self) -> tuple[str, ...]:
        """Topic ids in file order."""
        return tuple(t.id for t in self.topics)

    @property
    def touchpoint_ids(self) -> tuple[str, ...]:
        """Touchpoint ids in journey order."""
        return tuple(t.id for t in self.touchpoints)

    @property
    def department_ids(self) -> tuple[str, ...]:
        """Department ids in file order."""
        return tuple(d.id for d in self.departments)

    def topic(self, topic_id: str) -> Topic:
        """Return the topic with ``topic_id`` or raise :class:`TaxonomyError`."""
        return self._lookup(self.topics, topic_id, "topic")

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        """Return the touchpoint with ``touchpoint_id`` or raise :class:`TaxonomyError`."""
        return self._lookup(self.touchpoints, touchpoint_id, "touchpoint")

    def department(self, department_id: str) -> Department:
        """Return the department with ``department_id`` or raise :class:`TaxonomyError`."""
        return self._lookup(self.departments, department_id, "department")

    def _lookup(self, items: Iterable[_Labelled], item_id: str, kind: str) -> Any:
        for item in items:
            if item.id == item_id:
                return item
        known = ", ".join(i.id for i in items)
        raise TaxonomyError(
            f"Taxonomy '{self.name}' ({self.source or 'in memory'}) has no {kind} "
            f"'{item_id}'. Known {kind}s: {known}."
        )

    def names(self, kind: str, lang: str = "id") -> Mapping[str, str]:
        """Return a read-only map from id to display name for one kind of entry.

        Args:
            kind: "topic", "touchpoint" or "department" (ids may repeat across kinds:
                ``payment`` is both a touchpoint and a topic in the default taxonomy).
            lang: "id" or "en".
        """
        groups = {
            "topic": self.topics,
            "touchpoint": self.touchpoints,
            "department": self.departments,
        }
        if kind not in groups:
            raise TaxonomyError(f"Unknown taxonomy kind '{kind}'; use one of {', '.join(groups)}.")
        return MappingProxyType({item.id: item.name(lang) for item in groups[kind]})


def _fail(source: str, entry: str, problem: str) -> TaxonomyError:
    return TaxonomyError(
        f"Invalid taxonomy file {source}: {entry}: {problem}.",
        hint="Fix the entry; see data/taxonomy/default.yaml for the schema.",
    )


def _text(value: Any, source: str, entry: str, key: str, *, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _fail(source, entry, f"missing '{key}'")
        return ""
    if not isinstance(value, str | int | float):
        raise _fail(source, entry, f"'{key}' must be text, got {type(value).__name__}")
    return str(value).strip()


def _entries(raw: Mapping[str, Any], section: str, source: str) -> list[Mapping[str, Any]]:
    items = raw.get(section)
    if not isinstance(items, list) or not items:
        raise _fail(source, section, "must be a non-empty list")
    required, optional = _KEYS[section]
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"{section}[{index}]"
        if not isinstance(item, Mapping):
            raise _fail(source, where, f"must be a mapping, got {type(item).__name__}")
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            raise _fail(source, where, "missing 'id'")
        where = f"{section} '{item_id}'"
        unknown = sorted(set(item) - required - optional)
        if unknown:
            allowed = ", ".join(sorted(required | optional))
            raise _fail(source, where, f"unknown key(s) {', '.join(unknown)} (allowed: {allowed})")
        if item_id in seen:
            raise _fail(source, where, f"duplicate id '{item_id}'")
        seen.add(item_id)
        for lang in _LANGS:
            key = _NAME_KEY[lang]
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise _fail(source, where, f"missing name in language '{lang}' (key '{key}')")
    return items


def _build(raw: Any, source: str, digest: str) -> Taxonomy:
    if not isinstance(raw, Mapping):
        raise _fail(source, "top level", "must be a mapping with touchpoints, topics, departments")
    unknown = sorted(set(raw) - _TOP_KEYS)
    if unknown:
        allowed = ", ".join(sorted(_TOP_KEYS))
        raise _fail(
            source, "top level", f"unknown key(s) {', '.join(unknown)} (allowed: {allowed})"
        )
    for key in _REQUIRED_TOP:
        if key not in raw:
            raise _fail(source, "top level", f"missing section '{key}'")

    version = raw.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(source, "version", f"must be a positive integer, got {version!r}")
    name = raw.get("name") or Path(source).stem or "custom"
    if not isinstance(name, str) or not name.replace("_", "").replace("-", "").isalnum():
        raise _fail(source, "name", f"must be letters, digits, '-' or '_', got {name!r}")
    sentiment = raw.get("sentiment", list(_DEFAULT_SENTIMENT))
    if (
        not isinstance(sentiment, list)
        or len(sentiment) < 2
        or not all(isinstance(s, str) and s for s in sentiment)
        or len(set(sentiment)) != len(sentiment)
    ):
        raise _fail(source, "sentiment", "must be a list of at least two distinct ids")

    departments = tuple(
        Department(id=d["id"], name_en=d["en"].strip(), name_id=d["id_name"].strip())
        for d in _entries(raw, "departments", source)
    )
    department_ids = {d.id for d in departments}

    touchpoints = []
    for order, t in enumerate(_entries(raw, "touchpoints", source)):
        where = f"touchpoints '{t['id']}'"
        about_en = _text(t.get("about"), source, where, "about")
        about_id = _text(t.get("about_id"), source, where, "about_id", required=False)
        touchpoints.append(
            Touchpoint(
                id=t["id"],
                name_en=t["en"].strip(),
                name_id=t["id_name"].strip(),
                about_en=about_en,
                about_id=about_id or about_en,
                order=order,
            )
        )

    topics = []
    for t in _entries(raw, "topics", source):
        where = f"topics '{t['id']}'"
        owner = t.get("owner")
        if owner not in department_ids:
            raise _fail(
                source,
                where,
                f"owner '{owner}' is not a department "
                f"(departments: {', '.join(sorted(department_ids))})",
            )
        effort = t.get("effort")
        if not isinstance(effort, int) or isinstance(effort, bool) or not 1 <= effort <= 5:
            raise _fail(source, where, f"effort must be an integer from 1 to 5, got {effort!r}")
        about_en = _text(t.get("about"), source, where, "about")
        about_id = _text(t.get("about_id"), source, where, "about_id", required=False)
        topics.append(
            Topic(
                id=t["id"],
                name_en=t["en"].strip(),
                name_id=t["id_name"].strip(),
                about_en=about_en,
                about_id=about_id or about_en,
                owner=owner,
                effort=effort,
            )
        )

    return Taxonomy(
        name=name,
        version=version,
        sentiment=tuple(sentiment),
        touchpoints=tuple(touchpoints),
        topics=tuple(topics),
        departments=departments,
        source=source,
        sha256=digest,
    )


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load and validate a taxonomy YAML file.

    Args:
        path: The file to load; ``None`` loads ``data/taxonomy/default.yaml``.

    Returns:
        The validated, immutable :class:`Taxonomy`.

    Raises:
        TaxonomyError: The file is missing, is not YAML, or breaks the schema; the message
            names the file, the entry and the problem.
    """
    file = Path(path) if path is not None else DEFAULT_TAXONOMY_PATH
    source = str(file)
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        raise TaxonomyError(
            f"Taxonomy file {source} does not exist.",
            hint="Pass the path of a taxonomy YAML file, e.g. data/taxonomy/default.yaml.",
        ) from None
    except OSError as exc:
        raise TaxonomyError(f"Taxonomy file {source} cannot be read: {exc.strerror}.") from exc
    try:
        raw = yaml.safe_load(content.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise _fail(source, "file", f"not valid UTF-8 YAML ({first})") from exc
    canonical = yaml.safe_dump(raw, sort_keys=True, allow_unicode=True).encode("utf-8")
    return _build(raw, source, hashlib.sha256(canonical).hexdigest())


_DEFAULT: Taxonomy | None = None


def default_taxonomy() -> Taxonomy:
    """Return the default taxonomy, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_taxonomy(DEFAULT_TAXONOMY_PATH)
    return _DEFAULT

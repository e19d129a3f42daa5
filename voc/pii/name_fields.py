"""Round 10 name shapes: a form field read to its line end, kin in brackets, name corrections.

* A person's form field ("Nama pelapor: ...", "Owner: ...", "Borrower: ...") holds the whole
  name up to the end of its line or sentence, everyday words inside included ("Antonius Beda
  Making", "Lalu Ahmad Suryadi"), when every word is Capitalised and one is no everyday word.
* A Capitalised run right before a kin word in brackets is a person ("Bonifasius Ndun
  (suami)", "Mawar Sari (mantan istri)").
* A name corrected in a text about a name: "tertulis X, seharusnya Y", "written as X, should
  be Y" (both spellings are the person's).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.pii.name_cues import FIELD_WORDS, NAME_TITLES

__all__ = ["find_field_names"]

Span = tuple[int, int, str]

_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_RUN_PART = r"(?:" + _WORD + r"|[A-Z]\.|br\.|boru|bin|binti|van|von|de|da|der)"
_RUN = _WORD + r"(?:[ \t]+" + _RUN_PART + r"){0,4}"
# Fields that hold a place, a time or a firm as often as a person: never read to the end.
_NOT_PERSON_FIELDS = frozenset("from to dari kepada cc bcc contact cp pic ahli".split())
_PERSON_FIELDS = sorted(
    (w for w in FIELD_WORDS if w not in _NOT_PERSON_FIELDS), key=len, reverse=True
)
_LABEL = (
    r"(?:(?:nama|name)(?:[ \t]+(?:lengkap|(?:" + "|".join(map(re.escape, _PERSON_FIELDS)) + r")))?"
    r"|(?:" + "|".join(map(re.escape, _PERSON_FIELDS)) + r")(?:[ \t]+name)?"
    r"|full[ \t]+name|ahli[ \t]+waris)"
)
_FIELD_LINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?][ \t])|(?<=[.!?]  ))[ \t>*-]*(?i:" + _LABEL + r")[ \t]*:[ \t]*"
    r"(?P<name>" + _RUN + r")(?=[ \t]*(?:$|\n|[.,;](?:[ \t\n]|$)))",
)
_KIN = (
    r"suami|istri|isteri|anak(?:[ \t]+\w+)?|ibu|ayah|bapak|adik|kakak|kakek|nenek|mama|papa|"
    r"mertua|menantu|cucu|keponakan|husband|wife|son|daughter|mother|father|brother|sister"
)
_KIN_PAREN = re.compile(
    r"(?P<name>" + _RUN + r")[ \t]*\((?:mantan|ex-?|alm\.?|almarhum|almarhumah|late)?[ \t]*"
    r"(?:" + _KIN + r")(?:[ \t]+(?:saya|aku|sy|kami|my|our))?\)"
)
_QUOTE = r"['‘\"“]?"
_CORRECTED = re.compile(
    r"(?i:\b(?:tertulis|ditulis|tercetak|dicetak|tercatat|terdaftar|written|printed|spelled|"
    r"spelt)(?:[ \t]+(?:as|sebagai|jadi|menjadi))?)[ \t]+" + _QUOTE + r"(?P<old>" + _RUN + r")"
    r"['’\"”]?(?:[ \t]+(?i:di|in|on)[ \t]+[\w-]+)?[ \t]*,?[ \t]*"
    r"(?:(?i:padahal|but|while|sedangkan)[ \t]+)?"
    r"(?i:seharusnya|harusnya|mestinya|yang[ \t]+benar|yg[ \t]+benar|should[ \t]+be|"
    r"the[ \t]+correct[ \t]+(?:one|name|spelling)[ \t]+is)[ \t:]+"
    + _QUOTE
    + r"(?P<new>"
    + _RUN
    + r")"
)


def find_field_names(
    text: str,
    common: Callable[[str], bool],
    hard_stop: Callable[[str], bool],
    given: Callable[[str], bool],
) -> list[Span]:
    """Return the NAME spans of field lines, kin brackets and name corrections in ``text``.

    Args:
        text: The raw text.
        common: ``word -> bool``: whether a lower-case word is an everyday word.
        hard_stop: ``word -> bool``: whether a lower-case word is never part of a name.
        given: ``word -> bool``: whether a lower-case word is a known given name.
    """
    if ":" not in text and "(" not in text and not _maybe_corrected(text):
        return []
    found: list[Span] = []

    def personal(words: list[str]) -> bool:
        if len(words) > 1 and words[0].lower() in NAME_TITLES:
            words = words[1:]  # "Lalu Sabar Hidayat": a Sasak title, an everyday word too
        names = [w for w in words if len(w) > 2 and w[-1] != "."]
        return (
            bool(names)
            and not any(hard_stop(w.lower()) for w in names)
            and any(given(w.lower()) or not common(w.lower()) for w in names)
        )

    if ":" in text:
        for match in _FIELD_LINE.finditer(text):
            words = match.group("name").split()
            if len(words) >= 2 and personal(words):
                found.append((match.start("name"), match.end("name"), "NAME"))
    if "(" in text:
        for match in _KIN_PAREN.finditer(text):
            start = match.start("name")
            words = match.group("name").split()
            while len(words) > 1 and (common(words[0].lower()) or hard_stop(words[0].lower())):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]  # "Kemarin Budi (adik)": the sentence opener is no name
            if personal(words):
                found.append((start, match.end("name"), "NAME"))
    if _maybe_corrected(text):
        for match in _CORRECTED.finditer(text):
            for group in ("old", "new"):
                if personal(match.group(group).split()):
                    found.append((match.start(group), match.end(group), "NAME"))
    return found


def _maybe_corrected(text: str) -> bool:
    """Whether ``text`` talks about a name (the corrections are read only then)."""
    lower = text.lower()
    return ("nama" in lower or "name" in lower) and (
        "harus" in lower or "should" in lower or "benar" in lower or "correct" in lower
    )

"""Names in shouted texts and the English endings of everyday words (round 9, no cue)."""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["inflected", "shouted_names"]

Span = tuple[int, int, str]

_SUFFIXES = ("ed", "d", "ing", "s", "es", "ly", "er", "ers", "ment", "ness")


def inflected(word: str, everyday: frozenset[str], names: frozenset[str] = frozenset()) -> bool:
    """Whether ``word`` is an everyday word with an English ending: "restarted", "unblocking".

    The stem keeps four letters or more and a known given name is never an ending's word
    ("Wening", "Tining", "Lukas" stay names).
    """
    if word in names:
        return False
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if (
            word.endswith(suffix)
            and len(stem) >= 4
            and (stem in everyday or stem + "e" in everyday)
        ):
            return True
    return False


_AND_BETWEEN = re.compile(r"[ \t]+(?:AND|DAN|&)[ \t]+|,[ \t]*")
_CAPS_WORD = re.compile(r"(?<![\w'’-])[A-Z]{3,}(?![\w'’-])")


def shouted_names(
    text: str,
    is_common: Callable[[str], bool],
    everyday: frozenset[str],
    names: frozenset[str] = frozenset(),
) -> list[Span]:
    """Names in a text written in capitals: words of it that no dictionary or lexicon knows.

    "WHY DID SIPHIWE CANCEL MY ORDER", "PENGADUAN: HOTMAN BUTARBUTAR TIDAK BISA LOGIN": a
    run of two capital words that no dictionary, stop list, place list or role list holds, or
    two such words joined by AND/DAN, with a word of five letters or more ("BPJS", "COD" are
    short). One unknown word alone is mostly a brand or slang ("FIBERNUSA TOLONG ...").
    A known given name of ``names`` counts as unknown even when a dictionary holds it
    ("WAHYUDIANTO SETIAWAN": "setiawan" is in wordfreq's list).
    """
    capitals = _CAPS_WORD.findall(text)
    if len(capitals) < 3:
        return []  # most texts: no shouting to read
    letters = sum(map(str.isalpha, text))
    if letters < 12 or sum(map(str.isupper, text)) < 0.7 * letters:
        return []
    groups: list[list[re.Match]] = []
    group: list[re.Match] = []
    for match in [*_CAPS_WORD.finditer(text), None]:
        word = match.group().lower() if match is not None else ""
        plain = match is not None and not (
            is_common(word)
            or (word in everyday and word not in names)
            or inflected(word, everyday, names)
            or word.endswith(("nya", "kan", "lah", "kah"))
            or re.search(r"(.)\1\1", word) is not None  # "GILAAA", "LAGIII"
        )
        joined = group and match is not None and text[group[-1].end() : match.start()] == " "
        if plain and (joined or not group):
            group.append(match)
            continue
        if group:
            groups.append(group)
        group = [match] if plain else []
    out: list[Span] = []
    for k, group in enumerate(groups):
        if not any(len(g.group()) >= 5 and re.search("[AEIOU]", g.group()) for g in group):
            continue
        pair = [
            other
            for other in (
                groups[k - 1] if k else None,
                groups[k + 1] if k + 1 < len(groups) else None,
            )
            if other is not None
            and _AND_BETWEEN.fullmatch(
                text[
                    min(other[-1].end(), group[-1].end()) : max(other[0].start(), group[0].start())
                ]
            )
        ]
        if len(group) >= 2 or pair:  # "GIORGI BERIDZE", "AMARA AND NNAMDI"
            out.append((group[0].start(), group[-1].end(), "NAME"))
    return out

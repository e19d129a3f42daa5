"""Names listed together, after a found name, alone on a line or as chat speakers (round 9)."""

from __future__ import annotations

import re

from voc.pii.name_cues import FIELD_WORDS

__all__ = ["alone_on_line", "chat_speakers", "listed_after", "lists_of_people"]

_LIST_WORDS = frozenset("and dan sama serta or terus then lalu vs atau".split())
_SPEAKERS = frozenset("customer agent user cs me bot admin pelanggan nasabah you staff".split())


def alone_on_line(tokens, a: int, b: int) -> bool:
    """Whether the run ``a:b`` fills its line, and the text has another line."""
    before = a == 0 or tokens[a - 1][0] == "\n"
    after = b == len(tokens) or tokens[b][0] == "\n"
    return before and after and any(t[0] == "\n" for t in tokens)


def listed_after(tokens, j: int, run_after, shaped) -> list[tuple[int, int]]:
    """Runs listed right after a found name: "yg bales Nurhasni, terus Ermawati"."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    while j < n:
        k = j + (tokens[j][0] == ",")
        if k < n and tokens[k][0].lower() in _LIST_WORDS:
            k += 1
        if k == j or k >= n or not shaped[k]:
            break
        out.append(run_after(k))
        if out[-1][1] <= k:
            break
        j = out[-1][1]
    return out


def lists_of_people(
    tokens, runs_of, safe_known: frozenset[str], person_verb, person_after
) -> list[tuple[int, int]]:
    """Lists of people: 'Helen sama Sukma', 'Daniela, Mateus and Wojciech both said ...'.

    A list of unknown Capitalised words is as often a list of apps or firms ("coba Halodoc,
    Alodokter dan Ruangguru"): it needs a known given name in it, a form field before it
    ("cc: ..."), a verb only people do after it, or a pronoun of a person after it.

    Args:
        tokens: The tokens of the text: (word, start, end).
        runs_of: ``(run_after, shaped, placed)`` of :func:`voc.pii.name_cueless._find`.
        safe_known: Known given names that are no everyday words (lower case).
        person_verb: ``token index -> bool``: a verb only people do follows.
        person_after: ``token index -> bool``: a person's pronoun follows in the sentence.
    """
    run_after, shaped, placed = runs_of
    out: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        if not shaped[i] or placed(i):
            i += 1
            continue
        if any(tokens[t][0][0].isdigit() for t in range(max(0, i - 2), i)):
            i += 1  # "1200 Industrial Pkwy, Reno NV": an address, not a list of people
            continue
        runs = [run_after(i)]
        j = runs[-1][1]
        while j < n:
            k = j
            if tokens[k][0] == ",":
                k += 1
            if k < n and tokens[k][0].lower() in _LIST_WORDS:
                k += 1
            if k == j or k >= n or not shaped[k]:
                break
            runs.append(run_after(k))
            j = runs[-1][1]
        field = i > 1 and tokens[i - 1][0] == ":" and tokens[i - 2][0].lower() in FIELD_WORDS
        if len(runs) >= 2 and (
            field
            or person_verb(j)
            or person_after(j)
            or any(tokens[t][0].lower() in safe_known for a, b in runs for t in range(a, b))
        ):
            out += runs
        i = max(j, i + 1)
    return out


def chat_speakers(text: str, tokens, run_after, shaped) -> list[tuple[int, int]]:
    """Chat speakers: 'Nkechi: ...' on two lines, or beside 'Customer:'/'Agent:' lines."""
    if text.count(":") < 2 or "\n" not in text:
        return []
    labels = re.findall(r"(?m)^[ \t]*([^\W\d_][^\n:]{0,30}?)[ \t]*:", text)
    lows = [label.lower() for label in labels]
    out: list[tuple[int, int]] = []
    for k in range(len(tokens)):
        if not shaped[k] or (k > 0 and tokens[k - 1][0] != "\n"):
            continue
        a, b = run_after(k)
        if b >= len(tokens) or tokens[b][0] != ":":
            continue
        label = text[tokens[a][1] : tokens[b - 1][2]].lower()
        if lows.count(label) >= 2 or any(other in _SPEAKERS for other in lows):
            out.append((a, b))
    return out

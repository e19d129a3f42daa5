"""Name lexicons: the hand-written lists of ``voc/pii/data/`` and wordfreq's everyday words."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = [
    "brand_phrases",
    "dictionary_words",
    "firm_or_subject_after",
    "given_names",
    "hard_stop_words",
    "not_name_words",
    "place_or_brand_words",
]

_HONORIFIC_BRAND_OPENERS = frozenset("mr mrs ms dr doc mister miss".split())


def _word_file(name: str) -> set[str]:
    text = resources.files("voc.pii").joinpath(f"data/{name}").read_text("utf-8")
    return {
        word
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for word in line.lower().split()
    }


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Return common given names and surnames (lower case)."""
    return frozenset(_word_file("given_names.txt"))


@lru_cache(maxsize=1)
def brand_phrases() -> tuple[str, ...]:
    """Return the brand names of several words in ``data/brands.txt`` (lower case)."""
    text = resources.files("voc.pii").joinpath("data/brands.txt").read_text("utf-8")
    lines = [line.strip().lower() for line in text.splitlines()]
    phrases = {line for line in lines if line and not line.startswith("#")}
    # "mr diy" also matches "Mr. DIY" (tokenised "Mr", ".", "DIY") and the other way round.
    for phrase in list(phrases):
        first, _, rest = phrase.partition(" ")
        if first.rstrip(".") in _HONORIFIC_BRAND_OPENERS and rest:
            opener = first.rstrip(".")
            phrases |= {f"{opener} {rest}", f"{opener}. {rest}"}
            if opener == "mr":
                phrases.add(f"mister {rest}")
    return tuple(sorted(phrases))


@lru_cache(maxsize=1)
def hard_stop_words() -> frozenset[str]:
    """Words that are never (part of) a name, not even Capitalised after a cue."""
    from spacy.lang.en.stop_words import STOP_WORDS as english

    # "made" is an English stop word and a common Balinese given name.
    return frozenset(_word_file("not_names.txt") | set(english) - {"made"})


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Return the lower-case words never taken as (part of) a name on their own.

    A Capitalised known given name after a cue is still a name ("namanya Bagus").
    """
    from spacy.lang.id.stop_words import STOP_WORDS as indonesian

    from voc.language import common_words

    # "dini" ("early") is an everyday word and a common given name.
    everyday = (set(indonesian) | common_words()) - {"dini", "made"}
    return frozenset(hard_stop_words() | everyday)


@lru_cache(maxsize=1)
def place_or_brand_words() -> frozenset[str]:
    """Return the places, firms, apps and brands of ``data/not_names_places.txt`` (lower case)."""
    return frozenset(_word_file("not_names_places.txt"))


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Return the everyday English and Indonesian words of ``wordfreq`` (its small lists).

    A word written in everyday text at least once per million words ("forecast", "printer",
    "surabaya", "shopee") is no cue-less name; rarer words ("okonkwo", "nofrianti") may be.
    """
    from wordfreq import get_frequency_dict

    return frozenset(get_frequency_dict("en", "small")) | frozenset(
        get_frequency_dict("id", "small")
    )


def firm_or_subject_after(doc, cue: int, span: tuple[int, int] | None) -> bool:
    """Whether the name a cue found is a firm's or a subject's name.

    "Borrower: Kredit Pintar Indonesia" (a firm's last word follows the run); after a role that
    a subject or a firm follows as often as a person ("Guru Matematika", "Surveyor Adira"), a
    first word that is no known given name but a frequent word, a place or a firm. A name in
    brackets ("Surveyor (Gerry):") stays a name.
    """
    from voc.pii.name_cues import FIRM_ENDS, SUBJECT_ROLES

    if span is None:
        return False
    if span[1] < len(doc) and doc[span[1]].lower_ in FIRM_ENDS and doc[span[1]].text[0].isupper():
        return True
    if doc[cue].lower_ not in SUBJECT_ROLES or doc[span[0] - 1].text == "(":
        return False
    first = doc[span[0]].lower_
    return first not in given_names() and _frequent_place_or_firm(first)


def _frequent_place_or_firm(word: str) -> bool:
    """Whether a lower-case word is a frequent everyday word, a place or a firm."""
    from wordfreq import zipf_frequency

    from voc.pii.name_cues import LEASING_FIRMS

    if word in LEASING_FIRMS or word in place_or_brand_words():
        return True
    # A frequent word ("Matematika", "Marketing"), not a rarer name ("Nisa", "Gerry").
    return max(zipf_frequency(word, "id"), zipf_frequency(word, "en")) >= 4.0

"""E-mail addresses: plain, spelled out and typed loosely (a blank beside the "@", " at ")."""

from __future__ import annotations

import re

from voc.pii.validators import Candidate

__all__ = ["find_emails", "find_loose_emails"]


_EMAIL = re.compile(
    r"(?<![\w.%+-])[^\W_][\w.%+-]*@"  # a letter of any script may open the name: "müller@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"\.[A-Za-z]{2,24}(?![\w-])"
)
# "budi.santoso [at] gmail [dot] com" and "budi(at)gmail.com": spelled-out e-mails.
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]*\s*[\[(]\s*at\s*[\])]\s*[A-Za-z0-9-]+"
    r"(?:\s*(?:[\[(]\s*dot\s*[\])]|\.)\s*[A-Za-z]{2,24})+",
    re.IGNORECASE,
)
# "putri_ayu99 @ gmail.com": blanks around the "@".
_EMAIL_SPACED = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w.+-]* @ [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b"
)
# "ratna dot sari at gmail dot com": an address spelled with words only.
_EMAIL_WORDS = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][\w+-]*(?:\s+dot\s+[A-Za-z0-9][\w+-]*){0,4}\s+at\s+[A-Za-z0-9-]+"
    r"(?:\s+dot\s+[A-Za-z]{2,24})+\b",
    re.IGNORECASE,
)

# Free mail providers whose name alone says that an e-mail address is meant.
_PROVIDERS = (
    r"gmail|googlemail|yahoo|ymail|rocketmail|hotmail|outlook|icloud|protonmail|aol|gmx|yandex"
)
_ENDING = r"(?:co\.id|co\.uk|com\.sg|com\.my|com|net|org|id|me|de|fr|jp)"

# "budi@gmail" (no ending) and "budi@gmail,com" (a comma for the dot): the provider's name
# after the "@" is enough.
_AT_PROVIDER = re.compile(
    r"(?<![\w.%+-])[^\W_][\w.%+-]*@(?:" + _PROVIDERS + r")"
    r"(?:[ ]?[.,][ ]?" + _ENDING + r"|_?(?:com|net|co\.id))?(?![\w@-])(?!\.[A-Za-z])",
    re.IGNORECASE,
)
# "budi @gmail.com", "budi @ gmail . com": blanks around the "@" or the dot of a provider.
_SPACED_PROVIDER = re.compile(
    r"(?<![\w.%+-])[^\W_][\w.%+-]* ?@ ?(?:" + _PROVIDERS + r") ?\. ?" + _ENDING + r"\b",
    re.IGNORECASE,
)
# "budi@ kantor.co.id", "budi @mail.ugm.ac.id": a blank on one side of the "@" of an address
# with a full domain (a blank before it only after a name: not "Error sync @gmail.com").
_BLANK_AT = re.compile(
    r"(?<![\w.%+-])[^\W_][\w.%+-]*(?P<blank> @|@ )[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,24}\b"
)
# "rina.s at gmail.com", "budi_99 at yahoo dot co dot id": " at " and a provider. The local
# part needs a dot, digit or underscore (no English word has one), or an e-mail cue before it,
# so "my account at gmail.com" stays.
# Round 11: also Indonesian " di " ("budisantoso di gmail.com"), and no ending at all ("rina.s
# at gmail") when the name part has a dot, digit or "_" or an e-mail word comes before it.
_AT_WORD = re.compile(
    r"(?<![\w.+-])(?P<local>[^\W_][\w.+-]*) (?:at|di) (?:" + _PROVIDERS + r")"
    # with an ending, a full stop, "-nya" or more domain may follow ("... gmail.com. thanks",
    # "gmail.com-nya", "gmail.com.au"); the bare provider only a dot that ends a sentence
    r"(?:(?P<ending>(?: ?\. ?| dot )(?:co(?: ?\. ?| dot )id|com|net|co(?: ?\. ?| dot )uk)\b)"
    r"|(?![\w@-])(?!\.\w))",
    re.IGNORECASE,
)
_PROVIDER_WORDS = re.compile(_PROVIDERS, re.IGNORECASE)
_PRONOUNS = frozenset("me him her them us you it we saya aku kami kita dia mereka kamu".split())
_EMAIL_CUE = re.compile(
    r"\b(?:e-?mail(?:nya|ku|mu)?|surel|imel|emel)\b(?:\W+\w+){0,2}?\W*$", re.IGNORECASE
)
# "my email is tomas at ...", "email saya: rina at ...": an e-mail word, then a linking word.
_EMAIL_LINKED = re.compile(
    r"\b(?:e-?mail(?:nya|ku|mu)?|surel|imel|emel)(?:\s+address)?\s*"
    r"(?::|\b(?:is|saya|aku|ku|gw|gue|adalah|ke|to)\b:?)\s*$",
    re.IGNORECASE,
)
# A version, date or amount is no name: "v3.2.1 at hotmail.com", "promo 12.12 @gmail.com".
_NO_NAME = re.compile(r"v?[\d.,%+-]*", re.IGNORECASE)


def _name_like(local: str, text: str, start: int) -> bool:
    """Whether a name set apart from its "@"/"at" (at ``start`` in ``text``) is an e-mail name.

    Yes for a dot, digit, ``_`` or ``+`` beside letters ("rina.s", "budi_99") and for a given
    name, also joined by a dash ("sinta", "rina-s"); a word no dictionary knows needs an e-mail
    word before it, everyday words an e-mail word and a linking word ("my email is tomas at
    ...", not "my email account at ...", "co-founder at ..."); never a pronoun or a version,
    date or amount.
    """
    from voc.pii.name_lexicons import dictionary_words, given_names

    word = local.lower()
    if _NO_NAME.fullmatch(word) or word in _PRONOUNS:
        return False
    if any(char in local for char in "._+") or any(char.isdigit() for char in local):
        return True
    parts = word.split("-")
    if any(part in given_names() for part in parts):
        return True
    everyday = all(part in dictionary_words() for part in parts)
    cue = _EMAIL_LINKED if everyday else _EMAIL_CUE
    return cue.search(text, max(0, start - 30), start) is not None


# Counts, sizes, amounts and ordinals are no e-mail names: "coba 3x di gmail", "ke-2 di gmail",
# "paket 5GB di yahoo", "Rp50.000 di yahoo".
_COUNT_LIKE = re.compile(r"\d+x|ke-?\d+|\d+(?:gb|mb|kb)|rp\.?[\d.,]+|[\d.,]+", re.IGNORECASE)


def _at_word_name(local: str) -> bool:
    """Whether the part before " at "/" di " can be an e-mail name (two letters, no count)."""
    return sum(char.isalpha() for char in local) >= 2 and not _COUNT_LIKE.fullmatch(local)


def _bare_provider_ok(local: str, text: str, start: int) -> bool:
    """Whether "X at gmail" with no ending is an address: "rina.s", "budi_99" or an e-mail word."""
    if any(char in local for char in "._+") or any(char.isdigit() for char in local):
        return True
    return _EMAIL_CUE.search(text, max(0, start - 30), start) is not None


def find_loose_emails(text: str) -> list[Candidate]:
    """Return e-mail addresses with a blank beside the "@", a missing ending or " at "."""
    found: list[Candidate] = []
    if "@" in text:
        found += [(m.start(), m.end(), "EMAIL") for m in _AT_PROVIDER.finditer(text)]
        if " @" in text or "@ " in text or " ." in text:
            found += [
                (m.start(), m.end(), "EMAIL")
                for m in _SPACED_PROVIDER.finditer(text)
                if " @" not in m.group() or _name_like(m.group().split(" ", 1)[0], text, m.start())
            ]
        if "@ " in text or " @" in text:
            found += [
                (m.start(), m.end(), "EMAIL")
                for m in _BLANK_AT.finditer(text)
                if m.group("blank") == "@ "
                or _name_like(m.group()[: m.start("blank") - m.start()], text, m.start())
            ]
    if (" at " in text or " AT " in text or " At " in text or " di " in text) and (
        _PROVIDER_WORDS.search(text)
    ):
        found += [
            (m.start(), m.end(), "EMAIL")
            for m in _AT_WORD.finditer(text)
            if _at_word_name(m.group("local"))
            and _name_like(m.group("local"), text, m.start())
            and (m.group("ending") or _bare_provider_ok(m.group("local"), text, m.start()))
        ]
    return found


# "budi . santoso @ gmail . com": a name part before a spaced dot belongs to an address typed
# with blanks found after it (a blank before the dot: a sentence end has none).
_SPACED_DOT_BEFORE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][\w+-]{0,30} \. ?\Z")


def _grown_left(text: str, found: list[Candidate]) -> list[Candidate]:
    grown = []
    for start, end, kind in found:
        # only an address typed with blanks ("santoso @ gmail . com"), not "Thanks . budi@..."
        spaced = " " in text[start:end]
        while spaced and (match := _SPACED_DOT_BEFORE.search(text, max(0, start - 40), start)):
            start = match.start()
        grown.append((start, end, kind))
    return grown


def find_emails(text: str) -> list[Candidate]:
    """Return the e-mail addresses in ``text``, plain, spelled out and typed loosely."""
    found = find_loose_emails(text)
    if "@" in text:
        found += [(m.start(), m.end(), "EMAIL") for m in _EMAIL.finditer(text)]
    if " @ " in text:
        found += [
            (m.start(), m.end(), "EMAIL")
            for m in _EMAIL_SPACED.finditer(text)
            if _name_like(m.group().split(" @ ", 1)[0], text, m.start())
        ]
    lower = text.lower()
    if "at" in lower:
        found += [(m.start(), m.end(), "EMAIL") for m in _EMAIL_SPELLED.finditer(text)]
        if " dot " in lower:
            found += [(m.start(), m.end(), "EMAIL") for m in _EMAIL_WORDS.finditer(text)]
    return _grown_left(text, found) if found and " ." in text else found

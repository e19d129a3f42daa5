"""Person names found from token cues: "nama saya", "atas nama", "a.n.", honorifics, agents.

A :class:`spacy.matcher.PhraseMatcher` finds the cue phrases; the tokens after a cue are
then read as a name while they look like one (Capitalised, not a common word). After a
*strong* cue ("nama saya", "atas nama", "a.n.", "my name is") a lower-case name is accepted
too, since customers often type names in lower case; after a *weak* cue (an honorific such as
"Bu", "Pak", "kak", "Mr", or an agent cue such as "dilayani oleh") only Capitalised words
count, so "kak tolong dibantu" has no name but "Bu Sari" has.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["NameFinder", "not_name_words"]

#: Cues after which a lower-case word may still be a name.
STRONG_CUES = (
    "nama saya", "namaku", "nama sy", "nama aku", "nama gue", "nama lengkap", "nama lengkap saya",
    "atas nama", "a.n.", "a.n", "a/n", "an.", "nama:", "nama :", "nama penerima", "nama pemilik",
    "bernama", "namanya", "my name is", "my name's", "name:", "name :", "full name",
    "named", "nama pelanggan", "nama nasabah",
)  # fmt: skip
#: Cues that need a Capitalised name after them.
WEAK_CUES = (
    "bapak", "ibu", "pak", "bu", "mas", "mbak", "mba", "kak", "kakak", "bang", "abang", "om",
    "tante", "teh", "teteh", "kang", "akang", "cik", "ci", "koh", "kokoh", "sdr", "sdr.",
    "sdri", "saudara", "saudari", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx",
    "dr", "dr.", "prof", "prof.", "sir", "madam",
    "dilayani oleh", "ditangani oleh", "dibantu oleh", "dihubungi oleh", "diantar oleh",
    "served by", "helped by", "handled by", "assisted by", "spoke with", "spoke to",
    "talked to", "talked with", "chatted with", "this is", "saya", "i'm", "i am",
    "agen", "agent", "petugas", "operator", "kurir", "kurirnya", "driver", "drivernya",
    "cs", "cs-nya", "csnya",
)  # fmt: skip
#: Sign-offs: a Capitalised name right after them, at the end of the text.
SIGN_OFF_CUES = (
    "salam", "regards", "best regards", "kind regards", "thanks", "thank you", "cheers",
    "hormat saya", "terima kasih", "wassalam", "sincerely", "rgds", "br",
)  # fmt: skip
# Tokens between a cue and the name that do not end the search ("," only after strong cues,
# "." only after an abbreviation, so that "..., pak. Besok saya" finds no name "Besok").
_FILLERS = frozenset(
    ": - adalah ialah yaitu yakni is bapak ibu pak bu sdr sdri saudara saudari mr mrs ms "
    "miss bpk dr prof".split()
    + ["mr.", "mrs.", "ms.", "bpk.", "sdr.", "dr.", "prof."]
)
_ABBREVIATIONS = frozenset("mr mrs ms dr prof sdr sdri bpk a.n an jl".split())
_MAX_NAME_TOKENS = 4


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Return the lower-case words never taken as (part of) a name."""
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.id.stop_words import STOP_WORDS as indonesian

    text = resources.files("voc.pii").joinpath("data/not_names.txt").read_text("utf-8")
    own = {
        word
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for word in line.lower().split()
    }
    # "dini" is a stop word ("early") and a common given name.
    return frozenset((own | set(indonesian) | set(english)) - {"dini"})


class NameFinder:
    """Find person names after cue phrases in a tokenised :class:`~spacy.tokens.Doc`.

    Args:
        nlp: The pipeline whose tokenizer produced the docs (used to build the cue patterns).
    """

    def __init__(self, nlp) -> None:
        from spacy.matcher import PhraseMatcher

        self.stop_words_ = not_name_words()
        self.matcher_ = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, cues in (("STRONG", STRONG_CUES), ("WEAK", WEAK_CUES)):
            self.matcher_.add(label, [nlp.make_doc(cue) for cue in cues])
        self.matcher_.add("SIGN_OFF", [nlp.make_doc(cue) for cue in SIGN_OFF_CUES])
        self.strong_id_ = nlp.vocab.strings["STRONG"]
        self.sign_off_id_ = nlp.vocab.strings["SIGN_OFF"]

    def __call__(self, doc) -> list[tuple[int, int, str]]:
        """Return ``(start_char, end_char, "NAME")`` for every name found in ``doc``."""
        found: list[tuple[int, int, str]] = []
        title_heavy = _mostly_title_case(doc)
        for match_id, _start, end in self.matcher_(doc):
            strong = match_id == self.strong_id_
            if match_id == self.sign_off_id_:
                span = self._sign_off_name(doc, end)
            elif not strong and title_heavy:
                # In Text Where Every Word Is Capitalised, a capital says nothing.
                continue
            else:
                span = self._name_after(doc, end, strong=strong)
            if span is not None:
                found.append((doc[span[0]].idx, _end_char(doc[span[1] - 1]), "NAME"))
        return found

    def _is_name_word(self, token, *, strong: bool) -> bool:
        text = token.text
        if not text.isalpha() or text.lower() in self.stop_words_:
            return False
        if len(text) == 1:
            return False
        if text[0].isupper() and (text[1:].islower() or text.isupper()):
            # ALL-CAPS only after a strong cue ("a.n. BUDI SANTOSO"), never "Kak CS".
            return text[1:].islower() or strong
        return strong and text.islower()

    def _name_after(self, doc, i: int, *, strong: bool) -> tuple[int, int] | None:
        n = len(doc)
        while i < n:
            lower = doc[i].lower_
            if lower in _FILLERS or (strong and lower == ","):
                i += 1
            elif lower == "." and i > 0 and doc[i - 1].lower_ in _ABBREVIATIONS:
                i += 1
            else:
                break
        start = i
        while i < n and i - start < _MAX_NAME_TOKENS:
            token = doc[i]
            if self._is_name_word(token, strong=strong):
                i += 1
            elif _is_initial(token) and i > start:
                i += 1
            elif _is_initial(token) and i + 1 < n and self._is_name_word(doc[i + 1], strong=strong):
                i += 1
            else:
                break
        if i == start:
            return None
        return start, i

    def _sign_off_name(self, doc, i: int) -> tuple[int, int] | None:
        n = len(doc)
        if i < n and doc[i].text in {",", "-"}:
            i += 1
        span = self._name_after(doc, i, strong=False)
        if span is None:
            return None
        rest = doc[span[1] :]
        if all(token.is_punct or token.is_space for token in rest):
            return span
        return None


def _is_initial(token) -> bool:
    text = token.text
    return (len(text) == 1 and text.isupper()) or (
        len(text) == 2 and text[0].isupper() and text[1] == "."
    )


def _end_char(token) -> int:
    return token.idx + len(token.text)


def _mostly_title_case(doc) -> bool:
    words = [token.text for token in doc if token.is_alpha and len(token.text) > 1]
    if len(words) < 5:
        return False
    titled = sum(1 for word in words if word[0].isupper())
    return titled / len(words) >= 0.7

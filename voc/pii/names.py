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

__all__ = ["NameFinder", "given_names", "not_name_words"]

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
    "cs", "cs-nya", "csnya", "nama", "aku", "sy", "gue", "gw", "penerima", "recipient",
    "account holder", "holder", "pemilik rekening", "pemilik", "u.p.", "kudos to",
    "shout out to", "shoutout to", "thanks to", "makasih buat", "makasih ke",
    "terima kasih kepada", "terima kasih buat", "terima kasih untuk",
)  # fmt: skip
#: Relations followed by a name in apposition: "ibu saya, Sri Rahayu".
APPOSITION_CUES = (
    "ibu saya", "bapak saya", "ayah saya", "suami saya", "istri saya", "anak saya",
    "adik saya", "kakak saya", "teman saya", "rekan saya", "ortu saya", "my wife", "my husband",
    "my son", "my daughter", "my mother", "my mom", "my father", "my dad", "my friend",
    "my colleague", "my brother", "my sister",
)  # fmt: skip
#: Greetings: a Capitalised name right after them, closed by punctuation ("Halo Andi,").
GREETING_CUES = ("halo", "hallo", "hai", "hi", "hello", "hey", "dear", "pagi", "siang", "sore")
#: Words after a name that mark it as staff: "Rina dari CS", "Kevin from support".
STAFF_AFTER = (
    "cs", "customer", "support", "billing", "admin", "tim", "team", "kantor", "cabang",
    "call", "helpdesk", "layanan", "bagian", "finance", "sales", "gudang", "toko",
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
_SENTENCE_ENDS = frozenset(".!?:;\n")


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
    """Return common given names (lower case), accepted in lower case after an honorific."""
    return frozenset(_word_file("given_names.txt"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Return the lower-case words never taken as (part of) a name."""
    from spacy.lang.en.stop_words import STOP_WORDS as english
    from spacy.lang.id.stop_words import STOP_WORDS as indonesian

    from voc.language import common_words

    own = _word_file("not_names.txt")
    # "dini" ("early") and "made" are everyday words and common given names.
    return frozenset((own | set(indonesian) | set(english) | common_words()) - {"dini", "made"})


class NameFinder:
    """Find person names after cue phrases in a tokenised :class:`~spacy.tokens.Doc`.

    Args:
        nlp: The pipeline whose tokenizer produced the docs (used to build the cue patterns).
    """

    def __init__(self, nlp) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.stop_words_ = not_name_words()
        self.given_names_ = given_names()
        # Token patterns: a form field "Nama pemesan: ..." and staff named before their team.
        self.token_matcher_ = Matcher(nlp.vocab)
        self.token_matcher_.add(
            "FIELD", [[{"LOWER": "nama"}, {"IS_ALPHA": True, "OP": "?"}, {"ORTH": ":"}]]
        )
        self.token_matcher_.add(
            "STAFF",
            [
                [
                    {"IS_TITLE": True, "IS_ALPHA": True},
                    {"IS_TITLE": True, "IS_ALPHA": True, "OP": "?"},
                    {"LOWER": {"IN": ["dari", "dr", "from", "di", "at"]}},
                    {"LOWER": {"IN": list(STAFF_AFTER)}},
                ]
            ],
            greedy="LONGEST",
        )
        self.field_id_ = nlp.vocab.strings["FIELD"]
        self.matcher_ = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, cues in (
            ("STRONG", STRONG_CUES),
            ("WEAK", WEAK_CUES),
            ("APPOSITION", APPOSITION_CUES),
            ("SIGN_OFF", SIGN_OFF_CUES),
            ("GREETING", GREETING_CUES),
        ):
            self.matcher_.add(label, [nlp.make_doc(cue) for cue in cues])
        self.strong_id_ = nlp.vocab.strings["STRONG"]
        self.apposition_id_ = nlp.vocab.strings["APPOSITION"]
        self.sign_off_id_ = nlp.vocab.strings["SIGN_OFF"]
        self.greeting_id_ = nlp.vocab.strings["GREETING"]

    def __call__(self, doc) -> list[tuple[int, int, str]]:
        """Return ``(start_char, end_char, "NAME")`` for every name found in ``doc``."""
        found: list[tuple[int, int, str]] = []
        title_heavy = _mostly_title_case(doc, self.stop_words_)
        for match_id, _start, end in self.matcher_(doc):
            strong = match_id == self.strong_id_
            if match_id == self.sign_off_id_:
                span = self._sign_off_name(doc, end)
            elif match_id == self.greeting_id_:
                span = self._greeting_name(doc, end)
            elif not strong and title_heavy:
                # In Text Where Every Word Is Capitalised, a capital says nothing.
                continue
            else:
                comma = strong or match_id == self.apposition_id_
                span = self._name_after(doc, end, strong=strong, comma=comma)
            if span is not None:
                found.append((doc[span[0]].idx, _end_char(doc[span[1] - 1]), "NAME"))
        for match_id, start, end in self.token_matcher_(doc):
            if match_id == self.field_id_:
                span = self._name_after(doc, end, strong=True)
            else:
                span = self._staff_name(doc, start, end)
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
        # Lower case: any word after a strong cue, a known given name after a weak one.
        return text.islower() and (strong or text in self.given_names_)

    def _name_after(
        self, doc, i: int, *, strong: bool, comma: bool = False
    ) -> tuple[int, int] | None:
        n = len(doc)
        while i < n:
            lower = doc[i].lower_
            if lower in _FILLERS or (comma and lower == ","):
                i += 1
            elif lower == "." and i > 0 and doc[i - 1].lower_ in _ABBREVIATIONS:
                i += 1
            else:
                break
        start = i
        while i < n and i - start < _MAX_NAME_TOKENS:
            token = doc[i]
            if self._is_name_word(token, strong=strong) and not _hyphen_compound(doc, i):
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

    def _greeting_name(self, doc, i: int) -> tuple[int, int] | None:
        span = self._name_after(doc, i, strong=False)
        if span is None or not doc[span[0]].is_title:
            return None
        # "Halo Andi, ..." / "Hi Jessica!" - the name is closed by punctuation.
        if span[1] < len(doc) and doc[span[1]].text in {",", "!", "."}:
            return span
        return None

    def _staff_name(self, doc, start: int, end: int) -> tuple[int, int] | None:
        names = [i for i in range(start, end - 2) if self._is_name_word(doc[i], strong=False)]
        if not names or names[0] != start:
            return None
        opens_sentence = start == 0 or doc[start - 1].text in _SENTENCE_ENDS
        if opens_sentence and doc[start].lower_ not in self.given_names_:
            return None  # "Balasan dari admin": any sentence opens with a capital
        if not opens_sentence and doc[start - 1].is_title:
            return None  # inside a run of Capitalised words, e.g. a shop name
        return start, names[-1] + 1

    def _sign_off_name(self, doc, i: int) -> tuple[int, int] | None:
        n = len(doc)
        while i < n and (doc[i].text in {",", "-"} or doc[i].is_space):
            i += 1
        span = self._name_after(doc, i, strong=False)
        if span is None:
            return None
        rest = doc[span[1] :]
        if all(token.is_punct or token.is_space for token in rest):
            return span
        return None


def _hyphen_compound(doc, i: int) -> bool:
    """Whether token ``i`` opens a compound such as "Smith-style" (not a name)."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i + 1].whitespace_


def _is_initial(token) -> bool:
    text = token.text
    return (len(text) == 1 and text.isupper()) or (
        len(text) == 2 and text[0].isupper() and text[1] == "."
    )


def _end_char(token) -> int:
    return token.idx + len(token.text)


def _mostly_title_case(doc, common_words: frozenset[str]) -> bool:
    """Whether the text Capitalises Its Common Words (so a capital says nothing)."""
    words = [
        token.text
        for token in doc
        if token.is_alpha
        and not token.is_sent_start
        and not token.is_upper
        and token.i > 0
        and doc[token.i - 1].text not in _SENTENCE_ENDS
        and not doc[token.i - 1].is_space
        and token.lower_ in common_words
    ]
    if len(words) < 4:
        return False
    titled = sum(1 for word in words if word[0].isupper())
    return titled / len(words) >= 0.7

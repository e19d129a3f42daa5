"""Person names found from token cues: "nama saya", "atas nama", "a.n.", honorifics, agents.

A :class:`spacy.matcher.PhraseMatcher` finds the cue phrases of :mod:`voc.pii.name_cues`; the
tokens after a cue are then read as a name while they look like one. How much a cue trusts
the word after it depends on its level: after a *strong* cue ("nama saya", "atas nama",
"a.n.", "my name is") any word that is not a common word is a name, lower case included;
after a *medium* cue ("under the name of", "name on the card") a Capitalised or ALL-CAPS
word; after a *weak* cue (an honorific such as "Bu", "Pak", "kak", "Mr", a role such as
"teknisi", or a verb of contact such as "dilayani oleh") a Capitalised word; after a plain
preposition ("dengan", "ke") only a Capitalised *known* given name. A known given name also
counts in lower case after any cue ("pak budi"). A :class:`spacy.matcher.Matcher` adds form
fields ("Nama pemesan: ..."), staff named before their team ("Rina dari CS"), relations
("nama kurirnya Joko"), self-introductions ("Ini Budi, ...") and signatures ("- Hendrik").
Brands built on an honorific or a person's name ("Mr. DIY", "Dr. Martens boots", "Bakso Pak
Kumis") are left alone.
"""

from __future__ import annotations

from voc.pii import name_cues as cues
from voc.pii import name_shapes as shapes
from voc.pii.name_context import find_context_names
from voc.pii.name_cueless import find_cueless_names, lower_case_subjects
from voc.pii.name_extra import find_extra_names, repeated_names
from voc.pii.name_fields import find_field_names
from voc.pii.name_forms import GREETINGS, KNOWN, MEDIUM, STRONG, WEAK, NameForms
from voc.pii.name_lexicons import (
    brand_phrases,
    dictionary_words,
    firm_or_subject_after,
    given_names,
    hard_stop_words,
    not_name_words,
)
from voc.pii.name_syllables import find_syllable_names, find_vietnamese_names

__all__ = ["NameFinder", "brand_phrases", "given_names", "not_name_words"]


# Tokens between a cue and the name that do not end the search ("," only after cues that
# allow apposition, "." only after an abbreviation, so "..., pak. Besok saya" has no name).
_FILLERS = frozenset(
    ": - adalah ialah yaitu yakni is was jadi menjadi tuh sih nih tu bapak ibu ibuk pak bu mas "
    "mbak mba kak ka kakak bang abang om tante teh teteh kang akang cik ci koh sdr sdri saudara "
    "saudari nona nyonya tuan ny tn nn si mr mrs ms miss mister bpk dr drs drg ir prof hj "
    "yth mama papa mami papi mamah bunda harusnya seharusnya mestinya sendiri myself ' ‘".split()
    + ["mr.", "mrs.", "ms.", "bpk.", "sdr.", "sdri.", "dr.", "prof.", "drs.", "ir.", "hj.", "drg."]
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr drs drg ir hj h prof sdr sdri bpk ny tn nn a.n an jl yth".split()
)
_MAX_NAME_TOKENS = 4
# Filler words, commas and honorifics skipped between a cue and its name, at most.
_MAX_FILLERS = 6
_CLOSERS = frozenset(",.!?;:)(|-–—\n")
_OPENERS = shapes.SENTENCE_ENDS | {",", "\n\n"}
_INTENSIFIERS = frozenset("banget bgt bngt bangettt sekali amat parah abis bener".split())
_NAME_ABBREVIATIONS = frozenset("muh moh mohd muhd moch mochammad abd abdul".split())
# Honorifics that, written in capitals, are abbreviations: "KA" (kereta api), "NY", "TN".
_CAPS_ABBREVIATIONS = frozenset("KA SI NY TN CI KO".split())
# How a writer addresses the shop before introducing themselves: "kak ini Agus".
_AFTER_HERE = frozenset("from dari again with and yang yg".split())
_HEDGES = tuple(tuple(h.split()) for h in cues.HEDGES)
# "br." / "boru": a Batak woman's clan ("Rumondang br. Nainggolan").
_PARTICLES = frozenset("bin binti binte van von de da del della al el der den ter br boru".split())

_CAPITAL_CUES = frozenset({"WEAK", "KNOWN", "THANKS"})
# Given names that are also everyday words, brands or places: never read as a name
# without a cue in front of them ("ke Citra", "dengan Bintang").
_AMBIGUOUS_GIVEN = frozenset(
    "mega sari citra bintang intan putri indah ayu bayu surya jaya tri dwi eka melati purnama "
    "agung wulan fajar rizki rezki iman cahya suci ratu putra kurnia rahmat grace will bill "
    "mark rose jack frank hope joy amber ruby victoria kartini bima satria permata pratama "
    "lestari rahayu dewi kartika candra asih asri restu sekar tama sandi puji tegar bagus dini "
    "hari made lucas luke jordan harry wendy kim lily daisy ilham gita indra hidayat hasanah "
    "taufik bunga dara tari mala mei jasmine faith pertiwi".split()
)
# Roles that a firm's name follows as often as a person's ("kurir Paxelindo", "pelanggan
# Fibernusa", "nasabah Bankita"): one word after them must be a known given name. Drivers and
# technicians stay ("the technician Ahmed", "your driver Kittipong").
_FIRM_ROLES = frozenset("courier kurir customer pelanggan nasabah seller penjual mitra".split())
# Function words that are names only Capitalised after a strong cue ("My name is Will ...").
_WORD_NAMES = frozenset({"will"})
_ROLE_FORMS = frozenset(
    list(cues.ROLE_SINGLE_WORDS)
    + [f"{w}nya" for w in cues.ROLE_SINGLE_WORDS]
    + "ibu bapak ayah suami istri anak adik kakak teman rekan tetangga atasan bos ibunya "
    "bapaknya ayahnya suaminya istrinya anaknya adiknya kakaknya".split()
)


# A weak cue that asks for a name: the words after it may be the label of the field.
_NAME_WORDS = frozenset(("nama", "name", "nm"))


class NameFinder(NameForms):
    """Find person names after cue phrases in a tokenised :class:`~spacy.tokens.Doc`.

    Args:
        nlp: The pipeline whose tokenizer produced the docs (used to build the cue patterns).
    """

    def __init__(self, nlp) -> None:
        from spacy.matcher import PhraseMatcher

        self.stop_words_ = not_name_words()
        self.hard_stop_ = hard_stop_words()
        self.given_names_ = given_names()
        self.safe_given_ = self.given_names_ - self.stop_words_ - _AMBIGUOUS_GIVEN
        self.cueless_memo_: dict[str, bool] = {}
        self.matcher_ = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kinds_: dict[int, str] = {}
        for kind, phrases in (
            ("STRONG", cues.STRONG_CUES),
            ("MEDIUM", cues.MEDIUM_CUES),
            ("WEAK", cues.WEAK_CUES),
            ("KNOWN", cues.KNOWN_CUES),
            ("APPOSITION", cues.APPOSITION_CUES),
            ("SIGN_OFF", cues.SIGN_OFF_CUES),
            ("GREETING", cues.GREETING_CUES),
            ("THANKS", cues.THANKS_CUES),
            ("INTRO", cues.INTRO_CUES),
            ("BRAND", brand_phrases()),
            ("STAFF", shapes.staff_phrases()),
            ("HERE", cues.HERE_WORDS),
            ("COLON", (":",)),
            ("RELATION", [f"nama {word}" for word in sorted(_ROLE_FORMS)]),
            ("DASH", ("-", "--", "—", "–", "~")),
            ("BARE", ("name",)),
        ):
            self.matcher_.add(kind, [nlp.make_doc(phrase) for phrase in phrases])
            self.kinds_[nlp.vocab.strings[kind]] = kind

    def __call__(self, doc, text: str | None = None) -> list[tuple[int, int, str]]:
        """Return ``(start_char, end_char, "NAME")`` for every name found in ``doc``.

        Args:
            doc: The tokenised text.
            text: ``doc.text`` when the caller has it already (spaCy rebuilds it per access).
        """
        text = doc.text if text is None else text
        spans: list[tuple[int, int]] = []
        matches = self.matcher_(doc)
        memo: list[bool] = []

        def title_heavy() -> bool:
            # Only asked once a capital-trusting cue has a name after it (most texts never).
            if not memo:
                memo.append(shapes.mostly_title_case(doc, self.stop_words_))
            return memo[0]

        brand_runs = [(s, e) for match_id, s, e in matches if self.kinds_[match_id] == "BRAND"]
        brand_tokens = {i for start, end in brand_runs for i in range(start, end)}
        for match_id, start, end in matches:
            span = self._after_cue(doc, self.kinds_[match_id], start, end, title_heavy)
            if span is not None:
                spans.append(span)
        spans += [more for span in spans for more in self._listed_after(doc, span)]
        last_line = self._last_line_name(doc)
        if last_line is not None:
            spans.append(last_line)
        found = [
            (doc[s].idx, shapes.end_char(doc[e - 1]), "NAME")
            for s, e in spans
            if not brand_tokens.intersection(range(s, e))
        ]
        found += find_extra_names(text, self._plain_name_word, self._known_name)
        found += find_context_names(
            text, self._plain_name_word, self.given_names_.__contains__, self._common
        )
        found += find_field_names(
            text, self._common, self.hard_stop_.__contains__, self.given_names_.__contains__
        )
        found += find_cueless_names(
            text,
            self._common,
            self.given_names_,
            self.safe_given_,
            self.cueless_memo_,
            brands=[(doc[s].idx, shapes.end_char(doc[e - 1])) for s, e in brand_runs],
        )
        found += lower_case_subjects(text, self.safe_given_)
        found += find_syllable_names(text, self._common)  # "Jun-ho", "Chen Yi-hsuan"
        found += find_vietnamese_names(text)  # "Nguyen Thi Lan"
        if found:
            named = [(s, e) for s, e, kind in found if kind == "NAME"]
            found += repeated_names(text, named, self._plain_name_word)
        return found

    def brand_spans(self, doc) -> list[tuple[int, int]]:
        """The character spans of the brand phrases in ``doc`` ("Mr. DIY", "Charles & Keith")."""
        return [
            (doc[s].idx, shapes.end_char(doc[e - 1]))
            for match_id, s, e in self.matcher_(doc)
            if self.kinds_[match_id] == "BRAND"
        ]

    def _common(self, word: str) -> bool:
        """Whether a lower-case word is an everyday word."""
        return word in self.stop_words_

    def _known_name(self, word: str) -> bool:
        """Whether ``word`` (any case) is a known given name that is no everyday word."""
        return word.lower() in self.safe_given_

    def _plain_name_word(self, word: str, lower_ok: bool | None) -> bool:
        """Whether a word of raw text may be (part of) a name.

        ``lower_ok``: ``True`` takes a lower-case word that is no everyday word, ``None`` only
        a known given name in lower case, ``False`` no lower case.
        """
        if len(word) < 2 or not word.replace("'", "").replace("’", "").replace("-", "").isalpha():
            return False
        lower = word.lower()
        if lower in self.hard_stop_:
            return False
        if word.islower():
            if lower_ok is None:
                return lower in self.safe_given_
            return lower_ok and lower not in self.stop_words_
        if shapes.is_title(word):
            return lower not in self.stop_words_ or lower in self.given_names_
        return word.isupper() and (lower in self.given_names_ or lower not in self.stop_words_)

    def _after_cue(self, doc, kind: str, start: int, end: int, title_heavy):
        if kind == "BRAND":
            return None
        if kind == "STAFF":
            return self._staff_name(doc, start)
        if kind in ("COLON", "RELATION", "DASH"):
            span = self._token_pattern(doc, kind, start, end)
            return None if firm_or_subject_after(doc, start, span) else span
        if kind == "HERE":
            span = self._name_before(doc, start)
            closed = end < len(doc) and (doc[end].is_punct or doc[end].lower_ in _AFTER_HERE)
            opens = span is not None and (
                span[0] == 0
                or doc[span[0] - 1].text in _OPENERS
                or doc[span[0] - 1].lower_ in GREETINGS  # "hey jake here"
            )
            if span is not None and doc[start].lower_ != "here":
                # "Haloo, Vania disini", "Good morning, Stefanus speaking": not a sentence
                # opener ("Cuaca di sini hujan") unless a known name.
                before = doc[span[0] - 1].lower_ if span[0] else ""
                closed = (
                    before in GREETINGS
                    or before == ","
                    or (doc[span[0]].lower_ in self.safe_given_)
                )
            return span if closed and opens else None
        if kind == "SIGN_OFF":
            return self._sign_off_name(doc, end)
        if kind == "BARE":
            # "Requesting deletion. Name Omar Farouk, ...", "(OCBC), name Tan Boon Huat": a
            # field without a colon, right after punctuation or at the start.
            if start > 0 and not (doc[start - 1].is_punct or doc[start - 1].is_space):
                return None
            return self._name_after(doc, end, MEDIUM, fillers=False)
        if kind == "GREETING":
            return self._greeting_name(doc, end)
        if kind == "WEAK" and end - start == 1 and doc[start].text in _CAPS_ABBREVIATIONS:
            return None  # "tiket KA Argo Bromo" (kereta api), "NY" (New York)
        if kind == "WEAK" and end - start == 1 and shapes.plain_word_honorific(doc, start):
            # "ongkir dr Jakarta" (dari), "Teh Pucuk Harum" (tea): only a known given name.
            span = self._name_after(doc, end, KNOWN, fillers=False)
            return None if span is None or title_heavy() else span
        if kind == "KNOWN":
            span = self._name_after(doc, end, KNOWN, fillers=False)
            return None if span is None or title_heavy() else span
        if kind == "INTRO":
            return self._intro_name(doc, start, end)
        level = {"STRONG": STRONG, "MEDIUM": MEDIUM}.get(kind, WEAK)
        span = self._name_after(
            doc,
            end,
            level,
            comma=True,
            paren=kind in ("APPOSITION", "WEAK"),
            word_first=kind == "WEAK",
        )
        if span is not None and kind == "WEAK" and doc[start].lower_ in _NAME_WORDS:
            label = doc[span[0]].lower_
            if label in cues.FIRM_FIELD_LABELS:
                return None  # "Nama Outlet: Kopi Tuku Cabang Ciputat": a firm's field (round 12)
            if label in cues.NAME_FIELD_LABELS:
                # "Nama Penerima", "Nama Penumpang Budi": the field's label, then maybe its name
                span = self._name_after(doc, span[0] + 1, level, comma=True, word_first=True)
        if span is not None and kind in _CAPITAL_CUES and title_heavy():
            return None  # In Text Where Every Word Is Capitalised, a capital says nothing.
        if span is not None and kind == "WEAK" and self._is_brand(doc, start, end, span):
            return None
        if (
            span is not None
            and kind == "WEAK"
            and doc[start].lower_ in _FIRM_ROLES
            and self._firm_after_role(doc, end - start, span)
        ):
            return None  # "kurir Paxelindo", "pelanggan Air Segar": a firm, no person
        if kind == "WEAK" and firm_or_subject_after(doc, start, span):
            return None  # "Guru Matematika", "PIC Marketing", "Bunda Sehat Selalu"
        if (
            span is not None
            and kind == "WEAK"
            and span[1] - span[0] == 1
            and _everyday_word(doc[span[0]].lower_, self.given_names_)
        ):
            return None  # "Suster Jaga", "Ibu Negara": a very frequent word, no known name
        return span

    def _firm_after_role(self, doc, cue_width: int, span: tuple[int, int]) -> bool:
        """Whether the run after a firm's role (``kurir``, ``pelanggan``) names a firm.

        One word that no given-name list holds, right after the bare role and not in brackets
        ("kurir Paxelindo"; "kurir kalian Beni" and "Courier (Emeka) said" are people), or
        several words that are all everyday words and no given name ("pelanggan Air Segar").
        """
        if span[1] - span[0] == 1:
            return (
                cue_width == 1
                and doc[span[0] - 1].text != "("
                and doc[span[0]].lower_ not in self.given_names_
            )
        return all(_firm_word(doc[i].lower_, self.given_names_) for i in range(*span))

    def _is_name_word(self, token, level: int) -> bool:
        text = token.text
        if len(text) < 2 or not text.replace("'", "").replace("’", "").replace("-", "").isalpha():
            return False
        lower = text.lower()
        title = shapes.is_title(text)
        if lower in self.hard_stop_ and not (level == STRONG and title and lower in _WORD_NAMES):
            return False
        given = lower in self.given_names_ or (level == STRONG and lower in _WORD_NAMES)
        if level == KNOWN:
            # "dengan Andi", "ngobrol sama rina": a known name that is no everyday word.
            return lower in self.safe_given_ and (title or (text.islower() and len(text) > 3))
        if lower in self.stop_words_ and not (given and title):
            return False
        if title:
            return True
        if text.isupper():
            # ALL-CAPS after a strong or medium cue ("a.n. BUDI SANTOSO") or a known name
            # ("PAK BUDI"), never "Kak CS". Lower case: a strong cue's word, else a known name.
            return level >= MEDIUM or given
        return text.islower() and (given or (level == STRONG and not shapes.cue_non_name(lower)))

    def _name_after(
        self,
        doc,
        i: int,
        level: int,
        *,
        comma: bool = False,
        fillers: bool = True,
        paren: bool = False,
        word_first: bool = False,
    ) -> tuple[int, int] | None:
        n = len(doc)
        skipped_comma = skipped_paren = False
        limit = i + _MAX_FILLERS  # "Pak pak pak ..." must not scan the whole text per cue
        while fillers and i < min(n, limit):
            lower = doc[i].lower_
            if lower in _FILLERS:
                i += 1
            elif comma and lower == ",":
                skipped_comma = True
                i += 1
            elif paren and lower == "(" and not skipped_paren:
                skipped_paren = True  # "Mama aku (Lilis)"
                i += 1
            elif lower == "." and i > 0 and doc[i - 1].lower_ in _ABBREVIATIONS:
                i += 1
            else:
                break
        start, title = i, i < n and doc[i].is_title  # "Linda menjanjikan", "Yohanes kefas"
        while i < n and i - start < _MAX_NAME_TOKENS:
            token = doc[i]
            cap = MEDIUM if title and shapes.stops_surname(token.lower_) else STRONG
            word_level = level if i == start else max(min(level, cap), WEAK)
            if (
                token.lower_ in _NAME_ABBREVIATIONS
                and (after := self._after_initials(doc, i, level)) > i
            ):
                i = after  # "Muh. Iqbal Ramadhan"
            elif self._is_name_word(token, word_level) and not shapes.hyphen_compound(doc, i):
                i += 1
            elif (
                i == start
                and word_first
                and self._word_then_name(doc, i)
                and not shapes.hyphen_compound(doc, i)
            ):
                i += 2  # "penerimanya Sabar Hutapea": an everyday word opening a full name
            elif (
                token.text == "-"
                and i > start
                and not doc[i - 1].whitespace_
                and not token.whitespace_
                and i + 1 < n
                and doc[i + 1].is_title
                and self._is_name_word(doc[i + 1], max(level, WEAK))
            ):
                i += 2  # "Sarah-Jane Collins"
            elif shapes.is_initial(token) and i > start and not _hedge_at(doc, i):
                i += 1
            elif (
                token.lower_ in _PARTICLES
                and i > start
                and i + 1 < n
                and (
                    self._is_name_word(doc[i + 1], max(level, WEAK))
                    or (doc[i + 1].lower_ in _PARTICLES and doc[i + 1].lower_ != token.lower_)
                )
            ):
                i += 1  # "Ahmad bin Abdullah", "Maria de Jesus", "Hendrik van der Berg"
            elif (
                token.lower_ in ("br", "boru")
                and i > start
                and i + 2 < n
                and doc[i + 1].text == "."
                and self._is_name_word(doc[i + 2], max(level, WEAK))
            ):
                i += 2  # "Rumondang br. Nainggolan"
            elif (
                i == start
                and token.lower_ in cues.NAME_TITLES
                and token.is_title
                and i + 1 < n
                and self._is_name_word(doc[i + 1], max(level, WEAK))
            ):
                i += 1  # "Owner: Lalu Ahmad Suryadi"
            elif level != KNOWN and (after := self._after_initials(doc, i, level)) > i:
                i = after  # "J. P. Simatupang", "m. rizal", "Muh. Iqbal"
            else:
                break
        if i == start:
            return None
        if skipped_paren and (i >= n or not doc[i].text.startswith(")")):
            return None
        if (
            skipped_comma
            and level < MEDIUM
            and i < n
            and doc[i].text not in _CLOSERS
            and not _hedge_at(doc, i)
        ):
            return None  # "The technician, Ardiansyah, fixed it": apposition is closed
        if level < MEDIUM and i < n and doc[i].lower_ in _INTENSIFIERS:
            return None  # "Kak Gemoy banget": an adjective, not a name
        return start, i

    def _word_then_name(self, doc, i: int) -> bool:
        """Whether a Capitalised everyday word at ``i`` is followed by a Capitalised surname."""
        if i + 1 >= len(doc) or not shapes.is_title(doc[i].text) or not doc[i].is_alpha:
            return False
        first, second = doc[i].lower_, doc[i + 1]
        return (
            len(first) > 2
            and first not in self.hard_stop_
            and shapes.is_title(second.text)
            and second.lower_ not in self.stop_words_
            and self._is_name_word(second, WEAK)
        )

    def _after_initials(self, doc, i: int, level: int) -> int:
        """The index after initials or a name abbreviation that open a name, else ``i``."""
        k, n = i, len(doc)
        while k < n and k - i < 3:
            text = doc[k].text
            if shapes.is_initial(doc[k]) or (
                level == STRONG and len(text) == 2 and text[1] == "." and text[0].isalpha()
            ):
                k += 1
            elif doc[k].lower_ in _NAME_ABBREVIATIONS and k + 1 < n and doc[k + 1].text == ".":
                k += 2
            else:
                break
        if k > i and k < n and self._is_name_word(doc[k], level):
            return k
        return i

    def _listed_after(self, doc, span: tuple[int, int]) -> list[tuple[int, int]]:
        """Names listed after a found one.

        "Hendra Gunawan (manager), Lydia Tan" (a known name), "Aditya & Nabila Pramono" (closed
        by punctuation), "Mr. and Mrs. Halim (Steven and Angela)", "Rafael Sinaga, Theresia
        Sinaga" (the same surname).
        """
        n = len(doc)
        found: list[tuple[int, int]] = []
        i = span[1]
        if i < n and doc[i].text == "(":
            close = next((j for j in range(i + 1, min(n, i + 8)) if doc[j].text == ")"), None)
            inner = self._name_after(doc, i + 1, WEAK, fillers=False) if close else None
            if inner is not None and doc[inner[0]].is_title:
                found.append(inner)  # "(Steven and Angela)": the names themselves
                i = inner[1]
            else:
                i = close + 1 if close is not None else n
        surname = {doc[k].lower_ for k in range(span[0], span[1])}
        while i + 1 < n and doc[i].lower_ in {",", "&", "dan", "and", "serta", "/", "+"}:
            link = doc[i].lower_
            i += 1
            if doc[i].lower_ in {"dan", "and"}:
                i += 1
            if i >= n or not doc[i].is_title:
                break
            nxt = self._name_after(doc, i, WEAK, fillers=False)
            if nxt is None:
                break
            closed = nxt[1] >= n or doc[nxt[1]].text in _CLOSERS or doc[nxt[1]].is_space
            if not (
                doc[i].lower_ in self.safe_given_
                or (link != "," and link != "/" and closed)
                or surname.intersection(doc[k].lower_ for k in range(nxt[0], nxt[1]))
            ):
                break
            found.append(nxt)
            i = nxt[1]
        return found

    def _is_brand(self, doc, cue_start: int, cue_end: int, span: tuple[int, int]) -> bool:
        """Whether a name after an honorific is a brand ("Mr. DIY", "Sate Pak Slamet")."""
        before = [doc[i].lower_ for i in range(max(0, cue_start - 2), cue_start)]
        if before and before[-1] in cues.EATERY_BEFORE:
            return True
        if before[-2:-1] and before[-1] in cues.COOKED_BEFORE and span[1] - span[0] == 1:
            dish = before[-2]  # "Bebek goreng Bu Rini": a stall
            return dish in cues.EATERY_BEFORE or dish in cues.COOKED_DISHES
        if doc[span[0]].lower_ in cues.EATERY_BEFORE:
            return True  # "kak Sate Khas Senayan cabang ...", "kak Bakmi GM ...": a shop
        if doc[cue_start].lower_ not in cues.ENGLISH_HONORIFICS:
            return False
        if any(word in cues.COMMERCE_BEFORE for word in before):
            return True
        after = span[1]
        if after < len(doc) and doc[after].lower_ in ("'s", "’s"):
            # "Dr. Hartono's clinic" is a person's; "Dr. Brown's bottles" a brand.
            after += 1
            if after < len(doc) and doc[after].lower_ in cues.PERSON_PLACES:
                return False
        return after < len(doc) and doc[after].lower_ in cues.PRODUCT_AFTER


#: Zipf frequency (wordfreq, Indonesian) from which one word after an honorific or role is
#: an everyday word rather than a name, unless the given-name lexicon holds it.
EVERYDAY_ZIPF = 5.0


def _everyday_word(word: str, given: frozenset[str] | set[str]) -> bool:
    if word in given:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "id") >= EVERYDAY_ZIPF


def _firm_word(word: str, given: frozenset[str]) -> bool:
    """Whether a word of a run after a firm's role is an everyday word and no given name."""
    return word not in given and word in dictionary_words()


def _hedge_at(doc, i: int) -> bool:
    """Whether a hedge ("I think", "kalau gak salah") starts at token ``i``."""
    words = tuple(doc[k].lower_ for k in range(i, min(len(doc), i + 5)))
    return any(words[: len(hedge)] == hedge for hedge in _HEDGES)

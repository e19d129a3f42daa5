"""Name shapes read around a cue: form fields, greetings, staff, introductions, sign-offs.

:class:`NameForms` is the part of :class:`~voc.pii.names.NameFinder` that turns a matched cue
shape into a name span ("Nama pemesan: ...", "Halo Andi,", "Rina dari CS", "Ini Budi, ...",
"Salam, Hendrik", a known name alone on the last line). It relies on the finder's
``_name_after``, ``_is_name_word``, ``_listed_after``, ``given_names_`` and ``safe_given_``.
"""

from __future__ import annotations

from voc.pii import name_cues as cues
from voc.pii import name_shapes as shapes

__all__ = ["GREETINGS", "KNOWN", "MEDIUM", "STRONG", "WEAK", "NameForms"]

# How far a cue trusts the word after it (see the docstring of voc.pii.names).
STRONG, MEDIUM, WEAK, KNOWN = 3, 2, 1, 0
GREETINGS = frozenset(w for w in cues.GREETING_CUES if " " not in w)
# Round 14: closes of a self-introduction that also follow everyday words.
_SOFT_CLOSES = frozenset({",", "\u2014", "\u2013"})
_ADDRESSEES = frozenset("kak ka min admin gan sis mas mbak mba pak bu bang".split())
# Things whose name a form asks for ("Nama Produk: ...", "Nama Toko: ...", "Product name: ...").
_THING_FIELDS = frozenset(
    "produk product barang item toko shop store paket package menu layanan service program "
    "merchant aplikasi app file dokumen document perusahaan company usaha bisnis business "
    "acara event grup group wifi jalan street kota city bank varian variant".split()
)
_RELATION_FILLERS = frozenset("- nya saya aku sy ku tadi itu tsb tuh".split())


class NameForms:
    """Cue shapes whose name is read with the finder's word tests (a mixin of NameFinder)."""

    def _token_pattern(self, doc, kind: str, start: int, end: int) -> tuple[int, int] | None:
        if kind == "COLON":
            # A form field: "Penerima: ...", "Nama pemesan: ...", "Customer name: ...".
            field = next(
                (i for i in (start - 1, start - 2) if i >= 0 and doc[i].lower_ in cues.FIELD_WORDS),
                None,
            )
            if field is None and start >= 3 and doc[start - 3].lower_ in ("nama", "name"):
                field = start - 3  # "Nama Wajib Pajak: ...", "Name of applicant: ..."
                if not (doc[start - 2].is_alpha and doc[start - 1].is_alpha):
                    return None
            if field is None or (field == start - 2 and not doc[start - 1].is_alpha):
                return None
            if doc[field].lower_ in ("nama", "name") and doc[start - 1].lower_ in _THING_FIELDS:
                return None  # "Nama Produk: Kaos Polos Hitam": the name of a thing
            level = STRONG if doc[field].lower_ in cues.PERSON_FIELD_WORDS else MEDIUM
            return self._name_after(doc, end, level)
        if kind == "RELATION":
            # "nama kurirnya Joko", "nama ibu saya: Sri", "nama cs-nya tuh Rina".
            while end < len(doc) and doc[end].lower_ in _RELATION_FILLERS:
                end += 1
            return self._name_after(doc, end, MEDIUM, comma=True)
        # DASH: "... - Hendrik" closing the text, the name a known one or alone on its line.
        span = self._name_after(doc, end, WEAK, fillers=False)
        if span is None or not shapes.rest_is_blank(doc, span[1]) or not doc[end].is_title:
            return None
        if start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_space:
            return None  # "Jean-Pierre", "2-3"
        line_start = start == 0 or doc[start - 1].is_space
        return span if line_start or doc[end].lower_ in self.given_names_ else None

    def _greeting_name(self, doc, i: int) -> tuple[int, int] | None:
        span = self._name_after(doc, i, WEAK)
        if span is None or not doc[span[0]].is_title:
            return None
        # "Halo Andi, ..." / "Hi Jessica!" - the name is closed by punctuation.
        if span[1] >= len(doc) or doc[span[1]].text in {",", "!", ".", "\n"}:
            return span
        return None

    def _name_before(self, doc, end: int) -> tuple[int, int] | None:
        """One or two Capitalised name words right before token ``end``."""
        start = end
        while start > max(0, end - 2) and self._is_name_word(doc[start - 1], WEAK):
            start -= 1
        first = doc[start] if start < end else None
        if first is None or not (
            first.is_title or (first.is_lower and first.lower_ in self.safe_given_)
        ):
            return None  # "nico here": lower case only for a known name
        return start, end

    def _staff_name(self, doc, cue_start: int) -> tuple[int, int] | None:
        """'Rina dari CS', 'Kevin from support': a name right before its team."""
        span = self._name_before(doc, cue_start)
        if span is None:
            return None
        start = span[0]
        opens_sentence = start == 0 or doc[start - 1].text in shapes.SENTENCE_ENDS
        if opens_sentence and doc[start].lower_ not in self.given_names_:
            return None  # "Balasan dari admin": any sentence opens with a capital
        if not opens_sentence and doc[start - 1].is_title:
            return None  # inside a run of Capitalised words, e.g. a shop name
        return span

    def _intro_name(self, doc, start: int, end: int) -> tuple[int, int] | None:
        """'Ini Budi, ...', 'this is Sarah from ...': a known name, or one closed like a name."""
        before = doc[start - 1].lower_ if start > 0 else ""
        if start > 0 and before not in shapes.SENTENCE_ENDS | {","} | GREETINGS | _ADDRESSEES:
            return None
        if end < len(doc) and doc[end].lower_ in {"again", "lagi"}:
            end += 1  # "it's me again, Ayu"
        span = self._name_after(doc, end, WEAK, comma=True)
        if span is None:
            return None
        closed = span[1] >= len(doc) or doc[span[1]].lower_ in cues.NAME_AFTER_WORDS
        if closed and span[1] < len(doc) and doc[span[1]].text in _SOFT_CLOSES:
            # round 14: a comma or a dash closes only a word no dictionary holds ("this is
            # Nirwasita, can I ...", never "this is Ridiculous, ...")
            closed = not any(shapes.frequent_word(t.lower_, 3.5) for t in doc[span[0] : span[1]])
        closed = closed or (before in GREETINGS and doc[span[1]].text in {",", "."})
        return span if closed or doc[span[0]].lower_ in self.given_names_ else None

    def _sign_off_name(self, doc, i: int) -> tuple[int, int] | None:
        n = len(doc)
        cue_end = i
        while i < n and (doc[i].text in {",", "-", ".", "!", ":"} or doc[i].is_space):
            i += 1
        span = self._name_after(doc, i, WEAK)
        if span is None:
            return None
        if i == cue_end and doc[span[0]].lower_ not in self.given_names_:
            return None  # "Salam Sehat": without a comma or a line break, only a known name
        end = span[1]
        if end < n and doc[end].lower_ in {"&", "dan", "and", "+"}:
            listed = self._listed_after(doc, span)  # "Aditya & Nabila Pramono"
            end = listed[-1][1] if listed else end
        # Degrees after the name: "Budi Santoso, S.Kom" / "Lina Wijaya, M.M."
        while end + 1 < n and doc[end].text == "," and shapes.is_degree(doc[end + 1].text):
            end += 2
        if shapes.rest_is_blank(doc, end) or doc[end - 1].whitespace_.count("\n"):
            return span
        if end < n and (doc[end].text in {"(", "|", "-", "–", "—"} or "\n" in doc[end].text):
            return span
        return None

    def _last_line_name(self, doc) -> tuple[int, int] | None:
        """A known given name alone on the last line or in the last sentence ("... Marissa")."""
        end = len(doc)
        while end > 0 and (doc[end - 1].is_space or doc[end - 1].text in {".", "!"}):
            end -= 1
        start = end
        while start > max(0, end - 4) and not doc[start - 1].is_space:
            if doc[start - 1].text in shapes.SENTENCE_ENDS:
                break
            start -= 1
        if start == 0 or not 1 <= end - start <= 3 or doc[start].lower_ not in self.safe_given_:
            return None
        if not (doc[start - 1].is_space or doc[start - 1].text in shapes.SENTENCE_ENDS):
            return None
        if all(self._is_name_word(doc[i], WEAK) for i in range(start, end)):
            return start, end
        return None

"""Token shapes of person names: capitals, initials, degrees, title-cased text, staff phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from voc.pii import name_cues as cues

__all__ = [
    "CUE_NON_NAMES",
    "SENTENCE_ENDS",
    "end_char",
    "frequent_word",
    "hyphen_compound",
    "is_degree",
    "is_initial",
    "is_title",
    "mostly_title_case",
    "plain_word_honorific",
    "rest_is_blank",
    "cue_non_name",
    "staff_phrases",
    "stops_surname",
]

SENTENCE_ENDS = frozenset(".!?:;\n")
# Words Capitalised by convention whatever the writer's habit: the parts of an address
# ("Jl.", "No.", "Kel.", "Kota") and the honorifics before a name ("Ibu Rosmawati"). A form
# holding an address is not a title-cased text ("Penerima: ... / Ibu Rosmawati").
_CONVENTIONAL_CAPITALS = frozenset(
    "jl jln jalan gg gang lr lrg lorong no nomor rt rw kel kelurahan kec kecamatan kab "
    "kabupaten kota desa ds dsn dusun blok lt lantai perum perumahan komplek kompleks komp kav "
    "kp kampung prov provinsi gedung tower apartemen street st road rd avenue ave "
    "ibu ibuk bapak bpk pak bu mas mbak kak bang sdr sdri saudara saudari nyonya tuan nona "
    "haji hj dr drg".split()
)
_CAMEL_PREFIXES = ("Mc", "Mac", "O'", "O’", "D'", "D’", "De", "Di", "Da", "La", "Le", "Van")


def staff_phrases() -> list[str]:
    """'dari CS', 'from your support', 'di bagian gudang': a team after a staff name."""
    return [
        f"{prep} {middle}{team}"
        for prep in ("dari", "dr", "from", "di", "at")
        for middle in ("", "your ", "kalian ", "the ", "bagian ", "tim ", "team ")
        for team in cues.STAFF_AFTER
    ]


def is_title(text: str) -> bool:
    """Capitalised like a name: "Budi", "McDonald", "O'Connor" (not "BRILink", "DIY")."""
    if not text[0].isupper():
        return False
    camel = any(char.isupper() for part in text.split("-") for char in part[2:])
    if camel and not text.startswith(_CAMEL_PREFIXES):
        return False  # "NetRaya", "PayLoka": a brand written in camel case
    if text[1:2] in ("'", "’"):
        return text[2:3].isupper() and text[3:4].islower()
    return text[1:2].islower()


def rest_is_blank(doc, i: int) -> bool:
    """Whether only punctuation and blanks follow token ``i``."""
    return all(token.is_punct or token.is_space for token in doc[i:])


def is_degree(text: str) -> bool:
    """Academic degrees written after a name: S.Kom, S.E., M.M., MBA, PhD, Jr."""
    letters = text.replace(".", "")
    return 1 < len(letters) <= 5 and text[0].isupper() and ("." in text or letters.isupper())


def hyphen_compound(doc, i: int) -> bool:
    """Whether token ``i`` opens a compound such as "Smith-style" (not a name)."""
    if not (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i + 1].whitespace_):
        return False
    return not (doc[i].is_title and doc[i + 2].is_title)  # "Sarah-Jane" is one name


def is_initial(token) -> bool:
    """An initial: "J", "J." (upper case)."""
    text = token.text
    return (len(text) == 1 and text.isupper()) or (
        len(text) == 2 and text[0].isupper() and text[1] == "."
    )


def end_char(token) -> int:
    """The character offset right after ``token``."""
    return token.idx + len(token.text)


def mostly_title_case(doc, common_words: frozenset[str]) -> bool:
    """Whether the text Capitalises Its Common Words (so a capital says nothing)."""
    titled = total = 0
    previous = None
    for token in doc:
        if (
            previous is not None
            and token.lower_ in common_words
            and token.lower_ not in _CONVENTIONAL_CAPITALS
            and token.is_alpha
            and not token.is_upper
            and previous.text not in SENTENCE_ENDS
            and not previous.is_space
        ):
            total += 1
            titled += token.text[0].isupper()
        previous = token
    return total >= 4 and titled / total >= 0.7


def plain_word_honorific(doc, i: int) -> bool:
    """Whether the honorific at token ``i`` is also a plain word there: "dr" (dari), "teh" (tea).

    A lower-case "dr" without its dot is chat for "dari"; "teh"/"Teh" is the Sundanese elder
    sister and the drink ("Teh Pucuk Harum", "pesen 24 pcs Teh ..."). "dr. Andi", "Dr Andi"
    and "Teh Rina" (a known given name) stay names.
    """
    text = doc[i].text
    if text == "dr":
        return i + 1 >= len(doc) or doc[i + 1].text != "."
    return text.lower() == "teh"


@lru_cache(maxsize=4096)
def frequent_word(lower: str, zipf: float = 5.0) -> bool:
    """Whether a lower-case word is a frequent English or Indonesian word ("pribadi").

    Round 11: such a word in lower case after a strong cue ("atas nama pribadi") is no name,
    nor after a Capitalised word that opens a firm's or an app's name ("Google Maps").
    """
    from wordfreq import zipf_frequency

    return max(zipf_frequency(lower, "id"), zipf_frequency(lower, "en")) >= zipf


# Review of round 11: the lower-case words that follow "atas nama" / "nama saya" as no name
# ("atas nama pribadi", "nama saya sendiri"); a curated list, never a frequency threshold.
# Fillers that follow a cue ("namanya aneh", "nama saya sih ...") are in it too.
CUE_NON_NAMES = frozenset(
    "pribadi sendiri lengkap asli perusahaan toko usaha kantor instansi lembaga keluarga "
    "suami istri anak orang tua bersama yang di ini itu tersebut siapa apa tertera terdaftar "
    "rekening akun pemilik penerima pengirim".split()
    + "aneh apa gitu begitu doang saja aja tuh dong kok sih dan atau juga sesuai seperti tetap "
    "tetep masih sudah udah belum lagi kayak yaitu yakni adalah".split()
    # round 12: words about the name or its late bearer ("ejaan nama saya keliru")
    + "salah keliru beda berbeda almarhum almarhumah alm almh".split()
)
_VERB_FORM = re.compile(r"(?:me|mem|men|meng|meny|ber|ter)[a-z]{4,}")


def stops_surname(lower: str) -> bool:
    """Whether a lower-case word after a Capitalised first name ends the name.

    Only an everyday word or a verb form ("Linda menjanjikan", "Rina sudah"); an unlisted
    word stays a surname ("Yohanes kefas", "Made sudirta").
    """
    return frequent_word(lower, 4.0) or _VERB_FORM.fullmatch(lower) is not None


_CUE_VERB_FORM = re.compile(r"(?:mem|men|meng|meny|ber|ter|di)[a-z]{5,}")


def cue_non_name(lower: str) -> bool:
    """Whether a lower-case word after a strong cue is no name ("namanya aneh").

    A curated word or a verb form ("dipanggil berdasarkan nomor"), never a frequency threshold.
    """
    return (
        lower in CUE_NON_NAMES
        or _CUE_VERB_FORM.fullmatch(lower) is not None
        or _english_participle(lower)
    )


def _english_participle(lower: str) -> bool:
    """Whether a word is an English past participle ("my name is misspelled", "... printed").

    Six letters or more, ending in "ed", written in English (Zipf frequency 2.5 or more) after
    an English verb ("misspell", "print" + "ed"; "change" + "d"); a given name never ("jared",
    and "rasheed": no "rashe" or "rashee").
    """
    if len(lower) < 6 or not lower.endswith("ed"):
        return False
    from wordfreq import zipf_frequency

    from voc.pii.name_lexicons import given_names

    if lower in given_names() or zipf_frequency(lower, "en") < 2.5:
        return False
    return max(zipf_frequency(lower[:-2], "en"), zipf_frequency(lower[:-1], "en")) >= 2.0

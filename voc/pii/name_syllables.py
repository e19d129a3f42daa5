"""East Asian given names written as two romanised syllables joined by a hyphen.

Round 13 (docs/PII.md): Korean and Taiwanese given names are usually romanised as two
syllables with a hyphen ("Jun-ho", "Min-ji", "Hye-jin", "Yi-hsuan", "Jae-Won"), and the cue
finders read such a word as a compound ("Smith-style") and left it. The shape alone is a
strong sign of a person: each part is one syllable of Revised Romanisation, Wade-Giles or
pinyin (an optional initial, a vowel group, an optional final), the two parts differ (no
reduplication such as "Siap-siap"), and they are no vowel-changing pair ("Hip-hop",
"Tik-tok"). Left alone: words whose two parts are both everyday words ("Top-up", "Pop-up",
"Set-up", "Hot-pot"), an Indonesian prefix before a loan word ("Di-cek", "Se-kian"), and a
few loan compounds ("Wi-fi", "Co-op", "Hong-kong").

A common East Asian family name written right before or after the given name is part of the
span ("Chen Yi-hsuan", "Kim Ji-hoon", "Ji-hoon Kim").

Vietnamese full names are told by their order: one of the common family names, a middle name
that marks a person ("Thi", "Van", "Ngoc", "Thanh", ...) and a given name ("Nguyen Thi Lan",
"Dang Thi Hoa"). Two words are not enough ("Nguyen Trai" is also a street's name).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

__all__ = ["find_syllable_names", "find_vietnamese_names", "is_syllable_name"]

_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|hs|ts|sh|zh|b|c|d|f|g|h|j|k|l|m|n|p|q|r|s|t|w|x|y|z)?"
    r"(?:iao|uai|yeo|yae|wae|ae|ai|ao|ee|ei|eo|eu|ia|ie|io|iu|oe|oo|ou|ua|ue|ui|uo|wa|we|wi|"
    r"wo|ya|ye|yo|yu|yi|a|e|i|o|u)"
    r"(?:ng|n|k|l|m|p|t)?"
)
# Title-case syllable, a hyphen with nothing around it, a second syllable in either case.
_CANDIDATE = re.compile(r"(?<![\w'’-])([A-Z][a-z]{1,5})-([A-Za-z][a-z]{1,5})(?![\w'’-])")
# Indonesian prefixes before a loan word ("Di-cek"), brand families ("Go-jek"), "Ok-ce".
_PREFIXES = frozenset("di ke se si pe me be te ter ber nge ng pen pem per go ok".split())
# A part this frequent in English text (Zipf scale: 4.2 = about sixteen per million words) is
# an everyday word: "Top-up", "Set-up", "Hot-pot", "Sit-in". (Indonesian web text holds
# these syllables too often to tell: "ji" and "jin" are above 4.8 there.)
_FREQUENT = 4.2
# Japanese and Korean forms of address after a name: "Shin-chan" is a cartoon character,
# "Minho-ssi" has its name before the hyphen (the cue finders' word).
# Indonesian clitics after a word ("Mi-nya", "Kue-ku") make no name either.
_ADDRESS_SUFFIXES = frozenset(
    "chan san kun sama nim ssi ssaem senpai sensei nya ku mu lah kah pun tah".split()
)
_LOANS = frozenset(
    "wi-fi hi-fi lo-fi sci-fi co-op yo-yo hong-kong xi-an ok-ok ho-ho ha-ha hi-hi he-he "
    "bye-bye so-so ka-ching ni-hao".split()
)
_FAMILY = frozenset(
    # Korean
    "kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn "
    "song yoo ryu hong jeon ko moon son bae baek heo nam noh ha kwak sung cha joo woo min "
    # Chinese (Taiwanese Wade-Giles and mainland pinyin)
    "chen lin huang chang wang wu liu tsai yang hsu cheng hsieh kuo lai chiu chou chu "
    "tseng chao zhang zhao zhou xu sun zhu hu guo he ma luo liang".split()
)


def _same_frame(first: str, second: str) -> bool:
    """'hip'/'hop', 'tik'/'tok', 'ping'/'pong': the same consonants around another vowel."""
    vowels = re.compile(r"[aeiou]+")
    return vowels.sub("V", first) == vowels.sub("V", second)


@lru_cache(maxsize=4096)
def _frequent(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= _FREQUENT


def is_syllable_name(word: str, is_common: Callable[[str], bool]) -> bool:
    """Whether ``word`` ("Jun-ho") is a hyphenated two-syllable East Asian given name.

    Args:
        word: One word with one hyphen.
        is_common: ``word -> bool``, whether a lower-case word is a non-name word of the
            project's lists; both parts such a word, or both frequent, is no name.
    """
    match = _CANDIDATE.fullmatch(word)
    if match is None:
        return False
    first, second = match.group(1).lower(), match.group(2).lower()
    if first == second or f"{first}-{second}" in _LOANS:
        return False
    if first in _PREFIXES or second in _ADDRESS_SUFFIXES or _same_frame(first, second):
        return False
    if not (_SYLLABLE.fullmatch(first) and _SYLLABLE.fullmatch(second)):
        return False
    return not (
        (is_common(first) and is_common(second)) or (_frequent(first) and _frequent(second))
    )


def find_syllable_names(text: str, is_common: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "NAME")`` for every hyphenated East Asian given name in ``text``.

    Args:
        text: The raw text.
        is_common: ``word -> bool``, whether a lower-case word is an everyday word.
    """
    if "-" not in text:
        return []
    found = []
    for match in _CANDIDATE.finditer(text):
        if not is_syllable_name(match.group(), is_common):
            continue
        start, end = match.span()
        before = re.search(r"(?<![\w'’-])([A-Z][a-z]{1,5})[ \t]\Z", text[max(0, start - 8) : start])
        if before and before.group(1).lower() in _FAMILY:
            start -= len(before.group())
        after = re.match(r"[ \t]([A-Z][a-z]{1,5})(?![\w'’-])", text[end : end + 8])
        if after and after.group(1).lower() in _FAMILY:
            end += len(after.group())
        found.append((start, end, "NAME"))
    return found


_VN_FAMILY = (
    r"Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang|"
    r"Đặng|Bui|Bùi|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Truong|Trương|Dinh|Đinh|Mai|Trinh|Trịnh"
)
_VN_MIDDLE = (
    r"Thi|Thị|Van|Văn|Ngoc|Ngọc|Thanh|Duc|Đức|Huu|Hữu|Quoc|Quốc|Minh|Hoang|Hoàng|Kim|Xuan|Xuân|"
    r"Thu|Bao|Bảo|Gia|Anh|Phuong|Phương|Cong|Công|Dinh|Đình|Tuan|Tuấn|Thuy|Thúy|My|Mỹ"
)
_STREET_WORDS = r"(?i:street|st|road|rd|avenue|ave|boulevard|blvd)\b"
_VIETNAMESE = re.compile(
    r"(?<![\w'’-])(?:" + _VN_FAMILY + r")[ \t]+(?:" + _VN_MIDDLE + r")"
    r"(?:[ \t]+(?!" + _STREET_WORDS + r")[A-ZĐ][^\W\d_]+){1,2}"
    r"(?![\w'’-])"
)
# A street named after a person: "Le Van Sy Street", "Nguyen Thi Minh Khai St".
_STREET_AFTER = re.compile(r"(?:[ \t]+[A-ZĐ][^\W\d_]+){0,2}[ \t]+" + _STREET_WORDS)


def find_vietnamese_names(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "NAME")`` for Vietnamese full names ("Nguyen Thi Lan")."""
    return [
        (match.start(), match.end(), "NAME")
        for match in _VIETNAMESE.finditer(text)
        if not _STREET_AFTER.match(text, match.end())
    ]

"""Compose synthetic customer comments from the hand-written fragment banks."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from voc.errors import ConfigError

__all__ = ["FragmentBank", "Part", "TextComposer", "load_banks"]

_DIR = Path(__file__).resolve().parent
_BANK_FILES = {"id": "fragments_id.yaml", "en": "fragments_en.yaml", "mixed": "fragments_mix.yaml"}
_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{([a-z_]+)\}")
_WORD = re.compile(r"[A-Za-z]{4,}")
_SPACES = re.compile(r" {2,}")
_SPACE_PUNCT = re.compile(r" ([,.!?])")
_END = (".", "!", "?", "…", ")", ":")
_CHAT_LIKE = frozenset({"whatsapp", "chat", "social", "app_review"})


@dataclass(frozen=True, slots=True)
class Part:
    """One topic a comment talks about: what to draw and from which special pool."""

    topic: str
    touchpoint: str
    sentiment: str
    pool: str = ""


@dataclass(frozen=True, slots=True)
class FragmentBank:
    """The fragments and style pieces of one language."""

    lang: str
    pools: Mapping[tuple[str, str, str], tuple[str, ...]]
    special: Mapping[str, tuple[str, ...]]
    style: Mapping[str, Any]
    slots: Mapping[str, Any]

    @property
    def size(self) -> int:
        """Number of fragments in the topic pools and special pools."""
        return sum(map(len, self.pools.values())) + sum(map(len, self.special.values()))


def _load_bank(lang: str, file: Path) -> FragmentBank:
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Cannot read the fragment bank {file}: {exc}.") from exc
    pools: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for topic, by_touchpoint in (raw.get("pools") or {}).items():
        for touchpoint, by_sentiment in by_touchpoint.items():
            for sentiment, fragments in by_sentiment.items():
                pools[(topic, touchpoint, sentiment)] = tuple(str(f) for f in fragments)
    special = {name: tuple(str(f) for f in items) for name, items in raw["special"].items()}
    return FragmentBank(lang, pools, special, raw.get("style") or {}, raw.get("slots") or {})


def load_banks(directory: Path | None = None) -> dict[str, FragmentBank]:
    """Load the fragment banks of every language (``id``, ``en``, ``mixed``)."""
    folder = directory or _DIR
    return {lang: _load_bank(lang, folder / name) for lang, name in _BANK_FILES.items()}


def _case_like(word: str, template: str) -> str:
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (QRIS, OTP)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _substitutions(table: Mapping[str, Sequence[str]]) -> re.Pattern | None:
    if not table:
        return None
    keys = sorted(table, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in keys) + r")\b", re.IGNORECASE)


class TextComposer:
    """Build one comment at a time from the banks, deterministically from ``rng``.

    A bank (``fragments_<lang>.yaml``) holds fragments keyed by (topic, touchpoint,
    sentiment), named special pools for planted signals, style pieces (greetings, openers,
    closers, connectors, emoji, channel wrappers, fake personal data) and slot values.
    Fragments may use ``[a|b|c]`` alternations (one option is drawn; an empty option makes
    words optional) and ``{slot}`` placeholders; in slot values ``#`` is any digit and ``%``
    a digit from 1 to 9.

    Args:
        banks: The fragment bank per language (see :func:`load_banks`).
        common_slots: Language-neutral slot values (numbers, ids, app names).
        rng: The random source; the same sequence of calls gives the same texts.
    """

    def __init__(
        self,
        banks: Mapping[str, FragmentBank],
        common_slots: Mapping[str, Any],
        rng: random.Random,
    ) -> None:
        self.banks = banks
        self.common_slots = common_slots
        self.rng = rng
        self._casual = {
            lang: (_substitutions(b.style.get("casual") or {}), b.style.get("casual") or {})
            for lang, b in banks.items()
        }
        mix = banks["id"].style.get("mix_words") or {}
        self._mix = (_substitutions(mix), {k.lower(): v for k, v in mix.items()})

    # -- drawing pieces -------------------------------------------------------------
    def _pick(self, items: Sequence[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def _style(self, lang: str, key: str, sub: str | None = None) -> Sequence[str]:
        value = self.banks[lang].style.get(key) or {}
        if sub is not None:
            value = value.get(sub) or value.get("any") or () if isinstance(value, Mapping) else ()
        return value

    def _fill(self, text: str, lang: str, product: str) -> str:
        rng = self.rng

        def slot(match: re.Match) -> str:
            name = match.group(1)
            values = self.banks[lang].slots.get(name)
            if values is None:
                values = self.banks["id" if lang == "mixed" else lang].slots.get(name)
            if values is None:
                values = self.common_slots.get(name)
            if values is None:
                raise ConfigError(f"The fragment slot '{{{name}}}' has no values in any bank.")
            if isinstance(values, Mapping):
                values = values.get(product) or values.get("default") or next(iter(values.values()))
            value = self._pick(values)
            return "".join(
                str(rng.randrange(10))
                if ch == "#"
                else str(rng.randrange(1, 10))
                if ch == "%"
                else ch
                for ch in value
            )

        for _ in range(3):  # slot values may hold alternations and slots themselves
            text = _ALT.sub(lambda m: self._pick(m.group(1).split("|")), text)
            if "{" not in text:
                break
            text = _SLOT.sub(slot, text)
        # Empty alternation options leave double spaces and " ," behind.
        return _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip(" ")

    def _fragment(self, lang: str, part: Part, *, avoid: str = "") -> tuple[str, str]:
        """Return (fragment template, language it came from) for ``part``."""
        rng = self.rng
        source = lang
        if lang == "mixed":
            has_mix = (part.topic, part.touchpoint, part.sentiment) in self.banks["mixed"].pools
            if part.pool and part.pool in self.banks["mixed"].special and rng.random() < 0.7:
                source = "mixed"
            elif has_mix and rng.random() < 0.7:
                source = "mixed"
            else:
                source = "id" if rng.random() < 0.6 else "en"
        bank = self.banks[source]
        if part.pool:
            items = bank.special.get(part.pool)
            if not items:
                raise ConfigError(
                    f"The fragment bank '{source}' has no special pool '{part.pool}'."
                )
        else:
            items = bank.pools.get((part.topic, part.touchpoint, part.sentiment))
            if not items:
                raise ConfigError(
                    f"The fragment bank '{source}' has no fragments for "
                    f"({part.topic}, {part.touchpoint}, {part.sentiment})."
                )
        choice = self._pick(items)
        if choice == avoid and len(items) > 1:
            choice = self._pick([i for i in items if i != avoid])
        return choice, source

    # -- styling ----------------------------------------------------------------------
    def _casualize(self, text: str, lang: str, intensity: float) -> str:
        pattern, table = self._casual.get(lang, (None, {}))
        if pattern is None or intensity <= 0:
            return text
        lowered = {k.lower(): v for k, v in table.items()}
        chosen: dict[str, str] = {}  # one spelling per word and text, as people write

        def swap(match: re.Match) -> str:
            word = match.group(0)
            if self.rng.random() >= intensity:
                return word
            key = word.lower()
            if key not in chosen:
                chosen[key] = self._pick(lowered[key])
            return _case_like(chosen[key], word)

        return pattern.sub(swap, text)

    def _code_mix(self, text: str, intensity: float) -> str:
        pattern, table = self._mix
        if pattern is None:
            return text
        hits = list(pattern.finditer(text))
        if not hits:
            return text
        forced = self.rng.randrange(len(hits))

        def swap(match: re.Match) -> str:
            word = match.group(0)
            if match.start() != hits[forced].start() and self.rng.random() >= intensity:
                return word
            return _case_like(self._pick(table[word.lower()]), word)

        return pattern.sub(swap, text)

    def _typos(self, text: str) -> str:
        words = list(_WORD.finditer(text))
        if not words:
            return text
        rng = self.rng
        match = words[rng.randrange(len(words))]
        word = match.group(0)
        i = rng.randrange(1, len(word) - 1)
        kind = rng.random()
        if kind < 0.35:
            new = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif kind < 0.65:
            new = word[:i] + word[i + 1 :]
        elif kind < 0.85:
            new = word[:i] + word[i] + word[i:]
        else:
            new = word[:i] + "aeiou"[rng.randrange(5)] + word[i + 1 :]
        return text[: match.start()] + new + text[match.end() :]

    def _stretch(self, text: str) -> str:
        words = [m for m in re.finditer(r"[A-Za-z]{3,}", text)]
        if not words:
            return text
        match = words[-1] if self.rng.random() < 0.6 else self._pick(words)
        word = match.group(0)
        stretched = word + word[-1] * self.rng.randint(2, 5)
        return text[: match.start()] + stretched + text[match.end() :]

    def _terminal(self, sentiment: str, last: bool) -> str:
        options = {
            "negative": (".", ".", "!", "!!", "..", "", "!!!"),
            "neutral": (".", ".", "", " 🙏", ".."),
            "positive": (".", "!", "", " :)", "!!"),
        }.get(sentiment, (".",))
        mark = self._pick(options)
        if not last and mark in ("", " :)", " 🙏"):
            mark = self._pick((".", ",", "."))
        return mark

    def _is_question(self, text: str, lang: str) -> bool:
        words = re.findall(r"[\w']+", text.lower())
        if not words:
            return False
        style = self.banks[lang].style
        anywhere = set(style.get("question_words") or ())
        starts = set(style.get("question_starts") or ())
        ends = set(style.get("question_ends") or ())
        return words[0] in starts or words[-1] in ends or bool(anywhere & set(words))

    def _sentence(
        self, text: str, sentiment: str, capitalise: bool, *, last: bool, lang: str, ask: bool
    ) -> str:
        text = text.strip()
        if not text:
            return text
        if not text.endswith(_END):
            if ask and sentiment == "neutral" and self._is_question(text, lang):
                text += self._pick(("?", "?", "?", "??", " ?"))
            else:
                text += self._terminal(sentiment, last)
        if capitalise:
            text = text[:1].upper() + text[1:]
        return text

    # -- the comment ------------------------------------------------------------------
    def compose(
        self, lang: str, channel: str, parts: Sequence[Part], product: str, *, pii: bool = False
    ) -> tuple[str, tuple[str, ...]]:
        """Write one comment.

        Args:
            lang: ``id``, ``en`` or ``mixed``.
            channel: The channel id (changes greetings, wrappers, length and emoji).
            parts: The topics mentioned, the primary one first.
            product: The product line (some slots depend on it).
            pii: Add a sentence with clearly fake personal data.

        Returns:
            The text and the kinds of fake personal data it contains.
        """
        rng = self.rng
        primary = parts[0]
        sentiment = primary.sentiment
        style_lang = lang
        short = channel in ("app_review", "social", "survey")
        # (template, source language, is a topic fragment, sentiment of the sentence)
        sentences: list[tuple[str, str, bool, str]] = []
        first, first_src = self._fragment(lang, primary)
        sentences.append((first, first_src, True, sentiment))
        elaborate = {"email": 0.45}.get(channel, 0.0 if short else 0.25)
        for _ in range(2 if channel == "email" else 1):
            if rng.random() < elaborate:
                again, src = self._fragment(lang, primary, avoid=sentences[-1][0])
                if again not in {s[0] for s in sentences}:
                    sentences.append((again, src, True, sentiment))
        sources = {first_src}
        for part in parts[1:]:
            template, src = self._fragment(lang, part)
            sources.add(src)
            mood = part.sentiment
            if {mood, sentiment} == {"negative", "positive"}:
                if mood == "positive" and rng.random() < 0.65:
                    # "The agent was kind. But sadly my refund ..." (praise first, then the gripe)
                    contrast = self._pick(self._style(style_lang, "connectors", "contrast"))
                    head, head_src, _, head_mood = sentences[0]
                    sentences[0] = (f"{contrast} {_lower_first(head)}", head_src, True, head_mood)
                    sentences.insert(0, (template, src, True, mood))
                else:
                    key = "concede" if mood == "positive" else "contrast"
                    joint = self._pick(self._style(style_lang, "connectors", key))
                    sentences.append((f"{joint} {_lower_first(template)}", src, True, mood))
            else:
                same = self._pick(self._style(style_lang, "connectors", "same"))
                sentences.append((f"{same} {_lower_first(template)}", src, True, mood))

        opener_p = {"email": 0.5, "phone": 0.2, "survey": 0.12}.get(channel, 0.3)
        if rng.random() < opener_p:
            opener = self._pick(self._style(style_lang, "openers", sentiment))
            sentences.insert(0, (opener, lang, False, sentiment))
        closer_p = {"email": 0.6, "survey": 0.1, "app_review": 0.3}.get(channel, 0.32)
        if rng.random() < closer_p:
            closer = self._pick(self._style(style_lang, "closers", sentiment))
            sentences.append((closer, lang, False, sentiment))
        if lang == "mixed" and len(sources) == 1 and "mixed" not in sources:
            other = "en" if "id" in sources else "id"
            closer = self._pick(self._style(other, "closers", sentiment))
            sentences.append((closer, other, False, sentiment))

        # Fill, casualise and punctuate each sentence in its own language.
        casual = rng.choice((0.0, 0.35, 0.75, 0.75)) if channel != "email" else rng.random() * 0.3
        capitalise = rng.random() < {"email": 0.92, "phone": 0.9, "survey": 0.6}.get(channel, 0.4)
        body_parts = []
        for position, (template, src, is_fragment, mood) in enumerate(sentences):
            text = self._fill(template, src, product)
            if lang == "mixed" and src == "id":
                text = self._code_mix(text, 0.5)
            text = self._casualize(text, "id" if src == "mixed" else src, casual)
            last = position == len(sentences) - 1
            body_parts.append(
                self._sentence(text, mood, capitalise, last=last, lang=src, ask=is_fragment)
            )
        joiner = " " if rng.random() < 0.85 else ("\n" if channel == "email" else " ")
        body = joiner.join(p for p in body_parts if p)

        if rng.random() < (0.22 if channel in _CHAT_LIKE else 0.1):
            body = self._typos(body)
        if sentiment != "neutral" and rng.random() < 0.12:
            body = self._stretch(body)
        caps_p = {"social": 0.14, "app_review": 0.12}.get(channel, 0.05)
        if sentiment == "negative" and rng.random() < caps_p:
            body = body.upper().rstrip(".") + self._pick(("!!!", "!!", "!!!!", ""))
        elif channel in _CHAT_LIKE and rng.random() < 0.35:
            body = body.lower()
        emoji_p = {"social": 0.45, "app_review": 0.4, "whatsapp": 0.3, "chat": 0.25}.get(
            channel, 0.1 if channel == "survey" else 0.02
        )
        if channel != "phone" and rng.random() < emoji_p:
            marks = self._style(lang, "emoji", sentiment) or self._style("id", "emoji", sentiment)
            count = rng.choice((1, 1, 1, 2, 3))
            emoji = "".join(self._pick(marks) for _ in range(count))
            body = f"{body} {emoji}" if rng.random() < 0.85 else f"{emoji} {body}"

        kinds: tuple[str, ...] = ()
        if pii:
            body, kinds = self._add_pii(body, lang)
        return self._wrap(body, lang, channel, sentiment, product), kinds

    def _wrap(self, body: str, lang: str, channel: str, sentiment: str, product: str) -> str:
        rng = self.rng
        wrappers = self.banks[lang].style.get("wrappers") or {}
        key = f"{channel}_{sentiment}" if f"{channel}_{sentiment}" in wrappers else channel
        chance = {"phone": 0.75, "email": 0.55, "social": 0.4, "app_review": 0.2}.get(channel, 0.0)
        if channel in ("whatsapp", "chat") and rng.random() < 0.4:
            greeting = self._pick(self._style(lang, "greetings", "chat"))
            body = f"{greeting} {body}" if rng.random() < 0.6 else f"{greeting}, {body}"
        if key in wrappers and rng.random() < chance:
            template = self._pick(wrappers[key])
            return self._fill(template, lang, product).replace("<body>", body)
        return body

    def _add_pii(self, text: str, lang: str) -> tuple[str, tuple[str, ...]]:
        rng = self.rng
        template = self._pick(self._style(lang, "pii") or self._style("id", "pii"))
        template = _ALT.sub(lambda m: self._pick(m.group(1).split("|")), template)
        kinds = tuple(sorted(set(re.findall(r"\{pii_([a-z]+)\}", template))))
        values = {
            "pii_name": lambda: (
                f"{self._pick(self.common_slots['first_names'])} "
                f"{self._pick(self.common_slots['last_names'])}"
            ),
            "pii_phone": self._fake_phone,
            "pii_email": self._fake_email,
            "pii_nik": lambda: (
                str(rng.randrange(11, 95)) + "".join(str(rng.randrange(10)) for _ in range(14))
            ),
        }
        sentence = _SLOT.sub(lambda m: values[m.group(1)](), template)
        if rng.random() < 0.7:
            return f"{text} {sentence}", kinds
        return f"{sentence}. {text}", kinds

    def _fake_phone(self) -> str:
        rng = self.rng
        digits = lambda n: "".join(str(rng.randrange(10)) for _ in range(n))  # noqa: E731
        prefix = self._pick(("811", "812", "813", "821", "822", "852", "857", "878", "896"))
        form = rng.randrange(4)
        if form == 0:
            return f"0{prefix}-{digits(4)}-{digits(4)}"
        if form == 1:
            return f"+62 {prefix} {digits(4)} {digits(4)}"
        if form == 2:
            return f"0{prefix}{digits(7)}"
        return f"62{prefix}{digits(8)}"

    def _fake_email(self) -> str:
        first = self._pick(self.common_slots["first_names"]).lower()
        last = self._pick(self.common_slots["last_names"]).lower()
        domain = self._pick(("example.com", "example.org", "example.net", "mail.example.com"))
        sep = self._pick((".", "_", ""))
        return f"{first}{sep}{last}{self.rng.randrange(1, 99)}@{domain}"

"""Names read from their role in the sentence: staff of a team, subjects of a person's verb, forms.

Round 5 (docs/PII.md): names that no cue phrase announces but whose place says "person":

* staff named before their team: "Gwendolyn from your support line", "andre from the service
  desk", "Hope from billing" (a word that is also a name only here);
* the subject of a verb only people do: "Rose answered, then ...", "Will fixed my router",
  "hunter was my agent";
* a sign-off closing the text: "... Please fix. Dmitri", "— Bill Hargreaves", "-indah";
* chat transcripts that answer a prompt for a name or a card number on the next line
  ("[Bot] Please enter your full name." / "[User] Siriporn Boonmee");
* names written in capitals after a word that reports them ("it says KARTHIK SUBRAMANIAN");
* Korean names, a surname and a hyphenated given name ("Bae Soo-ah", "kim so-yul").

Each shape is a regex over the raw text behind a cheap literal check; the words are accepted by
the callbacks of :class:`~voc.pii.names.NameFinder`, and a few names that are also everyday
words (``WORD_NAMES``) only in these strong places.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.pii.name_cues import EATERY_BEFORE, NAME_PARTICLES, ROLE_SINGLE_WORDS, SIGN_OFF_CUES
from voc.pii.name_extra import WORD_NAMES
from voc.pii.name_lexicons import hard_stop_words
from voc.pii.name_shapes import frequent_word
from voc.pii.validators import luhn_valid

__all__ = ["WORD_NAMES", "find_context_names"]

Span = tuple[int, int, str]

_NAME = r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?"
_TEAM = (
    r"(?:customer[ \t]+(?:care|service|support|success)|billing|support|accounts?|sales|"
    r"help[ \t]?desk|service[ \t]+desk|tech(?:nical)?[ \t]+support|it[ \t]+support|cs|"
    r"call[ \t]+cent(?:er|re)|returns|refunds|claims|complaints|front[ \t]+desk|reception|"
    r"finance|marketing|logistics|collections?|retention|onboarding|"
    r"(?:(?<=dari[ \t])|(?<=dr[ \t])|(?<=from[ \t]))(?:tim|team|divisi|bagian)[ \t]+[a-z]+)"
)
# "Gwendolyn from your support line", "Joy in customer care", "Dini dan Nadia dr tim marketing".
_STAFF = re.compile(
    r"(?<![\w.@'’])(?P<name>[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?(?:[ \t]+" + _NAME + r")?)"
    r"[ \t]+(?:from|in|at|on|dari|dr|di)[ \t]+(?:(?:your|the|our|kalian|you[ \t]+guys'?)[ \t]+)?"
    + _TEAM
    + r"\b",
    re.IGNORECASE,
)
_VERBS = (
    r"answered|replied|responded|fixed|promised|said|told|called|rang|transferred|hung[ \t]+up|"
    r"helped|explained|sorted|assured|insisted|refused|picked[ \t]+up|came[ \t]+over|"
    r"came[ \t]+to|was[ \t]+(?:my|our|the)[ \t]+(?:agent|technician|driver|rep|courier|"
    r"advisor|therapist|teacher|tutor)|is[ \t]+a[ \t]+legend|is[ \t]+(?:my|our)[ \t]+"
    r"(?:agent|technician|driver)|bilang|janji|janjiin|dtg|datang|nelpon|menelpon|ngomong|"
    r"menjawab|jawab|baru[ \t]+pindah|ini[ \t]+(?:customer|pelanggan|nasabah|klien|client)|"
    r"and[ \t]+I[ \t]+(?:\w+ed|went|were|both|have|had|got|made|took|paid|are)|"
    r"dan[ \t]+(?:saya|aku|sy|gue)[ \t]+(?:sudah|udah|udh|sama|pesan|beli|booking|datang)"
)
# Cheap first tests before the patterns that try every word of a text.
_TEAM_HINT = re.compile(
    r"customer[ \t]+(?:care|service|support|success)|billing|support|accounts?|sales|desk|cs|"
    r"call[ \t]+cent|returns|refunds|claims|complaints|reception|finance|marketing|logistics|"
    r"collection|retention|onboarding|tim |team |divisi |bagian "
)
_VERB_HINT = re.compile(_VERBS)
_HYPHEN_WORD = re.compile(r"[A-Za-z]-[a-z]")
# "Rose answered, ...", "Will fixed my router", "hunter was my agent", "Rudi dtg 2x".
_SUBJECT = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Za-z][a-z'’]+(?:-[A-Za-z][a-z'’]+)?(?:[ \t]+[A-Z][a-z'’]+)?)[ \t]+"
    r"(?:(?:had|has|just|already|udah|sudah|tadi)[ \t]+)?(?P<verb>" + _VERBS + r")\b"
)
# "... Please fix. Dmitri", "Thanks for nothing.\nMaria Lopez": the last sentence a name.
_LAST = re.compile(
    r"(?:(?<=[.!?])[ \t]+|\n[ \t]*)(?P<name>"
    + _NAME
    + r"(?:[ \t]+"
    + _NAME
    + r"){0,2})[ \t]*[.!]?\s*\Z"
)
# "— Bill Hargreaves", "— Bartholomew Finch, 9 Elm Row ...", "-indah" closing the text.
_DASH = re.compile(
    r"(?:^|(?<=\s))(?:--?|—|–)[ \t]*(?P<name>" + _NAME + r"(?:[ \t]+" + _NAME + r"){1,2})"
    r"[ \t]*(?=,[ \t]*\d|\n|\Z)"
)
_GLUED_DASH = re.compile(r"(?<=\s)-(?P<name>[a-z]{3,12})[ \t]*[.!]?\s*\Z")
# Chat transcripts: a prompt for a name or a card number, the answer on the next line.
_SPEAKER = (
    r"[ \t]*(?:\[[ \t]*(?:user|customer|cust|pelanggan|me|you|nasabah)[ \t]*\][ \t]*:?|"
    r"(?:user|customer|cust|pelanggan|nasabah|me)[ \t]*:)[ \t]*"
)
_PROMPT = re.compile(
    r"(?P<what>full[ \t]+name|your[ \t]+name|(?:registered|account)[ \t]+name|"
    r"nama[ \t]+(?:lengkap|anda|kakak|kak|bapak|ibu|sesuai)|card[ \t]+number|"
    r"(?:nomor|nomer|no\.?)[ \t]+kartu)[^\n]*\n"
    + _SPEAKER
    + r"(?P<answer>[^\n]{2,60}?)[ \t]*(?=\n|\Z)",
    re.IGNORECASE,
)
_CARD_ANSWER = re.compile(r"\d(?:[ -]?\d){12,18}")
# Capitals reported by a word: "it says KARTHIK SUBRAMANIAN", "tertulis ZAINAL ABIDIN".
_CAPS = re.compile(
    r"(?:\b(?:says|said|reads|should[ \t]+be|tertulis|seharusnya|harusnya|jadi|with|dengan|"
    r"nama|name|penerima)[ \t]+['‘\"“]?)(?P<name>[A-Z]{2,}(?:-[A-Z]{2,})?(?:[ \t]+[A-Z]{2,}"
    r"(?:-[A-Z]{2,})?){1,3})\b(?![ \t]*\d)"
)
_KOREAN_SURNAMES = (
    "kim lee park choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn "
    "song yoo hong jeon ko moon son bae baek heo nam noh ryu"
)
_KOREAN = re.compile(
    r"(?<![\w-])(?i:" + "|".join(_KOREAN_SURNAMES.split()) + r")[ \t]+"
    r"(?:[A-Z][a-z]{1,4}-[a-z]{2,5}|[a-z]{2,5}-[a-z]{2,5})\b(?!-)"
    r"|(?<![\w-])[A-Z][a-z]{1,4}-[a-z]{2,4}[ \t]+(?:"
    + "|".join(s.capitalize() for s in _KOREAN_SURNAMES.split())
    + r")\b"
)
# An honorific before a name that is also a word: "Ibu Kasih, guru les ...", "Pak Sabar".
_HONORIFIC_WORD = re.compile(
    r"(?<![\w.])(?:Ibu|Bu|Pak|Bapak|Mbak|Mas|Kak|Mr\.?|Mrs\.?|Ms\.?|Miss)[ \t]+"
    r"(?P<name>[A-Z][a-z]+)\b"
)
_HONORIFIC_HINTS = ("Ibu", "Bu ", "Pak", "Bapak", "Mbak", "Mas ", "Kak", "Mr", "Ms", "Miss")
# Two staff named together: "Dini dan Nadia dr tim marketing".
_LISTED_BEFORE = re.compile(r"(?P<name>[A-Z][a-z'’]+)[ \t]+(?:dan|and|&)[ \t]+\Z")
_QNAME = r"['‘\"“]?(?P<{0}>[A-Z][A-Za-z'’-]+(?:[ \t]+[A-Z][A-Za-z'’-]+){{0,2}})['’\"”]?"
# A name changed from one spelling to another: "the name on the ticket from Kesia to Kezia",
# "ganti nama akun dari 'Bunga' jadi 'Bunga Larasati'".
_RENAMED = re.compile(
    r"\b(?:name|nama)\b[^.!?\n]{0,40}?\b(?:from|dari)[ \t]+"
    + _QNAME.format("old")
    + r"[ \t]+(?:to|into|jadi|menjadi|ke)[ \t]+"
    + _QNAME.format("new"),
    re.IGNORECASE,
)
_THING_NAMED = re.compile(
    r"paket|produk|toko|plan\b|package|product|shop|store|folder|file|layanan|program|tarif|"
    r"gru[bp]|group|wifi|ssid|menu|channel|kanal|page|halaman|brand|merek|merk",
    re.IGNORECASE,
)
# A relation and the name in brackets: "husband (Siddharth)", "istri (Ratna)".
_RELATION_PAREN = re.compile(
    r"\b(?:husband|wife|son|daughter|mother|father|mum|mom|dad|brother|sister|partner|"
    r"suami|istri|anak|ibu|ayah|adik|kakak|kakek|nenek|mama|papa|mami|papi)[ \t]*\("
    r"(?P<name>[A-Z][a-z'’-]+"
    r"(?:[ \t]+[A-Z][a-z'’-]+){0,2})\)"
)
# "identified by security as Wiremu", "known as Bagas", "registered as Olena Petrenko".
_KNOWN_AS = re.compile(
    r"\b(?:identified|known|registered|listed|recorded)(?:[ \t]+by[ \t]+\w+)?[ \t]+as[ \t]+"
    r"(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})\b"
)
# A request or thanks right before a one-word sign-off: "Please fix. Dmitri".
_REQUEST_BEFORE = re.compile(
    r"\b(?:please|pls|plz|thanks|thank[ \t]+you|thx|tolong|mohon|help)\b[^.!?\n]{0,40}[.!?]+\Z",
    re.IGNORECASE,
)
_STRONG_VERB = re.compile(
    r"answered|replied|responded|explained|promised|transferred|hung[ \t]+up|assured|"
    r"insisted|janji|janjiin|menjawab|and[ \t].*|dan[ \t].*|was[ \t].*|is[ \t].*"
)
# Products and apps that stand where a person would ("Pixel from support replaced it").
_PRODUCTS = frozenset(
    "galaxy pixel zoom iphone ipad macbook airpods redmi oppo vivo realme xiaomi huawei samsung "
    "nokia asus lenovo acer netflix spotify canva notion slack teams whatsapp telegram "
    "instagram tiktok youtube gmail outlook chrome windows android alexa siri".split()
)
_FIRMS = frozenset("bank pt cv toko hotel rs klinik apotek restoran warung kantor".split())
_PLACE_PREPOSITIONS = frozenset(
    "in at on near of from to into di ke dari dekat via for with".split()
)
_ROLES = frozenset(
    list(ROLE_SINGLE_WORDS)
    + "staf staff tech physio grandad grandma grandpa mum mom dad hotel reception forecast "
    "listing review system app bank shop store seller".split()
)
_DETERMINERS = frozenset(
    "the a an this that someone somebody anyone nobody everyone guy lady person agent people "
    "your our my their his her its call email reply message letter invoice bill".split()
)


def find_context_names(
    text: str,
    is_name_word: Callable[[str, bool | None], bool],
    is_given: Callable[[str], bool],
    is_common: Callable[[str], bool] = lambda word: False,
) -> list[Span]:
    """Return NAME (and CARD) spans that the role of a word in ``text`` reveals.

    Args:
        text: The raw text.
        is_name_word: ``(word, lower_ok) -> bool`` of :class:`~voc.pii.names.NameFinder`.
        is_given: ``word -> bool``: whether a word (any case) is in the given-name lexicon.
        is_common: ``word -> bool``: whether a lower-case word is an everyday word.
    """
    found: list[Span] = []
    lower = text.lower()

    def person(word: str, lower_ok: bool) -> bool:
        low = word.lower()
        if low in WORD_NAMES or is_given(low):
            return word[0].isupper() or lower_ok
        if low in _DETERMINERS or low in _PRODUCTS:
            return False
        if low.endswith("nya") and len(low) > 5:
            return False  # "Teknisinya datang", "Nasinya datang"
        return word[0].isupper() and is_name_word(word, False)

    if _TEAM_HINT.search(lower) is not None:
        for match in _STAFF.finditer(text):
            words = match.group("name").split()
            if len(words) > 1 and not (person(words[0], True) and is_name_word(words[1], False)):
                words = words[1:]  # "swear andre from ...": the word before is no name
            start = match.end("name") - len(words[-1]) if len(words) == 1 else match.start("name")
            if not person(words[0], True):
                continue
            found.append((start, match.end("name"), "NAME"))
            listed = _LISTED_BEFORE.search(text, max(0, start - 30), start)
            if listed is not None and person(listed.group("name"), False):
                found.append((listed.start("name"), listed.end("name"), "NAME"))
    for match in _SUBJECT.finditer(text) if _VERB_HINT.search(text) else ():
        name, verb = match.group("name"), match.group("verb")
        start, end = match.span("name")
        strong = verb.startswith(("was", "is"))
        words = name.split()
        if len(words) == 2 and not person(words[0], strong):
            words, start = words[1:], end - len(words[1])  # "basically Gerardo tadi bilang"
        word = words[0]
        known = word.lower() in WORD_NAMES or is_given(word.lower())
        if not all(person(w, strong) and w.lower() not in _ROLES for w in words):
            continue
        previous = text[max(0, start - 20) : start].split()[-1:]
        opens = not previous or previous[0][-1] in '.!?,:;"' or previous[0] in ("and", "but")
        if previous and previous[0].lower() in _PLACE_PREPOSITIONS | _DETERMINERS | _FIRMS:
            continue  # "staff in Oakley helped", "the Hotel refused"
        place = previous and not is_common(previous[0].lower().strip(".,"))
        if place and previous[0][:1].isupper() and not opens:
            continue  # "Kings Cross helped", "Oak Ave fixed": a place of several words
        if (
            len(words) == 1
            and not known
            and previous
            and previous[0][:1].isupper()
            and previous[0][-1].isalnum()
            and frequent_word(word.lower(), 4.0)
            and not _ROLES.intersection(w.lower() for w in text[:start].rsplit(maxsplit=3)[-3:])
        ):
            continue  # "Google Maps bilang", "BPJS Kesehatan bilang": a firm's or an app's
        if opens and not known and not _STRONG_VERB.fullmatch(verb):
            continue  # "Hotel refused", "Tech said": any sentence opens with a capital
        found.append((start, end, "NAME"))
    tail = text[-80:]
    offset = len(text) - len(tail)
    closing = text.rstrip(" \t\n.!").rsplit(None, 1)[-1:]
    last = _LAST.search(tail) if closing and closing[0][:1].isupper() else None
    if last is not None and len(text) > len(last.group("name")) + 15:
        words = last.group("name").split()
        bare = not last.group().rstrip().endswith((".", "!"))
        single = len(words) == 1 and not is_given(words[0].lower())
        if len(words) == 1 and words[0].lower() in WORD_NAMES:
            words = []  # "... Bagus." closing a review is praise
        if " ".join(words).lower() in SIGN_OFF_CUES:
            words = []  # "...\n\nSincerely": the sign-off with no name after it (round 12)
        own_line = "\n" in last.group() or _REQUEST_BEFORE.search(tail, 0, last.start())
        if (
            ((own_line and bare) or not single)
            and words
            and all(person(w, False) for w in words)
            and not _title_heavy(text)
        ):
            found.append((offset + last.start("name"), offset + last.end("name"), "NAME"))
    window = max(0, len(text) - 160)
    dashed = any(d in text[window:] for d in ("-", "\u2014", "\u2013"))
    for match in _DASH.finditer(text, window) if dashed else ():
        words = match.group("name").split()
        if all(person(w, False) or is_name_word(w, False) for w in words):
            found.append((match.start("name"), match.end("name"), "NAME"))
    glued = _GLUED_DASH.search(tail) if "-" in tail else None
    if glued is not None and is_given(glued.group("name")):
        found.append((offset + glued.start("name"), offset + glued.end("name"), "NAME"))
    if "\n" in text:
        for match in _PROMPT.finditer(text):
            answer, start = match.group("answer"), match.start("answer")
            if "kartu" in match.group("what").lower() or "card" in match.group("what").lower():
                card = _CARD_ANSWER.fullmatch(answer.strip())
                digits = re.sub(r"\D", "", answer)
                if card is not None and luhn_valid(digits):
                    found.append((start, start + len(answer.rstrip()), "CARD"))
                continue
            words = answer.split()
            if 1 <= len(words) <= 4 and all(is_name_word(w, True) for w in words):
                found.append((start, start + len(answer.rstrip()), "NAME"))
    if any(
        cue in lower
        for cue in (
            "says",
            "said",
            "reads",
            "should",
            "tertulis",
            "harusnya",
            "jadi",
            "with",
            "dengan",
            "nama",
            "name",
            "penerima",
        )
    ):
        for match in _CAPS.finditer(text):
            words = match.group("name").split()
            hard = hard_stop_words()
            plain = sum(
                is_given(w.lower()) or not (is_common(w.lower()) or w.lower() in hard)
                for w in words
            )
            if _caps_heavy(text) or (plain < 2 and plain < len(words)):
                continue  # "it says PAYMENT FAILED"; "GUSTI NGURAH OKA" has two name words
            found.append((match.start("name"), match.end("name"), "NAME"))
    if "-" in text and _HYPHEN_WORD.search(text) is not None:
        for match in _KOREAN.finditer(text):
            syllables = re.findall(r"[A-Za-z]+", match.group())
            if syllables[-1].lower() != syllables[-2].lower():  # not "benar-benar"
                found.append((match.start(), match.end(), "NAME"))
    honorific = any(h in text for h in _HONORIFIC_HINTS)
    for match in _HONORIFIC_WORD.finditer(text) if honorific else ():
        previous = text[max(0, match.start() - 12) : match.start()].split()[-1:]
        if previous and previous[0].lower() in EATERY_BEFORE:
            continue  # "Ayam Geprek Mbak Sari": a shop's name
        if match.group("name").lower() in WORD_NAMES:
            found.append((match.start("name"), match.end("name"), "NAME"))
    if " from " in lower or " dari " in lower:
        for match in _RENAMED.finditer(text):
            if _THING_NAMED.search(text, match.start(), match.start("old")):
                continue  # "Nama paketnya diganti dari Hemat jadi Super Hemat": a product
            words = (match.group("old") + " " + match.group("new")).split()
            if all(person(w, False) or is_name_word(w, False) for w in words):
                found += [(match.start(g), match.end(g), "NAME") for g in ("old", "new")]
    for pattern in (_RELATION_PAREN, _KNOWN_AS) if "(" in text or " as " in text else ():
        for match in pattern.finditer(text):
            words = match.group("name").split()
            if all(person(w, False) or w.lower() in NAME_PARTICLES for w in words) and any(
                person(w, False) for w in words
            ):  # "mama (Wa Ode Salmia)": particles of a name inside
                found.append((match.start("name"), match.end("name"), "NAME"))
    return found


def _title_heavy(text: str) -> bool:
    """Whether most words are Capitalised (a headline or a product list)."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _caps_heavy(text: str) -> bool:
    """Whether most words outside reported names are in capitals (a shouted text or a form)."""
    words = re.findall(r"[A-Za-z]{2,}", _CAPS.sub(" ", text))
    return bool(words) and sum(w.isupper() for w in words) >= 0.5 * len(words)

"""Names with no cue phrase, read from their place in the sentence and from their shape.

Round 9 (docs/PII.md): a person's name that no cue announces and no lexicon holds ("Tadeusz
said ...", "Chinedu Okeke's account", "J. Mbatha signed for it") is still told by where it
stands and how it is written. A *name word* here is a Capitalised word (diacritics allowed:
"Siobhán", "Gergő") that is no everyday English or Indonesian word, no role word and no
place, firm, app or brand of ``data/not_names_places.txt``. Runs of one to four name words
(initials and particles such as "van der", "bin", "Al-", "Wa Ode" inside) are read as names

* as the subject of a verb only people do, opening a sentence or a clause ("Okonkwo called
  me twice", "Nofrianti bilang ...", "Dadan Hamdani nipu saya", "Bongani says ...");
* as the object of a verb of contact ("spoke to Dawit Bekele", "transferred from X to Y",
  "stop calling X", "tolong hubungi X");
* before a possessive and a personal thing ("Ravindra's account", "Kezia's number");
* in a list of people where one member is a known given name ("Helen sama Sukma"), or with a
  verb only people do or a person's pronoun after it ("Daniela, Mateus and Wojciech said");
* as chat speakers ("Nkechi: could you send me the code" beside "Customer: ...");
* with an initial ("J. Mbatha", "Nattaya B.", "Lamhot P. Simanjuntak");
* written with letters beyond ASCII where a name stands ("Siobhán and Gergő", "Tuấn Anh");
* as a full name in a shouted text ("GIORGI BERIDZE - ORDER NOT RECEIVED",
  :mod:`voc.pii.name_shouted`).

Places after a place preposition ("di Medan", "to Zürich"), brands, and words that are names
only in a lexicon stay; the global look-alike filter of ``component.py`` still applies. One
unknown word after a one-word anchor a firm follows too ("contact", "kurir") or before a verb
a firm does too ("cancelled", "minta", "nelpon") needs a second name word, a known given name
or a person's pronoun later in the sentence; a run followed by a firm's word ("support",
"app", "team") is no name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from voc.pii.name_cues import NAME_PARTICLES, ROLE_SINGLE_WORDS
from voc.pii.name_lexicons import dictionary_words, place_or_brand_words
from voc.pii.name_listed import alone_on_line, chat_speakers, listed_after, lists_of_people
from voc.pii.name_lookalikes import firms_and_brands_dropped
from voc.pii.name_shouted import inflected, shouted_names

__all__ = ["dictionary_words", "find_cueless_names", "lower_case_subjects", "place_or_brand_words"]

Span = tuple[int, int, str]

_TOKEN = re.compile(r"(?<![\w.-])[A-Z]\.(?=[ \t\n,)'’]|\Z)|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\n|\S")
_PARTICLES = NAME_PARTICLES
_INITIAL = re.compile(r"[A-Z]\.\Z")
_INITIAL_IN_TEXT = re.compile(r"(?<![\w.-])[A-Z]\.(?=[ \t\n,)'’]|\Z)")
_WORDS = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE = frozenset(".!?\n:;\"“”'‘’()—–-")
_CONJ = frozenset(
    "and but so then because cuz coz also fyi btw update honestly apparently tapi terus trus "
    "lalu jadi soalnya karena krn kalau kalo klo kalau tadi pas waktu dan ini yesterday today that "
    "kemarin kmrn besok nanti".split()
)
_PLACE_BEFORE = frozenset(
    "in at on near of from to into di ke dari dekat via for with the a an this your our "
    "my their his her its bank pt cv toko hotel rs klinik apotek restoran warung kantor kota "
    "jl jalan gg gang kec kel desa kab".split()
)
_ADVERBS = frozenset(
    "udah sudah udh sdh tadi kmrn kemarin kemaren barusan baru juga just already also never "
    "then dua tiga 2x 3x kali ga gak nggak ngga tidak belum blm has had have personally "
    "literally mau akan lagi yang yg".split()
)
# Words before a run that make it a place even when it has an initial or letters beyond ASCII.
# Titles between the street word and the name are skipped: "Jl. Ir. H. Juanda", "di Jl. A. Yani".
_STREET_BEFORE = re.compile(
    r"\b(?:in|at|near|di|ke|dekat|jl|jln|jalan|gg|gang|kec|kel|desa|kab|kota|street|road)\.?"
    r"[ \t]+(?:[A-Za-z]{1,4}\.[ \t]*){0,3}\Z",
    re.IGNORECASE,
)
# Verbs (and verb phrases) only people do, after the subject and its adverbs.
_PERSON_VERBS = tuple(
    tuple(phrase.split())
    for phrase in (
        "said", "says", "told", "texted", "called me", "called us", "called twice", "rang",
        "wrote", "signed", "emailed", "messaged", "dm'd", "ordered", "cancelled", "canceled",
        "cancel", "is picking", "will pick", "picked", "came", "visited", "complained",
        "passed away", "keeps asking", "keeps calling", "asked me", "asked us", "and i",
        "is my", "is our", "was my", "is his", "is her", "is in hospital", "both", "texted me",
        "bilang", "blg", "ngomong", "nelpon", "nelfon", "telpon", "telepon", "menelepon",
        "nipu", "menipu", "komplain", "ngeluh", "mengeluh", "janji", "konfirmasi",
        "belum terima", "blm terima", "mau ambil", "ambil", "datang", "dateng", "nunggu",
        "menunggu", "meninggal", "dan istri", "dan suami", "dan saya", "dan aku", "itu mama",
        "itu papa", "itu ibu", "itu ayah", "itu suami", "itu istri", "itu anak", "itu adik",
        "itu kakak", "itu karyawan", "itu teman", "itu temen", "itu pacar", "minta",
        "is listed as", "was listed as", "is registered as", "is the beneficiary",
        "is the account", "is the cardholder", "is the policyholder", "is the guarantor",
        "is the emergency", "on the night", "on the day", "on the morning", "on the evening",
        "on the late",
        "at the counter", "at the desk", "at the front", "at the register", "at the till",
        "at the checkout", "at the reception", "at the cashier",
        "ngasih", "kasih tau",
        # round 12: what a person does at a counter or on a call
        "tried to", "promised", "didn't listen", "did not listen", "apologised",
        "apologized", "shouted", "yelled", "laughed", "lied", "refused to", "insisted",
        "marah", "ngamuk", "bohong", "minta maaf", "nanya", "tanya",
        "was rude", "was helpful", "was kind", "was friendly", "was polite", "was patient",
        "was impatient", "was lovely", "is rude", "is helpful", "is lovely",
        # round 13
        "kept calling", "kept texting", "keeps texting", "kept asking", "showed up",
    )
)  # fmt: skip
_CONTACT_BEFORE = tuple(
    tuple(phrase.split())
    for phrase in (
        "spoke to", "spoke with", "speak to", "speak with", "talked to", "talked with",
        "talk to", "chatted with", "transferred from", "transferred to", "then to",
        "complain about", "complaining about", "complained about", "stop calling",
        "please call", "tell", "told", "ask", "asked", "hubungi", "menghubungi",
        "nunggu", "menunggu", "diminta", "disuruh", "on behalf of", "contact", "email",
        "message", "remove", "add", "added", "behalf of", "sama", "bareng", "he 's", "she 's",
        "order for", "parcel for", "package for", "booking for", "ticket for", "paket untuk",
        "pesanan untuk", "signed by", "received by", "handled by", "served by", "diterima oleh",
        "customer", "tech", "technician", "teknisi", "courier", "kurir", "flatmate", "roommate",
        "he is", "she is", "this is", "it 's", "yg bales", "yang bales", "yg balas",
        "yang balas", "let",
    )
)  # fmt: skip
# One-word anchors that a firm, an app or a courier follows as often as a person ("contact
# Fibernusa support", "kurir Paxelindo"): a run after them needs two name words, a known given
# name, or "he/she/dia" right after it.
_WEAK_CONTACT = frozenset(
    "sama bareng add added remove email message contact tell told ask asked hubungi menghubungi "
    "nunggu menunggu diminta disuruh customer tech technician teknisi courier kurir let".split()
)
# Verbs that a firm or an app does too ("Halodoc cancelled my appointment", "Brizzi minta top
# up"): one unknown word before them is no name on its own.
_WEAK_VERBS = frozenset(
    tuple(phrase.split())
    for phrase in (
        "ordered", "cancelled", "canceled", "cancel", "came", "minta", "both", "konfirmasi",
        "janji", "datang", "dateng", "nunggu", "menunggu", "ambil", "mau ambil", "picked",
        "is picking", "will pick", "nelpon", "nelfon", "telpon", "telepon", "menelepon",
        "called me", "called us", "called twice", "rang", "texted", "texted me", "emailed",
        "messaged", "dm'd", "ngasih", "kasih tau", "nipu", "menipu", "visited",
    )
)  # fmt: skip
# Pronouns later in the sentence that only a person is: "hubungi X, nomornya ..., dia yang".
_PERSON_AFTER = frozenset("he she dia beliau".split())
_POSSESSED = frozenset(
    "account acct accounts number phone order orders loan policy card laptop sister brother "
    "wife husband mum mom dad mother father son daughter delivery address email surname name "
    "shift complaint booking subscription profile parcel package ticket payment service "
    "birthday details data password login balance refund claim flight seat room passport "
    "visa contract invoice bill plan line device car bike mobile cousin uncle aunt kids "
    "child friend boss colleague grandmother grandfather registration review".split()
)
# One word in capitals that a label shows: "tertulis SUHARTINI, harusnya SUHARTINAH".
_REPORTED_CAPS = re.compile(
    r"\b(?:tertulis|harusnya|seharusnya|says|reads|should[ \t]+be)[ \t]+['‘\"“]?"
    r"(?P<name>[A-Z]{5,})\b(?![ \t]*[A-Z\d])"
)
_REPORTED_WORDS = ("tertulis", "harusnya", "says", "reads", "should")
# Things only a person owns: a Capitalised everyday word before them is a name too ("Hotman's
# loan account"); "Sunday's delivery" stays.
_OWN = frozenset(
    "account loan wife husband sister brother mum mom dad son daughter number phone password "
    "laptop passport".split()
)


_ROLES = frozenset(
    list(ROLE_SINGLE_WORDS)
    + "grandad granddad grandpa grandma granny nana nenek kakek opa oma mama papa mum mom dad "
    "daddy mommy mummy uncle auntie aunty hubby bestie bro sis".split()
)


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in index.items()}


_VERBS_BY_FIRST = _by_first(_PERSON_VERBS)
_CONTACT_BY_FIRST = _by_first(_CONTACT_BEFORE)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    out = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if "'s" not in text and "’s" not in text:
        return out
    split: list[tuple[str, int, int]] = []
    for word, start, end in out:
        if len(word) > 2 and word[-2:] in ("'s", "’s") and word[0].isalpha():
            split += [(word[:-2], start, end - 2), ("'s", end - 2, end)]
        else:
            split.append((word, start, end))
    return split


def _strip_s(word: str) -> str:
    return word[:-2] if len(word) > 3 and word[-2:] in ("'s", "’s") else word


def _titled(word: str) -> bool:
    """'Budi', 'Siobhán', "O'Brien", 'Owusu-Ansah', 'McKenzie' (not 'NetRaya', 'DIY')."""
    if len(word) < 2 or not word[0].isupper():
        return False
    if word[1:].islower() and word[1:].isalpha():
        return True
    for part in re.split(r"['’\-]", word):
        if not part:
            return False
        rest = part[2:] if part.startswith(("Mc", "Mac")) else part[1:]
        if rest and not rest.islower():
            return False
    return word[1].islower() or word[1] in "'’"


def find_cueless_names(
    text: str,
    is_common: Callable[[str], bool],
    known: frozenset[str],
    safe_known: frozenset[str],
    memo: dict[str, bool] | None = None,
    brands: Sequence[tuple[int, int]] = (),
) -> list[Span]:
    """Return the NAME spans that place and shape reveal in ``text`` (see the module doc).

    Args:
        text: The raw text.
        is_common: ``word -> bool``: whether a lower-case word is an everyday or stop word.
        known: The given-name lexicon (lower case).
        safe_known: Known given names that are no everyday words (lower case).
        memo: A cache of the name-word test, kept by the caller between texts (the word
            lists must stay the same while it is kept).
        brands: Character spans of the brand phrases in ``text`` (``NameFinder.brand_spans``);
            a run inside one is no name.
    """
    found = _find(text, is_common, known, safe_known, memo)
    return firms_and_brands_dropped(text, found, brands)


def _find(
    text: str,
    is_common: Callable[[str], bool],
    known: frozenset[str],
    safe_known: frozenset[str],
    memo: dict[str, bool] | None = None,
) -> list[Span]:
    """The spans of :func:`find_cueless_names` before brands and firms are dropped."""
    memo = {} if memo is None else memo
    places = place_or_brand_words()
    everyday = dictionary_words()

    def word_ok(word: str) -> bool:
        seen = memo.get(word)
        if seen is None:
            if len(memo) > 50_000:
                memo.clear()
            seen = memo[word] = _word_ok(word)
        return seen

    def _word_ok(word: str) -> bool:
        if not _titled(word) or word.endswith("nya"):
            return False
        low = word.lower()
        if low in places or low in _ROLES:
            return False
        if low in safe_known:
            return True
        plain = low.replace("’", "'")
        if (
            is_common(low)
            or is_common(plain)
            or plain in everyday
            or inflected(plain, everyday, known)
        ):
            return False
        parts = plain.split("-")
        return len(parts) == 1 or not all(p in everyday or is_common(p) for p in parts)

    shouted = shouted_names(
        text, lambda w: is_common(w) or w in places or w in _ROLES, everyday, safe_known
    )
    # Every reporting word holds one of _REPORTED_WORDS ("seharusnya" holds "harusnya").
    reported = any(word in text for word in _REPORTED_WORDS)
    for match in _REPORTED_CAPS.finditer(text) if reported else ():
        word = match.group("name").lower()
        if not (
            is_common(word)
            or word in everyday
            or word in places
            or inflected(word, everyday, known)
        ):
            shouted.append((match.start("name"), match.end("name"), "NAME"))
    # Most texts hold no name word, no initial and no possessive: no need to go further.
    possessive = "'s " in text or "’s " in text
    if (
        not possessive
        and not any(w[0].isupper() and word_ok(_strip_s(w)) for w in _WORDS.findall(text))
        and _INITIAL_IN_TEXT.search(text) is None
    ):
        return shouted
    tokens = _tokens(text)
    n = len(tokens)
    if n < 2:
        return shouted
    shaped = [tokens[i][0][0].isupper() and word_ok(tokens[i][0]) for i in range(n)]
    if not any(shaped) and shouted:
        return shouted
    if not any(shaped) and not possessive and not any(_INITIAL.match(t[0]) for t in tokens):
        return []

    def soft(i: int) -> bool:
        """A Capitalised word that is no stop word, place or role (may stand by an initial)."""
        if i < 0 or i >= n or not tokens[i][0][0].isupper():
            return False
        word = tokens[i][0]
        low = word.lower()
        return (
            _titled(word)
            and not is_common(low)
            and (low not in places or low in known)  # "Tri Wahyuni", "Sandra Flores"
            and low not in _ROLES
            and (low in known or low in everyday)
        )

    def initial(i: int) -> bool:
        word = tokens[i][0]
        return len(word) == 2 and word[1] == "." and word[0].isupper()

    def member(j: int) -> bool:
        """A name word of a run: a name word, or a soft word beside one or beside an initial."""
        if shaped[j]:
            return True
        if not tokens[j][0][0].isupper() or not soft(j):
            return False
        return (j > 0 and (initial(j - 1) or shaped[j - 1])) or (
            j + 1 < n and (initial(j + 1) or shaped[j + 1])
        )

    def _particle_then_name(j: int) -> bool:
        """Particles, then a name word: "Wa Ode Nurhayati", "Ni Putu ..."."""
        while j < n and tokens[j][0].lower() in _PARTICLES and tokens[j][0][0].isupper():
            j += 1
        return j < n and shaped[j]

    def run_after(i: int) -> tuple[int, int]:
        """The name run opening at token ``i``: (start token, end token), empty if none."""
        j, words, last = i, 0, i
        while j < n and j - i < 6:
            word = tokens[j][0]
            if member(j):
                words += 1
                last = j + 1
            elif initial(j):
                last = j + 1 if words else last
            elif not (word.lower() in _PARTICLES and (j > i or _particle_then_name(j))):
                break  # particles inside: "van der", "Wa Ode Nurhayati", "Ni Putu ..."
            if j + 1 < n and tokens[j + 1][1] > tokens[j][2] + 1:
                break  # two spaces or more: the run ends
            j += 1
        if words and not member(i) and not initial(i) and i < n:
            return (i, i) if tokens[i][0].lower() not in _PARTICLES else (i, last)
        return (i, last) if words else (i, i)

    def run_before(j: int) -> tuple[int, int]:
        """The name run closing right before token ``j``."""
        i = j
        while i > 0 and j - i < 6:
            word = tokens[i - 1][0]
            if member(i - 1) or initial(i - 1) or (word.lower() in _PARTICLES and i < j):
                i -= 1
                continue
            break
        while i < j and not member(i) and not initial(i):
            i += 1
        if i < j and not any(shaped[i:j]):
            return (j, j)
        return (i, j)

    def opens(i: int) -> bool:
        if i == 0:
            return True
        before = tokens[i - 1][0]
        return before in _SENTENCE or before == "," or before.lower() in _CONJ

    def placed(i: int) -> bool:
        return i > 0 and tokens[i - 1][0].lower() in _PLACE_BEFORE

    lows = [t[0].lower() for t in tokens]

    def phrase_at(j: int, index) -> int:
        """The length of the longest phrase of ``index`` at token ``j`` (0: none)."""
        for phrase in index.get(lows[j], ()) if j < n else ():
            if tuple(lows[j : j + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def verb_after(b: int) -> tuple[str, ...] | None:
        """The verb a person does right after token ``b`` (adverbs skipped), if any."""
        j = b
        while j < n and j - b < 4:
            width = phrase_at(j, _VERBS_BY_FIRST)
            if width:
                return tuple(lows[j : j + width])
            if lows[j] not in _ADVERBS:
                return None
            j += 1
        return None

    def strong(a: int, b: int) -> bool:
        """Two name words or more, or a known given name: a name even beside a weak cue."""
        return sum(shaped[a:b]) > 1 or any(lows[t] in safe_known for t in range(a, b))

    def person_after(b: int) -> bool:
        """A pronoun only a person is later in the sentence: "hubungi X, dia yang pegang"."""
        for j in range(b, n):
            if tokens[j][1] - tokens[b][1] > 80:
                return False
            if lows[j] in _PERSON_AFTER:
                return True
            if lows[j] in (".", "!", "?", "\n"):
                return False
        return False

    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not (shaped[i] or initial(i) or member(i)):
            i += 1
            continue
        a, b = run_after(i)
        if b <= a:
            i += 1
            continue
        sure = strong(a, b) or person_after(b)
        if _accept(text, tokens, (a, b), shaped, initial, opens, placed, verb_after, sure) or (
            b - a >= 2 and all(shaped[a:b]) and alone_on_line(tokens, a, b)
        ):
            spans.append((a, b))
            spans += listed_after(tokens, b, run_after, shaped)
        i = b
    # Objects of a verb of contact, lists, possessives and speakers are read from the anchors.
    for k in range(n):
        width = phrase_at(k, _CONTACT_BY_FIRST)
        if width:
            a, b = run_after(k + width) if k + width < n else (0, 0)
            if b > a and any(shaped[a:b]):
                weak = width == 1 and lows[k] in _WEAK_CONTACT
                # "Anies sama Ganjar" (name_lookalikes) and "[NAME] sama ...": not a companion
                paired = (
                    lows[k] in ("sama", "bareng", "add", "remove", "email")
                    and k > 0
                    and (tokens[k - 1][0][0].isupper() or tokens[k - 1][0] == "]")
                )
                if not paired and (not weak or strong(a, b) or person_after(b)):
                    spans.append((a, b))
                    spans += listed_after(tokens, b, run_after, shaped)
        word = tokens[k][0]
        if word in ("'s", "'", "’") and k > 0 and k + 1 < n and tokens[k][1] == tokens[k - 1][2]:
            nxt = [t[0].lower() for t in tokens[k + 1 : k + 4]]
            a, b = run_before(k)
            if b <= a and soft(k - 1) and nxt[:1] and nxt[0] in _OWN:
                a, b = k - 1, k  # "Hotman's loan account": an everyday word, a personal thing
            close = nxt[:1] in (["."], [","], [")"]) and sum(shaped[a:b]) >= 2
            if (any(w in _POSSESSED for w in nxt[:3]) or close) and b > a and not placed(a):
                if any(shaped[a:b]) or (b - a == 1 and soft(a)):
                    spans.append((a, b))  # "Ravindra's account", "Hotman's loan", "... Okeke's."

    def person_verb(b: int) -> bool:
        verb = verb_after(b)
        return verb is not None and verb not in _WEAK_VERBS

    spans += lists_of_people(
        tokens, (run_after, shaped, placed), safe_known, person_verb, person_after
    )
    spans += chat_speakers(text, tokens, run_after, shaped)
    return [(tokens[a][1], tokens[b - 1][2], "NAME") for a, b in spans if b > a] + shouted


def _accept(text, tokens, run, shaped, initial, opens, placed, verb_after, sure) -> bool:
    """Whether the run ``a:b`` is a name by its shape or by the verb after it.

    A verb that firms and apps do too ("ordered", "minta") needs ``sure``: two name words, a
    known given name, or a person's pronoun later in the sentence.
    """
    a, b = run
    words = [tokens[t][0] for t in range(a, b)]
    start = tokens[a][1]
    street = _STREET_BEFORE.search(text, max(0, start - 30), start) is not None
    has_initial = any(initial(t) for t in range(a, b))
    if has_initial and len(words) >= 2 and not street:
        return True  # "J. Mbatha", "Nattaya B.", "Lamhot P. Simanjuntak"
    if any(shaped[t] and not tokens[t][0].isascii() for t in range(a, b)) and not street:
        return True  # "Siobhán", "Nguyễn Thị Thu Hằng"
    if placed(a) or not opens(a):
        return False
    verb = verb_after(b)
    return verb is not None and (verb not in _WEAK_VERBS or sure)


# Round 12: a known given name in lower case opening a clause, then a verb only people do
# ("rudi bilang bisa bayar lewat app", "josephine says the treasurer ..."). Lower-case words
# are mostly slang and typos, so only a name of the lexicon that is no everyday word counts.
_LOWER_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?\n,])[ \t]*|(?<![\w])(?:dan|tapi|tp|terus|trus|and|but|so|kalau|klo|kata)"
    r"[ \t]+)(?P<name>[a-z]{3,15})[ \t]+(?:(?:"
    + "|".join(sorted(_ADVERBS))
    + r")[ \t]+){0,2}(?:"
    + "|".join(
        re.escape(" ".join(p)).replace(r"\ ", r"[ \t]+")
        for p in sorted(_PERSON_VERBS, key=len, reverse=True)
        if p not in _WEAK_VERBS and p[0].isalpha()
    )
    + r")\b"
)


def lower_case_subjects(text: str, safe_known: frozenset[str]) -> list[Span]:
    """Known given names in lower case before a verb only people do ("rudi bilang ...")."""
    return [
        (m.start("name"), m.end("name"), "NAME")
        for m in _LOWER_SUBJECT.finditer(text)
        if m.group("name") in safe_known
    ]

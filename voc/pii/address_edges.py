"""Address edges (round 9): the parts written before a starter, and a business's own place.

Before: village and hamlet pieces ahead of the part that opened the address ("Banjar Kaja,
Desa Mas, ...", "Jorong Koto Tuo, Nagari ..., Kec. ...", "Ds. Banyuurip Dsn. Krajan ...",
"RT 03 Desa ..."), towns and a postal code written first ("55281, Sleman, Karangmalang, Gg.
..."), and the boarding house before its lane ("kost pak haji gg. sawo no. 3"). A business's
place: a store, branch, warehouse or hub that governs the address ("alamat gudangnya di ...",
"sorting center Jl. ...", "your store at 12 ..."), an address read on the web or a map, one
named as the business's or where it moves, one followed by "itu head office kalian" / "your
head office", and a famous address quoted as a product ("the '221B Baker Street' poster"). A
home in the sentence keeps a governed address the writer's ("..., itu rumah saya"). Round
10: the Capitalised name of a building or estate before its starter (``walk_back_name``, moved
from ``address.py``), an English estate name opening with "The" ("The Mansion Kemayoran, Tower
..."), and an event's venue ("Interview di Menara X, Jl. Y No. 1").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voc.pii import address_patterns as _pat
from voc.pii.address_patterns import STOP, VILLAGE_WORDS

__all__ = [
    "EVENT_WORDS",
    "house_before",
    "is_business_place",
    "is_event_venue",
    "is_home_sentence",
    "is_personal_sentence",
    "sentence_bounds",
    "walk_back_name",
    "walk_back_pieces",
]

# Every admin level that may open a piece: the village words and the levels around them.
_ADMIN = (
    VILLAGE_WORDS + r"|lingkungan|kec|kecamatan|kab|kabupaten|kota|distrik|purok|sitio|"
    r"tambon|moo"
)
_WORD = r"(?:[A-Z][A-Za-z'’-]*\.?|\d{1,3}|[IVX]{1,4})"
# A comma-closed piece: "Nagari Balai Gurah, ", "Karangmalang, ", "55281, ".
_COMMA_PIECE = re.compile(
    r"(?:(?<![\w.])(?P<admin>(?i:" + _ADMIN + r"))\.?[ \t]+)?"
    r"(?P<words>" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,3})[ \t]*,[ \t]*\Z"
    r"|(?<![\w.-])(?P<postal>\d{5})[ \t]*,[ \t]*\Z"
)
# A piece with no comma: "Ds. Banyuurip ", "RT 03 ", "RT 02/RW 05 ".
_BLANK_PIECE = re.compile(
    r"(?:(?<![\w.])(?i:" + _ADMIN + r")\.?[ \t]+" + _WORD + r"(?:[ \t]+" + _WORD + r"){0,2}"
    r"|(?<![\w.])(?i:rt|rw)\.?[ \t]*\d{1,3}(?:[ \t]*/[ \t]*(?i:rw)?\.?[ \t]*\d{1,3})?)[ \t]+\Z"
)
# A boarding house, dormitory or estate and its name right before a lane: "kost pak haji ".
_HOUSE_BEFORE = re.compile(
    r"(?<![\w.])(?i:kost|kos|kosan|asrama|wisma|pondokan|boarding[ \t]+house)"
    r"(?P<name>(?:[ \t]+[A-Za-z][A-Za-z'’.-]*){1,3})[ \t]*,?[ \t]+\Z"
)
# An estate named "The X at Y": "The Mansion at Kemayoran, Tower ...", "The Peak at Sudirman".
_THE_NAME_AT = re.compile(r"(?-i:\bThe(?:[ \t]+[A-Z][a-z]+){1,3}[ \t]+at[ \t]+)\Z")
# The house or lane described by a landmark before its street, after a place word or a label:
# "address is the green house behind X, Jl. ...", "jemput di gang sebelah alfamart, jl. ...".
_HOUSE_DESCRIBED = re.compile(
    r"(?:^|[:\n]|\b(?i:di|ke|is|at|to|in))[ \t]+"
    r"(?P<house>(?i:(?:(?:the|a|my|our)[ \t]+)?(?:[a-z]+[ \t]+)?"
    r"(?:house|home|rumah|rmh|gang|gg\.?|kos|kost|kosan|kontrakan)"
    r"(?:[ \t]+[a-z]+){0,3}?[ \t]+(?:" + _pat.LANDMARK_WORDS + r")[ \t]+[^,.!?\n]{1,40}),"
    r"[ \t]*)\Z"
)
_MAX_PIECES = 6
_PRONOUNS = frozenset("kami kita kalian gue gw gua lu ku my our your their his her".split())
# What may come right before a town or village piece: a list, a label or a place preposition.
_LIST_OPENS = re.compile(r"(?:^|[:,\n]|\b(?i:di|ke|at|to|in|dari|from))[ \t]*\Z")
_RT_BEFORE = re.compile(r"(?<![\w.])(?i:rt|rw)\.?[ \t]*\Z")

_BUSINESS = (
    r"toko|store|showroom|outlet|gerai|cabang|branch|gudang(?:nya)?|warehouse|head[ \t]+office|"
    r"kantor[ \t]+(?:pusat|cabang|kalian|pemasaran)|marketing[ \t]+(?:office|gallery)|"
    r"(?:kantor|agen|konter|counter|loket)(?=(?:[ \t]+\S+){0,2}[ \t,]+(?:yg|yang)[ \t]+di\b)|"
    r"your[ \t]+(?:(?-i:[A-Z][a-z]+)[ \t]+)?"
    r"(?:head[ \t]+)?office|hub|"
    r"sorting[ \t]+cent(?:er|re)|drop[ \t]*point|"
    r"pick[ \t-]*up[ \t]+point|pickup[ \t]+point|depot|distribution[ \t]+cent(?:er|re)|pabrik|"
    r"factory|kawasan[ \t]+industri|pergudangan|industrial[ \t]+estate|service[ \t]+cent(?:er|re)|"
    r"(?-i:DC)|shop|mall|warung|warteg|kedai|rumah[ \t]+makan|restoran|restaurant|resto|cafe|kafe|"
    r"bakery|"
    # round 13: salons, barbershops and coworking spaces; a shophouse said to be the firm's
    r"salon|barbershop|co-?working(?:[ \t]+space)?|ruko(?=[ \t]+(?:kalian|kamu|anda|nya))|"
    r"dapur(?=[ \t]+(?:kalian|produksi|pusat))|central[ \t]+kitchen|"
    # round 14: workshops, newsrooms and a firm's representative office
    r"bengkel|workshop|redaksi|kantor[ \t]+(?:perwakilan|redaksi)|"
    # round 12: an office, a lab or a clinic, unless someone's own ("my office at ...", "my
    # husband's office at ...", "the insurer's office on ...")
    r"(?<!\bmy[ \t])(?<!\bour[ \t])(?<!\bhis[ \t])(?<!\bher[ \t])(?<!'s[ \t])(?<!’s[ \t])"
    r"(?:office|lab|laboratorium|pharmacy|apotek|apotik|drive[ \t-]*thru|"
    r"laboratory|klinik|clinic|notaris|notary|studio|bureau|biro)"
    r"(?![ \t]+(?:saya|sy|aku|ku|gue|gw|kami)|[ \t]*:)"
)
# A business noun, or an address read on a public listing ("di web", "on Google Maps").
_BUSINESS_BEFORE = re.compile(
    r"\b(?:" + _BUSINESS + r")\b"
    r"|\b(?:di|on|in|dari|from)[ \t]+(?:the[ \t]+)?(?:web(?:site)?|situs|google[ \t]*maps?|"
    r"gmaps|maps|internet|instagram|ig)\b",
    re.IGNORECASE,
)
# Words that make the place the writer's own again ("pickup point-nya ga usah, ke rumah aja:"),
# between the business word and the address.
_PERSONAL = re.compile(
    r"\b(?:saya|sy|aku|gue|gw|ku|my|mine|i|i'm|rumah|rmh|home|kos|kost|kosan|personal|"
    r"pribadi|ortu|parents|nenek|kakek|mum|mom|"
    r"(?:di)?(?:kirim(?:kan)?|antar(?:kan)?|anter(?:in)?)[ \t]+ke|(?:sampai|sampe|nyampe)[ \t]+ke|"
    r"(?:ship|deliver|send|post|mail)(?:ped|ping|ed|ing|y)?[ \t]+(?:it[ \t]+)?to|"
    r"(?:went|sent|gone|delivered)[ \t]+(?:it[ \t]+)?to|live[sd]?)\b",
    re.IGNORECASE,
)
# A home anywhere in the sentence: "Jl. X No. 7 itu rumah saya, bukan toko", "alamat saya".
_HOME = re.compile(
    r"\b(?:rumah(?![ \t]+(?:sakit|makan|potong|ibadah|duka|produksi|contoh))|rmh|home|"
    r"kos|kost|kosan|"
    r"ortu|orang[ \t]+tua|mertua|parents|nenek|kakek|mum|mom|pribadi|"
    r"alamat(?:ku|[ \t]+(?:saya|aku|ku|gue|gw|sy|rumah|pengiriman|kirim))|"
    r"my[ \t]+(?:address|place|house|flat|apartment|parents)|"
    # "tinggal" as "remaining" or "just" is no home: "jadwal tinggal seminggu", "tinggal bayar"
    # ("tinggal 2 tahun di ...", "tinggal lagi di situ" are homes: only these few readings)
    r"tinggal(?![ \t]+(?:(?:se(?:minggu|bulan|tahun|hari|jam|menit|bentar|dikit|tengah)|"
    r"sedikit|dikit|separuh|"
    r"(?:\d+|satu|dua|tiga)[ \t]+(?:hari|jam|menit))\b(?![ \t]+(?:lagi[ \t]+)?(?:di|at|sama|"
    r"bersama|dengan)\b)|bayar|klik|nunggu|tunggu|menunggu|sisa)\b)|"
    r"live[sd]?[ \t]+(?:at|in|on)|living[ \t]+(?:at|in|on))\b",
    re.IGNORECASE,
)
# An event, an appointment or a class held at a venue: "Interview di Menara X, Jl. Y No. 1".
# Events held at a place (shared with the incidents of address_places.INCIDENT_BEFORE).
EVENT_WORDS = (
    r"acara|event|konser|concert|pengajian|rapat|meeting|seminar|workshop|pameran|bazaa?r|resepsi"
)
_EVENT_BEFORE = re.compile(
    r"\b(?:"
    + EVENT_WORDS
    + r"|interview|wawancara|psikotes|tes|test|ujian|exam|training|pelatihan|kelas|class|"
    r"kursus|kuliah|wisuda|graduation|nikahan|pernikahan|wedding|gathering|launching|"
    r"peluncuran|conference|konferensi|expo|manasik|ibadah|kebaktian|misa|retret|retreat|"
    r"venue|town[ \t]+hall)"
    r"\b[^.!?\n,]{0,25}\Z",
    re.IGNORECASE,
)
_VENUE = re.compile(
    r"(?:gedung|menara|tower|wisma|graha|plaza|hotel|balai|aula|auditorium|ballroom|convention|"
    r"hall|gor|stadion|stadium|kampus|campus|masjid|mosque|gereja|church|pura|vihara|"
    r"klenteng)\b",
    re.IGNORECASE,
)
_RESIDENTIAL = re.compile(r"\b(?:blok|block|blk|rt|rw|perum|perumahan|cluster)\b", re.IGNORECASE)
_HOUSE_NO = re.compile(r"\b(?:no|nomor|nomer|nmr)\.?[ \t]*\d", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")  # round 12: a line break ends one too
_SENTENCE_REACH = 120  # how far a sentence is read around an address, each way
# What joins a business word to the address it governs: at most three words (its name, "kalian",
# "alamatnya") and a link ("di", "at", ":", ","), or no link when the words only name it.
_GOVERNED = re.compile(
    r"(?:-?nya)?(?P<words>(?:[ \t]+(?:[^\s,:;.!?]|\.(?=\S))+){0,3}?)"
    r"(?:[ \t]*(?P<mark>[,:=]|[-–—](?=[ \t]))|[ \t]+(?P<link>di|at|in|on|pada|(?:yang|yg)[ \t]+di|"
    r"(?:pindah|dipindah|moved|relocated)[ \t]+(?:ke|to)|(?:located|based)[ \t]+at|"
    r"beralamat(?:[ \t]+di)?|is|are|adalah|yaitu|yakni|tertulis|listed[ \t]+as))?[ \t]*\Z",
    re.IGNORECASE,
)
# Words that may name the business between its noun and the address with no link.
_NAMING = re.compile(
    r"(?:[A-Z0-9&]\S*|kalian|kamu|anda|kami|our|your|their|the|resmi|official|pusat|utama|"
    r"baru|new|alamat(?:nya)?|address|tertulis|listed)\Z"
)
_GOVERN_REACH = 100
# The address named as the business's own: "Alamat toko kalian di Google Maps salah, harusnya
# di Jl. ...", "the store's address is wrong, it should be 12 ...".
_BUSINESS_TOPIC = re.compile(
    r"\balamat(?:nya)?[ \t]+(?:" + _BUSINESS + r")\b"
    r"|\b(?:" + _BUSINESS + r"|shop)(?:'s|’s)?[ \t]+address\b",
    re.IGNORECASE,
)
# A business that moves: "Kantor cabang di Jalan X pindah ke gedung baru di Jl. ...".
_BUSINESS_MOVES = re.compile(
    r"\b(?:" + _BUSINESS + r")\b(?P<rest>[^.!?\n]{0,60}?\b(?:pindah|dipindah(?:kan)?|berpindah|"
    r"moved|moving|relocat(?:ed|es|ing))\b[^.!?\n]{0,40})\Z",
    re.IGNORECASE,
)
_BUSINESS_AFTER = re.compile(
    r"[ \t,]*(?:(?:itu|is|adalah|=)[ \t]+)?"
    r"(?:your[ \t]+(?:head[ \t]+)?(?:office|store|warehouse|shop|branch|hub|showroom)"
    r"|(?:head[ \t]+office|kantor(?:[ \t]+pusat)?|gudang|toko|cabang|showroom|outlet)"
    r"[ \t]+(?:kalian|kamu|anda|resmi))\b",
    re.IGNORECASE,
)
_QUOTED_PRODUCT = re.compile(
    r"['\"’”][ \t]+(?:poster|print|mug|tee|t-shirt|shirt|hoodie|book|novel|puzzle|sign|sticker|"
    r"album|song|film|movie|game|lego|set|kit|replica|card|magnet)s?\b",
    re.IGNORECASE,
)


def walk_back_name(
    text: str, start: int, is_common: Callable[[str], bool], is_stop: Callable[[str], bool]
) -> int:
    """Move ``start`` back over the Capitalised words (and a house number) right before it.

    The name of a building, estate or street before its starter: "Blok M Square Residence
    Tower B-1508", "5 Kebun Jeruk Baru Blok A/12" (moved here from ``address.py``, round 10).

    Args:
        text: The raw text.
        start: Where the starter begins.
        is_common: ``word -> bool``: whether a lower-case word is an everyday word.
        is_stop: ``word -> bool``: whether a lower-case word is a stop word.
    """
    words = list(_pat.BACK_WORD.finditer(text[max(0, start - 80) : start]))
    offset = max(0, start - 80)
    begin = start
    for word in reversed(words[-_pat.MAX_BACK_WORDS :]):
        gap = text[offset + word.end() : begin]
        if offset + word.end() != begin and (not gap.isspace() or "\n" in gap):
            break  # not over another line: "ATTN: ROBERT J. CALLAHAN\n4812 W 63RD ST"
        value = word.group()
        lower = value.lower()
        if value[0].isdigit():
            begin = offset + word.start()
            if len(value) <= 2 and _named_before(words, word, is_common):
                continue  # "Taman Kopo Indah 2 Blk 3D": the number closes the estate's name
            break  # a house number opens the address
        if not value[0].isupper() or is_stop(lower):
            break
        begin = offset + word.start()
    # An estate word right before the name: "kav. DPR blok g no 3", "asrama Polri Blok C".
    estate = _pat.ESTATE_BEFORE.search(text, max(0, begin - 20), begin)
    if estate is not None and begin < start:
        return estate.start()
    # An everyday word opening the run is the sentence, not the name: "Kirim Perum ...".
    while begin < start:
        first = _pat.BACK_WORD.match(text, begin)
        if first is None or first.group()[0].isdigit():
            break
        lower = first.group().lower()
        if (
            not is_common(lower)
            or lower in _pat.ADDRESS_WORDS
            or _pat.ESTATE_COMPOUND.match(text, begin)
        ):
            break
        begin = _pat.BLANKS.match(text, first.end()).end()
    if begin < start and _pat.THE_BEFORE.search(text, max(0, begin - 4), begin):
        begin -= 4  # "The Mansion Kemayoran Tower ...": the article opens the estate's name
    return begin


def _named_before(words: list, word, is_common: Callable[[str], bool]) -> bool:
    """Whether a Capitalised word that is no everyday word comes right before ``word``."""
    index = words.index(word)
    if index == 0 or words[index - 1].end() + 1 != word.start():
        return False
    value = words[index - 1].group()
    return value[0].isupper() and not is_common(value.lower())


def walk_back_pieces(
    text: str, start: int, is_common: Callable[[str], bool], is_name: Callable[[str], bool]
) -> int:
    """Move ``start`` back over village, town and postal pieces written before it.

    Args:
        text: The raw text.
        start: Where the address found so far begins.
        is_common: ``word -> bool``: whether a lower-case word is an everyday word.
        is_name: ``word -> bool``: whether a lower-case word is a known given name.
    """
    start = house_before(text, start)
    if text[start : start + 1].isdigit():
        unit = _RT_BEFORE.search(text, max(0, start - 5), start)  # "RT |03 Desa Ngadas"
        start = unit.start() if unit is not None else start
    for _ in range(_MAX_PIECES):
        window = max(0, start - 60)
        blank = _BLANK_PIECE.search(text, window, start)
        if blank is not None:
            start = blank.start()
            continue
        piece = _COMMA_PIECE.search(text, window, start)
        if piece is None or _BUSINESS_BEFORE.search(text, piece.start(), piece.end()):
            break  # "di DC Cakung, Jl. ...": a business's name is no piece of the address
        if not piece.group("admin"):
            words = re.findall(r"[A-Za-z][A-Za-z'’-]*", piece.group("words") or "")
            # "The Mansion Kemayoran, Tower ...": an estate's English name opens with "The"
            named = len(words) > 1 and words[0] == "The"
            if any(is_common(w.lower()) or is_name(w.lower()) for w in words[named:]):
                break  # "Halo Admin, Jl. ...", "Budi, Jl. ...": a greeting or a person
            if piece.group("words") and not words:
                break
            if not named and not _LIST_OPENS.search(
                text, max(0, piece.start() - 12), piece.start()
            ):
                # "— Cornelius Abbot, 4 Mill Lane", "bu Hj. Rohimah, Jl. ...": a signer;
                # "Pesanan 12345, Jl. ...": an order number
                break
        start = piece.start()
    named = _THE_NAME_AT.search(text, max(0, start - 50), start)
    start = named.start() if named is not None else start
    if not text[max(0, start - 4) : start].rstrip(" \t").endswith(","):
        return start  # a described house closes with a comma: a cheap check first
    described = _HOUSE_DESCRIBED.search(text, max(0, start - 90), start)
    return described.start("house") if described is not None else start


def house_before(text: str, start: int) -> int:
    """The start of a boarding house or dormitory and its name right before ``start``.

    "kost pak haji gg. sawo", "asrama mahasiswa ui, gedung c kamar 305"; not "kos saya di Jl.
    ...", where the words are the cue and no boarding house's name.
    """
    house = _HOUSE_BEFORE.search(text, max(0, start - 50), start)
    if house is not None and not any(
        w.lower() in STOP or w.lower() in _PRONOUNS for w in house.group("name").split()
    ):
        return house.start()
    return start


def is_personal_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` holds a personal word (saya, my, rumah)."""
    begin, close = _sentence(text, start, end)
    return _PERSONAL.search(text, begin, close) is not None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]`` (at most 120 characters away)."""
    return _sentence(text, start, end)


def is_home_sentence(text: str, start: int, end: int) -> bool:
    """Whether the sentence around ``text[start:end]`` names a home (rumah saya, kos, tinggal)."""
    begin, close = _sentence(text, start, end)
    return _HOME.search(text, begin, close) is not None


def is_event_venue(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a venue named for an event held there, house number or not.

    "Interview di Menara BCA, Jl. MH Thamrin No. 1 lantai 45 ...", "Seminar at Hotel Mulia,
    Jl. Asia Afrika No. 8": a building opens the address, an event or an appointment comes
    right before it, and the sentence holds no personal word ("acara di rumah saya ...").
    """
    venue = _VENUE.match(text, start)
    return (
        venue is not None
        and _EVENT_BEFORE.search(text, max(0, start - 60), start) is not None
        and not is_personal_sentence(text, start, end)
        # "Resepsi di Graha Harapan Blok C No. 5": a block or a neighbourhood unit is homes,
        # and graha/wisma with a house number open many housing estates
        and _RESIDENTIAL.search(text, start, end) is None
        and not (
            venue.group().lower() in ("graha", "wisma")
            and _HOUSE_NO.search(text, start, end) is not None
        )
    )


def is_business_place(text: str, start: int, end: int) -> bool:
    """Whether the address at ``text[start:end]`` is a business's place, not a person's.

    The business word must govern the address: "toko X di Jl. ...", "your store at 12 ...",
    "hub kalian: Jl. ...", "sorting center Jl. ...", "di Google Maps alamatnya Jl. ...". A
    personal word between the two ("toko online saya alamatnya ...") or a home anywhere in
    the sentence ("..., itu rumah saya") keeps it the writer's; a business word that only
    names the sender ("Paket dari toko X belum sampai ke Jl. ...") governs nothing. The
    address is also the business's when the sentence names it so ("Alamat toko kalian di
    Maps salah, harusnya di Jl. ...") or tells of the business moving there ("Kantor cabang
    ... pindah ke gedung baru di Jl. ...").
    """
    if _BUSINESS_AFTER.match(text, end) or (
        start and text[start - 1] in "'\"‘“" and _QUOTED_PRODUCT.match(text, end)
    ):
        return True
    begin, close = _sentence(text, start, end)
    if _HOME.search(text, begin, close):
        return False
    noun_end = _governing_noun_end(text, start)
    if noun_end is None:
        topic = _BUSINESS_TOPIC.search(text, begin, start)
        moves = _BUSINESS_MOVES.search(text, begin, start)
        noun_end = topic.end() if topic else moves.start("rest") if moves else None
    if noun_end is None:
        return _asked_place(text, start, end)
    return not _PERSONAL.search(text, noun_end, start)


# Round 14: a question about where the business is, asked in the sentence before the address
# ("Where is your Bandung branch? Is it still on Jl. ...?", "cabang X pindah kemana ya? yg di
# Ruko ... udh tutup", "Google Maps shows ..."): a place asked about or looked up, not lived in.
_ASKED = re.compile(
    r"\?|\b(?:masih|still|pindah|pindahan|moved|tutup|closed|google|gmaps|maps|shows|says|"
    r"bilang)\b",
    re.IGNORECASE,
)
# A delivery, a home or the writer around the address makes it the writer's.
_ASKED_PERSONAL = re.compile(
    r"\b(?:saya|sy|aku|gue|gw|ku|my|mine|i'm|i[ \t]+am|i[ \t]+live|me|we|we're|our|us|kami|"
    r"kita|rumah|rmh|home|kos|kost|kosan|kontrakan|tinggal|"
    r"(?:di)?(?:kirim(?:kan)?|antar(?:kan)?|anter(?:in)?|jemput)|(?:sampai|sampe|nyampe)|"
    r"(?:ship|deliver|send|post|mail)(?:ped|ping|ed|ing|y|s)?|sent|live[sd]?|alamat|address)\b",
    re.IGNORECASE,
)
_ASK_REACH = 160


def _asked_place(text: str, start: int, end: int) -> bool:
    """Whether the address answers a question about a business's place asked just before."""
    low, high = max(0, start - _ASK_REACH), min(len(text), end + _SENTENCE_REACH)
    if _RESIDENTIAL.search(text, start, end) or _HOME.search(text, low, high):
        return False
    nouns = list(_BUSINESS_BEFORE.finditer(text, low, start))
    if not nouns:
        return False
    noun = nouns[-1]
    if _only_a_landmark(text, noun):
        return False
    if _ASKED_PERSONAL.search(text, low, high):
        return False  # read around the address only: linear in a long text
    return _ASKED.search(text, noun.end(), min(len(text), end + 40)) is not None


# Round 13: a landmark word before the business noun ("di samping salon", "next to the shop").
_LANDMARK_BEFORE = re.compile(
    r"\b(?:" + _pat.LANDMARK_WORDS + r")[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE
)


def _only_a_landmark(text: str, noun: re.Match) -> bool:
    """Whether a landmark word stands right before the business noun ("di samping salon")."""
    return _LANDMARK_BEFORE.search(text, max(0, noun.start() - 16), noun.start()) is not None


def _governing_noun_end(text: str, start: int) -> int | None:
    """The end of the business word that governs the address at ``start``, if any."""
    nouns = list(_BUSINESS_BEFORE.finditer(text, max(0, start - _GOVERN_REACH), start))
    for noun in reversed(nouns):
        if _only_a_landmark(text, noun):
            continue  # "Titip di samping salon, Jl. ...": the business is only a landmark
        link = _GOVERNED.match(text, noun.end(), start)
        if link is None:
            continue
        if link.group("mark") or link.group("link"):
            return noun.end()
        if all(_NAMING.match(word) for word in link.group("words").split()):
            return noun.end()
    return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``text[start:end]``, read at most 120 characters away."""
    lo = max(0, start - _SENTENCE_REACH)
    ends = [m for m in _SENTENCE_END.finditer(text, lo, start) if not _abbreviated(text, m)]
    begin = ends[-1].end() if ends else lo
    hi = min(len(text), end + _SENTENCE_REACH)
    close = next(
        (m for m in _SENTENCE_END.finditer(text, end, hi) if not _abbreviated(text, m)), None
    )
    return begin, close.start() if close else hi


# Dots that close an abbreviation, no sentence: "rumah saya di Jl. A, sampai ...", "No. 5".
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:jl|jln|gg|no|kec|kel|kab|ds|dsn|kp|lr|lt|rt|rw|blk|kav|perum|komp|st|rd|"
    r"ave|apt|jend|dr|ir|h|hj|bpk|ibu|bu|pak|sdr|sdri)\Z",
    re.IGNORECASE,
)


def _abbreviated(text: str, end: re.Match) -> bool:
    return (
        end.group()[0] == "."
        and _ABBREVIATION.search(text, max(0, end.start() - 6), end.start()) is not None
    )

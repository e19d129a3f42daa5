"""NAME candidates that name no private person: public figures, office holders, branches, pets.

Round 10 look-alikes, judged from the words around a NAME candidate whatever found it:

* a well-known public figure written in full ("Raffi Ahmad", "Sri Mulyani Indrawati",
  "Taylor Swift"), from a list written for this project from general knowledge;
* a public office right before it ("Menteri Keuangan ...", "Gubernur ...", "the Mayor") or
  the office itself taken for a name ("Bu Menteri Keuangan");
* the star of an advert or a film ("dibintangi ...", "starring ...", "brand ambassador ...");
* a shop's branch ("Geprek ... cabang Tebet", "branch Kemang");
(pets are component._PET_OR_STREET_BEFORE's: "anjing tetangga namanya Bruno").
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_public_or_not_a_person"]

# Well-known Indonesian public figures (politicians, officials, entertainers, athletes) and a
# few global celebrities, written in full: a customer of the same full name is rare, and these
# names are talked about, not met. Lower case, one a line in the string below.
_PUBLIC_FIGURES = """
joko widodo|prabowo subianto|gibran rakabuming|gibran rakabuming raka|ma'ruf amin
jusuf kalla|susilo bambang yudhoyono|megawati soekarnoputri|puan maharani|anies baswedan
ganjar pranowo|ridwan kamil|sri mulyani indrawati|erick thohir|sandiaga uno
luhut binsar pandjaitan|luhut pandjaitan|basuki tjahaja purnama|tri rismaharini
khofifah indar parawansa|mahfud md|airlangga hartarto|bahlil lahadalia|budi gunadi sadikin
nadiem makarim|retno marsudi|budi arie setiadi|agus harimurti yudhoyono|muhaimin iskandar
zulkifli hasan|kaesang pangarep|pramono anung|rano karno|teten masduki|yaqut cholil qoumas
listyo sigit prabowo|susi pudjiastuti|bambang soesatyo|raffi ahmad|nagita slavina
baim wong|deddy corbuzier|atta halilintar|aurel hermansyah|ria ricis|vino g. bastian
vino bastian|reza rahadian|dian sastrowardoyo|nicholas saputra|iko uwais|joe taslim
chelsea islan|agnez mo|agnes monica|raisa andriana|isyana sarasvati|afgan syahreza
rizky febian|ariel noah|nazril irham|inul daratista|anang hermansyah|titi kamal|luna maya
bunga citra lestari|iwan fals|rhoma irama|via vallen|nella kharisma|denny caknan
happy asmara|maudy ayunda|najwa shihab|andre taulany|sule sutisna|vincent rompies
tukul arwana|cak lontong|jerome polin|fadil jaidi|tasya farasya|tanboy kun|windah basudara
rich brian|cinta laura|prilly latuconsina|dewi perssik|ayu ting ting|greysia polii
apriyani rahayu|marcus gideon|anthony ginting|jonatan christie|liliyana natsir
tontowi ahmad|egy maulana vikri|witan sulaeman|marselino ferdinan|pratama arhan
asnawi mangkualam|shin tae-yong|habib rizieq|aa gym|gus miftah|quraish shihab|mario teguh
merry riana|chairul tanjung|hary tanoesoedibjo|bob sadino|achmad zaky
taylor swift|justin bieber|ariana grande|billie eilish|ed sheeran|bruno mars|lady gaga
elon musk|mark zuckerberg|jeff bezos|bill gates|steve jobs|cristiano ronaldo|lionel messi
donald trump|joe biden|barack obama|kim jong un|lisa blackpink
raditya dika|ade rai|dr. tirta|dr tirta|dokter tirta|dr. boyke|dr boyke|dokter boyke
"""
# Government offices only: "Mayor" is also an army rank, "Dirut", "vice president" and "ketua
# umum" head firms and clubs whose people are private.
_OFFICES = (
    r"presiden|wapres|wakil[ \t]+presiden|menteri|menko|mensos|menkes|menkeu|gubernur|wagub|"
    r"wakil[ \t]+gubernur|bupati|wali[ \t]?kota|walkot|kapolri|kapolda|panglima|"
    r"ketua[ \t]+(?:dpr|mpr|kpk|ojk)|prime[ \t]+minister|minister|governor|the[ \t]+mayor|senator"
)
_OFFICE_BEFORE = re.compile(
    r"\b(?i:" + _OFFICES + r")(?:[ \t]+(?:(?!(?i:direktur|director|komisaris|kos|kelas)\b)"
    r"[A-Z][a-z]+|dan|&|BUMN|RI|DKI)){0,3}[ \t]+\Z"
)
_OFFICE_INSIDE = re.compile(r"(?i:" + _OFFICES + r")\b")
# Films and adverts only: a "brand ambassador" or an endorser may be a local private person.
_STAR_BEFORE = re.compile(
    r"\b(?i:dibintangi(?:[ \t]+(?:oleh|sama))?|diperankan(?:[ \t]+(?:oleh|sama))?|"
    r"starring|featuring|feat\.|"
    # round 12: an author's or a performer's work, their fans ("novel X karya Y", "lagunya Y",
    # "konser Y", "meet & greet Y", "penggemar berat Y")
    r"karya|lagunya|lagu|konser|concert|meet[ \t]*(?:&|and|n)[ \t]*greet|"
    r"fan[ \t-]?meet(?:ing)?(?:[ \t]+(?:sama|sm|ama|with|bareng|bersama))?|"
    r"penggemar(?:[ \t]+berat)?|ngefans[ \t]+(?:sama|sm|ama)|big[ \t]+fan[ \t]+of|fan[ \t]+of|"
    r"pengajian(?:[ \t]+akbar)?|tabligh(?:[ \t]+akbar)?|kajian|ceramah|tausiyah|"
    # a creator the writer follows ("YouTuber kesayangan gue, X")
    r"(?:youtuber|influencer|selebgram|tiktoker|streamer|vtuber|podcaster)"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]*,?)"
    r"(?:[ \t]+(?i:ustadz|ustad|ustadzah|habib|kh|kyai|syekh|sheikh|dr|prof)\.?)?[ \t]+\Z"
)
# "PT"/"CV"/"UD" as written, or "a company called": never a shop's owner ("toko namanya").
_FIRM_BEFORE = re.compile(
    # round 13: "PO" (a bus company, perusahaan otobus) as written
    r"(?:\b(?:PT|CV|UD|PO)\.?[ \t]+|\b(?i:company|firm|perusahaan|brand|merek|app|aplikasi)"
    r"[ \t]+(?i:called|named|bernama|namanya)[ \t]+)\Z"
)
_FIRM_OWNER = re.compile(r"\b(?i:pemilik|owner|punya|milik|atas[ \t]+nama|a\.?n\.?)\b")
# A day that remembers a national figure ("Peringatan Hari Kartini", "Hari Kartini").
_DAY_BEFORE = re.compile(r"(?:\b(?i:peringatan)[ \t]+(?i:hari)|\bHari)[ \t]+\Z")
_DAY_NAMED = re.compile(r"Hari[ \t]+[A-Z][a-z]+")
# Round 11: national days named after one person: "Hari Kartini" is the day, never a person.
_DAY_HEROES = frozenset({"Kartini"})
# A cue that a person follows: "Petugas bernama Hari Kartini" is a person, not the day.
_PERSON_CUE = re.compile(
    r"\b(?i:bernama|namanya|nama|named|name|pak|bu|ibu|bapak|mas|mbak|kak|sdr|sdri|petugas|"
    r"staf|staff|pegawai|kurir|cs|agen|teller|kasir|dengan|sama|oleh|by)[ \t:.,]*\Z"
)
_DAY_TALK = re.compile(r"\b(?i:peringatan|memperingati|rayakan|merayakan|perayaan)[ \t]+\Z")
# A shop's branch ("cabang Tebet"), never the branch's staff ("kepala cabang Hendra").
_BRANCH_BEFORE = re.compile(r"\b(?i:cabang|branch|outlet|gerai|kcp)[ \t]+\Z")
_BRANCH_STAFF = re.compile(
    r"\b(?i:kepala|pimpinan|pemimpin|manager|manajer|head|kacab|staf|staff|karyawan|pegawai|"
    r"petugas|admin|kasir|spv|supervisor|of)[ \t]+\S+[ \t]+\Z"
)
# A famous name is set aside only when the text talks about public life and nothing before it
# in its sentence makes the person a party to the conversation (a courier, a neighbour ...).
_PUBLIC_TALK = re.compile(
    r"\b(?i:tv|televisi|berita|news|iklan(?:nya)?|ads?|advert\w*|endorse\w*|konser|concert|"
    r"film|movie|sinetron|youtube|podcast|instagram|tiktok|twitter|pidato|speech|kampanye|"
    r"campaign|pemilu|pilpres|capres|cawapres|presiden|president|menteri|minister|gubernur|"
    r"governor|pemerintah|government|partai|artis|aktor|actor|aktris|actress|selebgram|"
    r"seleb|selebriti|celebrity|influencer|youtuber|penyanyi|singer|lagu(?:nya)?|song|album|"
    r"atlet|athlete|timnas|olimpiade|badminton|viral|dibintangi|starring|fans?|ngefans|"
    r"idola|idol|tokoh|tour|merch|meresmikan|peresmian|diresmikan|"
    r"video(?:nya)?|vlog|konten|content)\b"  # round 11
)
_PERSON_BEFORE = re.compile(
    r"\b(?i:pak|bu|bapak|ibu|bpk|mas|mbak|mba|kak|bang|abang|om|tante|sdr|sdri|mr|mrs|ms|dr|"
    r"namanya|bernama|named|called|dilayani|ditangani|oleh|by|dengan|sama|ketemu|met|"
    r"terima[ \t]+kasih|thanks|thank[ \t]+you|makasih|salam|regards|kepada|yth|"
    r"kurir|courier|driver|sopir|supir|cs|teknisi|technician|petugas|officer|sales|montir|"
    r"mekanik|kasir|admin|staf|staff|agen|agent|tetangga|neighbou?r|anak|suami|istri|adik|"
    r"kakak|teman|temen|kolega|friend|wife|husband|son|daughter|pelanggan|nasabah|customer|"
    r"penerima|pengirim|pemilik|owner|yang|who)\b"
)


_SELF_BEFORE = re.compile(
    r"\b(?i:i'?m|i[ \t]+am|my[ \t]+name[ \t]+is|nama[ \t]+(?:saya|aku|sy|lengkap)|saya|aku|"
    r"a\.?n\.?|atas[ \t]+nama|name|nama|:)[ \t:]*"
    r"(?:(?i:bpk|bapak|ibu|pak|bu|mr|mrs|ms|sdr|sdri|yth)\.?[ \t]+)?\Z"
)


# A quoted name before the kind of product it names ("the 'Melati' jasmine rice").
_QUOTED_PRODUCT = re.compile(r"['’\"”][ \t]+(?P<a>[a-z]+)(?:[ \t]+(?P<b>[a-z]+))?")


@lru_cache(maxsize=1)
def _product_words() -> frozenset[str]:
    from voc.pii.name_cues import PRODUCT_AFTER

    return frozenset(PRODUCT_AFTER)


@lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    return frozenset(_PUBLIC_FIGURES.replace("|", " ").split())


@lru_cache(maxsize=1)
def _figures() -> frozenset[str]:
    return frozenset(
        " ".join(n.split()) for line in _PUBLIC_FIGURES.split("\n") for n in line.split("|")
    ) - {""}


def _is_public_figure(text: str, start: int, end: int) -> bool:
    """Whether the candidate is exactly a famous name, in a text about public life."""
    if " ".join(text[start:end].lower().split()) not in _figures():
        return False  # a longer private name merely holding a famous one stays a name
    clause = re.split(r"[.!?\n;,(]", text[max(0, start - 60) : start])[-1]
    if _PERSON_BEFORE.search(clause):
        return False  # "Kurir Apriyani Rahayu", "tetangga saya namanya Zulkifli Hasan"
    return _PUBLIC_TALK.search(text) is not None


_WORD_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+[A-Z][\w'’-]*")


def is_public_or_not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the NAME candidate ``text[start:end]`` names no private person by its context.

    A part of a famous name ("Raffi [Ahmad]") is judged as the whole name written there.

    Args:
        text: The raw text.
        start: Start offset of the candidate.
        end: End offset of the candidate.
    """
    if _judge(text, start, end):
        return True
    if " ".join(text[start:end].lower().split()) in _figure_words():
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and _is_whole_figure(text, before.start(), end):
            return _judge(text, before.start(), end)
        after = _WORD_AFTER.match(text, end)
        if after is not None and _is_whole_figure(text, start, after.end()):
            return _judge(text, start, after.end())
    return False


def _is_whole_figure(text: str, start: int, end: int) -> bool:
    return " ".join(text[start:end].lower().split()) in _figures()


def _judge(text: str, start: int, end: int) -> bool:
    """Whether the NAME candidate ``text[start:end]`` names no private person by its context.

    Args:
        text: The raw text.
        start: Start offset of the candidate.
        end: End offset of the candidate.
    """
    before = text[max(0, start - 60) : start]
    if _OFFICE_INSIDE.match(text, start):
        return True  # "Bu [Menteri Keuangan]": the office, not its holder
    if _OFFICE_BEFORE.search(before) or _STAR_BEFORE.search(before):
        return True
    if _BRANCH_BEFORE.search(before) and not _BRANCH_STAFF.search(before):
        return True
    if _FIRM_BEFORE.search(before) and not _FIRM_OWNER.search(before[-30:]):
        return True  # "PT Sinar Abadi", "a company called ..."
    if _DAY_BEFORE.search(before) and " " not in text[start:end].strip():
        return True  # "Hari Kartini", never "Hari Budi Santoso"
    if _DAY_NAMED.fullmatch(text, start, end) and (
        _DAY_TALK.search(before)
        or (text[start:end].split()[-1] in _DAY_HEROES and not _PERSON_CUE.search(before))
    ):
        return True  # "Peringatan [Hari Kartini]"; round 11: "[Hari Kartini] kemarin ..."
    if _SELF_BEFORE.search(before):
        return False  # "I'm Joko ...", "penerima: Bpk ...": a customer who shares a famous name
    if start and text[start - 1] in "'‘\"“":
        quoted = _QUOTED_PRODUCT.match(text, end)
        if quoted is not None and {quoted.group("a"), quoted.group("b")} & _product_words():
            return True  # "Is the 'Melati' jasmine rice halal?": a product's name
    words = _figure_words()
    if not any(w in words for w in text[start:end].lower().split()):
        return False  # the candidate shares no word with a public figure (most texts)
    return _is_public_figure(text, start, end)

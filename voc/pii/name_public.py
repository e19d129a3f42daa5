"""NAME candidates that name no private person: public figures, office holders, branches, pets.

Round 10 look-alikes, judged from the words around a NAME candidate whatever found it:

* a well-known public figure written in full ("Raffi Ahmad", "Sri Mulyani Indrawati",
  "Taylor Swift"), from a list written for this project from general knowledge;
* a public office right before it ("Menteri Keuangan ...", "Gubernur ...", "the Mayor") or
  the office itself taken for a name ("Bu Menteri Keuangan");
* the star of an advert or a film ("dibintangi ...", "starring ...", "brand ambassador ...");
* a shop's branch ("Geprek ... cabang Tebet", "branch Kemang");
* a pet introduced by its name ("anjing tetangga namanya Bruno", "our cat called Milo").
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
_OFFICES = (
    r"presiden|wapres|wakil[ \t]+presiden|menteri|menko|mensos|menkes|menkeu|gubernur|wagub|"
    r"wakil[ \t]+gubernur|bupati|wali[ \t]?kota|walkot|kapolri|kapolda|panglima|"
    r"ketua[ \t]+(?:dpr|mpr|kpk|umum|ojk)|dirut|president|vice[ \t]+president|"
    r"prime[ \t]+minister|minister|governor|mayor|senator"
)
_OFFICE_BEFORE = re.compile(
    r"\b(?i:" + _OFFICES + r")(?:[ \t]+(?:[A-Z][a-z]+|dan|&|BUMN|RI|DKI)){0,3}[ \t]+\Z"
)
_OFFICE_INSIDE = re.compile(r"(?i:" + _OFFICES + r")\b")
_STAR_BEFORE = re.compile(
    r"\b(?i:dibintangi(?:[ \t]+(?:oleh|sama))?|diperankan(?:[ \t]+(?:oleh|sama))?|"
    r"bintang[ \t]+iklan(?:nya)?|brand[ \t]+ambassador(?:nya)?|starring|"
    r"(?:di)?endorse(?:d)?[ \t]+(?:by|oleh|sama))[ \t]+\Z"
)
_FIRM_BEFORE = re.compile(
    r"(?:\b(?:PT|CV|UD|Pt)\.?[ \t]+|\b(?i:company|firm|perusahaan|brand|merek|app|aplikasi|"
    r"toko|shop|store)[ \t]+(?i:called|named|bernama|namanya)[ \t]+)\Z"
)
# A day that remembers a national figure ("Peringatan Hari Kartini", "Hari Kartini").
_DAY_BEFORE = re.compile(r"(?:\b(?i:peringatan)(?:[ \t]+(?i:hari))?|\bHari)[ \t]+\Z")
# A doctor's practice hours are public ("jadwal dr. ...", "jadwal praktek dokter ...").
_SCHEDULE_BEFORE = re.compile(
    r"\b(?i:jadwal(?:[ \t]+(?:praktik|praktek))?|schedule[ \t]+of)[ \t]+"
    r"(?:(?i:dr|drg|dokter|prof)\.?[ \t]+)?\Z"
)
_BRANCH_BEFORE = re.compile(r"\b(?i:cabang|branch|outlet|gerai|kcp)[ \t]+\Z")
_PET_BEFORE = re.compile(
    r"\b(?i:anjing|kucing|kelinci|hamster|burung|marmut|anabul|peliharaan|ikan|dog|cat|puppy|"
    r"kitten|pet|bunny|parrot)(?i:ku|nya|s)?\b[^.!?\n]{0,30}?"
    r"\b(?i:namanya|bernama|dinamai|dikasih[ \t]+nama|named|called|name[ \t]+is)[ \t]+\Z"
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
def _figures() -> re.Pattern[str]:
    names = sorted(
        {n.strip() for line in _PUBLIC_FIGURES.split("\n") for n in line.split("|") if n.strip()},
        key=len,
        reverse=True,
    )
    several = [re.escape(n).replace(r"\ ", r"[ \t]+") for n in names]
    return re.compile(r"(?<!\w)(?:" + "|".join(several) + r")(?!\w)", re.IGNORECASE)


def is_public_or_not_a_person(text: str, start: int, end: int) -> bool:
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
    if _BRANCH_BEFORE.search(before) or _PET_BEFORE.search(before):
        return True
    if _FIRM_BEFORE.search(before) or _DAY_BEFORE.search(before):
        return True  # "PT Sinar Abadi", "a company called ...", "Hari Kartini"
    if _SCHEDULE_BEFORE.search(before):
        return True
    if _SELF_BEFORE.search(before):
        return False  # "I'm Joko ...", "penerima: Bpk ...": a customer who shares a famous name
    if start and text[start - 1] in "'‘\"“":
        quoted = _QUOTED_PRODUCT.match(text, end)
        if quoted is not None and {quoted.group("a"), quoted.group("b")} & _product_words():
            return True  # "Is the 'Melati' jasmine rice halal?": a product's name
    words = _figure_words()
    if not any(w in words for w in text[start:end].lower().split()):
        return False  # the candidate shares no word with a public figure (most texts)
    window_start = max(0, start - 40)
    for match in _figures().finditer(text, window_start, min(len(text), end + 40)):
        if match.start() < end and start < match.end():
            return True
    return False

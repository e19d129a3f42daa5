"""Places that are no one's address: a business's or landmark's street, an area, an incident.

An address found at a starter is set aside when what comes before it names it as a landmark's
or a branch's place ("Cabang Jl. Thamrin", "ATM BCA di Jl. X", "Show unit di Blok A1"), a
village's or district's office ("Kantor Kecamatan X"), an area named for an outage or coverage
("sinyal jelek di Kel. X, Kec. Y"), the place of an incident or an event ("macet total di Jl.
X Kav. 36"), or a street corner or a stretch of road ("perempatan Jl. A - Jl. B", "Jalan A
sampai Jalan B 8", "sepanjang Jl. X"). Round 10 moved these checks here from ``address.py``.
"""

from __future__ import annotations

import re

from voc.pii import address_patterns as pat
from voc.pii.address_edges import (
    EVENT_WORDS,
    is_home_sentence,
    is_personal_sentence,
    sentence_bounds,
)

__all__ = [
    "AREA_BEFORE",
    "CORNER_BEFORE",
    "INCIDENT_BEFORE",
    "LANDMARK_BEFORE",
    "PUBLIC_OFFICE",
    "PUBLIC_OFFICE_BEFORE",
    "PUBLIC_PLACE_START",
    "set_aside",
]

# An area named for an outage, a flood or coverage: "banjir di Desa X, Kec. Y" (no number).
# Floods, jams and outages: an area is named for them (AREA_BEFORE) and so is the place of an
# incident (INCIDENT_BEFORE).
_DISRUPTION = r"banjir|macet|gangguan|pemadaman|padam|flood(?:s|ing|ed)?|traffic"
AREA_BEFORE = re.compile(
    r"\b(?:" + _DISRUPTION + r"|sinyal|signal|wilayah|daerah|area|zona|zone|"
    r"jangkauan|coverage|covered|cover|outage)\b[^.!?\n]{0,40}\Z",
    re.IGNORECASE,
)
# An incident or an event at the place: "macet di Jl. X Kav. 36", "acara di Gedung Y RT 07".
INCIDENT_BEFORE = re.compile(
    r"\b(?:"
    + _DISRUPTION
    + r"|kebanjiran|kemacetan|kecelakaan|accident|demo|"
    + EVENT_WORDS
    + r")\b[^.!?\n,]{0,25}\Z",
    re.IGNORECASE,
)
# Round 11: obstacles or works on a road, and a route right before a street ("Genangan air di
# Jl. X", "Angkot 05 lewat Jl. Y"); only with no number at all in the address and nothing
# private in the clause (PRIVATE_CLAUSE): "kirim lewat JNE ke Jl. X 15" is a delivery.
ROAD_INCIDENT_BEFORE = re.compile(
    r"(?:\b(?:genangan|tumbang|longsor|galian|roadworks?)\b[^.!?\n,]{0,25}"
    r"|\b(?:lewat|melewati|melintasi|passing|passes)[ \t]+)\Z",
    re.IGNORECASE,
)
# A street corner, a crossing or a stretch of road named as a place: "tiang miring di
# perempatan Jl. A - Jl. B", "Jalan A sampai Jalan B 8 belum diaspal", "sepanjang Jl. X".
CORNER_BEFORE = re.compile(
    r"(?:\b(?:perempatan|pertigaan|perlimaan|persimpangan|simpang(?:an)?|bundaran|pojokan|"
    r"lampu[ \t]+merah|(?:traffic|stop)[ \t]+lights?|intersection|junction|crossroads?|"
    r"(?:the[ \t]+)?corner[ \t]+of|sepanjang|ruas|along|antara|between)"
    r"(?:[ \t]+(?:antara|dari|of|between))?"
    r"|\b(?:jl|jln|jalan|gg|gang)\b\.?[^.!?\n]{1,40}?[ \t](?:sampai|sampe|hingga|s/d|until|till)"
    r"(?:[ \t]+(?:dengan|ke|to))?)[ \t]*\Z",
    re.IGNORECASE,
)
# What may stand between a business word and its street: up to three words (a placeholder
# counts as a word, so a second pass decides as the first), none of them "ke"/"to" ("hub
# Cakung ngantar ke Jl. ..." is no branch's address) unless the business moves there.
_LANDMARK_GAP = (
    r"(?!\s+(?:saya|aku|ku|kami|gue|gw|sy|my|our)\b)"
    r"(?:\s+(?!(?:ke|to)\b)(?:[\w&'./-]+|\[[A-Z_]+\])"
    r"|\s+(?:pindah|dipindah|moved|relocated)\s+(?:ke|to)){0,3}?"
    r"\s*[,(]?\s*(?:(?:yang|yg)\s+)?(?:di|on|at|in|dekat|depan|near)?\s*$"
)
# A business or landmark right before a street ("Cabang Jl. Thamrin", "ATM BCA di Jl. X",
# "the outlet on Jl. Y", "SPBU Pertamina 34.121.07 Jl. Z"): a company's branch address is not
# personal data.
LANDMARK_BEFORE = re.compile(
    r"\b(?:cabang|kcp|outlet|gerai|store|toko|branch|showroom|dealer|bengkel|atm|spbu|"
    r"indomaret|alfamart|alfamidi|minimarket|supermarket|mall|plaza|stasiun|station|halte|"
    r"terminal|bandara|airport|rs|rumah\s+sakit|hospital|klinik|clinic|apotek|hotel|restoran|"
    r"restaurant|resto|cafe|kafe|pasar|kampus|sekolah|masjid|gereja|kantor\s+pos|drop\s*point|"
    r"agen|counter|konter|service\s+cent(?:er|re)|servis\s+center|grapari|galeri|gallery|"
    r"booth|kios|gudang|warehouse|hub|kantor\s+pusat|head\s+office|kantor\s+cabang|"
    # a developer's show unit: "Show unit tipe 45/90 di Blok A1", "Unit contoh di Blok Z-00"
    r"show\s+units?|unit\s+contoh|contoh\s+unit|rumah\s+contoh|model\s+(?:house|home|unit)|"
    r"sample\s+unit|marketing\s+(?:gallery|office)|kantor\s+marketing|"
    # "kantor JNE di Jl. ...": a company's office; "kantor pajak di Jl. ...": a public one
    r"kantor(?=[ \t]+(?:(?-i:[A-Z])|pajak|imigrasi|polisi|camat|lurah|desa|kelurahan|"
    r"kecamatan|notaris|dinas|bpjs|pln|pdam)))\b" + _LANDMARK_GAP,
    re.IGNORECASE,
)
# Round 11 business and public nouns (drop boxes, transport bases, banks, public services and
# venues): set aside only with nothing private in the clause, no locative word right before
# ("taruh di sebelah gym, Jl. X" places a home by the landmark) and no person's title after
# ("Salonnya Mbak Rina di Jl. X" may be run from her home).
LANDMARK_R11_BEFORE = re.compile(
    r"\b(?:(?:drop\s*box|parcel\s+locker|loker|locker|pool|pangkalan|shelter|bank|pegadaian|upc|"
    r"puskesmas|posyandu|polsek|polres|polda|samsat|dukcapil|kua|bioskop|cinema|museum|"
    r"perpustakaan|library|gym|salon)(?:nya)?"
    # "Hotelnya di Jl. ...": an older business noun with -nya
    r"|(?:hotel|toko|restoran|resto|cafe|kafe|bengkel|apotek|klinik|outlet|gerai|cabang|"
    r"counter|konter)nya)\b" + _LANDMARK_GAP,
    re.IGNORECASE,
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:depan|dpn|sebelah|sblh|samping|dekat|deket|belakang|blkg|seberang|atas|bawah|"
    r"next[ \t]+to|behind|above|below|opposite|near|beside|across[ \t]+from)"
    r"[ \t]+(?:(?:the|a)[ \t]+)?\Z",
    re.IGNORECASE,
)
# A person's title and a name (or its placeholder): "Gym Pak Joko", "Salonnya Mbak [NAME]".
_PERSON_TITLE = re.compile(
    r"\b(?i:pak|bu|bpk|bapak|ibu|mbak|mba|mas|kak|bang|mr|mrs|ms|miss|dr|drs|drg|haji|hj)\.?"
    r"[ \t]+(?:[A-Z]|\[NAME\])"
)
# A person, a home or a delivery anywhere in the clause: the round-11 guards stand back.
PRIVATE_CLAUSE = re.compile(
    r"\b(?:saya|sy|aku|gue|gw|ku|kami|kita|my|our|mine|me|i|i'm|we|rumah|rmh|home|kos|kost|"
    r"kosan|live[sd]?|living|(?:di)?kirim\w*|(?:di)?antar\w*|(?:di)?anter\w*|"
    r"deliver\w*|send|sent|ship\w*|jemput\w*|pick[ \t]+up|alamat\w*|address|untuk|"
    r"atas[ \t]+nama|a\.?n|paket\w*|parcel|package|kurir\w*|courier|cod|pesanan\w*|order|"
    r"taruh|nyasar|pembeli|penerima|recipient|penghuni|tenant|pelanggan|customer|teknisi|"
    r"technician|pasang|pemasangan|install\w*|kunjungi|visit|mampir|istri|suami|ibu|bapak|"
    r"ayah|anak|adik|kakak|keluarga|family|wife|husband|son|daughter|mum|mom|dad|mama|papa|"
    r"ortu|parents|nenek|kakek|mertua|unit|flat|kamar|kmr|room|apt|apartemen|apartment|"
    r"residence|residensi|asrama|rusun|mengungsi|pengungsi|rt|rw|"
    # "tinggal di/sama/lagi ...", "tinggal 2 tahun di ...": not "tinggal H+ doang", "tinggal bayar"
    r"tinggal(?=[ \t]+(?:di|dkt|dekat|sama|bersama|dengan|dgn|lagi|satu[ \t]+atap|"
    r"(?:\d+|satu|dua|tiga|empat|lima|beberapa)[ \t]+\w+[ \t]+di)\b))\b",
    re.IGNORECASE,
)
# A named building before "di"/"on" and its street: "Gedung KPP Pratama X di Jl. ...", "the
# insurance building on Jl. ...": an office block's place (a home sentence keeps it).
BUILDING_BEFORE = re.compile(
    r"\b(?i:gedung|building|menara|wisma)\b(?:[ \t]+(?:[A-Z0-9][\w.&'-]*|\[[A-Z_]+\])){0,5}"
    r"[ \t]+(?i:di|on|at|(?:yang|yg)[ \t]+di)[ \t]*\Z"
)
# A stretch of road named by its kilometre, for coverage or a traffic jam: "extend fibre to
# Jalan Raya Bogor km 30?", "Kenapa Jalan Kaliurang KM 5 tiap sore macet?".
_ROAD_KM = re.compile(r"\bkm\.?[ \t]*\d+(?:[.,]\d+)?\b", re.IGNORECASE)
_ROAD_TOPIC = re.compile(
    r"\b(?:" + _DISRUPTION + r"|kemacetan|kecelakaan|accident|jam(?:s|med)?|congest(?:ed|ion)|"
    r"sinyal|signal|coverage|fib(?:re|er)|jaringan|network|area|wilayah|daerah|"
    r"bts|tol|toll|lewat|rute|route)\b",
    re.IGNORECASE,
)
# A residential tower or a building named as someone's: "Wisma Melati ... kamar 7".
_RESIDENTIAL = re.compile(
    r"\b(?:apartemen|apartment|apt|residence|residensi|residences|kost?|asrama|rusun\w*|"
    r"my|our|saya|kami)\b",
    re.IGNORECASE,
)
# A village's or district's office before its name: "Kantor Kecamatan X", "Balai Desa Y".
PUBLIC_OFFICE_BEFORE = re.compile(r"\b(?:kantor|balai)[ \t]+\Z", re.IGNORECASE)
PUBLIC_OFFICE = re.compile(
    r"(?:kantor|balai)[ \t]+(?:" + pat.ADMIN_PART.pattern + ")", re.IGNORECASE
)

# A public place or a market opening the address's own name: "Pasar Baru Blok B Lt. 2 No. 18".
PUBLIC_PLACE_START = re.compile(
    r"(?:pasar|mall|itc|trade[ \t]+cent(?:er|re)|stasiun|station|terminal|bandara|airport|"
    r"rs|rsu|rsud|rumah[ \t]+sakit|hospital|hotel|kampus|campus|sekolah|masjid|gereja|"
    r"puskesmas|klinik|clinic)\b",
    re.IGNORECASE,
)

# What a market's or a station's own stalls never hold: a comma (a district named "Pasar X,"
# before the street), a street, an estate or a neighbourhood unit.
_HOME_PARTS = re.compile(
    r",|\b(?:jl|jln|jalan|gg|gang|lr|lorong|perum|perumahan|komplek|kompleks|cluster|rt|rw)\b",
    re.IGNORECASE,
)
_MARKET_DISTRICT = re.compile(
    r"\b(?i:pasar)[ \t]+(?-i:[A-Z][a-z]+)(?:[ \t]+(?-i:[A-Z][a-z]+))?[ \t]*,[ \t]*\Z"
)


def _market_district(before: str) -> bool:
    market = _MARKET_DISTRICT.search(before)
    return market is not None and LANDMARK_BEFORE.search(before, 0, market.start()) is None


_NEIGHBOURHOOD = re.compile(r"\b(?:rt|rw)\b", re.IGNORECASE)
# A street word right before "Kantor"/"Balai": the office names the street ("Jl. Balai Desa").
_STREET_BEFORE_OFFICE = re.compile(
    r"\b(?:jl|jln|jalan|gg|gang|lr|lorong)\b\.?[ \t]*(?:kantor|balai)\b", re.IGNORECASE
)

# The writer's own stall or shop there: "kios saya di Pasar Senen Blok III No. 45".
_POSSESSIVE_BEFORE = re.compile(
    r"\b(?:saya|sy|aku|ku|gue|gw|kami|my|our)[ \t]+(?:(?:di|at|in)[ \t]+)?\Z", re.IGNORECASE
)


def _road_stretch(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a road and its kilometre named for traffic or coverage.

    No number but the kilometre, a topic of roads or networks in the sentence, and no
    personal word there ("rumah saya di Jl. Raya Bogor Km 26" is a home).
    """
    km = _ROAD_KM.search(text, start, end)
    if (
        km is None
        or pat.DIGIT.search(text, start, km.start())
        or not _KM_REST.fullmatch(text, km.end(), end)
    ):
        return False  # only a street and its kilometre: no lane, house or town after it
    begin = max(0, start - 80)
    return _ROAD_TOPIC.search(
        text, begin, min(len(text), end + 80)
    ) is not None and not _private_clause(text, start, end, routes=False)


_TO = re.compile(r"\b(?:ke|to)\b", re.IGNORECASE)
# What may follow a road's kilometre in a road stretch: lower-case words, no lane, house or RT.
_KM_REST = re.compile(
    r"(?:[ \t]+(?!(?:gg|gang|lr|lorong|blok|block|rt|rw|no|nomor|kav)\b)[a-z]+)*[ \t]*"
)


def _private_clause(text: str, start: int, end: int, *, routes: bool = True) -> bool:
    """Whether the sentence around ``text[start:end]`` names a person, a home or a delivery.

    With ``routes``, a "ke"/"to" anywhere in it counts too ("harusnya ke samping polres, ...").
    """
    begin, close = sentence_bounds(text, start, end)
    return (
        PRIVATE_CLAUSE.search(text, begin, close) is not None
        or _PERSON_TITLE.search(text, begin, close) is not None
        or (routes and _TO.search(text, begin, close) is not None)
    )


def _any_number(text: str, start: int, end: int) -> bool:
    """Whether the address holds any digit (a bare or English house number, Kav., Flat, unit)."""
    return pat.DIGIT.search(text, start, end) is not None


def set_aside(
    text: str, kind: str, start: int, end: int, before: str, context: re.Match | None
) -> bool:
    """Whether the address found at ``text[start:end]`` is a place that is no one's address.

    Args:
        text: The raw text.
        kind: The starter's kind (``label``, ``street``, ``admin``, ...).
        start: Where the address begins.
        end: Where it ends.
        before: Up to 60 characters before ``start``.
        context: The address cue before it, if any ("alamat", "kirim ke", "my office").
    """
    if (
        kind != "label"
        and not context
        and LANDMARK_BEFORE.search(before)
        # "Pasar Minggu, Jl. X No. 12 RT 05/RW 02": a district named for a market (not "Kantor
        # Pos Pasar Baru, Jl. ..."), a neighbourhood unit or a home in the sentence
        and not _market_district(before)
        and _NEIGHBOURHOOD.search(text, start, end) is None
        and not is_home_sentence(text, start, end)
    ):
        return True  # "ATM BCA di Jl. X"
    if (
        kind != "label"
        and not context
        and (landmark := LANDMARK_R11_BEFORE.search(before)) is not None
        and not _LOCATIVE_BEFORE.search(before, 0, landmark.start())
        and not _PERSON_TITLE.search(before, landmark.start())
        and not _private_clause(text, start, end)
    ):
        return True  # "Pool bus di Jl. X No. 21", "Puskesmas Kec. X di Jl. Y No. 40"
    if (
        kind != "label"
        and not context
        and PUBLIC_PLACE_START.match(text, start)
        # "beli di Pasar Baru Blok B Lt. 2 No. 18": the place's own blocks, nothing else. Not
        # a district named for a market before a street ("Pasar Rebo, Jl. Kalisari No. 5",
        # "Pasar Minggu Jl. ..."), nor a sentence with a personal or delivery word
        and not _POSSESSIVE_BEFORE.search(before)
        and _HOME_PARTS.search(text, start, end) is None
        and not is_personal_sentence(text, start, end)
    ):
        return True
    if (
        PUBLIC_OFFICE.match(text, start)
        or (pat.ADMIN_PART.match(text, start) and PUBLIC_OFFICE_BEFORE.search(before))
    ) and not _STREET_BEFORE_OFFICE.search(text, max(0, start - 20), start + 7):
        # not "Jl. Balai Desa No. 3": the office names a street
        return True  # "Kirim ke Kantor Kecamatan Cilandak", "Balai Desa X": cue or not
    if (
        kind != "label"
        and not context
        and (building := BUILDING_BEFORE.search(before)) is not None
        and not _PERSON_TITLE.search(before, building.start())
        and not _RESIDENTIAL.search(before, building.start())
        and not _private_clause(text, start, end)
    ):
        return True  # "Gedung KPP X di Jl. Y No. 151", "the insurance building on Jl. ..."
    if context:
        return False
    if _road_stretch(text, start, end):
        return True
    if not pat.DIGIT.search(text, start, end) and AREA_BEFORE.search(before):
        return True  # "sinyal jelek di Kel. Sukajadi, Kec. Sukasari": an area
    # "macet total di Jl. X Kav. 36", "acara di Gedung Y RT 07", "perempatan Jl. A - Jl. B";
    # "padam di Jl. X no. 22" names a home
    if (
        ROAD_INCIDENT_BEFORE.search(before) is not None
        and not _any_number(text, start, end)
        and not _private_clause(text, start, end)
    ):
        return True  # "Genangan air di Jl. Hang Tuah", "Angkot 05 lewat Jl. Cikutra"
    return (
        (INCIDENT_BEFORE.search(before) is not None or CORNER_BEFORE.search(before) is not None)
        and not pat.HOUSE_NUMBER.search(text, start, end)
        and not is_personal_sentence(text, start, end)
    )

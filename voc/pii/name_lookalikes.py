"""Capitalised words that stand where a name would but name a product, a shop or a label.

Round 7 look-alikes, judged from the words around a NAME candidate whatever found it:

* a product kind right before it ("sabun Dewi Sri Fresh", "Beras Dewi Sri", "minyak goreng
  Rose Brand", "shade 'Dewi'", "meeting room 'Sabar'");
* a shop or product word closing it or right after its Capitalised run ("Grace Bakery",
  "Untung Jaya Elektronik", "Sunny Side Café", "Sekar Jagad scarf", "Rose Quartz edition");
* a word of a global brand inside it ("Christian Dior Sauvage").

Round 8 adds places and characters named after a person:

* a hospital, clinic or eatery right before the honorific ("RS Dr. Cipto Mangunkusumo",
  "Klinik dr. Sutomo", "Sate Hj. Ratna");
* a shop word inside the Capitalised run, not only closing it ("Fore Coffee Kuningan");
* a Capitalised word no lexicon knows joined to it by ``sama``/``dengan`` ("Anies sama
  Ganjar": public figures side by side, not a person met);
* ``si`` before a character when the text talks about a show or a mascot ("Si Juki mascot",
  "Si Unyil masih tayang").

Round 9 (cue-less names, :func:`firms_and_brands_dropped`): a run inside a brand of several
words ("Mr DIY", word edges kept) or followed by a firm's word ("Fibernusa support",
"Halodoc app").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from voc.pii.name_cues import EATERY_BEFORE, PRODUCT_AFTER, ROLE_SINGLE_WORDS
from voc.pii.name_lexicons import dictionary_words, given_names, not_name_words

__all__ = ["firms_and_brands_dropped", "is_product_or_shop"]

# Kinds of product or labelled thing whose own name follows them.
_KIND_BEFORE = re.compile(
    r"(?:^|[^\w])(?:sabun|shampo|sampo|shampoo|beras|kopi|susu|minyak(?:[ \t]+goreng)?|"
    r"lipstik|lipstick|lip[ \t]+cream|shade|parfum|perfume|cologne|varian|variant|aroma|scent|"
    r"flavou?r|rasa|seri|series|edisi|edition|room|ruang(?:an)?|ruang[ \t]+meeting|hall|"
    r"paket|package|plan|menu|motif|tema|theme|lagu|song|album|novel|buku|book|judul|title|"
    r"merk|merek|brand|produk|product|deterjen|detergent|mie|snack|cokelat|coklat|chocolate|"
    r"permen|candy|biskuit|sambal|kecap|saus|sauce|bedak|lotion|body[ \t]+wash|sereal|cereal|"
    # round 12: a vehicle's own name ("bus Sinar Jaya", "kapal Kelud"), a brand's partner
    # ("promo bareng X", "collab with X")
    r"bus|kapal|kereta|(?-i:KA|KM|KMP|MV)|ferry|feri|armada|shuttle|photocard|pc|lightstick|fansign|merch|"
    r"hero|skin|karakter|character|"
    # round 13: a film's or a show's title or star, a suite's or a room's quoted name
    r"film|movie|sinetron|suite|cottage|bungalow|kue|bolu|promo|"
    r"(?:kamar|villa|vila)(?=[ \t]+['\"‘“])|"
    # round 12: a product counted in its packs ("3 tins of X", "2 kaleng X")
    r"\d+[ \t]+(?:tins?|cans?|packs?|boxes|bottles?|jars?|bags?|sachets?|bungkus|kaleng|botol|"
    r"dus|kotak|pcs)(?:[ \t]+of)?|"
    r"(?:promo|kolaborasi|kolab|collab(?:oration)?)[ \t]+(?:bareng|sama|dengan|dgn|with|x))"
    r"[ \t]+(?:celup[ \t]+)?['\"‘“]?\Z",
    re.IGNORECASE,
)
# Words that close a shop's or a product's name (besides PRODUCT_AFTER).
_SHOP_WORDS = frozenset(PRODUCT_AFTER) | frozenset(
    "café cafe caffe coffee kopitiam bistro bakery bakehouse patisserie kitchen eatery grill "
    "diner court plaza mall tower residence hotel inn lodge resort spa clinic salon studio "
    "gallery boutique mart market elektronik electronics electronic furniture mebel optik "
    "optical apotek pharmacy laundry motor motors lamp lampu candle candles scarf hijab fresh "
    "quartz glow beauty cosmetics kosmetik fashion collection signature limited lounge "
    "speaker headphone headphones earbuds perfume parfum"
    # round 9: lodgings and shores that close a place's name ("Sandy Cove Villa")
    " villa villas cottage cottages homestay hostel guesthouse bungalow cove bay beach "
    "island lake".split()
)
# Round 9: words that open a place's name, not a person's ("Tanjung Priok", "Pulau Seribu",
# "Kecamatan Cibinong"), and team names that follow a role ("Head of Customer Experience").
_PLACE_FIRST = frozenset(
    "tanjung pulau gunung danau pantai teluk tanah kecamatan kabupaten kelurahan desa kampung "
    "pelabuhan bandara stasiun terminal sungai selat muara provinsi kota"
    # round 11: lodgings and eateries opening their own name ("Resepsionis [Hotel Aston]")
    " hotel wisma villa resort homestay penginapan losmen hostel restoran resto kafe".split()
)
_TEAM_WORDS = frozenset(
    "experience relations success happiness excellence care service support operations "
    "insights engagement".split()
)
# Words that close a team's or a desk's name right after the candidate, in capitals or not:
# a person is "Rina from Support", never "Rina Support" (a known given name keeps the run a
# name: "Thanks Dewi Team CS").
_TEAM_AFTER = frozenset(
    "support team department dept division desk helpdesk squad divisi tim".split()
)
# Lower-case words right after a name that make it a product or a shop ("Sekar Jagad scarf");
# never everyday words that follow people too ("Pak Budi jam 3", "Bu Rina cabang Depok").
_LOWER_AFTER = frozenset(
    "scarf edition edisi brand merk series collection bakery café cafe coffee store shop outlet "
    "gerai branch newsletter speaker bundle flavour flavor shoes boots sneakers sandals cookies "
    "cleaner sauce serum toner skincare soap sabun cream candles lamp lipstick lipstik mascara "
    "palette cushion eyeliner cologne diffuser perfume parfum fragrance"
    # round 13: more products after their brand ("the X setting powder", "the X bag")
    " powder foundation sunscreen moisturizer cleanser bag tas backpack wallet dompet"
    # round 12: a team's or a show's event ("nonton X final")
    " final finals semifinal semifinals".split()
)
# Global brands whose words look like names ("Christian Dior", "Louis Vuitton").
_BRAND_WORDS = frozenset(
    "dior vuitton chanel gucci prada hermes hermès versace armani givenchy balenciaga "
    "burberry lancome lancôme guerlain lacoste".split()
)
# A hospital, clinic, school or eatery (and up to two Capitalised words), then an honorific:
# the place carries a person's name when Capitalised, as a business's name is.
_PLACE_HONORIFIC = re.compile(
    r"(?:^|[^\w])(?P<place>rs|rsu|rsud|rsia|rsup|rumah[ \t]+sakit|hospital|klinik|clinic|puskesmas|"
    r"apotik|praktek|praktik|lab|laboratorium|yayasan|sekolah|universitas|stadion|bandara|"
    r"masjid|museum|gelora|stadium|monumen|tugu|asrama|"
    + "|".join(re.escape(word) for word in EATERY_BEFORE)
    + r")"
    r"(?:[ \t]+(?-i:[A-Z][a-z]+)){0,2}[ \t]+"  # "Nasi Uduk Hj. Romlah", "Soto Betawi H. Ma'ruf"
    r"(?P<hon>dr|drg|prof|h|hj|haji|hajah|hajjah|pak|bu|ibu|bapak|mbak|mas|mbok|mpok|cak|bang|"
    r"koh|cik|ci|om|tante|mak|abah|engkong|kakek|nenek|ny|tn|st|bung|"
    # round 12: ranks and titles of the national figures places are named after
    r"kapten|kapt|jenderal|jend|letnan|mayor|kolonel|laksamana|marsekal|sultan|raden|pangeran)"
    r"\.?[ \t]*\Z",
    re.IGNORECASE,
)
# Round 11: a Capitalised place word right before the candidate: a mountain, an island, a
# venue named after a person or a god ("Gunung Agung", "Pulau Komodo", "Masjid Istiqlal"), a
# public office named after its area or its class ("KPP Pratama", "Samsat Cibinong").
_PLACE_WORD_BEFORE = re.compile(
    r"(?:^|[^\w])(?:(?P<nature>Gunung|Pulau|Danau|Pantai|Teluk|Bukit|Selat|Sungai|Tanjung|"
    r"Tanah|Candi|Pura|Kawah|Air[ \t]+Terjun|Mount|Mt\.?|Lake|Cape|Taman|"
    # round 12: a house of worship, named after a saint too ("Gereja Santa Theresia")
    r"(?:Gereja|Katedral|Kapel|Vihara|Klenteng)(?:[ \t]+(?:Santa|Santo|Sta\.|St\.?|Saint))?)|"
    # round 14: transport hubs, stadiums and monuments named after a person ("Bandara Halim")
    r"(?P<hub>Gelora|Stadion|Bandara|Pelabuhan|Stasiun|Museum|Monumen|Tugu)|"
    r"Masjid|"
    r"(?i:kpp|kppn|kanwil|samsat|polsek|polres|polda|puskesmas|"
    r"kelurahan|kecamatan|kejari|imigrasi))[ \t]+\Z"
)
# Round 11: a lodging or an eatery named before the candidate, its own name Capitalised
# ("Hotel Mawar Sharon", "Resto Ibu Sri" is _PLACE_HONORIFIC's).
_LODGING_BEFORE = re.compile(
    r"(?:^|[^\w])(?:Hotel|Wisma|Villa|Resort|Homestay|Penginapan|Losmen|Guesthouse|Hostel|"
    r"Restoran|Resto|Kafe|Cafe)(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+\Z"
)
# Round 11: a candidate that the text calls a product's name: "X itu nama paket baru?".
_PRODUCT_NAME_AFTER = re.compile(
    r"[ \t]+(?i:itu|tuh|adalah|ini)[ \t]+(?i:nama)[ \t]+(?i:paket|produk|program|promo|"
    r"layanan|fitur|aplikasi|merek|merk|brand|menu|varian|kartu|game)\b"
)
# Review of round 11: staff of an office, a venue or a lodging ("Petugas Samsat Joko",
# "Manager Hotel Rina", "Tukang parkir Stadium Mas Agus"): the name after it is a person's.
_STAFF_WORDS = frozenset(
    list(ROLE_SINGLE_WORDS)
    + "penjaga bidan polisi orang pemilik parkir service desk cleaning front jaga pak bu ibu "
    "bapak mas mbak kak".split()
)
_HONORIFICS = frozenset(
    "pak bu ibu bapak mbak mas kak bang dik om tante mbok mpok cak koh cik ci haji hj h dr "
    "drg ny tn sdr sdri".split()
)
_LODGING_FIRST = frozenset(
    "hotel wisma villa resort homestay penginapan losmen hostel restoran resto kafe".split()
)
_AREA_CLASS = frozenset(
    "pratama madya kota kabupaten utara selatan barat timur tengah pusat besar".split()
)


def _place_holds(text: str, at: int, words: list[str], *, given: bool = True) -> bool:
    """Whether the place word at ``at`` names a place, not the staff of one.

    No staff word among the three words before it, no honorific among ``words`` (its own
    name and the candidate's first word), and (with ``given``) no known given name as the
    candidate's first word unless it is an area or a class ("KPP Pratama", "Samsat Kota").
    """
    lower = [w.lower().rstrip(".,") for w in words]
    if given and lower and lower[-1] in _AREA_CLASS:
        return True
    before = text[max(0, at - 30) : at].split()[-3:]
    if _STAFF_WORDS.intersection(w.lower().strip(".,:") for w in before):
        return False
    if _HONORIFICS.intersection(lower):
        return False
    return not given or not lower or lower[-1] not in given_names()


# "si" before a character, read as one only when the text talks about a show or a mascot.
_SI_BEFORE = re.compile(r"(?:^|[^\w])si[ \t]+\Z", re.IGNORECASE)
_SHOW_TALK = re.compile(
    r"\b(?:mascot|maskot|karakter|character|kartun|cartoon|animasi|animation|tayang|"
    r"tayangan|serial|series|episode|film|movie|komik|comic|boneka|puppet|dongeng|"
    r"ditonton)\b",
    re.IGNORECASE,
)
# A Capitalised word, then a word that joins two names: "Anies sama |Ganjar".
_PAIRED_BEFORE = re.compile(r"(?<![\w.-])([A-Z][a-z]+)[ \t]+(?:sama|sm|dengan|dgn)[ \t]+\Z")
# Round 9: a full name before "sama" ("Fransiska Bria sama ...") pairs people, not public names.
_FULL_NAME_END = re.compile(r"(?<![\w.])([A-Z][a-z]+)[ \t]+\Z")


def _full_name_before(before: str, end: int) -> bool:
    """Whether a given name or a word no dictionary holds precedes the paired word.

    "Fransiska Bria sama ..." pairs people; "Debat Anies sama Ganjar" stays a public pair.
    """
    match = _FULL_NAME_END.search(before, 0, end)
    if match is None:
        return False
    word = match.group(1).lower()
    return word not in not_name_words() and (
        word in given_names() or word not in dictionary_words()
    )


_CLOSING_QUOTES = frozenset("'\"’”")
_WORD = re.compile(r"[^\W\d_][\w'’&.-]*|&")


def _venue_title(place: re.Match) -> bool:
    """Whether a venue word's honorific fits: only "Bung" for a venue ("Gelora Bung Karno")."""
    venue = place.group("place").lower() in ("gelora", "stadium", "monumen", "tugu")
    return not venue or place.group("hon").lower() == "bung"


def is_product_or_shop(text: str, start: int, end: int) -> bool:
    """Whether the NAME candidate ``text[start:end]`` names a product, a shop or a label.

    Args:
        text: The whole text.
        start: Start offset of the candidate.
        end: End offset of the candidate.
    """
    before = text[max(0, start - 24) : start]
    if _KIND_BEFORE.search(before):
        return True
    place = _PLACE_HONORIFIC.search(before)
    if place is not None and place.group("place")[0].isupper() and _venue_title(place):
        return True  # "Klinik dr. Sutomo", "Sate Hj. Ratna"; not "patokan warung bu Iis"
    office = _PLACE_WORD_BEFORE.search(before)
    first = text[start:end].split()[:1]
    if office is not None and (
        office.group("nature") is not None
        or _place_holds(
            text, start - len(before) + office.start(), first, given=office.group("hub") is None
        )
    ):
        return True  # "Gunung Agung", "Samsat Cibinong"; not "Petugas Samsat Joko"
    if _PRODUCT_NAME_AFTER.match(text, end):
        return True  # "Intan Berlian itu nama paket baru?"
    lodging = _LODGING_BEFORE.search(text, max(0, start - 40), start)
    if lodging is not None and _place_holds(
        text,
        lodging.start(),
        lodging.group().split()[1:] + first,
        given=not lodging.group().split()[1:],
    ):
        return True  # "Hotel Mawar [Sharon]": the hotel's name
    if _SI_BEFORE.search(before) and _SHOW_TALK.search(text):
        return True  # "The Si Juki mascot", "Si Unyil masih tayang"
    paired = _PAIRED_BEFORE.search(before)
    if (
        paired is not None
        and not _full_name_before(before, paired.start(1))
        and not _full_known_name(text[start:end])  # not "... sama Rina Wulandari"
    ):
        word = paired.group(1).lower()
        if word not in given_names() and word not in not_name_words():
            return True  # "Anies sama Ganjar": the other name is no known person's either
    words = text[start:end].lower().split()
    if not words or _SHOP_WORDS.intersection(words[1:]) or _BRAND_WORDS.intersection(words):
        return True
    if words[0] in _LODGING_FIRST and not _place_holds(text, start, words[1:], given=False):
        return False  # "Manager [Hotel Rina Wati]", "Pemilik [Homestay Bu Sari]"
    if (words[0] in _PLACE_FIRST and len(words) > 1) or all(w in _TEAM_WORDS for w in words):
        return True  # "dari Tanjung Perak", "Head of Customer Experience"
    # The Capitalised run goes on after the candidate: "Sunny [Side Café]", "Untung Jaya
    # [Elektronik]"; a lower-case product word right after closes it too ("Sekar Jagad scarf").
    pos = end + 1 if text[end : end + 1] in _CLOSING_QUOTES else end  # "'Laura' perfume"
    for _ in range(3):
        match = _WORD.match(text, pos + 1) if text[pos : pos + 1] in (" ", "\t") else None
        if match is None:
            return False
        word = match.group().rstrip(".-")
        if word == "&":
            pos = match.end()  # "Faith & Glory Candles"
            continue
        if word.lower() in _TEAM_AFTER and not given_names().intersection(words):
            return True  # "Talked to Tech Support", "From: Marketing Team", "Night Shift team"
        if not word[0].isupper():
            return word.lower() in _LOWER_AFTER
        if word.lower() in _SHOP_WORDS:
            return True
        pos = match.end()
    return False


# Words after a run that make it a firm's or an app's name: "Fibernusa support", "Halodoc app".
_FIRM_AFTER = frozenset(
    "support team cs app apps aplikasi apk care helpdesk helpline official service services "
    "hotline callcenter".split()
)


_FIRM_NEXT = re.compile(r"[ \t]+(?:customer[ \t]+)?(?P<word>[^\W\d_]+)")


def firms_and_brands_dropped(
    text: str, found: list[tuple[int, int, str]], brands: Sequence[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """Drop spans inside a brand (``brands``: its character spans) or before a firm's word.

    "Please contact Fibernusa support", "Halodoc app": the word after the run says firm.
    """
    if not found:
        return found
    out = []
    for start, end, kind in found:
        if any(s < end and start < e for s, e in brands):
            continue
        after = _FIRM_NEXT.match(text, end)
        if after is not None and after.group("word").lower() in _FIRM_AFTER:
            continue  # "Please contact Fibernusa support", "Halodoc app"
        out.append((start, end, kind))
    return out


def _full_known_name(candidate: str) -> bool:
    """Whether a candidate is two words or more, one of them a known given name."""
    words = candidate.lower().split()
    return len(words) > 1 and not given_names().isdisjoint(words)

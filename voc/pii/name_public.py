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

from voc.pii.name_lexicons import place_or_brand_words
from voc.pii.name_shapes import frequent_word

__all__ = ["is_public_or_not_a_person"]

# Well-known public figures whose names many private people also bear ("Sri Mulyani", "Dewi
# Lestari"), or a plain form of address of one ("Bu Risma"): set aside only in a text about
# public life (_PUBLIC_TALK) with no person cue right before. Lower case, "|" between names.
_PUBLIC_FIGURES = """
sri mulyani|zulkifli hasan|budi arie setiadi|dewi lestari|eka kurniawan|kevin sanjaya
prabowo|pak prabowo|pak anies|pak ganjar|bu risma|bu susi|mas gibran|bu mega|pak harto
pak sby|bu khofifah|raisa|ibu kartini|anthony ginting|soeharto|suharto|cak imin|pak luhut
pak erick|pak mahfud
"""
# Round 14: names that in practice stand for the public figure (a customer of that full name is
# rarer than a text about the figure): set aside in any text unless a role, a kin word or the
# writer's own name cue comes right before ("kurir ...", "nama saya ..."). Honorific forms of
# address that the public uses for the figure ("Kak Seto", "Bung Karno") count as full names.
# Written for this project from general knowledge; lower case, "|" between names.
_FAMOUS = """
jokowi|ahok|soekarno|sukarno|habibie|b.j. habibie|bj habibie|gus dur
abdurrahman wahid|bung karno|bung hatta|bung tomo|mohammad hatta|ki hajar dewantara
r.a. kartini|ra kartini|raden ajeng kartini|cut nyak dhien|pangeran diponegoro
tan malaka|buya hamka|jenderal sudirman|jenderal soedirman|kak seto|seto mulyadi
joko widodo|prabowo subianto|gibran rakabuming|gibran rakabuming raka|ma'ruf amin
jusuf kalla|susilo bambang yudhoyono|megawati soekarnoputri|puan maharani|anies baswedan
ganjar pranowo|ridwan kamil|sri mulyani indrawati|erick thohir|sandiaga uno|luhut pandjaitan
luhut binsar pandjaitan|basuki tjahaja purnama|tri rismaharini|khofifah indar parawansa
mahfud md|airlangga hartarto|bahlil lahadalia|budi gunadi sadikin|nadiem makarim
retno marsudi|agus harimurti yudhoyono|muhaimin iskandar|kaesang pangarep|pramono anung
rano karno|teten masduki|yaqut cholil qoumas|listyo sigit prabowo|susi pudjiastuti
bambang soesatyo|dedi mulyadi|kang dedi mulyadi|bobby nasution|emil dardak|bima arya
surya paloh|tito karnavian|fadli zon|fahri hamzah|amien rais|yusril ihza mahendra
hotman paris|hotman paris hutapea|sri sultan hamengkubuwono|hamengkubuwono x|kang emil
najwa shihab|quraish shihab|abdul somad|ustadz abdul somad|ustad abdul somad|adi hidayat
ustadz adi hidayat|hanan attaki|ustadz hanan attaki|felix siauw|oki setiana dewi|mamah dedeh
gus baha|cak nun|emha ainun nadjib|aa gym|yusuf mansur|habib rizieq|gus miftah|gus iqdam
raffi ahmad|nagita slavina|baim wong|paula verhoeven|deddy corbuzier|atta halilintar
aurel hermansyah|ria ricis|vino g. bastian|vino bastian|reza rahadian|dian sastrowardoyo
nicholas saputra|iko uwais|joe taslim|chelsea islan|agnez mo|agnes monica|raisa andriana
isyana sarasvati|afgan syahreza|rizky febian|ariel noah|nazril irham|inul daratista
anang hermansyah|krisdayanti|titi kamal|luna maya|bunga citra lestari|iwan fals|rhoma irama
via vallen|nella kharisma|denny caknan|happy asmara|maudy ayunda|andre taulany|sule sutisna
vincent rompies|desta mahendra|tukul arwana|cak lontong|jerome polin|fadil jaidi
tasya farasya|tanboy kun|windah basudara|rich brian|cinta laura|prilly latuconsina
dewi perssik|ayu ting ting|lesti kejora|rizky billar|tiara andini|lyodra ginting|mahalini
judika|ari lasso|armand maulana|once mekel|ahmad dhani|fiersa besari|nadin amizah
kunto aji|yura yunita|glenn fredly|didi kempot|sherina munaf|acha septriasa|pevita pearce
tara basro|marsha timothy|tora sudiro|arie kriting|raditya dika|ernest prakasa
pandji pragiwaksono|gading marten|gisella anastasia|ruben onsu|irfan hakim|ivan gunawan
uya kuya|denny sumargo|dewi sandra|syahrini|nikita mirzani|fitri tropica|rina nose
arief muhammad|rachel vennya|jessica iskandar|jefri nichol|iqbaal ramadhan|angga yunanda
adhisty zara|dr. tirta|dr tirta|dokter tirta|tirta mandira hudhi|dr. boyke|dr boyke
dokter boyke|dr. reisa|karni ilyas|rosiana silalahi|andy f. noya|andy noya|mario teguh
merry riana|greysia polii|apriyani rahayu|marcus gideon|kevin sanjaya sukamuljo
anthony sinisuka ginting|jonatan christie|gregoria mariska|liliyana natsir
tontowi ahmad|taufik hidayat|susi susanti|rudy hartono|egy maulana vikri|witan sulaeman
marselino ferdinan|pratama arhan|asnawi mangkualam|shin tae-yong|patrick kluivert
jay idzes|bambang pamungkas|boaz solossa|evan dimas|rio haryanto|lalu muhammad zohri
eko yuli irawan|veddriq leonardo|chairul tanjung|hary tanoesoedibjo|bob sadino|achmad zaky
william tanuwijaya|jusuf hamka|pramoedya ananta toer|andrea hirata|tere liye|dee lestari
ayu utami|sapardi djoko damono|chairil anwar|goenawan mohamad|seno gumira ajidarma
leila s. chudori|habiburrahman el shirazy|asma nadia|pidi baiq
taylor swift|justin bieber|ariana grande|billie eilish|ed sheeran|bruno mars|lady gaga
beyonce|beyoncé|rihanna|dua lipa|olivia rodrigo|harry styles|selena gomez|chris martin
michael jackson|elvis presley|freddie mercury|john lennon|elon musk|mark zuckerberg
jeff bezos|bill gates|steve jobs|tim cook|warren buffett|cristiano ronaldo|lionel messi
kylian mbappe|kylian mbappé|erling haaland|mohamed salah|lewis hamilton|max verstappen
valentino rossi|marc marquez|marc márquez|lebron james|michael jordan|stephen curry
serena williams|roger federer|rafael nadal|novak djokovic|tom cruise|leonardo dicaprio
brad pitt|angelina jolie|julia roberts|jennifer lawrence|scarlett johansson|keanu reeves
dwayne johnson|johnny depp|emma watson|zendaya|tom holland|margot robbie|ryan gosling
timothee chalamet|timothée chalamet|donald trump|joe biden|barack obama|kamala harris
kim jong un|vladimir putin|xi jinping|narendra modi|anwar ibrahim|mahathir mohamad
lee hsien loong|king charles|queen elizabeth|pope francis|paus fransiskus|gordon ramsay
mrbeast|mr beast|pewdiepie|haruki murakami|j.k. rowling|jk rowling|stephen king
agatha christie|lee min-ho|lee min ho|song joong-ki|park seo-joon|hyun bin|son ye-jin
kim soo-hyun|cha eun-woo|lisa blackpink|jennie blackpink|jungkook bts|jimin bts
fabio quartararo|francesco bagnaia|pecco bagnaia|jorge martin|gilbert lumoindong
romo magnis|franz magnis-suseno|habib jafar|habib husein jafar|husein jafar al hadar|desi anwar
kick andy|chef juna|juna rorimpandey|chef arnold|arnold poernomo|chef renatta|renatta moeloek
ustadz khalid basalamah|khalid basalamah|ustadz das'ad latif|das'ad latif|ustadzah oki
"""
# Round 14: single names of idols, public only beside their group ("Jennie from BLACKPINK",
# "BTS's Jimin", "Jungkook BTS"): alone they are common given names.
_IDOLS = frozenset(
    "jennie jisoo lisa rosé rose jungkook jimin taehyung suga jin rm j-hope minji hanni "
    "danielle haerin hyein karina winter giselle ningning wonyoung yujin nayeon jihyo tzuyu "
    "sana momo mina dahyun chaeyoung jeongyeon mingyu hoshi woozi felix hyunjin bangchan "
    "chaewon sakura kazuha eunchae yeji ryujin yuna irene seulgi wendy joy yeri".split()
)
_GROUPS = (
    r"BTS|BLACKPINK|Blackpink|NewJeans|TWICE|Twice|EXO|NCT(?:[ \t]?\w+)?|SEVENTEEN|Seventeen|"
    r"Stray[ \t]Kids|aespa|Aespa|IVE|ITZY|Itzy|Red[ \t]Velvet|LE[ \t]SSERAFIM|Le[ \t]Sserafim|"
    r"JKT48|JKT[ \t]48"
)
_GROUP_AFTER = re.compile(
    r"[ \t]*(?:\(|,)?[ \t]*(?:(?i:from|of|dari|member|anggota|personel|personil|si|ex)[ \t]+)?"
    r"(?:" + _GROUPS + r")\b"
)
_GROUP_BEFORE = re.compile(
    r"\b(?:" + _GROUPS + r")(?:'s|’s)?[ \t]+(?:(?i:member|anggota|personel|personil)[ \t]+)?\Z"
)
# The writer naming themself across a comma ("Saya, Bambang Pamungkas, ...", "Me, ...").
_SELF_COMMA = re.compile(r"\b(?i:saya|aku|sy|gue|gw|i|i'm|i[ \t]+am|me)[ \t]*[,:][ \t]*\Z")
# A role, a kin word, a service verb or a naming word right before a famous name makes it a
# private person again ("kurir Raffi Ahmad", "anak saya namanya Reza Rahadian").
# Roles and kin a person is met as, read before a famous name by _PERSON_BEFORE and _ROLE_BEFORE.
_PARTY_WORDS = (
    r"kurir|courier|driver|sopir|supir|cs|teknisi|technician|petugas|officer|sales|montir|"
    r"mekanik|kasir|staf|staff|agen|agent|tetangga|neighbou?r|anak|suami|istri|adik|"
    r"kakak|teman|temen|kolega|friend|wife|husband|son|daughter|pelanggan|nasabah|customer|"
    r"penerima|pengirim|pemilik|owner"
)
_ROLE_BEFORE = re.compile(
    r"\b(?i:namanya|bernama|named|called|dilayani|ditangani|served|handled|"
    + _PARTY_WORDS
    + r"|pasien|patient|murid|siswa|student|karyawan|pegawai|"
    r"employee|mandor|tukang|ojol|guru|teacher|dosen|bos|boss|yth|kepada)(?:-?nya)?\b"
)

# Government offices only: "Mayor" is also an army rank, "Dirut", "vice president" and "ketua
# umum" head firms and clubs whose people are private.
_OFFICES = (
    r"presiden|wapres|wakil[ \t]+presiden|menteri|menko|mensos|menkes|menkeu|gubernur|wagub|"
    r"wakil[ \t]+gubernur|bupati|wali[ \t]?kota|walkot|kapolri|kapolda|panglima|"
    r"ketua[ \t]+(?:dpr|mpr|kpk|ojk)|prime[ \t]+minister|minister|governor|the[ \t]+mayor|senator|"
    # round 14: police chiefs and village heads; "Pak Wali" for the mayor, not a pupil's guardian
    r"kapolres(?:ta)?|kapolsek|kades|kepala[ \t]+desa|wali(?![ \t]+(?:murid|kelas|santri|siswa))"
)
# Round 14: government bodies taken for a name ("Terima kasih Pemkab Sleman", "lapor ke Dinas
# PU", "thank you Pemprov"): the body, never a person.
_BODY_INSIDE = re.compile(
    r"(?i:pemkab|pemkot|pemprov|pemda|pemdes|dinas|dishub|dprd|polres(?:ta)?|polsek|polda|"
    r"kemen[a-z]+|kementerian|diskominfo|disdukcapil|dukcapil|samsat|satpol(?:[ \t]?pp)?|"
    r"damkar|bpbd|bappeda|kelurahan|kecamatan)\b"
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
    # round 14: sermons, masses and the speakers of public talks
    r"khutbah|khotbah|sermon|misa|kebaktian|penceramah|narasumber|keynote[ \t]+speaker|"
    # a creator the writer follows ("YouTuber kesayangan gue, X")
    r"(?:youtuber|influencer|selebgram|tiktoker|streamer|vtuber|podcaster)"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]*,?)"
    r"(?:[ \t]+(?i:by|oleh|dari|from))?"
    r"(?:[ \t]+(?i:ustadz|ustad|ustadzah|habib|kh|kyai|syekh|sheikh|dr|prof|romo|pendeta|"
    r"pastor|gus|buya|bhante|biksu|pdt|bapak|ibu|pak|bu|mr|mrs|ms)\.?)?[ \t]+\Z"
)
# "PT"/"CV"/"UD" as written, or "a company called": never a shop's owner ("toko namanya").
_FIRM_BEFORE = re.compile(
    # round 13: "PO" (a bus company, perusahaan otobus) as written
    # round 14: a word of the firm's name between ("PT Mitra [Tagih Nusantara]")
    r"(?:\b(?:PT|CV|UD|PO)\.?[ \t]+(?:[A-Z][a-z]+[ \t]+)?|"
    r"\b(?i:company|firm|perusahaan|brand|merek|app|aplikasi)"
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
    r"video(?:nya)?|vlog|konten|content|"  # round 11
    # round 14: local government, singing
    r"wali[ \t]?kota|bupati|mayor|dpr|pejabat|pemkot|pemprov|pemkab|pemda|pilkada|nyanyi|"
    r"tribute)\b"
)
# Round 14: the events, shows and books a famous full name (two words or more) is talked about
# in; a single famous word is too often a private person's name for these.
_EVENT_TALK = re.compile(
    r"\b(?i:nonton|ditonton|watch(?:ed|ing)?|ambassador|webinar|perform(?:s|ed|ing)?|"
    r"manggung|tampil|novel|buku(?:nya)?|books?|author|penulis|seminar|talk[ \t]?show|"
    r"workshop|event|acara|pertandingan|match|turnamen|tournament)\b"
)
_PERSON_BEFORE = re.compile(
    r"\b(?i:pak|bu|bapak|ibu|bpk|mas|mbak|mba|kak|bang|abang|om|tante|sdr|sdri|mr|mrs|ms|dr|"
    r"namanya|bernama|named|called|dilayani|ditangani|oleh|by|dengan|sama|ketemu|met|"
    r"terima[ \t]+kasih|thanks|thank[ \t]+you|makasih|salam|regards|kepada|yth|admin|"
    + _PARTY_WORDS
    + r"|yang|who)\b"
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
    return frozenset((_PUBLIC_FIGURES + _FAMOUS).replace("|", " ").split())


@lru_cache(maxsize=1)
def _figures() -> frozenset[str]:
    return _names_of(_PUBLIC_FIGURES) | _famous()


@lru_cache(maxsize=1)
def _famous() -> frozenset[str]:
    return _names_of(_FAMOUS)


def _names_of(listing: str) -> frozenset[str]:
    return frozenset(
        " ".join(n.split()) for line in listing.split("\n") for n in line.split("|")
    ) - {""}


def _is_public_figure(text: str, start: int, end: int) -> bool:
    """Whether the candidate is exactly a famous name, in a text about public life."""
    name = _figure_name(text, start, end)
    if name not in _figures():
        return False  # a longer private name merely holding a famous one stays a name
    clause = re.split(r"[.!?\n;,(]", text[max(0, start - 60) : start])[-1]
    if _ROLE_BEFORE.search(clause) or _SELF_COMMA.search(text, max(0, start - 20), start):
        return False  # "Kurir Raffi Ahmad", "Saya, Bambang Pamungkas, menyatakan ..."
    if name in _famous():
        return True  # round 14: "Semoga Pak Pramono Anung baca ini", "Raffi Ahmad dateng ke ..."
    if _PERSON_BEFORE.search(clause):
        return False  # "Pak Sri Mulyani dari bagian klaim": a person the writer meets
    if _PUBLIC_TALK.search(text) is not None:
        return True
    return " " in name and _EVENT_TALK.search(text) is not None


_WORD_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+[A-Z][\w'’-]*")


# Round 14: two sides of a match or a comparison ("Chelsea vs Arsenal", "Persib lawan Persija").
_VERSUS_AFTER = re.compile(r"[ \t]+(?i:vs\.?|versus|lawan|melawan)[ \t]+[A-Z]")
_VERSUS_BEFORE = re.compile(r"[A-Z][\w'’-]*[ \t]+(?i:vs\.?|versus|lawan|melawan)[ \t]+\Z")


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
    words = text[start:end].split()
    if len(words) == 1 and (
        _VERSUS_AFTER.match(text, end) or _VERSUS_BEFORE.search(text, max(0, start - 30), start)
    ):
        return True  # round 14: "Is Chelsea vs Arsenal streamed?"
    if len(words) == 1 and words[0].lower() in _IDOLS and _beside_group(text, start, end):
        return True  # round 14: "Jennie from BLACKPINK", "BTS's Jimin"
    for cut in range(1, len(words) - 1):
        # round 14: an everyday word the finder took in ("Watched [Anthony Ginting]")
        if not all(w[:1].isupper() and frequent_word(w.lower(), 4.5) for w in words[:cut]):
            break
        rest = text.index(words[cut], start)
        if _is_whole_figure(text, rest, end):
            return _judge(text, rest, end)
    if " ".join(text[start:end].lower().split()) in _figure_words():
        before = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if before is not None and _is_whole_figure(text, before.start(), end):
            return _judge(text, before.start(), end)
        after = _WORD_AFTER.match(text, end)
        if after is not None and _is_whole_figure(text, start, after.end()):
            return _judge(text, start, after.end())
    return False


def _is_body(text: str, start: int, end: int) -> bool:
    """Whether the candidate is a government body, alone or with its place or its initials."""
    body = _BODY_INSIDE.match(text, start, end)
    if body is None:
        return False
    rest = text[body.end() : end].split()
    if not rest:
        return True
    word = rest[0]
    return len(rest) == 1 and (
        word.isupper() or word.lower() in place_or_brand_words() or frequent_word(word.lower(), 4.0)
    )  # "Pemkab Sleman", "Dinas PU", "Dinas Perhubungan"; never "Samsat Rudi Hartono"


def _beside_group(text: str, start: int, end: int) -> bool:
    return bool(
        _GROUP_AFTER.match(text, end) or _GROUP_BEFORE.search(text, max(0, start - 30), start)
    )


def _figure_name(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as the figure lists write it: lower case, no possessive or quote."""
    name = " ".join(text[start:end].lower().split()).removesuffix("'s").removesuffix("’s")
    return name.strip("'’\"")


def _is_whole_figure(text: str, start: int, end: int) -> bool:
    return _figure_name(text, start, end) in _figures()


def _judge(text: str, start: int, end: int) -> bool:
    """Whether the NAME candidate ``text[start:end]`` names no private person by its context.

    Args:
        text: The raw text.
        start: Start offset of the candidate.
        end: End offset of the candidate.
    """
    before = text[max(0, start - 60) : start]
    if _OFFICE_INSIDE.match(text, start) or _is_body(text, start, end):
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

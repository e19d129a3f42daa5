"""Cue phrases that announce a person's name, by how much they trust the word after them.

Lists are lower case and tokenised like the text (``spacy.blank("xx")``), so ``"a.n."`` and
``"my name is"`` match in any capitalisation. Indonesian, English and code-mixed cues live side
by side. The levels, from most to least trusting:

* ``STRONG_CUES``: any word that is not a common word is read as a name, lower case included
  ("nama saya dewi anggraini", "a.n. BUDI SANTOSO").
* ``MEDIUM_CUES``: a Capitalised or ALL-CAPS word, or a known given name in lower case
  ("under the name of Lukas Hartanto", "name on the card: Melissa T.").
* ``WEAK_CUES``: honorifics, roles and verbs of contact; a Capitalised word or a known given
  name in lower case ("Bu Sari", "pak budi", "teknisi Gunadi"). Ignored in text that
  Capitalises Every Word.
* ``KNOWN_CUES``: plain prepositions; only a Capitalised *known given name* opens a name
  ("sudah bicara dengan Andi").
"""

from __future__ import annotations

__all__ = [
    "APPOSITION_CUES",
    "BARE_PARENTS",
    "COMMERCE_BEFORE",
    "COOKED_BEFORE",
    "FIRM_ENDS",
    "LEASING_FIRMS",
    "SUBJECT_ROLES",
    "COOKED_DISHES",
    "EATERY_BEFORE",
    "STREET_OR_MODEL_BEFORE",
    "ENGLISH_HONORIFICS",
    "FIELD_WORDS",
    "GREETING_CUES",
    "HEDGES",
    "HERE_WORDS",
    "INTRO_CUES",
    "KNOWN_CUES",
    "NAME_PARTICLES",
    "NAME_TITLES",
    "MEDIUM_CUES",
    "FIRM_FIELD_LABELS",
    "NAME_FIELD_LABELS",
    "NAME_AFTER_WORDS",
    "PERSON_FIELD_WORDS",
    "PERSON_PLACES",
    "PRODUCT_AFTER",
    "ROLE_WORDS",
    "SIGN_OFF_CUES",
    "STAFF_AFTER",
    "STRONG_CUES",
    "THANKS_CUES",
    "WEAK_CUES",
]

STRONG_CUES = (
    "nama saya", "namaku", "nama sy", "nama aku", "nama gue", "nama gw", "nama lengkap",
    "nama lengkap saya", "nama lengkapnya", "atas nama", "a.n.", "a.n", "a/n", "an.", "nama:",
    "nama :", "nama penerima", "nama pemilik", "nama pelanggan", "nama nasabah", "nama pemesan",
    "nama pengirim", "nama pelapor", "nama pemohon", "nama ibu kandung", "nama gadis ibu",
    "nama di ktp", "nama sesuai ktp", "nama di kartu", "nama di rekening", "nama rekening",
    "nama pemegang kartu", "nama akun", "bernama", "namanya", "namanya adalah", "nama beliau",
    "nama dia", "yang namanya", "yg namanya", "dengan nama", "dgn nama", "pakai nama",
    "pake nama", "memakai nama", "menggunakan nama", "panggil saja", "panggil aja",
    "panggil saya", "dipanggil", "my name is", "my name's", "name:", "name :", "full name",
    "named", "my full name is", "ganti nama jadi", "ganti nama menjadi", "nmnya", "nmny",
    "nama nya", "nm saya", "nm sy", "nama lengkap sesuai ktp", "nama sesuai kartu",
    "nama sesuai rekening", "nama sesuai identitas", "nama sesuai paspor",
    "nama sesuai buku tabungan",
    "name as per passport", "name as per id", "name as on my id", "name as on the card",
    # round 12: on behalf of a family ("atas nama keluarga besar La Ode ...")
    "atas nama keluarga", "atas nama keluarga besar", "on behalf of the family of",
)  # fmt: skip

MEDIUM_CUES = (
    "name is", "name was", "name's", "names are", "under the name", "under the name of",
    "under name", "under my name", "in the name of", "name on the account", "name on account",
    "name on the card", "name on card", "name on my account", "name on my card",
    "name on the booking", "name on the order", "name on the ticket", "name on the reservation",
    "name on the receipt", "name on the parcel", "name on the package", "account name",
    "account holder", "account holder name", "card holder", "cardholder", "holder name",
    "recipient name", "receiver name", "sender name", "consignee", "attn", "attn.",
    "attention", "c/o", "addressed to", "signed by", "goes by", "nama pic", "contact person",
    "my name", "name to", "names to", "nama lama", "nama baru", "nama sebelumnya", "old name",
    "new name", "previous name", "diganti jadi", "ganti jadi", "diubah jadi", "ubah jadi",
    "diganti menjadi", "diubah menjadi", "changed to", "change it to", "bertanda tangan",
    "maiden name", "real name", "legal name", "nickname", "nama asli", "nama panggilan",
    "nama kecil", "nama gadis", "introduced himself as", "introduced herself as",
    "introduced themselves as", "introduces himself as", "introduces herself as",
    "introduced himself", "introduced herself", "memperkenalkan diri sebagai",
    "memperkenalkan dirinya sebagai", "ngakunya", "ngaku", "mengaku", "called himself",
    "called herself", "calls himself", "calls herself", "name tag said", "name tag says",
    "name tag", "nametag", "name badge", "it's under", "its under", "it is under",
    "booked under", "registered under",
    # round 10: the name of a contract or a customer record without a colon
    "nama kontrak", "nama di kontrak", "nama debitur", "nama peminjam", "nama di polis",
    "nama polis", "nama pemegang polis", "customer name", "borrower name", "contract name",
    "name of the borrower", "name of the customer",
    "nama di stnk", "nama di bpkb", "nama stnk", "nama bpkb", "nama siswa", "nama murid",
    "acc name", "acct name",
) + tuple(
    f"{name} {where}"
    for name in ("nama di", "nama yang di", "nama yg di", "name in the", "name on the")
    for where in (
        "aplikasi", "app", "sistem", "system", "akun", "account", "profil", "profile", "resi",
        "paket", "parcel", "struk", "receipt", "invoice", "tiket", "ticket", "label", "kartu",
        "card", "rekening", "bukti transfer",
    )
)  # fmt: skip

#: Roles and jobs: "teknisi Gunadi", "the technician, Ardiansyah, ...".
ROLE_WORDS = (
    "agen", "agent", "petugas", "operator", "kurir", "courier", "driver", "rider", "sopir",
    "supir", "pengemudi", "ojol", "cs", "teknisi", "technician", "kasir", "cashier", "teller",
    "satpam", "security", "manager", "manajer", "supervisor", "spv", "staff", "staf", "sales",
    "rep", "representative", "officer", "dokter", "doctor", "perawat", "nurse", "admin",
    "pegawai", "karyawan", "employee", "pelayan", "waiter", "waitress", "barista", "host",
    "mitra", "penerima", "recipient", "receiver", "pengirim", "sender", "pemilik", "owner",
    "penjual", "seller", "pembeli", "buyer", "customer", "pelanggan", "nasabah", "consultant",
    "konsultan", "advisor", "marketing", "collector", "debt collector", "penagih",
    "instruktur", "trainer", "guide", "pemandu", "resepsionis", "receptionist", "guy", "lady",
    "man", "woman", "girl", "gentleman", "cowok", "cewek", "orangnya", "engineer", "tukang",
    "tukangnya", "montir", "mekanik", "mechanic", "installer", "cust", "caller", "specialist",
    "associate", "cleaner", "plumber", "electrician", "handyman", "clerk", "therapist",
    "tutor", "stylist", "coach", "landlord", "tenant", "guardian", "nanny", "santri",
    # round 10: the people of a loan and its collection ("Surveyor Dika", "kolektor Yanto")
    "surveyor", "kolektor", "debt collector", "adjuster", "teacher", "guru", "pic",
    # round 11: the parties of an insurance claim or a public-service request
    "tertanggung", "pelapor", "pemegang polis", "policyholder", "policy holder", "ahli waris",
    "penerima manfaat", "beneficiary", "claimant", "debitur", "debtor", "penjamin", "guarantor",
    # round 12: house moving and freight
    "mover", "porter", "loader", "helper", "kenek", "kernet", "kondektur", "conductor",
    "pemesan", "penyewa", "orderer",
    # round 13: salons, tailors, household staff and dispatch desks
    "barber", "kapster", "hairdresser", "tailor", "penjahit", "dispatcher", "caregiver",
    "babysitter", "housekeeper", "pelatih", "instructor", "referee", "wasit", "umpire",
    "winner", "pemenang", "team captain", "kapten tim", "siswa", "murid", "student", "pasien",
    "patient",
    # round 14: inspectors, residents and the person answerable for a patient
    "inspector", "inspektur", "resident", "penghuni", "penanggung jawab", "pj",
)  # fmt: skip
#: The one-word roles: what the word-set checks of the name finders test a single word against.
ROLE_SINGLE_WORDS = tuple(w for w in ROLE_WORDS if " " not in w)

WEAK_CUES = (
    # honorifics, Indonesian and English
    "bapak", "bpk", "bpk.", "ibu", "ibuk", "buk", "pak", "bu", "mas", "mbak", "mba", "kak",
    "kakak", "ka", "bang", "abang", "om", "tante", "teh", "teteh", "kang", "akang", "aa", "uda",
    "uni", "cak", "ning", "neng", "dek", "adek", "cik", "ci", "cici", "cece", "koh", "koko",
    "kokoh", "engkoh", "sdr", "sdr.", "sdri", "sdri.", "saudara", "saudari", "bung", "nona",
    "nyonya", "tuan", "ny", "ny.", "tn", "tn.", "nn", "nn.", "si", "haji", "hj", "hj.",
    "ustadz", "ustad", "ustazah", "ustadzah", "opa", "daeng", "mak", "ko", "encik", "puan",
    "datuk", "dato", "pastor", "romo", "pendeta", "suster", "bro.",
    "sheikh", "syekh", "syeikh", "shaikh",  # round 12
    "father",  # round 13: a priest's title ("Father Antonius"); "my father X" is a relation
    # round 10: the Javanese elder woman ("Mbok Sumi"), a mother in a school chat
    "mbok", "mbokde", "bunda",
    "oma", "eyang", "mbah", "bude", "pakde", "bulik", "paklik", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "miss", "mx", "mister", "dr", "dr.", "drg", "drg.", "prof", "prof.", "sir",
    "madam", "ma'am", "mdm", "auntie", "aunty", "uncle", "dear", "yth", "yth.", "kepada",
    "kepada yth", "kpd", "kpd.",
    # contact and service verbs
    "yang terima", "yg terima", "yang nerima", "yg nerima", "diterima oleh", "diterima sama",
    "diterima", "received by", "signed for by", "dilayani oleh", "dilayani sama",
    "dilayani dengan", "ditangani oleh", "ditangani sama",
    "dibantu oleh", "dibantu sama", "dihubungi oleh", "diantar oleh", "dikirim oleh",
    "ditelpon oleh", "ditelepon oleh", "ngobrol sama", "ngobrol dengan", "ngobrol dgn",
    "bicara dengan", "bicara sama", "berbicara dengan", "chat dengan", "chat sama",
    "chat dgn", "telpon dengan", "teleponan dengan", "komplain ke", "lapor ke", "saya dengan",
    "sy dengan", "served by", "helped by", "handled by", "assisted by",
    "spoke with", "spoke to", "speak to", "speak with", "talked to", "talked with",
    "chatted with", "dealt with", "met with", "called", "ask for", "asked for", "call me",
    "i'm", "i am", "im", "saya", "aku", "sy", "gue",
    "gw", "u.p.", "u.p", "nama", "holder", "pemilik rekening", "kudos to", "shout out to",
    "shoutout to", "thanks to", "makasih buat", "makasih ke", "terima kasih kepada",
    "terima kasih buat", "terima kasih untuk", "kurirnya", "drivernya", "cs-nya", "csnya",
    "teknisinya", "kasirnya", "satpamnya", "adminnya", "agennya", "petugasnya", "sopirnya",
    "yang angkat", "yg angkat", "yang ngangkat", "yg ngangkat", "yang jawab", "yg jawab",
    "picked up by", "answered by", "person", "perkenalkan saya", "kenalin aku", "kenalin saya",
    "diangkat", "diangkat oleh", "diangkat sama", "got through to", "put through to",
    "penerimanya", "pengirimnya", "pemiliknya", "pemesannya",
    # round 14: asking someone to pass a message on ("please let Thabo know", "tell Obinna",
    # "tolong kabari Tendai"), a name the given-name list does not hold
    "please let", "pls let", "can you let", "could you let", "please tell", "pls tell",
    "can you tell", "could you tell", "please ask", "pls ask", "can you ask", "could you ask",
    "tolong kabari", "tolong kabarin", "tolong bilangin", "tolong sampaikan ke",
    "tolong bilang ke", "mohon kabari", "mohon sampaikan ke",
    # round 14: the late ("almarhum Ketut Rai")
    "almarhum", "almarhumah", "alm.", "almh.", "mendiang",
) + ROLE_WORDS + tuple(  # round 12: "kurir kalian Beni", "driver anda Rudi"
    f"{role} {you}"
    for role in ("kurir", "courier", "driver", "sopir", "teknisi", "cs", "admin", "sales",
                 "petugas", "agen", "kasir", "mover")
    for you in ("kalian", "anda", "kamu", "lu", "lo")
)  # fmt: skip

#: Plain prepositions: only a Capitalised known given name follows as a name.
KNOWN_CUES = (
    "ke", "sama", "sm", "dengan", "dgn", "oleh", "dari", "buat", "untuk", "utk", "with", "to",
    "by", "from", "for", "bilang", "kata", "told", "said", "kabarin", "kabari", "hubungi",
    "bilangin", "ask", "tell", "contact", "identified as",
    # round 11: a person's house ("cari rumah Ahmad Zulkifli", "ke rmh Sutrisno")
    "rumah", "rmh", "kediaman",
)  # fmt: skip

_RELATIONS_ID = (
    "ibu", "bapak", "ayah", "mama", "papa", "suami", "istri", "anak", "adik", "kakak", "teman",
    "temen", "rekan", "ortu", "mertua", "tetangga", "atasan", "bos", "asisten", "sekretaris",
    "pembantu", "art", "sopir", "supir", "keponakan", "sepupu", "cucu", "nenek", "kakek",
    "pacar", "tunangan", "menantu", "ipar", "om", "tante", "karyawan", "staf", "staff",
    "mantan", "cucunya",
)  # fmt: skip
_RELATIONS_EN = (
    "wife", "husband", "son", "daughter", "mother", "mom", "mum", "father", "dad", "friend",
    "colleague", "coworker", "co-worker", "brother", "sister", "neighbour", "neighbor", "boss",
    "manager", "partner", "aunt", "uncle", "cousin", "assistant", "secretary", "driver", "maid",
    "helper", "nanny", "niece", "nephew", "grandmother", "grandfather", "grandma", "grandpa",
    "fiance", "fiancee", "girlfriend", "boyfriend", "roommate", "housemate", "landlord",
    "tenant", "employee", "parents", "mother-in-law", "father-in-law", "brother-in-law",
    "sister-in-law", "son-in-law", "daughter-in-law", "ex", "ex-wife", "ex-husband",
    "stepson", "stepdaughter", "grandson", "granddaughter", "mum-in-law", "flatmate",
)  # fmt: skip
_RELATION_ADJECTIVES = (
    "late", "elderly", "old", "older", "younger", "little", "big", "baby", "dear", "own", "new",
    "ex", "eldest", "youngest", "twin", "step",
)  # fmt: skip
#: Round 14: a parent or grandparent named after a comma without "saya" ("sama papa, Fredy
#: Lumowa?"); never without the comma ("sabun Mama Lemon").
BARE_PARENTS = ("papa", "mama", "ayah", "nenek", "kakek", "papi", "mami")
#: Relations followed by a name in apposition: "ibu saya, Sri Rahayu", "my assistant, Clarissa".
APPOSITION_CUES = (
    tuple(f"{relation} {owner}" for relation in _RELATIONS_ID for owner in ("saya", "aku", "sy"))
    + tuple(f"{relation}ku" for relation in _RELATIONS_ID)
    + tuple(
        f"{owner} {relation}"
        for relation in _RELATIONS_EN
        for owner in ("my", "our", "her", "his", "their")
    )
    + tuple(f"{relation}nya" for relation in _RELATIONS_ID)  # "anaknya, Zainab"
    # "atas nama saya sendiri, Theresia Widjaja"
    + ("atas nama saya sendiri", "atas nama sendiri", "a.n. saya sendiri", "in my own name")
    + tuple(f"my {adj} {relation}" for relation in _RELATIONS_EN for adj in _RELATION_ADJECTIVES)
    + ("istri", "suami")
    + tuple(f"{parent} ," for parent in BARE_PARENTS)  # the comma is part of the cue
)

#: Greetings: a Capitalised name right after them, closed by punctuation ("Halo Andi,").
GREETING_CUES = (
    "halo", "hallo", "helo", "hai", "hi", "hello", "hey", "yo", "pagi", "siang", "sore", "malam",
    "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "assalamualaikum",
    "good morning", "good afternoon", "good evening",
)  # fmt: skip

#: Thanks: a Capitalised name after them, anywhere ("Thanks Kevin for ...").
THANKS_CUES = (
    "thanks", "thank you", "thankyou", "thx", "tq", "terima kasih", "terimakasih", "makasih",
    "makasi", "trims", "matur nuwun", "hatur nuhun", "kudos", "thanks a lot", "thanks so much",
    "thank you so much", "thank you very much", "thanks a ton", "thx a lot", "makasih banyak",
    "terima kasih banyak", "makasih bgt", "makasih banget", "big thanks to", "many thanks to",
    "cheers",
)  # fmt: skip

#: Sign-offs: a name right after them at the end of the text or of a line.
SIGN_OFF_CUES = (
    "salam", "regards", "best regards", "kind regards", "warm regards", "warmest regards",
    "best", "best wishes", "all the best", "many thanks", "thanks again", "thanks",
    "thank you", "cheers", "sincerely", "yours sincerely", "yours truly", "yours faithfully",
    "respectfully", "rgds", "br", "hormat saya", "hormat kami", "salam hormat", "salam hangat",
    "salam sejahtera", "terima kasih", "terimakasih", "makasih", "trims", "wassalam",
    "wassalamualaikum", "wslm", "ttd", "ttd.", "signed", "tabik", "love", "xoxo", "tertanda",
)  # fmt: skip

#: Particles inside a person's name: "van der", "bin", "Wa Ode", "Ni Putu", "Sta. Maria".
NAME_PARTICLES = frozenset(
    "van der den de da del della von bin binti binte bte al el ibn ni ní wa la ode sta. ter "
    "dos das du le".split()
)

#: Sasak, Javanese, Acehnese and Balinese titles that open a name and are everyday words too
#: ("Lalu Ahmad Suryadi", "Baiq Nurul"): part of the name after a cue, before a name word.
NAME_TITLES = frozenset("lalu baiq raden teuku tengku gusti".split())

#: Form fields: "Penerima: Hadi", "Customer: Mrs. Angela", "Pemesan - Dewi".
FIELD_WORDS = (
    "nama", "name", "penerima", "pengirim", "pemesan", "pelapor", "pemohon", "pelanggan",
    "nasabah", "customer", "recipient", "receiver", "sender", "from", "to", "kepada", "dari",
    "attn", "pic", "cp", "contact", "pemilik", "owner", "holder", "tertanggung", "peserta",
    "pasien", "patient", "guest", "tamu", "passenger", "penumpang", "buyer", "pembeli", "cc",
    "bcc", "guests", "passengers", "penumpang", "tamu", "peserta", "participants", "attendees",
    "members", "anggota", "cust", "caller", "wajib pajak", "debitur", "applicant",
    # round 5: the name split over fields and the people of a form
    "surname", "surnames", "names", "forename", "forenames", "firstname", "lastname", "child",
    "guardian", "parent", "spouse", "beneficiary", "insured", "landlord", "tenant", "student",
    "siswa", "murid", "santri", "wali", "penjamin", "employee", "karyawan", "member", "ahli",
    # round 9: ticket and review headers
    "requester", "requestor", "reviewer", "policyholder", "assignee", "reporter", "reviewed",
    # round 10: the people of a loan, a policy or a claim
    "borrower", "debtor", "peminjam", "guarantor", "claimant", "pengadu", "pewaris",
)  # fmt: skip

#: Words after a name that mark it as staff: "Rina dari CS", "Kevin from support".
STAFF_AFTER = (
    "cs", "customer", "support", "billing", "admin", "tim", "team", "kantor", "cabang",
    "call", "helpdesk", "layanan", "bagian", "finance", "sales", "gudang", "toko", "branch",
    "store", "outlet", "gerai", "warehouse", "logistics", "ekspedisi", "divisi", "department",
    "dept", "hrd", "it", "operasional", "operations", "marketing", "keuangan", "teknis",
    "technical", "service", "pusat", "head", "counter", "loket", "frontdesk", "resepsionis",
    "accounting", "akunting", "procurement", "purchasing", "hr", "legal", "payroll", "claims",
    "klaim", "collection", "penagihan", "pt", "cv", "fraud", "risk", "returns", "refunds",
    "complaints", "retention", "onboarding", "installation", "instalasi",
    # companies whose staff customers name: couriers, marketplaces, banks, telcos, utilities
    "jne", "jnt", "j&t", "sicepat", "anteraja", "ninja", "pos", "tiki", "paxel", "lalamove",
    "shopee", "tokopedia", "lazada", "blibli", "bukalapak", "gojek", "grab", "maxim", "bca",
    "bni", "bri", "mandiri", "btn", "bsi", "cimb", "telkomsel", "indosat", "xl", "indihome",
    "biznet", "pln", "pdam", "bpjs", "traveloka", "tiket.com", "garuda", "citilink", "kai",
)  # fmt: skip

#: Self-introductions at the start of a sentence: "Ini Budi, ...", "this is Sarah from ...".
#: The name must be a known given name or be closed by one of NAME_AFTER_WORDS.
INTRO_CUES = (
    "ini", "ini dengan", "this is", "it's", "it is", "here is", "its", "it's me", "its me",
    "it is me", "ini aku", "ini saya", "ini sy", "ini gue", "ini gw",
)  # fmt: skip

#: Words after a name that close a self-introduction by themselves: "Stefanus speaking".
HERE_WORDS = ("here", "speaking", "disini", "di sini", "calling", "writing")

#: Hedges that may close a name in apposition: "a supervisor, Wendy I believe, ...".
HEDGES = (
    "i think",
    "i believe",
    "i guess",
    "if i remember",
    "if i'm not mistaken",
    "kalau gak salah",
    "kalau ga salah",
    "kalo gak salah",
    "kalo ga salah",
    "klo gk salah",
    "kayaknya",
    "kyknya",
    "sepertinya",
    "maybe",
    "mungkin",
)

#: Form fields that only ever hold a person's name: lower case is read as a name too.
PERSON_FIELD_WORDS = (
    "nama", "penerima", "pengirim", "pemesan", "pelapor", "pemohon", "pemilik", "tertanggung",
    "peserta", "pasien", "recipient", "receiver", "sender", "cust", "caller",
)  # fmt: skip

#: Whose name a form asks for, right after "Nama"/"Name" ("Nama Penerima", "Nama Penumpang:
#: Budi"): the label of the field, never the name in it (``NameFinder`` reads on after it).
NAME_FIELD_LABELS = frozenset(
    w
    for w in (*ROLE_WORDS, *FIELD_WORDS, *PERSON_FIELD_WORDS, *"""penumpang tertanggung peserta
    pasien tamu pemegang penanggung ahli wali debitur pengguna user akun account pemesan
    pelapor pemohon anggota nasabah ibu ayah bapak suami istri anak""".split())
    if " " not in w
    and w not in {"from", "to", "dari", "kepada", "kayaknya", "kyknya", "sepertinya", "maybe",
                  "mungkin", "guy", "lady", "man", "woman", "girl", "gentleman", "cowok", "cewek"}
)  # fmt: skip

#: Round 12: fields that name a firm or a thing after "Nama"/"Name" ("Nama Outlet: Kopi
#: Tuku", "Nama Toko", "Product name"): what follows is no person's name.
FIRM_FIELD_LABELS = frozenset(
    """outlet toko usaha merchant cabang branch produk product barang item perusahaan company
    brand merek merk store shop bisnis business paket package program acara event
    properti property hotel villa penginapan""".split()
)

#: Words that may close a self-introduction after the name.
NAME_AFTER_WORDS = (
    "dari", "from", "(", "-", "here", "yang", "yg", "disini", "again", "speaking", "calling",
    "writing", "\n",
    # round 14: "it's Fatima \u2014 can we ...", "this is Nirmala, can I ..."
    "\u2014", "\u2013", ",",
)  # fmt: skip

#: Places after "Dr. X's" that make X a person ("Dr. Hartono's clinic").
PERSON_PLACES = ("clinic", "klinik", "office", "kantor", "practice", "praktek", "praktik", "room")

#: English honorifics that also open brand names ("Mr. DIY", "Dr. Martens").
ENGLISH_HONORIFICS = (
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mister", "dr", "dr.", "uncle", "aunt",
    "auntie", "aunty", "grandma", "granny", "papa", "mama", "mom", "mommy", "chef", "captain",
    "om", "tante", "oma", "opa", "mbok", "bude", "pakde", "si",
)  # fmt: skip

#: Product and shop nouns after "Mr./Dr. X" that make X a brand ("Dr. Martens boots").
PRODUCT_AFTER = (
    "shoes", "shoe", "boots", "boot", "sneakers", "sandals", "sepatu", "sandal", "cookies",
    "cookie", "kue", "biscuits", "cake", "product", "products", "produk", "store", "stores",
    "shop", "toko", "outlet", "gerai", "branch", "cabang", "flavour", "flavor", "rasa", "file",
    "files", "template", "document", "dokumen", "app", "aplikasi", "cleaner", "sauce", "saus",
    "bottle", "botol", "brand", "merk", "merek", "edition", "edisi", "box", "item", "items",
    "barang", "serum", "toner",
    "cream", "krim", "skincare", "soap", "sabun", "drink", "minuman", "soda", "episode",
    "episodes", "movie", "film", "merchandise", "merch", "doll", "boneka", "toy", "mainan",
    "bag", "tas", "watch", "jam", "roti", "rotinya", "makanan", "baju", "shirt", "kaos",
    "jacket", "jaket", "bundle", "voucher",
    "promo", "diskon", "discount", "sale", "catalog", "katalog", "series", "collection",
    "cafe", "kafe", "coffee", "kopi", "resto", "restaurant", "bakery", "season", "show",
    "clinic", "klinik", "franchise", "menu", "outletnya", "tokonya", "produknya", "chips",
    "snack", "keripik", "cheesecake", "pretzel", "pretzels", "donut", "donuts", "burger",
    "pizza", "chicken", "fries", "noodle", "noodles", "tea", "teh", "juice", "jus", "ice",
    "pie", "pies", "waffle", "croissant", "dimsum", "sushi", "ramen", "steak", "cheese",
    "rice", "sauce", "sambal", "jamu", "dessert", "cookies",
)  # fmt: skip

#: Eatery and shop nouns before any honorific make a business name: "Bakso Pak Kumis",
#: "Sate Pak Slamet", "Salon Tante Lily", "Toko Bu Ani" (a shop's name, not a person).
EATERY_BEFORE = (
    "bakso", "sate", "soto", "ayam", "bebek", "mie", "mi", "bakmi", "nasi", "martabak",
    "roti", "kopi", "warung", "warteg", "depot", "kedai", "rm", "resto", "restoran", "es",
    "pecel", "gudeg", "rawon", "seblak", "siomay", "batagor", "pempek", "rujak", "ketoprak",
    "nasgor", "sop", "sup", "iga", "bubur", "lontong", "geprek", "penyetan", "bakery",
    "toko", "salon", "butik", "bengkel", "laundry", "apotek", "kios", "konter", "barbershop",
)  # fmt: skip

#: How a dish is cooked, between an EATERY_BEFORE dish and an honorific with ONE word: "Bebek
#: Goreng Bu Rini" is a stall; a full name after it ("ayam bakar Pak Budi Santoso") is a person.
COOKED_BEFORE = ("goreng", "bakar", "penyet", "kremes", "rica", "panggang", "rebus")

#: Dishes that are no eatery by themselves, a stall only with a COOKED_BEFORE word ("Ikan
#: bakar Bu Darmi").
COOKED_DISHES = ("ikan", "udang", "cumi", "tahu", "tempe", "jagung", "pisang", "sapi", "kambing")

#: Words right before a lexicon name that make it a street or a product model, never a
#: person (the name tagger skips them): "Jalan Gatot Subroto", "tipe Rendra Low".
STREET_OR_MODEL_BEFORE = (
    "jalan", "jl", "jln", "gang", "gg", "street", "road", "avenue",
    "tipe", "type", "model", "seri", "series", "varian", "variant", "motif", "edisi",
    "edition",
)  # fmt: skip

#: Commerce words up to two words before an English honorific make a brand: "beli di
#: Mr. DIY", "bought Dr. Martens", "sepatu Dr. Martens".
COMMERCE_BEFORE = (
    "beli", "belanja", "bought", "buy", "buying", "purchased", "ordered", "merk", "merek",
    "brand", "produk", "product", "products", "sepatu", "shoes", "toko", "store", "outlet",
    "gerai", "cabang", "branch", "pakai", "pake", "using", "used", "love", "suka",
)  # fmt: skip

#: Roles a subject, a team or a firm follows as often as a person ("Guru Matematika", "PIC
#: Marketing", "Surveyor Adira"): the first word after them is a known given name or no
#: everyday word, place or firm.
SUBJECT_ROLES = frozenset(
    "guru teacher pic surveyor kolektor adjuster bunda tertanggung pelapor pemegang policyholder "
    "policy ahli beneficiary claimant debitur debtor penjamin guarantor".split()
)
FIRM_ENDS = frozenset(
    "indonesia finance multifinance finansial tbk group grup syariah corp corporation inc ltd "
    "capital asia nusantara".split()
)
LEASING_FIRMS = frozenset(
    "adira fif baf wom mandiri bca bri bni astra acc oto mtf sinarmas".split()
)

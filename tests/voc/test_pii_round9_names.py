"""Round 9: names with no cue, read from their place in the sentence and from their shape."""

from __future__ import annotations

import pytest

from voc.pii import redact
from voc.pii.name_cueless import dictionary_words, find_cueless_names, place_or_brand_words
from voc.pii.name_lexicons import given_names, not_name_words


def _cueless(text: str) -> list[str]:
    stop = not_name_words()
    known = given_names()
    spans = find_cueless_names(text, stop.__contains__, known, known - stop)
    return [text[start:end] for start, end, _ in spans]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject of a verb only people do, opening a sentence or a clause
        ("Mwangaza called me three times about the upgrade, please stop.", "Mwangaza"),
        ("Kemarin Darmawangsa nipu saya pakai nama toko kalian.", "Darmawangsa"),
        ("The router died again. Tamsinova says it is a known fault.", "Tamsinova"),
        ("Boglarka Szentesi texted me the wrong code twice.", "Boglarka Szentesi"),
        ("Nurjannatin udah dua kali telpon soal tagihan yang sudah lunas.", "Nurjannatin"),
        ("Why is Tsehay Alemu listed? No: Tsehay Alemu is listed as my guarantor.", "Tsehay Alemu"),
        # the object of a verb of contact
        ("Please stop calling Oyelaran Babatunde, he moved abroad.", "Oyelaran Babatunde"),
        ("tolong hubungi Simanullang, dia yang pegang kuncinya", "Simanullang"),
        # a possessive before a personal thing
        ("Ifeoluwa's account was charged for my order by mistake.", "Ifeoluwa"),
        ("Please reset Wiremuhana's password, she is my daughter.", "Wiremuhana"),
        # lists of people
        ("Budi, Hartoyono and Sumirahwati are on the family plan.", "Hartoyono"),
        ("Darsiwan, Kartijem, sama Poniyem ikut arisan di aplikasi kalian.", "Kartijem"),
        # initials
        ("K. Adebayoola signed for the parcel, not me.", "K. Adebayoola"),
        ("The review was written by Ngaire T. and it is not mine.", "Ngaire T."),
        # letters beyond ASCII
        ("Zsófia and Bence both got the same voucher code.", "Zsófia"),
        ("Please refund Đặng Minh Khôi, the booking was cancelled.", "Đặng Minh Khôi"),
        # ticket headers and chat speakers
        ("Requester: Olumide Babatundeson\nPriority: Low", "Olumide Babatundeson"),
        ("Tsegaye: hi there\nCustomer: my card was declined\nTsegaye: let me check", "Tsegaye"),
        # introductions, staff at their post, names listed after a found one
        ("This is Obiageli, the account holder's niece. Can I change the plan?", "Obiageli"),
        ("Great service today! Wanjiku at the counter found my size.", "Wanjiku"),
        ("Yang bales chat Kurniasih, terus Ruswati, terus bot lagi.", "Ruswati"),
        # a possessive closing the clause, an everyday word before a personal thing
        ("The two profiles merged: mine and Olufemi Adekunle's. Please split.", "Olufemi Adekunle"),
        ("I'm asking about Harum's loan account, he is my cousin.", "Harum"),
        # a full name alone on its line, particles, a parcel's addressee, names compared
        ("Chayanin Wongsawat\n14 Moo 3, Hang Dong, Chiang Mai 50230", "Chayanin Wongsawat"),
        ("Report: customer Wa Ode Rahmawati said the meter is broken.", "Wa Ode Rahmawati"),
        ("parcel for Ayelen Quispeña, still not delivered after 3 weeks", "Ayelen Quispeña"),
        ("The card says Jhosué Ccallo vs Josue Ccallo on the booking.", "Josue Ccallo"),
        # a relation with a name of particles in brackets, one word in capitals on a label
        ("tolong blokir hp mama (La Ode Safiuddin), hilang kemarin", "La Ode Safiuddin"),
        ("Nama di tiket salah, tertulis RAHMAWATINI padahal saya Rahmawati.", "RAHMAWATINI"),
        # a full name before "sama" pairs people (public names stand alone)
        ("Tinggal Yohana Manek sama Agustinus Seran yang belum datang.", "Agustinus Seran"),
        # shouted texts: a full name in capitals
        ("TEMUULEN BATBAYAR - REFUND NOT RECEIVED - SECOND REQUEST", "TEMUULEN BATBAYAR"),
    ],
)
def test_cueless_names_are_redacted(text: str, name: str) -> None:
    result = redact(text)
    assert not set(name.split()) & set(result.text.replace("'", " ").split())
    assert "[NAME]" in result.text
    assert redact(result.text).text == result.text  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        # everyday words, apps and firms as subjects of the same verbs
        "Forecast says rain all week, so the delivery will be late.",
        "Tracking says delivered but nothing is at my door.",
        "Biometric login fails in the dark every night.",
        "Two-factor login on the portal works smoothly now.",
        "Grandad told the same story again and we laughed.",
        "Akulaku nelpon terus padahal saya sudah bayar.",
        "Shopee bilang dananya sudah dikembalikan ke saldo.",
        # places after a place word, with letters beyond ASCII too
        "The parcel went from Zürich to Montréal and back again.",
        "Kirim ke Surabaya, Medan dan Makassar berapa ongkirnya?",
        # brands and products with a possessive or in a list
        "McDonald's order came cold and the fries were missing.",
        "Grace, Hope and Joy are three scents of the candle line.",
        # weak anchors with one unknown word: a product
        "Kucing saya alergi sama Whiskito salmon flavour.",
        # a street initial
        "Macet parah di Jl. A. Yani pagi ini.",
        # labels that are no speakers
        "Priority: High\nSummary: card charged twice",
        # shouted complaints: a brand or slang word alone in capitals
        "KABELKU TOLONG LAH INTERNET MATI PAS RAPAT PENTING",
        "SINYAL ANCUR, UDAH DIRESTART 10 KALI TETEP MATI",
        "ROUTER KEEPS DROPPING. RESTARTED 10 TIMES. FIX IT.",
        # a day before a delivery, a heading alone on its line
        "Sunday's delivery never came and nobody called.",
        "Order Summary\nTwo items, paid by card.",
        "The status says PENDING for three days now.",
        "I noticed that Tuesday is listed as a delivery day but nobody came.",
    ],
)
def test_lookalikes_stay(text: str) -> None:
    assert _cueless(text) == []


@pytest.mark.parametrize(
    ("text", "lookalike"),
    [
        # a place opened by a geographic word, whatever found it
        ("Kapal dari Tanjung Emas berangkat jam berapa ya?", "Tanjung Emas"),
        # a team after a role, a lodging, a cosmetic after the name
        ("The Head of Customer Experience never called me back.", "Experience"),
        ("The 'Sandy Cove Villa' photos were of another property.", "Sandy Cove Villa"),
        ("Ordered the Amelia Rosa lipstick and got another shade.", "Amelia Rosa"),
        ("Debat Anies sama Ganjar semalam rame banget.", "Ganjar"),
    ],
)
def test_place_team_and_product_lookalikes_stay(text: str, lookalike: str) -> None:
    assert lookalike in redact(text).text


def test_dictionary_and_places_are_loaded() -> None:
    words = dictionary_words()
    assert "forecast" in words and "surabaya" in words
    assert "okonkwo" not in words
    assert {"zürich", "akulaku"} <= place_or_brand_words()

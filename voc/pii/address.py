"""Street addresses: Indonesian (Jl./Jalan, No., RT/RW, Blok, Kel./Kec., postal code) and English.

An address starts at a strong cue (``Jl.``, ``Perum``, ``RT 03/RW 05``, ``Kec.``, ``alamat:``,
``12 Baker Street``, ``Apt 4B``) and then grows over the parts that usually follow it,
separated by spaces, commas or slashes: a house number, ``Blok``, ``RT/RW``, ``Kel./Kec./Kab./
Kota`` names, ``Km``, floor/unit, a 5-digit postal code and, after a comma, a Capitalised place
name. It stops at the first word that is none of these, so the complaint around it survives.
"""

from __future__ import annotations

import re

__all__ = ["find_addresses"]

_STREET_ABBREV = (
    r"jl|jln|jl\.\s*raya|gg|komp|komplek|kompleks|perum|perumahan|perumnas|ruko|rukan|"
    r"apartemen|dusun|dsn|kp|kav|kavling|griya"
)
_STARTERS = re.compile(
    r"(?P<street>\b(?:" + _STREET_ABBREV + r")\b\.?)"
    r"|(?P<jalan>\b(?:jalan|gang)\b)"
    r"|(?P<rtrw>\brt\.?\s*:?\s*0*\d{1,3}\s*(?:[/,.-]?\s*rw\b|/\s*\d))"
    r"|(?P<admin>\b(?:kel|kelurahan|kec|kecamatan)\b\.?(?=\s*[A-Za-z]))"
    r"|(?P<label>\b(?:alamat(?:\s+(?:saya|lengkap|rumah|kantor|pengiriman|kirim|baru|lama))?|"
    r"address|home\s+address|shipping\s+address|delivery\s+address)\s*:\s*)"
    r"|(?P<en_street>\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Road|Rd|"
    r"Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Crescent|"
    r"Close|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b\.?)"
    r"|(?P<unit>\b(?:[Aa]pt|APT|[Ss]uite|[Ff]lat)\b\.?\s*#?\d+[A-Za-z]?\b)",
    re.IGNORECASE,
)
# Parts that may follow once an address has started (tried in this order).
_PARTS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:no|nomor|nomer|nmr|#)\.?\s*:?\s*\d+[A-Za-z]?(?:\s*[-/]\s*\d+[A-Za-z]?)?\b",
        r"blok\.?\s*[A-Za-z]{0,2}[-. ]?\d{0,4}[A-Za-z]?(?:\s*[-/.]\s*\d+[A-Za-z]?)*\b",
        r"rt\.?\s*:?\s*\d{1,3}(?:\s*[/,.-]?\s*rw\.?\s*:?\s*\d{1,3}|\s*/\s*\d{1,3})?\b",
        r"rw\.?\s*:?\s*\d{1,3}\b",
        r"km\.?\s*\d+(?:[.,]\d+)?\b",
        r"(?:lt|lantai|unit|tower|apt|suite|flat)\.?\s*#?[A-Za-z]?\d+[A-Za-z]?\b",
        r"\d{5}\b(?!\s*(?:rb|ribu|k|jt|juta)\b)",
        r"\d{1,4}[A-Za-z]?\b(?=\s*(?:,|rt\b|blok\b|$))",
    )
]
_ADMIN_PART = re.compile(
    r"(?:kel|kelurahan|desa|ds|kec|kecamatan|kab|kabupaten|kota|kodya|prov|provinsi|"
    r"dusun|dsn)\b\.?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*\.?|\d+[A-Za-z]?\b")
_SEP = re.compile(r"[ \t]*(?:,|/|-(?=\s))?[ \t]*")
_ADDRESS_CONTEXT = re.compile(
    r"\b(?:alamat|rumah|tinggal|domisili|kirim(?:kan)?\s+ke|dikirim\s+ke|antar(?:kan)?\s+ke|"
    r"diantar\s+ke|address|live\s+(?:at|on)|ship\s+to|deliver(?:ed)?\s+to)\b[^.!?\n]{0,25}$",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 4
_STOP = frozenset(
    "dan atau tapi tetapi yang yg kok ya sudah udah udh belum blm masih tidak tdk gak ga nggak "
    "mohon tolong tlg please pls but and the is was not no sejak dari ke untuk utk sampai "
    "paket pesanan kurir barang saya aku kak min kakak gan bro sis dong deh sih nih lho "
    "karena krn soalnya padahal jadi terus lalu kemarin besok hari jam lagi juga, sama "
    "dengan di pada via sesuai seperti harus bisa mau ingin minta cek dicek kenapa knp "
    "why since because which that who where when then".split()
)


def find_addresses(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, "ADDRESS")`` for every address found in ``text``."""
    found: list[tuple[int, int, str]] = []
    position = 0
    for match in _STARTERS.finditer(text):
        if match.start() < position:
            continue
        kind = match.lastgroup
        start, end = match.span()
        if kind == "label":
            start = end
            end = _words(text, end, required=1)
            if end == start:
                continue
        elif kind in ("street", "jalan"):
            words_end = _words(text, end, required=1)
            if words_end == end:
                continue
            end = words_end
        end, parts = _grow(text, end)
        if kind == "jalan" and not parts and not _ADDRESS_CONTEXT.search(text[:start]):
            # "di jalan raya macet": the word "jalan" alone is not an address.
            continue
        end = _rstrip(text, start, end)
        found.append((start, end, "ADDRESS"))
        position = end
    return found


def _words(text: str, pos: int, *, required: int) -> int:
    """Consume up to a few name words (street or place names); return the new end."""
    end = pos
    count = 0
    cursor = pos
    while count < _MAX_NAME_WORDS:
        gap = re.match(r"[ \t]*", text[cursor:])
        at = cursor + gap.end()
        if any(p.match(text, at) for p in _PARTS[:6]) or _ADMIN_PART.match(text, at):
            break
        word = _WORD.match(text, at)
        if not word or word.group().rstrip(".").lower() in _STOP:
            break
        cursor = end = word.end()
        count += 1
    return end if count >= required else pos


def _grow(text: str, end: int) -> tuple[int, int]:
    """Extend an address over the parts that follow it; return (end, number of parts)."""
    parts = 0
    while True:
        sep = _SEP.match(text, end)
        at = sep.end()
        comma = "," in sep.group() or "/" in sep.group()
        part = next((m for p in _PARTS if (m := p.match(text, at))), None)
        if part is not None:
            end = part.end()
            parts += 1
            continue
        admin = _ADMIN_PART.match(text, at)
        if admin is not None:
            words_end = _words(text, admin.end(), required=1)
            if words_end > admin.end():
                end = words_end
                parts += 1
                continue
        if comma:
            # After a comma, a Capitalised place name still belongs to the address.
            city = re.match(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\b", text[at:])
            if city and city.group().split()[0].lower() not in _STOP:
                end = at + city.end()
                parts += 1
                continue
        return end, parts


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,/-":
        end -= 1
    return end

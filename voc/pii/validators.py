"""Checksums and structure checks that tell real identifiers from look-alike numbers."""

from __future__ import annotations

__all__ = [
    "Candidate",
    "card_prefix_fits",
    "luhn_valid",
    "nik_valid",
    "payment_card",
    "NIK_PROVINCE_CODES",
]

#: A detector's span: ``(start, end, type)`` with character offsets.
Candidate = tuple[int, int, str]

#: The two-digit province codes (kode wilayah) that open a valid NIK, including the
#: Papua provinces created in 2022.
NIK_PROVINCE_CODES: frozenset[str] = frozenset(
    "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 "
    "71 72 73 74 75 76 81 82 91 92 93 94 95 96 97".split()
)


def luhn_valid(digits: str) -> bool:
    """Return whether a string of digits passes the Luhn (mod 10) checksum.

    Args:
        digits: Digits only, no separators.
    """
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def nik_valid(digits: str) -> bool:
    """Return whether 16 digits are structurally a valid NIK (Indonesian resident number).

    A NIK is ``PP RR DD ddmmyy ssss``: province, regency and district codes, the birth date
    (women add 40 to the day) and a serial. Checked: a known province code, non-zero regency
    and district, day 01-31 or 41-71, month 01-12 and a non-zero serial.

    Args:
        digits: Digits only, no separators.
    """
    if len(digits) != 16 or not digits.isdigit():
        return False
    if digits[:2] not in NIK_PROVINCE_CODES:
        return False
    if digits[2:4] == "00" or digits[4:6] == "00":
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    if not (1 <= day <= 31 or 41 <= day <= 71):
        return False
    if not 1 <= month <= 12:
        return False
    return digits[12:] != "0000"


def card_prefix_fits(digits: str) -> bool:
    """Return whether a card issuer prefix fits the length (Visa, Mastercard, Amex, JCB...).

    A 15-digit Luhn number is an Amex only with 34/37; otherwise it is a device IMEI.

    Args:
        digits: Digits only, no separators.
    """
    n = len(digits)
    if digits[0] == "4":
        return n in (13, 16, 19)
    if digits[:2] in ("34", "37"):
        return n == 15
    if digits[:2] in ("36", "38") or "300" <= digits[:3] <= "305":
        return n == 14  # Diners Club
    if digits[:2] in ("51", "52", "53", "54", "55") or "22" <= digits[:2] <= "27":
        return n == 16
    if digits[:2] == "35" or digits[0] == "6":
        return 16 <= n <= 19
    return False


def payment_card(digits: str) -> bool:
    """Return whether a Luhn-valid number has a payment-scheme prefix that fits its length.

    Visa (4), Mastercard (51-55, 2221-2720), Amex (34/37) and JCB (3528-3589); not the
    e-money, toll and health cards (6..., 000...) that are look-alikes after a purpose word.

    Args:
        digits: Digits only, no separators.
    """
    if not (13 <= len(digits) <= 19 and card_prefix_fits(digits) and luhn_valid(digits)):
        return False
    return (
        digits[0] == "4"
        or "51" <= digits[:2] <= "55"
        or "2221" <= digits[:4] <= "2720"
        or digits[:2] in ("34", "37")
        or "3528" <= digits[:4] <= "3589"
    )

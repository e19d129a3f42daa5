"""Account numbers read from the text around them: IBANs after their cue, accounts named before."""

from __future__ import annotations

import re

from voc.pii.validators import Candidate

__all__ = ["ACCOUNT_WORDS", "DEBIT_FROM", "account_named_at", "ibans_after_cue"]


#: Words that name a bank or virtual account ("no rek", "rekeningnya", "VA", "a/c", "IBAN"):
#: a regex fragment shared by the cue scan and the account a text is about.
ACCOUNT_WORDS = (
    r"no\.?\s*rek(?:ening)?(?:nya|ku)?|norek(?:nya|ku)?|(?:nomor|nomer)\s+rekening|"
    r"rekening(?:nya|ku|mu)?|rek(?:nya|ku)|va|virtual\s+acc(?:ount)?|akun\s+virtual|"
    r"account\s+(?:number|no)|acc(?:ount)?\.?\s*(?:no|num|number)|acct|a/c|bank\s+account|"
    r"iban|(?:no|nomor|nomer|nmr)\.?\s*akun|akun\s+bank"
)

#: Money taken out of a number ("debited from 7301 5567 8890", "dipotong dari 1234567890"):
#: the number is the account (or card) it was taken from. A regex fragment for the cue scan.
DEBIT_FROM = (
    r"(?:deducted|debited|withdrawn|taken|charged|pulled|auto-?debited|dipotong|terpotong|"
    r"kepotong|didebet|didebit|terdebet|terdebit|ditarik|tertarik|kedebet|kedebit|ngedebet)\s+"
    r"(?:from|dari)"
)

# After the word "IBAN" (and at most three words: "IBAN saya", "IBAN number is") an
# IBAN-shaped code is an account even when its check digits are wrong (a typo, or a code
# written from memory): "IBAN FR15 3000 6000 0112 3456 7890 189".
_IBAN_AFTER_CUE = re.compile(
    r"\biban\b(?:[\s:#.,-]+(?![A-Za-z]{2}\d\d)[^\W\d]{1,10}){0,3}[\s:#.-]{0,4}"
    r"(?P<code>[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?)\b",
    re.IGNORECASE,
)

# An account named as the subject earlier in the text ("VA saya kok ganti? Kemarin masih
# 3901 2288 4410 7766"): a later number with no cue of its own is that account.
_ACCOUNT_NAMED = re.compile(r"\b(?:" + ACCOUNT_WORDS + r")\b", re.IGNORECASE)


def ibans_after_cue(text: str) -> list[Candidate]:
    """Return IBAN-shaped codes right after the word ``IBAN``, whatever their check digits."""
    if "iban" not in text.lower():
        return []
    found: list[Candidate] = []
    for match in _IBAN_AFTER_CUE.finditer(text):
        code = match.group("code").replace(" ", "")
        if len(code) >= 15 and sum(char.isdigit() for char in code) >= 10:
            found.append((match.start("code"), match.end("code"), "ACCOUNT"))
    return found


def account_named_at(text: str) -> int | None:
    """Return where the first mention of a virtual account, bank account or IBAN ends."""
    match = _ACCOUNT_NAMED.search(text)
    return match.end() if match else None

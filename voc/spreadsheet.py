"""CSV files meant to be opened in a spreadsheet: formula-safe cells, UTF-8 with a BOM.

Customer comments are written by anyone. A comment that starts with ``=``, ``+``, ``-`` or
``@`` is read as a formula when a CSV is opened in Excel or LibreOffice (CSV injection: a
``=HYPERLINK(...)`` that leaks data, or ``- barang rusak`` shown as ``#NAME?``). Such cells
get a leading apostrophe, the usual defence, which spreadsheets read as "this is text". The
BOM makes Excel read the file as UTF-8, so Indonesian text and emoji survive.
"""

from __future__ import annotations

from typing import Any

__all__ = ["formula_safe", "spreadsheet_csv"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """``value`` with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_csv(frame) -> bytes:
    """``frame`` as CSV bytes for a spreadsheet: text cells formula-safe, UTF-8 with a BOM."""
    from pandas.api.types import is_numeric_dtype

    safe = frame.copy()
    for column in safe.columns:
        if not is_numeric_dtype(safe[column]):  # object and string columns alike
            safe[column] = safe[column].map(formula_safe)
    return safe.to_csv(index=False).encode("utf-8-sig")

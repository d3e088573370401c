"""Numbering systems of document structure: roman numerals of list items and headings
("(iv)", "XII."). Not language data: the same in every language the pipeline reads."""

from __future__ import annotations

import re

# A well-formed roman numeral (1 to 3999), either case: "iv", "XII", never "iiii" or "vx".
ROMAN_NUMERAL_RE = re.compile(r"(?i)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(numeral: str) -> int | None:
    """The value of a roman numeral ("iv" -> 4, "XIX" -> 19), None when `numeral` is not one."""
    if not numeral or not ROMAN_NUMERAL_RE.fullmatch(numeral):
        return None
    digits = [ROMAN_DIGITS[c] for c in numeral.lower()]
    return sum(-d if i + 1 < len(digits) and d < digits[i + 1] else d for i, d in enumerate(digits))

"""Spoken numbers back to digits, so "ninety five percent" and "95%" are the same words."""

from __future__ import annotations

import re

from text_to_num import text2num

from interviewer.analysis.lexicon import NUMBER_WORDS, SCALE_SUFFIXES

_DIGITS = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]*)$")


def is_number_word(word: str) -> bool:
    return word in NUMBER_WORDS


def canonical(value: float) -> str:
    """One spelling per value: 8.0 and 8 are both "8"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_digits(piece: str) -> tuple[str, str] | None:
    """A written figure ("1,200", "4m", "2.5") as (canonical number, leftover letters)."""
    found = _DIGITS.match(piece)
    if not found:
        return None
    number, suffix = found.groups()
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    if suffix in SCALE_SUFFIXES:
        return canonical(value * SCALE_SUFFIXES[suffix]), ""
    return canonical(value), suffix


def words_to_numbers(words: list[str]) -> list[tuple[int, int, str]]:
    """Split a run of number words into numbers: (first index, end index, digits).

    text2num reads one number at a time, so a run such as "thirty forty five" is cut
    greedily into the longest prefixes it accepts ("thirty", "forty five").
    """
    numbers: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            if words[j - 1] == "and":
                continue
            try:
                value = text2num(" ".join(words[i:j]), "en")
            except (ValueError, IndexError, KeyError):
                continue
            numbers.append((i, j, canonical(value)))
            i = j
            break
        else:
            i += 1
    return numbers

"""Turn written text into what a speech recognizer prints: the test side of the scorer.

Written independently of the scorer's own number handling, so the two check each other.
"""

from __future__ import annotations

import re

_ONES_TEXT = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
              "fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS_TEXT = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_ONES = _ONES_TEXT.split()
_TENS = _TENS_TEXT.split()
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))


def say_number(n: int) -> str:
    """An integer as a speaker would say it: 1200 -> "one thousand two hundred"."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f" {_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" {say_number(rest)}" if rest else "")
    for size, name in _SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            return f"{say_number(high)} {name}" + (f" {say_number(rest)}" if rest else "")
    raise AssertionError(n)


def _figure(match: re.Match[str]) -> str:
    currency, digits, suffix, percent = match.groups()
    value = float(digits.replace(",", ""))
    scale = {"m": 1_000_000, "k": 1000, "": 1}[(suffix or "").lower()]
    whole = int(value * scale)
    words = say_number(whole)
    if value * scale != whole:
        decimals = digits.split(".")[1]
        words += " point " + " ".join(_ONES[int(d)] for d in decimals)
    if percent:
        words += " percent"
    if currency:
        words += " dollars"
    return f" {words} "


_FIGURE = re.compile(r"(\$)?(\d[\d,]*(?:\.\d+)?)([mMkK](?![a-z]))?(%)?")


def speechify(text: str) -> str:
    """Lower case, figures said in words, no punctuation: like Vosk's output."""
    text = _FIGURE.sub(_figure, text)
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "s", text)
    text = re.sub(r"[^a-z' ]+", " ", text).replace("'", "")
    return " ".join(text.split())


_FILLERS = ("um", "so", "uh", "and um", "you know", "and")


def spoken(text: str) -> str:
    """`speechify`, with a filler at each sentence start and a slip mid-answer, the way a
    recognizer prints a nervous speaker: "um so i uh started the the aging report"."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    said = []
    for i, sentence in enumerate(sentences):
        words = speechify(sentence).split()
        if len(words) > 6 and i % 2:
            words.insert(3, words[3])   # a repeated word: "i sent the the invoice"
        said.append(f"{_FILLERS[i % len(_FILLERS)]} {' '.join(words)}")
    return " ".join(said)

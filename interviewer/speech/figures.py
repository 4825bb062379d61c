"""Figures in the final transcript: written once, and checked against the live pass.

A changed figure is the worst mistake a transcript can make here: "eighteen thousand
dollars" written as "$80,000" is scored and printed. Whisper writes figures as digits
and sometimes says the currency twice ("$6,000 dollars"); the live engine writes the
words it heard, which are converted to digits and compared by time. Where the two
disagree, the candidate is told which figure to check.
"""

from __future__ import annotations

import re

from interviewer.transcript import Word

NEAR_S = 0.4  # a live word this close to a figure's time is read with it
CURRENCY_WORDS = {"dollars", "dollar"}
# Smaller numbers are too often a live engine's "to"/"for": only these are compared.
MIN_CHECKED = 10


def value_of(text: str) -> int | None:
    """The number a word writes ('$18,000.' -> 18000), or None."""
    digits = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    found = re.search(r"\d+", digits)
    return int(found.group(0)) if found else None


def tidy(words: list[Word]) -> list[Word]:
    """'$6,000 dollars.' is '$6,000.': the sign already says dollars."""
    out: list[Word] = []
    for word in words:
        bare = word.word.strip().rstrip(".,?!;:").lower()
        if out and bare in CURRENCY_WORDS and out[-1].word.strip().startswith("$") \
                and out[-1].word.rstrip()[-1:].isdigit():
            last = out[-1]
            tail = word.word.strip()[len(bare):]
            out[-1] = Word(last.word.rstrip() + tail, last.start, word.end, last.conf)
        else:
            out.append(word)
    return out


def live_values(live: list[Word], start: float, end: float) -> set[int]:
    """The numbers the live engine heard around [start, end], as digits."""
    from text_to_num import alpha2digit

    near = [w.word for w in live if w.end > start - NEAR_S and w.start < end + NEAR_S]
    text = alpha2digit(" ".join(near), "en")
    return {int(n) for n in re.findall(r"\d+", text.replace(",", ""))}


def disagreements(final: list[Word], live: list[Word]) -> list[tuple[Word, set[int]]]:
    """Figures of the final pass that the live pass heard as another number."""
    found = []
    for word in final:
        value = value_of(word.word)
        if value is None:
            continue
        heard = {n for n in live_values(live, word.start, word.end) if n >= MIN_CHECKED}
        if value >= MIN_CHECKED and heard and value not in heard:
            found.append((word, heard))
    return found


def check_note(final: list[Word], live: list[Word]) -> str:
    """A sentence asking the candidate to check each disputed figure, or ""."""
    items = [f"{word.word.strip().rstrip('.,;:')} at {int(word.start // 60)}:"
             f"{int(word.start % 60):02d} (the live pass heard "
             f"{' or '.join(f'{n:,}' for n in sorted(heard))})"
             for word, heard in disagreements(final, live)]
    return ("Check these figures, the two passes heard them differently: "
            + "; ".join(items) + ".") if items else ""

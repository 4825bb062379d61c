"""Word timings against text: where the pauses fall, and timings for a corrected transcript.

A candidate who fixes a recognizer's slips should keep the delivery measured from the
audio. `realign` keeps the timing of every word the correction left alone and spreads
edited words over the time of the words they replaced, so pace, pauses and fillers still
describe what was said.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from difflib import SequenceMatcher

from interviewer.analysis.tokens import Token, fold
from interviewer.transcript import Transcript, Word

PAUSE = 0.6            # seconds of silence that end a spoken clause
_EDGE = re.compile(r"^[^\w'’]+|[^\w'’]+$")


def bare(word: str) -> str:
    """A word as compared: folded, without the punctuation around it ("um..." -> "um");
    "" for recognizer markers such as "[noise]" or "<unk>"."""
    word = word.strip()
    if not word or (word[0] in "[<" and word[-1] in "]>"):
        return ""
    return fold(_EDGE.sub("", word))


def pause_tokens(text: str, tokens: list[Token], words: tuple[Word, ...]) -> set[int]:
    """Indices of the tokens said after a silence of PAUSE seconds or more."""
    lowered = text.casefold()
    starts = [t.start for t in tokens]
    found: set[int] = set()
    cursor = 0
    previous: Word | None = None
    for word in words:
        spoken = _EDGE.sub("", word.word.strip()).casefold()
        if not spoken or spoken[0] in "[<":
            continue
        at = lowered.find(spoken, cursor)
        if at < 0:
            continue
        cursor = at + len(spoken)
        if previous is not None and word.start - previous.end >= PAUSE and starts:
            found.add(max(bisect_right(starts, at) - 1, 0))
        previous = word
    return found


def _spread(pieces: list[str], start: float, end: float) -> list[Word]:
    """Words placed evenly over [start, end]."""
    step = max(end - start, 0.0) / len(pieces)
    return [Word(p, round(start + k * step, 3), round(start + (k + 1) * step, 3))
            for k, p in enumerate(pieces)]


def realign(original: Transcript, corrected: str) -> Transcript:
    """The corrected text with word timings: unchanged words keep theirs, edited and added
    words take the time of the words they replace (or of the gap they were put in)."""
    heard = [w for w in original.words if bare(w.word)]
    pieces = corrected.split()
    if not heard:
        return replace(original, text=corrected.strip(), words=())
    matcher = SequenceMatcher(None, [bare(w.word) for w in heard], [bare(p) for p in pieces],
                              autojunk=False)
    words: list[Word] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            words += [replace(heard[a1 + k], word=pieces[b1 + k]) for k in range(b2 - b1)]
        elif b2 > b1:
            if a2 > a1:
                start, end = heard[a1].start, heard[a2 - 1].end
            else:   # inserted between two heard words
                start = heard[a1 - 1].end if a1 else heard[0].start
                end = heard[a1].start if a1 < len(heard) else heard[-1].end
            words += _spread(pieces[b1:b2], start, end)
    return replace(original, text=corrected.strip(), words=tuple(words))

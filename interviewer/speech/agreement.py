"""Local agreement: a word is final once two decodings of the growing answer agree on it.

Whisper is least sure of the words near the end of what it hears, because it cannot hear
what follows them. So the open part of the answer is decoded again each time it grows,
and the words at its start that two decodings in a row wrote alike are written for
good (Macháček et al. call this LocalAgreement-2). A word is never cut at a seam: the
audio after the written words is always decoded whole.
"""

from __future__ import annotations

from interviewer.transcript import Word

_EDGES = ",.?!;:\"'()-"
SLACK_S = 0.1  # word timings are loose by about this much


def key(word: Word) -> str:
    """A word as two decodings compare it: case and punctuation aside."""
    return word.word.strip().strip(_EDGES).lower()


def agreed(previous: list[Word], current: list[Word]) -> int:
    """How many leading words of `current` the previous decoding wrote alike."""
    n = 0
    for before, now in zip(previous, current, strict=False):
        if key(before) != key(now):
            break
        n += 1
    return n


def after(words: list[Word], written_end: float) -> list[Word]:
    """The words of a decoding that lie after what is already written (by their middle,
    as word timings are loose by an edge)."""
    return [w for w in words if (w.start + w.end) / 2 > written_end]


def pause_between(spans: list[tuple[float, float]], written_end: float, next_start: float,
                  end: float) -> float | None:
    """The middle of a pause (between the voice spans, or after the last) that lies
    between the last written word and the next one: where the open audio can start
    without cutting a word in two. None when the voice runs on between them."""
    gaps = [(a, b) for (_, a), (b, _) in zip(spans, spans[1:], strict=False)]
    if spans:
        gaps.append((spans[-1][1], end))
    for a, b in gaps:
        if b > a and a <= next_start + SLACK_S and b >= written_end - SLACK_S:
            return (a + b) / 2
    return None

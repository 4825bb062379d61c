"""Evidence: the words of the answer that earned a key point, with when they were said.

A candidate can always see why a point counted and disagree: each covered point carries
spans of the transcript (characters) and, when the transcript has word timings, the
seconds of the recording that hold them, so the result screen can play that moment.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from interviewer.analysis.alignment import bare
from interviewer.transcript import Word

if TYPE_CHECKING:
    from interviewer.analysis.feedback import PointResult  # feedback.py imports this module


@dataclass(frozen=True)
class Evidence:
    """One stretch of the transcript that counts for a point; seconds None without audio."""

    text: str
    start: int
    end: int
    start_s: float | None = None
    end_s: float | None = None

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "start_s": self.start_s, "end_s": self.end_s}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(str(data["text"]), int(data["start"]), int(data["end"]),
                   data.get("start_s"), data.get("end_s"))


@dataclass(frozen=True)
class _Placed:
    start: int      # character offsets of the word in the transcript text
    end: int
    word: Word


def _place(text: str, words: tuple[Word, ...]) -> list[_Placed]:
    """Each timed word at its place in the text, found in order (unfound ones skipped)."""
    lowered = text.casefold()
    placed: list[_Placed] = []
    cursor = 0
    for word in words:
        spoken = bare(word.word)
        if not spoken:
            continue
        at = lowered.find(word.word.strip().casefold(), cursor)
        if at < 0:
            at = lowered.find(spoken, cursor)
            length = len(spoken)
        else:
            length = len(word.word.strip())
        if at < 0:
            continue
        placed.append(_Placed(at, at + length, word))
        cursor = at + length
    return placed


def evidence_for(text: str, spans: list[tuple[int, int]],
                 words: tuple[Word, ...] = ()) -> list[Evidence]:
    """Evidence for character spans of `text`, timed by the words said over them."""
    placed = _place(text, words) if words else []
    ends = [p.end for p in placed]
    starts = [p.start for p in placed]
    found = []
    for start, end in spans:
        if end <= start:
            continue
        first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
        if placed and first <= last:
            found.append(Evidence(text[start:end], start, end, placed[first].word.start,
                                  placed[last].word.end))
        else:
            found.append(Evidence(text[start:end], start, end))
    return found


def with_evidence(points: list[PointResult], text: str,
                  words: tuple[Word, ...] = ()) -> list[PointResult]:
    """PointResults with their evidence filled in from their transcript spans."""
    return [replace(p, evidence=evidence_for(text, p.transcript_spans, words))
            for p in points]

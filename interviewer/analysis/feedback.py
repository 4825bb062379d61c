"""The result of scoring one answer: what the app shows and what history stores."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from interviewer.analysis.evidence import Evidence, evidence_for


@dataclass(frozen=True)
class PointResult:
    """One key point: hit or missed, the transcript words that hit it, where it sits in samples.

    `transcript_spans` index `Feedback.transcript`; `sample_spans[i]` index the text of
    `question.sample_answers[i]`. `evidence` is the same spans as words of the answer with
    the seconds they were said (None for typed answers): what the screens quote.
    """

    label: str
    covered: bool
    matched: list[str]
    transcript_spans: list[tuple[int, int]]
    sample_spans: list[list[tuple[int, int]]]
    derived: bool = False
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "covered": self.covered,
            "matched": list(self.matched),
            "transcript_spans": [list(s) for s in self.transcript_spans],
            "sample_spans": [[list(s) for s in spans] for spans in self.sample_spans],
            "derived": self.derived,
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], transcript: str = "") -> PointResult:
        """Read back what to_dict wrote; a record from before evidence was stored gets it
        from its spans and `transcript` (without times)."""
        spans = [(a, b) for a, b in data.get("transcript_spans", [])]
        evidence = [Evidence.from_dict(e) for e in data.get("evidence", [])] \
            if "evidence" in data else evidence_for(transcript, spans)
        return cls(data["label"], bool(data["covered"]), list(data.get("matched", [])),
                   spans,
                   [[(a, b) for a, b in sample] for sample in data.get("sample_spans", [])],
                   bool(data.get("derived", False)), evidence)


@dataclass(frozen=True)
class Filler:
    """A filler word or phrase and when it was said (seconds), for the timeline."""

    text: str
    start: float


@dataclass(frozen=True)
class Delivery:
    """How the answer sounded, from the word timings.

    `duration` is speaking time, first word to last, the time pace is measured over;
    `recorded` is the whole recording, silence before and after included.
    """

    duration: float
    word_count: int
    wpm: float
    pace: str                                   # "slow", "ok" or "fast" against WPM_BAND
    fillers: list[Filler]
    pauses: list[tuple[float, float]]           # (start, length) of silences over 2 s
    repeats: list[str]                          # words or phrases said twice in a row
    hesitations: int | None = None              # sound with no word; None without audio
    notes: list[str] = field(default_factory=list)
    recorded: float = 0.0

    @property
    def filler_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for filler in self.fillers:
            counts[filler.text] = counts.get(filler.text, 0) + 1
        return counts

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["filler_counts"] = self.filler_counts
        data["pauses"] = [list(p) for p in self.pauses]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Delivery:
        """Read back what to_dict wrote, older records (without `recorded`) included."""
        return cls(duration=data["duration"], word_count=data["word_count"], wpm=data["wpm"],
                   pace=data["pace"],
                   fillers=[Filler(f["text"], f["start"]) for f in data.get("fillers", [])],
                   pauses=[(a, b) for a, b in data.get("pauses", [])],
                   repeats=list(data.get("repeats", [])), hesitations=data.get("hesitations"),
                   notes=list(data.get("notes", [])), recorded=data.get("recorded", 0.0))


@dataclass(frozen=True)
class StarPart:
    """One STAR part and the sentence that shows it (None when not found)."""

    part: str
    sentence: str | None
    span: tuple[int, int] | None


@dataclass(frozen=True)
class Structure:
    """Shape and content of the answer: STAR, figures, length, red flags."""

    star: list[StarPart]
    quantities: list[str]
    length_seconds: float
    length_estimated: bool
    length_target: tuple[int, int] | None
    red_flags: list[str]

    @property
    def star_found(self) -> list[str]:
        return [p.part for p in self.star if p.sentence]

    def to_dict(self) -> dict[str, object]:
        return {
            "star": {p.part: p.sentence for p in self.star},
            "star_spans": {p.part: list(p.span) if p.span else None for p in self.star},
            "quantities": list(self.quantities),
            "length_seconds": round(self.length_seconds, 1),
            "length_estimated": self.length_estimated,
            "length_target": list(self.length_target) if self.length_target else None,
            "red_flags": list(self.red_flags),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Structure:
        spans = data.get("star_spans", {})
        star = [StarPart(part, sentence, tuple(spans[part]) if spans.get(part) else None)
                for part, sentence in data.get("star", {}).items()]
        target = data.get("length_target")
        return cls(star, list(data.get("quantities", [])), data.get("length_seconds", 0.0),
                   bool(data.get("length_estimated", False)),
                   (target[0], target[1]) if target else None, list(data.get("red_flags", [])))


@dataclass(frozen=True)
class Feedback:
    """Everything said about one answer; `transcript` is the text all spans index."""

    question_id: str
    transcript: str
    coverage: float
    key_points: list[PointResult]
    delivery: Delivery | None
    structure: Structure
    observations: list[str]

    @property
    def missed(self) -> list[str]:
        return [p.label for p in self.key_points if not p.covered]

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question_id,
            "transcript": self.transcript,
            "coverage": round(self.coverage, 3),
            "key_points": [p.to_dict() for p in self.key_points],
            "delivery": self.delivery.to_dict() if self.delivery else None,
            "structure": self.structure.to_dict(),
            "observations": list(self.observations),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Feedback:
        """The feedback to_dict wrote (as history stores it), read back."""
        delivery = data.get("delivery")
        return cls(data["question"], data["transcript"], data["coverage"],
                   [PointResult.from_dict(p, data["transcript"])
                    for p in data.get("key_points", [])],
                   Delivery.from_dict(delivery) if delivery else None,
                   Structure.from_dict(data.get("structure", {})),
                   list(data.get("observations", [])))

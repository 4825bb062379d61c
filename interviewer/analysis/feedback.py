"""The result of scoring one answer: what the app shows and what history stores."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class PointResult:
    """One key point: hit or missed, the transcript words that hit it, where it sits in samples.

    `transcript_spans` index `Feedback.transcript`; `sample_spans[i]` index the text of
    `question.sample_answers[i]`.
    """

    label: str
    covered: bool
    matched: list[str]
    transcript_spans: list[tuple[int, int]]
    sample_spans: list[list[tuple[int, int]]]
    derived: bool = False

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "covered": self.covered,
            "matched": list(self.matched),
            "transcript_spans": [list(s) for s in self.transcript_spans],
            "sample_spans": [[list(s) for s in spans] for spans in self.sample_spans],
            "derived": self.derived,
        }



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

    def to_dict(self) -> dict:
        data = asdict(self)
        data["filler_counts"] = self.filler_counts
        data["pauses"] = [list(p) for p in self.pauses]
        return data



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

    def to_dict(self) -> dict:
        return {
            "star": {p.part: p.sentence for p in self.star},
            "star_spans": {p.part: list(p.span) if p.span else None for p in self.star},
            "quantities": list(self.quantities),
            "length_seconds": round(self.length_seconds, 1),
            "length_estimated": self.length_estimated,
            "length_target": list(self.length_target) if self.length_target else None,
            "red_flags": list(self.red_flags),
        }



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

    @classmethod
    def from_dict(cls, data: dict) -> Feedback:
        """The Feedback a `to_dict()` saved (history keeps it as JSON)."""
        return feedback_from_dict(data)

    def to_dict(self) -> dict:
        return {
            "question": self.question_id,
            "transcript": self.transcript,
            "coverage": round(self.coverage, 3),
            "key_points": [p.to_dict() for p in self.key_points],
            "delivery": self.delivery.to_dict() if self.delivery else None,
            "structure": self.structure.to_dict(),
            "observations": list(self.observations),
        }


# --- reading saved feedback back (history keeps `Feedback.to_dict()` as JSON) ---------

def _spans(value: object) -> list[tuple[int, int]]:
    return [(int(s[0]), int(s[1])) for s in (value if isinstance(value, list) else [])
            if isinstance(s, list | tuple) and len(s) == 2]


def _point_from_dict(data: dict) -> PointResult:
    return PointResult(label=str(data.get("label", "")), covered=bool(data.get("covered")),
                       matched=[str(m) for m in data.get("matched") or []],
                       transcript_spans=_spans(data.get("transcript_spans")),
                       sample_spans=[_spans(s) for s in data.get("sample_spans") or []],
                       derived=bool(data.get("derived", False)))


def _delivery_from_dict(data: dict) -> Delivery:
    fillers = [Filler(str(f.get("text", "")), float(f.get("start", 0.0)))
               for f in data.get("fillers") or [] if isinstance(f, dict)]
    pauses = [(float(p[0]), float(p[1])) for p in data.get("pauses") or []
              if isinstance(p, list | tuple) and len(p) == 2]
    hesitations = data.get("hesitations")
    return Delivery(duration=float(data.get("duration", 0.0)),
                    word_count=int(data.get("word_count", 0)), wpm=float(data.get("wpm", 0.0)),
                    pace=str(data.get("pace", "")), fillers=fillers, pauses=pauses,
                    repeats=[str(r) for r in data.get("repeats") or []],
                    hesitations=int(hesitations) if isinstance(hesitations, int) else None,
                    notes=[str(n) for n in data.get("notes") or []],
                    recorded=float(data.get("recorded", 0.0)))


def _structure_from_dict(data: dict) -> Structure:
    spans = data.get("star_spans") or {}
    star = [StarPart(str(part), sentence if isinstance(sentence, str) else None,
                     tuple(spans[part]) if isinstance(spans.get(part), list) else None)
            for part, sentence in (data.get("star") or {}).items()]
    target = data.get("length_target")
    return Structure(star=star, quantities=[str(q) for q in data.get("quantities") or []],
                     length_seconds=float(data.get("length_seconds", 0.0)),
                     length_estimated=bool(data.get("length_estimated", False)),
                     length_target=(int(target[0]), int(target[1]))
                     if isinstance(target, list) and len(target) == 2 else None,
                     red_flags=[str(f) for f in data.get("red_flags") or []])


def feedback_from_dict(data: dict) -> Feedback:
    """The Feedback a `to_dict()` saved; sections an older record lacks come back empty."""
    delivery = data.get("delivery")
    return Feedback(question_id=str(data.get("question", "")),
                    transcript=str(data.get("transcript", "")),
                    coverage=float(data.get("coverage", 0.0)),
                    key_points=[_point_from_dict(p) for p in data.get("key_points") or []
                                if isinstance(p, dict)],
                    delivery=_delivery_from_dict(delivery) if isinstance(delivery, dict) else None,
                    structure=_structure_from_dict(data.get("structure") or {}),
                    observations=[str(o) for o in data.get("observations") or []])


"""The question bank data model: plain frozen dataclasses, ready for JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviewer.banks.probes import generic_probe, infer_kind

CATEGORIES = ("opening", "experience", "behavioral", "situational", "technical", "closing")
DIFFICULTIES = ("easy", "medium", "hard")
LEVELS = ("entry", "experienced")
# British spellings of the values above, read as their American twins (the app writes
# "Practise"; a bank written in British English must not be refused for it).
SPELLINGS = {"behavioural": "behavioral", "behaviour": "behavioral", "behavior": "behavioral"}


@dataclass(frozen=True)
class SampleAnswer:
    text: str
    level: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"level": self.level, "text": self.text}


@dataclass(frozen=True)
class KeyPoint:
    """One idea the interviewer listens for, and every way a candidate might say it."""

    label: str
    phrases: tuple[str, ...]
    probes: tuple[str, ...] = ()  # what the interviewer asks when the point is missing
    kind: str = ""  # cause | action | result | learning | scale; "" = inferred

    @property
    def point_kind(self) -> str:
        """The kind given in the bank, else the one the label and phrases suggest."""
        return self.kind or infer_kind(self.label, self.phrases)

    @property
    def probe_lines(self) -> tuple[str, ...]:
        """The bank's probes, or the generic one for the point's kind."""
        return self.probes or (generic_probe(self.point_kind),)

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "phrases": list(self.phrases),
                "probes": list(self.probes), "kind": self.point_kind}


@dataclass(frozen=True)
class Question:
    id: str
    bank_id: str
    slug: str
    text: str
    category: str
    difficulty: str
    source: str
    sample_answers: tuple[SampleAnswer, ...]
    key_points: tuple[KeyPoint, ...]
    tips: tuple[str, ...]
    target_seconds: tuple[int, int] | None = None  # answer length; None: the kind's default

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "difficulty": self.difficulty,
            "source": self.source,
            "sample_answers": [a.to_dict() for a in self.sample_answers],
            "key_points": [k.to_dict() for k in self.key_points],
            "tips": list(self.tips),
        }


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    description: str
    questions: tuple[Question, ...]
    path: Path
    builtin: bool = True

    def question(self, slug_or_id: str) -> Question | None:
        for q in self.questions:
            if slug_or_id in (q.slug, q.id):
                return q
        return None

    def summary(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "questions": len(self.questions),
            "builtin": self.builtin,
            "path": str(self.path),
        }

    def to_dict(self) -> dict[str, object]:
        return {**self.summary(), "description": self.description,
                "questions": [q.to_dict() for q in self.questions]}

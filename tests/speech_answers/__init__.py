"""The spoken-answer set: interview answers read by a natural voice, with what was said."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILLERS = ("um", "uh")


@dataclass(frozen=True)
class SpokenAnswer:
    id: str
    path: Path
    text: str  # what was said, fillers included
    terms: tuple[str, ...]
    question_id: str  # bank/slug

    @property
    def half(self) -> str:
        """Fixed here, never by a run: odd numbers tune ("dev"), even numbers report
        ("test"), so both halves hold old and new answers alike."""
        return "dev" if int(self.id[1:]) % 2 else "test"

    @property
    def fillers(self) -> int:
        return sum(re.findall(r"[a-z]+", self.text.lower()).count(f) for f in FILLERS)


def spoken_answers(half: str | None = None) -> list[SpokenAnswer]:
    """All answers, or one half of them ("dev" to tune rules on, "test" to report)."""
    with open(HERE / "answers.toml", "rb") as handle:
        rows = tomllib.load(handle)["answers"]
    return [SpokenAnswer(r["id"], HERE / f"{r['id']}.flac", r["text"], tuple(r["terms"]),
                         f"{r['bank']}/{r['question']}") for r in rows
            if half is None or int(r["id"][1:]) % 2 == (half == "dev")]

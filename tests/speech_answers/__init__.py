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
    def fillers(self) -> int:
        return sum(re.findall(r"[a-z]+", self.text.lower()).count(f) for f in FILLERS)


def spoken_answers() -> list[SpokenAnswer]:
    with open(HERE / "answers.toml", "rb") as handle:
        rows = tomllib.load(handle)["answers"]
    return [SpokenAnswer(r["id"], HERE / f"{r['id']}.flac", r["text"], tuple(r["terms"]),
                         f"{r['bank']}/{r['question']}") for r in rows]

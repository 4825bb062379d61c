"""Find and load every bank: the built-in ones and the user's, side by side.

A broken user bank is reported and skipped; the others still load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from interviewer import paths
from interviewer.banks.model import Bank, Question
from interviewer.banks.validate import Problem, read_bank
from interviewer.errors import BankError


def builtin_dir() -> Path:
    """The `banks` package folder that ships inside the wheel."""
    return Path(str(resources.files("banks")))


def search_dirs() -> list[Path]:
    return [builtin_dir(), paths.user_banks_dir()]


@dataclass
class Library:
    """All loaded banks, plus the problems of the ones that did not load."""

    banks: list[Bank] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def bank(self, bank_id: str) -> Bank:
        for bank in self.banks:
            if bank.id == bank_id:
                return bank
        known = ", ".join(b.id for b in self.banks) or "none"
        raise BankError(f"no bank named '{bank_id}'", f"known banks: {known}")

    def question(self, question_id: str) -> Question:
        bank_id, _, slug = question_id.partition("/")
        question = self.bank(bank_id).question(slug) if slug else None
        if question is None:
            raise BankError(f"no question '{question_id}'",
                            f"see the ids with: interviewer banks show {bank_id}")
        return question

    def all_questions(self) -> list[Question]:
        return [q for bank in self.banks for q in bank.questions]


def _bank_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_library(user_dir: Path | None = None) -> Library:
    """Load built-in banks, then the user's; a user bank may not reuse a loaded id."""
    library = Library()
    sources = [(builtin_dir(), True), (user_dir or paths.user_banks_dir(), False)]
    for folder, builtin in sources:
        for path in _bank_files(folder):
            bank, problems = read_bank(path, builtin=builtin)
            if bank and any(b.id == bank.id for b in library.banks):
                problems = [Problem(path, 1, f"bank id '{bank.id}' is already used by "
                                             "another bank; give this one a different id")]
                bank = None
            library.problems.extend(problems)
            if bank:
                library.banks.append(bank)
    return library

"""Find and load every bank: the built-in ones and the user's, side by side.

A broken user bank is reported and skipped; the others still load.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from interviewer import paths
from interviewer.banks.model import Bank, Question
from interviewer.banks.validate import Problem, read_bank
from interviewer.errors import BankError


def builtin_dir() -> Path:
    """The `banks` package folder that ships inside the wheel."""
    return Path(str(resources.files("interviewer.bank_files")))


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


def _bank_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The `*.toml` files of a folder; a folder that cannot be listed is a problem, not
    silence (glob would quietly find nothing)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.endswith(".toml")]
    except FileNotFoundError:
        return [], []
    except NotADirectoryError:
        return [], [Problem(folder, 0, "the bank folder is a file; move it aside")]
    except OSError as exc:
        return [], [Problem(folder, 0, f"cannot read the bank folder ({exc.strerror or exc}); "
                                       "check its permissions")]
    return sorted(folder / name for name in names), []


def load_library(user_dir: Path | None = None) -> Library:
    """Load built-in banks, then the user's; a user bank may not reuse a loaded id."""
    library = Library()
    sources = [(builtin_dir(), True), (user_dir or paths.user_banks_dir(), False)]
    for folder, builtin in sources:
        files, unreadable = _bank_files(folder)
        library.problems.extend(unreadable)
        for path in files:
            bank, problems = read_bank(path, builtin=builtin, strict=builtin)
            if bank and any(b.id == bank.id for b in library.banks):
                problems = [Problem(path, 1, f"bank id '{bank.id}' is already used by "
                                             "another bank; give this one a different id")]
                bank = None
            library.problems.extend(problems)
            if bank:
                library.banks.append(bank)
    return library

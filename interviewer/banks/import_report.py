"""What an import did, in words: the same summary for the terminal and the app."""

from __future__ import annotations

from interviewer.banks.importer import ImportResult
from interviewer.banks.validate import Problem


def _lines(problems: list[Problem]) -> str:
    numbers = sorted({p.line for p in problems})
    return f"line{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}"


def import_summary(result: ImportResult) -> str:
    """One sentence: what was kept, under which title and id, and what was left out."""
    if result.path is None:
        return (f"Nothing was imported: {len(result.problems)} problem(s), see "
                f"{_lines(result.problems)}" if result.problems
                else "Nothing was imported: no questions found")
    noun = "question" if result.kept == 1 else "questions"
    said = f"Imported {result.kept} {noun} as \"{result.title}\" (bank '{result.bank_id}')"
    parts = []
    if result.problems:
        parts.append(f"{len({p.line for p in result.problems})} left out "
                     f"({_lines(result.problems)})")
    defaulted = [n for n in result.notes if "difficulty" in n.message]
    if defaulted:
        parts.append(f"{len(defaulted)} had no difficulty and were set to medium")
    return said + ("; " + "; ".join(parts) if parts else "") + "."

"""What an import did, in words: the same summary for the terminal and the app."""

from __future__ import annotations

from interviewer.banks.importer import ImportResult
from interviewer.banks.text_safety import printable
from interviewer.banks.validate import Problem


def plural(count: int, noun: str) -> str:
    """`1 question`, `2 questions`: never `(s)`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def line_list(numbers: list[int]) -> str:
    """`line 4` or `lines 4, 8`."""
    unique = sorted(set(numbers))
    return f"line{'s' if len(unique) > 1 else ''} {', '.join(map(str, unique))}"


def _lines(problems: list[Problem]) -> str:
    return line_list([p.line for p in problems])


def import_summary(result: ImportResult) -> str:
    """One sentence: what was kept (and from which lines), under which title and id, and
    what was left out."""
    if result.path is None:
        return (f"Nothing was imported: {plural(len(result.problems), 'problem')} "
                f"({_lines(result.problems)})" if result.problems
                else "Nothing was imported: no questions found")
    said = (f"Imported {plural(result.kept, 'question')} as \"{result.title}\" "
            f"(bank '{result.bank_id}')")
    if result.kept_lines:
        said += f" from {line_list(result.kept_lines)}"
    parts = []
    if result.problems:
        parts.append(f"{len({p.line for p in result.problems})} left out "
                     f"({_lines(result.problems)})")
    defaulted = [n for n in result.notes if "difficulty" in n.message]
    if defaulted:
        parts.append(f"{len(defaulted)} had no difficulty and "
                     f"{'was' if len(defaulted) == 1 else 'were'} set to medium")
    return said + ("; " + "; ".join(parts) if parts else "") + "."


def problem_lines(result: ImportResult) -> list[str]:
    """Every problem, one line each, starting with its line number in the file."""
    return [printable(f"line {p.line}: {p.message}" if p.line else p.message)
            for p in result.problems]

"""Read questions from a Markdown Q&A file (the format is in docs/bank-format.md).

`# Title`, then one `## Question?` section per question: `Field: value` lines,
the sample answer, then `### Key points` and optionally `### Tips` bullet lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.banks.drafts import Draft, question_fields
from interviewer.banks.validate import Problem

FIELDS = ("category", "difficulty", "level", "slug", "source")
_FIELD = re.compile(r"^\s*(?:[-*]\s*)?\**([A-Za-z ]+?)\**\s*:\s*(.*)$")
_HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*#*\s*$")


@dataclass
class _Section:
    """One `## question` section as it is read."""

    line: int
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    answer: list[str] = field(default_factory=list)
    lists: dict[str, list[str]] = field(default_factory=dict)
    part: str = "meta"


@dataclass
class MarkdownBank:
    """What a Markdown file holds: an optional title and description, and the questions."""

    title: str = ""
    description: str = ""
    drafts: list[Draft] = field(default_factory=list)


def read_markdown(path: Path, text: str) -> tuple[MarkdownBank, list[Problem]]:
    """Parse the file; structural slips become problems at their line, the rest is kept."""
    bank = MarkdownBank()
    problems: list[Problem] = []
    intro: list[str] = []
    sections: list[_Section] = []
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _HEADING.match(line)
        current = sections[-1] if sections else None
        if heading and len(heading.group(1)) == 1 and not sections and not bank.title:
            bank.title = heading.group(2)
        elif heading and len(heading.group(1)) == 2:
            sections.append(_Section(number, heading.group(2)))
        elif heading and len(heading.group(1)) == 3 and current:
            name = heading.group(2).strip().lower()
            if name in ("key points", "tips"):
                current.part = name
                current.lists.setdefault(name, [])
            else:
                problems.append(Problem(path, number, f"unknown sub-heading '{heading.group(2)}' "
                                                      "(use '### Key points' or '### Tips')"))
        elif current is None:
            intro.append(line)
        else:
            _add_line(current, line)
    bank.description = " ".join(" ".join(intro).split())
    bank.drafts = [_draft(path, s) for s in sections]
    if not sections:
        problems.append(Problem(path, 1, "no questions found: start each question with a "
                                         "'## ' heading"))
    return bank, problems


def _add_line(section: _Section, line: str) -> None:
    """File a line under the section's metadata, answer, or current bullet list."""
    stripped = line.strip()
    if section.part == "meta":
        match = _FIELD.match(line)
        if match and match.group(1).strip().lower() in FIELDS:
            section.meta[match.group(1).strip().lower()] = match.group(2).strip()
            return
        if not stripped:
            return
        section.part = "answer"
    if section.part == "answer":
        section.answer.append(line)
    elif stripped:
        section.lists[section.part].append(stripped.lstrip("-*+ ").strip())


def _draft(path: Path, s: _Section) -> Draft:
    fields = question_fields(
        s.text, "\n".join(s.answer), "\n".join(s.lists.get("key points", [])),
        s.meta.get("difficulty", ""), s.meta.get("category", ""),
        s.meta.get("source", "") or path.name, s.meta.get("level", ""),
        "\n".join(s.lists.get("tips", [])))
    return Draft(s.line, {"slug": s.meta.get("slug", ""), **fields})

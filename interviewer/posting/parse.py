"""A posting's text to its parts: title, company, duties and requirements, tools, figures.

Headings say which part a line belongs to ("Responsibilities", "What you bring"); bullets
become one item each, and the sentences of a duties paragraph one item each.
"""

from __future__ import annotations

import re

from interviewer.posting.model import Item, Posting, PostingError
from interviewer.posting.sections import bullet_text, clean, heading_text, kind_of
from interviewer.posting.terms import figures_in, tools_in

_TITLE_FIELD = re.compile(r"^\s*(?:job title|position|role|title)\s*:\s*(.+)$", re.IGNORECASE)
_COMPANY_SPLIT = re.compile(r"\s+[·|—–]\s+|\s+-\s+|,\s+|\s+·\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MIN_ITEM_WORDS = 3


def parse_posting(text: str, source: str) -> Posting:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title, title_line = _title(lines)
    items = _items(lines)
    if not items:
        raise PostingError(f"{source}: found no duties or requirements in it",
                           "the posting needs its list of duties or requirements, under "
                           "headings such as 'Responsibilities' and 'Requirements'")
    return Posting(title=title or "Job posting", company=_company(lines, title_line),
                   text=text, source=source, items=tuple(items),
                   tools=tuple(tools_in(text, [i.text for i in items])),
                   figures=tuple(figures_in(text)))


def _title(lines: list[str]) -> tuple[str, int]:
    """An explicit 'Job title:' line, else the first heading, else the first short line."""
    for number, line in enumerate(lines):
        match = _TITLE_FIELD.match(line)
        if match:
            return clean(match.group(1)), number
    for number, line in enumerate(lines):
        if line.strip().startswith("#"):
            return clean(line), number
    for number, line in enumerate(lines):
        words = clean(line).split()
        if 0 < len(words) <= 8:
            return " ".join(words).title() if clean(line).isupper() else " ".join(words), number
    return "", -1


def _company(lines: list[str], title_line: int) -> str:
    """The employer's name when the line after the title gives it ("Acme Ltd · Full time")."""
    for line in lines[title_line + 1:title_line + 3]:
        plain = clean(line)
        if not plain or heading_text(line) is not None and kind_of(heading_text(line) or ""):
            continue
        first = _COMPANY_SPLIT.split(plain)[0].strip()
        words = first.split()
        if 0 < len(words) <= 6 and first[0].isupper() and not first.endswith("."):
            return first
        return ""
    return ""


def _items(lines: list[str]) -> list[Item]:
    """Bullets and sentences under duty and requirement headings; bullets anywhere when the
    posting has no such headings at all."""
    items: list[Item] = []
    loose: list[Item] = []
    section: str | None = None
    seen_bullet = False
    for number, line in enumerate(lines, 1):
        heading = heading_text(line)
        if heading is not None:
            section, seen_bullet = kind_of(heading), False
            continue
        bullet = bullet_text(line)
        if bullet is not None:
            seen_bullet = True
            target = items if section in ("duty", "requirement") else loose
            kind = section if section in ("duty", "requirement") else "duty"
            if len(bullet.split()) >= MIN_ITEM_WORDS or section in ("duty", "requirement"):
                target.append(Item(bullet.rstrip(".;"), kind, number))
        elif clean(line) and section in ("duty", "requirement"):
            if seen_bullet:  # a paragraph after the list: the section has ended
                section = None
                continue
            items += [Item(s.rstrip("."), section, number, bullet=False)
                      for s in _SENTENCE_END.split(clean(line))
                      if len(s.split()) >= MIN_ITEM_WORDS + 1]
    return items or loose

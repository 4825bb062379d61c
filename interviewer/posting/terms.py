"""The words of a posting that matter: tools and systems, figures, and content terms.

Content terms are compared as the scorer compares words (interviewer.analysis.tokens), so
"reconciling" in a posting meets "reconcile" in a key point.
"""

from __future__ import annotations

import re
from functools import lru_cache

from interviewer.analysis.lexicon import words
from interviewer.analysis.tokens import tokenize

# Systems and tools a finance or billing posting names; matched whole-word, any case.
KNOWN_TOOLS = (
    "NetSuite", "SAP", "Oracle", "Excel", "QuickBooks", "Sage", "Xero", "Epic", "Cerner",
    "athenahealth", "Epicor", "Dynamics", "Salesforce", "Workday", "HighRadius", "Billtrust",
    "Power BI", "Tableau", "Outlook", "lockbox", "ACH", "wire", "EDI", "VLOOKUP",
    "pivot tables", "clearinghouse", "ERA", "EOB", "EOBs", "CPT", "ICD-10", "HIPAA", "ERP",
    "CRM", "LIHEAP", "Kyriba", "Concur", "Coupa", "JD Edwards", "Infor", "Acumatica",
)
# Capitals that are not tools: places, forms of words, legal boilerplate.
NOT_TOOLS = frozenset({
    "OH", "US", "USA", "UK", "EU", "EOE", "CA", "NY", "TX", "FL", "HR", "ID", "AM", "PM",
    "FAQ", "CV", "GED", "OK", "PTO", "LLC", "INC", "CEO", "CFO", "I", "A", "AN",
})
# Words every posting uses that say nothing about the work.
FILLER = words("""
experience experienced ability able strong skill skills work working required require
requirement preferred prefer include including ensure knowledge good excellent year years
plus ideally similar other another etc must help keep make use using within per related
equivalent candidate role position job team company new daily weekly monthly time times
high level levels least minimum understand understanding based well across all also
comfortable basic effective effectively great environment opportunity successful answer
percent
question questions support lead place open process file office want need like get go
people money visit visits hour hours meet data set person thing things way
""")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}(?:-\d+)?\b")
_CAMEL = re.compile(r"\b[A-Z]?[a-z]+[A-Z][A-Za-z]+\b")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?<![\w-])(?P<money>\$\s?{_NUMBER}\s*(?:million|billion|thousand|[MBK]\b|k\b)?)"
    rf"|(?<![\w-])(?P<percent>{_NUMBER}\s*(?:%|percent\b))"
    rf"|(?<![\w-])(?P<count>{_NUMBER}\+?(?:\s*(?:to|-|–)\s*{_NUMBER})?)"
    r"(?P<words>(?:\s+(?!(?:and|or|to|the|a|an|of|by|with|while|across|in|for|on|at|from)\b)"
    r"[A-Za-z][\w-]*){1,3})")


def tools_in(text: str, items: list[str] | None = None) -> list[str]:
    """Tools, systems and trade acronyms in order of first mention, as the posting writes them;
    acronyms and CamelCase names only from the duties and requirements (not headings)."""
    found: dict[str, str] = {}
    for tool in KNOWN_TOOLS:
        for match in re.finditer(rf"(?<![\w-]){re.escape(tool)}(?![\w-])", text, re.IGNORECASE):
            if tool.isupper() and match.group(0) != tool:
                continue  # "era" or "wire" in lower case: an ordinary word
            found.setdefault(tool.lower(), match.group(0))
            break
    for pattern in (_ACRONYM, _CAMEL):
        for match in pattern.finditer("\n".join(items) if items is not None else text):
            word = match.group(0)
            if word not in NOT_TOOLS and not word.isdigit():
                found.setdefault(word.lower(), word)
    order = {key: text.lower().find(key) for key in found}
    return [found[k] for k in sorted(found, key=lambda k: order[k])]


def figures_in(text: str) -> list[str]:
    """Money, counts and percentages with the words after them ("550 accounts", "$48 million
    in annual sales"): the scale of the job, as the posting states it."""
    figures: list[str] = []
    for match in _FIGURE.finditer(text):
        figure = " ".join(match.group(0).split()).rstrip(".,;:")
        if figure not in figures:
            figures.append(figure)
    return figures[:20]


@lru_cache(maxsize=4096)
def content_terms(text: str) -> tuple[tuple[str, str], ...]:
    """(stem, word) of the words that carry meaning, in order: no stop words, numbers,
    filler or one-letter pieces."""
    terms = []
    for token in tokenize(text):
        if (token.number or token.stop or len(token.word) < 3 or token.word in FILLER
                or token.stem in FILLER):
            continue
        terms.append((token.stem, token.word))
    return tuple(terms)


def stems_of(text: str) -> frozenset[str]:
    """The content stems of a text and each pair of neighbours among them ("credit hold"):
    two everyday words together often name one thing of the trade."""
    stems = [stem for stem, _ in content_terms(text)]
    pairs = {f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False) if a != b}
    return frozenset(stems) | frozenset(pairs)

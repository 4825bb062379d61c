"""Figures in an answer (numbers, percentages, money, durations), as the candidate said them."""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.analysis.tokens import Token

UNITS = {
    "percent": "percentage", "percentage": "percentage", "points": "percentage",
    "dollars": "money", "dollar": "money", "euros": "money", "pounds": "money", "k": "money",
    "days": "time", "day": "time", "weeks": "time", "week": "time", "months": "time",
    "month": "time", "years": "time", "year": "time", "quarters": "time", "quarter": "time",
    "hours": "time", "hour": "time", "minutes": "time",
}
_WEAK = frozenset({"1", "0"})   # "one of them", "no one": not a figure on their own
_EFFORT = frozenset({"give", "gives", "gave", "giving", "put", "always"})
_FRACTIONS = frozenset({"half", "third", "thirds", "fifth", "tenth", "halved", "doubled",
                        "tripled"})
_MANY = frozenset({"dozens", "hundreds", "thousands", "millions"})   # "hundreds of orders"


@dataclass(frozen=True)
class Quantity:
    text: str
    kind: str        # number | percentage | money | time | fraction
    start: int
    end: int


def _is_effort_idiom(tokens: list[Token], i: int) -> bool:
    """"I always give a hundred and ten percent" states no figure."""
    return float(tokens[i].word) > 100 and any(t.word in _EFFORT for t in tokens[max(0, i - 4):i])


def find_quantities(text: str, tokens: list[Token]) -> list[Quantity]:
    """Every figure with its unit when one follows ("30 days", "ninety five percent"), and
    fractions said as words ("a third", "half", "doubled")."""
    found = []
    for i, token in enumerate(tokens):
        if token.word in _FRACTIONS:
            start = tokens[i - 1].start if i and tokens[i - 1].word in ("a", "one") else \
                token.start
            found.append(Quantity(text[start:token.end], "fraction", start, token.end))
            continue
        if token.word in _MANY:
            found.append(Quantity(text[token.start:token.end], "number", token.start, token.end))
            continue
        if not token.number:
            continue
        unit = tokens[i + 1] if i + 1 < len(tokens) else None
        kind = UNITS.get(unit.word, "number") if unit else "number"
        if kind == "number" and token.word in _WEAK and token.spoken_number:
            continue
        if kind == "percentage" and _is_effort_idiom(tokens, i):
            continue
        start = min(token.start, unit.start) if unit and kind != "number" else token.start
        end = max(token.end, unit.end) if unit and kind != "number" else token.end
        found.append(Quantity(text[start:end], kind, start, end))
    return found

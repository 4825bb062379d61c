"""Structure and content: STAR parts, figures, length against the target, red flags."""

from __future__ import annotations

from collections.abc import Collection

from interviewer.analysis.feedback import Structure
from interviewer.analysis.quantities import find_quantities
from interviewer.analysis.red_flags import find_red_flags
from interviewer.analysis.sentences import split_sentences
from interviewer.analysis.star import find_star
from interviewer.analysis.tokens import Token

LENGTH_TARGETS = {"behavioral": (60, 120), "situational": (60, 120)}
SPOKEN_WPM = 140   # to estimate the length of a typed answer


def analyse_structure(text: str, tokens: list[Token], category: str,
                      duration: float | None, pauses: Collection[int] = (),
                      results: list[tuple[int, int]] | None = None) -> Structure:
    """`pauses`: indices of tokens said after a silence, to cut unpunctuated speech;
    `results`: the stated results (find_results), when the caller has them already."""
    sentences = split_sentences(text, tokens, pauses)
    quantities = find_quantities(text, tokens)
    plain = " ".join(t.word for t in tokens)
    estimated = duration is None
    seconds = len(tokens) / SPOKEN_WPM * 60 if duration is None else float(duration)
    return Structure(
        star=find_star(text, tokens, sentences, results),
        quantities=[q.text for q in quantities],
        length_seconds=seconds,
        length_estimated=estimated,
        length_target=LENGTH_TARGETS.get(category),
        red_flags=find_red_flags(plain, bool(quantities), category),
    )

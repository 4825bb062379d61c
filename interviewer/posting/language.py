"""Is the posting in English? The banks and the scorer are English-only, so a posting in
another language would build an interview of unrelated questions.

Only English is asked about: simplemma's English dictionary is loaded by the scorer
anyway, while naming the other language would load one dictionary per candidate
(seconds each).
"""

from __future__ import annotations

import simplemma

from interviewer.posting.model import PostingError

MIN_ENGLISH = 0.5  # share of words simplemma knows as English; our postings score 0.95 and up


def english_share(text: str) -> float:
    return float(simplemma.in_target_language(text[:20000], lang="en"))


def check_english(text: str, source: str) -> None:
    share = english_share(text)
    if share < MIN_ENGLISH:
        raise PostingError(f"{source} does not seem to be in English (only {share:.0%} of its "
                           "words are English words)",
                           "the question banks and the scoring are in English; use the "
                           "English version of the posting")

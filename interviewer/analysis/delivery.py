"""Delivery from word timings: length, pace, fillers, long pauses, repeated words.

Pace is measured over speaking time, from the first word to the last, so the silence
before the candidate starts and after they stop does not slow it down.
"""

from __future__ import annotations

from interviewer.analysis.alignment import bare
from interviewer.analysis.feedback import Delivery, Filler
from interviewer.analysis.fillers import find_fillers
from interviewer.analysis.hesitation import count_hesitations
from interviewer.analysis.lexicon import FILLER_WORDS
from interviewer.transcript import Transcript, Word

WPM_BAND = (100, 165)
LONG_PAUSE = 2.0
MIN_PACE_SECONDS = 5.0   # below this a words-per-minute figure says nothing
_MEANT_TWICE = frozenset({("that", "that"), ("had", "had"), ("very", "very"), ("no", "no")})


def _pace(wpm: float, seconds: float) -> str:
    if seconds < MIN_PACE_SECONDS:
        return "short"
    if wpm < WPM_BAND[0]:
        return "slow"
    return "fast" if wpm > WPM_BAND[1] else "ok"


def _turns(words: tuple[Word, ...], joins: tuple[float, ...]) -> list[tuple[Word, Word]]:
    """Neighbouring words with a join (a new recording) between them: not pauses."""
    return [(a, b) for a, b in zip(words, words[1:], strict=False)
            if any(a.end <= t <= b.start for t in joins)]


def _pauses(words: tuple[Word, ...], joins: tuple[float, ...] = ()) -> list[tuple[float, float]]:
    turns = _turns(words, joins)
    return [(round(a.end, 2), round(b.start - a.end, 2))
            for a, b in zip(words, words[1:], strict=False)
            if b.start - a.end > LONG_PAUSE and (a, b) not in turns]


def find_repeats(words: list[str]) -> list[str]:
    """Words or phrases of up to three words said twice in a row ("the the", "I think I think").

    Fillers are counted as fillers, not as repeats ("um um").
    """
    words = [w for w in words if w not in FILLER_WORDS]
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            first, second = words[i:i + n], words[i + n:i + 2 * n]
            if len(second) == n and first == second and not any(w[0].isdigit() for w in first) \
                    and (n > 1 or (first[0], first[0]) not in _MEANT_TWICE):
                found.append(" ".join(first))
                i += 2 * n - 1
                break
        i += 1
    return found


def analyse_delivery(transcript: Transcript, pcm: bytes | None = None) -> Delivery | None:
    """None for a typed answer: without timings there is nothing to say about delivery."""
    if not transcript.words:
        return None
    pairs = [(w, bare(w.word)) for w in transcript.words]
    words = tuple(w for w, f in pairs if f)
    folded = [f for _, f in pairs if f]
    span = max(words[-1].end - words[0].start, 0.0) if words else 0.0
    span -= sum(b.start - a.end for a, b in _turns(words, transcript.joins))  # turn gaps
    recorded = transcript.duration or transcript.words[-1].end
    wpm = len(words) * 60 / span if span > 0.01 else 0.0
    fillers = [Filler(" ".join(folded[a:b]), round(words[a].start, 2))
               for a, b in find_fillers(folded)]
    notes: list[str] = []
    hesitations = None
    if pcm is not None:
        hesitations = count_hesitations(list(words), pcm)
        if hesitations and len(fillers) < hesitations:   # says more than the fillers heard
            notes.append(f"{hesitations} possible hesitation(s): sound between words with no "
                         "recognised word, often an um or uh the recognizer left out")
    return Delivery(duration=round(span, 2), word_count=len(words), wpm=round(wpm, 1),
                    pace=_pace(wpm, span), fillers=fillers, pauses=_pauses(words, transcript.joins),
                    repeats=find_repeats(folded), hesitations=hesitations, notes=notes,
                    recorded=round(recorded, 2))


def typed_fillers(tokens_words: list[str]) -> dict[str, int]:
    """Fillers in an answer without timings (typed, or corrected with nothing to align to)."""
    counts: dict[str, int] = {}
    for a, b in find_fillers(tokens_words):
        text = " ".join(tokens_words[a:b])
        counts[text] = counts.get(text, 0) + 1
    return counts

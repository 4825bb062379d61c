"""How much of one answer is scored.

The longest answer the app records is 30 minutes (the largest time limit): about 5,000
words, 30,000 characters. A pasted file can be far longer, and scoring a megabyte of
random Unicode took seconds to minutes (every token new to the stemmer). The answer is
kept whole in the history; only its first MAX_SCORED_CHARS characters are scored, and
the transcript's note says so.
"""

from __future__ import annotations

from dataclasses import replace

from interviewer.transcript import Transcript

MAX_SCORED_CHARS = 50_000


def scored_part(transcript: Transcript, limit: int = MAX_SCORED_CHARS) -> Transcript:
    """The transcript itself when short enough, else its start cut at a word boundary
    (with the timed words that fall in it)."""
    text = transcript.text
    if len(text) <= limit:
        return transcript
    cut = text.rfind(" ", 0, limit)
    head = text[:cut if cut > limit // 2 else limit]
    words, used = [], 0
    for word in transcript.words:
        used += len(word.word) + 1
        if used > len(head):
            break
        words.append(word)
    note = (f"only the first {len(head):,} of {len(text):,} characters were scored; "
            "the whole answer is kept")
    return replace(transcript, text=head, words=tuple(words),
                   note="; ".join(n for n in (transcript.note, note) if n))

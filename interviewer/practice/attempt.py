"""One try at a question: what was said, how it scored, where the audio is.

Both front ends keep their attempts in this shape, so the flow saves, scores and
schedules them the same way whichever one ran the round.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from interviewer.analysis.feedback import Feedback
from interviewer.banks import Question
from interviewer.transcript import Transcript, with_follow_up


@dataclass
class Answer:
    """What an answer source hands the flow: a transcript already made (live recognition,
    typed text), or audio still to transcribe; the audio itself (16 kHz mono PCM, kept in
    memory so scoring never reads the file back), and the file it is kept in."""

    transcript: Transcript | None = None
    pcm: bytes | None = None
    audio_path: Path | None = None


@dataclass(eq=False)  # an attempt is itself, not its contents
class Attempt:
    question: Question
    number: int
    transcript: Transcript
    feedback: Feedback | None = None  # None until scored (or when scoring failed)
    audio_path: Path | None = None
    corrected_text: str | None = None
    follow_up: str | None = None  # the follow-up line this attempt answered, if any
    history_id: int | None = None
    save_requested: bool = False
    self_rating: int | None = None  # the candidate's own 1-5, if given
    first: Attempt | None = None  # for a follow-up: the answer it completes
    pcm: bytes | None = field(default=None, repr=False)  # the answer's audio, in memory

    @property
    def text(self) -> str:
        return self.corrected_text if self.corrected_text is not None else self.transcript.text

    def answer(self) -> Transcript:
        """What to score: the recognised transcript, or the corrected text when edited,
        realigned to the recognised word timings so the correction keeps its delivery."""
        if self.corrected_text is None:
            return self.transcript
        from interviewer.analysis.alignment import realign  # the scorer loads on demand

        return realign(self.transcript, self.corrected_text)

    def whole_answer(self) -> Transcript:
        """What the question is scored on: a follow-up counts together with its first answer."""
        if self.first is None:
            return self.answer()
        return with_follow_up(self.first.whole_answer(), self.answer())

    @property
    def root(self) -> Attempt:
        """The answer to the question itself that this exchange started from."""
        return self if self.first is None else self.first.root

    def exchange(self) -> list[Attempt]:
        """The exchange up to this attempt: the answer, then each probe's answer."""
        return [self] if self.first is None else [*self.first.exchange(), self]

    def whole_pcm(self) -> bytes | None:
        """The audio behind `whole_answer`, joined in the order spoken; None when a part
        of the exchange has none (typed)."""
        parts = [a.pcm for a in self.exchange()]
        return b"".join(p for p in parts if p is not None) if None not in parts else None

"""What a speech recognizer produces: the contract between recognition, analysis and the app."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace


@dataclass(frozen=True)
class Word:
    """One recognised word with its timing in seconds from the start of the answer."""

    word: str
    start: float
    end: float
    conf: float = 1.0


@dataclass(frozen=True)
class Transcript:
    """A final transcript; `engine` and `model` say what made it, so the app can tell the user."""

    text: str
    words: tuple[Word, ...] = field(default_factory=tuple)
    duration: float = 0.0
    engine: str = "typed"
    model: str = ""
    # Two passes: the engine that gave the live text while the final pass (engine) ran.
    live_engine: str = ""
    live_model: str = ""
    # Said to the candidate in words, e.g. why the live transcript was kept; "" if nothing.
    note: str = ""
    # where a later recording starts in a joined answer (a follow-up): the silence before
    # it is the interviewer's turn, not a pause in the answer
    joins: tuple[float, ...] = ()

    @property
    def has_timings(self) -> bool:
        return bool(self.words)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["words"] = [asdict(w) for w in self.words]
        if not self.joins:
            del data["joins"]
        return data

    @classmethod
    def typed(cls, text: str) -> Transcript:
        """An answer the candidate typed: no timings, no engine."""
        return cls(text=text.strip())


def with_follow_up(answer: Transcript, follow_up: Transcript) -> Transcript:
    """The answer and its follow-up as one transcript, so the question is scored as a whole.

    The follow-up's word times continue after the first answer's (matching the two
    recordings joined end to end); `joins` marks where the follow-up starts, so the
    interviewer's turn in between is not counted as a pause or as slow speech.
    """
    offset = answer.duration
    words = answer.words + tuple(replace(w, start=w.start + offset, end=w.end + offset)
                                 for w in follow_up.words)
    text = " ".join(t for t in (answer.text.strip(), follow_up.text.strip()) if t)
    engine = answer.engine if answer.engine == follow_up.engine else "mixed"
    joins = answer.joins + (offset,) + tuple(t + offset for t in follow_up.joins)
    return Transcript(text=text, words=words, duration=answer.duration + follow_up.duration,
                      engine=engine, model=answer.model or follow_up.model, joins=joins)

"""Scoring an answer uses the audio held in memory, never the recording read back: the
WAV may be gone by then (a full disk, a cleaned folder) and the score still comes out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from interviewer.analysis import score_answer
from interviewer.banks import Question, load_library
from interviewer.pcm import BYTES_PER_SECOND
from interviewer.practice import Answer, AnswerTimes, Attempt, PracticeFlow, Round, SerialLoop
from interviewer.practice.scoring import score_attempt
from interviewer.speech import read_pcm
from interviewer.transcript import Transcript, Word
from tests.speech_answers import spoken_answers

ANSWER = next(a for a in spoken_answers() if a.id == "a01")


def timed(text: str, seconds: float) -> Transcript:
    """The answer's words spread over its length, as a recognizer would time them."""
    words = text.split()
    step = seconds / len(words)
    return Transcript(text, tuple(Word(w, i * step, (i + 0.8) * step) for i, w in
                                  enumerate(words)), seconds, engine="sphinx", model="test")


class OneAnswer:
    """Speaker, answer source and front: one recorded answer, then the round ends."""

    def __init__(self, loop: SerialLoop, answer: Answer) -> None:
        self.loop, self.answer = loop, answer
        self.scored: list[Attempt] = []
        self.flow: PracticeFlow | None = None

    def say(self, text: str, then: Callable[[], None]) -> None:
        self.loop.post(then)

    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        self.loop.post(lambda: then(self.answer))

    def has_more(self) -> bool:
        return False

    def show_question(self, question: Question, progress: str) -> None: ...
    def show_follow_up(self, line: str) -> None: ...
    def nothing_heard(self, question: Question, choose: bool) -> None: ...
    def cannot_transcribe(self, audio_path: Path | None) -> None: ...

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        self.scored.append(attempt)
        assert self.flow is not None
        self.loop.post(self.flow.next)

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        then(None)

    def show_summary(self, title: str, round_: Round, closing: str) -> None: ...

    # RoundStore: nothing kept here
    def start_session(self, bank_id: str, mode: str) -> None: ...
    def save_attempt(self, attempt: Attempt) -> None: ...
    def record_review(self, *args: object) -> None: ...
    def finish_session(self) -> None: ...


def test_the_flow_scores_a_removed_recording_from_the_audio_in_memory(tmp_path: Path) -> None:
    library = load_library()
    question = library.question(ANSWER.question_id)
    pcm = read_pcm(ANSWER.path)
    transcript = timed(ANSWER.text, len(pcm) / BYTES_PER_SECOND)
    wav = tmp_path / "answer.wav"  # where the app kept it; removed before scoring
    assert not wav.exists()

    loop = SerialLoop()
    script = OneAnswer(loop, Answer(transcript=transcript, pcm=pcm, audio_path=wav))
    flow = PracticeFlow(Round("practice", [question]), question.bank_id, speaker=script,
                        answers=script, runner=loop, transcribe=lambda p, q: transcript,
                        score=lambda q, t, audio: score_attempt(q, t, audio, library),
                        store=script, front=script,
                        times=lambda q: AnswerTimes(60.0, 180.0), probes="none")
    script.flow = flow
    loop.post(flow.start)

    [attempt] = script.scored
    assert attempt.audio_path == wav and attempt.feedback is not None
    delivery = attempt.feedback.delivery
    assert delivery is not None and delivery.hesitations is not None
    expected = score_answer(question, transcript, library, pcm=pcm).delivery
    assert expected is not None and delivery.hesitations == expected.hesitations
    assert flow.finished


def test_a_typed_answer_or_one_without_audio_scores_on_its_words() -> None:
    library = load_library()
    question = library.question(ANSWER.question_id)
    typed = score_attempt(question, Transcript.typed(ANSWER.text), b"\0\0" * 16000, library)
    assert typed.delivery is None  # no timings: nothing to hear hesitations against
    heard = score_attempt(question, timed(ANSWER.text, 40.0), None, library)
    assert heard.delivery is not None and heard.delivery.hesitations is None
    assert heard.coverage == typed.coverage


def test_a_follow_up_is_scored_on_both_answers_audio_joined() -> None:
    question = load_library().question(ANSWER.question_id)
    first = Attempt(question, 1, timed("first part", 1.0), pcm=b"\1\0" * 10)
    second = Attempt(question, 1, timed("second part", 1.0), pcm=b"\2\0" * 5,
                     follow_up="And then?", first=first)
    assert second.whole_pcm() == b"\1\0" * 10 + b"\2\0" * 5
    typed = Attempt(question, 1, Transcript.typed("more"), follow_up="And then?", first=first)
    assert typed.whole_pcm() is None  # one part typed: no audio for the whole

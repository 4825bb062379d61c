"""The behaviour of a round: ask, listen, score, show, retry, go on; mock interviews too.

Screens only display and emit; this object decides what happens next and keeps every
attempt. Slow work (speech, recognition, scoring, history) goes through `Jobs`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from interviewer import paths
from interviewer.banks import Library, Question
from interviewer.errors import InterviewerError
from interviewer.recording import recording_name
from interviewer.session import Filters, Round, mock_order, practice_order, review_order
from interviewer.settings import Settings
from interviewer.transcript import Transcript
from ui import services
from ui.answer_capture import AnswerCapture, CaptureResult, speech_context
from ui.attempt import Attempt
from ui.audio_in import AudioInput, FileAudioInput
from ui.history_link import HistoryLink
from ui.jobs import Jobs
from ui.question_screen import QuestionScreen
from ui.result_screen import ResultScreen
from ui.start_screen import StartChoice
from ui.summary_screen import SummaryScreen
from ui.voice import Voice
from ui.widgets import fmt_seconds

InputFactory = Callable[[Settings], AudioInput]
LOADED_FILE_SPEED = 8.0  # a loaded recording streams through the same path, faster than life


class RoundController(QObject):
    show_screen = Signal(QObject)
    problem = Signal(object)  # InterviewerError for the message bar
    info = Signal(str)
    round_finished = Signal()
    result_shown = Signal(object)  # Attempt, once scored and displayed
    recording_started = Signal()

    def __init__(self, jobs: Jobs, settings: Settings, library: Library,
                 input_factory: InputFactory, question: QuestionScreen, result: ResultScreen,
                 summary: SummaryScreen, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs, self.settings, self.library = jobs, settings, library
        self.input_factory = input_factory
        self.qs, self.rs, self.ss = question, result, summary
        self.voice = Voice(jobs, settings, self)
        self.history = HistoryLink(jobs, self)
        self.round: Round | None = None
        self.capture: AnswerCapture | None = None
        self.session_id: int | None = None
        self.follow_up: str | None = None  # the follow-up being asked now (mock)
        self._asked_follow_up: set[str] = set()
        self._pending_input: AudioInput | None = None
        self._kept_audio: Path | None = None  # a recording answered from, not re-recorded
        self._playback: Any = None
        self._persona: Any = None
        self.seed: int | None = None  # fixed in tests for a repeatable mock interview
        self._connect_callbacks()

    def _connect_callbacks(self) -> None:
        self.qs.replay_requested.connect(self._on_replay)
        self.qs.stop_voice_requested.connect(self.voice.stop)
        self.qs.record_toggled.connect(self.toggle_recording)
        self.qs.typed_submitted.connect(self._on_typed)
        self.qs.load_file_requested.connect(self._on_load_file)
        self.qs.hide_text_changed.connect(self._on_hide_changed)
        self.qs.end_requested.connect(self.finish_round)
        self.rs.retry_requested.connect(self.retry)
        self.rs.next_requested.connect(self.next_question)
        self.rs.play_answer_requested.connect(self._play_answer)
        self.rs.hear_sample_requested.connect(self.voice.say)
        self.rs.rescore_requested.connect(self._on_rescore)
        self.voice.started.connect(lambda: self.qs.set_speaking(True))
        self.voice.finished.connect(self._on_question_heard)
        self.voice.stopped.connect(lambda: self.qs.set_speaking(False))
        self.voice.failed.connect(self._on_voice_failed)
        self.history.problem.connect(self.problem)

    # --- starting a round

    def start(self, choice: StartChoice) -> None:
        """Build the question list for the chosen mode, then ask the first question."""
        filters = Filters(choice.difficulties, choice.categories)
        try:
            bank = self.library.bank(choice.bank_id)
            if choice.mode == "review":
                self.history.due_questions(bank.id, lambda due: self._start_review(
                    bank.questions, due, filters))
                return
            if choice.mode == "mock":
                questions = mock_order(bank.questions, choice.mock_count, filters,
                                       seed=self.seed, planner=services.plan_mock)
            else:
                questions = practice_order(bank.questions, filters, choice.shuffle)
        except InterviewerError as exc:
            self.problem.emit(exc)
            return
        self._begin(Round(choice.mode, questions), bank.id)

    def _start_review(self, questions: Any, due: Any, filters: Filters) -> None:
        ids = [_question_id(item) for item in (due or [])]
        try:
            chosen = review_order(questions, ids, filters)
        except InterviewerError as exc:
            self.problem.emit(exc)
            return
        self._begin(Round("review", chosen), chosen[0].bank_id)

    def recover(self, path: Path, question: Question) -> None:
        """Score a recording a crash left without an attempt, as a one-question round.

        The file stays where it is and becomes the attempt's audio; nothing is re-recorded.
        """
        self._begin(Round("practice", [question]), question.bank_id, ask=False)
        self.qs.reveal_text()
        if path.name.endswith(".unsaved.json"):  # typed; kept when the history refused it
            self.info.emit("Scoring the answer the history could not save, on this question.")
            self.jobs.run(services.part("interviewer.history.unsaved").read_unsaved, path,
                          on_done=lambda kept: self._add_attempt(Transcript.typed(
                              kept.corrected_text or kept.transcript.text), None),
                          on_error=self.problem.emit)
            return
        self.info.emit(f"Scoring the recording {path.name} on this question.")
        self.load_file(path, recovered=True)

    def _begin(self, round_: Round, bank_id: str, ask: bool = True) -> None:
        self.round = round_
        self.session_id = None
        self._asked_follow_up.clear()
        self._persona = None
        self.history.start_session(bank_id, round_.mode, self._on_session)
        if not ask:
            self._show_current()
        elif round_.mode == "mock":  # the interviewer's lines need the persona first
            self.voice.with_persona(lambda persona: self._open_mock(round_, persona))
        else:
            self.ask_current(first=True)

    def _open_mock(self, round_: Round, persona: Any) -> None:
        if self.round is round_:  # not left in the meantime
            self._persona = persona
            self.ask_current(first=True)

    def _on_session(self, session_id: Any) -> None:
        self.session_id = session_id

    # --- asking

    def ask_current(self, first: bool = False) -> None:
        q = self._show_current()
        self._speak_or_listen(self._spoken_line(q, first))

    def _show_current(self) -> Question:
        """Put the current question on screen, the clock at zero; no voice, no recording."""
        assert self.round is not None
        q = self.round.current
        self.follow_up = None
        self.qs.show_question(q, self.round.progress(), self.settings.hide_question_text)
        self.qs.countdown.setText("")
        self._on_elapsed(0.0)
        self.show_screen.emit(self.qs)
        return q

    def _spoken_line(self, q: Question, first: bool) -> str:
        if self._persona is None:
            return q.text
        intro = self._persona.greeting if first else self._persona.transition(self.round.index)
        return f"{intro} {q.text}".strip()

    def _speak_or_listen(self, text: str) -> None:
        if self.settings.speak_questions:
            self.qs.set_speaking(True, "The interviewer is asking…")
            self.voice.say(text)
        else:
            self.qs.set_speaking(False)
            if not self.settings.hide_question_text:
                self.qs.reveal_text()
            if self.settings.auto_record:
                self.start_recording()

    def _on_replay(self) -> None:
        if self.round is not None and not self._recording():
            self.qs.set_speaking(True)
            self.voice.say(self.follow_up or self.round.current.text)

    def _on_question_heard(self) -> None:
        self.qs.set_speaking(False)
        if self.settings.auto_record and not self._recording() and self.qs.isVisible():
            self.start_recording()

    def _on_voice_failed(self, error: InterviewerError) -> None:
        self.qs.set_speaking(False, "The question could not be spoken; it is shown instead.")
        self.qs.reveal_text()
        self.problem.emit(error)

    def _on_hide_changed(self, hidden: bool) -> None:
        self.settings.hide_question_text = hidden

    # --- recording

    def _recording(self) -> bool:
        return self.capture is not None and self.capture.running

    def toggle_recording(self) -> None:
        if self._recording():
            self.capture.stop("key")
        elif self.capture is None:
            self.start_recording()

    def start_recording(self, source: AudioInput | None = None,
                        kept_audio: Path | None = None) -> None:
        """Listen for the answer: audio to disk and to the recognizer as it arrives.

        With `kept_audio` (the file `source` reads), nothing is written: that file
        already holds the answer and becomes the attempt's recording.
        """
        if self.round is None or self.capture is not None:
            return
        self.voice.stop()
        source = source or self.input_factory(self.settings)
        self._kept_audio = kept_audio
        wav = None if kept_audio else (paths.ensure(paths.recordings_dir())
                                       / recording_name(self.round.current))
        limit = self.settings.time_limit_s
        question = self.round.current
        bank = next((b for b in self.library.banks if b.id == question.bank_id), None)
        capture = AnswerCapture(self.jobs, source, wav, self.settings.engine,
                                self.settings.model_path, self.settings.silence_stop_s,
                                limit, self, context=speech_context(
                                    question, bank.questions if bank else ()))
        capture.engine_ready.connect(self.qs.set_engine)
        capture.partial.connect(self.qs.set_partial)
        capture.level.connect(self.qs.set_level)
        capture.elapsed.connect(self._on_elapsed)
        capture.problem.connect(self.problem)
        capture.done.connect(self._on_capture_done)
        self.capture = capture
        self.qs.set_recording(True)
        self._on_elapsed(0.0)
        capture.start()
        self.recording_started.emit()

    def _on_elapsed(self, seconds: float) -> None:
        s = self.settings
        self.qs.set_elapsed(seconds, s.target_s, s.time_limit_s)
        if self.round is not None and self.round.mode == "mock":
            self.qs.countdown.setText(f"Time left: {fmt_seconds(s.time_limit_s - seconds)}")

    def _on_capture_done(self, result: CaptureResult) -> None:
        self.capture = None
        self.qs.set_recording(False)
        audio = result.audio_path or self._kept_audio
        self._kept_audio = None
        if result.error is not None:
            self.problem.emit(result.error)
        if result.transcript is None:
            kept = f" Your recording is kept at {audio}." if audio else ""
            self.info.emit("The answer could not be transcribed: type it instead." + kept)
            self.qs.show_typing()
            return
        self._add_attempt(result.transcript, audio)

    def _on_load_file(self) -> None:
        from ui.file_dialogs import open_file  # Documents or the folder last used

        path = open_file(self.qs, self.settings, "Load a recording of your answer",
                         "Audio (*.wav *.flac *.aiff *.aif)")
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path, recovered: bool = False) -> None:
        """Read a recording in the background, then stream it like a microphone.

        A loaded file is copied into the recordings folder as the answer's audio; a
        `recovered` one already is there, so its header is repaired and it is used as is.
        """
        self.qs.set_recording(False, busy=True)

        def loaded(pcm: bytes) -> None:
            self.start_recording(FileAudioInput(pcm, path.name, speed=LOADED_FILE_SPEED),
                                 kept_audio=path if recovered else None)

        def failed(error: InterviewerError) -> None:
            self.qs.set_recording(False)
            self.problem.emit(error)

        read = services.read_repaired if recovered else services.read_pcm
        self.jobs.run(read, path, on_done=loaded, on_error=failed)

    def _on_typed(self, text: str) -> None:
        self._add_attempt(Transcript.typed(text), None)

    # --- scoring and results

    def _add_attempt(self, transcript: Transcript, audio: Path | None) -> None:
        assert self.round is not None
        q = self.round.current
        main = [a for a in self.round.attempts_for(q.id) if not a.follow_up]
        first = main[-1] if self.follow_up is not None and main else None
        attempt = Attempt(q, len(main) + 1, transcript, audio_path=audio,
                          follow_up=self.follow_up, first=first)
        self.round.add_attempt(attempt)
        self._score(attempt, self._show_scored)

    def _score(self, attempt: Attempt, then: Callable[[Attempt], None]) -> None:
        def scored(feedback: Any) -> None:
            attempt.feedback = feedback
            then(attempt)

        def failed(error: InterviewerError) -> None:
            self.problem.emit(error)
            then(attempt)

        self.jobs.run(services.score_answer, attempt.question, attempt.whole_answer(),
                      attempt.audio_paths(), on_done=scored, on_error=failed)

    def _show_scored(self, attempt: Attempt) -> None:
        if self.round is not None and self.round.mode == "mock":
            self._mock_after(attempt)
            return
        main = [a for a in self.round.attempts_for(attempt.question.id) if not a.follow_up]
        previous = main[-2] if len(main) > 1 else None
        self.rs.show_attempt(attempt, previous, self.round.is_last)
        self.show_screen.emit(self.rs)
        self.result_shown.emit(attempt)

    def _on_rescore(self, text: str) -> None:
        attempt = self.rs.attempt
        if attempt is None or not text:
            return
        attempt.corrected_text = text
        self._score(attempt, self._show_scored)

    def _save(self, attempt: Attempt | None) -> None:
        """Save an attempt once, however many ways lead away from it."""
        if attempt is not None and not attempt.save_requested:
            attempt.save_requested = True
            self.history.save_attempt(attempt)

    def retry(self) -> None:
        self._save(self.rs.attempt)
        self.ask_current()

    def next_question(self) -> None:
        self._save(self.rs.attempt)
        if self.round is not None and self.round.advance():
            self.ask_current()
        else:
            self.finish_round()

    def _play_answer(self) -> None:
        attempt = self.rs.attempt
        if attempt is None or attempt.audio_path is None:
            return
        try:
            if self._playback is None:
                self._playback = services.make_player(self)
            self._playback.play(attempt.audio_path)
        except InterviewerError as exc:
            self.problem.emit(exc)

    # --- mock interview

    def _mock_after(self, attempt: Attempt) -> None:
        """Save, then ask one follow-up if the answer needs it, else move on."""
        q = attempt.question
        if attempt.follow_up is None and q.id not in self._asked_follow_up:
            line = _follow_up(attempt, self.problem)
            if line:
                self._asked_follow_up.add(q.id)
                self._save(attempt)
                self._ask_follow_up(line)
                return
        self._save(attempt)
        if self.round.advance():
            self.ask_current()
        else:
            self.finish_round()

    def _ask_follow_up(self, line: str) -> None:
        self.follow_up = line
        self.qs.show_follow_up(line, self.settings.hide_question_text)
        self._speak_or_listen(line)

    def finish_round(self) -> None:
        if self.round is None:
            return
        if self.capture is not None:
            self.capture.stop("end")
        self.voice.stop()
        self._save(self._shown_attempt())
        groups = [self.round.attempts_for(q.id) for q in self.round.questions]
        closing = self._persona.closing if self._persona is not None else ""
        title = "Mock interview complete" if self.round.mode == "mock" else "Round complete"
        self.ss.show_round(title, groups, closing)
        self.history.finish_session()
        self.show_screen.emit(self.ss)
        if closing and self.settings.speak_questions:
            self.voice.say(closing)
        self.round_finished.emit()

    def shutdown(self) -> None:
        """Leave the round: stop listening and speaking, and keep the answer on screen."""
        if self.capture is not None:
            self.capture.stop("end")
        self.voice.stop()
        self._save(self._shown_attempt())

    def _shown_attempt(self) -> Attempt | None:
        """The attempt on the result screen, if it belongs to this round."""
        attempt = self.rs.attempt
        if self.round is None or attempt is None:
            return None
        return attempt if attempt in self.round.attempts_for(attempt.question.id) else None


def _follow_up(attempt: Attempt, problem: Signal) -> str | None:
    if attempt.feedback is None:
        return None
    try:
        return services.follow_up_for(attempt.feedback, attempt.question)
    except InterviewerError as exc:
        problem.emit(exc)
        return None


def _question_id(item: Any) -> str:
    """due_questions may give ids, questions, or (id, ...) rows."""
    if isinstance(item, str):
        return item
    if isinstance(item, tuple | list):
        return str(item[0])
    return str(getattr(item, "id", getattr(item, "question_id", item)))

"""The app's side of a round: screens, voice, microphone and jobs for the practice flow.

interviewer.practice.PracticeFlow decides every step (the same object runs terminal
practice). This adapter shows what it asks to show and listens for the answer on Qt's
terms, and reports the candidate's clicks and keys back to it; speaking and running its
slow calls are round_ports.py's RoundSpeaker and JobRunner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from interviewer import paths
from interviewer.banks import Library, Question
from interviewer.capture.no_sound import no_sound_error
from interviewer.capture.recording import read_repaired, recording_name
from interviewer.errors import InterviewerError
from interviewer.history.unsaved import read_unsaved
from interviewer.practice import (
    Answer,
    AnswerTimes,
    Attempt,
    PracticeFlow,
    Round,
    answer_times,
    posting_round,
    round_for,
)
from interviewer.practice.length import length_target
from interviewer.practice.persona_lines import PersonaLines
from interviewer.practice.scoring import score_attempt
from interviewer.practice.session import Filters
from interviewer.settings import Settings
from interviewer.speech import read_pcm
from interviewer.transcript import Transcript
from interviewer.ui.answer_capture import AnswerCapture, CaptureResult, speech_context
from interviewer.ui.audio_in import AudioInput, FileAudioInput
from interviewer.ui.audio_out import Player
from interviewer.ui.evidence_list import locate
from interviewer.ui.history_link import HistoryLink
from interviewer.ui.jobs import Jobs
from interviewer.ui.question_screen import QuestionScreen
from interviewer.ui.result_screen import ResultScreen
from interviewer.ui.round_ports import JobRunner, RoundSpeaker
from interviewer.ui.start_screen import StartChoice
from interviewer.ui.summary_screen import SummaryScreen
from interviewer.ui.voice import Voice
from interviewer.ui.widgets import fmt_seconds

InputFactory = Callable[[Settings], AudioInput]
LOADED_FILE_SPEED = 8.0  # a loaded recording streams through the same path, faster than life


class RoundController(QObject):
    show_screen = Signal(QObject)
    problem = Signal(object)  # InterviewerError for the message bar
    problem_over = Signal(object)  # an InterviewerError that no longer holds
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
        self.speaker = RoundSpeaker(self.voice, settings, question, self)
        self.runner = JobRunner(jobs, self.problem.emit)
        self.history = HistoryLink(jobs, self)
        self.flow: PracticeFlow | None = None
        self._pending: Round | None = None  # a mock interview waiting for its persona
        self.capture: AnswerCapture | None = None
        self.session_id: int | None = None
        self._kept_audio: Path | None = None  # a recording answered from, not re-recorded
        self._answer_to: Callable[[Answer | None], None] | None = None  # the flow's `then`
        self._playback: Player | None = None
        self.seed: int | None = None  # fixed in tests for a repeatable mock interview
        self.posting: Any = None  # the PostingSession of a mock built for a job posting
        self._connect_callbacks()

    @property
    def round(self) -> Round | None:
        return self.flow.round if self.flow is not None else None

    @property
    def follow_up(self) -> str | None:
        return self.flow.follow_up if self.flow is not None else None

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
        self.rs.play_moment_requested.connect(self._play_moment)
        self.rs.hear_sample_requested.connect(self.voice.say)
        self.rs.rescore_requested.connect(self._on_rescore)
        self.rs.rated.connect(self._on_rated)
        self.speaker.problem.connect(self.problem)
        self.history.problem.connect(self.problem)
        self.history.session_started.connect(self._on_session)

    # --- starting a round

    def start(self, choice: StartChoice) -> None:
        """Build the question list for the chosen mode, then ask the first question."""
        filters = Filters(choice.difficulties, choice.categories)
        self.posting = None
        try:
            bank = self.library.bank(choice.bank_id)
            if choice.mode == "review":
                self.history.due_questions(bank.id, lambda due: self._start_review(
                    bank.questions, due or [], filters))
                return
            round_ = round_for(choice.mode, bank.questions, filters,
                               count=choice.mock_count if choice.mode == "mock" else None,
                               shuffle=choice.shuffle, seed=self.seed)
        except InterviewerError as exc:
            self.problem.emit(exc)
            return
        self._begin(round_, bank.id)

    def start_posting(self, session: Any) -> None:
        """A mock interview of the questions built for a job posting (its session bank id
        is the posting's); its terms prime the recognizer."""
        self.posting = session
        self._begin(posting_round(session.questions), session.bank_id)

    def _start_review(self, questions: Sequence[Question], due: list[str],
                      filters: Filters) -> None:
        try:
            round_ = round_for("review", questions, filters, due=due)
        except InterviewerError as exc:
            self.problem.emit(exc)
            return
        self._begin(round_, round_.current.bank_id)

    def recover(self, path: Path, question: Question) -> None:
        """Score a recording a crash left without an attempt, as a one-question round.

        The file stays where it is and becomes the attempt's audio; nothing is re-recorded.
        """
        self._begin(Round("practice", [question]), question.bank_id, ask=False)
        self.qs.reveal_text()
        if path.name.endswith(".unsaved.json"):  # typed; kept when the history refused it
            self.info.emit("Scoring the answer the history could not save, on this question.")
            self.jobs.run(lambda: read_unsaved(path),
                          on_done=lambda kept: self._on_typed(
                              kept.corrected_text or kept.transcript.text),
                          on_error=self.problem.emit)
            return
        self.info.emit(f"Scoring the recording {path.name} on this question.")
        self.load_file(path, recovered=True)

    def _begin(self, round_: Round, bank_id: str, ask: bool = True) -> None:
        self.session_id = None
        if ask and round_.mode == "mock":  # the interviewer's lines need the persona first
            self.flow = None
            self._pending = round_
            self.voice.with_persona(lambda persona: self._open(round_, bank_id, persona))
        else:
            self._open(round_, bank_id, None, ask)

    def _open(self, round_: Round, bank_id: str, persona: PersonaLines | None,
              ask: bool = True) -> None:
        if round_.mode == "mock" and ask and self._pending is not round_:
            return  # left in the meantime
        self._pending = None
        self.flow = PracticeFlow(
            round_, bank_id, speaker=self.speaker, answers=self, runner=self.runner,
            transcribe=_no_transcriber,  # the app's capture hands over a transcript
            score=lambda q, answer, pcm: score_attempt(q, answer, pcm, self.library),
            store=self.history, front=self, times=self._times_for, persona=persona,
            probes=self.settings.probes, probe_practice=self.settings.probe_practice)
        self.flow.start(ask)

    def _on_session(self, session_id: int) -> None:
        self.session_id = session_id

    def _times_for(self, question: Question) -> AnswerTimes:
        return answer_times(question, self.settings)

    # --- the flow's answer source (speaker and runner: round_ports.py)

    def listen(self, question: Question, times: AnswerTimes,
               then: Callable[[Answer | None], None]) -> None:
        """The answer may start: it goes back through `then` once captured. Record at
        once if the candidate chose so."""
        self._answer_to = then
        if self.settings.auto_record and not self._recording() and self.qs.isVisible():
            self.start_recording()

    def has_more(self) -> bool:
        return True  # a person is there: they can always answer again

    def _on_replay(self) -> None:
        if self.flow is not None and not self._recording():
            self.qs.set_speaking(True)
            self.flow.replay()

    def _on_hide_changed(self, hidden: bool) -> None:
        self.settings.hide_question_text = hidden

    # --- the flow's front: screens

    def show_question(self, question: Question, progress: str) -> None:
        """The question on screen, the clock at zero; no voice, no recording yet."""
        self.problem_over.emit(no_sound_error())  # a warning belongs to the last answer
        self._answer_to = None  # a new question: the flow says when to listen for it
        self.qs.show_question(question, progress, self.settings.hide_question_text)
        self.qs.countdown.setText("")
        self._on_elapsed(0.0)
        self.show_screen.emit(self.qs)

    def show_follow_up(self, line: str) -> None:
        self.qs.show_follow_up(line, self.settings.hide_question_text)

    def nothing_heard(self, question: Question, choose: bool) -> None:
        self.qs.set_engine_done("no words heard, nothing saved")
        if choose:
            self.info.emit("No words were heard in that answer, so nothing was saved: "
                           "answer again, type it, or go on with End.")
        else:
            self.info.emit("No words were heard in that answer; the interview goes on.")

    def cannot_transcribe(self, audio_path: Path | None) -> None:
        kept = f" Your recording is kept at {audio_path}." if audio_path else ""
        self.info.emit("The answer could not be transcribed: type it instead." + kept)
        self.qs.show_typing()

    def show_scored(self, attempt: Attempt, previous: Attempt | None, choose: bool) -> None:
        if not choose or self.flow is None:
            return  # a mock interview shows its feedback at the end
        self.rs.show_attempt(attempt, previous, self.flow.round.is_last)
        self.show_screen.emit(self.rs)
        self.result_shown.emit(attempt)

    def ask_rating(self, attempt: Attempt, then: Callable[[int | None], None]) -> None:
        then(None)  # given on the result screen (its 1-5 keys) through flow.rate

    def show_summary(self, title: str, round_: Round, closing: str) -> None:
        if self.posting is not None:
            title = f"{title}: {self.posting.posting.name}"
        self.ss.show_round(title, round_.groups(), closing)
        self.show_screen.emit(self.ss)
        self.round_finished.emit()

    # --- recording

    def _recording(self) -> bool:
        return self.capture is not None and self.capture.running

    def toggle_recording(self) -> None:
        if self._recording():
            assert self.capture is not None
            self.capture.stop("key")
        elif self.capture is None:
            self.start_recording()

    def start_recording(self, source: AudioInput | None = None,
                        kept_audio: Path | None = None) -> None:
        """Listen for the answer: audio to disk and to the recognizer as it arrives.

        The interviewer is silenced first: the microphone never hears the question.
        With `kept_audio` (the file `source` reads), nothing is written: that file
        already holds the answer and becomes the attempt's recording.
        """
        if self.flow is None or self.flow.finished or self.capture is not None:
            return
        self.speaker.silence()
        question = self.flow.round.current
        source = source or self.input_factory(self.settings)
        self._kept_audio = kept_audio
        wav = None if kept_audio else (paths.ensure(paths.recordings_dir())
                                       / recording_name(question))
        bank = next((b for b in self.library.banks if b.id == question.bank_id), None)
        context = speech_context(question, bank.questions if bank else ())
        if self.posting is not None:  # the posting's questions and terms instead
            context = speech_context(question, self.posting.questions,
                                     self.posting.vocabulary_text())
        capture = AnswerCapture(self.jobs, source, wav, self.settings.engine,
                                self.settings.model_path, self.settings.silence_stop_s,
                                self._times_for(question).limit_s, self, context=context)
        capture.engine_ready.connect(self.qs.set_engine)
        capture.partial.connect(self.qs.set_partial)
        capture.level.connect(self.qs.set_level)
        capture.elapsed.connect(self._on_elapsed)
        capture.problem.connect(self.problem)
        capture.problem_over.connect(self.problem_over)
        capture.done.connect(self._on_capture_done)
        self.capture = capture
        if self._answer_to is None:  # before the interviewer finished: answering now
            self.flow.answer_now()
        self.qs.set_recording(True)
        self._on_elapsed(0.0)
        capture.start()
        self.recording_started.emit()

    def _on_elapsed(self, seconds: float) -> None:
        if self.flow is None:
            return
        times = self._times_for(self.flow.round.current)
        self.qs.set_elapsed(seconds, int(times.target_s), int(times.limit_s))
        self._show_length(seconds)
        if self.flow.round.mode == "mock":
            self.qs.countdown.setText(f"Time left: {fmt_seconds(times.limit_s - seconds)}")

    def _show_length(self, seconds: float) -> None:
        """The length bar against the question's target; at its upper end, one cue."""
        if self.flow is None:
            return
        target = length_target(self.flow.round.current)
        if seconds <= 0 or self.qs.length.target != target:
            self.qs.length.set_target(target)
        self.qs.length.set_elapsed(seconds)
        if seconds >= target[1] and self.settings.wrap_up_cue:
            self.qs.length.wrap_up()

    def _on_capture_done(self, result: CaptureResult) -> None:
        self.capture = None
        self.qs.set_recording(False)
        self.qs.set_engine_done("transcript ready" if result.transcript is not None
                                else "no transcript")
        answer = result.answer
        answer.audio_path = answer.audio_path or self._kept_audio
        self._kept_audio = None
        if result.error is not None:
            self.problem.emit(result.error)
        if answer.transcript is None:
            self.cannot_transcribe(answer.audio_path)  # still listening: type or record again
        elif self._answer_to is not None:
            deliver, self._answer_to = self._answer_to, None
            deliver(answer)

    def _on_load_file(self) -> None:
        from interviewer.ui.file_dialogs import open_file  # Documents or the folder last used

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

        read = read_repaired if recovered else read_pcm
        self.jobs.run(lambda: read(path), on_done=loaded, on_error=failed)

    def _on_typed(self, text: str) -> None:
        if self.flow is not None:
            self.flow.typed(text)

    # --- the candidate's choices

    def _on_rescore(self, text: str) -> None:
        attempt = self.rs.attempt
        if self.flow is not None and attempt is not None:
            self.flow.rescore(attempt, text)

    def _on_rated(self, rating: int) -> None:
        attempt = self.rs.attempt
        if self.flow is not None and attempt is not None:
            self.flow.rate(attempt, rating)

    def retry(self) -> None:
        if self.flow is not None:
            self.flow.retry()

    def next_question(self) -> None:
        if self.flow is not None:
            self.flow.next()

    def _play_answer(self) -> None:
        attempt = self.rs.attempt
        if attempt is None or attempt.audio_path is None:
            return
        try:
            if self._playback is None:
                self._playback = Player(self)
            self._playback.play(attempt.audio_path)
        except InterviewerError as exc:
            self.problem.emit(exc)

    def _play_moment(self, start_s: float, end_s: float) -> None:
        """Play one moment of the answer (a key point's evidence). A follow-up's answer is
        timed as the recordings joined end to end: find the one that holds the moment."""
        attempt = self.rs.attempt
        if attempt is None:
            return
        chain = [attempt]
        while chain[0].first is not None:
            chain.insert(0, chain[0].first)
        k, start, end = locate([part.answer().duration for part in chain], start_s, end_s)
        path = chain[k].audio_path
        if path is None:
            return
        try:
            if self._playback is None:
                self._playback = Player(self)
            self._playback.play_span(path, start, end)
        except InterviewerError as exc:
            self.problem.emit(exc)

    def finish_round(self) -> None:
        if self.flow is None:
            return
        self._silence()
        self.flow.finish()

    def shutdown(self) -> None:
        """Leave the round: stop listening and speaking, and keep the answer on screen."""
        self._silence()
        if self.flow is not None:
            self.flow.leave()

    def _silence(self) -> None:
        if self.capture is not None:
            self.capture.stop("end")
        self.speaker.silence()


def _no_transcriber(pcm: bytes, question: Question) -> Transcript:
    raise InterviewerError("the app transcribes while it records",
                           "record the answer again, or type it")

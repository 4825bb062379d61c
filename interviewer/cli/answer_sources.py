"""Where the terminal mode's answers come from: audio files, the microphone, or the keyboard.

Each source returns an interviewer.practice `Answer` (the audio if any, and where it
is kept, or the typed text) or None when it has no more answers, so the practice flow
never needs to know which it has.
Each also reads a line from the keyboard (`read_line`, for the self-rating): the
microphone source owns stdin for its Enter presses, so lines must come through it.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from interviewer import paths
from interviewer.banks import Question
from interviewer.capture.microphone import Microphone, open_microphone, record
from interviewer.capture.recording import RecordingWriter, recording_name
from interviewer.cli.live_text import LiveFeed, tail_fitting
from interviewer.cli.term import Style, bar, clock
from interviewer.errors import InterviewerError
from interviewer.pcm import level as meter_level
from interviewer.practice import Answer
from interviewer.transcript import Transcript

if TYPE_CHECKING:
    from interviewer.speech.base import Stream

AUDIO_SUFFIXES = (".wav", ".flac", ".aiff", ".aif")
SILENCE_STOP_SECONDS = 4.0


class AnswerSource(Protocol):
    @property
    def exhausted(self) -> bool: ...

    def next_answer(self, time_limit: float, question: Question | None = None
                    ) -> Answer | None: ...

    def read_line(self, prompt: str) -> str: ...

    def close(self) -> None: ...


def answer_files(folder: Path) -> list[Path]:
    """The audio files in a folder, in name order; a clear error when there are none."""
    if not folder.is_dir():
        raise InterviewerError(f"{folder}: not a folder", "pass a folder of answer recordings")
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in AUDIO_SUFFIXES)
    except OSError as exc:
        raise InterviewerError(f"{folder}: cannot read the folder ({exc.strerror or exc})",
                               "check the folder's permissions") from exc
    if not files:
        raise InterviewerError(f"{folder}: no audio files ({', '.join(AUDIO_SUFFIXES)})",
                               "record one answer per file; they are used in name order")
    return files


class FileAnswers:
    """Answers from recordings, one file per answer in name order: a scripted session."""

    def __init__(self, folder: Path, out: Callable[[str], None],
                 read: Callable[[str], str] = input) -> None:
        self.files = answer_files(folder)
        self.out = out
        self._read = read  # a scripted session can pipe its self-ratings in

    @property
    def exhausted(self) -> bool:
        return not self.files

    def read_line(self, prompt: str) -> str:
        return self._read(prompt)

    def close(self) -> None:
        pass

    def next_answer(self, time_limit: float, question: Question | None = None) -> Answer | None:
        from interviewer.speech import read_pcm

        if not self.files:
            return None
        path = self.files.pop(0)
        self.out(f"  (answer from {path.name})")
        try:
            return Answer(pcm=read_pcm(path), audio_path=path)
        except InterviewerError as exc:  # this question goes unanswered; the session goes on
            self.out(f"  cannot use this answer: {exc.message}")
            return Answer(transcript=Transcript.typed(""))


class TypedAnswers:
    """Answers typed at the prompt: for SSH sessions and machines with no microphone."""

    exhausted = False

    def __init__(self, out: Callable[[str], None], read: Callable[[str], str] = input) -> None:
        self.out = out
        self._read = read

    def read_line(self, prompt: str) -> str:
        return self._read(prompt)

    def next_answer(self, time_limit: float, question: Question | None = None) -> Answer | None:
        self.out("  Type your answer on one line (empty line to skip, Ctrl-D to stop):")
        try:
            text = self.read_line("  > ")
        except EOFError:
            return None
        return Answer(transcript=Transcript.typed(text))

    def close(self) -> None:
        pass


class MicAnswers:
    """Answers spoken into the default microphone, with a live level bar and countdown."""

    exhausted = False

    def __init__(self, mic: Microphone, style: Style,
                 silence_stop: float | None = SILENCE_STOP_SECONDS) -> None:
        self.mic = mic
        # Opens a recognizer stream for a question (loaded while the question was read),
        # so the answer is transcribed as it is spoken; None transcribes it afterwards.
        self.live: Callable[[Question | None], Stream] | None = None
        self.style = style
        self.silence_stop = silence_stop
        self.enter_presses: queue.Queue[str] = queue.Queue()
        self.stdin_closed = threading.Event()
        threading.Thread(target=_read_enter_presses,
                         args=(self.enter_presses, self.stdin_closed), daemon=True).start()

    def next_answer(self, time_limit: float, question: Question | None = None) -> Answer | None:
        while not self.enter_presses.empty():  # an Enter pressed during the question
            self.enter_presses.get_nowait()
        sys.stdout.write("  Speak now; press Enter when you are done.\n")

        path = recording_path(question)
        live = self.live
        feed = LiveFeed(lambda: live(question)) if live is not None else None
        with RecordingWriter(path) as writer:
            def show(chunk: bytes, elapsed: float) -> None:
                writer.write(chunk)  # on disk as it is spoken: a crash loses a second at most
                level = bar(meter_level(chunk), width=30, full="|", empty=" ")
                left = clock(time_limit - elapsed)
                line = f"  mic {level} {left} left "
                if feed is not None:
                    feed.feed(chunk)
                    line += tail_fitting(feed.text, len(line))
                sys.stdout.write(f"\r\x1b[K{line.replace(left, self.style(left, 'bold'), 1)}")
                sys.stdout.flush()

            pcm = record(self.mic, lambda: not self.enter_presses.empty(), time_limit, show,
                         self.silence_stop)
        sys.stdout.write("\n")
        if feed is None:
            return Answer(pcm=pcm, audio_path=path)
        sys.stdout.write(self.style("  (finishing the transcript...)", "dim") + "\n")
        try:
            transcript = feed.finish()
        except InterviewerError as exc:  # transcribed again from the audio, as without live
            sys.stdout.write(self.style(f"  ({exc.message})", "dim") + "\n")
            return Answer(pcm=pcm, audio_path=path)
        if transcript.note:
            sys.stdout.write(self.style(f"  ({transcript.note})", "dim") + "\n")
        return Answer(transcript=transcript, pcm=pcm, audio_path=path)

    def read_line(self, prompt: str) -> str:
        """The next line typed, from the session's one stdin reader; EOFError at its end."""
        sys.stdout.write(prompt)
        sys.stdout.flush()
        while True:
            try:
                return self.enter_presses.get(timeout=0.1).rstrip("\n")
            except queue.Empty:
                if self.stdin_closed.is_set() and self.enter_presses.empty():
                    raise EOFError from None

    def close(self) -> None:
        self.mic.close()


def _read_enter_presses(presses: queue.Queue[str], closed: threading.Event) -> None:
    """One reader for the whole session; at end of input, silence or the time limit stop."""
    try:
        while line := sys.stdin.readline():
            presses.put(line)
    except (OSError, ValueError):
        pass
    closed.set()


def recording_path(question: Question | None = None) -> Path:
    """A new file in the recordings folder, so history can play the answer back; named
    for its question, so the app can offer it back on that question after a crash."""
    folder = paths.ensure(paths.recordings_dir())
    if question is not None:
        return folder / recording_name(question)
    return folder / f"answer-{datetime.now():%Y%m%d-%H%M%S-%f}.wav"


def choose_source(answers_dir: Path | None, typed: bool, style: Style,
                  out: Callable[[str], None],
                  silence_stop: float | None = SILENCE_STOP_SECONDS) -> AnswerSource:
    """Files if given, else the microphone, else (no device, or --typed) the keyboard."""
    if answers_dir is not None:
        return FileAnswers(answers_dir, out)
    if typed:
        return TypedAnswers(out)
    from interviewer.capture.microphone import NoMicrophoneError

    try:
        return MicAnswers(open_microphone(), style, silence_stop)
    except NoMicrophoneError as exc:
        out(style(f"No microphone here: {exc.message}. You can type your answers instead.",
                  "yellow"))
        return TypedAnswers(out)

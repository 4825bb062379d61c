"""The core's answer pipe: a recording to disk and through the recognizer as it arrives,
returned as the Answer the practice flow takes, with its audio in memory."""

from __future__ import annotations

from pathlib import Path

from interviewer.capture.recording import RecordingWriter
from interviewer.errors import InterviewerError
from interviewer.pcm import BYTES_PER_SECOND
from interviewer.practice.answer_pipe import AnswerPipe
from interviewer.speech import read_pcm
from interviewer.speech.audio import chunks
from tests.interviewer.speech.tape_engine import TAPE, TapeRecognizer
from tests.speech_answers import spoken_answers

RECORDING = next(a for a in spoken_answers() if a.id == "a01").path


def tape(tmp_path: Path) -> TapeRecognizer:
    folder = tmp_path / "tape-model"
    folder.mkdir()
    (folder / TAPE).write_text("we collect within thirty days", encoding="utf-8")
    return TapeRecognizer(folder)


def test_the_answer_comes_back_with_its_words_audio_and_file(tmp_path: Path) -> None:
    recognizer = tape(tmp_path)
    wav = tmp_path / "recordings" / "answer.wav"
    pipe = AnswerPipe(wav, lambda: recognizer, RecordingWriter, context="a question")
    assert pipe.open() == "tape (tape-model)"
    pcm = read_pcm(RECORDING)
    for piece in chunks(pcm, 0.1):
        assert pipe.feed(piece) == ""
    answer = pipe.finish()
    assert answer.transcript is not None
    assert answer.transcript.text == "we collect within thirty days"
    assert answer.pcm == pcm and answer.audio_path == wav
    assert read_pcm(wav) == pcm  # the file holds the same audio the scorer gets
    assert answer.transcript.duration == len(pcm) / BYTES_PER_SECOND
    assert pipe.problems == [] and pipe.notices == []


def test_without_a_recognizer_the_recording_and_audio_are_still_kept(tmp_path: Path) -> None:
    def broken() -> TapeRecognizer:
        raise InterviewerError("no Vosk model is installed", "install one")

    wav = tmp_path / "answer.wav"
    pipe = AnswerPipe(wav, broken, RecordingWriter)
    assert pipe.open() == "no recognizer: type your answer"
    assert [p.message for p in pipe.problems] == ["no Vosk model is installed"]
    assert pipe.feed(b"\1\0" * 1600) is None
    answer = pipe.finish()
    assert answer.transcript is None and answer.pcm == b"\1\0" * 1600
    assert answer.audio_path == wav and wav.is_file()


def test_a_folder_that_cannot_be_written_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    pipe = AnswerPipe(blocked / "answer.wav", lambda: tape(tmp_path), RecordingWriter)
    pipe.open()
    assert pipe.problems and "cannot be saved" in pipe.problems[0].message
    pipe.feed(b"\0\0" * 1600)
    answer = pipe.finish()
    assert answer.audio_path is None and pipe.saved_path is None
    assert answer.transcript is not None  # heard all the same

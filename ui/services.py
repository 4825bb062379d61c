"""The app's one doorway to the other parts (speech, recording, analysis, voices, history, mock).

Every call imports its module when first used, so a part that is missing or broken
in an install becomes a clear InterviewerError the user can read, never a crash at
start-up; and tests can see in one place what the app depends on.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from interviewer.errors import InterviewerError

_PARTS = {
    "interviewer.speech": "speech recognition",
    "interviewer.recording": "saving recordings",
    "interviewer.analysis": "answer feedback",
    "interviewer.history": "history",
    "interviewer.mock": "mock interviews",
    "voices.tts": "spoken questions",
    "voices.personas": "interviewer personas",
    "ui.audio_out": "playback",
    "ui.history_view": "the history screen",
}


def part(name: str) -> ModuleType:
    """Import one part, turning a missing module into a message that says what is lost."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise InterviewerError(
            f"{_PARTS.get(name, name)} is not available in this install ({exc})",
            "reinstall interviewer with ./start.sh; meanwhile you can type your answers",
        ) from exc


def load_recognizer(engine: str = "auto", model_path: str = "") -> Any:
    """The recognizer, run in its own process so its C decoder never stalls the UI."""
    part("interviewer.speech")
    from interviewer.recognizer_process import shared

    return shared(engine, model_path or None)


def install_model(source: str, progress: Any) -> Any:
    """Install a Vosk model (known name, URL, .zip or folder); restart the recognizer."""
    info = part("interviewer.speech.install").install_model(source, progress=progress)
    from interviewer.recognizer_process import close_all

    close_all()
    return info


def read_pcm(path: Path) -> bytes:
    return part("interviewer.speech").read_pcm(path)


def read_repaired(path: Path) -> bytes:
    """A recording a crash cut short, with the audio its header had not yet counted."""
    return part("interviewer.recording").read_repaired(path)


def recording_writer(path: Path) -> Any:
    return part("interviewer.recording").RecordingWriter(path)


def score_answer(question: Any, answer: Any, audio_paths: list[Path | None] = ()) -> Any:
    """Score an answer; with its recordings (in the order spoken), delivery also counts
    hesitations. A follow-up's answer comes with two recordings, joined here."""
    pcm = None
    if audio_paths and None not in audio_paths and not isinstance(answer, str) \
            and answer.has_timings:
        try:
            pcm = b"".join(read_pcm(path) for path in audio_paths)
        except InterviewerError:
            pcm = None  # a damaged recording still gets a score from its words
    return part("interviewer.analysis").score_answer(question, answer, pcm=pcm)


def synthesize(text: str, voice: str | None = None, rate: int | None = None,
               volume: float | None = None) -> Path:
    return part("voices.tts").synthesize(text, voice=voice or None, rate=rate or None,
                                         volume=volume)


def preferred_voice(preference: str) -> str:
    """The id of the installed voice closest to a persona's preference."""
    return part("voices.tts").preferred_voice(preference).id


def list_voices() -> list[Any]:
    return part("voices.tts").list_voices()


def load_personas() -> list[Any]:
    return part("voices.personas").load_personas()


def make_player(parent: Any = None) -> Any:
    return part("ui.audio_out").Player(parent)


def history_store() -> Any:
    return part("interviewer.history").HistoryStore()


def plan_mock(questions: list[Any], count: int, seed: int | None = None) -> list[Any]:
    return part("interviewer.mock").plan_mock(questions, count, seed=seed)


def follow_up_for(feedback: Any, question: Any = None) -> str | None:
    return part("interviewer.mock").follow_up_for(feedback, question)

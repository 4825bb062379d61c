"""The app and the terminal give a persona the same voice, rate and volume.

Both synthesise for real; the WAV lands in the cache under a key made of the text,
voice id, rate and volume, so one path for both means one choice. Only playback is
caught, at its edge, so the test makes no sound.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.cli.speaker import Speaker
from interviewer.cli.term import Style
from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.voice import Voice
from interviewer.voices import playback, tts
from interviewer.voices.personas import find_persona

LINE = "Tell me about a time you found the cause of a problem."


def _app_wav(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Path:
    voice = Voice(Jobs(synchronous=True), settings)
    played: list[Path] = []
    monkeypatch.setattr(voice, "_play", played.append)
    voice.say(LINE)
    assert played, "the app did not speak"
    return played[0]


def _terminal_wav(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Path:
    played: list[Path] = []
    monkeypatch.setattr(playback, "play_wav", played.append)
    said: list[str] = []
    speaker = Speaker(said.append, Style(False), voice=True,
                      persona=find_persona(settings.persona), voice_id=settings.voice,
                      rate=settings.rate)
    speaker.say(LINE)
    assert played, f"the terminal did not speak: {said}"
    return played[0]


@pytest.mark.parametrize("persona", ["warm_recruiter", "slow_clear"])
@pytest.mark.parametrize("saved", ["default", "installed", "uninstalled"])
def test_app_and_terminal_pick_the_same_voice(persona: str, saved: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    voice = {"default": "", "installed": tts.list_voices()[-1].id,
             "uninstalled": "piper:xx_XX-gone-medium"}[saved]
    settings = Settings(persona=persona, voice=voice, rate=0 if saved == "default" else 210)
    app, terminal = _app_wav(settings, monkeypatch), _terminal_wav(settings, monkeypatch)
    assert app == terminal
    assert app.is_file()

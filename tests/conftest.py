"""Test-wide setup: user data in a temporary folder, Qt offscreen unless a test asks for X."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def interviewer_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own INTERVIEWER_HOME: the real home is never touched."""
    home = tmp_path / "home"
    monkeypatch.setenv("INTERVIEWER_HOME", str(home))
    return home


@pytest.fixture
def artifacts() -> Path:
    """Where tests leave files a person should look at (screenshots, reports)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def pulse_server(tmp_path_factory: pytest.TempPathFactory):
    """A real PulseAudio server for the whole run; the process environment points Qt at it.

    Session-scoped because Qt reads the audio server once per process.
    """
    from tests.audio_server import start_pulse

    server = start_pulse(tmp_path_factory.mktemp("pulse-runtime"))
    saved = {k: os.environ.get(k) for k in server.env}
    os.environ.update(server.env)
    yield server
    server.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


# ./test.sh -m "not slow" is the quick loop: it leaves out every test that starts the audio
# server (asks for `pulse_server`, directly or through another fixture), loads a speech
# model, kills processes or runs the real command in child processes under limits (a full
# disk, a read-only home, no memory): the modules below.
SLOW_MODULES = frozenset({
    "tests/interviewer/hardening/test_hostile_banks.py",
    "tests/interviewer/hardening/test_hostile_models.py",
    "tests/interviewer/history/test_kill_during_migration.py",
    "tests/interviewer/history/test_kill_during_save.py",
    "tests/interviewer/history/test_orphans.py",
    "tests/interviewer/hardening/test_hostile_inputs.py",
    "tests/interviewer/speech/test_speech_edges.py",
    "tests/interviewer/speech/test_speech_whisper.py",
    "tests/interviewer/speech/test_whisper_install.py",
    "tests/packaging/test_built_wheel.py",
    "tests/interviewer/analysis/test_delivery.py",
    "tests/interviewer/test_packaging.py",
    "tests/interviewer/cli/test_practice_cli.py",
    "tests/interviewer/cli/test_practice_echo.py",
    "tests/interviewer/speech/test_recognizer_process.py",
    "tests/interviewer/capture/test_recording.py",
    "tests/interviewer/cli/test_score_cmd.py",
    "tests/interviewer/speech/test_speech_errors.py",
    "tests/interviewer/speech/test_speech_sphinx.py",
    "tests/interviewer/speech/test_speech_vosk.py",
    "tests/interviewer/cli/test_transcribe_cli.py",
    "tests/interviewer/test_pcm.py",
    "tests/ui/test_capture_stops.py",
    "tests/ui/test_flow.py",
    "tests/ui/test_keyboard_round.py",
    "tests/ui/test_microphone_lost.py",
    "tests/ui/test_mock.py",
    "tests/ui/test_no_microphone.py",
    "tests/ui/test_recovery.py",
    "tests/ui/test_same_round_both_ways.py",
    "tests/ui/test_stall.py",
    "tests/ui/test_report_pdf.py",
    "tests/ui/test_capture_two_pass.py",
    "tests/ui/test_score_from_memory.py",
    "tests/ui/test_screen_details.py",
    "tests/ui/test_screenshots.py",
    "tests/ui/test_no_sound_warning.py",  # records from the (virtual) microphone
    "tests/voices/test_intelligibility.py",
    "tests/voices/test_personas.py",
    "tests/voices/test_piper.py",
    "tests/voices/test_worker.py",
    "tests/voices/test_cli.py",
    "tests/voices/test_tts.py",
})
AUDIO_SERVER_WANTED = pytest.StashKey[bool]()


def _is_slow(item: pytest.Item) -> bool:
    module = Path(str(item.fspath)).resolve().relative_to(REPO).as_posix()
    return module in SLOW_MODULES or "pulse_server" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The app's tests get the audio server only when some slow test runs too: Qt reads
    the server once per process, so it must be up before the first window if any test
    will need it, and is not started at all in the quick loop."""
    session.config.stash[AUDIO_SERVER_WANTED] = any(
        item.get_closest_marker("slow") for item in session.items)


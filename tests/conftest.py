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

"""The engine table is the one home of engine facts: a new engine is one module plus one
entry, and the settings, `model list`, the plan, `transcribe` and loading all take it up."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from interviewer.cli.main import main
from interviewer.settings import Settings
from interviewer.speech import engines, load_recognizer, registry
from interviewer.speech.registry import ENGINES, FINAL, Engine, choices
from tests.interviewer.speech import tape_engine
from tests.interviewer.speech.tape_engine import TapeRecognizer, is_tape

ANSWER = Path(__file__).parents[2] / "speech_answers" / "a01.flac"


@dataclass(frozen=True)
class TapeModel:
    name: str
    path: Path | None
    source: str = "installed"
    language: str = "en"


@pytest.fixture
def tape_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tape-demo"
    folder.mkdir()
    (folder / tape_engine.TAPE).write_text("we cut overdue invoices by half", encoding="utf-8")
    return folder


@pytest.fixture
def tape(monkeypatch: pytest.MonkeyPatch, tape_folder: Path) -> Engine:
    """The one entry a new engine adds to registry.ENGINES."""
    model = TapeModel(tape_folder.name, tape_folder)

    def locate(path: Path | None) -> Path:
        return (path or tape_folder).resolve()

    entry = Engine(name="tape", title="Tape", label="Tape (plays back a written answer)",
                   kind=FINAL, finishes_late=True, expect="; it knows one answer by heart.",
                   missing="No tape is loaded.", make=lambda f: TapeRecognizer(f or tape_folder),
                   locate=locate, find=lambda: model, installed=lambda: [model],
                   is_model=is_tape)
    monkeypatch.setitem(ENGINES, "tape", entry)
    yield entry
    engines.forget(tape_folder)


def test_the_engine_table_is_the_one_source_of_choices() -> None:
    assert choices() == ("auto", "vosk", "sphinx", "whisper")
    assert [e.name for e in ENGINES.values() if e.kind == FINAL] == ["whisper"]
    assert [e.name for e in ENGINES.values() if e.finishes_late] == ["whisper"]
    assert registry.folder_kinds() == "Vosk or Whisper"
    assert Settings(engine="whisper").validated().engine == "whisper"
    assert Settings(engine="nope").validated().engine == "auto"


def test_a_new_engine_is_offered_listed_planned_and_used(
        tape: Engine, tape_folder: Path, capsys: pytest.CaptureFixture) -> None:
    assert "tape" in choices() and Settings(engine="tape").validated().engine == "tape"
    assert registry.folder_kinds() == "Vosk or Whisper or Tape"

    assert main(["model", "list"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["tape-demo", "tape", "en", "installed", str(tape_folder)] in rows
    assert main(["model", "list", "--json"]) == 0
    listed = {e["name"]: e for e in json.loads(capsys.readouterr().out)["engines"]}
    assert listed["tape"]["kind"] == "final transcript" and listed["tape"]["finishes_late"]
    assert listed["tape"]["models"][0]["path"] == str(tape_folder)

    assert engines.plan("tape") == ("Your answers are heard by Tape (tape-demo); it knows one "
                                    "answer by heart.")
    assert engines.plan("auto", tape_folder) == (
        f"Your answers are heard by Tape, using the model at {tape_folder}.")

    recognizer = load_recognizer("tape")
    assert isinstance(recognizer, TapeRecognizer)
    assert load_recognizer("tape", tape_folder) is recognizer  # one load per process
    assert load_recognizer("auto", tape_folder) is recognizer  # the folder says which engine

    assert main(["transcribe", "--engine", "tape", str(ANSWER)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "we cut overdue invoices by half"
    assert "finishing the transcript (Tape)" in err


def test_an_engine_without_model_folders_refuses_model(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    assert main(["transcribe", "--engine", "sphinx", "--model", str(tmp_path),
                 str(ANSWER)]) == 1
    err = capsys.readouterr().err
    assert "--model names a Vosk or Whisper model; it cannot be used with --engine sphinx" in err
    assert "drop --model, or use --engine vosk/whisper" in err

"""The user's preferences: a typed model with defaults, saved as JSON with a schema version.

Unknown keys are dropped and wrong types fall back to the default, so a hand-edited or
older file never stops the app from starting; a file that is not JSON at all is kept
aside (settings.json.broken) rather than overwritten silently.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from interviewer import paths, side_files
from interviewer.banks.files import write_atomic
from interviewer.banks.model import CATEGORIES, DIFFICULTIES
from interviewer.speech.registry import AUTO, choices

SCHEMA_VERSION = 2
MODES = ("practice", "mock", "review")
PROBE_SETTINGS = ("none", "one", "two")  # interviewer.practice.probing.PROBE_LIMITS


@dataclass
class Settings:
    """Preferences (how the app behaves) and the last start-screen choice (where it opens)."""

    persona: str = ""
    voice: str = ""
    rate: int = 0  # words per minute; 0 means the persona's or the voice's own rate
    microphone: str = ""  # device id; empty means the system default
    microphone_checked: bool = False  # the first-start microphone check was offered
    engine: str = AUTO
    model_path: str = ""
    auto_record: bool = True
    silence_stop_s: float = 4.0  # 0 turns silence stop off
    time_limit_s: int = 180
    target_s: int = 90
    font_pt: int = 11
    hide_question_text: bool = False
    speak_questions: bool = True
    # the last start-screen choice, so the app opens on it
    bank_id: str = ""
    mode: str = "practice"
    difficulties: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    shuffle: bool = True
    mock_count: int = 5
    probes: str = "two"  # follow-ups per question: "none", "one" or "two"
    probe_practice: bool = True  # probe behavioral questions in practice and review too
    wrap_up_cue: bool = True  # one quiet cue when an answer reaches its target's upper end
    last_folder: str = ""  # where the last Open or Save dialog was answered

    def validated(self) -> Settings:
        """Clamp values into ranges the app can use."""
        for f in fields(self):  # a NUL makes no path or device name
            if isinstance(getattr(self, f.name), str) and "\x00" in getattr(self, f.name):
                setattr(self, f.name, f.default)
        self.difficulties = [d for d in self.difficulties if d in DIFFICULTIES]
        self.categories = [c for c in self.categories if c in CATEGORIES]
        self.engine = self.engine if self.engine in choices() else AUTO
        self.mode = self.mode if self.mode in MODES else "practice"
        self.rate = max(0, min(self.rate, 400))
        self.silence_stop_s = max(0.0, min(self.silence_stop_s, 60.0))
        self.time_limit_s = max(10, min(self.time_limit_s, 1800))
        self.target_s = max(10, min(self.target_s, self.time_limit_s))
        self.font_pt = max(8, min(self.font_pt, 32))
        self.mock_count = max(1, min(self.mock_count, 20))
        self.probes = self.probes if self.probes in PROBE_SETTINGS else "two"
        return self


def _upgrade(data: dict[str, object]) -> dict[str, object]:
    """Bring an older file's keys up to SCHEMA_VERSION, one step at a time."""
    version = data.get("schema", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        version = 1
    if version < 2:
        # schema 1 stored one difficulty as a string
        difficulty = data.pop("difficulty", "")
        if isinstance(difficulty, str) and difficulty and "difficulties" not in data:
            data["difficulties"] = [difficulty]
    data["schema"] = SCHEMA_VERSION
    return data


def _coerce(default: object, value: object) -> object | None:
    """The value if it has the default's type (ints accepted for floats), else None."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return float(value)
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, list):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        return None
    return None


def from_dict(data: dict[str, object]) -> Settings:
    data = _upgrade(dict(data))
    settings = Settings()
    for f in fields(Settings):
        if f.name in data:
            value = _coerce(getattr(settings, f.name), data[f.name])
            if value is not None:
                setattr(settings, f.name, value)
    return settings.validated()


def load(path: Path | None = None) -> Settings:
    """Read settings; defaults when the file is missing, and defaults with a one-line
    warning when it cannot be used (one whose content is unusable is kept aside as
    settings.json.broken, when the folder allows it)."""
    data = side_files.json_object(path or paths.settings_file(), keep_aside=True)
    return from_dict(data) if data is not None else Settings()


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (a temporary file of its own, then rename) so a crash never leaves
    half a file, and two saves at once (the window closing while a job saves) never
    rename each other's temporary file away."""
    path = path or paths.settings_file()
    paths.ensure(path.parent)
    data = {"schema": SCHEMA_VERSION, **asdict(settings.validated())}
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
    return path

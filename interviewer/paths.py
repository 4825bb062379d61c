"""Where interviewer keeps its files: the one place that knows the user's directories.

Everything moves under one folder when INTERVIEWER_HOME is set, so tests and
portable installs never touch the real home.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "interviewer"
HOME_ENV = "INTERVIEWER_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Banks you wrote, models, recordings and history."""
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Things that can be made again, such as synthesised speech."""
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings."""
    home = _home_override()
    if home:
        return home / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def documents_dir() -> Path:
    """Where Open and Save dialogs start before the user has picked a folder."""
    home = _home_override()
    return home / "documents" if home else Path(platformdirs.user_documents_dir())


def user_banks_dir() -> Path:
    return data_dir() / "banks"


def models_dir() -> Path:
    return data_dir() / "models"


def recordings_dir() -> Path:
    return data_dir() / "recordings"


def history_db() -> Path:
    return data_dir() / "history.sqlite3"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def ensure(path: Path) -> Path:
    """Create a directory if it is missing and return it."""
    path.mkdir(parents=True, exist_ok=True)
    return path

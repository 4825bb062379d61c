from __future__ import annotations

from pathlib import Path

from interviewer import paths


def test_everything_moves_under_interviewer_home(interviewer_home: Path) -> None:
    for folder in (paths.data_dir(), paths.cache_dir(), paths.config_dir(),
                   paths.user_banks_dir(), paths.models_dir(), paths.recordings_dir()):
        assert folder.is_relative_to(interviewer_home)
    assert paths.history_db().is_relative_to(interviewer_home)


def test_without_override_uses_platform_dirs(monkeypatch) -> None:
    monkeypatch.delenv("INTERVIEWER_HOME")
    assert "interviewer" in str(paths.data_dir())
    assert paths.data_dir() != paths.cache_dir()

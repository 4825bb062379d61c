from __future__ import annotations

import json

from interviewer import paths, settings


def test_defaults_when_no_file() -> None:
    s = settings.load()
    assert s == settings.Settings()
    assert not paths.settings_file().exists()


def test_round_trip_through_the_real_file() -> None:
    s = settings.Settings(bank_id="ar-collector", mode="mock", difficulties=["hard"],
                          font_pt=14, silence_stop_s=2.5, auto_record=False)
    path = settings.save(s)
    assert path == paths.settings_file()
    data = json.loads(path.read_text())
    assert data["schema"] == settings.SCHEMA_VERSION
    assert settings.load() == s


def test_wrong_types_and_unknown_keys_fall_back_to_defaults() -> None:
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text(json.dumps(
        {"schema": 2, "font_pt": "huge", "auto_record": 1, "rate": 150, "bogus": 3,
         "silence_stop_s": 3, "engine": "julius", "difficulties": ["easy", 4]}))
    s = settings.load()
    assert s.font_pt == 11 and s.auto_record is True and s.engine == "auto"
    assert s.rate == 150 and s.silence_stop_s == 3.0 and s.difficulties == []


def test_values_are_clamped() -> None:
    s = settings.from_dict({"font_pt": 100, "time_limit_s": 5, "target_s": 999})
    assert s.font_pt == 32 and s.time_limit_s == 10 and s.target_s == 10


def test_schema_1_is_upgraded() -> None:
    s = settings.from_dict({"schema": 1, "difficulty": "medium"})
    assert s.difficulties == ["medium"]


def test_a_broken_file_is_kept_aside_not_lost() -> None:
    paths.ensure(paths.config_dir())
    paths.settings_file().write_text("{not json")
    assert settings.load() == settings.Settings()
    kept = paths.settings_file().with_name("settings.json.broken")
    assert kept.read_text() == "{not json"

"""Personas: the built-in ones load and speak; a user's broken file is reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from interviewer.voices import tts
from interviewer.voices.personas import (
    DEFAULT_PERSONA,
    PersonaError,
    find_persona,
    load_personas,
    read_persona,
    user_dir,
)
from tests.voices.wavs import assert_valid_wav, duration

GOOD = """name = "Pat, panel chair"
voice = "en-gb"
rate = 150
volume = 0.8
greeting = "Welcome to the panel."
transitions = ["Thank you.", "Next, please."]
closing = "That concludes the panel."
"""


def test_at_least_three_builtin_personas_each_complete() -> None:
    personas = load_personas()
    ids = {p.id for p in personas}
    assert {"warm_recruiter", "brisk_manager", "slow_clear", DEFAULT_PERSONA} <= ids
    for persona in personas:
        assert persona.greeting and persona.closing and persona.transitions
        assert 60 <= persona.rate <= 450 and 0 <= persona.volume <= 1
    rates = {p.id: p.rate for p in personas}
    assert rates["slow_clear"] < rates["warm_recruiter"] < rates["brisk_manager"]


def test_transitions_cycle_through_a_long_round() -> None:
    persona = find_persona("brisk_manager")
    lines = [persona.transition(i) for i in range(2 * len(persona.transitions))]
    assert lines[: len(persona.transitions)] == list(persona.transitions)
    assert lines[len(persona.transitions):] == list(persona.transitions)


def test_each_persona_speaks_with_an_english_voice_at_its_own_pace() -> None:
    seconds = {}
    for persona in load_personas():
        voice = tts.preferred_voice(persona.voice)
        assert voice.is_english
        wav = tts.synthesize(persona.closing, voice=voice.id, rate=persona.rate,
                             volume=persona.volume)
        assert_valid_wav(wav)
        seconds[persona.id] = duration(wav) / len(persona.closing.split())
    assert seconds["slow_clear"] > seconds["brisk_manager"]  # per word: slower is longer


def test_a_user_persona_loads_next_to_the_builtin_ones() -> None:
    folder = user_dir()
    folder.mkdir(parents=True)
    (folder / "panel_chair.toml").write_text(GOOD, encoding="utf-8")
    persona = find_persona("Pat, panel chair")
    assert persona.id == "panel_chair" and persona.transitions == ("Thank you.", "Next, please.")


def test_a_broken_user_persona_is_reported_with_its_line_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "bad_rate.toml").write_text(GOOD.replace("rate = 150", "rate = 5"), "utf-8")
    (tmp_path / "bad_toml.toml").write_text(GOOD.replace('volume = 0.8', 'volume = '), "utf-8")
    (tmp_path / "slow_clear.toml").write_text(GOOD, "utf-8")
    problems: list[PersonaError] = []
    personas = load_personas(tmp_path, problems)
    assert len(personas) == len(load_personas())
    messages = sorted(p.message for p in problems)
    assert messages[0].startswith(f"{tmp_path / 'bad_rate.toml'}:3: 'rate' must be 60-450")
    assert messages[1].startswith(f"{tmp_path / 'bad_toml.toml'}:4: not valid TOML")
    assert "already used" in messages[2]


def test_missing_field_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "no_closing.toml"
    path.write_text(GOOD.replace('closing = "That concludes the panel."\n', ""), "utf-8")
    with pytest.raises(PersonaError, match="no_closing.toml:1: missing 'closing'"):
        read_persona(path)


def test_unknown_persona_lists_the_known_ones() -> None:
    with pytest.raises(PersonaError) as err:
        find_persona("nobody")
    assert "warm_recruiter" in err.value.hint

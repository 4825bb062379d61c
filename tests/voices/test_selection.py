"""Picking the default voice from the lists each driver really reports (espeak-ng, SAPI5, NSSS)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interviewer.voices.selection import (
    choose_default,
    find_voice,
    normalise_tag,
    voice_from_record,
)

ESPEAK = [
    {"id": "aav/vi-vn-x-central", "name": "Vietnamese (Central)", "languages": ["vi-vn-x-central"]},
    {"id": "gmw/de", "name": "German", "languages": ["de"]},
    {"id": "gmw/en-029", "name": "English (Caribbean)", "languages": ["en-029"]},
    {"id": "gmw/en", "name": "English (Great Britain)", "languages": ["en-gb"]},
    {"id": "gmw/en-us-nyc", "name": "English (America, New York City)", "languages": ["en-us-nyc"]},
    {"id": "gmw/en-us", "name": "English (America)", "languages": ["en-us"]},
]
SAPI5 = [  # SAPI5 reports no languages through pyttsx3: only the name says it
    {"id": r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_DE-DE_HEDDA_11.0",
     "name": "Microsoft Hedda Desktop - German", "languages": []},
    {"id": r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_EN-GB_HAZEL_11.0",
     "name": "Microsoft Hazel Desktop - English (Great Britain)", "languages": []},
    {"id": r"HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Speech\Voices\Tokens\TTS_MS_EN-US_ZIRA_11.0",
     "name": "Microsoft Zira Desktop - English (United States)", "languages": []},
]
NSSS = [
    {"id": "com.apple.voice.compact.fr-FR.Thomas", "name": "Thomas", "languages": ["fr_FR"]},
    {"id": "com.apple.voice.compact.en-AU.Karen", "name": "Karen", "languages": ["en_AU"]},
    {"id": "com.apple.voice.compact.en-GB.Daniel", "name": "Daniel", "languages": ["en_GB"]},
]


def _voices(records: list[dict]) -> list:
    return [voice_from_record(r) for r in records]


def test_espeak_prefers_plain_american_english_over_its_variants() -> None:
    assert choose_default(_voices(ESPEAK)).id == "gmw/en-us"


def test_british_english_when_there_is_no_american() -> None:
    without_us = [r for r in ESPEAK if "en-us" not in r["languages"][0]]
    assert choose_default(_voices(without_us)).id == "gmw/en"
    assert choose_default(_voices(NSSS)).name == "Daniel"


def test_sapi5_languages_come_from_the_voice_name() -> None:
    voices = _voices(SAPI5)
    assert [v.languages for v in voices] == [(), ("en-gb",), ("en-us",)]
    assert choose_default(voices).name.startswith("Microsoft Zira")


def test_any_english_before_other_languages() -> None:
    only_au = [r for r in NSSS if r["name"] != "Daniel"]
    assert choose_default(_voices(only_au)).name == "Karen"
    assert choose_default(_voices(ESPEAK[:3])).id == "gmw/en-029"


def test_no_english_falls_back_to_the_first_voice_and_nothing_to_none() -> None:
    assert choose_default(_voices(ESPEAK[:2])).id == "aav/vi-vn-x-central"
    assert choose_default([]) is None


def test_a_word_containing_en_is_not_english() -> None:
    assert not voice_from_record(ESPEAK[0]).is_english  # "vi-vn-x-central"


def test_find_voice_by_id_name_short_id_or_language() -> None:
    voices = _voices(ESPEAK + NSSS)
    assert find_voice(voices, "GMW/EN-US").id == "gmw/en-us"
    assert find_voice(voices, "english (caribbean)").id == "gmw/en-029"
    assert find_voice(voices, "de").id == "gmw/de"
    assert find_voice(voices, "en-gb").id == "gmw/en"
    assert find_voice(voices, "en_AU").name == "Karen"
    assert find_voice(voices, "xx") is None


def test_a_regional_tag_falls_back_to_the_same_language() -> None:
    american_only = _voices([r for r in SAPI5 if "Hazel" not in r["name"]])
    assert find_voice(american_only, "en-gb").name.startswith("Microsoft Zira")
    assert find_voice(american_only, "fr-fr") is None


@given(st.text(max_size=40))
def test_find_voice_returns_a_listed_voice_or_none_for_any_query(query: str) -> None:
    voices = _voices(ESPEAK + SAPI5 + NSSS)
    found = find_voice(voices, query)
    assert found is None or found in voices


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", max_size=12))
def test_normalising_a_tag_twice_changes_nothing(tag: str) -> None:
    assert normalise_tag(normalise_tag(tag)) == normalise_tag(tag)

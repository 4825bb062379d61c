"""The PulseAudio fixture itself: a sink to play into, a source that hears it."""

from __future__ import annotations

from tests.audio_server import MIC_SOURCE, SPEAKER_SINK


def test_pulse_server_has_virtual_speaker_and_microphone(pulse_server) -> None:
    sources = pulse_server.pactl("list", "short", "sources")
    sinks = pulse_server.pactl("list", "short", "sinks")
    assert MIC_SOURCE in sources
    assert SPEAKER_SINK in sinks
    assert f"Default Source: {MIC_SOURCE}" in pulse_server.pactl("info")

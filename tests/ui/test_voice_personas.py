"""The interviewer's persona is there for a mock interview started the instant the app opens."""

from __future__ import annotations

from interviewer.settings import Settings
from interviewer.ui.jobs import Jobs
from interviewer.ui.voice import Voice


def test_a_persona_asked_for_before_it_is_read_arrives_when_it_is(qtbot) -> None:
    jobs = Jobs()
    voice = Voice(jobs, Settings())
    got: list = []
    voice.with_persona(got.append)  # the personas are still being read in the background
    assert got == [] and voice.persona() is None
    qtbot.waitUntil(lambda: len(got) == 1, timeout=10000)
    (persona,) = got
    assert persona is not None and persona.greeting and persona.closing
    voice.with_persona(got.append)  # once read: at once
    assert got[1] is persona
    jobs.wait()

"""Each voice test asks the speech driver afresh, so a test that breaks it stays alone."""

from __future__ import annotations

import pytest

from interviewer.voices import tts


@pytest.fixture(autouse=True)
def fresh_backend():
    tts.forget_backend()
    yield
    tts.forget_backend()

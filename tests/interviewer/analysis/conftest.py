"""Shared fixtures for the analysis tests: the real built-in banks, loaded once."""

from __future__ import annotations

import pytest

from interviewer.banks import Library, load_library


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()

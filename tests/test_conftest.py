"""The quick loop's list of slow modules names files that exist: a test module moved
without its entry here would quietly run in `./test.sh -m "not slow"`."""

from __future__ import annotations

from tests.conftest import REPO, SLOW_MODULES


def test_every_slow_module_exists() -> None:
    missing = sorted(m for m in SLOW_MODULES if not (REPO / m).is_file())
    assert missing == [], "update SLOW_MODULES in tests/conftest.py"

"""Job postings written for the tests. The matcher's rules were tuned on `dev/` only; the
three postings at the top are the test half whose figures are reported."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
TEST_HALF = (HERE / "ar_specialist_manufacturer.md", HERE / "collections_utility.html",
             HERE / "billing_coordinator_healthcare.txt")
DEV_HALF = tuple(sorted((HERE / "dev").glob("*.*")))

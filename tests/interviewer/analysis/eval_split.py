"""The dev/test split of the scoring evaluation sets, fixed here once for every test.

A question is in the test (reporting) half when the first byte of the SHA-256 of its id
is odd: stable across runs and machines, blind to the answers, about half of each bank.
Rules are tuned on the dev half only; the figures quoted for issue 21 come from the
answers of eval_trust.toml (written before the matcher changed) in the test half.
"""

from __future__ import annotations

import hashlib


def half(question_id: str) -> str:
    """"dev" or "test" for a question id."""
    return "test" if hashlib.sha256(question_id.encode()).digest()[0] % 2 else "dev"

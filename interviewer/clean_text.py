"""Text made safe to store: no lone surrogates.

Bytes that are not UTF-8 on a terminal's stdin (or in a file name) reach Python as lone
surrogates (U+DC80-U+DCFF); SQLite and JSON-as-UTF-8 refuse them, and a typed answer
would be lost. Each becomes U+FFFD, the replacement character, before it is stored.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def deep_without_surrogates(value: Any) -> Any:
    """The same JSON-like value with every string (and key) cleaned."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, dict):
        return {deep_without_surrogates(k): deep_without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [deep_without_surrogates(v) for v in value]
    return value

"""The cache key: everything that changes the sound changes the key, nothing else does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from interviewer.voices.cache import cache_key

settings = st.tuples(st.text(min_size=1, max_size=60), st.sampled_from(["gmw/en-us", "gmw/en"]),
                     st.integers(60, 450), st.sampled_from([0.5, 0.8, 1.0]),
                     st.sampled_from(["espeak", "sapi5"]))


@given(settings, settings)
def test_different_settings_never_share_a_key(a, b) -> None:
    assert (cache_key(*a) == cache_key(*b)) == (a == b)


def test_the_key_is_stable_and_file_name_safe() -> None:
    key = cache_key("How do you prioritise overdue accounts?", "gmw/en-us", 170, 1.0, "espeak")
    assert key == cache_key("How do you prioritise overdue accounts?", "gmw/en-us", 170, 1.0,
                            "espeak")
    assert len(key) == 32 and all(c in "0123456789abcdef" for c in key)

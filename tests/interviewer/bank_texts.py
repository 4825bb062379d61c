"""A small valid bank as text, and helpers to break it one way at a time."""

VALID = '''\
schema = 1
id = "test-bank"
title = "Test bank"

[[questions]]
slug = "first"
text = "How do you prioritise overdue accounts?"
category = "technical"
difficulty = "medium"
source = "000_test.txt"
tips = ["Name the aging buckets."]

[[questions.sample_answers]]
level = "entry"
text = """
I start from the aging report and work the oldest, largest balances first.
"""

[[questions.key_points]]
label = "Aging report"
phrases = ["aging report", "aging"]

[[questions]]
slug = "second"
text = "What is DSO?"
category = "technical"
difficulty = "easy"
source = "000_test.txt"

[[questions.sample_answers]]
text = "Days sales outstanding is the average number of days to collect after a sale."

[[questions.key_points]]
label = "DSO"
phrases = ["dso", "days sales outstanding"]
'''


def line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing fragment."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if fragment in line]
    return hits[occurrence - 1]

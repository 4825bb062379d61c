"""Word error rate: how far a transcript is from what was said, for tests and benchmarks."""

from __future__ import annotations

import re

# Spellings that mean the same word; engines differ only in how they write them.
_SAME = {"instalment": "installment", "instalments": "installments", "okay": "ok",
         "follow-up": "follow up", "follow-ups": "follow ups", "lock box": "lockbox",
         "month-end": "month end", "write-off": "write off", "cheque": "check",
         "cheques": "checks"}


def normalize(text: str) -> str:
    """Lower case, no punctuation, figures as digits: '$200,000' and 'two hundred thousand
    dollars' are the same words, and so are 'D S O', 'd. s. o.' and 'DSO'."""
    from text_to_num import alpha2digit

    text = text.lower()
    for word, same in _SAME.items():
        text = re.sub(rf"\b{re.escape(word)}\b", same, text)
    text = text.replace("%", " percent")
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(r"[^\w\s'$]|(?<!\w)'|'(?!\w)", " ", text)
    text = re.sub(r"\b(\d+) (thousand|million)\b",
                  lambda m: str(int(m.group(1)) * (1000 if m.group(2) == "thousand"
                                                   else 1_000_000)), text)
    text = alpha2digit(" ".join(text.split()), "en").lower()
    text = re.sub(r"\$\s?(\d+)", r" \1 dollars ", text)
    # Letters said one by one ("d s o") are one acronym.
    text = re.sub(r"\b(?:[a-z] ){1,4}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text)
    return " ".join(text.split())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / reference words, by edit distance on words."""
    ref, hyp = reference.lower().split(), hypothesis.lower().split()
    if not ref:
        return float(bool(hyp))
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, 1):
        current = [i]
        for j, hyp_word in enumerate(hyp, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ref_word != hyp_word)))
        previous = current
    return previous[-1] / len(ref)


def normalized_wer(reference: str, hypothesis: str) -> float:
    """Word error rate after normalize(): what a reader would count as a mistake."""
    return word_error_rate(normalize(reference), normalize(hypothesis))

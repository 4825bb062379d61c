"""Evidence spans: every covered point shows the words that earned it, and when."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from interviewer.analysis import Feedback, score_answer
from interviewer.analysis.evidence import evidence_for
from interviewer.banks import Library, load_library
from interviewer.transcript import Transcript, Word

QUESTION = "ar-specialist/improved-ar-process"
ANSWER = ("At my last company unapplied cash kept piling up, about 90,000 dollars. I looked "
          "into it and found that remittances came by email and nobody matched them. I set up "
          "a daily matching checklist. Unapplied cash fell from 90,000 to 15,000 dollars in "
          "three months, and since then it never built up again.")


def test_every_covered_point_has_non_empty_evidence_from_the_answer(library: Library) -> None:
    feedback = score_answer(library.question(QUESTION), ANSWER, library)
    covered = [p for p in feedback.key_points if p.covered]
    assert len(covered) >= 4
    for point in covered:
        assert point.evidence, point.label
        for e in point.evidence:
            assert 0 <= e.start < e.end <= len(ANSWER)
            assert e.text == ANSWER[e.start:e.end] and e.text.strip()
            assert e.start_s is None and e.end_s is None   # typed: no audio
    for point in feedback.key_points:
        if not point.covered:
            assert point.evidence == []


def timed(text: str) -> Transcript:
    words, t = [], 0.0
    for w in text.split():
        words.append(Word(w, round(t, 2), round(t + 0.3, 2)))
        t += 0.4
    return Transcript(text, tuple(words), duration=t, engine="vosk")


def test_evidence_carries_the_seconds_it_was_said(library: Library) -> None:
    text = ("at my last company unapplied cash kept piling up so i set up a daily matching "
            "checklist and unapplied cash fell from ninety thousand to fifteen thousand dollars")
    feedback = score_answer(library.question(QUESTION), timed(text), library)
    result = next(p for p in feedback.key_points if p.label == "Measurable result")
    assert result.covered
    first = result.evidence[0]
    said = text.split()
    index = len(text[:first.start].split())   # word number where the evidence starts
    assert first.start_s == round(index * 0.4, 2)
    assert first.end_s is not None and first.end_s > first.start_s
    assert said[index] in first.text


def test_evidence_for_skips_empty_spans() -> None:
    assert evidence_for("$0", [(1, 1)]) == []


def test_a_record_stored_before_evidence_gets_it_from_its_spans() -> None:
    library = load_library()
    data = score_answer(library.question(QUESTION), ANSWER, library).to_dict()
    for point in data["key_points"]:
        point.pop("evidence")
    feedback = Feedback.from_dict(json.loads(json.dumps(data)))
    assert all(p.evidence for p in feedback.key_points if p.covered)


def test_score_json_lists_evidence_for_each_covered_point(tmp_path: Path) -> None:
    env = {"INTERVIEWER_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    out = subprocess.run([sys.executable, "-m", "interviewer", "score", QUESTION, "--text",
                          ANSWER, "--json"], capture_output=True, text=True, env=env,
                         check=True).stdout
    data = json.loads(out)
    covered = [p for p in data["key_points"] if p["covered"]]
    assert covered
    for point in covered:
        assert point["evidence"]
        for e in point["evidence"]:
            assert e["text"] and e["start"] < e["end"]
            assert set(e) == {"text", "start", "end", "start_s", "end_s"}

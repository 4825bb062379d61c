"""Text-to-speech: the table of backends (Piper, pyttsx3), personas and the audio cache."""

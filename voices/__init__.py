"""Text-to-speech: the pyttsx3 adapter, interviewer personas and the audio cache."""

"""Audio in, Qt-free: the terminal's microphone, the WAV written as an answer is spoken,
a microphone that sends no sound, and the microphone check's decisions.

The app's own microphone is Qt's (`interviewer.ui.audio_in`); it shares the WAV writer
and the no-sound watch from here. Importing the package loads nothing: import the module.
"""

"""One practice round, Qt-free: the app and the terminal are thin adapters around it."""

from interviewer.practice.attempt import Answer, Attempt
from interviewer.practice.flow import PracticeFlow
from interviewer.practice.order import posting_round, round_for
from interviewer.practice.round import Round
from interviewer.practice.runner import SerialLoop
from interviewer.practice.timing import AnswerTimes, answer_times

__all__ = ["Answer", "AnswerTimes", "Attempt", "PracticeFlow", "Round", "SerialLoop",
           "answer_times", "posting_round", "round_for"]

"""Question banks: the data model, the validator and the loader."""

from interviewer.banks.loader import Library, load_library
from interviewer.banks.model import Bank, KeyPoint, Question, SampleAnswer
from interviewer.banks.validate import Problem, read_bank

__all__ = ["Bank", "KeyPoint", "Library", "Problem", "Question", "SampleAnswer",
           "load_library", "read_bank"]

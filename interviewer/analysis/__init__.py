"""Answer feedback: key-point coverage, delivery and structure. Qt-free, fast on partials."""

from interviewer.analysis.evidence import Evidence
from interviewer.analysis.feedback import (
    Delivery,
    Feedback,
    Filler,
    PointResult,
    StarPart,
    Structure,
)
from interviewer.analysis.score import score_answer

__all__ = ["Delivery", "Evidence", "Feedback", "Filler", "PointResult", "StarPart", "Structure",
           "score_answer"]

"""Session reports: one model, rendered as HTML, Markdown or (through Qt) PDF."""

from interviewer.reports.export import FORMATS, write_report
from interviewer.reports.html import render_html
from interviewer.reports.markdown import render_markdown
from interviewer.reports.model import QuestionReport, SessionReport, build_report

__all__ = ["FORMATS", "QuestionReport", "SessionReport", "build_report", "render_html",
           "render_markdown", "write_report"]

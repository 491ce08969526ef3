"""The advisor report: tables, charts, a PDF and spreadsheets, anonymized on request."""

from .anonymizing import anonymize, pseudonym_map
from .build import build_report
from .calendar_file import to_calendar

__all__ = ["anonymize", "build_report", "pseudonym_map", "to_calendar"]

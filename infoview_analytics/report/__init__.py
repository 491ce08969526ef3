"""The advisor report: tables, charts, a PDF and spreadsheets, anonymized on request."""

from .anonymizing import anonymize, pseudonym_map
from .build import build_report

__all__ = ["anonymize", "build_report", "pseudonym_map"]

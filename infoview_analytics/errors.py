"""Every exception and warning the package raises, in one place.

Each error inherits the package base :class:`InfoviewError` *and* the built-in
exception it refines, so ``except ValueError`` keeps working for callers who
do not know this package.
"""

from __future__ import annotations

__all__ = [
    "InfoviewError",
    "InvalidArgumentError",
    "LinkedInExportError",
    "LogFormatError",
    "LogProblemsWarning",
    "MissingDependencyError",
    "ReportExistsError",
]


class InfoviewError(Exception):
    """Base class of every error raised by infoview-analytics."""


class LogFormatError(InfoviewError, ValueError):
    """A log file cannot be read at all (missing, not a spreadsheet, no header...).

    The message names the file, says what was found and what to do.
    """


class LinkedInExportError(LogFormatError):
    """A LinkedIn data export cannot be read (no known file, unexpected header...)."""


class InvalidArgumentError(InfoviewError, ValueError):
    """A function was called with an argument outside its allowed values."""


class ReportExistsError(InfoviewError, FileExistsError):
    """The report folder exists already and ``force`` was not given."""


class MissingDependencyError(InfoviewError, ImportError):
    """An optional dependency a function needs is not installed; the message says how."""


class LogProblemsWarning(UserWarning):
    """Emitted once by :func:`load_log` when some cells could not be understood."""

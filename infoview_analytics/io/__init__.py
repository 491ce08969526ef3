"""Files in and out: the loader and its readers, the template, exports, LinkedIn, merging.

The only room that knows spreadsheets, encodings and header words; it hands
the rest of the package one canonical DataFrame (``core``).
"""

from .linkedin import LinkedInResult, load_linkedin, read_linkedin
from .loader import LoadResult, load_log, load_logs, read_log
from .merge import MergeResult, merge_logs
from .sample import SAMPLE_AS_OF, example_log, example_log_path
from .template import write_log, write_template

__all__ = [
    "SAMPLE_AS_OF",
    "LinkedInResult",
    "LoadResult",
    "MergeResult",
    "example_log",
    "example_log_path",
    "load_linkedin",
    "load_log",
    "load_logs",
    "merge_logs",
    "read_linkedin",
    "read_log",
    "write_log",
    "write_template",
]

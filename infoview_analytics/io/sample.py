"""The bundled sample log: fifty fictional people, one fictional career changer.

Maren Castellano, a middle-school science teacher in Columbus, Ohio, explores six
fields (UX research, data analytics, instructional design, education policy,
product management, customer success) over the ten weeks before Friday
2026-04-17, :data:`SAMPLE_AS_OF`. Every person, organization, email address and
phone number is made up. ``scripts/make_sample_data.py`` writes the file;
``docs/log-format.md`` describes its columns.

Examples
--------
>>> from infoview_analytics.io.sample import SAMPLE_AS_OF, example_log
>>> log = example_log()
>>> len(log), SAMPLE_AS_OF.isoformat()
(50, '2026-04-17')
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pandas as pd

__all__ = ["SAMPLE_AS_OF", "example_log", "example_log_path"]

#: The date the sample log was "kept" up to: a Friday. Pass it as ``as_of=`` so the
#: sample's figures (pending requests, follow-ups due) stay the same whatever today is.
SAMPLE_AS_OF = dt.date(2026, 4, 17)


def example_log_path() -> Path:
    """Path of the sample log (a CSV file) shipped inside the package.

    Returns
    -------
    pathlib.Path
        The bundled ``sample_log.csv``; it works from an installed wheel too.

    Examples
    --------
    >>> example_log_path().name
    'sample_log.csv'
    >>> example_log_path().is_file()
    True
    """
    return Path(str(resources.files("infoview_analytics").joinpath("data", "sample_log.csv")))


def example_log(*, as_of: object = SAMPLE_AS_OF) -> pd.DataFrame:
    """Load the bundled sample log as a canonical log DataFrame.

    Parameters
    ----------
    as_of : date-like, default SAMPLE_AS_OF
        Date used to derive the status of the rows whose status is blank (see
        :func:`~infoview_analytics.load_log`). Keep the default to get the figures
        documented for the sample.

    Returns
    -------
    pandas.DataFrame
        Fifty people, every canonical column, ``source_row`` (CSV line numbers).

    Examples
    --------
    >>> log = example_log()
    >>> log["status"].value_counts()["interviewed"]
    np.int64(21)
    >>> sorted(log["field"].unique())[:2]
    ['Customer success', 'Data analytics']
    """
    from .loader import load_log

    return load_log(example_log_path(), as_of=as_of)

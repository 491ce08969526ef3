"""Pseudonyms for sharing a log (or a report made from it) with an advisor.

:func:`anonymize` returns a copy of the log in which

* every person gets a stable pseudonym, ``"Contact 07"``, used for them in
  both ``contact`` and ``referred_by`` (names matched by the package's one
  name key, :mod:`infoview_analytics.core.names`, as the referral chains
  match them: case, accents and spacing ignored), so chains survive;
  referrers who are not in the log get one too;
* the student who owns a log (``owner``) becomes ``"Student 1"``;
* organisations become ``"Organization 03"`` when ``organizations=True``;
* email, phone, LinkedIn URL, notes and next steps are removed (set missing);
* columns the package does not know are dropped: they are the user's own and
  may hold anything, including personal data;
* ``DataFrame.attrs`` (which may name the source file) are dropped, except
  ``as_of``.

Role, field, location and the category and date columns are kept: they are
what the analyses need. Numbers follow the order of first appearance (contacts
row by row, then outside referrers), zero-padded to at least two digits so
that they sort. :func:`pseudonym_map` gives the mapping, for the user's own
records (never share it with the anonymised report).
"""

from __future__ import annotations

import pandas as pd

from ..core.names import name_key
from ..core.schema import COLUMNS
from ..core.values import FLAG_COLUMNS
from ..errors import InvalidArgumentError

__all__ = ["anonymize", "pseudonym_map"]

#: Columns that identify a person directly and are removed.
REMOVED_COLUMNS = ("email", "phone", "linkedin_url", "notes", "next_step")
_PREFIX = {"contact": "Contact", "organization": "Organization", "owner": "Student"}


def _check(log: object) -> pd.DataFrame:
    if not isinstance(log, pd.DataFrame):
        msg = (
            "Expected the log as a pandas DataFrame (from load_log), "
            f"but got {type(log).__name__}."
        )
        raise InvalidArgumentError(msg)
    return log


def _table(names: pd.Series, kind: str, *, pad: int) -> pd.DataFrame:
    """kind, name (first spelling), key, pseudonym — in order of first appearance."""
    keys = name_key(names)
    valid = keys.notna()
    first = pd.DataFrame({"key": keys[valid], "name": names[valid].astype(str)})
    first = first.drop_duplicates("key", keep="first").reset_index(drop=True)
    width = max(pad, len(str(len(first))))
    numbers = pd.Series(range(1, len(first) + 1)).astype(str).str.zfill(width)
    return pd.DataFrame(
        {
            "kind": kind,
            "name": first["name"].str.strip(),
            "key": first["key"],
            "pseudonym": _PREFIX[kind] + " " + numbers,
        }
    )


def _maps(log: pd.DataFrame, organizations: bool) -> dict[str, pd.DataFrame]:
    empty = pd.Series([], dtype=object)
    people = pd.concat(
        [log.get("contact", empty), log.get("referred_by", empty)], ignore_index=True
    )
    maps = {"contact": _table(people, "contact", pad=2)}
    if "owner" in log.columns:
        maps["owner"] = _table(log["owner"], "owner", pad=1)
    if organizations and "organization" in log.columns:
        maps["organization"] = _table(log["organization"], "organization", pad=2)
    return maps


def pseudonym_map(log: pd.DataFrame, *, organizations: bool = False) -> pd.DataFrame:
    """The pseudonym given to each person, student and (optionally) organisation.

    Parameters
    ----------
    log : DataFrame
        The log (not modified).
    organizations : bool
        Include organisations, as ``anonymize(..., organizations=True)`` does.

    Returns
    -------
    DataFrame
        Columns ``kind`` (contact, owner, organization), ``name`` (as first
        written in the log), ``pseudonym``; one row per distinct name.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben Ode"],
    ...                     "referred_by": [None, " ana  ruiz"]})
    >>> pseudonym_map(log)
           kind      name   pseudonym
    0   contact  Ana Ruiz  Contact 01
    1   contact   Ben Ode  Contact 02
    """
    maps = _maps(_check(log), organizations)
    out = pd.concat(maps.values(), ignore_index=True)
    return out[["kind", "name", "pseudonym"]]


def anonymize(log: pd.DataFrame, *, organizations: bool = False) -> pd.DataFrame:
    """Return a copy of the log with pseudonyms instead of names and no contact details.

    See the module documentation for exactly what is replaced, removed and
    kept. The input is never modified; the numbering is deterministic (order
    of first appearance), so the same log always gives the same pseudonyms.

    Parameters
    ----------
    log : DataFrame
        The canonical log (or any DataFrame with some of its columns).
    organizations : bool
        Also replace organisation names by ``"Organization 01"``...

    Returns
    -------
    DataFrame
        Same rows and index; known columns only (plus ``source_row``).

    Raises
    ------
    InvalidArgumentError
        When ``log`` is not a DataFrame.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben Ode"],
    ...     "referred_by": [None, "ANA RUIZ"], "email": ["ana@x.org", None],
    ...     "organization": ["Acme", "Acme"], "my notes": ["secret", ""]})
    >>> out = anonymize(log, organizations=True)
    >>> out[["contact", "referred_by", "organization"]]
          contact referred_by     organization
    0  Contact 01        <NA>  Organization 01
    1  Contact 02  Contact 01  Organization 01
    >>> list(out.columns), int(out["email"].notna().sum())
    (['contact', 'referred_by', 'email', 'organization'], 0)
    """
    log = _check(log)
    maps = _maps(log, organizations)
    # The flag columns (a yes without a date) are kept: they change the figures.
    keep = [c for c in log.columns if c in COLUMNS or c in FLAG_COLUMNS or c == "source_row"]
    out = log[keep].copy()
    for col, table in (("referred_by", maps["contact"]), *maps.items()):
        if col not in out.columns:
            continue
        lookup = pd.Series(table["pseudonym"].to_numpy(), index=table["key"].to_numpy())
        out[col] = name_key(out[col]).map(lookup).astype("string")
    for col in REMOVED_COLUMNS:
        if col in out.columns:
            out[col] = out[col].mask(pd.Series(True, index=out.index))
    out.attrs = {k: v for k, v in log.attrs.items() if k == "as_of"}
    return out

"""Pseudonyms for sharing a log (or a report made from it) with an advisor.

Anonymised means anonymous: any text that did not come from a known list is
the user's own and may name someone, so :func:`anonymize` returns a copy of
the log in which

* every person gets a stable pseudonym, ``"Contact 07"``, used for them in
  both ``contact`` and ``referred_by`` (names matched by the package's one
  name key, :mod:`infoview_analytics.core.names`, as the referral chains
  match them: case, accents and spacing ignored), so chains survive;
  referrers who are not in the log get one too;
* the student who owns a log (``owner``) becomes ``"Student 1"``;
* organisations become ``"Organization 03"`` (in a small log an employer
  identifies a person; ``keep_organizations=True`` keeps them as written);
* roles and locations become ``"Role 02"`` and ``"Location 01"`` (a job
  title with an employer, or a small town, identifies a person; the analyses
  only count them);
* fields stay as written when they are broad fields from the known list
  (:mod:`._known`: "Data analytics", "Law", "UX research" ...), which the
  coverage figures need to be read; any other field is user text ("Dr Okafor's
  lab") and becomes ``"Field 01"``;
* a category value that is not one of the documented values (a channel
  "WhatsApp +44 7700 900123", a source "intro from Ana") becomes ``other``
  where the column has it (org_type, source, channel, format), else missing
  (seniority, status): only the documented values are ever shown;
* email, phone, LinkedIn URL, notes and next steps are removed (set missing);
* columns the package does not know are dropped: they are the user's own and
  may hold anything, including personal data;
* ``DataFrame.attrs`` (which may name the source file) are dropped, except
  ``as_of``.

Dates, numbers and the flag columns are kept: they are what the analyses
need, and the figures of the anonymised log equal the original's (but for
groups merged into ``other``). Numbers follow the order of first appearance
(contacts row by row, then outside referrers), zero-padded to at least two
digits so that they sort. :func:`pseudonym_map` gives the mapping, for the
user's own records (never share it with the anonymised report).
"""

from __future__ import annotations

import re

import pandas as pd

from ..core.names import key, name_key
from ..core.schema import CATEGORIES, CATEGORY_COLUMNS, COLUMNS
from ..core.values import FLAG_COLUMNS
from ..errors import InvalidArgumentError
from ._known import KNOWN_FIELDS

__all__ = ["anonymize", "pseudonym_map"]

#: Columns that identify a person directly and are removed.
REMOVED_COLUMNS = ("email", "phone", "linkedin_url", "notes", "next_step")
#: Text columns whose values are replaced by pseudonyms, and the pseudonyms' first word.
PSEUDONYMIZED = {
    "contact": "Contact",
    "organization": "Organization",
    "owner": "Student",
    "role": "Role",
    "location": "Location",
    "field": "Field",
}
#: What an unknown category value becomes (missing where the column has no "other").
_UNKNOWN = "other"


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
    if kind == "field":  # broad fields from the known list are shown as written
        valid &= ~keys.isin(KNOWN_FIELDS)
    first = pd.DataFrame({"key": keys[valid], "name": names[valid].astype(str)})
    first = first.drop_duplicates("key", keep="first").reset_index(drop=True)
    width = max(pad, len(str(len(first))))
    numbers = pd.Series(range(1, len(first) + 1)).astype(str).str.zfill(width)
    return pd.DataFrame(
        {
            "kind": kind,
            "name": first["name"].str.strip(),
            "key": first["key"],
            "pseudonym": PSEUDONYMIZED[kind] + " " + numbers,
        }
    )


def _maps(log: pd.DataFrame, keep_organizations: bool) -> dict[str, pd.DataFrame]:
    empty = pd.Series([], dtype=object)
    people = pd.concat(
        [log.get("contact", empty), log.get("referred_by", empty)], ignore_index=True
    )
    maps = {"contact": _table(people, "contact", pad=2)}
    for col in ("owner", "organization", "role", "location", "field"):
        if col == "organization" and keep_organizations:
            continue
        if col in log.columns:
            maps[col] = _table(log[col], col, pad=1 if col == "owner" else 2)
    return maps


def _unknown_categories(log: pd.DataFrame) -> pd.DataFrame:
    """kind (the column), name (the value as written), pseudonym: values not documented."""
    rows = []
    for col in CATEGORY_COLUMNS:
        if col not in log.columns:
            continue
        values = log[col].dropna().astype(str)
        odd = values[~values.isin(CATEGORIES[col])].drop_duplicates()
        shown = _UNKNOWN if _UNKNOWN in CATEGORIES[col] else "(left out)"
        rows += [(col, value, shown) for value in odd]
    return pd.DataFrame(rows, columns=["kind", "name", "pseudonym"], dtype=object)


def pseudonym_map(log: pd.DataFrame, *, keep_organizations: bool = False) -> pd.DataFrame:
    """What :func:`anonymize` shows instead of each name and each undocumented value.

    Parameters
    ----------
    log : DataFrame
        The log (not modified).
    keep_organizations : bool
        Leave organisations out of the map, as ``anonymize(...,
        keep_organizations=True)`` keeps them.

    Returns
    -------
    DataFrame
        Columns ``kind`` (contact, owner, organization, role, location, field,
        or the category column), ``name`` (as first written in the log),
        ``pseudonym``; one row per distinct name (fields from the known list
        and documented category values are shown as they are, so not listed).
        Keep it to yourself: it undoes the anonymisation.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz", "Ben Ode"],
    ...                     "referred_by": [None, " ana  ruiz"],
    ...                     "channel": ["email", "WhatsApp +44 7700 900123"]})
    >>> pseudonym_map(log)
          kind                      name   pseudonym
    0  contact                  Ana Ruiz  Contact 01
    1  contact                   Ben Ode  Contact 02
    2  channel  WhatsApp +44 7700 900123       other
    """
    log = _check(log)
    maps = _maps(log, keep_organizations)
    out = pd.concat([m[["kind", "name", "pseudonym"]] for m in maps.values()], ignore_index=True)
    return pd.concat([out, _unknown_categories(log)], ignore_index=True)


def _known_categories(values: pd.Series, col: str) -> pd.Series:
    allowed = CATEGORIES[col]
    text = values.astype(object)
    known = text.isin(allowed) | text.isna()
    replacement = _UNKNOWN if _UNKNOWN in allowed else None
    kept = text.where(known, replacement)
    return pd.Series(pd.Categorical(kept, categories=allowed), index=values.index, name=col)


def anonymize(log: pd.DataFrame, *, keep_organizations: bool = False) -> pd.DataFrame:
    """Return a copy of the log with pseudonyms instead of names and no contact details.

    See the module documentation for exactly what is replaced, removed and
    kept. The input is never modified; the numbering is deterministic (order
    of first appearance), so the same log always gives the same pseudonyms.

    Parameters
    ----------
    log : DataFrame
        The canonical log (or any DataFrame with some of its columns).
    keep_organizations : bool
        Keep organisation names as written (by default they become
        ``"Organization 01"``...): only when the reader may know where your
        contacts work.

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
    >>> out = anonymize(log)
    >>> out[["contact", "referred_by", "organization"]]
          contact referred_by     organization
    0  Contact 01        <NA>  Organization 01
    1  Contact 02  Contact 01  Organization 01
    >>> list(out.columns), int(out["email"].notna().sum())
    (['contact', 'referred_by', 'email', 'organization'], 0)
    >>> anonymize(log, keep_organizations=True)["organization"].tolist()
    ['Acme', 'Acme']
    """
    log = _check(log)
    maps = _maps(log, keep_organizations)
    # The flag columns (a yes without a date) are kept: they change the figures.
    keep = [c for c in log.columns if c in COLUMNS or c in FLAG_COLUMNS or c == "source_row"]
    out = log[keep].copy()
    for col, table in (("referred_by", maps["contact"]), *maps.items()):
        if col not in out.columns:
            continue
        lookup = pd.Series(table["pseudonym"].to_numpy(), index=table["key"].to_numpy())
        keys = name_key(out[col])
        shown = keys.map(lookup)
        if col == "field":  # a known field is shown as written (trimmed)
            known = keys.isin(KNOWN_FIELDS)
            shown = shown.where(~known, out[col].astype(object).where(known).str.strip())
        out[col] = shown.astype("string")
    for col in CATEGORY_COLUMNS:
        if col in out.columns:
            out[col] = _known_categories(out[col], col)
    for col in REMOVED_COLUMNS:
        if col in out.columns:
            out[col] = out[col].mask(pd.Series(True, index=out.index))
    out.attrs = {k: v for k, v in log.attrs.items() if k == "as_of"}
    return out


def personal_names(log: pd.DataFrame, *, keep_organizations: bool = False) -> list[str]:
    """The names an anonymised output must never show: people, students, organisations.

    Also the contact details and every undocumented category value. Used to
    check a report title (:func:`check_title`).
    """
    cols = ["contact", "referred_by", "owner", "email", "phone", "linkedin_url"]
    if not keep_organizations:
        cols.append("organization")
    values = [log[c].dropna().astype(str) for c in cols if c in log.columns]
    names = [v for s in values for v in s.unique().tolist()]
    names += _unknown_categories(log)["name"].tolist()
    return names


def check_title(title: str, log: pd.DataFrame, *, keep_organizations: bool = False) -> None:
    """Refuse a title for an anonymised report that names someone of the log.

    The name key of each name (case, accents and spacing ignored) is looked for
    as whole words in the title's key.

    Raises
    ------
    InvalidArgumentError
        When the title holds a name, an organisation or a contact detail of the log.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact": ["Ana Ruiz"], "owner": ["Maya Chen"]})
    >>> check_title("Report for my advisor", log)
    >>> check_title("MAYA  CHEN's report", log)
    Traceback (most recent call last):
    ...
    infoview_analytics.errors.InvalidArgumentError: The report is anonymized, but its title ...
    """
    title_key = key(title) or ""
    for name in personal_names(log, keep_organizations=keep_organizations):
        name_k = key(name)
        if name_k and re.search(rf"(?<!\w){re.escape(name_k)}(?!\w)", title_key):
            msg = (
                "The report is anonymized, but its title names someone or something from "
                "the log (a person, a student, an organisation or a contact detail). "
                "Choose a title without names (--title)."
            )
            raise InvalidArgumentError(msg)

"""Import a LinkedIn data export as an interview log.

LinkedIn's "Get a copy of your data" archive records whom the user invited and
when, who accepted, and which messages were answered. :func:`read_linkedin`
turns it into a canonical log (see ``docs/architecture.md``):

* every connection in ``Connections.csv`` is a person (a ``prospect`` until
  the user reached out);
* an OUTGOING invitation in ``Invitations.csv`` is a request, answered when the
  person appears in Connections.csv on or after the day it was sent
  (``responded_on`` = Connected On). INCOMING invitations are not requests;
* a conversation in ``messages.csv`` whose first message the user sent is a
  request to the other participant (the user's further messages before a reply
  are follow-ups); any later message from that person is an answer.
  Conversations with "LinkedIn Member" (deleted or hidden accounts) or in a
  sponsored or spam folder are ignored and counted; group conversations
  the user started are counted and not treated as requests; drafts are skipped.

People are matched across the files by profile URL (lower case, without
scheme, ``www.``, query or trailing slash), then by name (the package's one
name key, :mod:`infoview_analytics.core.names`: case, accents, invisible
characters and spacing ignored) when the name belongs to one connection only.
With several requests to one person, ``requested_on`` is the earliest,
``followed_up_on`` the latest of the others before the answer, and
``responded_on`` the first answer (acceptance or message) on or after
``requested_on``. Dates are compared as days; message times are UTC.

The export as LinkedIn writes it now, and as people keep it: the archive named
``Basic_LinkedInDataExport_...zip`` or ``Complete_LinkedInDataExport_...zip`` (or
the folder it unpacks to); Connections.csv with or without its ``URL`` column and
its "Notes:" preamble, also once opened and saved again in Excel (preamble gone,
dates like ``6-Feb-26``); Invitations.csv with ``inviterProfileUrl`` and
``inviteeProfileUrl``; the upper-case messages.csv, which says nothing of who
the user is. The user is the sender of the outgoing invitations; without them,
the participant of the most conversations who is not among their own
connections (between equals, the one who wrote in the most of them). When that
cannot be told, the problems say so and the messages are not imported.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ...core.args import as_of_timestamp
from ...core.names import name_key
from ...core.schema import CATEGORIES, CATEGORY_COLUMNS, COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS
from ...errors import LogProblemsWarning
from .events import EVENT_COLUMNS, problem_rows, read_connections, read_invitations, read_messages
from .files import CONNECTIONS, EXPORT_FILES, INVITATIONS, MESSAGES, locate, url_key

__all__ = ["LinkedInResult", "load_linkedin", "read_linkedin"]

PROBLEM_COLUMNS = ["file", "row", "column", "value", "problem"]

#: Keys of :attr:`LinkedInResult.counts`, in the order :meth:`~LinkedInResult.summary` shows.
COUNT_KEYS = (
    "people",
    "asked",
    "answered",
    "prospects",
    "connections",
    "connection_rows_skipped",
    "invitations_outgoing",
    "invitations_incoming",
    "messages",
    "draft_messages",
    "conversations",
    "conversations_started",
    "group_conversations",
    "ignored_conversations",
    "requests_before_since",
)


@dataclass(frozen=True)
class LinkedInResult:
    """What :func:`read_linkedin` found in an export.

    Attributes
    ----------
    log : pandas.DataFrame
        The canonical log, plus ``connected_on``.
    problems : pandas.DataFrame
        ``file, row, column, value, problem``: rows skipped, files missing,
        anything to check (row = the row a spreadsheet shows, header counted).
    counts : dict of str to int
        How many people, requests, answers, conversations... (see ``COUNT_KEYS``).
    missing : tuple of str
        Export files that were not found.
    """

    log: pd.DataFrame
    problems: pd.DataFrame
    counts: dict[str, int] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    def summary(self) -> str:
        """A few lines for people: what was imported, what was ignored or missing."""
        c = self.counts
        lines = [
            f"{c['people']} people: {c['asked']} asked on LinkedIn, {c['answered']} answered, "
            f"{c['prospects']} prospects (connections not asked).",
            f"Read {c['connections']} connections, {c['invitations_outgoing']} outgoing and "
            f"{c['invitations_incoming']} incoming invitations, {c['conversations']} "
            f"conversations ({c['conversations_started']} started by you).",
        ]
        ignored = [
            (c["ignored_conversations"], "conversations with LinkedIn Member or sponsored"),
            (c["group_conversations"], "group conversations you started"),
            (c["draft_messages"], "draft messages"),
            (c["connection_rows_skipped"], "connection rows without a name"),
            (c["requests_before_since"], "requests before --since"),
        ]
        shown = [f"{n} {what}" for n, what in ignored if n]
        if shown:
            lines.append("Ignored: " + ", ".join(shown) + ".")
        if self.missing:
            lines.append(
                f"Missing from the export: {', '.join(self.missing)} (imported what is there)."
            )
        return "\n".join(lines)


def _empty_events() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": pd.Series(dtype=object),
            "url": pd.Series(dtype=object),
            "date": pd.Series(dtype="datetime64[ns]"),
            "row": pd.Series(dtype=np.int64),
            "file": pd.Series(dtype=object),
            "message": pd.Series(dtype=object),
        },
        columns=EVENT_COLUMNS,
    )


def read_linkedin(
    path: str | os.PathLike[str],
    *,
    since: Any = None,
    asked_only: bool = False,
    as_of: Any = None,
) -> LinkedInResult:
    """Read a LinkedIn data export into a canonical log, with problems and counts.

    Parameters
    ----------
    path : str or path-like
        The export's .zip, or the folder it unpacks to. ``Connections.csv``,
        ``Invitations.csv`` and ``messages.csv`` are found anywhere inside,
        whatever the case of their names.
    since : date-like, optional
        Ignore requests (invitations sent, conversations started) dated before
        this day; people whose every request is older stay in the log as
        prospects if they are connections, else are left out.
    asked_only : bool, default False
        Keep only the people the user reached out to (no prospects).
    as_of : date-like, optional
        Ignore requests and answers after this day (default: today).

    Returns
    -------
    LinkedInResult
        ``log`` (canonical columns, ``source_row``, ``connected_on``),
        ``problems``, ``counts`` and ``missing`` files.

    Raises
    ------
    LinkedInExportError
        The path holds none of the three files, a file's header is not the one
        LinkedIn writes, or a date cannot be read (the message names the file).
    InvalidArgumentError
        ``since`` or ``as_of`` is not a date.

    Notes
    -----
    ``source_row`` is the row of Connections.csv for connections, else the row
    of the person's earliest request in Invitations.csv or messages.csv.
    ``source`` is ``existing_contact`` for connections made before the first
    request (and for prospects), ``linkedin_search`` for people asked before
    they were connections. ``status`` is ``replied``, ``awaiting`` or
    ``prospect``; the export says nothing about interviews. The user (to tell
    their messages from others') is the sender of most OUTGOING invitations
    (or receiver of INCOMING ones); without invitations, the participant in
    most conversations who is not among the connections (a tie is reported).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "Connections.csv").write_text(
    ...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
    ...     "Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,,Acme,Analyst,02 Mar 2026\\n")
    >>> _ = (folder / "Invitations.csv").write_text(
    ...     "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\\n"
    ...     "Me Myself,Ana Ruiz,\\"3/1/26, 9:15 AM\\",Hi Ana!,OUTGOING,"
    ...     "https://www.linkedin.com/in/me,https://www.linkedin.com/in/ana-ruiz\\n")
    >>> result = read_linkedin(folder, as_of="2026-03-20")
    >>> row = result.log.iloc[0]
    >>> row["contact"], str(row["requested_on"].date()), str(row["responded_on"].date())
    ('Ana Ruiz', '2026-03-01', '2026-03-02')
    >>> result.missing
    ('messages.csv',)
    """
    as_of_ts = as_of_timestamp(as_of)
    since_ts = None if since is None else as_of_timestamp(since, name="since")
    where, files = locate(path)
    missing = tuple(name for name in EXPORT_FILES if name not in files)
    problems: list[pd.DataFrame] = [
        problem_rows(
            name, [None], None, [None], "missing from the export; imported the other files"
        )
        for name in missing
    ]
    counts = dict.fromkeys(COUNT_KEYS, 0)

    people = pd.DataFrame(
        {
            "contact": pd.Series(dtype=object),
            "organization": pd.Series(dtype=object),
            "role": pd.Series(dtype=object),
            "email": pd.Series(dtype=object),
            "linkedin_url": pd.Series(dtype=object),
            "connected_on": pd.Series(dtype="datetime64[ns]"),
            "source_row": pd.Series(dtype=np.int64),
        }
    )
    if CONNECTIONS in files:
        people, found, n_rows = read_connections(files[CONNECTIONS], where)
        problems += found
        counts["connections"] = len(people)
        counts["connection_rows_skipped"] = n_rows - len(people)

    requests = [_empty_events()]
    answers = [_empty_events()[["name", "url", "date"]]]
    evidence = None
    if INVITATIONS in files:
        invited, found, n, evidence = read_invitations(files[INVITATIONS], where)
        requests.append(invited)
        problems += found
        counts.update(n)
    if MESSAGES in files:
        started, replies, found, n = read_messages(files[MESSAGES], where, evidence, people)
        requests.append(started)
        answers.append(replies)
        problems += found
        counts.update(n)
    req = pd.concat(requests, ignore_index=True)
    ans = pd.concat(answers, ignore_index=True)

    too_old = req["date"] < since_ts if since_ts is not None else pd.Series(False, req.index)
    counts["requests_before_since"] = int(too_old.sum())
    req = req.loc[~too_old & (req["date"] <= as_of_ts)]
    ans = ans.loc[ans["date"] <= as_of_ts]

    log = _build_log(people, req, ans, as_of_ts)
    if asked_only:
        log = log.loc[log["requested_on"].notna()].reset_index(drop=True)
    counts["people"] = len(log)
    counts["asked"] = int(log["requested_on"].notna().sum())
    counts["answered"] = int(log["responded_on"].notna().sum())
    counts["prospects"] = counts["people"] - counts["asked"]
    table = pd.concat([p for p in problems if len(p)] or [problem_rows("", [], None, [], "")])
    table = table.reset_index(drop=True)[PROBLEM_COLUMNS]
    return LinkedInResult(log, table, counts, missing)


def load_linkedin(
    path: str | os.PathLike[str],
    *,
    since: Any = None,
    asked_only: bool = False,
    as_of: Any = None,
) -> pd.DataFrame:
    """Read a LinkedIn data export into a canonical log (channel linkedin).

    Same as :func:`read_linkedin` but returns the log only, and emits one
    :class:`~infoview_analytics.LogProblemsWarning` summarising the problems
    (skipped rows, missing files) when there are any.

    Parameters
    ----------
    path : str or path-like
        The export's .zip, or the folder it unpacks to.
    since, asked_only, as_of
        See :func:`read_linkedin`.

    Returns
    -------
    pandas.DataFrame
        The canonical log columns, ``source_row``, then ``connected_on``.

    Raises
    ------
    LinkedInExportError
        See :func:`read_linkedin`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "Connections.csv").write_text(
    ...     "First Name,Last Name,Company,Position,Connected On\\n"
    ...     "Ben,Ode,Globex,Engineer,\\"1/8/18, 6:14 PM\\"\\n")
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     log = load_linkedin(folder, as_of="2026-03-20")
    >>> log[["contact", "organization", "status", "connected_on"]]
      contact organization    status connected_on
    0 Ben Ode       Globex  prospect   2018-01-08
    >>> print(caught[0].message)
    LinkedIn export ...: 2 problems: Invitations.csv missing; messages.csv missing. ...
    """
    result = read_linkedin(path, since=since, asked_only=asked_only, as_of=as_of)
    if len(result.problems):
        warnings.warn(_warning_text(path, result), LogProblemsWarning, stacklevel=2)
    return result.log


def _warning_text(path: Any, result: LinkedInResult) -> str:
    p = result.problems
    parts = [f"{name} missing" for name in result.missing]
    rest = p[p["row"].notna() | ~p["file"].isin(result.missing)]
    for (file, problem), group in rest.groupby(["file", "problem"], sort=False):
        rows = group["row"].dropna().astype(int).tolist()
        where = f" (rows {', '.join(map(str, rows[:10]))}{'...' if len(rows) > 10 else ''})"
        parts.append(f"{file}: {len(group)} {problem}{where if rows else ''}")
    name = os.fspath(path).rsplit(os.sep, 1)[-1]
    return (
        f"LinkedIn export {name}: {len(p)} problems: {'; '.join(parts)}. "
        "Use read_linkedin(...).problems for the full table."
    )


def _resolve(people: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Person id of each event: a connection's index (as str), or a new key, or NaN.

    By profile URL first; then by name when it belongs to one connection only.
    """
    c_url = url_key(people["linkedin_url"])
    c_name = name_key(people["contact"])
    ids = pd.Series(people.index.astype(str), index=people.index)
    by_url = ids[c_url.notna()].groupby(c_url[c_url.notna()]).first()
    name_counts = c_name.value_counts()
    unique_names = name_counts.index[name_counts == 1]
    by_name = pd.Series(
        ids[c_name.isin(unique_names)].to_numpy(), index=c_name[c_name.isin(unique_names)]
    )

    e_url = url_key(events["url"])
    e_name = name_key(events["name"])
    pid = e_url.map(by_url).astype(object)
    pid = pid.fillna(e_name.map(by_name).astype(object))
    # Not a connection: key by URL, else by name (adopting the URL key of the one
    # URL-bearing mention with that name, if there is exactly one).
    new = pid.isna()
    key = ("u:" + e_url.astype(object)).where(e_url.notna()).astype(object)
    named = pd.DataFrame({"name": e_name, "key": key})[new & key.notna() & e_name.notna()]
    named = named.drop_duplicates()
    one = named.groupby("name")["key"].agg(["first", "size"])
    name_to_key = one.loc[one["size"] == 1, "first"]
    key = key.fillna(e_name.map(name_to_key).astype(object))
    key = key.fillna(("n:" + e_name.astype(object)).astype(object))
    return pid.where(~new, key)


def _build_log(
    people: pd.DataFrame, req: pd.DataFrame, ans: pd.DataFrame, as_of: pd.Timestamp
) -> pd.DataFrame:
    events = pd.concat([req.assign(kind="request"), ans.assign(kind="answer")], ignore_index=True)
    events["pid"] = _resolve(people, events)
    events = events[events["pid"].notna()]
    req = events[events["kind"] == "request"].sort_values(["date", "file", "row"], kind="stable")
    ans = events[events["kind"] == "answer"]

    base = people.set_axis(people.index.astype(str))
    newcomers = req[~req["pid"].isin(base.index)].drop_duplicates("pid", keep="first")
    found = pd.DataFrame(
        {
            "contact": newcomers["name"].to_numpy(),
            "linkedin_url": newcomers["url"].to_numpy(),
            "source_row": newcomers["row"].to_numpy(),
        },
        index=newcomers["pid"].to_numpy(),
    )
    persons = pd.concat([base, found]) if len(found) else base

    first = req.groupby("pid")["date"].min()
    accepted = pd.DataFrame(
        {"pid": persons.index, "date": persons["connected_on"].to_numpy()}
    ).dropna()
    accepted = accepted[accepted["date"] <= as_of]
    answer = pd.concat([ans[["pid", "date"]], accepted], ignore_index=True)
    answer = answer[answer["pid"].isin(first.index)]
    answer = answer[answer["date"].to_numpy() >= first.reindex(answer["pid"]).to_numpy()]
    responded = answer.groupby("pid")["date"].min()

    later = req[["pid", "date"]].assign(
        first=first.reindex(req["pid"]).to_numpy(),
        answered=responded.reindex(req["pid"]).to_numpy(),
    )
    later = later[
        (later["date"] > later["first"])
        & (later["answered"].isna() | (later["date"] < later["answered"]))
    ]
    followed = later.groupby("pid")["date"].max()
    with_text = req[req["message"].fillna("").str.strip() != ""]
    note = with_text.drop_duplicates("pid", keep="first").set_index("pid")["message"]

    persons = persons.assign(
        requested_on=first.reindex(persons.index),
        followed_up_on=followed.reindex(persons.index),
        responded_on=responded.reindex(persons.index),
        notes=note.reindex(persons.index),
    )
    asked = persons["requested_on"].notna()
    before = persons["connected_on"].notna() & (
        ~asked | (persons["connected_on"] < persons["requested_on"])
    )
    persons["source"] = np.where(before, "existing_contact", "linkedin_search")
    persons["channel"] = np.where(asked, "linkedin", None)  # type: ignore[call-overload]  # None fills
    persons["status"] = np.select(
        [persons["responded_on"].notna(), asked], ["replied", "awaiting"], "prospect"
    )
    persons = persons.sort_values(
        ["requested_on", "connected_on", "contact"], na_position="last", kind="stable"
    )
    return _canonical_frame(persons.reset_index(drop=True))


def _canonical_frame(p: pd.DataFrame) -> pd.DataFrame:
    """All canonical columns with their dtypes, then ``source_row`` and ``connected_on``."""
    n = len(p)
    out: dict[str, Any] = {}
    for col in COLUMNS:
        values = p[col] if col in p.columns else pd.Series([None] * n, dtype=object)
        values = values.reset_index(drop=True)
        if col in DATE_COLUMNS:
            out[col] = pd.to_datetime(values).astype("datetime64[ns]").dt.normalize()
        elif col in INTEGER_COLUMNS:
            out[col] = pd.array([pd.NA] * n, dtype="Int64")
        elif col in CATEGORY_COLUMNS:
            out[col] = pd.Categorical(values.astype(object), categories=CATEGORIES[col])
        else:
            text = pd.Series(values.astype(object), dtype="str")
            out[col] = text.where(text != "")
    out["source_row"] = p["source_row"].astype(np.int64).to_numpy()
    out["connected_on"] = pd.to_datetime(p["connected_on"]).astype("datetime64[ns]").to_numpy()
    return pd.DataFrame(out, index=pd.RangeIndex(n))

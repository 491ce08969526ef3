"""Turning each file of a LinkedIn export into people and events (private).

Each reader returns plain tables (no matching across files yet):

* connections: one row per person, with ``connected_on``;
* requests: ``name, url, date, row, file, message`` (outgoing invitations and
  conversations the user started);
* answers: ``name, url, date`` (every message someone else sent the user);

plus problems and counts. :mod:`infoview_analytics.io.linkedin.reader` matches them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ...core.names import name_key
from .files import (
    CONNECTED_FORMATS,
    CONNECTIONS,
    INVITATIONS,
    MESSAGE_FORMATS,
    MESSAGES,
    SENT_AT_FORMATS,
    parse_dates,
    read_table,
    url_key,
)

__all__: list[str] = []

#: Sender shown for deleted or private accounts; such conversations cannot be matched.
LINKEDIN_MEMBER = "linkedin member"
#: FOLDER values (casefolded, substring) whose conversations are ads or spam, not people.
IGNORED_FOLDERS = ("sponsor", "spam")

EVENT_COLUMNS = ["name", "url", "date", "row", "file", "message"]


def problem_rows(file: str, rows: Any, column: Any, values: Any, problem: str) -> pd.DataFrame:
    """Problems in the tidy layout ``file, row, column, value, problem``."""
    rows = pd.array(list(rows), dtype="Int64")
    return pd.DataFrame(
        {
            "file": file,
            "row": rows,
            "column": column,
            "value": pd.Series(values, dtype=object).to_numpy() if len(rows) else [],
            "problem": problem,
        },
        index=pd.RangeIndex(len(rows)),
    )


def _full_name(first: pd.Series, last: pd.Series) -> pd.Series:
    return (first + " " + last).str.replace(r"\s+", " ", regex=True).str.strip()


def read_connections(data: bytes, where: str) -> tuple[pd.DataFrame, list[pd.DataFrame], int]:
    """Connections.csv -> (people, problems, rows read)."""
    t = read_table(
        data,
        name=CONNECTIONS,
        where=where,
        starts=("First Name", "Last Name"),
        required=("First Name", "Last Name", "Company", "Position", "Connected On"),
        optional=("URL", "Email Address"),
    )
    f = t.frame
    contact = _full_name(f["First Name"], f["Last Name"])
    named = (contact != "").to_numpy()
    problems = []
    if not named.all():
        others = f.loc[~named, ["Company", "Position", "URL", "Email Address"]]
        date_only = ((others == "").all(axis=1) & (f.loc[~named, "Connected On"] != "")).to_numpy()
        skipped = f.loc[~named]
        problems.append(
            problem_rows(
                CONNECTIONS,
                t.rows[~named][date_only],
                "Connected On",
                skipped["Connected On"][date_only],
                "holds only a date (LinkedIn leaves out people who hide their details); skipped",
            )
        )
        problems.append(
            problem_rows(
                CONNECTIONS,
                t.rows[~named][~date_only],
                "First Name",
                skipped["Company"][~date_only],
                "has no name; skipped",
            )
        )
    f = f.loc[named]
    rows = t.rows[named]
    connected = parse_dates(
        f["Connected On"], CONNECTED_FORMATS, rows=rows, table=t, column="Connected On"
    ).dt.normalize()
    people = pd.DataFrame(
        {
            "contact": contact[named].to_numpy(),
            "organization": f["Company"].to_numpy(),
            "role": f["Position"].to_numpy(),
            "email": f["Email Address"].to_numpy(),
            "linkedin_url": f["URL"].to_numpy(),
            "connected_on": connected.to_numpy(),
            "source_row": rows,
        }
    )
    return people, problems, len(t.frame)


def read_invitations(
    data: bytes, where: str
) -> tuple[pd.DataFrame, list[pd.DataFrame], dict[str, int], pd.DataFrame]:
    """Invitations.csv -> (outgoing requests, problems, counts, owner evidence)."""
    t = read_table(
        data,
        name=INVITATIONS,
        where=where,
        starts=("From", "To"),
        required=("From", "To", "Sent At", "Direction"),
        optional=("Message", "inviterProfileUrl", "inviteeProfileUrl"),
    )
    f = t.frame
    direction = f["Direction"].str.upper()
    out = (direction == "OUTGOING").to_numpy()
    inc = (direction == "INCOMING").to_numpy()
    problems = []
    other = ~(out | inc)
    if other.any():
        problems.append(
            problem_rows(
                INVITATIONS,
                t.rows[other],
                "Direction",
                f.loc[other, "Direction"],
                "Direction is neither OUTGOING nor INCOMING; skipped",
            )
        )
    sent = parse_dates(
        f.loc[out, "Sent At"], SENT_AT_FORMATS, rows=t.rows[out], table=t, column="Sent At"
    )
    requests = pd.DataFrame(
        {
            "name": f.loc[out, "To"].to_numpy(),
            "url": f.loc[out, "inviteeProfileUrl"].to_numpy(),
            "date": sent.dt.normalize().to_numpy(),
            "row": t.rows[out],
            "file": INVITATIONS,
            "message": f.loc[out, "Message"].to_numpy(),
        }
    )
    # Who the export belongs to: the sender of outgoing, the receiver of incoming invitations.
    owner = pd.DataFrame(
        {
            "name": np.concatenate([f.loc[out, "From"], f.loc[inc, "To"]]),
            "url": np.concatenate(
                [f.loc[out, "inviterProfileUrl"], f.loc[inc, "inviteeProfileUrl"]]
            ),
        }
    )
    counts = {"invitations_outgoing": int(out.sum()), "invitations_incoming": int(inc.sum())}
    return requests, problems, counts, owner


def _mode_identity(names: pd.Series, urls: pd.Series) -> tuple[set[str], set[str]]:
    """The most frequent (url key, name key) pair, as sets of keys ('' dropped)."""
    frame = pd.DataFrame({"u": url_key(urls).fillna(""), "n": name_key(names).fillna("")})
    frame = frame[(frame["u"] != "") | (frame["n"] != "")]
    if frame.empty:
        return set(), set()
    top = frame.value_counts(sort=True).index[0]
    return {top[0]} - {""}, {top[1]} - {""}


def read_messages(
    data: bytes, where: str, owner_evidence: pd.DataFrame | None, connections: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, list[pd.DataFrame], dict[str, int]]:
    """messages.csv -> (requests, answers, problems, counts).

    The export's owner is the person who sent the most outgoing invitations
    (or received the incoming ones); without invitations, the participant
    (sender, or sole recipient) of the most conversations who is not among
    their own connections.
    """
    t = read_table(
        data,
        name=MESSAGES,
        where=where,
        starts=("CONVERSATION ID", "CONVERSATION TITLE"),
        required=(
            "CONVERSATION ID",
            "FROM",
            "SENDER PROFILE URL",
            "TO",
            "RECIPIENT PROFILE URLS",
            "DATE",
        ),
        optional=("FOLDER", "IS MESSAGE DRAFT"),
    )
    f = t.frame
    rows = t.rows
    problems: list[pd.DataFrame] = []
    draft = f["IS MESSAGE DRAFT"].str.casefold().isin(["yes", "true"]).to_numpy()
    f, rows = f.loc[~draft], rows[~draft]
    date = parse_dates(f["DATE"], MESSAGE_FORMATS, rows=rows, table=t, column="DATE")
    undated = date.isna().to_numpy()
    if undated.any():
        problems.append(
            problem_rows(
                MESSAGES, rows[undated], "DATE", f.loc[undated, "DATE"], "no date; skipped"
            )
        )
    m = pd.DataFrame(
        {
            "conv": f["CONVERSATION ID"].to_numpy(),
            "date": date.to_numpy(),
            "row": rows,
            "from": f["FROM"].to_numpy(),
            "from_url": f["SENDER PROFILE URL"].to_numpy(),
            "to": f["TO"].to_numpy(),
            "to_url": f["RECIPIENT PROFILE URLS"].to_numpy(),
            "folder": f["FOLDER"].str.casefold().to_numpy(),
        }
    ).loc[~undated]
    m["from_u"], m["from_n"] = url_key(m["from_url"]), name_key(m["from"])
    # Group conversations list several profile URLs (profile URLs hold no commas; names may).
    n_to = m["to_url"].str.count(r"linkedin\.com")
    m["to_u"], m["to_n"] = url_key(m["to_url"].where(n_to <= 1, "")), name_key(m["to"])
    bad = (
        m["from_n"].eq(LINKEDIN_MEMBER)
        | m["to_n"].eq(LINKEDIN_MEMBER)
        | m["folder"].str.contains("|".join(IGNORED_FOLDERS), regex=True)
    )
    ignored_ids = pd.unique(m.loc[bad, "conv"])
    m = m.loc[~m["conv"].isin(ignored_ids)]

    owner_u, owner_n = _owner(m, owner_evidence, connections, problems)
    is_owner = m["from_u"].isin(owner_u) | m["from_n"].isin(owner_n)
    first = m.assign(is_owner=is_owner, n_to=n_to).sort_values(["conv", "date", "row"])
    first = first.drop_duplicates("conv", keep="first")
    started = first["is_owner"]
    group = started & (first["n_to"] > 1)
    begun = first.loc[started & ~group].set_index("conv")
    # The user's messages in those conversations until the other person's first
    # reply: the first is the request, later ones follow-ups.
    mine = m.loc[is_owner & m["conv"].isin(begun.index)]
    replied = m.loc[~is_owner].groupby("conv")["date"].min()
    until = replied.reindex(mine["conv"]).to_numpy()
    mine = mine.loc[pd.isna(until) | (mine["date"].to_numpy() < until)]
    to = begun.reindex(mine["conv"])
    requests = pd.DataFrame(
        {
            "name": to["to"].to_numpy(),
            "url": to["to_url"].to_numpy(),
            "date": mine["date"].dt.normalize().to_numpy(),
            "row": mine["row"].to_numpy(),
            "file": MESSAGES,
            "message": "",
        },
        columns=EVENT_COLUMNS,
    )
    theirs = m.loc[~is_owner]
    answers = pd.DataFrame(
        {
            "name": theirs["from"].to_numpy(),
            "url": theirs["from_url"].to_numpy(),
            "date": theirs["date"].dt.normalize().to_numpy(),
        }
    )
    counts = {
        "messages": len(t.frame),
        "draft_messages": int(draft.sum()),
        "conversations": int(m["conv"].nunique()) + len(ignored_ids),
        "conversations_started": len(begun),
        "group_conversations": int(group.sum()),
        "ignored_conversations": len(ignored_ids),
    }
    return requests, answers, problems, counts


def _owner(
    m: pd.DataFrame,
    evidence: pd.DataFrame | None,
    connections: pd.DataFrame,
    problems: list[pd.DataFrame],
) -> tuple[set[str], set[str]]:
    """Profile-URL keys and name keys of the export's owner."""
    if evidence is not None and len(evidence):
        return _mode_identity(evidence["name"], evidence["url"])
    # Participants: senders, and sole recipients (url key, else name key).
    who = pd.concat(
        [
            pd.DataFrame({"conv": m["conv"], "u": m["from_u"], "n": m["from_n"]}),
            pd.DataFrame({"conv": m["conv"], "u": m["to_u"], "n": m["to_n"]}),
        ],
        ignore_index=True,
    )
    who["key"] = who["u"].fillna("n:" + who["n"].fillna(""))
    who = who[who["key"] != "n:"]
    # Nobody is among their own connections.
    known = who["u"].isin(url_key(connections["linkedin_url"]).dropna()) | who["n"].isin(
        name_key(connections["contact"]).dropna()
    )
    if not known.all():
        who = who[~known]
    if who.empty:
        problems.append(
            problem_rows(
                MESSAGES,
                [None],
                "FROM",
                [""],
                "cannot tell which participant is you (no invitations, and nobody in the "
                "messages who is not a connection); the messages were not imported: add "
                "Invitations.csv from the same export",
            )
        )
        return set(), set()
    # The user takes part in every conversation they had, and is never their own
    # connection: the participant of the most conversations; between equals, the one
    # who sent messages in the most of them.
    conversations = who.groupby("key")["conv"].nunique()
    senders = m.assign(key=m["from_u"].fillna("n:" + m["from_n"].fillna("")))
    sent = senders.groupby("key")["conv"].nunique().reindex(conversations.index, fill_value=0)
    per = pd.DataFrame({"conversations": conversations, "sent": sent}).sort_values(
        ["conversations", "sent"], ascending=False, kind="stable"
    )
    top = per.index[0]
    if len(per) > 1 and tuple(per.iloc[1]) == tuple(per.iloc[0]):
        tied = [str(k).removeprefix("n:") for k in per.index[(per == per.iloc[0]).all(axis=1)]]
        problems.append(
            problem_rows(
                MESSAGES,
                [None],
                "FROM",
                [" or ".join(tied[:3])],
                "cannot tell which participant is you: "
                f"{len(tied)} take part in and write in as many conversations (no "
                "invitations to go by); the messages were not imported: add "
                "Invitations.csv or Connections.csv from the same export",
            )
        )
        return set(), set()
    mine = who[who["key"] == top]
    return set(mine["u"].dropna()), set(mine["n"].dropna())

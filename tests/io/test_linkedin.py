"""Tests of the LinkedIn export import: files shaped like LinkedIn's, fictional people."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from linkedin_export import (
    AS_OF,
    BEN,
    CONNECTIONS,
    CONNECTIONS_HEADER,
    CONNECTIONS_RESAVED,
    DEV,
    EVE,
    INVITATIONS,
    ME,
    MESSAGES,
    MESSAGES_HEADER,
    _msg,
    write_export,
)

from infoview_analytics import LinkedInExportError, LogProblemsWarning, load_linkedin
from infoview_analytics.core.schema import CATEGORIES, COLUMNS
from infoview_analytics.io.linkedin.reader import read_linkedin


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return write_export(tmp_path)


def _by_contact(log: pd.DataFrame) -> pd.DataFrame:
    return log.set_index("contact")


D = pd.Timestamp
NAT = pd.NaT

# contact: requested_on, followed_up_on, responded_on, status, source, source_row, notes
EXPECTED = {
    "Ana Ruiz": (
        D("2026-04-01"),
        NAT,
        D("2026-04-02"),
        "replied",
        "linkedin_search",
        5,
        "Hi Ana, could we talk, 20 minutes?",
    ),
    "Ben Ode": (D("2026-04-03"), NAT, D("2026-04-08"), "replied", "existing_contact", 7, None),
    "Chloé Park": (D("2026-04-03"), NAT, D("2026-04-10"), "replied", "linkedin_search", 8, None),
    "Finn Lund": (D("2026-04-06"), NAT, NAT, "awaiting", "linkedin_search", 4, "Hello Finn"),
    "Dev Shah": (
        D("2026-04-10"),
        D("2026-04-12"),
        D("2026-04-20"),
        "replied",
        "linkedin_search",
        9,
        None,
    ),
    "Eve Stone": (NAT, NAT, NAT, "prospect", "existing_contact", 10, None),
}


@pytest.mark.parametrize("contact", list(EXPECTED))
def test_each_person_hand_computed(export: Path, contact: str) -> None:
    log = _by_contact(read_linkedin(export, as_of=AS_OF).log)
    req, fol, resp, status, source, row, note = EXPECTED[contact]
    got = log.loc[contact]
    assert got["requested_on"] == req or (pd.isna(req) and pd.isna(got["requested_on"]))
    assert got["followed_up_on"] == fol or (pd.isna(fol) and pd.isna(got["followed_up_on"]))
    assert got["responded_on"] == resp or (pd.isna(resp) and pd.isna(got["responded_on"]))
    assert got["status"] == status
    assert got["source"] == source
    assert got["source_row"] == row
    assert (got["notes"] if pd.notna(got["notes"]) else None) == note
    assert (got["channel"] if pd.notna(got["channel"]) else None) == (
        "linkedin" if pd.notna(req) else None
    )


def test_log_shape_and_dtypes(export: Path) -> None:
    log = read_linkedin(export, as_of=AS_OF).log
    assert list(log.columns) == [*COLUMNS, "source_row", "connected_on"]
    assert sorted(log["contact"]) == sorted(EXPECTED)  # Gus (incoming) and Max are not people
    assert log["requested_on"].dtype == "datetime64[ns]"
    assert (log["connected_on"].dropna() == log["connected_on"].dropna().dt.normalize()).all()
    for col in ("status", "channel", "source"):
        assert list(log[col].cat.categories) == list(CATEGORIES[col])
    assert log["minutes_planned"].dtype == "Int64"
    assert log["channel"].isna().sum() == 1  # only the prospect has no channel
    assert isinstance(log.index, pd.RangeIndex)
    row = _by_contact(log).loc["Dev Shah"]
    assert (row["organization"], row["role"]) == ("Umbrella, Ltd", "VP, Research")
    assert _by_contact(log).loc["Ben Ode", "email"] == "ben@example.org"
    assert (
        _by_contact(log).loc["Finn Lund", "linkedin_url"]
        == "https://www.linkedin.com/in/finn-lund/"
    )


def test_counts_and_problems(export: Path) -> None:
    result = read_linkedin(export, as_of=AS_OF)
    c = result.counts
    assert (c["people"], c["asked"], c["answered"], c["prospects"]) == (6, 5, 4, 1)
    assert (c["connections"], c["connection_rows_skipped"]) == (5, 1)
    assert (c["invitations_outgoing"], c["invitations_incoming"]) == (4, 1)
    assert (c["ignored_conversations"], c["draft_messages"]) == (2, 1)
    assert (c["conversations"], c["conversations_started"]) == (5, 2)
    assert result.missing == ()
    p = result.problems
    assert p[["file", "row", "value"]].values.tolist() == [["Connections.csv", 6, "05 Apr 2026"]]
    assert "only a date" in p["problem"].iloc[0]


@pytest.mark.parametrize(
    ("kind", "subfolder"), [("zip", ""), ("zip", "Basic_Export/"), ("folder", "inner/")]
)
def test_zip_folder_and_subfolder_give_the_same_log(tmp_path: Path, kind: str, subfolder: str):
    reference = read_linkedin(write_export(tmp_path / "a"), as_of=AS_OF).log
    other = read_linkedin(
        write_export(tmp_path / "b", kind=kind, subfolder=subfolder), as_of=AS_OF
    ).log
    pd.testing.assert_frame_equal(reference, other)


def test_file_names_match_whatever_the_case(tmp_path: Path) -> None:
    files = {
        "CONNECTIONS.CSV": CONNECTIONS,
        "invitations.csv": INVITATIONS,
        "Messages.csv": MESSAGES,
    }
    log = read_linkedin(write_export(tmp_path, kind="zip", files=files), as_of=AS_OF).log
    assert len(log) == len(EXPECTED)


def test_old_connections_without_notes_or_url(tmp_path: Path) -> None:
    old = (
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        'Ben,Ode,,"Globex, Corp",Engineer,"1/8/18, 6:14 PM"\n'
        'Eve,Stone,,Hooli,Manager,"12/31/19, 11:59 AM"\n'
    )
    result = read_linkedin(write_export(tmp_path, files={"Connections.csv": old}), as_of=AS_OF)
    log = _by_contact(result.log)
    assert log.loc["Ben Ode", "connected_on"] == D("2018-01-08")
    assert log.loc["Eve Stone", "connected_on"] == D("2019-12-31")
    assert log.loc["Ben Ode", "organization"] == "Globex, Corp"
    assert log["linkedin_url"].isna().all()
    assert list(log["source_row"]) == [2, 3]
    assert result.missing == ("Invitations.csv", "messages.csv")
    # Ben asked by message, matched by name (the old export has no URLs).
    msgs = MESSAGES_HEADER + _msg(
        "c1", "Max Muster", ME, "Ben Ode", BEN, "2026-04-03 10:00:00", "hi"
    )
    both = read_linkedin(
        write_export(tmp_path / "x", files={"Connections.csv": old, "messages.csv": msgs}),
        as_of=AS_OF,
    ).log
    assert _by_contact(both).loc["Ben Ode", "requested_on"] == D("2026-04-03")
    assert len(both) == 2


def test_partial_export_warns_once_naming_what_is_missing(tmp_path: Path) -> None:
    path = write_export(tmp_path, files={"Connections.csv": CONNECTIONS})
    with pytest.warns(
        LogProblemsWarning, match=r"Invitations.csv missing; messages.csv missing"
    ) as rec:
        log = load_linkedin(path, as_of=AS_OF)
    assert len(rec) == 1
    assert "Connections.csv: 1 holds only a date" in str(rec[0].message)
    assert (log["status"] == "prospect").all()
    assert len(log) == 5


def test_asked_only_and_since(export: Path) -> None:
    asked = read_linkedin(export, as_of=AS_OF, asked_only=True).log
    assert "Eve Stone" not in set(asked["contact"])
    assert len(asked) == 5
    later = read_linkedin(export, as_of=AS_OF, since="2026-04-06")
    log = _by_contact(later.log)
    # Ana, Ben, Chloé were asked before: connections become prospects again.
    assert log.loc[["Ana Ruiz", "Ben Ode", "Chloé Park"], "status"].tolist() == ["prospect"] * 3
    assert log.loc["Dev Shah", "requested_on"] == D("2026-04-10")
    assert log.loc["Finn Lund", "requested_on"] == D("2026-04-06")  # on the day: kept
    assert later.counts["requests_before_since"] == 3


def test_as_of_ignores_later_events(export: Path) -> None:
    log = _by_contact(read_linkedin(export, as_of="2026-04-09").log)
    assert log.loc["Ana Ruiz", "status"] == "replied"
    assert log.loc["Chloé Park", "status"] == "awaiting"  # accepted on 10 Apr
    assert "Dev Shah" in log.index
    assert pd.isna(log.loc["Dev Shah", "requested_on"])


@pytest.mark.parametrize(
    "written",
    ["Chloe\u0301 Park", "CHLOÉ  PARK", "Chloé\u00a0Park", "chloe park\u200b"],
)
def test_invitation_matched_to_a_connection_by_the_name_key(tmp_path: Path, written) -> None:
    # Chloé's invitation has another URL: it is matched by name, however the name is written.
    invitations = INVITATIONS.replace("Max Muster,Chloe Park,", f"Max Muster,{written},")
    files = {"Connections.csv": CONNECTIONS, "Invitations.csv": invitations}
    log = _by_contact(read_linkedin(write_export(tmp_path, files=files), as_of=AS_OF).log)
    row = log.loc["Chloé Park"]
    assert (row["requested_on"], row["responded_on"]) == (D("2026-04-03"), D("2026-04-10"))
    assert written not in log.index


def test_answer_before_the_request_does_not_count(tmp_path: Path) -> None:
    # Ben wrote in 2025 (incoming), the user asked in 2026: no answer yet.
    msgs = (
        MESSAGES_HEADER
        + _msg("a", "Ben Ode", BEN, "Max Muster", ME, "2025-05-01 10:00:00", "hello")
        + _msg("b", "Max Muster", ME, "Ben Ode", BEN, "2026-04-20 10:00:00", "coffee?")
        + _msg("b", "Max Muster", ME, "Ben Ode", BEN, "2026-04-22 10:00:00", "bump")
    )
    files = {"Connections.csv": CONNECTIONS, "messages.csv": msgs}
    log = _by_contact(read_linkedin(write_export(tmp_path, files=files), as_of=AS_OF).log)
    row = log.loc["Ben Ode"]
    assert (row["requested_on"], row["followed_up_on"]) == (D("2026-04-20"), D("2026-04-22"))
    assert pd.isna(row["responded_on"])
    assert row["status"] == "awaiting"


def test_owner_found_from_messages_without_invitations(tmp_path: Path) -> None:
    # Max takes part in 3 conversations, everyone else in one.
    msgs = (
        MESSAGES_HEADER
        + _msg("a", "Ben Ode", BEN, "Max Muster", ME, "2026-04-01 10:00:00", "hi")
        + _msg("b", "Max Muster", ME, "Eve Stone", EVE, "2026-04-02 10:00:00", "coffee?")
        + _msg("b", "Eve Stone", EVE, "Max Muster", ME, "2026-04-04 10:00:00", "yes")
        + _msg("c", "Max Muster", ME, "Dev Shah", DEV, "2026-04-03 10:00:00", "coffee?")
    )
    files = {"Connections.csv": CONNECTIONS, "messages.csv": msgs}
    log = _by_contact(read_linkedin(write_export(tmp_path, files=files), as_of=AS_OF).log)
    assert log.loc["Eve Stone", "responded_on"] == D("2026-04-04")
    assert log.loc["Dev Shah", "status"] == "replied"  # accepted on 20 Apr? no: connected before
    assert log.loc["Ben Ode", "status"] == "prospect"


@pytest.mark.parametrize(
    ("files", "match"),
    [
        ({"Profile.csv": "First Name,Last Name\n"}, r"holds none of Connections.csv"),
        (
            {"Connections.csv": "Name,Company\nAna,Acme\n"},
            r"Connections.csv in .*expected a header line starting with 'First Name,Last Name'",
        ),
        (
            {
                "Connections.csv": "First Name,Last Name,URL,Company,Connected On\n"
                "A,B,,C,1 May 2024\n"
            },
            r"Connections.csv.*Position is missing",
        ),
        (
            {"Connections.csv": CONNECTIONS_HEADER + "Ana,Ruiz,,,Acme,Analyst,someday\n"},
            r"Connections.csv.*'Connected On': row 2 \('someday'\).*'30 May 2024'",
        ),
        (
            {"Invitations.csv": "From,To,Sent At,Direction\nA,B,yesterday,OUTGOING\n"},
            r"Invitations.csv.*'Sent At': row 2",
        ),
        (
            {"messages.csv": "CONVERSATION ID,CONVERSATION TITLE,FROM,DATE\n"},
            r"messages.csv.*SENDER PROFILE URL, TO, RECIPIENT PROFILE URLS are missing",
        ),
    ],
)
@pytest.mark.parametrize("kind", ["zip", "folder"])
def test_bad_exports_name_the_file(tmp_path: Path, files, match, kind) -> None:
    with pytest.raises(LinkedInExportError, match=match):
        read_linkedin(write_export(tmp_path, kind=kind, files=files), as_of=AS_OF)


def test_missing_or_wrong_path(tmp_path: Path) -> None:
    with pytest.raises(LinkedInExportError, match=r"Cannot find the LinkedIn export"):
        read_linkedin(tmp_path / "nope.zip")
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    with pytest.raises(LinkedInExportError, match=r"neither a .zip nor a folder"):
        read_linkedin(other)


def test_inputs_on_disk_are_not_changed(tmp_path: Path) -> None:
    path = write_export(tmp_path, kind="zip")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    read_linkedin(path, as_of=AS_OF)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


# ---------------------------------------------------------------- as exported now
def test_connections_saved_again_in_excel(tmp_path: Path) -> None:
    # No "Notes:" preamble, dates like 6-Feb-26: the same people and dates, and the
    # rows counted from the header on row 1 (the original's header is on row 4).
    original = read_linkedin(write_export(tmp_path / "a"), as_of=AS_OF)
    files = {
        "Connections.csv": CONNECTIONS_RESAVED,
        "Invitations.csv": INVITATIONS,
        "messages.csv": MESSAGES,
    }
    resaved = read_linkedin(write_export(tmp_path / "b", files=files), as_of=AS_OF)
    a, b = _by_contact(original.log), _by_contact(resaved.log)
    pd.testing.assert_frame_equal(a.drop(columns="source_row"), b.drop(columns="source_row"))
    assert b.loc["Ana Ruiz", "connected_on"] == D("2026-04-02")
    assert b.loc["Eve Stone", "connected_on"] == D("2021-03-01")
    assert b.loc["Ana Ruiz", "source_row"] == 2
    assert b.loc["Eve Stone", "source_row"] == 7


@pytest.mark.parametrize("archive", ["Basic", "Complete"])
def test_basic_and_complete_archives(tmp_path: Path, archive: str) -> None:
    path = write_export(tmp_path, kind="zip", archive=archive)
    assert path.name.startswith(f"{archive}_LinkedInDataExport_")
    log = read_linkedin(path, as_of=AS_OF).log
    reference = read_linkedin(write_export(tmp_path / "folder"), as_of=AS_OF).log
    pd.testing.assert_frame_equal(log, reference)


def test_invitation_matched_to_its_connection_by_profile_url(tmp_path: Path) -> None:
    # The invitation names "Dev S." but its inviteeProfileUrl is Dev Shah's.
    invitations = (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        f'Max Muster,Dev S.,"4/10/26, 10:00 AM",,OUTGOING,{ME},{DEV}/\n'
    )
    files = {"Connections.csv": CONNECTIONS, "Invitations.csv": invitations}
    log = _by_contact(read_linkedin(write_export(tmp_path, files=files), as_of=AS_OF).log)
    assert log.loc["Dev Shah", "requested_on"] == D("2026-04-10")
    assert "Dev S." not in log.index


def test_messages_only_the_user_found_from_profile_urls(tmp_path: Path) -> None:
    # The upper-case messages.csv has no Direction: Max's URL takes part in every
    # conversation (c1, c2, c3, c6 are his; c4 and c5 are ignored), so Max is the user.
    # c1: Max asks Ben 3 Apr, Ben answers 8 Apr. c2: Max writes Dev 12 Apr, no answer.
    # c3: Eve wrote first (not a request). c6: a draft (skipped).
    result = read_linkedin(write_export(tmp_path, files={"messages.csv": MESSAGES}), as_of=AS_OF)
    log = _by_contact(result.log)
    assert sorted(log.index) == ["Ben Ode", "Dev Shah"]
    assert log.loc["Ben Ode", "requested_on"] == D("2026-04-03")
    assert log.loc["Ben Ode", "responded_on"] == D("2026-04-08")
    assert log.loc["Dev Shah", "requested_on"] == D("2026-04-12")
    assert pd.isna(log.loc["Dev Shah", "responded_on"])
    assert not result.problems["problem"].str.contains("which participant").any()


def test_messages_only_when_the_user_cannot_be_told(tmp_path: Path) -> None:
    # One conversation in which both wrote: either could be the user. Say so, and
    # import nothing rather than guess (a wrong guess makes Max a contact of his own).
    msgs = (
        MESSAGES_HEADER
        + _msg("c1", "Max Muster", ME, "Ben Ode", BEN, "2026-04-03 10:00:00", "Coffee?")
        + _msg("c1", "Ben Ode", BEN, "Max Muster", ME, "2026-04-04 10:00:00", "Sure")
    )
    result = read_linkedin(write_export(tmp_path, files={"messages.csv": msgs}), as_of=AS_OF)
    assert len(result.log) == 0
    said = result.problems[result.problems["problem"].str.contains("which participant is you")]
    assert len(said) == 1
    assert "Invitations.csv" in said["problem"].iloc[0]
    assert "max-muster" in said["value"].iloc[0]
    assert "ben-ode" in said["value"].iloc[0]

"""A LinkedIn data export shaped like LinkedIn's, with fictional people (shared test data).

Used by tests/io/test_linkedin.py and tests/cli/test_cli_linkedin.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

AS_OF = "2026-04-30"
ME = "https://www.linkedin.com/in/max-muster"

NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the fields are '
    'empty, because people can choose not to share their email address, for example."\n'
    "\n"
)
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
# Spreadsheet rows (preamble 1-3, header 4): Ana 5, date-only 6, Ben 7, Chloé 8, Dev 9, Eve 10.
CONNECTIONS = (
    NOTES
    + CONNECTIONS_HEADER
    + 'Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,,"Acme, Inc.",Data Analyst,02 Apr 2026\n'
    + ",,,,,,05 Apr 2026\n"
    + "Ben,Ode,https://www.linkedin.com/in/ben-ode,ben@example.org,Globex,Engineer,15 Jan 2020\n"
    + "Chloé,Park,https://www.linkedin.com/in/chloe-park-42,,Initech,Designer,10 Apr 2026\n"
    + 'Dev,Shah,https://www.linkedin.com/in/dev-shah,,"Umbrella, Ltd","VP, Research",'
    + "20 Apr 2026\n"
    + "Eve,Stone,https://www.linkedin.com/in/eve-stone,,Hooli,Manager,01 Mar 2021\n"
)
# The same file opened and saved again in Excel: the "Notes:" preamble is gone, the
# dates are in Excel's d-mmm-yy style, quotes only where a comma needs them.
# Spreadsheet rows: header 1, Ana 2, date-only 3, Ben 4, Chloé 5, Dev 6, Eve 7.
CONNECTIONS_RESAVED = (
    CONNECTIONS_HEADER
    + 'Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,,"Acme, Inc.",Data Analyst,2-Apr-26\n'
    + ",,,,,,5-Apr-26\n"
    + "Ben,Ode,https://www.linkedin.com/in/ben-ode,ben@example.org,Globex,Engineer,15-Jan-20\n"
    + "Chloé,Park,https://www.linkedin.com/in/chloe-park-42,,Initech,Designer,10-Apr-26\n"
    + 'Dev,Shah,https://www.linkedin.com/in/dev-shah,,"Umbrella, Ltd","VP, Research",'
    + "20-Apr-26\n"
    + "Eve,Stone,https://www.linkedin.com/in/eve-stone,,Hooli,Manager,1-Mar-21\n"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    # Ana: invited 1 Apr, accepted 2 Apr.
    f'Max Muster,Ana Ruiz,"4/1/26, 9:15 AM","Hi Ana, could we talk, 20 minutes?",OUTGOING,'
    f"{ME},https://www.linkedin.com/in/ana-ruiz\n"
    # Chloé: matched by name (URL differs), invited 3 Apr, accepted 10 Apr.
    f'Max Muster,Chloe Park,"4/3/26, 2:12 PM",,OUTGOING,{ME},'
    "https://www.linkedin.com/in/chloe-p\n"
    # Finn: never accepted, not a connection.
    f'Max Muster,Finn Lund,"4/6/26, 2:12 PM",Hello Finn,OUTGOING,{ME},'
    "https://www.linkedin.com/in/finn-lund/\n"
    # Gus invited the user: not a request.
    f'Gus Holm,Max Muster,"4/7/26, 8:00 AM",,INCOMING,https://www.linkedin.com/in/gus-holm,{ME}\n'
    # Dev: invited 10 Apr, then messaged 12 Apr (follow-up), accepted 20 Apr.
    f'Max Muster,Dev Shah,"4/10/26, 10:00 AM",,OUTGOING,{ME},'
    "http://www.linkedin.com/in/Dev-Shah?trk=x\n"
)
MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
)


def _msg(
    conv: str,
    who: str,
    url: str,
    to: str,
    to_url: str,
    when: str,
    text: str,
    folder="INBOX",
    draft="No",
) -> str:
    return f'{conv},,{who},{url},{to},{to_url},{when} UTC,,"{text}",{folder},,{draft}\n'


BEN = "https://www.linkedin.com/in/ben-ode"
DEV = "https://www.linkedin.com/in/dev-shah"
EVE = "https://www.linkedin.com/in/eve-stone"
MESSAGES = (
    MESSAGES_HEADER
    # Ben: an old connection; the user asks 3 Apr, Ben answers 8 Apr.
    + _msg("c1", "Max Muster", ME, "Ben Ode", BEN, "2026-04-03 16:35:35", "Hi Ben, coffee?")
    + _msg("c1", "Ben Ode", BEN, "Max Muster", ME, "2026-04-08 09:00:00", "Sure, Tuesday")
    + _msg("c1", "Max Muster", ME, "Ben Ode", BEN, "2026-04-08 09:30:00", "Great")
    # Dev: follow-up message after the invitation, no reply by message.
    + _msg("c2", "Max Muster", ME, "Dev Shah", DEV, "2026-04-12 10:00:00", "Following up")
    # Eve wrote first: not a request.
    + _msg("c3", "Eve Stone", EVE, "Max Muster", ME, "2026-04-02 10:00:00", "Hi Max")
    + _msg("c3", "Max Muster", ME, "Eve Stone", EVE, "2026-04-02 11:00:00", "Hi Eve")
    # Ignored: LinkedIn Member, and a sponsored message.
    + _msg("c4", "LinkedIn Member", "", "Max Muster", ME, "2026-04-04 10:00:00", "Hello")
    + _msg(
        "c5",
        "Acme Ads",
        "https://www.linkedin.com/company/acme",
        "Max Muster",
        ME,
        "2026-04-04 10:00:00",
        "Buy now",
        folder="SPONSORED_INBOX",
    )
    # A draft the user never sent to Eve: skipped.
    + _msg("c6", "Max Muster", ME, "Eve Stone", EVE, "2026-04-05 10:00:00", "draft", draft="Yes")
)


def write_export(
    root: Path,
    *,
    kind: str = "folder",
    files: dict[str, str] | None = None,
    subfolder: str = "",
    archive: str = "Basic",
) -> Path:
    """Write the export as a folder or a zip (optionally inside a subfolder).

    ``archive`` names the zip as LinkedIn does: ``Basic_LinkedInDataExport_...`` for
    the quick archive, ``Complete_LinkedInDataExport_...`` for the full one.
    """
    files = (
        {"Connections.csv": CONNECTIONS, "Invitations.csv": INVITATIONS, "messages.csv": MESSAGES}
        if files is None
        else files
    )
    root.mkdir(parents=True, exist_ok=True)
    if kind == "zip":
        path = root / f"{archive}_LinkedInDataExport_04-30-2026.zip"
        with zipfile.ZipFile(path, "w") as zf:
            for name, text in files.items():
                zf.writestr(f"{subfolder}{name}", text.encode("utf-8"))
        return path
    folder = root / "export"
    (folder / subfolder).mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / subfolder / name).write_text(text, encoding="utf-8")
    return folder

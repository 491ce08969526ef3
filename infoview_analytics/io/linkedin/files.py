"""Reading the files of a LinkedIn data export (private; used by :mod:`linkedin`).

Knows where the three files are (a .zip, possibly with a subfolder, or an
unpacked folder), how to find a header by its content, LinkedIn's date styles,
and how to reduce profile URLs to matching keys (names are keyed by
:mod:`infoview_analytics.core.names`, like everywhere else). Everything that
touches rows is vectorised: an export can hold 100,000 messages.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import LinkedInExportError
from .. import _limits

__all__: list[str] = []

CONNECTIONS = "Connections.csv"
INVITATIONS = "Invitations.csv"
MESSAGES = "messages.csv"
#: The files an import uses, as LinkedIn names them.
EXPORT_FILES = (CONNECTIONS, INVITATIONS, MESSAGES)

#: Date styles, tried in this order. LinkedIn writes month-first numeric dates.
#: A Connections.csv opened and saved again in Excel loses its "Notes:" preamble and
#: has its dates rewritten in Excel's own style, ``6-Feb-26``.
CONNECTED_FORMATS = (
    "%d %b %Y",
    "%m/%d/%y, %I:%M %p",
    "%d %B %Y",
    "%Y-%m-%d",
    "%d-%b-%y",
    "%d-%b-%Y",
)
SENT_AT_FORMATS = ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%d %b %Y", "%Y-%m-%d %H:%M:%S")
MESSAGE_FORMATS = ("%Y-%m-%d %H:%M:%S UTC", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")


@dataclass(frozen=True)
class Table:
    """One CSV of the export: its cells as text, and where it came from."""

    name: str
    where: str
    frame: pd.DataFrame  # columns renamed to the expected names; all str, "" when blank
    rows: np.ndarray  # spreadsheet row of each record (header row counted)


def locate(path: str | os.PathLike[str]) -> tuple[str, dict[str, bytes]]:
    """Find the export's files; return a display name and {expected name: bytes}.

    File names are matched case-insensitively, anywhere in the zip or folder;
    when a name occurs twice the shallowest copy wins.
    """
    p = Path(path)
    if not p.exists():
        msg = (
            f"Cannot find the LinkedIn export {str(path)!r}. Pass the .zip LinkedIn sent you "
            "(or the folder it unpacks to)."
        )
        raise LinkedInExportError(msg)
    wanted = {name.casefold(): name for name in EXPORT_FILES}
    found: dict[str, bytes] = {}
    if p.is_dir():
        candidates = sorted(
            (len(f.relative_to(p).parts), str(f), f)
            for f in p.rglob("*")
            if f.is_file() and f.name.casefold() in wanted
        )
        for _, _, f in candidates:
            found.setdefault(wanted[f.name.casefold()], f.read_bytes())
    elif p.is_file() and zipfile.is_zipfile(p):
        _limits.check_regular(p)
        with zipfile.ZipFile(p) as zf:
            members = sorted(
                (m.filename.count("/"), m.filename)
                for m in zf.infolist()
                if not m.is_dir()
                and not m.filename.startswith("__MACOSX/")
                and m.filename.rsplit("/", 1)[-1].casefold() in wanted
            )
            for _, member in members:
                key = wanted[member.rsplit("/", 1)[-1].casefold()]
                if key not in found:
                    found[key] = _limits.read_member(p, zf, member)
            nested = [m for m in zf.namelist() if m.casefold().endswith(".zip")]
            if not found and nested:
                msg = (
                    f"{p.name} holds another zip ({nested[0]}), not the export's CSV files. "
                    f"Unzip {p.name} and pass the zip inside it (or the folder it unpacks to)."
                )
                raise LinkedInExportError(msg)
    elif p.name.casefold() in wanted:
        _limits.check_file_size(p, text=True)
        found[wanted[p.name.casefold()]] = p.read_bytes()
    else:
        msg = (
            f"{p.name} is neither a .zip nor a folder. Expected the LinkedIn data export: the "
            f".zip from 'Get a copy of your data', or the folder it unpacks to."
        )
        raise LinkedInExportError(msg)
    if not found:
        msg = (
            f"{p.name} holds none of {', '.join(EXPORT_FILES)}. Expected a LinkedIn data "
            "export (from 'Get a copy of your data'); request one that includes connections, "
            "invitations and messages."
        )
        raise LinkedInExportError(msg)
    return p.name, found


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(
    data: bytes,
    *,
    name: str,
    where: str,
    starts: tuple[str, str],
    required: tuple[str, ...],
    optional: tuple[str, ...] = (),
) -> Table:
    """Read one CSV whose header line begins with the two columns in ``starts``.

    Lines above the header (LinkedIn's "Notes:" preamble) are skipped. Columns
    are matched case-insensitively; columns not listed are dropped (later
    exports add some). Missing required columns raise.
    """
    text = _decode(data)
    pattern = (
        r'^[ \t]*"?' + re.escape(starts[0]) + r'"?[ \t]*,[ \t]*"?' + re.escape(starts[1]) + r'"?'
    )
    match = re.search(pattern, text, flags=re.MULTILINE | re.IGNORECASE)
    if match is None:
        first = next((line for line in text.splitlines() if line.strip()), "")[:80]
        msg = (
            f"{name} in {where}: expected a header line starting with "
            f"'{starts[0]},{starts[1]}', but found none (first line: {first!r}). "
            "Check that this is the file from a LinkedIn data export."
        )
        raise LinkedInExportError(msg)
    preamble = text[: match.start()]
    _limits.allow_long_cells()  # a preamble may hold a 200 KB field
    header_row = sum(1 for _ in csv.reader(io.StringIO(preamble, newline=""))) + 1
    try:
        frame = pd.read_csv(
            io.StringIO(text[match.start() :]),
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            index_col=False,
        ).fillna("")
    except pd.errors.ParserError as exc:
        msg = (
            f"{name} in {where}: cannot read it as a CSV table ({exc}). Export the data "
            "again from LinkedIn; if you edited the file, check the quotes around values "
            "that hold commas."
        )
        raise LinkedInExportError(msg) from exc
    by_key = {str(c).strip().casefold(): c for c in frame.columns}
    missing = [c for c in required if c.casefold() not in by_key]
    if missing:
        found = ", ".join(str(c) for c in frame.columns[:12])
        msg = (
            f"{name} in {where}: expected the columns {', '.join(required)}, but "
            f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing "
            f"(found: {found}). Check that this is the file from a LinkedIn data export."
        )
        raise LinkedInExportError(msg)
    keep = {by_key[c.casefold()]: c for c in (*required, *optional) if c.casefold() in by_key}
    frame = frame[list(keep)].rename(columns=keep)
    for col in optional:
        if col not in frame.columns:
            frame[col] = ""
    frame = frame.apply(lambda s: s.str.strip())
    rows = header_row + 1 + np.arange(len(frame))
    # skip_blank_lines=False keeps blank lines as rows so that row numbers match
    # a spreadsheet's; drop them now.
    blank = (frame == "").all(axis=1).to_numpy()
    return Table(name, where, frame.loc[~blank].reset_index(drop=True), rows[~blank])


def parse_dates(
    values: pd.Series, formats: tuple[str, ...], *, rows: np.ndarray, table: Table, column: str
) -> pd.Series:
    """Parse text dates trying ``formats`` in order; raise naming the rows none reads.

    ``rows`` are the spreadsheet rows of ``values``. Returns a datetime64[ns]
    Series (NaT where blank). Parsing runs on the distinct values only.
    """
    codes, uniques = pd.factorize(values)
    u = pd.Series(uniques, dtype=object)
    parsed = pd.Series(pd.NaT, index=u.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = parsed.isna() & (u != "")
        if not todo.any():
            break
        got = pd.to_datetime(u[todo], format=fmt, errors="coerce")
        if getattr(got.dt, "tz", None) is not None:
            got = got.dt.tz_convert(None)
        parsed[todo] = got.astype("datetime64[ns]")
    bad = parsed.isna() & (u != "")
    if bad.any():
        bad_rows = np.flatnonzero(bad.to_numpy()[codes])
        shown = ", ".join(f"row {rows[i]} ({values.iloc[i]!r})" for i in bad_rows[:10])
        more = f" and {len(bad_rows) - 10} more" if len(bad_rows) > 10 else ""
        examples = {
            "%d %b %Y": "30 May 2024",
            "%d-%b-%y": "6-Feb-26",
            "%m/%d/%y, %I:%M %p": "1/8/18, 6:14 PM",
            "%Y-%m-%d %H:%M:%S UTC": "2026-04-06 16:35:35 UTC",
        }
        expected = " or ".join(repr(examples[f]) for f in formats if f in examples)
        msg = (
            f"{table.name} in {table.where}: cannot read the dates in column {column!r}: "
            f"{shown}{more}. Expected dates like {expected}. Export the data again "
            "from LinkedIn, or correct those cells."
        )
        raise LinkedInExportError(msg)
    out = parsed.to_numpy()[codes] if len(u) else np.array([], dtype="datetime64[ns]")
    return pd.Series(out, index=values.index, dtype="datetime64[ns]")


def _on_uniques(values: pd.Series, transform: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """Apply a vectorised string transform to the distinct values only; '' -> NaN."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    out = np.full(len(values), np.nan, dtype=object)
    if len(uniques):
        keys = transform(pd.Series(uniques, dtype=object).astype(str)).to_numpy(dtype=object)
        keys[keys == ""] = np.nan
        have = codes >= 0
        out[have] = keys[codes[have]]
    return pd.Series(out, index=values.index, dtype=object)


def _url_key(u: pd.Series) -> pd.Series:
    u = u.str.strip().str.lower()
    u = u.str.replace(r"[?#].*$", "", regex=True)
    u = u.str.replace(r"^(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com", "linkedin.com", regex=True)
    u = u.str.replace(r"^http://", "https://", regex=True)
    u = u.str.rstrip("/")
    return u.where(u != "linkedin.com", "")


def url_key(values: pd.Series) -> pd.Series:
    """Profile URL reduced for matching: lower case, no scheme, www., query or trailing /.

    Examples
    --------
    >>> url_key(pd.Series(["http://www.LinkedIn.com/in/Ana-Ruiz/?trk=x",
    ...                    "https://linkedin.com/in/ana-ruiz", ""])).tolist()
    ['linkedin.com/in/ana-ruiz', 'linkedin.com/in/ana-ruiz', nan]
    """
    return _on_uniques(values, _url_key)

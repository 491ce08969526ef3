"""Hostile and broken input files built in code, and the checks every case makes.

A plain module (not a conftest, see ``tests/cli/infoview_process.py``). Each case
runs the ``infoview`` command in-process (``cli.app.main``: fast, no interpreter
start) or, where the process itself matters (a FIFO, memory), as a subprocess,
and :func:`check` asserts what the toolkit promises under any input:

- the exit status;
- on an error, one line on stderr that names the file, and never a traceback;
- the inputs byte-identical afterwards (SHA-256 before and after);
- every input row accounted for: in the log (``source_row``) or in the problems
  with its spreadsheet row (:func:`rows_accounted`).

Anonymized-output cases (issue 13, section 3) add :func:`personal_bytes_in`:
no byte of any personal string, in any file of a report, PDF streams decompressed.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from infoview_analytics.cli.app import main

#: The classes of the suite (counted in the closing note of issue 13).
CLASSES = ("outputs", "rows", "formulas+terminal", "limits", "errors", "anonymized")


@dataclass
class Outcome:
    status: int
    stdout: str
    stderr: str


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Outcome:
    """``infoview ARGS`` in this process; its status and what it printed."""
    capsys.readouterr()
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return Outcome(status, out, err)


def digest(paths: Iterable[Path]) -> dict[Path, str]:
    """SHA-256 of every file under the given files and folders."""
    found: dict[Path, str] = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.is_file():
                found[f] = hashlib.sha256(f.read_bytes()).hexdigest()
    return found


def check(
    outcome: Outcome,
    *,
    status: int,
    inputs: dict[Path, str],
    names: str | None = None,
    says: str | None = None,
) -> None:
    """The promises of every case (see the module docstring)."""
    assert outcome.status == status, (outcome.status, outcome.stdout[-500:], outcome.stderr)
    assert "Traceback" not in outcome.stdout + outcome.stderr
    assert "Exception ignored" not in outcome.stderr
    if status == 2:
        lines = outcome.stderr.splitlines()
        assert len(lines) == 1, outcome.stderr
        assert lines[0].startswith("infoview: error: ")
        assert "This is a bug" not in lines[0], lines[0]
        if names is not None:
            assert names in lines[0], lines[0]
    if says is not None:
        assert says in outcome.stdout + outcome.stderr, outcome.stdout + outcome.stderr
    assert digest(inputs) == inputs, "an input was changed"


def rows_accounted(log: pd.DataFrame, problems: pd.DataFrame, rows: Iterable[int]) -> None:
    """Every spreadsheet row with data is in the log or in the problems, by its number."""
    seen = set(log["source_row"].astype(int)) | set(problems["source_row"].dropna().astype(int))
    lost = sorted(set(rows) - seen)
    assert not lost, f"rows lost: {lost[:10]}"


# ----------------------------------------------------------------- xlsx built by hand
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref: str, value: object = None, *, formula: str | None = None, kind: str = "") -> str:
    """One ``<c>``: text inline, a number, a formula with or without its cached value."""
    f = f"<f>{xml_text(formula)}</f>" if formula is not None else ""
    if isinstance(value, str) and not kind:
        return f'<c r="{ref}" t="inlineStr">{f}<is><t>{xml_text(value)}</t></is></c>'
    t = f' t="{kind}"' if kind else ""
    v = "" if value is None else f"<v>{value}</v>"
    return f'<c r="{ref}"{t}>{f}{v}</c>'


def rows_xml(rows: Sequence[Sequence[object]]) -> str:
    """Rows of values as ``<row>`` elements (text inline, numbers as numbers)."""
    out = []
    for r, values in enumerate(rows, start=1):
        cells = "".join(
            cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(values) if v is not None
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def write_xlsx(
    path: Path,
    sheet_data: str,
    *,
    dimension: str | None = None,
    shared: Sequence[str] = (),
    shared_xml: str | None = None,
    date1904: bool = False,
    sheet_xml: str | None = None,
) -> Path:
    """A minimal xlsx holding ``sheet_data`` (the inside of ``<sheetData>``) as written."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = sheet_xml or (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">{dim}'
        f"<sheetData>{sheet_data}</sheetData></worksheet>"
    )
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        f'{pr}<sheets><sheet name="Log" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    strings = shared_xml or (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}" count="{len(shared)}" '
        f'uniqueCount="{len(shared)}">'
        + "".join(f"<si><t>{xml_text(s)}</t></si>" for s in shared)
        + "</sst>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("xl/workbook.xml", book)
        zf.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        zf.writestr("xl/sharedStrings.xml", strings)
    return path


# ----------------------------------------------------------------- anonymized outputs
def _variants(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return {v for v in (text, text.lower(), plain, plain.lower()) if len(v) >= 3}


def _pdf_streams(data: bytes) -> list[bytes]:
    """Every stream of a PDF, inflated when it is Flate-compressed."""
    out = []
    for part in data.split(b"stream\n")[1:]:
        body = part.split(b"endstream", 1)[0]
        try:
            out.append(zlib.decompress(body.strip(b"\r\n")))
        except zlib.error:
            out.append(body)
    return out


def personal_bytes_in(folder: Path, personal: Iterable[str]) -> list[tuple[str, str]]:
    """(file, string) for each personal string (also lower case, without accents)
    found in any file under ``folder``: raw bytes, PDF streams inflated, xlsx unzipped."""
    needles = {v for s in personal if s for v in _variants(str(s))}
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        blobs = [data]
        if path.suffix == ".pdf":
            blobs += _pdf_streams(data)
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                blobs += [zf.read(n) for n in zf.namelist()]
        text = b"\n".join(blobs).decode("utf-8", errors="ignore")
        lowered = text.lower()
        found += [(path.name, n) for n in sorted(needles) if n in text or n in lowered]
    return found

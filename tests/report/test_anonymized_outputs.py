"""Anonymized means anonymous: no byte of any personal string in any file of a shared report.

The logs below hold personal strings of every kind (names with accents, emails,
phones, URLs, notes, next steps, organisations, one carrying a contact's surname,
roles, locations, an uncommon field, category values that are not documented,
a column of the user's own, the student's name). Every output file is searched for
each of them as written, in lower case and without accents, as UTF-8 and UTF-16
bytes, in the raw file, in every member of the xlsx zip, in every decompressed
PDF stream, in the PNG metadata chunks, and in the text pypdf extracts. PNG pixels
cannot be searched: each PNG is saved from the same matplotlib Figure as its SVG
(checked: the same charts), whose text is searched, and the tables the charts are
drawn from are the CSV files searched too.

One report is built per fixture (module scope): a single log through the API, a
cohort of six students through the CLI (a subprocess), a cohort of two.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pandas as pd
import pytest
from cli.infoview_process import infoview_here
from pypdf import PdfReader

import infoview_analytics as iv
from infoview_analytics.core.values import FLAG_COLUMNS
from infoview_analytics.report.build import build_report

ALL = ("png", "svg", "pdf", "xlsx", "csv")
REPO = Path(__file__).resolve().parents[2]


def infoview(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m infoview_analytics ARGS`` in ``cwd``, as tests/cli/infoview_process.py runs it.

    (Not imported from there: tests/cli is on the path only for its own tests.)
    """
    path = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": path}
    return subprocess.run(
        [sys.executable, "-m", "infoview_analytics", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
        timeout=300,
    )


#: Labels that judge people: never in a shared file.
JUDGING = ("curmudgeon", "booster", "obligate")
ODD = {
    "channel": "WhatsApp +44 7700 900123",
    "source": "intro from Bartholomew Nkemelu",
    "seniority": "VP reporting to Wilhelmina Oyelaran",
    "org_type": "Featherstonehaugh family office",
    "format": "Zoom with Perpetua Ainsworth",
    "status": "ghosted by Leopoldine Varga",
}


def personal_log(owner: str = "Margarethe Studentová", tag: str = "") -> pd.DataFrame:
    """The sample log (fictional) with every kind of personal string filled in."""
    log = iv.example_log()
    n = len(log)
    log["contact"] = log["contact"].str.replace("a", "á", n=1) + tag  # accents, per student
    log["referred_by"] = log["referred_by"].str.replace("a", "á", n=1) + tag
    log["email"] = [f"person{i}{tag}.secret@example.org" for i in range(n)]
    log["phone"] = [f"+44 7700 9{i:05d}" for i in range(n)]
    log["linkedin_url"] = [
        f"https://www.linkedin.com/in/secret-profile-{i}{tag}" for i in range(n)
    ]
    log["notes"] = [f"Confidential note number {i}{tag} about the hiring freeze" for i in range(n)]
    log["next_step"] = [f"Private next step {i}{tag}: call back" for i in range(n)]
    log["owner"] = owner
    log["Diary"] = [f"diary entry {i} mentions Zebulon Quackenbush" for i in range(n)]
    # An organisation carrying a contact's surname; roles and a location naming people.
    surname = log.loc[0, "contact"].split()[-1]
    log.loc[1, "organization"] = f"{surname} & Daughters Consulting"
    log.loc[2, "role"] = "Assistant to Ignatius Featherstonehaugh"
    log.loc[3, "location"] = "12 Quince Lane, Little Snoring"
    log.loc[4, "field"] = "Dr Okonkwo-Lindqvist's lab"
    for i, (col, value) in enumerate(ODD.items()):
        log[col] = log[col].cat.add_categories([value])
        log.loc[10 + i, col] = value
    return log


def _variants(text: str) -> set[str]:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn"
    )
    return {v for v in (text, text.lower(), plain, plain.lower(), text.casefold()) if v}


def secrets(log: pd.DataFrame) -> set[str]:
    """Every personal string of the log, as written and lower-cased and without accents."""
    cols = [
        "contact",
        "referred_by",
        "organization",
        "role",
        "location",
        "email",
        "phone",
        "linkedin_url",
        "notes",
        "next_step",
        "owner",
        "Diary",
    ]
    values = {v.strip() for c in cols for v in log[c].dropna().astype(str) if v.strip()}
    values |= {log.loc[4, "field"], *ODD.values()}
    return {v for value in values for v in _variants(value)} | set(JUDGING)


def _squash(text: str) -> str:
    """For extracted text: NFKC (ligatures such as 'ﬁ' apart), no spaces, no case, no accents."""
    text = unicodedata.normalize("NFKC", text.replace("\x00", ""))
    text = "".join(
        c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn"
    )
    return re.sub(r"\s+", "", text).casefold()


def _png_chunks(data: bytes) -> list[bytes]:
    """The data of every PNG chunk but the pixels (IDAT), zTXt/iTXt decompressed."""
    out, pos = [], 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IDAT":
            continue
        out.append(kind + body)
        if kind == b"zTXt":
            out.append(zlib.decompress(body.split(b"\x00", 1)[1][1:]))
        elif kind == b"iTXt" and body.split(b"\x00", 1)[1][:1] == b"\x01":
            out.append(zlib.decompress(body.split(b"\x00", 5)[-1]))
    return out


def _pdf_streams(data: bytes) -> list[bytes]:
    """Every FlateDecode stream of the PDF, decompressed."""
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return out


def blobs(path: Path) -> list[bytes]:
    """Every byte string a file exposes."""
    data = path.read_bytes()
    if path.suffix == ".png":
        return _png_chunks(data)  # the pixels cannot be searched (see the module docstring)
    found = [data]
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            found += [z.read(name) for name in z.namelist()]
    elif path.suffix == ".pdf":
        found += _pdf_streams(data)
    return found


def texts(path: Path) -> list[str]:
    """The text a reader of the file sees (PDF through pypdf, the rest decoded)."""
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        pages = [page.extract_text() for page in reader.pages]
        return pages + [str(v) for v in (reader.metadata or {}).values()]
    return [b.decode("utf-8", errors="ignore") for b in blobs(path)]


def leaks(folder: Path, needles: set[str]) -> dict[str, list[str]]:
    """{file: personal strings found in it}: in its bytes (as UTF-8 and UTF-16, ASCII case
    ignored) and in its text (spacing, case and accents ignored)."""
    lowered = {n.lower(): n for n in needles}
    encoded = {n: [n.encode(enc) for enc in ("utf-8", "utf-16-be", "utf-16-le")] for n in lowered}
    squashed = {_squash(n): n for n in needles if _squash(n)}
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = b"\x00".join(blobs(path)).lower()
        hay = _squash("\n".join(texts(path)))
        hits = {lowered[n] for n in lowered if any(e in raw for e in encoded[n])}
        hits |= {squashed[n] for n in squashed if n in hay}
        if hits:
            found[path.relative_to(folder).as_posix()] = sorted(hits)[:5]
    return found


def files(folder: Path) -> set[str]:
    """The report's files (not the .infoview-report marker)."""
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.name != ".infoview-report"
    }


def page_text(page) -> str:
    # pypdf returns matplotlib's TrueType (Type 42) text as UTF-16 code units with NULs.
    text = unicodedata.normalize("NFKC", page.extract_text().replace("\x00", ""))
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    return " ".join(page_text(p) for p in PdfReader(path).pages)


# -- one student's log, through the API -----------------------------------------------------


@pytest.fixture(scope="module")
def single(tmp_path_factory):
    log = personal_log()
    before = log.copy(deep=True)
    out = build_report(
        log,
        tmp_path_factory.mktemp("single") / "report",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        formats=ALL,
        title="For my career advisor",
    )
    pd.testing.assert_frame_equal(log, before)
    return log, out


def test_single_log_leaks_nothing(single):
    log, out = single
    needles = secrets(log)
    assert len(needles) > 400
    assert leaks(out, needles) == {}
    written = files(out)
    assert {"report.pdf", "tables.xlsx", "tables/privacy.csv", "tables/contacts.csv"} <= written
    png = {n.removesuffix(".png") for n in written if n.endswith(".png")}
    svg = {n.removesuffix(".svg") for n in written if n.endswith(".svg")}
    assert png == svg
    assert len(png) >= 10  # every chart's PNG has an SVG twin whose text was searched


def test_the_search_finds_what_it_looks_for(single):
    # The search is not blind: it finds the pseudonyms and words the report does show, in
    # every kind of file (PDF text, SVG text, xlsx members, CSV, PNG metadata).
    _, out = single
    found = leaks(out, {"Contact 01", "Organization 01", "email", "Response rate"})
    assert "Contact 01" in found["report.pdf"]
    assert "Contact 01" in found["tables.xlsx"]
    assert "Organization 01" in found["tables/contacts.csv"]
    assert "email" in found["charts/response_rates_channel.svg"]
    assert "Response rate" in found["charts/response_rates_channel.svg"]
    assert leaks(out, {"zzz-nowhere"}) == {}
    png = (out / "charts" / "funnel.png").read_bytes()
    assert any(chunk.startswith(b"pHYs") for chunk in _png_chunks(png))  # chunks are read


def test_pseudonyms_and_other_are_shown_instead(single):
    _, out = single
    contacts = pd.read_csv(out / "tables" / "contacts.csv")
    assert contacts["contact"].str.fullmatch(r"Contact \d{2}").all()
    assert contacts["organization"].dropna().str.fullmatch(r"Organization \d{2}").all()
    channels = pd.read_csv(out / "tables" / "response_rates_channel.csv")["channel"]
    assert set(channels) <= {"email", "linkedin", "phone", "in_person", "other", "(none)"}
    fields = set(pd.read_csv(out / "tables" / "coverage.csv")["field"])
    assert "Field 01" in fields  # the lab's name
    assert "UX research" in fields  # a broad field is shown as written


def test_kinds_say_what_happened(single):
    _, out = single
    kinds = set(pd.read_csv(out / "tables" / "contacts.csv")["kind"])
    assert kinds <= {"answered_quickly", "answered_later", "no_answer", "pending", "not_asked"}
    assert "no_answer" in kinds


def test_title_page_says_what_was_anonymized(single):
    _, out = single
    first = page_text(PdfReader(out / "report.pdf").pages[0])
    assert "Anonymized" in first
    assert "organisations: pseudonyms" in first
    privacy = pd.read_csv(out / "tables" / "privacy.csv")
    assert list(privacy.columns) == ["topic", "what_was_done"]
    assert "hidden" not in set(privacy["topic"])  # one student's own log: nothing hidden


def test_keep_organizations_is_stated(tmp_path):
    log = personal_log().iloc[:20]
    out = build_report(
        log,
        tmp_path / "r",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        keep_organizations=True,
        formats=["csv"],
    )
    orgs = set(pd.read_csv(out / "tables" / "contacts.csv")["organization"].dropna())
    assert orgs <= set(log["organization"])
    assert orgs
    privacy = pd.read_csv(out / "tables" / "privacy.csv").set_index("topic")["what_was_done"]
    assert "shown as written (--keep-organizations" in privacy["organizations"]
    needles = secrets(log.drop(columns="organization").assign(organization=None))
    assert leaks(out, needles) == {}  # everything else is still anonymous


def test_title_naming_the_student_is_refused(tmp_path):
    with pytest.raises(iv.InvalidArgumentError, match="title names someone"):
        build_report(
            personal_log(),
            tmp_path / "r",
            anonymize=True,
            title="margarethe studentova's interviews",
            formats=["csv"],
        )
    assert list(tmp_path.iterdir()) == []


# -- a cohort of six students, through the command line -------------------------------------

STUDENTS = ["Ágnes Halvorsen", "Bjørn Castellanos", "Chiara Mbeki", "Dmitri Okafor", "Esmé Lund"]


def cohort_log() -> pd.DataFrame:
    logs = [personal_log(owner, tag=f" {i}").iloc[:30] for i, owner in enumerate(STUDENTS)]
    for log in logs:
        log["channel"] = log["channel"].replace("in_person", "email")
    # The sixth student alone asks in person and explores a field ("Law").
    last = personal_log("Fenella Quist-Abara", tag=" 5").iloc[:12].copy()
    last["channel"] = last["channel"].where(last["channel"].isna(), "in_person")
    last["field"] = "Law"
    return pd.concat([*logs, last], ignore_index=True)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cohort")
    log = cohort_log()
    log.drop(columns=["source_row", *FLAG_COLUMNS]).to_csv(folder / "cohort.csv", index=False)
    before = (folder / "cohort.csv").read_bytes()
    done = infoview(
        "report",
        "cohort.csv",
        "--out",
        "shared",
        "--anonymize",
        "--format",
        "pdf",
        "svg",
        "xlsx",
        "csv",
        "--as-of",
        str(iv.SAMPLE_AS_OF)[:10],
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    assert (folder / "cohort.csv").read_bytes() == before
    read = iv.read_log(folder / "cohort.csv", as_of=iv.SAMPLE_AS_OF)
    assert len(read.problems) > 5  # the undocumented values, as the CLI read them
    return read.log, folder / "shared", done, log


def test_cohort_report_leaks_nothing(cohort):
    log, out, done, written = cohort
    needles = secrets(log) | secrets(written)
    assert leaks(out, needles) == {}
    assert not [n for n in needles if n in done.stdout]  # nor is it printed


def test_no_figure_describes_fewer_than_five_students(cohort):
    log, out, _, _ = cohort
    written = files(out)
    for name in ["cohort_summary", "response_rates_owner", "contacts", "follow_ups_due"]:
        assert f"tables/{name}.csv" not in written
    assert "charts/cohort_overview.png" not in written
    assert "charts/referral_tree.png" not in written
    anon = iv.anonymize(log)
    for table, col in [
        ("response_rates_channel", "channel"),
        ("response_rates_source", "source"),
        ("response_rates_field", "field"),
        ("coverage", "field"),
    ]:
        shown = pd.read_csv(out / "tables" / f"{table}.csv", keep_default_na=False)
        labels = anon[col].astype(object).where(anon[col].notna(), "(none)").astype(str)
        students = anon.groupby(labels)["owner"].nunique()
        for label in shown[col]:
            assert students.get(label.replace("(no field)", "(none)"), 0) in {0} | set(
                range(5, 99)
            ), (table, label)
    channels = set(pd.read_csv(out / "tables" / "response_rates_channel.csv")["channel"])
    assert "in_person" not in channels  # one student's channel
    assert {"email", "other"} <= channels  # five students' (other: WhatsApp and the like)
    assert "Law" not in set(pd.read_csv(out / "tables" / "coverage.csv")["field"])
    reader = PdfReader(out / "report.pdf")
    assert not any("Student 1" in page_text(p) for p in reader.pages[1:])  # no student pages


def test_cohort_page_says_what_was_hidden_and_why(cohort):
    _, out, _, _ = cohort
    first = page_text(PdfReader(out / "report.pdf").pages[0])
    # ("figure": pypdf reads matplotlib's "fi" ligature oddly, so the test avoids it)
    assert "describes fewer than 5 students (--min-group-size 5)" in first
    assert "Left out: the student pages" in first
    privacy = pd.read_csv(out / "tables" / "privacy.csv")
    hidden = privacy.loc[privacy["topic"] == "hidden", "what_was_done"].tolist()
    assert "response_rates_channel: 1 group by channel: fewer than 5 students." in hidden
    assert "coverage: 1 group by field: fewer than 5 students." in hidden


def test_min_group_size_one_shows_the_students(tmp_path):
    log = pd.concat(
        [personal_log(s, tag=f" {i}").iloc[:15] for i, s in enumerate(STUDENTS[:2])],
        ignore_index=True,
    )
    out = build_report(
        log,
        tmp_path / "r",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        min_group_size=1,
        formats=["csv"],
    )
    summary = pd.read_csv(out / "tables" / "cohort_summary.csv")
    assert summary["owner"].tolist() == ["Student 1", "Student 2"]
    assert leaks(out, secrets(log)) == {}


def test_cohort_smaller_than_the_minimum_shows_no_figure(tmp_path):
    log = pd.concat(
        [personal_log(s, tag=f" {i}").iloc[:15] for i, s in enumerate(STUDENTS[:2])],
        ignore_index=True,
    )
    out = build_report(
        log,
        tmp_path / "r",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        keep_organizations=True,
        formats=ALL,
    )
    assert {n for n in files(out) if not n.startswith("tables/privacy")} == {
        "report.pdf",
        "tables.xlsx",
    }
    assert len(PdfReader(out / "report.pdf").pages) == 1
    text = pdf_text(out / "report.pdf")
    assert "This cohort has 2 students, fewer than the minimum group size of 5" in text
    assert "organisations: kept as written (--keep-organizations)" in text  # the opt-out
    assert leaks(out, secrets(log)) == {}  # organisations too: no table shows them


# -- the command line's options -------------------------------------------------------------
# (in this process: the messages are the subject, the cohort above ran as a subprocess)


def test_help_states_the_options(tmp_path):
    done = infoview_here("report", "--help", cwd=tmp_path)
    text = re.sub(r"\s+", " ", done.stdout)
    assert "--keep-organizations" in text
    assert "keep organisation names as written" in text
    assert "--min-group-size K" in text
    assert "default 5" in text


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (["--keep-organizations"], "apply to an anonymized report"),
        (["--min-group-size", "3"], "apply to an anonymized report"),
        (["--anonymize", "--min-group-size", "0"], "`min_group_size` must be a whole number"),
        (["--anonymize", "--title", "Notes on Northgate Bank"], "title names someone"),
    ],
)
def test_bad_sharing_options_are_one_line_exit_2(tmp_path, args, match):
    done = infoview_here(
        "report", str(iv.example_log_path()), "--out", "r", "--format", "csv", *args, cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert match in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "r").exists()

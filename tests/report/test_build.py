"""build_report: files, PDF pages, tables, anonymization scan, formula safety, atomic writing.

The reports are built once per module (fixtures) and shared by the tests that read them.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

import infoview_analytics as iv
from infoview_analytics import charts
from infoview_analytics.charts.labels import column_label
from infoview_analytics.errors import InvalidArgumentError, ReportExistsError
from infoview_analytics.report.anonymizing import anonymize
from infoview_analytics.report.build import build_report

CHARTS = [
    "response_rates_channel",
    "response_rates_warmth",
    "funnel",
    "time_to_response",
    "activity",
    "coverage",
    "perspectives_seniority",
    "referral_tree",
    "thank_you_timeliness",
    "meeting_discipline",
    "next_steps",  # report/next_steps.py: its page comes last
]
ALL = ("png", "svg", "pdf", "html", "xlsx", "csv")


def personal_log() -> pd.DataFrame:
    """The sample log with contact details, notes and a private column filled in."""
    log = iv.example_log()
    n = len(log)
    log["email"] = [f"person{i}.secret@example.org" for i in range(n)]
    log["phone"] = [f"+44 7700 9{i:05d}" for i in range(n)]
    log["linkedin_url"] = [f"https://www.linkedin.com/in/secret-profile-{i}" for i in range(n)]
    log["notes"] = [f"Confidential note number {i} about the hiring freeze" for i in range(n)]
    log["next_step"] = [f"Private next step {i}: call back" for i in range(n)]
    log["owner"] = "Margarethe Studentova"
    log["Diary"] = [f"diary entry {i} mentions Zebulon Quackenbush" for i in range(n)]
    return log


def secrets(log: pd.DataFrame) -> set[str]:
    cols = [
        "contact",
        "referred_by",
        "email",
        "phone",
        "linkedin_url",
        "notes",
        "next_step",
        "owner",
        "Diary",
    ]
    values = pd.concat([log[c].dropna().astype(str) for c in cols])
    return {v.strip() for v in values if v.strip()}


def _pdf_text(page) -> str:
    # pypdf returns matplotlib's TrueType (Type 42) text as UTF-16 code units with NULs.
    return page.extract_text().replace("\x00", "")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def _file_texts(folder):
    """Every text an output file exposes: bytes, metadata, PDF text, workbook cells."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        texts = [path.read_bytes().decode("utf-8", errors="ignore")]
        if path.suffix == ".png":
            with Image.open(path) as image:
                texts += [str(v) for v in image.info.values()]
        elif path.suffix == ".pdf":
            reader = PdfReader(path)
            texts += [_pdf_text(page) for page in reader.pages]
            texts += [str(v) for v in (reader.metadata or {}).values()]
        elif path.suffix == ".xlsx":
            wb = openpyxl.load_workbook(path)
            texts += [str(c.value) for ws in wb for row in ws.iter_rows() for c in row]
            props = wb.properties
            texts += [str(props.creator), str(props.lastModifiedBy), str(props.title)]
        yield path, "\n".join(texts)


@pytest.fixture(scope="module")
def anonymized(tmp_path_factory):
    log = personal_log()
    before = log.copy(deep=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INFOVIEW_REPORT_WORKERS", "2")  # the chart files from the second process
        out = build_report(
            log,
            tmp_path_factory.mktemp("a") / "report",
            as_of=iv.SAMPLE_AS_OF,
            anonymize=True,
            formats=ALL,
            title="Advisor report",
        )
    pd.testing.assert_frame_equal(log, before)  # the input is never modified
    return log, out


def test_files_exist(anonymized):
    _, out = anonymized
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for chart in CHARTS:
        assert f"charts/{chart}.png" in names
        assert f"charts/{chart}.svg" in names
    assert {"report.pdf", "report.html", "tables.xlsx", "tables/coverage.csv"} <= names
    assert not any(p.name.startswith(".") for p in out.parent.iterdir())  # no temp left


def test_png_resolution(anonymized):
    _, out = anonymized
    for chart in CHARTS:
        with Image.open(out / "charts" / f"{chart}.png") as image:
            dpi = image.info["dpi"]
        assert dpi[0] == pytest.approx(200, abs=0.5)


def _texts(path) -> list[str]:
    return [_pdf_text(page) for page in PdfReader(path).pages]


def test_pdf_pages_and_metadata(anonymized):
    _, out = anonymized
    reader = PdfReader(out / "report.pdf")
    texts = _texts(out / "report.pdf")
    # title page, the lists (follow-ups, coverage), then one page per chart
    lists = [t for t in texts if t.startswith("The lists")]
    assert len(reader.pages) == 1 + len(lists) + len(CHARTS)
    assert reader.metadata.get("/Title") == "Advisor report"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/Author" not in reader.metadata
    title_page = texts[0]
    for label in [
        "People asked",
        "Response rate",
        "Interviews",
        "Fields at the minimum",
        "Follow-ups overdue",
    ]:
        assert label in title_page
    rates = iv.response_rates(iv.example_log(), as_of=iv.SAMPLE_AS_OF).iloc[0]
    assert f"n = {int(rates['decided'])} decided" in title_page
    assert "Ask every interviewee" in "".join(texts)
    # Every chart has a title; the coverage chart's is found on its page.
    assert any("Interviews per field (aim" in t for t in texts[1 + len(lists) :])


def _fonts(reader):
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        for ref in (fonts.get_object() if fonts is not None else {}).values():
            font = ref.get_object()
            yield font
            for child in (font.get("/DescendantFonts") or []).get_object():
                yield child.get_object()


def test_pdf_text_is_truetype_never_type3(anonymized):
    _, out = anonymized
    fonts = list(_fonts(PdfReader(out / "report.pdf")))
    subtypes = {str(f["/Subtype"]) for f in fonts}
    assert "/Type3" not in subtypes
    assert "/CIDFontType2" in subtypes  # TrueType outlines (matplotlib's Type 42)
    embedded = [f["/FontDescriptor"].get_object() for f in fonts if "/FontDescriptor" in f]
    assert embedded
    assert all("/FontFile2" in d for d in embedded)


def test_pdf_text_is_extractable_and_in_plain_words(anonymized):
    _, out = anonymized
    text = "\n".join(_texts(out / "report.pdf"))
    assert "Interviews per field" in text
    assert "In person" in text  # the channel, as a person writes it
    for code in ("in_person", "gave_referrals", "below_minimum", "contact_second_person"):
        assert code not in text
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", text)  # no snake_case anywhere
    assert "group(s)" not in text
    assert "0 groups rest" not in text


def test_svg_charts_in_plain_words(anonymized):
    _, out = anonymized
    for chart in CHARTS:
        svg = (out / "charts" / f"{chart}.svg").read_text()
        words = " ".join(re.findall(r">([^<>]+)</text>", svg))
        assert words, chart  # svg.fonttype none: the text is text
        assert not re.findall(r"\b[a-z]+_[a-z_]+\b", words), chart


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_poppler_reads_the_pdf_without_errors(anonymized):
    _, out = anonymized
    run = subprocess.run(
        ["pdftotext", str(out / "report.pdf"), "-"], capture_output=True, text=True, check=True
    )
    assert run.stderr == ""
    assert "Interviews per field" in run.stdout
    if shutil.which("pdffonts"):
        fonts = subprocess.run(
            ["pdffonts", str(out / "report.pdf")], capture_output=True, text=True, check=True
        )
        assert fonts.stderr == ""
        assert "Type 3" not in fonts.stdout


@pytest.mark.skipif(shutil.which("gs") is None, reason="ghostscript not installed")
def test_ghostscript_renders_the_pdf_without_errors(anonymized, tmp_path):
    _, out = anonymized
    for device, name in (("txtwrite", "text.txt"), ("pnggray", "page%d.png")):
        gs = ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-r20", f"-sDEVICE={device}"]
        run = subprocess.run(
            [*gs, f"-sOutputFile={tmp_path / name}", str(out / "report.pdf")],
            capture_output=True,
            text=True,
            check=True,
        )
        assert run.stdout.strip() == ""
        assert run.stderr.strip() == ""
    # No ligature: "fi" reads as two letters even where text is taken from the glyphs.
    assert "Interviews per field" in (tmp_path / "text.txt").read_text()
    assert len(list(tmp_path.glob("page*.png"))) == len(PdfReader(out / "report.pdf").pages)


def test_pdf_lists_the_follow_ups_and_the_coverage(anonymized):
    log, out = anonymized
    texts = _texts(out / "report.pdf")
    lists = _squash(" ".join(t for t in texts if t.startswith("The lists")))
    due = iv.follow_ups_due(anonymize(log), as_of=iv.SAMPLE_AS_OF)
    overdue = int(due["overdue"].sum())
    assert _squash(f"Follow-ups due: {overdue} overdue of {len(due)} actions") in lists
    for row in due.itertuples():
        assert _squash(row.contact) in lists
        assert _squash(row.due_since.date().isoformat()) in lists
    for action in ("Contact a second person", "Send one follow-up", "Send a thank-you note"):
        assert _squash(action) in lists
    cov = iv.coverage(anonymize(log), as_of=iv.SAMPLE_AS_OF)
    assert _squash("Coverage per field") in lists
    for field in cov["field"]:
        assert _squash(field) in lists
    assert _squash("Below the minimum") in lists


def test_xlsx_sheets_frozen_values_widths(anonymized):
    _, out = anonymized
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert wb.sheetnames[0] == "Summary"
    assert {"Coverage", "Funnel", "Response rate", "Referral chains"} <= set(wb.sheetnames)
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2"
        assert ws.column_dimensions["A"].width > 0
    for ws in wb:
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    coverage = pd.read_csv(out / "tables" / "coverage.csv")
    ws = wb["Coverage"]
    assert [c.value for c in ws[1]] == [column_label(c) for c in coverage.columns]
    assert ws.max_row == len(coverage) + 1


def test_csv_matches_the_analysis(anonymized):
    log, out = anonymized
    funnel = pd.read_csv(out / "tables" / "funnel.csv")
    expected = iv.funnel(anonymize(log), as_of=iv.SAMPLE_AS_OF)
    assert funnel["count"].tolist() == expected["count"].tolist()


def test_anonymized_report_leaks_nothing(anonymized):
    log, out = anonymized
    needles = {_squash(s) for s in secrets(log)}
    assert len(needles) > 200
    checked = 0
    for path, text in _file_texts(out):
        hay = _squash(text)
        leaked = sorted(n for n in needles if n in hay)
        assert not leaked, f"{path.name} contains {leaked[:5]}"
        checked += 1
    # the charts, report.pdf, report.html, tables.xlsx, the .infoview-report marker, the CSVs
    assert checked == 2 * len(CHARTS) + 4 + len(list((out / "tables").iterdir()))
    # Pseudonyms are used instead, consistently across outputs.
    pdf_text = "".join(_pdf_text(p) for p in PdfReader(out / "report.pdf").pages)
    assert "Contact 01" in pdf_text
    assert "Contact 01" in (out / "tables" / "referral_chains.csv").read_text()


@pytest.fixture(scope="module")
def named_tables(tmp_path_factory):
    log = iv.example_log()
    log.loc[0, "field"] = '=HYPERLINK("http://evil.example","x")'
    log.loc[1, "organization"] = "@SUM(1+1)"
    log.loc[2, "field"] = "-2+3"
    return build_report(
        log, tmp_path_factory.mktemp("f") / "r", as_of=iv.SAMPLE_AS_OF, formats=["xlsx", "csv"]
    )


def test_formula_neutralised_in_xlsx_and_csv(named_tables):
    out = named_tables
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    fields = [c.value for c in wb["Coverage"]["A"]]
    assert '\'=HYPERLINK("http://evil.example","x")' in fields
    assert "'-2+3" in fields
    risky = re.compile(r"^[=+\-@\t\r]")
    for ws in wb:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                if isinstance(c.value, str):
                    assert not risky.match(c.value), (ws.title, c.coordinate, c.value)
    for path in (out / "tables").glob("*.csv"):
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in table.columns:
            assert not table[col].str.match(r"^[=+@\t\r]").any(), (path.name, col)
            assert not table[col].str.match(r"^-[^\d]").any(), (path.name, col)
    csv = (out / "tables" / "coverage.csv").read_text()
    assert "'=HYPERLINK" in csv
    assert "'-2+3" in csv
    assert (
        "'@SUM(1+1)" in (out / "tables" / "follow_ups_due.csv").read_text()
        or "'@SUM(1+1)" in (out / "tables" / "contacts.csv").read_text()
    )
    assert sorted(p.name for p in out.iterdir()) == [".infoview-report", "tables", "tables.xlsx"]


def test_existing_folder_needs_force(tmp_path):
    out = tmp_path / "r"
    log = iv.example_log()
    # The workbook rather than the PDF: the same replacing, without drawing every chart.
    build_report(log, out, as_of=iv.SAMPLE_AS_OF, formats=["xlsx"])
    with pytest.raises(ReportExistsError, match=r"exists already.*force=True"):
        build_report(log, out, as_of=iv.SAMPLE_AS_OF, formats=["csv"])
    assert (out / "tables.xlsx").exists()
    build_report(log, out, as_of=iv.SAMPLE_AS_OF, formats=["csv"], force=True)
    assert not (out / "tables.xlsx").exists()  # our own report, replaced as a whole
    assert (out / "tables" / "funnel.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_a_folder_of_the_users_files_is_never_replaced(tmp_path):
    out = tmp_path / "r"
    out.mkdir()
    (out / "old.txt").write_text("keep me")
    for force in (False, True):
        with pytest.raises(ReportExistsError, match=r"not a report of infoview.*never replaced"):
            build_report(
                iv.example_log(), out, as_of=iv.SAMPLE_AS_OF, formats=["csv"], force=force
            )
    assert [p.name for p in out.iterdir()] == ["old.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_failure_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOVIEW_REPORT_WORKERS", "1")  # the patched chart is drawn here
    calls = []

    def broken(*args, **kwargs):
        calls.append(1)
        msg = "drawing failed"
        raise RuntimeError(msg)

    monkeypatch.setattr(charts, "plot_funnel", broken)
    with pytest.raises(RuntimeError, match="drawing failed"):
        build_report(
            iv.example_log(), tmp_path / "r", as_of=iv.SAMPLE_AS_OF, formats=["csv", "png", "pdf"]
        )
    assert calls  # it failed mid-report, after the CSV files and two charts
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_an_existing_report(tmp_path, monkeypatch):
    out = tmp_path / "r"
    build_report(iv.example_log(), out, as_of=iv.SAMPLE_AS_OF, formats=["csv"])
    monkeypatch.setenv("INFOVIEW_REPORT_WORKERS", "1")
    monkeypatch.setattr(charts, "plot_activity", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_report(iv.example_log(), out, as_of=iv.SAMPLE_AS_OF, formats=["png"], force=True)
    assert sorted(p.name for p in out.iterdir()) == [".infoview-report", "tables"]
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"formats": ["png", "docx"]}, r"`formats` must be a non-empty list of .*'docx'"),
        ({"formats": []}, r"`formats` must be a non-empty list"),
        ({"as_of": "someday"}, r"`as_of` must be a date"),
    ],
)
def test_bad_arguments(tmp_path, kwargs, match):
    with pytest.raises(InvalidArgumentError, match=match):
        build_report(iv.example_log(), tmp_path / "r", **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_not_a_dataframe(tmp_path):
    with pytest.raises(InvalidArgumentError, match="Expected the log as a pandas DataFrame"):
        build_report("log.xlsx", tmp_path / "r")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """Two students, anonymized; the log has no meeting minutes nor prepared questions."""
    one = iv.example_log().assign(owner="Maya")
    two = iv.example_log().iloc[:20].assign(owner="Leo")
    log = pd.concat([one, two], ignore_index=True)
    log[["minutes_planned", "minutes_actual", "questions_prepared"]] = pd.NA
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INFOVIEW_REPORT_WORKERS", "1")  # everything drawn in this process
        out = build_report(
            log,
            tmp_path_factory.mktemp("c") / "r",
            as_of=iv.SAMPLE_AS_OF,
            formats=["pdf", "xlsx"],
            anonymize=True,
            min_group_size=1,  # two students: only then may a shared report show them
        )
    return log, out


def test_cohort_pages(cohort):
    _, out = cohort
    texts = _texts(out / "report.pdf")
    assert any("Response rate per student" in t for t in texts)
    for student in ("Student 1", "Student 2"):
        own = [t for t in texts if student in t]
        # The student's charts, then their lists: follow-ups and coverage.
        assert any("Interviews per field" in t for t in own)
        assert any(f"{student}: the lists" in t and "Follow-ups due" in t for t in own)
        assert any("Coverage per field" in t for t in own)
    assert "Next steps" in texts[-1]  # report/next_steps.py: the last page
    assert "Students" in openpyxl.load_workbook(out / "tables.xlsx").sheetnames
    assert not any("Maya" in t or "Leo" in t for t in texts)


def test_gaps_are_said_not_drawn_as_empty(cohort):
    log, out = cohort
    texts = _texts(out / "report.pdf")
    gaps = iv.meeting_discipline(log).attrs["gaps"]
    assert gaps
    (summary,) = [t for t in texts if t.startswith("Not shown in this report")]
    assert "Meeting discipline" in summary
    assert _squash(gaps[0]) in _squash(summary)
    assert "mapthecolumn" in _squash(summary)
    assert not any(t.startswith("Meeting discipline") for t in texts)  # no chart page for it
    assert "no data yet" not in " ".join(texts)

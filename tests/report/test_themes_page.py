"""The report's themes page: there when the log has notes, absent from anonymized reports."""

from __future__ import annotations

import pandas as pd
from pypdf import PdfReader

import infoview_analytics as iv
from infoview_analytics.report.themes_page import themes_caption


def _text(path) -> str:
    return " ".join(p.extract_text() for p in PdfReader(path).pages).replace("\x00", "")


def _theme_words() -> set[str]:
    t = iv.themes(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    return set(t["theme"]) | set(t["example"])


def test_the_report_gains_a_themes_page(tmp_path) -> None:
    out = iv.build_report(
        iv.example_log(), tmp_path / "r", as_of=iv.SAMPLE_AS_OF, formats=["pdf", "csv", "svg"]
    )
    assert (out / "charts" / "themes.svg").exists()
    table = pd.read_csv(out / "tables" / "themes.csv")
    assert "subject matter experts" in set(table["theme"])
    pages = [p.extract_text().replace("\x00", "") for p in PdfReader(out / "report.pdf").pages]
    (page,) = [p for p in pages if "What I heard" in p]  # after the charts, one page
    assert "subject matter experts" in page
    assert "rest on only one or two people" in page


def test_an_anonymized_report_holds_no_notes_derived_text(anonymized_sample_report) -> None:
    _, out = anonymized_sample_report
    assert not (out / "charts" / "themes.svg").exists()
    assert not (out / "tables" / "themes.csv").exists()
    text = _text(out / "report.pdf")
    assert "What I heard" not in text
    files = " ".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in out.rglob("*")
        if p.suffix in {".csv", ".svg"}
    )
    for phrase in (
        "subject matter experts",
        "capstone project",
        "usability testing",
        "Storyline",
        "portfolio",
    ):
        assert phrase not in text, phrase
        assert phrase not in files, phrase
    assert any(len(w) > 3 for w in _theme_words())  # the sample does have themes


def test_caption_counts_the_voices() -> None:
    first, second = themes_caption(pd.DataFrame({"support": ["well_supported"] * 2}))
    assert "2 heard from 3 or more organisations, 0 rest on" in first
    assert second == "Every theme shown rests on three or more voices."

"""report.html: structure (html.parser), the PDF's captions, escaping, and a real browser.

The browser test drives Debian's Chromium with Selenium (chromium and chromium-driver
from apt, as `.ci/run` installs them); it is skipped, saying why, where either is absent.
"""

from __future__ import annotations

import io
import re
import shutil
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader

import infoview_analytics as iv
from infoview_analytics.report.build import build_report, compute_tables

EVIL_FIELD = '<script>alert("x")</script> & "quotes"'


class _Page(HTMLParser):
    """Every element (tag, attributes, text inside) of a page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []

    def handle_starttag(self, tag, attrs):
        element = {
            "tag": tag,
            "attrs": dict(attrs),
            "text": "",
            "parents": [e["tag"] for e in self.open],
        }
        self.elements.append(element)
        if tag not in ("meta", "br", "img", "input", "link", "path", "use", "rect", "circle"):
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def find(self, tag, cls=None):
        return [
            e
            for e in self.elements
            if e["tag"] == tag and (cls is None or cls in e["attrs"].get("class", "").split())
        ]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\x00", "")).casefold()


def _evil_log():
    log = iv.example_log()
    log.loc[log["field"] == log["field"].dropna().iloc[0], "field"] = EVIL_FIELD
    return log


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = build_report(
        _evil_log(),
        tmp_path_factory.mktemp("h") / "r",
        as_of=iv.SAMPLE_AS_OF,
        formats=["pdf", "html"],
        title="Report for <Ana> & co",
    )
    text = (out / "report.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    return out, text, page


def test_written_beside_the_pdf(report):
    out, _, _ = report
    names = sorted(p.name for p in out.iterdir())
    assert names == [".infoview-report", "report.html", "report.pdf"]


def test_language_title_and_no_outside_requests(report):
    _, text, page = report
    assert page.find("html")[0]["attrs"]["lang"] == "en"
    assert page.find("title")[0]["text"] == "Report for <Ana> & co"
    assert "<title>Report for &lt;Ana&gt; &amp; co</title>" in text
    assert page.find("meta")[0]["attrs"] == {"charset": "utf-8"}
    assert any(m["attrs"].get("name") == "viewport" for m in page.find("meta"))
    assert not page.find("script")
    assert "<script src" not in text.lower()
    assert not page.find("link")
    assert not page.find("iframe")
    assert not page.find("img")
    for element in page.elements:
        for name in ("src", "href", "xlink:href"):
            value = element["attrs"].get(name)
            assert value is None or value.startswith(("#", "data:image/")), (element["tag"], value)
    assert not re.search(r"url\((?!#)", text)  # CSS and SVG refer only to the page itself
    assert "@import" not in text


def test_user_text_is_escaped(report):
    _, text, page = report
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;" in text
    cells = [td["text"] for td in page.find("td")]
    assert EVIL_FIELD in cells  # shown as written


def test_headline_lists_and_tables(report):
    _, _, page = report
    values = [dd["text"] for dd in page.find("dd", "value")]
    rates = iv.response_rates(iv.example_log(), as_of=iv.SAMPLE_AS_OF).iloc[0]
    assert values[0] == str(int(rates["asked"]))
    assert values[1] == f"{rates['response_rate']:.0%}"
    tables = page.find("table")
    assert len(tables) >= 2 + 10  # the two lists and one table per chart
    headers = [th["text"] for th in page.find("th")]
    assert "Business days waiting" in headers
    assert "Interviews to the minimum" in headers
    assert not any(re.fullmatch(r"[a-z]+(_[a-z]+)+", h) for h in headers)  # no snake_case
    due = iv.follow_ups_due(iv.example_log(), as_of=iv.SAMPLE_AS_OF)
    section = next(s for s in page.find("section") if s["attrs"].get("id") == "follow-ups")
    assert f"{int(due['overdue'].sum())} overdue of {len(due)}" in section["text"]
    for contact in due["contact"]:
        assert contact in section["text"]
    cells = [td["text"] for td in page.find("td")]
    assert "Send one follow-up" in cells
    assert "follow_up" not in cells


def test_charts_inline_svg_with_title_and_text_alternative(report):
    _, _, page = report
    svgs = page.find("svg")
    assert len(svgs) == 10
    ids = [e["attrs"]["id"] for e in page.elements if "id" in e["attrs"]]
    assert len(ids) == len(set(ids))  # each chart's ids made unique on the page
    for svg in svgs:
        assert svg["attrs"]["role"] == "img"
        title_id, desc_id = svg["attrs"]["aria-labelledby"].split()
        title = next(e for e in page.elements if e["attrs"].get("id") == title_id)
        desc = next(e for e in page.elements if e["attrs"].get("id") == desc_id)
        assert (title["tag"], desc["tag"]) == ("title", "desc")
        assert title["text"].strip()
        assert len(desc["text"]) > 20
        assert "width" not in svg["attrs"]  # sized by the page's CSS


def _drawn_charts(log):
    """The charts the PDF draws, with their captions (report.pages after the PDF work)."""
    try:
        from infoview_analytics.report.pages import charts
    except ImportError:
        from infoview_analytics.report.build import _charts as charts
    tables = compute_tables(log, as_of=pd.Timestamp(iv.SAMPLE_AS_OF))
    return [c for c in charts(tables, log) if not getattr(c, "skipped", None)]


def test_captions_are_the_pdfs(report):
    out, _, page = report
    shows = [p["text"] for p in page.find("p", "shows")]
    todos = [p["text"] for p in page.find("p", "todo")]
    expected = [c.caption for c in _drawn_charts(_evil_log())]
    assert list(zip(shows, todos, strict=True)) == [(a, f"→ {b}") for a, b in expected]
    headings = [h["text"] for h in page.find("h2")]
    assert "Response rate by channel" in headings
    assert "Interviews per field" in headings
    reader = PdfReader(out / "report.pdf")
    fonts = {str(font.get_object().get("/Subtype")) for p in reader.pages for font in _fonts_of(p)}
    if "/Type3" in fonts:
        pytest.skip("the PDF's fonts are Type 3: its text cannot be extracted to compare")
    pdf = _squash("".join(p.extract_text() for p in reader.pages))
    for text in shows + [t.removeprefix("→ ") for t in todos]:
        assert _squash(text) in pdf, text


# ----------------------------------------------------------------------------------------
# A real browser


def _driver():
    selenium = pytest.importorskip("selenium", reason="selenium is not installed (dev extras)")
    del selenium
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip("Chromium is not installed: apt-get install chromium chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = _driver()
    yield driver
    driver.quit()


@pytest.mark.parametrize("width", [390, 1280])
def test_in_a_browser(report, browser, width):
    out, _, _ = report
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    browser.get((out / "report.html").as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not errors, errors
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    # Nothing wider than the screen: wide tables scroll inside their own box.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    figures = browser.find_elements("css selector", ".figures .value")
    rates = iv.response_rates(iv.example_log(), as_of=iv.SAMPLE_AS_OF).iloc[0]
    assert [f.text for f in figures][:2] == [
        str(int(rates["asked"])),
        f"{rates['response_rate']:.0%}",
    ]
    shot = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    assert shot.width == width
    assert len(shot.getcolors(1 << 16) or range(1 << 16)) > 20  # not a blank page
    # The headline figure is drawn where the page says, in the accent colour, on screen.
    rect = figures[1].rect
    assert rect["x"] >= 0
    assert rect["x"] + rect["width"] <= width
    assert rect["y"] < 900
    box = shot.crop(
        (
            int(rect["x"]),
            int(rect["y"]),
            int(rect["x"] + rect["width"]),
            int(rect["y"] + rect["height"]),
        )
    )
    rgb = np.asarray(box, dtype=int)
    blue = (rgb[..., 2] > 120) & (rgb[..., 0] < 80) & (rgb[..., 2] - rgb[..., 0] > 80)
    assert blue.sum() > 20
    charts = browser.find_elements("css selector", "figure svg")
    assert len(charts) == 10
    assert all(0 < c.size["width"] <= width for c in charts)


def _fonts_of(page):
    """The page's font objects (older pypdf hands dictionaries over as indirect objects)."""
    fonts = page["/Resources"].get_object().get("/Font")
    return [] if fonts is None else list(fonts.get_object().values())

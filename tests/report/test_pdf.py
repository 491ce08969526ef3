"""Writing the PDF (report/pdf.py): TrueType fonts, the title and the language in the file."""

from __future__ import annotations

from matplotlib.figure import Figure
from pypdf import PdfReader

from infoview_analytics.report.pdf import set_language, write_pdf


def _page(text: str) -> Figure:
    fig = Figure(figsize=(4, 3))
    fig.text(0.1, 0.5, text)
    return fig


def test_write_pdf_truetype_title_and_language(tmp_path):
    path = tmp_path / "r.pdf"
    write_pdf(path, (_page(t) for t in ["Interviews per field", "Second page"]), title="T")
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    assert reader.metadata["/Title"] == "T"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "Interviews per field" in reader.pages[0].extract_text().replace("\x00", "")
    for page in reader.pages:
        for ref in page["/Resources"].get_object()["/Font"].get_object().values():
            assert ref.get_object()["/Subtype"] != "/Type3"


def test_set_language_again_replaces_it(tmp_path):
    path = tmp_path / "r.pdf"
    write_pdf(path, [_page("x")], title="T", lang="en-GB")
    set_language(path, "fr")
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.trailer["/Root"]["/Type"] == "/Catalog"
    assert len(reader.pages) == 1

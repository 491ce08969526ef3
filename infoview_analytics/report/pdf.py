"""Write the report's pages as one PDF: TrueType text, a title and a language for readers.

The fonts of a PDF are written when the file is *closed*, so the house rcParams
(``pdf.fonttype: 42``, TrueType) must still be in force then: a file closed
after ``rc_context`` ended gets Type 3 fonts for text laid out as TrueType,
which poppler and ghostscript render garbled ("Missing or bad Type3 CharProc").
:func:`write_pdf` therefore opens, fills and closes ``PdfPages`` inside one
style context. matplotlib writes the document catalog before any page, so the
language (``/Lang``, read aloud by screen readers) is added afterwards as a
standard incremental update (PDF 1.7, 7.5.6): the file's bytes are kept and a
new catalog, cross-reference section and trailer are appended.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..charts import style as _style

if TYPE_CHECKING:  # matplotlib is imported when a report is drawn
    from matplotlib.typing import RcKeyType

__all__: list[str] = []


def style_context() -> Any:
    """``plt.rc_context`` with the house style (TrueType fonts in PDF and SVG text)."""
    import matplotlib.pyplot as plt

    return plt.rc_context(cast("dict[RcKeyType, Any]", _style.RC))  # RC's keys are rcParams'


def write_pdf(path: Path, pages: Iterable[Any], *, title: str, lang: str = "en") -> None:
    """Save every figure of ``pages`` (lazily produced) as one page of the PDF at ``path``.

    The metadata carries the title only (no author, software or dates, so an
    anonymised report leaks nothing), and the catalog the language.
    """
    from matplotlib.backends.backend_pdf import PdfPages

    meta = {"Title": title, "Author": None, "Creator": None, "Producer": None}
    meta["CreationDate"] = None
    with style_context():
        pdf = PdfPages(path, metadata=meta)
        try:
            for fig in pages:
                pdf.savefig(fig)
        except BaseException:
            # The first error is the one to report (a full disk): closing may fail again.
            with contextlib.suppress(Exception):
                pdf.close()
            raise
        pdf.close()  # inside the context: the fonts are written now
    set_language(path, lang)


def plain_glyphs(fig: Any) -> Any:
    """Turn ligatures off in every text of ``fig`` ("fi" stays two letters); returns ``fig``.

    matplotlib 3.11 shapes text with ligatures; a PDF reader that extracts text
    from the glyphs (ghostscript's txtwrite) then reads "field" as "oeld". Older
    matplotlib versions draw no ligatures (and have no ``set_fontfeatures``).
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if hasattr(text, "set_fontfeatures"):
            text.set_fontfeatures(["-liga"])
    return fig


_TRAILER = re.compile(
    rb"trailer\s*<<(?P<body>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.S
)


def set_language(path: Path, lang: str) -> None:
    """Append an incremental update to the PDF at ``path`` giving its catalog ``/Lang``."""
    data = path.read_bytes()
    found = _TRAILER.search(data[-2048:])
    if found is None:
        msg = f"Expected a PDF trailer at the end of {path}, but found none."
        raise ValueError(msg)
    body = found["body"]
    root = re.search(rb"/Root\s+(\d+)\s+(\d+)\s+R", body)
    size = re.search(rb"/Size\s+(\d+)", body)
    if root is None or size is None:
        msg = f"Expected /Root and /Size in the trailer of {path}."
        raise ValueError(msg)
    number, generation = int(root[1]), int(root[2])
    catalog = re.search(rb"\n%d %d obj\s*<<(.*?)>>\s*endobj" % (number, generation), data, re.S)
    if catalog is None:
        msg = f"Expected the catalog object {number} in {path}."
        raise ValueError(msg)
    entries = re.sub(rb"/Lang\s*\([^)]*\)", b"", catalog[1]).strip()
    safe = re.sub(r"[^A-Za-z0-9-]", "", lang).encode("ascii")
    start = len(data) + (0 if data.endswith(b"\n") else 1)
    obj = b"%d %d obj\n<< %s /Lang (%s) >>\nendobj\n" % (number, generation, entries, safe)
    xref_at = start + len(obj)
    others = re.sub(rb"/(Size|Prev)\s+\d+", b"", body).strip()
    update = (
        (b"" if data.endswith(b"\n") else b"\n")
        + obj
        + b"xref\n%d 1\n%010d %05d n \n" % (number, start, generation)
        + b"trailer\n<< /Size %s %s /Prev %s >>\n" % (size[1], others, found["xref"])
        + b"startxref\n%d\n%%%%EOF\n" % xref_at
    )
    with path.open("ab") as f:
        f.write(update)

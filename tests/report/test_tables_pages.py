"""The lists as PDF pages (report/tables_pages.py): long tables split over pages, nothing lost."""

from __future__ import annotations

import pandas as pd

from infoview_analytics.report.tables_pages import (
    coverage_section,
    follow_ups_section,
    table_pages,
)


def _follow_ups(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "contact": [f"Person {i:03d}" for i in range(n)],
            "organization": ["Acme"] * n,
            "action": ["follow_up", "contact_second_person"] * (n // 2) + ["thank_you"] * (n % 2),
            "reason": ["No reply for 9 business days: send them one follow-up, " * 2] * n,
            "due_since": pd.to_datetime(["2026-04-02"] * n),
            "business_days_waiting": [9] * n,
            "overdue": [True, False] * (n // 2) + [True] * (n % 2),
        }
    )


def _page_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.texts)


def test_a_long_list_is_split_over_pages_with_every_row_once():
    due = _follow_ups(121)
    pages = table_pages("The lists", [follow_ups_section(due, "Follow-ups due")])
    assert len(pages) > 2
    texts = [_page_text(p) for p in pages]
    for i in range(121):
        assert sum(f"Person {i:03d}" in t for t in texts) == 1
    assert all("What to do" in t for t in texts)  # the header on every page
    assert all("Follow-ups due (continued)" in t for t in texts[1:])
    assert f"page 1 of {len(pages)}" in texts[0]
    assert "Contact a second person" in texts[0]  # codes in plain words
    assert "contact_second_person" not in "".join(texts)


def test_sections_follow_each_other_and_empty_ones_say_so():
    cov = pd.DataFrame(
        {
            "field": ["Data", "Design"],
            "interviewed": [5, 1],
            "scheduled": [0, 1],
            "asked": [6, 3],
            "pending": [0, 1],
            "status": ["target_met", "below_minimum"],
            "to_minimum": [0, 2],
            "to_target": [0, 4],
            "n_organization": [3, 1],
            "note": ["", "Only 1 interview: below the minimum of 3"],
        }
    )
    pages = table_pages(
        "Lists",
        [follow_ups_section(_follow_ups(0), "Follow-ups due"), coverage_section(cov, "Coverage")],
    )
    (text,) = [_page_text(p) for p in pages]
    assert "Nothing due" in text
    assert "Below the minimum" in text
    assert "Organisations" in text
    assert "Only 1 interview" in text
    assert "page 1 of" not in text  # one page: no page numbers

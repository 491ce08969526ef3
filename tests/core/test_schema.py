"""The schema and its document: docs/log-format.md must list every column, value and alias."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infoview_analytics.core import schema
from infoview_analytics.io.template import VALUE_MEANINGS

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "log-format.md"


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _section(doc: str, column: str) -> str:
    start = doc.index(f"### `{column}` (")
    end = doc.find("\n### ", start + 1)
    end = doc.find("\n## ", start) if end == -1 else end
    return doc[start:end]


def test_committed_doc_equals_the_script_output(doc):
    make_format_doc = _load_script("make_format_doc")
    assert doc == make_format_doc.render(), "run: python scripts/make_format_doc.py"


def test_doc_lists_every_column_in_schema_order(doc):
    positions = [doc.index(f"### `{col}` (") for col in schema.COLUMNS]
    assert positions == sorted(positions)
    table_rows = re.findall(r"^\| (\d+) \| `(\w+)` \|", doc, flags=re.MULTILINE)
    assert [name for _, name in table_rows] == list(schema.COLUMNS)


@pytest.mark.parametrize("column", schema.CATEGORY_COLUMNS)
def test_doc_lists_every_category_value_with_its_meaning(doc, column):
    section = _section(doc, column)
    for value in schema.CATEGORIES[column]:
        assert f"| `{value}` | {VALUE_MEANINGS[column][value]} |" in section


@pytest.mark.parametrize("column", schema.CATEGORY_COLUMNS)
def test_doc_lists_every_value_synonym(doc, column):
    section = _section(doc, column)
    for key, value in schema.VALUE_SYNONYMS[column].items():
        if key == schema.normalize_value(value):
            continue  # the value itself, shown as `in_person` (matching ignores punctuation)
        assert f"`{key}`" in section, f"{column}: synonym {key!r} missing from the doc"


@pytest.mark.parametrize("column", schema.COLUMNS)
def test_doc_lists_exactly_the_header_aliases_of_each_column(doc, column):
    section = _section(doc, column)
    lines = [ln for ln in section.splitlines() if ln.startswith("- Headers accepted (")]
    assert lines, f"{column}: no 'Headers accepted' line"
    shown = [alias for line in lines for alias in re.findall(r"`([^`]+)`", line)]
    expected = {key for key, col in schema.HEADER_ALIASES.items() if col == column}
    assert {schema.normalize_header(alias) for alias in shown} == expected
    for alias in shown:
        assert schema.HEADER_ALIASES[schema.normalize_header(alias)] == column


def test_doc_states_the_day_month_default_and_pending_window(doc):
    assert f"`schema.DEFAULT_DAYFIRST = {schema.DEFAULT_DAYFIRST}`" in doc
    assert "**7 business days**" in doc
    assert "`dayfirst=True`" in doc


def test_every_category_value_has_a_meaning():
    assert set(VALUE_MEANINGS) == set(schema.CATEGORY_COLUMNS)
    for column, values in schema.CATEGORIES.items():
        assert tuple(VALUE_MEANINGS[column]) == values


def test_no_header_alias_belongs_to_two_columns():
    owners: dict[str, set[str]] = {}
    for col in schema.FIELDS:
        for alias in (col.name, col.label, *col.aliases):
            owners.setdefault(schema.normalize_header(alias), set()).add(col.name)
    ambiguous = {key: cols for key, cols in owners.items() if len(cols) > 1}
    assert ambiguous == {}
    assert set(owners) == set(schema.HEADER_ALIASES)


@pytest.mark.parametrize("column", schema.CATEGORY_COLUMNS)
def test_no_value_synonym_is_shadowed(column):
    # Each synonym must reach the value it is listed under (setdefault keeps the first).
    for value, words in schema._RAW_SYNONYMS[column].items():
        for word in words:
            assert schema.VALUE_SYNONYMS[column][schema.normalize_value(word)] == value, word
    for value in schema.CATEGORIES[column]:
        assert schema.VALUE_SYNONYMS[column][schema.normalize_value(value)] == value


def test_every_label_and_name_maps_back_to_its_column():
    for col in schema.FIELDS:
        assert schema.HEADER_ALIASES[schema.normalize_header(col.label)] == col.name
        assert schema.HEADER_ALIASES[schema.normalize_header(col.name)] == col.name


def test_column_groups_partition_the_columns():
    groups = (
        schema.TEXT_COLUMNS,
        schema.DATE_COLUMNS,
        schema.INTEGER_COLUMNS,
        schema.CATEGORY_COLUMNS,
    )
    assert sorted(c for g in groups for c in g) == sorted(schema.COLUMNS)
    assert set(schema.CATEGORIES) == set(schema.CATEGORY_COLUMNS)
    assert set(schema.CATEGORIES["source"]) >= schema.WARM_SOURCES


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("  Company Name: ", "companyname"),
        ("E-mail", "email"),
        ("Role / Title", "roletitle"),
        ("# Questions", "numberquestions"),
        ("Café Chat Date", "cafechatdate"),
        ("LINKEDIN_URL", "linkedinurl"),
        ("Thank-you Sent", "thankyousent"),
        (42, "42"),
        ("", ""),
        ("Replied? ✓", "replied"),
        ("✉️ Emailed", "emailed"),
        ("Date contacted (GMT)", "datecontacted"),
        ("Minutes [min]", "minutes"),
        ("(GMT)", "gmt"),
        ("Straße", "strasse"),
        ("Réponse:", "reponse"),
        ("Dankeschön", "dankeschon"),
    ],
)
def test_normalize_header(header, expected):
    assert schema.normalize_header(header) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("  LinkedIn   Msg ", "linkedin msg"),
        ("In-Person", "in person"),
        ("no_response", "no response"),
        ("É-mail", "e mail"),
        ("Follow-Up Due!", "follow up due"),
        ("", ""),
    ],
)
def test_normalize_value(value, expected):
    assert schema.normalize_value(value) == expected


@pytest.mark.parametrize(
    ("column", "written", "expected"),
    [
        ("channel", "LinkedIn msg", "linkedin"),
        ("channel", "e-mail", "email"),
        ("channel", "Phone call", "phone"),
        ("channel", "coffee", "in_person"),
        ("format", "coffee", "coffee"),
        ("status", "Outreach Sent", "awaiting"),
        ("status", "Bumped", "awaiting"),
        ("status", "Completed", "interviewed"),
        ("status", "Dead", "no_response"),
        ("seniority", "VP", "executive"),
        ("org_type", "Non-profit", "nonprofit"),
        ("source", "Mutual connection", "referral"),
    ],
)
def test_synonyms_users_write(column, written, expected):
    assert schema.VALUE_SYNONYMS[column][schema.normalize_value(written)] == expected


def test_header_words():
    assert schema.header_words("✉️ Date I reached out (GMT):") == ("date", "i", "reached", "out")
    assert schema.header_words("# Questions") == ("number", "questions")
    assert schema.header_words("") == ()


@pytest.mark.parametrize(
    ("written", "expected"),
    [("Yes", True), ("sí", True), ("OUI", True), ("Ja", True), ("sim", True), ("No", False),
     ("não", False), ("nein", False), ("unchecked", False)],
)  # fmt: skip
def test_yes_no_values(written, expected):
    assert schema.YES_NO_VALUES[schema.normalize_value(written)] is expected


@given(st.text(max_size=40))
def test_normalize_header_is_idempotent_and_plain(text):
    key = schema.normalize_header(text)
    assert re.fullmatch(r"[a-z0-9]*", key)
    assert schema.normalize_header(key) == key


@given(st.text(max_size=40))
def test_normalize_value_is_idempotent_and_plain(text):
    key = schema.normalize_value(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?", key)
    assert schema.normalize_value(key) == key


def test_architecture_page_lists_the_declared_tables():
    make_format_doc = _load_script("make_format_doc")
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert page == make_format_doc.with_tables(page), "run: python scripts/make_format_doc.py"

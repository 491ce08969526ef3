"""The header data (core/headers.py): every column in every language, nothing ambiguous."""

from __future__ import annotations

import pytest

from infoview_analytics.core import headers, schema


@pytest.mark.parametrize("column", schema.COLUMNS)
def test_every_column_has_phrases_in_every_language(column: str) -> None:
    assert set(headers.PHRASES[column]) == set(headers.LANGUAGES)
    for language, phrases in headers.PHRASES[column].items():
        assert phrases, (column, language)


def test_phrases_are_the_schema_aliases() -> None:
    assert set(headers.PHRASES) == set(schema.COLUMNS)
    for col in schema.FIELDS:
        listed = [p for words in headers.PHRASES[col.name].values() for p in words]
        assert col.aliases == tuple(listed)


def test_a_phrase_repeated_is_only_a_spelling_variant_in_the_same_language() -> None:
    seen: dict[str, tuple[str, str]] = {}
    for column, by_language in headers.PHRASES.items():
        for language, phrases in by_language.items():
            for phrase in phrases:
                key = schema.normalize_header(phrase)
                assert seen.setdefault(key, (column, language)) == (column, language), phrase


def test_traps_are_no_alias_and_hints_name_columns() -> None:
    for header in headers.NOT_COLUMNS:
        assert schema.normalize_header(header) not in schema.HEADER_ALIASES, header
    assert set(headers.HINTS) <= set(schema.COLUMNS)
    for stems in headers.HINTS.values():
        assert all(stem == schema.normalize_header(stem) for stem in stems)
    assert all(w == schema.normalize_header(w) for w in headers.FILLER_WORDS)

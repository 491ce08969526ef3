"""Write docs/log-format.md from the schema, so the document cannot drift from the code.

    python scripts/make_format_doc.py           # rewrite docs/log-format.md
    python scripts/make_format_doc.py --check   # exit 1 if the committed file is stale

The prose lives here; the column list, types, category values, header aliases
and value synonyms come from ``infoview_analytics.core.schema`` (and the value
meanings and rules of thumb from ``infoview_analytics.io.template``, which shows
the same text in the template's About sheet). tests/test_schema.py checks that
the committed document equals :func:`render`'s output.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoview_analytics.analysis import outcomes as _outcomes  # noqa: E402
from infoview_analytics.core import headers, names, schema, values  # noqa: E402
from infoview_analytics.io import _content, _headers  # noqa: E402
from infoview_analytics.io.mapfile import MAP_SUFFIX  # noqa: E402
from infoview_analytics.io.template import RULES_OF_THUMB, VALUE_MEANINGS  # noqa: E402

DOC = ROOT / "docs" / "log-format.md"

KIND_NAMES = {"text": "text", "date": "date", "integer": "whole number", "category": "category"}


def header_aliases(column: schema.Column) -> dict[str, list[str]]:
    """Headers accepted for ``column`` by language, as written, one per matching key."""
    seen: set[str] = set()
    shown: dict[str, list[str]] = {}
    lists = {"en": [column.name, column.label]}
    for language, phrases in headers.PHRASES[column.name].items():
        lists[language] = [*lists.get(language, []), *phrases]
    for language, phrases in lists.items():
        for alias in phrases:
            key = schema.normalize_header(alias)
            if schema.HEADER_ALIASES.get(key) == column.name and key not in seen:
                seen.add(key)
                shown.setdefault(language, []).append(alias)
    return shown


def _code_list(items: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f"`{item}`" for item in items)


def _synonyms(column: str, value: str) -> list[str]:
    return [
        key
        for key, target in schema.VALUE_SYNONYMS[column].items()
        if target == value and key != schema.normalize_value(value)
    ]


def _columns_table() -> list[str]:
    lines = [
        "| # | column | header in the template | type | meaning |",
        "|---|---|---|---|---|",
    ]
    for number, col in enumerate(schema.FIELDS, start=1):
        lines.append(
            f"| {number} | `{col.name}` | {col.label} | {KIND_NAMES[col.kind]} | {col.meaning} |"
        )
    return lines


def _column_sections() -> list[str]:
    lines: list[str] = []
    for col in schema.FIELDS:
        lines += [f"### `{col.name}` ({col.label})", "", col.meaning, ""]
        lines.append(f"- Type: {KIND_NAMES[col.kind]}.")
        if col.kind == "category":
            lines.append(f"- Allowed values: {_code_list(schema.CATEGORIES[col.name])}.")
        for language, aliases in header_aliases(col).items():
            name = headers.LANGUAGES[language]
            lines.append(f"- Headers accepted ({name}): {_code_list(aliases)}.")
        if col.name in headers.HINTS:
            stems = _code_list(headers.HINTS[col.name])
            lines.append(f"- Words hinting at it when the content agrees: {stems}.")
        lines.append("")
        if col.kind == "category":
            lines += [
                "| value | meaning | also accepted |",
                "|---|---|---|",
            ]
            for value in schema.CATEGORIES[col.name]:
                also = _code_list(_synonyms(col.name, value)) or "—"
                lines.append(f"| `{value}` | {VALUE_MEANINGS[col.name][value]} | {also} |")
            lines.append("")
    return lines


#: Names as people type them, shown with their key in "Matching names".
NAME_EXAMPLES = (
    ("José  Álvarez", "two spaces"),
    ("JOSE ALVAREZ", "capitals, no accents"),
    ("Jose\u0301 A\u0301lvarez", "decomposed accents (NFD, pasted on a Mac)"),
    ("José\u00a0Álvarez\u200b", "no-break space, zero-width space"),
    ("Straße", "ß is folded to ss"),
    ("Søren Łukasz", "ø and ł are letters, not accents"),
    ("\u00a0\t", "only spaces: blank"),
)


def _name_examples() -> list[str]:
    rows = ["| written | key | |", "|---|---|---|"]
    for text, why in NAME_EXAMPLES:
        # Invisible and combining characters written as escapes, so the reader sees them.
        shown = "".join(
            c if c == " " or unicodedata.category(c)[0] in "LNPS" else f"\\u{ord(c):04x}"
            for c in text
        )
        key = names.key(text)
        rows.append(f"| `{shown}` | {'(missing)' if key is None else f'`{key}`'} | {why} |")
    return rows


def _words(items: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{w}`" for w in items)


def _value_sections() -> list[str]:
    """Answers where a date or a status is expected, the flag columns, dates without a year."""
    flags = " ".join(f"`{d}` → `{f}`," for d, f in values.DATE_FLAGS.items()).rstrip(",")
    lines = [
        "## Answers where a date or a status is expected",
        "",
        "A date column may hold an answer instead of a date: `Yes`, `✓`, `checked`, `Sí`,",
        "`TRUE` (or a real checkbox cell), `No`, `unchecked`... Each date column has a **flag",
        f"column** in the loaded log: {flags}. A flag is True when the event happened,",
        "with or without a date; the date column keeps the date when there is one (and",
        'stays `datetime64[ns]`, NaT otherwise). So "Thank-you sent: Yes" is thanked on',
        'an unknown day, and "Replied?: Yes" is an answer: it counts in response rates',
        'and is left out of the time to response, which needs a date. A "no" (and a blank)',
        'is the absence of the event: in a "Replied?" column "No" means no answer yet, not',
        "a refusal. A yes without a date counts at any `as_of` (its day is unknown).",
        "",
        "| language | yes | no, not yet |",
        "|---|---|---|",
    ]
    for language in values.YES_WORDS:
        yes = values.YES_WORDS[language]
        no = values.NO_WORDS.get(language, ())
        lines.append(f"| {language} | {_words(yes)} | {_words(no)} |")
    lines += [
        "",
        "A lone tick ("
        + _words(sorted(k for k, v in values.SYMBOLS.items() if v == "yes"))
        + ") is a yes, a lone cross ("
        + _words(sorted(k for k, v in values.SYMBOLS.items() if v == "no"))
        + ") a no; beside a word a symbol is decoration (`✅ Met` is `Met`).",
        "",
        'Words that mean "it happened" in one date column:',
        "",
    ]
    for column, words in values.DONE_WORDS.items():
        lines.append(f"- `{column}`: {_words(words)}.")
    lines += [
        "",
        "A status word in a date column is a yes when the status implies that event:",
        "`declined` under Replied? is an answer, `waiting` is not; `met` and `converted`",
        "imply an answer and an interview. A status that says more than the flag ("
        + _words(sorted(values.HINTED_STATUSES))
        + ") is passed on to a blank status",
        '("no reply" under Replied? is *not yet*, not given up).',
        "",
        "**Free text** (`yes - call on 4/2`, `declined, busy`, `no reply yet`, `Bumped 3/9`)",
        "is read for its answer and its dates, and each such cell is listed in the problems",
        "table with what it was read as. A date in the text belongs to the event word",
        "before it, else to the cell's own column (in the status column: to the status's",
        "event, `replied` → `responded_on`); it fills that column only where it is blank",
        "(a different date there is reported). Dates in the text are read in the day/month",
        "order of their column. Event words:",
        "",
    ]
    for column, words in values.EVENT_WORDS.items():
        lines.append(f"- `{column}`: {_words(words)}.")
    lines += [
        "",
        "In the **status** column, a status word is read as usual (the synonyms listed",
        "under `status` below, and these); `Yes` (or a tick) is `replied`; `No` is blank,",
        "so the status is derived from the dates.",
        "",
        "| status | also accepted in free text and other languages |",
        "|---|---|",
        *(f"| `{st}` | {_words(words)} |" for st, words in values.STATUS_WORDS.items()),
        "",
        "A status saying the follow-up went out ("
        + _words(values.FOLLOWED_UP_STATUSES)
        + ") is `awaiting` with the follow-up done (the `followed_up` flag, no date): 3B7",
        "asks for no other follow-up. `Follow-up due` is `awaiting` with none sent.",
        "",
        "A blank status takes, of what its dates say and what the words of its other cells",
        "say, the one further along: "
        + " < ".join(f"`{s}`" for s in values.STATUS_PROGRESS)
        + ".",
        "",
        "Under **Referred by**, a yes/no (`Yes`, `n/a`, `-`, `none`) names nobody: it is",
        "left blank; a yes makes a blank `source` `referral` (a warm request) and is reported.",
        "",
        "**Relation cells** exported by Notion or Airtable, `Full Name",
        "(https://www.notion.so/Full-Name-0123abcd)` (or a markdown export's `(…%20….md)`),",
        "give the name in every name column (contact, organization, role, field, location,",
        "referred_by, owner); a comma-separated list of them gives its first name, and a",
        "problem row names the others, which are not used.",
        "",
        "### Dates without a year",
        "",
        "`Mar 3`, `3 April`, `April 14th`, `14/4`, `17.3.` are read, and each is listed in",
        "the problems table as inferred. The year is the one that puts the date **closest",
        "to the log's other dates** (those written with a year, in any date column; `as_of`",
        "when there are none) **and not after `as_of`**; an interview date may lie after",
        "`as_of` (a meeting still to come). A tie goes to the earlier year. With `as_of`",
        "2026-01-10, `Dec 28` is 2025-12-28.",
        "",
    ]
    return lines


def render() -> str:
    """The whole document, as a string."""
    warm = _code_list(sorted(schema.WARM_SOURCES))
    order = "day/month" if schema.DEFAULT_DAYFIRST else "month/day"
    window = _outcomes.ANSWER_WINDOW
    second = _outcomes.SECOND_CONTACT_AFTER
    parts: list[str] = [
        "<!-- Generated by scripts/make_format_doc.py from infoview_analytics/schema.py;",
        "     edit the script, not this file. tests/test_schema.py checks they agree. -->",
        "",
        "# The interview log format",
        "",
        "An interview log has **one row per person** you have asked, or plan to ask, for an",
        "informational interview. Keep it in Excel, Google Sheets, LibreOffice, Numbers or a",
        "CSV file, with the headers in your own words: the loader (`load_log`, `read_log`,",
        "`infoview validate`) recognises the usual ones and tells you what it could not",
        "understand. `infoview template my_log.xlsx` writes a blank log with every column,",
        "drop-down lists and an About sheet.",
        "",
        "Only `contact` (the person's name) is required; any other column may be absent.",
        "After loading, the log is one pandas DataFrame with the canonical columns below, in",
        "this order, then `source_row`, then the flag columns (`"
        + "`, `".join(values.FLAG_COLUMNS)
        + "`: see",
        "*Answers where a date or a status is expected*), then your own extra columns",
        "unchanged (see [architecture.md](architecture.md) for the exact contract).",
        "",
        "## The columns",
        "",
        *_columns_table(),
        "",
        "## Types",
        "",
        "- **text**: kept as written, with stray spaces at either end removed. Missing is empty.",
        "- **date**: a calendar day (times are dropped). Real date cells, ISO dates",
        "  (`2026-04-17`), month/day/year (`4/17/2026`), day/month/year (`17/04/2026`),",
        "  written-out months (`30 May 2024`), dates with times (`4/6/26, 2:12 PM`,",
        "  `2026-04-06 16:35:35 UTC`) and Excel serial numbers (`46129`) are all read, so",
        "  are German dates (`17.03.2026`, `17.3.26`), month names in English, Spanish,",
        "  French, German, Portuguese and Italian (`17 de marzo de 2026`, `17. März 2026`)",
        "  and the start of a Notion range (`March 17, 2026 → March 18, 2026`). A date-time",
        "  keeps the day it shows, whatever its time zone (`2026-03-17T23:30:00-05:00` is",
        "  the 17th). A yes/no answer is read too (see below). A date that cannot be read",
        "  (`next Tues`) is left empty and reported as a problem with the text you wrote.",
        "- **whole number**: numbers, and text such as `30` or `30 min`, become whole numbers.",
        "  Anything else is left empty and reported.",
        "- **category**: one of a fixed list of values (below). Matching ignores case, accents,",
        "  spaces and punctuation (`LinkedIn msg`, `linkedin-msg` and `LINKEDIN MSG` are the",
        "  same) and accepts the synonyms listed. A value that matches nothing is kept as you",
        "  wrote it and reported, so nothing is lost.",
        "",
        "### Day/month order",
        "",
        "The order of day and month is decided **per column**. If any value in the column has",
        "a first part above 12 (`17/04/2026`) the column is read day-first; if any has a second",
        "part above 12 (`4/17/2026`) it is read month-first. A column in which every value is",
        "ambiguous (only `03/04/2026`-like dates) takes the order from, in turn: the log's",
        "other date columns that did decide (their day-first and month-first dates are",
        "counted together); dots (`03.04.2026`, the German way, read day-first when most of",
        "the column's dates have them); the language of the headers (Spanish, French,",
        "German, Portuguese and British English headers mean day-first); else the default,",
        f"**{order}** (`schema.DEFAULT_DAYFIRST = {schema.DEFAULT_DAYFIRST}`,",
        "as US Excel and Google Sheets write dates). Each date read by such an inferred",
        "order is listed in the problems table with the reason, as are dates inside",
        "free-text answers. Dates without a year (`14/4`) take",
        "part in the decision. Pass `dayfirst=True` (or",
        "`infoview validate --dayfirst`) to read such a column day-first, `dayfirst=False` to",
        "force month-first.",
        "",
        *_value_sections(),
        "## Column by column",
        "",
        *_column_sections(),
        "## Status, derived when blank",
        "",
        "`status` is never missing after loading. When you leave it blank it is derived from",
        "the dates, as of the load's `as_of` date (default: today; the sample uses",
        "2026-04-17), taking the first rule that applies:",
        "",
        "1. `interview_on` on or before `as_of`: **interviewed**;",
        "2. `interview_on` after `as_of`: **scheduled**;",
        "3. `interviewed` yes without a date: **interviewed**;",
        "4. `responded_on` filled, or `responded` yes: **replied**;",
        "5. `requested_on` filled, or `requested` yes: **awaiting**;",
        "6. otherwise: **prospect**;",
        "",
        "then a status the words of its other cells say, when further along (see",
        "*Answers where a date or a status is expected*).",
        "",
        "A status you wrote is kept. The loader reports a status or dates that contradict each",
        "other, e.g. an interview date before the date you asked, or a reply before the",
        "request. A status of interviewed without an interview date is fine (you may not have",
        "noted the day).",
        "",
        "## Request outcomes: how the analyses count",
        "",
        "Every analysis uses the same reading of a row, as of a date `as_of`:",
        "",
        "- **asked**: a request date on or before `as_of`, or a status past `prospect`",
        "  without a date, or a yes without a date in `requested`, `responded` or",
        "  `interviewed`.",
        "- **responded**: a response date or an interview date on or before `as_of`, or a",
        "  status that implies an answer: "
        + _code_list(sorted(_outcomes.RESPONDED_STATUSES))
        + ", or a yes without a date in `responded` or `interviewed`.",
        "- **agreed**: a conversation was set: "
        + _code_list(sorted(_outcomes.AGREED_STATUSES))
        + ", or an interview date, or a yes without a date in `interviewed`.",
        "- **pending**: asked, no answer, not given up (`no_response`), and fewer than",
        f"  **{window} business days** since the request or the last follow-up, whichever",
        "  is later. A pending request is too young to count as unanswered: it is left out",
        "  of response rates and shown in its own column.",
        "- **decided**: asked and not pending; the denominator of a response rate.",
        f"- **warm** when `referred_by` is filled or `source` is one of {warm}; otherwise",
        '  **cold**. Usable as `by="warmth"` in every analysis.',
        "",
        "Business days are Monday to Friday (less an optional holiday list), counted from the",
        "first date (inclusive) to the second (exclusive): an answer the next working day",
        "took 1 business day, an answer on a Monday to a Friday request also 1.",
        "",
        f"The follow-up rule **3B7**: after {second} business days without a reply, contact a",
        f"second person at the same organization; after {window} business days, send the first",
        "person one follow-up (record it in `followed_up_on`; a yes there counts too), then",
        "move on. Set `status` to `no_response` when you give up. A thank-you marked yes",
        "without a date needs no reminder.",
        "",
        "## Reading a file",
        "",
        "- **Formats**: `.xlsx`, `.xlsm`, `.xls`, `.ods` (the first sheet that has a",
        "  recognisable header, unless `sheet=` says otherwise) and `.csv`, `.tsv`, `.txt`",
        "  (comma, semicolon or tab; UTF-8 with or without BOM, UTF-16, Windows-1252).",
        "- **Header row**: found automatically when title or instruction rows sit above it:",
        "  the loader scans the first rows for the one naming the most known columns.",
        "- **Header matching** ignores case, accents, spacing, punctuation, emoji, a trailing",
        "  colon or question mark and units in brackets (`Company Name:` = `company name` =",
        "  `COMPANY_NAME`, `Replied?` = `Replied ✓` = `Replied (Y/N)`); leading words such as",
        "  `My`, `Mi`, `Mon`, `Mein` and a trailing `Y/N` are dropped when the whole header",
        "  is no phrase. The headers accepted for each column are listed above, by language",
        "  (" + ", ".join(headers.LANGUAGES.values()) + ").",
        "- A header joining two aliases of the same column with `/` (`Role / Title`,",
        "  `Company / Employer`) maps to that column.",
        "- `First Name` and `Last Name` columns are joined into `contact`.",
        "- **Typos** are matched with rapidfuzz: a header at most one letter wrong, missing,",
        "  extra or swapped from a phrase (two letters in headers of "
        f"{_headers.FUZZY_TWO_EDITS} letters or more),",
        "  with the same first letter, nearer to one column than to any other and with a",
        f"  `fuzz.ratio` of at least {_headers.FUZZY_CUTOFF:.0f} (`Orgnaization`, "
        "`Date contcted`). Headers of",
        f"  fewer than {_headers.FUZZY_MIN_LENGTH} letters are never matched this way.",
        "- **Content decides** for a header still unknown, from a sample of the column's",
        f"  first {_content.SAMPLE_VALUES} values (never every row): at least "
        f"{_content.CONTENT_SHARE:.0%} email addresses",
        "  (`email`), LinkedIn links (`linkedin_url`), phone numbers (`phone`) or known",
        "  values of one category column (a `Via` column of `LinkedIn`, `Email` is",
        f"  `channel`); at least {_content.REFERRER_SHARE:.0%} names of people in the contact "
        "column (`referred_by`);",
        "  dates or yes/no answers ("
        + _code_list(sorted(schema.YES_NO_VALUES))
        + ", ticks such as `✓`)",
        "  when the header's words hint at one date column (`Thanks?`: `thanked_on`; the",
        "  hints are listed above). Words that only say something went out ("
        + _code_list(headers.GENERIC_HINTS)
        + ")",
        "  give way to a word naming the event (`Thanks sent`, `Follow-up email sent`).",
        "  Otherwise the header is kept and `infoview validate` says",
        "  what it holds and the closest column.",
        "- **Weak readings**: a typo or content match scoring below "
        f"{_headers.CONFIDENT:.0f} is kept, but",
        '  every answer resting on that column says so in its `attrs["gaps"]`, and',
        "  `infoview check` prints it and exits 3: check it with `infoview validate`, and",
        "  map the header if it is wrong.",
        "- **Never read as a column** unless you map them: "
        + "; ".join(f"`{h}` ({why})" for h, why in headers.NOT_COLUMNS.items())
        + ".",
        "- **Two headers for one column**: the stronger evidence wins (a mapping, then an",
        "  alias, then a typo, then the content; for a date column the one holding dates),",
        "  the other is kept as your own column and reported.",
        '- **Mapping headers yourself**: `read_log(path, columns={"Their header": "column"})`',
        '  or `--map "Their header=column"` on any command (repeatable) reads a header as a',
        "  column, or keeps it as your own with `-`. To keep the mapping, run",
        '  `infoview map my_log.xlsx "Who referred me=referred_by"`: it writes',
        f"  `my_log.xlsx{MAP_SUFFIX}` beside the log (TOML, a `[columns]` table of",
        '  `"header" = "column"` lines, free to edit), which `read_log` and every command',
        "  read; `infoview map my_log.xlsx --remove HEADER` takes a line out. The log itself is",
        "  never changed. A mapping given in the call wins over the file; a mapping to a",
        "  column that does not exist or of a header the log does not have is an error.",
        "- `infoview validate` (and `read_log(...).headers`) shows for every header the column",
        "  it became and why (alias and its language, typo and its score, content), and for",
        "  every header kept the closest column.",
        "- **Unknown columns** are kept unchanged, after the canonical ones.",
        "- **Nothing is lost**: wholly blank rows are skipped and counted; a row with data but",
        "  no name is kept and reported. Every row carries `source_row`, its row number as you",
        "  see it in the spreadsheet (the header row and any title rows above it counted), so",
        "  each problem can be found and fixed. People listed twice (same name and",
        "  organization, matched by name key: see below) are reported, not merged. The file",
        "  is never modified.",
        "- **Problems** are returned by `read_log(...).problems`, a table with the columns",
        "  `source_row, column, value, problem, hint`; `load_log` warns once",
        "  (`LogProblemsWarning`) when there are any; `infoview validate` lists them.",
        "- A file that cannot be read at all (missing, not a spreadsheet, password-protected,",
        "  no header with a name column, only a header) raises `LogFormatError` with a message",
        "  saying what was found and what to do.",
        "- `load_logs(paths_or_folder)` loads a cohort of students' logs into one DataFrame,",
        "  with `owner` taken from each file's name unless the log has its own `owner` column.",
        "",
        "## Matching names",
        "",
        "People (`contact`, `referred_by`), organizations, fields, owners and the other",
        "perspective columns are matched by one **name key**, everywhere: the loader's",
        "duplicate check, the referral chains, coverage, the follow-ups, `merge_logs`, the",
        "LinkedIn import, `anonymize` and the charts. Names are still shown as first written.",
        "The key of a text is:",
        "",
        "1. the text in Unicode NFC, so a name pasted from a Mac (decomposed, NFD) matches",
        "   the same name typed on Windows;",
        "2. case-folded (`str.casefold`: `ß` → `ss`);",
        "3. with accents ignored: decomposed (NFD), combining marks (Unicode category Mn)",
        "   dropped, recomposed (NFC); `José` = `Jose` = `JOSÉ`;",
        "4. without invisible format characters (category Cf: zero-width space, byte-order",
        "   mark, soft hyphen, zero-width joiner);",
        "5. with every run of whitespace (tab, line break, no-break space, U+2028, U+0085 ...)",
        "   collapsed to one space, and trimmed;",
        "6. missing when nothing is left. A number or date in a name column is keyed as its",
        "   text.",
        "",
        *_name_examples(),
        "",
        "## Rules of thumb",
        "",
        "The checks of the toolkit, also printed in the template's About sheet:",
        "",
        *[f"- {rule}" for rule in RULES_OF_THUMB],
        "",
        "## The sample log",
        "",
        "`data/sample_log.xlsx` (the template's layout) and `data/sample_log.csv` (the same",
        "rows, ISO dates; also bundled in the package: `infoview_analytics.example_log()`) are",
        "the log of a fictional teacher exploring six fields, as of Friday 2026-04-17.",
        "`data/cohort/` holds five fictional students' logs; `jonah_whitaker.xlsx` is kept in",
        "his own words, with title rows and US dates. `scripts/make_sample_data.py` makes",
        "all of them.",
        "",
    ]
    return "\n".join(parts)


ARCHITECTURE = ROOT / "docs" / "architecture.md"
START, END = "<!-- tables:start -->", "<!-- tables:end -->"


def with_tables(page: str) -> str:
    """docs/architecture.md with its output-tables section written from analysis/tables.py."""
    from infoview_analytics.analysis.docs import tables_markdown

    head, rest = page.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{tables_markdown()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the committed file")
    parser.add_argument("--out", type=Path, default=DOC, help="where to write")
    args = parser.parse_args(argv)
    text = render()
    page = ARCHITECTURE.read_text(encoding="utf-8")
    tables = with_tables(page)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        stale = [f for f, now, want in ((args.out, current, text), (ARCHITECTURE, page, tables))
                 if now != want]  # fmt: skip
        for path in stale:
            print(f"{path} is out of date: run python scripts/make_format_doc.py")
        return 1 if stale else 0
    args.out.write_text(text, encoding="utf-8", newline="\n")
    ARCHITECTURE.write_text(tables, encoding="utf-8", newline="\n")
    print(args.out, ARCHITECTURE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

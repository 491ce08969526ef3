"""Headers in people's own words (io/_headers.py, io/_content.py), read through read_log.

Real files in tmp_path: CSV written as text, xlsx written with openpyxl and read back.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview_analytics.core import headers, schema
from infoview_analytics.io import _content, _headers
from infoview_analytics.io.loader import read_log

AS_OF = "2026-04-17"


def csv(tmp_path: Path, text: str, name: str = "log.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def xlsx(tmp_path: Path, rows: list[list[object]], name: str = "log.xlsx") -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def read_as(path: Path, **kwargs) -> dict[str, tuple[str, str]]:
    """header -> (column, how) of every header of the file."""
    table = read_log(path, as_of=AS_OF, **kwargs).headers
    rows = zip(table["header"], table["column"], table["how"], strict=True)
    return {h: (c, how) for h, c, how in rows}


# ---------------------------------------------------------------- phrases, per language
PER_LANGUAGE = [
    # English, as the issue's three logs and career-centre trackers write them
    ("en", "Date I reached out", "requested_on"),
    ("en", "Emailed", "requested_on"),
    ("en", "Messaged", "requested_on"),
    ("en", "Outreach date", "requested_on"),
    ("en", "Date of request", "requested_on"),
    ("en", "Sent on", "requested_on"),
    ("en", "First contact", "requested_on"),
    ("en", "Replied?", "responded_on"),
    ("en", "Heard back", "responded_on"),
    ("en", "Response", "responded_on"),
    ("en", "Answer", "responded_on"),
    ("en", "Who referred me", "referred_by"),
    ("en", "Intro by", "referred_by"),
    ("en", "Introduced via", "referred_by"),
    ("en", "Mutual", "referred_by"),
    ("en", "TY sent", "thanked_on"),
    ("en", "Thank-you note", "thanked_on"),
    ("en", "Thank you sent", "thanked_on"),
    ("en", "How I found them", "source"),
    ("en", "Job Title", "role"),
    ("en", "Coffee chat", "interview_on"),
    ("en", "Bumped", "followed_up_on"),
    ("en", "Next steps", "next_step"),
    ("en", "Key takeaways", "notes"),
    ("en", "LinkedIn profile", "linkedin_url"),
    # Spanish
    ("es", "Nombre", "contact"),
    ("es", "Empresa", "organization"),
    ("es", "Cargo", "role"),
    ("es", "Fecha de contacto", "requested_on"),
    ("es", "Contactado", "requested_on"),
    ("es", "Respuesta", "responded_on"),
    ("es", "Referido por", "referred_by"),
    ("es", "Gracias enviado", "thanked_on"),
    ("es", "Fecha de reunión", "interview_on"),
    ("es", "Notas", "notes"),
    ("es", "Canal", "channel"),
    # French
    ("fr", "Nom", "contact"),
    ("fr", "Entreprise", "organization"),
    ("fr", "Poste", "role"),
    ("fr", "Date de contact", "requested_on"),
    ("fr", "Contacté le", "requested_on"),
    ("fr", "Réponse", "responded_on"),
    ("fr", "Recommandé par", "referred_by"),
    ("fr", "Merci envoyé", "thanked_on"),
    ("fr", "Entretien", "interview_on"),
    ("fr", "Relance", "followed_up_on"),
    ("fr", "Statut", "status"),
    # German
    ("de", "Ansprechpartner", "contact"),
    ("de", "Firma", "organization"),
    ("de", "Kontaktiert am", "requested_on"),
    ("de", "Angeschrieben", "requested_on"),
    ("de", "Antwort", "responded_on"),
    ("de", "Empfohlen von", "referred_by"),
    ("de", "Danke gesendet", "thanked_on"),
    ("de", "Gesprächstermin", "interview_on"),
    ("de", "Branche", "field"),
    ("de", "Notizen", "notes"),
    # Portuguese
    ("pt", "Nome", "contact"),
    ("pt", "Organização", "organization"),
    ("pt", "Data de contato", "requested_on"),
    ("pt", "Resposta", "responded_on"),
    ("pt", "Indicado por", "referred_by"),
    ("pt", "Agradecimento enviado", "thanked_on"),
    ("pt", "Data da reunião", "interview_on"),
    ("pt", "Observações", "notes"),
]


@pytest.mark.parametrize(("language", "header", "column"), PER_LANGUAGE)
def test_phrases_per_language(tmp_path: Path, language: str, header: str, column: str) -> None:
    first = "Who" if column != "contact" else "Notes"
    path = csv(tmp_path, f'{first},"{header}"\nAna,x\n')
    got = read_as(path)[header]
    assert got == (column, "alias")
    table = read_log(path, as_of=AS_OF).headers.set_index("header")
    assert table.loc[header, "detail"] == headers.LANGUAGES[language]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("DATE CONTACTED", "requested_on"),
        ("date_contacted", "requested_on"),
        ("Date contacted (GMT)", "requested_on"),
        ("Date contacted [dd/mm]", "requested_on"),
        ("📅 Date contacted", "requested_on"),
        ("✉️ Emailed", "requested_on"),
        ("Replied? ✓", "responded_on"),
        ("Replied Y/N", "responded_on"),
        ("Replied (yes/no)", "responded_on"),
        ("My notes", "notes"),
        ("Mi empresa", "organization"),
        ("Mon poste", "role"),
        ("Réponse:", "responded_on"),
        ("REPONSE", "responded_on"),
        ("Duration (min)", "minutes_planned"),
        ("Company / Employer", "organization"),
    ],
)
def test_case_accents_punctuation_emoji_units_ignored(
    tmp_path: Path, header: str, column: str
) -> None:
    path = csv(tmp_path, f'Name,"{header}"\nAna,x\n')
    assert read_as(path)[header] == (column, "alias")


# ---------------------------------------------------------------- typos
@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Orgnaization", "organization"),
        ("Date contcted", "requested_on"),
        ("Compnay", "organization"),
        ("Referal", "referred_by"),
        ("Thank yous", "thanked_on"),
        ("Intervew date", "interview_on"),
        ("Fecha de contaco", "requested_on"),
        ("Empfohlen vn", "referred_by"),
    ],
)
def test_typos_are_fuzzy_matches_with_their_score(tmp_path: Path, header: str, column: str):
    path = csv(tmp_path, f'Name,"{header}"\nAna,x\n')
    table = read_log(path, as_of=AS_OF).headers.set_index("header")
    assert (table.loc[header, "column"], table.loc[header, "how"]) == (column, "fuzzy")
    assert _headers.FUZZY_CUTOFF <= table.loc[header, "score"] < 100
    assert table.loc[header, "detail"].startswith("close to ")


@pytest.mark.parametrize(
    "header",
    [
        "Comments about date",
        "Salary",
        "Met at",  # one letter from French 'État' (status), but too short to tell
        "Deadline",  # one letter from a phrase, but not the first letter
        "Contacts",  # as near to contact as to French 'Contacté' (requested_on)
        "Emial",  # too short to be sure
        "Rating",
        "Priority",
        "Company size",
        "Meeting link",
        "Interview notes",
        "Department",
        "Years of experience",
        "Next meeting",
    ],
)
def test_near_misses_are_not_forced_onto_a_column(tmp_path: Path, header: str) -> None:
    path = csv(tmp_path, f'Name,"{header}"\nAna,some words here\nBo,more words\n')
    column, how = read_as(path)[header]
    assert (column, how) == (header, "kept (unknown)")
    assert header in read_log(path, as_of=AS_OF).log.columns


def test_unknown_header_gets_its_closest_column_and_score(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Comments about date\nAna,was late\n")
    row = read_log(path, as_of=AS_OF).headers.set_index("header").loc["Comments about date"]
    assert row["closest"] in schema.COLUMNS
    assert 0 < row["closest_score"] < _headers.FUZZY_CUTOFF


@pytest.mark.parametrize(
    ("header", "why"),
    [("Connected On", "LinkedIn"), ("Created time", "Notion"), ("Created", "row was made")],
)
def test_traps_are_never_read_as_a_column(tmp_path: Path, header: str, why: str) -> None:
    path = csv(tmp_path, f"Name,{header}\nAna,2026-03-02\nBo,2026-03-03\n")
    row = read_log(path, as_of=AS_OF).headers.set_index("header").loc[header]
    assert (row["column"], row["how"]) == (header, "kept (unknown)")
    assert why in row["detail"]


# ---------------------------------------------------------------- who wins a column
def test_alias_beats_fuzzy_and_the_loser_is_kept_and_reported(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Compnay,Company\nAna,Old Co,Acme\n")
    result = read_log(path, as_of=AS_OF)
    assert result.log["organization"].tolist() == ["Acme"]
    assert result.log["Compnay"].tolist() == ["Old Co"]
    got = read_as(path)
    assert got["Company"] == ("organization", "alias")
    assert got["Compnay"] == ("Compnay", "kept (duplicate of 'Company')")
    (problem,) = result.problems.itertuples()
    assert problem.column == "Compnay"
    assert "'Company' is already read as organization" in problem.problem
    assert "stronger" in problem.hint


def test_fuzzy_beats_content(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Connection,Referal\nAna,,\nBo,Ana,Ana\nCy,Ana,Bo\n")
    got = read_as(path)
    assert got["Referal"] == ("referred_by", "fuzzy")
    assert got["Connection"] == ("Connection", "kept (unknown)")


def test_two_aliases_of_a_date_column_the_one_holding_dates_wins(tmp_path: Path) -> None:
    path = csv(
        tmp_path, "Name,Response,Response date\nAna,Yes,2026-03-04\nBo,No,\nCy,Yes,2026-03-09\n"
    )
    result = read_log(path, as_of=AS_OF)
    assert read_as(path)["Response date"] == ("responded_on", "alias")
    assert result.log["responded_on"].dt.strftime("%m-%d").tolist()[0] == "03-04"
    assert result.log["Response"].tolist() == ["Yes", "No", "Yes"]


def test_two_equal_aliases_first_one_wins(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Employer,Company\nAna,A,B\n")
    assert read_as(path)["Employer"] == ("organization", "alias")
    assert read_as(path)["Company"][1] == "kept (duplicate of 'Employer')"


# ---------------------------------------------------------------- content decides
def test_connection_of_names_in_the_contact_column_is_referred_by(tmp_path: Path) -> None:
    path = xlsx(
        tmp_path,
        [
            ["Name", "Company", "Connection"],
            ["Ana Ruiz", "Acme", None],
            ["Ben Ode", "Globex", "Ana Ruiz"],
            ["Cy Park", "Initech", "ana ruiz"],
            ["Di Shah", "Hooli", "Ben Ode"],
        ],
    )
    result = read_log(path, as_of=AS_OF)
    row = result.headers.set_index("header").loc["Connection"]
    assert (row["column"], row["how"]) == ("referred_by", "content")
    assert "names of people in the contact column" in row["detail"]
    assert result.log["referred_by"].tolist()[1:] == ["Ana Ruiz", "ana ruiz", "Ben Ode"]


def test_connection_of_other_values_is_not_referred_by(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Connection\nAna,1st\nBo,2nd\nCy,3rd\n")
    assert read_as(path)["Connection"] == ("Connection", "kept (unknown)")


def test_a_second_name_column_is_not_a_referrer(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Display\nAna Ruiz,Ana Ruiz\nBen Ode,Ben Ode\nCy Park,Cy Park\n")
    assert read_as(path)["Display"] == ("Display", "kept (unknown)")


@pytest.mark.parametrize("header", ["Thanks?", "Merci ?", "Danke?", "TY?"])
def test_yes_no_under_a_thank_you_header_is_thanked_on(tmp_path: Path, header: str) -> None:
    path = xlsx(
        tmp_path,
        [["Name", header], ["Ana", "Yes"], ["Bo", "No"], ["Cy", "✓"], ["Di", "x"], ["Ed", "Y"]],
    )
    row = read_log(path, as_of=AS_OF).headers.set_index("header").loc[header]
    assert (row["column"], row["how"]) == ("thanked_on", "content")
    assert "yes/no" in row["detail"]


def test_thank_you_question_with_yes_no(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Thank you?\nAna,Yes\nBo,No\nCy,yes\n")
    assert read_as(path)["Thank you?"][0] == "thanked_on"


def test_dates_under_a_hinting_header(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,When we talked\nAna,2026-03-02\nBo,3/4/2026\n")
    assert read_as(path)["When we talked"] == ("interview_on", "content")


def test_dates_under_a_header_that_says_nothing_stay_unknown(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Date\nAna,2026-03-02\nBo,2026-03-04\n")
    row = read_log(path, as_of=AS_OF).headers.set_index("header").loc["Date"]
    assert (row["column"], row["how"]) == ("Date", "kept (unknown)")
    assert "dates" in row["detail"]


def test_dates_hinting_at_two_columns_stay_unknown(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Met or replied\nAna,2026-03-02\nBo,2026-03-04\n")
    assert read_as(path)["Met or replied"][1] == "kept (unknown)"


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Note of thanks sent", "thanked_on"),  # "sent" hints at a request too
        ("Follow-up email sent", "followed_up_on"),
        ("Relance envoyée le", "followed_up_on"),
    ],
)
def test_a_header_saying_what_was_sent_is_that_column(
    tmp_path: Path, header: str, column: str
) -> None:
    # "sent" alone says something went out, not what: the word naming the event decides.
    path = csv(tmp_path, f'Name,"{header}"\nAna,2026-03-02\nBo,2026-03-04\n')
    assert read_as(path)[header] == (column, "content")


def test_sent_alone_still_hints_at_the_request(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,When sent\nAna,2026-03-02\nBo,2026-03-04\n")
    assert read_as(path)["When sent"] == ("requested_on", "content")


@pytest.mark.parametrize(
    ("values", "column"),
    [
        (["ana@x.org", "bo@y.com", "cy@z.de"], "email"),
        (["https://www.linkedin.com/in/ana", "linkedin.com/in/bo", "https://linkedin.com/in/c"],
         "linkedin_url"),
        (["+1 555 0100 222", "(030) 123 4567", "+49 30 1234567"], "phone"),
        (["LinkedIn", "Email", "email", "Phone call"], "channel"),
        (["Alumni", "Referral", "cold outreach"], "source"),
    ],
)  # fmt: skip
def test_content_of_a_header_that_says_little(
    tmp_path: Path, values: list[str], column: str
) -> None:
    rows = [["Name", "⭐"], *([f"P{i}", v] for i, v in enumerate(values))]
    path = xlsx(tmp_path, rows)
    assert read_as(path)["⭐"] == (column, "content")


def test_content_never_takes_a_column_already_read(tmp_path: Path) -> None:
    path = csv(tmp_path, "Name,Email,Other\nAna,a@x.org,b@x.org\nBo,c@x.org,d@x.org\n")
    assert read_as(path)["Other"] == ("Other", "kept (unknown)")


def test_content_is_judged_on_a_sample_not_every_row(tmp_path: Path) -> None:
    # Emails in the first rows, anything after the sample: the sample decides.
    n = _content.SAMPLE_ROWS + 50
    lines = [f"P{i},p{i}@x.org" if i < 300 else f"P{i},not an email" for i in range(n)]
    path = csv(tmp_path, "Name,⭐\n" + "\n".join(lines) + "\n")
    assert read_as(path)["⭐"] == ("email", "content")
    assert len(_content.sample(pd.Series([f"x{i}" for i in range(10_000)]))) == (
        _content.SAMPLE_VALUES
    )


# ---------------------------------------------------------------- the issue's logs
def test_google_sheets_log_of_the_issue(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Name,Company,Job Title,Industry,How I found them,Date contacted,Replied?,"
        "Meeting date,Thank you sent,Who referred me,Notes\n"
        "Ana,Acme,Analyst,Data,Alumni,2026-03-02,Yes,2026-03-10,Yes,,great\n",
    )
    got = read_as(path)
    assert {h: c for h, (c, _) in got.items()} == {
        "Name": "contact",
        "Company": "organization",
        "Job Title": "role",
        "Industry": "field",
        "How I found them": "source",
        "Date contacted": "requested_on",
        "Replied?": "responded_on",
        "Meeting date": "interview_on",
        "Thank you sent": "thanked_on",
        "Who referred me": "referred_by",
        "Notes": "notes",
    }


def test_excel_and_notion_logs_of_the_issue(tmp_path: Path) -> None:
    excel = xlsx(tmp_path, [["Name", "Emailed", "Heard back", "Thank-you", "Intro by"], ["A"]])
    assert [c for c, _ in read_as(excel).values()] == [
        "contact", "requested_on", "responded_on", "thanked_on", "referred_by"
    ]  # fmt: skip
    notion = csv(
        tmp_path,
        "Name,Contacted,Responded,Meeting,Thank-you note,Referred by\n"
        "Full Name,2026-03-02,,,,Other Person (https://www.notion.so/Other-Person-0123abcd)\n",
        name="notion.csv",
    )
    assert [c for c, _ in read_as(notion).values()] == [
        "contact", "requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"
    ]  # fmt: skip


# ---------------------------------------------------------------- properties
_ALIASES = {
    column: [p for words in headers.PHRASES[column].values() for p in words]
    for column in ("contact", "organization", "requested_on", "responded_on", "notes")
}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    order=st.permutations(list(_ALIASES)),
    picks=st.fixed_dictionaries({c: st.sampled_from(a) for c, a in _ALIASES.items()}),
    n=st.integers(1, 6),
)
def test_property_renaming_and_permuting_headers_loses_nothing(
    tmp_path: Path, order: list[str], picks: dict[str, str], n: int
) -> None:
    values = {
        "contact": [f"Person {i}" for i in range(n)],
        "organization": [f"Org {i}" for i in range(n)],
        "requested_on": [f"2026-03-{i + 1:02d}" for i in range(n)],
        "responded_on": [f"2026-03-{i + 10:02d}" for i in range(n)],
        "notes": [f"note {i}" for i in range(n)],
    }
    frame = pd.DataFrame({picks[c]: values[c] for c in order})
    path = tmp_path / "prop.csv"
    frame.to_csv(path, index=False)
    result = read_log(path, as_of=AS_OF)
    assert result.rows_read == n
    assert result.log["source_row"].tolist() == list(range(2, n + 2))
    for column in order:
        got = result.log[column]
        if column.endswith("_on"):
            got = got.dt.strftime("%Y-%m-%d")
        assert got.tolist() == values[column], (column, picks[column])
    assert dict(zip(result.headers["header"], result.headers["column"], strict=True)) == {
        picks[c]: c for c in order
    }


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        (["3 April 2026", "Mar 14th, 2026", "2026-03-02", "17.03.2026"] * 10, "dates"),
        (["cohort A", "pilot", "remote", "track x"] * 10, "text"),
        # non-ASCII text is still parsed
        (["3 März 2026", "4 Mai 2026", "24 Dez 2025", "März 5, 2026"] * 10, "dates"),
        (["3 April 2026", "Mar 14th, 2026", "pilot", "remote"] * 10, "text"),
    ],
)
def test_content_dates_judged_on_text_with_digits(values: list[str], kind: str) -> None:
    # Text without a digit is never a date: skipping its parse must not change the kind.
    assert _content.sniff(values).kind == kind

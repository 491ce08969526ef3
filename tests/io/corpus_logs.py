"""A corpus of interview logs kept the way people keep them, with hand-worked figures.

Each :class:`CorpusLog` is a file as a real tool would write it (a Google Sheets
CSV export, an Excel tracker, a Notion or Airtable export, a career-centre
template, logs in German, Spanish, French or Portuguese ...), all people fictional,
and the figures worked out by hand from its rows, as of Friday 2026-04-17
(:data:`AS_OF`), with the reasoning in comments. Used by ``tests/io/test_corpus.py``,
which reads each log through the API and ``infoview check --format json``.

The rules the figures follow (docs/log-format.md, ``analysis/outcomes.py``):

* asked: a request date (or a status past prospect); responded: an answer, a
  meeting, or a refusal; pending: asked, no answer, fewer than 7 business days
  since the request or the last follow-up; decided = asked - pending; the
  response rate is responded / decided.
* 3B7: ``contact_second_person`` after 3 business days without a reply unless
  another request at the same organisation is dated on or after this one;
  ``follow_up`` after 7 business days unless a follow-up was sent;
  ``thank_you`` for a dated interview on or before as_of without a thank-you.
* chains: ``{root: (people in the tree, deepest depth)}`` for the trees with a
  referral in them.

Business days before Fri 2026-04-17, counted from the request day: Apr 16: 1,
Apr 15: 2, Apr 14: 3, Apr 13: 4, Apr 10: 5, Apr 9: 6, Apr 8: 7, Apr 7: 8, Apr 6: 9,
Apr 2: 11, Apr 1: 12, Mar 30: 14, Mar 24: 18, Mar 23: 19, Mar 20: 20, Mar 16: 24.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

AS_OF = "2026-04-17"

SECOND = "contact_second_person"
FOLLOW = "follow_up"
THANK = "thank_you"
#: Problems the reader reports on purpose: a reading to check, a year it inferred.
FREE_TEXT = "free text read as"
NO_YEAR = "date without a year"
#: A date whose column could not say day/month order: read in the log's order.
ORDER = "day and month could be either way"


@dataclass(frozen=True)
class Expected:
    """Figures worked out by hand from the rows of one log."""

    asked: int
    decided: int
    responded: int
    #: Interviews per field (every field of the log, with 0 where nobody was met yet).
    interviews: dict[str, int]
    #: The to-do list as (contact, action) pairs.
    due: set[tuple[str, str]]
    #: {root: (people in its tree, deepest depth)} for the trees with a referral.
    chains: dict[str, tuple[int, int]]
    #: Gaps `check` must report (substrings), and so exit 3.
    gaps: tuple[str, ...] = ()
    #: Canonical columns some header must be read as.
    columns: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        return self.responded / self.decided


@dataclass(frozen=True)
class CorpusLog:
    """One log: its file name, how it is written, what it must give."""

    name: str
    file: str
    write: Callable[[Path], None]
    expected: Expected
    #: Problems the reader must report (substrings of the ``problem`` column); the
    #: log must have no other problems.
    problems: tuple[str, ...] = ()
    notes: str = field(default="", compare=False)


def _text(text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(text.encode(encoding))

    return write


def _xlsx(rows: list[list[object]], *, sheet: str = "Tracker") -> Callable[[Path], None]:
    """A workbook written with openpyxl: real date cells where the rows hold dates."""

    def write(path: Path) -> None:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = sheet
        for row in rows:
            ws.append(row)
        for cells in ws.iter_rows():
            for cell in cells:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "dd/mm/yyyy" if sheet == "Contactos" else "m/d/yyyy"
        wb.save(path)

    return write


D = dt.datetime

# --------------------------------------------------------------------------- 1
# A Google Sheets export, as in the issue: month-first dates, Yes/No answers, free text.
GOOGLE_SHEETS = CorpusLog(
    "google_sheets",
    "Informational interviews - Sheet1.csv",
    _text(
        "Name,Company,Job Title,Industry,How I found them,Date contacted,Replied?,"
        "Meeting date,Thank you sent,Who referred me,Notes\n"
        "Ana Ruiz,Acme,Analyst,Fintech,LinkedIn,3/2/2026,Yes,3/10/2026,Yes,,great chat\n"
        "Ben Ode,Globex,Engineer,Fintech,Referral,3/9/2026,Yes,3/16/2026,No,Ana Ruiz,\n"
        'Chloé Park,Initech,Designer,Design,Referral,3/16/2026,"declined, busy",,,Ben Ode,\n'
        "Dev Shah,Umbrella,PM,Fintech,Alumni,3/20/2026,Yes,3/27/2026,Yes,Ana Ruiz,\n"
        "Eve Stone,Hooli,Researcher,Design,Cold email,3/23/2026,No,,,,\n"
        "Finn Lund,Hooli,Designer,Design,Referral,4/13/2026,No,,,Dev Shah,\n"
        'Gus Holm,Soylent,Manager,Fintech,Event,3/30/2026,"yes - call on 4/2",,Yes,,\n'
        "Hana Ito,Vandelay,Analyst,Fintech,Referral,4/8/2026,No,,,Gus Holm,\n"
        "Ivan Petrov,Acme,Engineer,Fintech,Referral,3/25/2026,no reply,,,Ana Ruiz,\n"
        "Jon Berg,Initech,Manager,Design,LinkedIn,,,,,,to ask in May\n"
    ),
    Expected(
        # Asked: all but Jon (no date, no status) = 9.
        asked=9,
        # Pending: Finn only (asked Apr 13, 4 business days, no answer). Eve (19 days),
        # Ivan (17 days) and Hana (7 days) are past the window.
        decided=8,
        # Ana, Ben, Dev (Yes), Chloé (declined), Gus ("yes - call on 4/2").
        responded=5,
        # Met: Ana 3/10, Ben 3/16, Dev 3/27, Gus 4/2 (the call of his answer): all Fintech.
        interviews={"Fintech": 4, "Design": 0},
        due={
            ("Ben Ode", THANK),  # met 3/16, "Thank you sent: No"
            ("Eve Stone", FOLLOW),  # 19 days; Finn asked at Hooli since: no second person
            ("Finn Lund", SECOND),  # 4 days, nobody at Hooli asked after him
            ("Hana Ito", SECOND),  # 7 days at Vandelay
            ("Hana Ito", FOLLOW),
            # "no reply" under Replied? is no answer yet, like "No" (not a give-up):
            # 17 days, and Ana was asked at Acme before him.
            ("Ivan Petrov", SECOND),
            ("Ivan Petrov", FOLLOW),
        },
        # Ana -> Ben -> Chloé, Ana -> Dev -> Finn, Ana -> Ivan; Gus -> Hana.
        chains={"Ana Ruiz": (6, 2), "Gus Holm": (2, 1)},
        columns=("source", "responded_on", "thanked_on", "referred_by", "interview_on"),
    ),
    # The free-text answers are read, and said to be read, with the year of "4/2".
    problems=(FREE_TEXT, NO_YEAR),
)

# --------------------------------------------------------------------------- 2
# An Excel tracker: real date cells, ticks, Y/N, a Status column.
EXCEL_TRACKER = CorpusLog(
    "excel_tracker",
    "Networking tracker.xlsx",
    _xlsx(
        [
            [
                "Contact Name",
                "Employer",
                "Position",
                "Sector",
                "Emailed",
                "Heard back",
                "Meeting",
                "Thank-you",
                "Intro by",
                "Status",
            ],
            [
                "Maria Lopez",
                "Nordwind",
                "Analyst",
                "Energy",
                D(2026, 3, 2),
                D(2026, 3, 4),
                D(2026, 3, 11),
                "✓",
                None,
                "Completed",
            ],
            [
                "Tom Baker",
                "Sunco",
                "Engineer",
                "Energy",
                D(2026, 3, 5),
                "Y",
                D(2026, 3, 19),
                None,
                "Maria Lopez",
                "Completed",
            ],
            [
                "Lena Vogel",
                "Sunco",
                "Manager",
                "Energy",
                D(2026, 4, 9),
                None,
                None,
                None,
                "Tom Baker",
                "Outreach sent",
            ],
            [
                "Raj Patel",
                "Windly",
                "Director",
                "Energy",
                D(2026, 3, 24),
                "N",
                None,
                None,
                "Maria Lopez",
                "Outreach sent",
            ],
            [
                "Sara Kim",
                "Geotherm",
                "Analyst",
                "Climate policy",
                D(2026, 3, 10),
                "declined",
                None,
                None,
                None,
                "Declined",
            ],
            [
                "Omar Haddad",
                "Policy Lab",
                "Researcher",
                "Climate policy",
                D(2026, 3, 12),
                "✔",
                D(2026, 4, 20),
                None,
                "Sara Kim",
                "Scheduled",
            ],
            [
                "Ines Costa",
                "Policy Lab",
                "Advisor",
                "Climate policy",
                D(2026, 4, 14),
                None,
                None,
                None,
                None,
                "Outreach sent",
            ],
        ]
    ),
    Expected(
        asked=7,
        # Pending: Lena (Apr 9, 6 days) and Ines (Apr 14, 3 days); Raj is 18 days.
        decided=5,
        # Maria (dated), Tom (Y), Sara (declined), Omar (tick, meeting set for Apr 20).
        responded=4,
        # Maria 3/11, Tom 3/19; Omar's meeting is after as_of.
        interviews={"Energy": 2, "Climate policy": 0},
        due={
            ("Tom Baker", THANK),  # Thank-you blank; Maria's is a tick
            ("Lena Vogel", SECOND),  # 6 days; Tom (Sunco) was asked before her
            ("Raj Patel", SECOND),
            ("Raj Patel", FOLLOW),
            ("Ines Costa", SECOND),  # 3 days; Omar (Policy Lab) was asked before her
        },
        # Maria -> Tom -> Lena, Maria -> Raj; Sara -> Omar.
        chains={"Maria Lopez": (4, 2), "Sara Kim": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 3
# A Notion export: long dates, Yes/No checkboxes, relation cells, "Created time".
_NOTION = "https://www.notion.so/"
NOTION = CorpusLog(
    "notion",
    "Informational Interviews 0123abcd4567ef.csv",
    _text(
        "Name,Company,Contacted,Responded,Meeting,Thank-you note,Referred by,"
        "Field of interest,Created time\n"
        'Paula Souza,Lumen,"March 3, 2026","March 5, 2026","March 12, 2026",Yes,,Product,'
        '"March 1, 2026 10:15 AM"\n'
        'Quentin Roy,Lumen,"March 16, 2026",Yes,"March 24, 2026",No,'
        f'"Paula Souza ({_NOTION}Paula-Souza-0123abcd)",Product,"March 1, 2026 10:16 AM"\n'
        'Rita Moreno,Brightside,"April 7, 2026",No,,No,'
        f'"Quentin Roy ({_NOTION}Quentin-Roy-4567ef01)",Product,"March 1, 2026 10:17 AM"\n'
        'Sam Ng,Brightside,"April 13, 2026",No,,No,'
        f'"Paula Souza ({_NOTION}Paula-Souza-0123abcd)",Product,"March 1, 2026 10:18 AM"\n'
        'Tara Singh,Orbit,"April 2, 2026",No,,No,,Data,"March 1, 2026 10:19 AM"\n'
        'Uma Das,Orbit,"March 9, 2026",Yes,,No,'
        f'"Tara Singh ({_NOTION}Tara-Singh-89ab0123)",Data,"March 1, 2026 10:20 AM"\n'
    ),
    Expected(
        asked=6,
        # Pending: Sam (Apr 13, 4 days). Rita 8 days, Tara 11 days.
        decided=5,
        responded=3,  # Paula (dated), Quentin and Uma (Yes)
        interviews={"Product": 2, "Data": 0},  # Paula 3/12, Quentin 3/24
        due={
            ("Quentin Roy", THANK),
            ("Rita Moreno", FOLLOW),  # Sam was asked at Brightside after her
            ("Sam Ng", SECOND),
            ("Tara Singh", SECOND),  # Uma (Orbit) was asked before her
            ("Tara Singh", FOLLOW),
        },
        # Paula -> Quentin -> Rita, Paula -> Sam; Tara -> Uma.
        chains={"Paula Souza": (4, 2), "Tara Singh": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 4
# A career-centre template: a title row, "Response Status" words, a follow-up column.
CAREER_CENTRE = CorpusLog(
    "career_centre",
    "Informational Interview Tracker (Career Services).xlsx",
    _xlsx(
        [
            ["Informational Interview Tracker"],
            ["Keep one row per person. Update after every contact."],
            [],
            [
                "Contact Name",
                "Organization",
                "Title",
                "Industry/Field",
                "How Found",
                "Mutual Connection",
                "Method",
                "Date of First Contact",
                "Follow-Up Date",
                "Response Status",
                "Meeting Date",
                "Thank-you Sent",
                "Next Steps",
                "Notes",
            ],
            [
                "Kai Brown",
                "City Hospital",
                "Nurse Manager",
                "Healthcare",
                "Alumni",
                None,
                "Email",
                "03/02/2026",
                None,
                "Replied",
                "03/09/2026",
                "03/09/2026",
                "Send article",
                None,
            ],
            [
                "Lia Chen",
                "City Hospital",
                "Administrator",
                "Healthcare",
                "Referral",
                "Kai Brown",
                "Email",
                "03/10/2026",
                "03/18/2026",
                "Replied",
                "03/25/2026",
                None,
                None,
                None,
            ],
            [
                "Mo Farah",
                "Health Tech Co",
                "Data Scientist",
                "Healthcare",
                "LinkedIn",
                None,
                "LinkedIn",
                "03/16/2026",
                "03/25/2026",
                "No response",
                None,
                None,
                "Move on",
                None,
            ],
            [
                "Nia Adams",
                "Public Health Dept",
                "Epidemiologist",
                "Public health",
                "Referral",
                "Lia Chen",
                "Phone",
                "04/01/2026",
                "04/10/2026",
                "Awaiting reply",
                None,
                None,
                None,
                None,
            ],
            [
                "Oli Grant",
                "Public Health Dept",
                "Analyst",
                "Public health",
                "Event",
                None,
                "In person",
                "04/06/2026",
                None,
                "Scheduled",
                "04/22/2026",
                None,
                None,
                None,
            ],
            [
                "Pat Quinn",
                "Health Tech Co",
                "Engineer",
                "Healthcare",
                "Referral",
                "Mo Farah",
                "Email",
                "04/15/2026",
                None,
                "Awaiting reply",
                None,
                None,
                None,
                None,
            ],
        ]
    ),
    Expected(
        asked=6,
        # Pending: Nia (followed up Apr 10: 5 days since) and Pat (Apr 15, 2 days).
        # Mo "No response" is given up: decided, unanswered.
        decided=4,
        responded=3,  # Kai, Lia (Replied), Oli (Scheduled)
        interviews={"Healthcare": 2, "Public health": 0},  # Kai 3/9, Lia 3/25
        # Lia met 3/25, no thank-you. Nia was followed up and Oli (Public Health Dept)
        # was asked after her: no step. Pat: 2 days.
        due={("Lia Chen", THANK)},
        chains={"Kai Brown": (3, 2), "Mo Farah": (2, 1)},  # Kai -> Lia -> Nia; Mo -> Pat
        columns=("followed_up_on", "status", "referred_by", "channel", "source"),
    ),
    # The one thank-you date, 03/09/2026, cannot say its order: month first like the
    # other date columns (03/25/2026), and said so.
    problems=(ORDER,),
)

# --------------------------------------------------------------------------- 5
# An Airtable export: ISO dates, "checked"/blank checkboxes, a "Met" box without a date.
AIRTABLE = CorpusLog(
    "airtable",
    "Outreach-Grid view.csv",
    _text(
        "Name,Organization,Field,Asked on,Replied,Met,Thank you,Referred by\n"
        "Ada Lovel,Quanta,Robotics,2026-03-02,checked,checked,checked,\n"
        "Bo Chan,Quanta,Robotics,2026-03-09,checked,checked,,Ada Lovel\n"
        "Cy Dunn,RoboWorks,Robotics,2026-03-16,checked,,,Ada Lovel\n"
        "Di Eze,RoboWorks,Robotics,2026-04-01,,,,Bo Chan\n"
        "Ed Fox,AgriBot,Agtech,2026-04-14,,,,\n"
        "Flo Gil,AgriBot,Agtech,2026-03-20,checked,checked,checked,Cy Dunn\n"
    ),
    Expected(
        asked=6,
        decided=5,  # Ed pending (3 days)
        responded=4,  # Ada, Bo, Cy, Flo
        # "Met: checked" is an interview without a date.
        interviews={"Robotics": 2, "Agtech": 1},
        # Bo was met and not thanked, but without an interview date no thank-you can be
        # dated: the to-do list says it cannot tell (a gap), rather than all clear.
        due={("Di Eze", SECOND), ("Di Eze", FOLLOW), ("Ed Fox", SECOND)},
        chains={"Ada Lovel": (5, 2)},  # Ada -> Bo -> Di, Ada -> Cy -> Flo
        gaps=("which thank-you notes are due",),
        columns=("responded_on", "interview_on", "thanked_on"),
    ),
)

# --------------------------------------------------------------------------- 6
# A British log: day-first dates, "Introduced by", "Date of chat".
UK = CorpusLog(
    "uk_dates",
    "networking_2026.csv",
    _text(
        "Full name,Firm,Role,Sector,Date approached,Date replied,Date of chat,Thanks sent,"
        "Introduced by,Comments\n"
        "Harriet Wood,Barclay & Co,Analyst,Banking,02/03/2026,04/03/2026,13/03/2026,"
        "13/03/2026,,\n"
        "Oliver Twist,Lloyd Partners,Associate,Banking,05/03/2026,10/03/2026,20/03/2026,"
        "23/03/2026,Harriet Wood,\n"
        "Amelia Pond,Lloyd Partners,Director,Banking,09/04/2026,,,,Oliver Twist,\n"
        "George Bell,Civil Service,Policy Officer,Government,16/03/2026,,,,Harriet Wood,\n"
        "Isla Ross,NHS Trust,Manager,Government,11/03/2026,12/03/2026,01/04/2026,,,\n"
        "Jack Hill,NHS Trust,Analyst,Government,14/04/2026,,,,Isla Ross,\n"
    ),
    Expected(
        asked=6,
        decided=4,  # Amelia (9 Apr, 6 days) and Jack (14 Apr, 3 days) pending
        responded=3,  # Harriet, Oliver, Isla
        interviews={"Banking": 2, "Government": 1},  # 13 Mar, 20 Mar; Isla 1 Apr
        due={
            ("Isla Ross", THANK),
            ("George Bell", SECOND),
            ("George Bell", FOLLOW),
            ("Jack Hill", SECOND),
            ("Amelia Pond", SECOND),  # Oliver (Lloyd Partners) was asked before her
        },
        # Harriet -> Oliver -> Amelia, Harriet -> George; Isla -> Jack.
        chains={"Harriet Wood": (4, 2), "Isla Ross": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    # "Date replied" (04/03, 10/03, 12/03) cannot say its order: day first like the
    # other date columns (13/03/2026), and said so: 4, 10 and 12 March, not April,
    # October and December.
    problems=(ORDER,),
)

# --------------------------------------------------------------------------- 7
# A German log: semicolons, 17.03.2026 dates, ja/nein/abgelehnt, German headers.
GERMAN = CorpusLog(
    "german",
    "Gespräche.csv",
    _text(
        "Name;Firma;Position;Branche;Kontaktiert am;Antwort;Termin;Dankeschön gesendet;"
        "Empfohlen von;Notizen\n"
        "Jonas Müller;Techwerk AG;Ingenieur;Automobil;02.03.2026;04.03.2026;10.03.2026;ja;;\n"
        "Lea Schmidt;Techwerk AG;Analystin;Automobil;09.03.2026;ja;17.03.2026;nein;"
        "Jonas Müller;\n"
        "Felix Wagner;Autohaus Nord;Leiter;Automobil;16.03.2026;abgelehnt;;;Jonas Müller;\n"
        "Mia Becker;Energie GmbH;Beraterin;Energie;01.04.2026;nein;;;Lea Schmidt;\n"
        "Paul Fischer;Energie GmbH;Referent;Energie;13.04.2026;;;;Mia Becker;\n"
        "Anna Weber;Stadtwerke;Ingenieurin;Energie;20.03.2026;23.03.2026;22.04.2026;;;\n"
    ),
    Expected(
        asked=6,
        decided=5,  # Paul pending (13.04., 4 days)
        responded=4,  # Jonas (dated), Lea (ja), Felix (abgelehnt), Anna (dated)
        interviews={"Automobil": 2, "Energie": 0},  # Anna's Termin is after as_of
        due={
            ("Lea Schmidt", THANK),
            ("Mia Becker", FOLLOW),  # Paul was asked at Energie GmbH after her
            ("Paul Fischer", SECOND),
        },
        # Jonas -> Lea -> Mia -> Paul, Jonas -> Felix.
        chains={"Jonas Müller": (5, 3)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 8
# A Spanish workbook: day-first date cells as text, Sí/No.
SPANISH = CorpusLog(
    "spanish",
    "Entrevistas informativas.xlsx",
    _xlsx(
        [
            [
                "Nombre",
                "Empresa",
                "Cargo",
                "Sector",
                "Fecha de contacto",
                "¿Respondió?",
                "Fecha de reunión",
                "Agradecimiento enviado",
                "Referido por",
                "Notas",
            ],
            [
                "Lucía Fernández",
                "Banco Sol",
                "Analista",
                "Finanzas",
                "02/03/2026",
                "Sí",
                "12/03/2026",
                "Sí",
                None,
                None,
            ],
            [
                "Mateo García",
                "Banco Sol",
                "Gerente",
                "Finanzas",
                "05/03/2026",
                "Sí",
                "19/03/2026",
                "No",
                "Lucía Fernández",
                None,
            ],
            [
                "Sofía Martín",
                "Seguros Mar",
                "Actuaria",
                "Finanzas",
                "23/03/2026",
                "No",
                None,
                None,
                "Lucía Fernández",
                None,
            ],
            [
                "Diego Torres",
                "Verde ONG",
                "Coordinador",
                "ONG",
                "16/03/2026",
                "Sí",
                None,
                None,
                None,
                None,
            ],
            [
                "Valentina Ruiz",
                "Verde ONG",
                "Directora",
                "ONG",
                "15/04/2026",
                "No",
                None,
                None,
                "Diego Torres",
                None,
            ],
        ],
        sheet="Contactos",
    ),
    Expected(
        asked=5,
        decided=4,  # Valentina pending (15 Apr, 2 days)
        responded=3,  # Lucía, Mateo, Diego
        interviews={"Finanzas": 2, "ONG": 0},
        due={("Mateo García", THANK), ("Sofía Martín", SECOND), ("Sofía Martín", FOLLOW)},
        # Lucía -> Mateo, Lucía -> Sofía; Diego -> Valentina.
        chains={"Lucía Fernández": (3, 1), "Diego Torres": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 9
# A French log; one field typed on a Mac (decomposed accent): the same field.
_NFD_FIELD = "Ame\u0301nagement"
FRENCH = CorpusLog(
    "french",
    "suivi_entretiens.csv",
    _text(
        "Nom,Entreprise,Poste,Secteur,Date de prise de contact,Réponse,"
        "Date de l'entretien,Remerciement envoyé,Recommandé par\n"
        "Camille Martin,Atelier Lumière,Architecte,Architecture,02/03/2026,oui,10/03/2026,"
        "oui,\n"
        "Hugo Bernard,Atelier Lumière,Urbaniste,Architecture,17/03/2026,oui,26/03/2026,non,"
        "Camille Martin\n"
        "Chloé Dubois,Ville de Lyon,Chargée de mission,Aménagement,30/03/2026,non,,,"
        "Hugo Bernard\n"
        f"Léa Moreau,Ville de Lyon,Urbaniste,{_NFD_FIELD},20/03/2026,refusé,,,Camille Martin\n"
    ),
    Expected(
        asked=4,
        decided=4,  # Chloé is 14 days: not pending
        responded=3,  # Camille, Hugo (oui), Léa (refusé)
        interviews={"Architecture": 2, "Aménagement": 0},
        due={("Hugo Bernard", THANK), ("Chloé Dubois", SECOND), ("Chloé Dubois", FOLLOW)},
        chains={"Camille Martin": (4, 2)},  # Camille -> Hugo -> Chloé, Camille -> Léa
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 10
# A Portuguese log: sim/não, day-first dates.
PORTUGUESE = CorpusLog(
    "portuguese",
    "entrevistas.csv",
    _text(
        "Nome,Empresa,Cargo,Área,Data do contato,Respondeu?,Data da reunião,"
        "Agradecimento enviado,Indicado por\n"
        "João Silva,Vale Verde,Engenheiro,Mineração,03/03/2026,sim,13/03/2026,sim,\n"
        "Ana Souza,Vale Verde,Geóloga,Mineração,16/03/2026,sim,25/03/2026,sim,João Silva\n"
        "Pedro Costa,Minas SA,Gerente,Mineração,06/04/2026,não,,,Ana Souza\n"
        "Beatriz Lima,Minas SA,Analista,Mineração,10/04/2026,não,,,João Silva\n"
    ),
    Expected(
        asked=4,
        decided=3,  # Beatriz pending (10 Apr, 5 days); Pedro 9 days
        responded=2,
        interviews={"Mineração": 2},
        # Beatriz was asked at Minas SA after Pedro: he gets the follow-up only.
        due={("Pedro Costa", FOLLOW), ("Beatriz Lima", SECOND)},
        chains={"João Silva": (4, 2)},  # João -> Ana -> Pedro, João -> Beatriz
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 11
# First/Last name, emoji headers, year-less dates, free-text answers.
EMOJI_SPLIT = CorpusLog(
    "emoji_split_names",
    "my outreach.csv",
    _text(
        "First Name,Last Name,🏢 Company,💼 Role,🎯 Field,📅 Reached out,💬 Response,"
        "🤝 Meeting,🙏 Thank you,🔗 Referred by\n"
        'Nora,Lind,Pixel Labs,Designer,UX,Mar 3,"yes - call on 3/10",,Mar 10,\n'
        "Omar,Said,Pixel Labs,Researcher,UX,Mar 16,replied 3/18,Mar 25,,Nora Lind\n"
        "Pia,Roth,Frame Inc,Lead,UX,Apr 1,no reply yet,,,Omar Said\n"
        "Quinn,Lee,Frame Inc,Manager,UX,Apr 14,,,,Nora Lind\n"
        'Rosa,Diaz,Data Co,Analyst,Data,Mar 20,"declined, busy",,,\n'
    ),
    Expected(
        asked=5,
        decided=4,  # Quinn pending (Apr 14, 3 days); Pia "no reply yet" is waiting, 12 days
        responded=3,  # Nora (yes), Omar (replied 3/18), Rosa (declined)
        interviews={"UX": 2, "Data": 0},  # Nora 3/10 (the call), Omar 3/25
        due={("Omar Said", THANK), ("Pia Roth", FOLLOW), ("Quinn Lee", SECOND)},
        chains={"Nora Lind": (4, 2)},  # Nora -> Omar -> Pia, Nora -> Quinn
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    # The dates without a year take 2026 and say so; the free text is read and said.
    problems=(FREE_TEXT, NO_YEAR),
)

# --------------------------------------------------------------------------- 12
# ISO date-times with time zones (a CRM export): the local date is the day.
ISO_TZ = CorpusLog(
    "iso_time_zones",
    "crm-export.csv",
    _text(
        "Contact,Org,Industry,Requested At,Responded At,Interview At,Thanked At,Referrer\n"
        "Wen Li,Cloudly,Cloud,2026-03-02T09:00:00+01:00,2026-03-03T18:30:00+01:00,"
        "2026-03-10T15:00:00+01:00,2026-03-10T20:00:00+01:00,\n"
        "Xavi Puig,Cloudly,Cloud,2026-03-16T23:30:00-05:00,2026-03-18T10:00:00-05:00,"
        "2026-03-26T16:00:00-05:00,,Wen Li\n"
        "Yara Nasser,Stackr,Cloud,2026-04-14T20:00:00-07:00,,,,Xavi Puig\n"
        "Zoe Adler,Stackr,Security,2026-03-30T08:00:00+02:00,2026-04-01T09:00:00+02:00,,,"
        "Wen Li\n"
    ),
    Expected(
        asked=4,
        decided=3,  # Yara pending
        responded=3,
        interviews={"Cloud": 2, "Security": 0},
        # Yara asked on 14 Apr local time (15 Apr in UTC): 3 days, a second person is
        # due; read in UTC it would be 2 days and nothing due.
        due={("Xavi Puig", THANK), ("Yara Nasser", SECOND)},
        chains={"Wen Li": (4, 2)},  # Wen -> Xavi -> Yara, Wen -> Zoe
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
)

# --------------------------------------------------------------------------- 13
# A personal CRM: a "Stage" of emoji statuses, "Bumped" (the follow-up went out).
CRM_STAGES = CorpusLog(
    "crm_stages",
    "job-search-crm.csv",
    _text(
        "Person,Company,Role,Interest area,Date I reached out,Stage,Coffee chat date,TY sent,"
        "Intro via,Next action\n"
        "Alma Reyes,Bright Co,PM,Product,3/2/2026,✅ Met,3/9/2026,✓,,\n"
        "Bruno Diaz,Bright Co,Designer,Product,3/10/2026,✅ Met,3/18/2026,,Alma Reyes,\n"
        "Carla Mendes,Nimbus,Engineer,Product,3/23/2026,Bumped,,,Alma Reyes,wait\n"
        "Dario Ferri,Quill,Manager,Product,4/9/2026,⏳ Waiting,,,,\n"
        "Elena Rossi,Quill,Analyst,Research,3/16/2026,❌ Declined,,,Bruno Diaz,\n"
        "Fabio Conti,Orion,Researcher,Research,3/20/2026,👻 Ghosted,,,,\n"
    ),
    Expected(
        asked=6,
        # Pending: Dario (Apr 9, 6 days). Carla's bump has no date: 19 days since her
        # request. Fabio "Ghosted" is given up.
        decided=5,
        responded=3,  # Alma, Bruno (Met), Elena (Declined)
        interviews={"Product": 2, "Research": 0},
        due={
            ("Bruno Diaz", THANK),
            # "Bumped": the one follow-up went out, so none is asked for again; nobody
            # else at Nimbus was asked.
            ("Carla Mendes", SECOND),
            ("Dario Ferri", SECOND),  # Elena (Quill) was asked before him
        },
        chains={"Alma Reyes": (4, 2)},  # Alma -> Bruno -> Elena, Alma -> Carla
        columns=("status", "interview_on", "thanked_on", "referred_by", "field"),
    ),
)

# --------------------------------------------------------------------------- 14
# A CSV saved by Excel on Windows: Windows-1252, semicolons, headers with units and
# (S/N), an outcome column of Spanish words and no meeting dates.
EXCEL_CSV_WINDOWS = CorpusLog(
    "excel_csv_windows",
    "contactos.csv",
    _text(
        "Nombre;Empresa;Área de interés;Contactado el (fecha);¿Contestó? (S/N);Resultado;"
        "Presentado por\n"
        "Inés Prieto;Grupo Alba;Consultoría;02/03/2026;S;Reunión hecha;\n"
        "Óscar Núñez;Grupo Alba;Consultoría;09/03/2026;S;Rechazó;Inés Prieto\n"
        "Marta Gil;Deloza;Consultoría;23/03/2026;N;;Inés Prieto\n"
        "Raúl Vega;Deloza;Auditoría;14/04/2026;N;;\n",
        encoding="cp1252",
    ),
    Expected(
        asked=4,
        decided=3,  # Raúl pending (14 Apr, 3 days); Marta 19 days
        responded=2,  # Inés (S, and a meeting held), Óscar (S, he declined)
        # "Reunión hecha": the meeting was held (not one to come), on a day not written.
        interviews={"Consultoría": 1, "Auditoría": 0},
        due={
            ("Marta Gil", FOLLOW),  # Raúl was asked at Deloza after her
            ("Raúl Vega", SECOND),
        },
        chains={"Inés Prieto": (3, 1)},  # Inés -> Óscar, Inés -> Marta
        # Inés was met but the log has no meeting dates: a thank-you cannot be dated.
        gaps=("which thank-you notes are due",),
        columns=("status", "requested_on", "responded_on", "referred_by", "field"),
    ),
)

# --------------------------------------------------------------------------- 15-18
# Logs whose date columns cannot say day/month order on their own (every day and
# month 12 or less): the log's other date columns decide, else its headers' language.

# A Spanish log, every date ambiguous: day first, as the headers are Spanish. The lone
# interview 12/03/2026 is 12 March (done), not 3 December (ahead); "sí - llamada el
# 10/3" is a call on 10 March, not 3 October.
SPANISH_ORDER = CorpusLog(
    "spanish_order",
    "seguimiento.csv",
    _text(
        "Nombre,Empresa,Cargo,Sector,Fecha de contacto,¿Respondió?,Fecha de la entrevista,"
        "Agradecimiento enviado,Referido por\n"
        "Carmen López,Banco Sol,Analista,Finanzas,02/03/2026,Sí,12/03/2026,Sí,\n"
        'Jorge Ruiz,Banco Sol,Gerente,Finanzas,05/03/2026,"sí - llamada el 10/3",,No,'
        "Carmen López\n"
        "Elena Gil,Seguros Mar,Actuaria,Finanzas,09/03/2026,No,,,Carmen López\n"
        "Pablo Díaz,Verde ONG,Coordinador,ONG,06/04/2026,No,,,\n"
        "Rosa Vidal,Verde ONG,Directora,ONG,10/04/2026,,,,Pablo Díaz\n"
    ),
    Expected(
        asked=5,
        decided=4,  # Rosa pending (10 Apr, 5 business days)
        responded=2,  # Carmen, Jorge
        interviews={"Finanzas": 2, "ONG": 0},  # Carmen 12 Mar, Jorge's call 10 Mar
        due={
            ("Jorge Ruiz", THANK),  # met 10 Mar, "No" thank-you
            ("Elena Gil", SECOND),
            ("Elena Gil", FOLLOW),
            ("Pablo Díaz", FOLLOW),  # Rosa (Verde ONG) was asked after him: no second
            ("Rosa Vidal", SECOND),
        },
        # Carmen -> Jorge, Carmen -> Elena; Pablo -> Rosa.
        chains={"Carmen López": (3, 1), "Pablo Díaz": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    problems=(ORDER, FREE_TEXT, NO_YEAR),
)

# A French log, every date ambiguous: day first, as the headers are French. The
# meeting 12/04/2026 is 12 April (done), the request 09/04/2026 is 9 April (pending).
FRENCH_ORDER = CorpusLog(
    "french_order",
    "entretiens.csv",
    _text(
        "Nom,Entreprise,Poste,Secteur,Date de contact,Réponse,Date de l'entretien,"
        "Remerciement envoyé,Recommandé par\n"
        "Camille Roux,Atelier Nord,Architecte,Architecture,03/03/2026,oui,11/03/2026,oui,\n"
        "Hugo Petit,Atelier Nord,Urbaniste,Architecture,09/03/2026,oui,12/04/2026,non,"
        "Camille Roux\n"
        "Léa Blanc,Ville de Lyon,Chargée de mission,Aménagement,10/03/2026,non,,,"
        "Camille Roux\n"
        "Marc Girard,Ville de Lyon,Urbaniste,Aménagement,09/04/2026,,,,\n"
    ),
    Expected(
        asked=4,
        decided=3,  # Marc pending (9 Apr, 6 business days)
        responded=2,  # Camille, Hugo
        interviews={"Architecture": 2, "Aménagement": 0},  # 11 Mar, 12 Apr
        due={
            ("Hugo Petit", THANK),
            ("Léa Blanc", FOLLOW),  # Marc (Ville de Lyon) was asked after her: no second
            ("Marc Girard", SECOND),
        },
        chains={"Camille Roux": (3, 1)},  # Camille -> Hugo, Camille -> Léa
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    problems=(ORDER,),
)

# A German log with 17.03.2026 dates: the request column decides (17.03., 19.03.),
# the lone Termin 10.04.2026 is 10 April (dots), and "ja, Gespräch am 8.4." in the
# answer column (no dates of its own) is a talk on 8 April like the request column,
# not on 4 August.
GERMAN_ORDER = CorpusLog(
    "german_order",
    "Kontakte.csv",
    _text(
        "Name;Firma;Position;Branche;Kontaktiert am;Antwort;Termin;Dankeschön gesendet;"
        "Empfohlen von\n"
        "Jonas Braun;Techwerk AG;Ingenieur;Automobil;17.03.2026;ja;10.04.2026;ja;\n"
        "Lea Vogel;Techwerk AG;Analystin;Automobil;19.03.2026;ja, Gespräch am 8.4.;;nein;"
        "Jonas Braun\n"
        "Tim Koch;Energie GmbH;Berater;Energie;23.03.2026;nein;;;Lea Vogel\n"
        "Mia Roth;Energie GmbH;Referentin;Energie;02.04.2026;;;;\n"
    ),
    Expected(
        asked=4,
        decided=4,  # Mia: 2 Apr, 11 business days
        responded=2,  # Jonas, Lea
        interviews={"Automobil": 2, "Energie": 0},  # 10 Apr, 8 Apr
        due={
            ("Lea Vogel", THANK),
            ("Tim Koch", FOLLOW),  # Mia (Energie GmbH) was asked after him: no second
            ("Mia Roth", SECOND),
            ("Mia Roth", FOLLOW),
        },
        chains={"Jonas Braun": (3, 2)},  # Jonas -> Lea -> Tim
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    problems=(ORDER, FREE_TEXT, NO_YEAR),
)

# A US log, every date ambiguous: month first, as the headers are (US) English. The
# meeting 4/10/2026 is 10 April (done), not 4 October.
US_ORDER = CorpusLog(
    "us_order",
    "outreach.csv",
    _text(
        "Name,Company,Title,Industry,Date contacted,Replied?,Meeting date,Thank you sent,"
        "Referred by\n"
        "Amy Clark,Acme,Analyst,Tech,3/2/2026,Yes,4/10/2026,Yes,\n"
        "Ben Hall,Acme,Engineer,Tech,3/9/2026,Yes,4/2/2026,No,Amy Clark\n"
        "Cal Reed,Globex,Designer,Design,4/1/2026,No,,,Amy Clark\n"
        "Dee Fox,Globex,PM,Design,4/6/2026,,,,\n"
        "Eli Shaw,Initech,Manager,Design,4/10/2026,,,,Dee Fox\n"
    ),
    Expected(
        asked=5,
        decided=4,  # Eli pending (10 Apr, 5 business days)
        responded=2,  # Amy, Ben
        interviews={"Tech": 2, "Design": 0},  # 10 Apr, 2 Apr
        due={
            ("Ben Hall", THANK),
            ("Cal Reed", FOLLOW),  # Dee (Globex) was asked after him: no second
            ("Dee Fox", SECOND),
            ("Dee Fox", FOLLOW),
            ("Eli Shaw", SECOND),
        },
        chains={"Amy Clark": (3, 1), "Dee Fox": (2, 1)},
        columns=("requested_on", "responded_on", "interview_on", "thanked_on", "referred_by"),
    ),
    problems=(ORDER,),
)

CORPUS: tuple[CorpusLog, ...] = (
    GOOGLE_SHEETS,
    EXCEL_TRACKER,
    NOTION,
    CAREER_CENTRE,
    AIRTABLE,
    UK,
    GERMAN,
    SPANISH,
    FRENCH,
    PORTUGUESE,
    EMOJI_SPLIT,
    ISO_TZ,
    CRM_STAGES,
    EXCEL_CSV_WINDOWS,
    SPANISH_ORDER,
    FRENCH_ORDER,
    GERMAN_ORDER,
    US_ORDER,
)

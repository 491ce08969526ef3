# ruff: noqa: E501  (the hand-written rows below read best one person per line)
"""Make the fictional sample logs in data/ and the copy bundled in the package.

Deterministic: no randomness, every row is written out below, so running the
script twice gives the same files (tests/test_sample.py checks that the
committed files equal its output).

    python scripts/make_sample_data.py            # writes data/ and infoview_analytics/data/
    python scripts/make_sample_data.py --out DIR --package-data DIR2

The main sample is the log of Maren Castellano, a fictional middle-school science
teacher in Columbus, Ohio, exploring six fields over the ten weeks before Friday
2026-04-17 (``SAMPLE_AS_OF``). Every person and organization is made up; emails
use example.com/example.org, phones the fictional 555-01xx range.

The cohort (data/cohort/) holds five students' logs. One of them,
``jonah_whitaker.xlsx``, is kept the way people really keep logs: two title rows
and a blank row above the header, headers in his own words ("Company Name",
"Role / Title", "Interest Area", "Mutual Connection", "Date Contacted", "Coffee
Chat Date"), US month/day dates written as text, statuses such as "Outreach
Sent", "Bumped", "Completed", "Dead", and a blank row between entries. It has
exactly two deliberate problems the loader must report (``MESSY_PROBLEMS``):
a coffee-chat date written as "next Tues" and a channel "Handshake" that is
not one of the known channels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoview_analytics.core.schema import COLUMNS, DATE_COLUMNS, INTEGER_COLUMNS  # noqa: E402
from infoview_analytics.io._safety import neutralize_frame  # noqa: E402
from infoview_analytics.io.template import write_log  # noqa: E402

SAMPLE_AS_OF = dt.date(2026, 4, 17)

#: The two problems the messy cohort log is meant to have: (column, value as written).
MESSY_PROBLEMS = (("interview_on", "next Tues"), ("channel", "Handshake"))

_NONPROFIT_LIKE = {"nonprofit", "government", "academia"}
_WARM = {"existing_contact", "referral", "alumni", "professor"}


def _person(
    contact: str,
    organization: str | None,
    role: str | None,
    field: str,
    location: str | None,
    seniority: str | None,
    org_type: str | None,
    source: str | None,
    channel: str | None,
    *,
    referred_by: str | None = None,
    asked: str | None = None,
    followed_up: str | None = None,
    responded: str | None = None,
    status: str | None = None,
    interview: str | None = None,
    fmt: str | None = None,
    planned: int | None = None,
    actual: int | None = None,
    questions: int | None = None,
    thanked: str | None = None,
    referrals: int | None = None,
    next_step: str | None = None,
    last_contact: str | None = None,
    notes: str | None = None,
) -> dict[str, Any]:
    return {
        "contact": contact,
        "organization": organization,
        "role": role,
        "field": field,
        "location": location,
        "seniority": seniority,
        "org_type": org_type,
        "source": source,
        "referred_by": referred_by,
        "channel": channel,
        "requested_on": asked,
        "followed_up_on": followed_up,
        "responded_on": responded,
        "status": status,
        "interview_on": interview,
        "format": fmt,
        "minutes_planned": planned,
        "minutes_actual": actual,
        "questions_prepared": questions,
        "thanked_on": thanked,
        "referrals_given": referrals,
        "next_step": next_step,
        "last_contact_on": last_contact,
        "notes": notes,
    }


UX, DATA, ID, POLICY, PM, CS = (
    "UX research",
    "Data analytics",
    "Instructional design",
    "Education policy",
    "Product management",
    "Customer success",
)
CBUS, CLE, CHI, CIN, PIT, REMOTE = (
    "Columbus, OH",
    "Cleveland, OH",
    "Chicago, IL",
    "Cincinnati, OH",
    "Pittsburgh, PA",
    "Remote",
)

# fmt: off
SAMPLE_PEOPLE: list[dict[str, Any]] = [
    # --- UX research: chain Dana -> Marcus -> Lena -> Tomasz (data) -> Imani (data) ---
    _person("Dana Whitfield", "Kestrel Insurance", "Senior UX Researcher", UX, CBUS, "senior",
            "corporate", "existing_contact", "email", asked="2026-02-02", responded="2026-02-02",
            status="interviewed", interview="2026-02-06", fmt="coffee", planned=30, actual=40,
            questions=6, thanked="2026-02-06", referrals=2, last_contact="2026-04-03",
            next_step="Send her my first case study in May",
            notes="Taught 8th grade with me until 2021. Says lesson planning maps onto "
                  "research plans. Build a portfolio with two case studies; Kestrel hires "
                  "researchers who can write a clear research plan and defend it."),
    _person("Marcus Oyelaran", "Lumenvale Design", "UX Research Manager", UX, CBUS, "mid",
            "startup", "referral", "email", referred_by="Dana Whitfield", asked="2026-02-09",
            responded="2026-02-10", status="interviewed", interview="2026-02-17", fmt="video",
            planned=30, actual=30, questions=7, thanked="2026-02-17", referrals=1,
            notes="Hires for mixed methods and synthesis. Wants a portfolio with case studies "
                  "that show the messy middle, not just the final slides. Suggested a short "
                  "survey design course."),
    _person("Lena Sorensen", "Northgate Bank", "Staff UX Researcher", UX, CLE, "senior",
            "corporate", "referral", "linkedin", referred_by="Marcus Oyelaran",
            asked="2026-02-23", responded="2026-02-24", status="interviewed",
            interview="2026-03-03", fmt="video", planned=20, actual=35, questions=9,
            thanked="2026-03-05", referrals=2,
            notes="Ran long: we talked about research in regulated industries. Stakeholders "
                  "at a bank want the research plan signed off early. Synthesis is the skill "
                  "juniors lack. Too many questions prepared; I only got through half."),
    _person("Tomasz Wierzbicki", "Cobalt Ridge Retail", "Analytics Manager", DATA, CHI, "mid",
            "corporate", "referral", "email", referred_by="lena  sorensen", asked="2026-03-09",
            responded="2026-03-10", status="interviewed", interview="2026-03-16", fmt="phone",
            planned=30, actual=30, questions=5, thanked="2026-03-16", referrals=1,
            notes="SQL first, then one BI tool. Teachers are good at explaining numbers to "
                  "stakeholders. Dashboards nobody reads are the usual failure."),
    _person("Imani Castellanos", "Harborlight Foundation", "Senior Data Analyst", DATA, CBUS,
            "senior", "nonprofit", "referral", "email", referred_by="Tomasz Wierzbicki",
            asked="2026-04-13", status="awaiting",
            notes="Tomasz introduced us by email."),
    _person("Sofia Brandt", "Fernhill Health", "UX Researcher", UX, CBUS, "mid", "corporate",
            "referral", "email", referred_by="Dana Whitfield", asked="2026-02-11",
            responded="2026-02-16", status="interviewed", interview="2026-02-20", fmt="coffee",
            planned=30, actual=30, questions=6, thanked="2026-02-21", referrals=0,
            notes="Healthcare UX: lots of accessibility work. Patient interviews feel like "
                  "parent-teacher conferences, she says. Mixed methods again; usability "
                  "testing every sprint. Knows Dana from Kestrel."),
    _person("Ruth Adebayo-Lang", "Ridgeview University", "Director, User Experience Lab", UX,
            CBUS, "senior", "academia", "professor", "email", asked="2026-02-03",
            responded="2026-02-04", status="interviewed", interview="2026-02-12",
            fmt="in_person", planned=30, actual=30, questions=5, thanked="2026-02-12",
            referrals=1, last_contact="2026-03-20",
            notes="Taught my research methods class. Offered to review my portfolio. One "
                  "strong case study beats five thin ones. Teachers stand out in survey "
                  "design and accessibility."),
    _person("Farrah Quintero", "Quintero Research", "Freelance UX Researcher", UX, REMOTE, "mid",
            "self_employed", "group", "in_person", asked="2026-02-19", responded="2026-02-19",
            status="interviewed", interview="2026-02-26", fmt="coffee", planned=30, actual=25,
            questions=3, thanked="2026-03-04", referrals=0,
            notes="Met at the UX meetup. Freelancing is feast or famine; get a staff job "
                  "first. Usability testing pays the bills. A portfolio matters more than a "
                  "bootcamp certificate."),
    _person("Noor Haddad", "Civicly Lab", "Research Ops Lead", UX, REMOTE, "mid", "nonprofit",
            "event", "email", asked="2026-03-23", responded="2026-03-24", status="scheduled",
            interview="2026-04-21", fmt="video", planned=30, questions=6,
            notes="Spoke at the civic-tech webinar."),
    _person("Bettina Kowalczyk", "Meridian Health Systems", "UX Research Director", UX, CLE,
            "executive", "corporate", "cold", "linkedin", asked="2026-02-16",
            followed_up="2026-02-25", status="no_response"),
    _person("Arjun Mehra-Collins", "Northgate Bank", "Senior UX Researcher", UX, CLE, "senior",
            "corporate", "linkedin_search", "linkedin", asked="2026-03-04",
            responded="2026-03-06", status="declined", notes="No time this quarter."),
    _person("Reza Tavakoli", "Meridian Health Systems", "UX Researcher", UX, CLE, "mid",
            "corporate", "linkedin_search", "linkedin", asked="2026-03-12",
            followed_up="2026-03-23", responded="2026-03-25", status="replied",
            next_step="Propose times for the week of Apr 27",
            notes="Answered after my follow-up; busy until late April."),
    # --- Data analytics: Kwabena -> Rhea, Diego -> Wen ---
    _person("Kwabena Asante", "Metro Transit Authority", "Data Analyst", DATA, CBUS, "mid",
            "government", "alumni", "email", asked="2026-02-04", responded="2026-02-05",
            status="interviewed", interview="2026-02-18", fmt="phone", planned=30, actual=30,
            questions=7, thanked="2026-02-18", referrals=2,
            notes="Same M.Ed. program, class of 2015. Public-sector data jobs want Excel and "
                  "SQL. Do a capstone project with real data from a school district."),
    _person("Rhea Patel-Moreno", "Cobalt Ridge Retail", "Senior BI Developer", DATA, CBUS,
            "senior", "corporate", "referral", "email", referred_by="Kwabena Asante",
            asked="2026-02-23", responded="2026-02-25", status="interviewed",
            interview="2026-03-04", fmt="video", planned=30, actual=45, questions=8,
            thanked="2026-03-04", referrals=0,
            notes="Showed me her dashboard portfolio. Overran by 15 minutes, my fault. SQL "
                  "every day, Excel for the finance team. Stakeholders want one number, not "
                  "ten charts."),
    _person("Diego Fairweather", "Harborlight Foundation", "Data Scientist", DATA, REMOTE,
            "entry", "nonprofit", "referral", "phone", referred_by="Kwabena Asante",
            asked="2026-02-24", responded="2026-02-24", status="interviewed",
            interview="2026-03-10", fmt="phone", planned=20, actual=20, questions=5,
            thanked="2026-03-13", referrals=1,
            notes="Career changer too (from social work). Recommends a capstone project with "
                  "real data. Learn SQL before Python. Explaining numbers simply is half the "
                  "job."),
    _person("Wen Zhao-Ferris", "Brightwater Analytics", "Analytics Engineer", DATA, CHI, "mid",
            "startup", "referral", "linkedin", referred_by="Diego Fairweather",
            asked="2026-03-16", responded="2026-03-18", status="replied",
            next_step="Write again after their May launch",
            notes="Happy to talk after their product launch."),
    _person("Mirela Costache", "Sunbeam Logistics", "Data Analyst II", DATA, CBUS, "mid",
            "corporate", "linkedin_search", "linkedin", asked="2026-04-09", status="awaiting"),
    _person("Jun Takeda", "Sunbeam Logistics", "Analytics Manager", DATA, CBUS, "senior",
            "corporate", "company_page", None, status="prospect",
            notes="On the team page; manages Mirela's team."),
    _person("Ingrid Solberg", "Cobalt Ridge Retail", "Head of Data", DATA, CHI, "executive",
            "corporate", "cold", "email", asked="2026-03-02", responded="2026-03-09",
            status="declined", notes="Declined politely; pointed me to their engineering blog."),
    _person("Priscilla Nakamura-Reyes", "Metro Transit Authority", "Data Analyst", DATA, CBUS,
            "entry", "government", "group", "email", asked="2026-04-07", responded="2026-04-08",
            status="scheduled", interview="2026-04-23", fmt="coffee", planned=20, questions=6,
            notes="From the Columbus data meetup."),
    _person("Hamza Qureshi", "Halcyon Fintech", "Senior Data Scientist", DATA, REMOTE, "senior",
            "startup", "cold", "linkedin", asked="2026-02-10", followed_up="2026-02-24",
            status="no_response"),
    _person("Cedric Amankwah", "Lakeshore Public Schools", "Data & Assessment Coordinator",
            DATA, CBUS, "mid", "government", "existing_contact", "email", asked="2026-04-08",
            notes="Former colleague at Lakeshore; moved to the district data office."),
    # --- Instructional design: Harriet -> Owen -> Priyanka; Harriet -> Beatrix -> Eli (CS) ---
    _person("Harriet Quaye", "Ridgeview University", "Associate Professor of Learning Design",
            ID, CBUS, "senior", "academia", "professor", "email", asked="2026-02-02",
            responded="2026-02-03", status="interviewed", interview="2026-02-10",
            fmt="in_person", planned=30, actual=30, questions=6, thanked="2026-02-10",
            referrals=2, last_contact="2026-04-01",
            notes="My M.Ed. advisor. ID hiring values a portfolio over certificates. Adult "
                  "learners are not 8th graders: start from learning objectives."),
    _person("Owen Mbatha", "Mbatha Learning Studio", "Freelance Instructional Designer", ID,
            REMOTE, "mid", "self_employed", "referral", "email", referred_by="Harriet Quaye",
            asked="2026-02-12", responded="2026-02-13", status="interviewed",
            interview="2026-02-19", fmt="video", planned=30, actual=30, questions=5,
            thanked="2026-02-19", referrals=1,
            notes="Storyline and Rise are the tools clients ask for. Most of the job is "
                  "working with subject matter experts. Put three samples in a portfolio."),
    _person("Priyanka Deshmukh", "Crestmark Manufacturing", "Learning Experience Designer", ID,
            CIN, "mid", "corporate", "referral", "email", referred_by="Owen Mbatha",
            asked="2026-02-26", responded="2026-02-27", interview="2026-03-11", fmt="video",
            planned=30, actual=30, questions=6, thanked="2026-03-11", referrals=0,
            notes="Corporate L&D: safety training, onboarding. Measures impact with "
                  "completion data. Adult learners want it short. Subject matter experts "
                  "write too much; Storyline for the modules."),
    _person("Beatrix Lindqvist-Hale", "Tallgrass Learning", "Instructional Designer", ID, CBUS,
            "entry", "startup", "referral", "linkedin", referred_by="Harriet Quaye",
            asked="2026-02-16", responded="2026-02-18", status="interviewed",
            interview="2026-02-25", fmt="coffee", planned=15, actual=25, questions=4,
            thanked="2026-03-03", referrals=1,
            notes="Left teaching last year. Edtech pace is fast. Adult learners drop out "
                  "when a course is not relevant. Her portfolio got her the job."),
    _person("Yolanda Prieto", "Kestrel Insurance", "Senior Instructional Designer", ID, CBUS,
            "senior", "corporate", "alumni", "email", asked="2026-03-25",
            responded="2026-03-27", status="interviewed", interview="2026-04-10", fmt="video",
            planned=30, actual=30, questions=6,
            next_step="Send thank-you with the article on scenario-based learning",
            notes="Works two floors above Dana. Writes learning objectives before anything "
                  "else. Rise for quick courses, Storyline for scenarios. Measures impact with "
                  "completion data and a survey. Wants a portfolio with one scenario."),
    _person("Vivienne Sato-Park", "Meridian Health Systems", "Instructional Designer", ID, CLE,
            "mid", "corporate", "cold", "email", asked="2026-03-02", followed_up="2026-03-11",
            status="no_response"),
    # --- Education policy: all interviews at one institute; referrer outside the log ---
    _person("Nathaniel Brooks-Avery", "Midstate Education Policy Institute", "Policy Analyst",
            POLICY, CBUS, "mid", "nonprofit", "referral", "email", referred_by="Gloria Estevez",
            asked="2026-02-05", responded="2026-02-06", status="interviewed",
            interview="2026-02-13", fmt="coffee", planned=30, actual=30, questions=7,
            thanked="2026-02-13", referrals=2, last_contact="2026-03-30",
            notes="My old principal Gloria introduced us. Policy writing samples matter. "
                  "Classroom experience counts when briefing legislators."),
    _person("Clara Whitlock-Osei", "Midstate Education Policy Institute",
            "Senior Research Fellow", POLICY, CBUS, "senior", "nonprofit", "referral", "email",
            referred_by="Nathaniel Brooks-Avery", asked="2026-02-16", responded="2026-02-17",
            status="interviewed", interview="2026-02-24", fmt="in_person", planned=30,
            actual=30, questions=6, thanked="2026-02-24", referrals=0,
            notes="Research on teacher retention; classroom experience is an asset. Bring "
                  "writing samples and learn Stata."),
    _person("Yusuf Karimi", "Midstate Education Policy Institute", "Research Associate", POLICY,
            CBUS, "entry", "nonprofit", "referral", "email",
            referred_by="Nathaniel Brooks-Avery", asked="2026-02-16", responded="2026-02-19",
            status="interviewed", interview="2026-03-02", fmt="video", planned=20, actual=20,
            questions=5, thanked="2026-03-03", referrals=0,
            notes="Entry roles want Stata or R. Teacher retention is the hot topic this "
                  "year. Classroom experience helps with fieldwork in schools."),
    _person("Lorraine Castaneda-Blum", "State Board of Learning", "Education Policy Advisor",
            POLICY, CBUS, "senior", "government", "linkedin_search", "linkedin",
            asked="2026-03-30", status="awaiting"),
    _person("Theo Marchetti", "State Board of Learning", "Legislative Liaison", POLICY, CBUS,
            "mid", "government", "company_page", None, status="prospect"),
    _person("Winifred Oduya", "Lakeshore Public Schools", "Chief of Staff to the Superintendent",
            POLICY, CBUS, "executive", "government", "existing_contact", "phone",
            asked="2026-03-16", responded="2026-03-17", status="declined",
            next_step="Try again in June", notes="Budget season; asked me to call in June."),
    _person("Harold Pennington-Wu", "Civic Futures Trust", "Director of Research", POLICY, CBUS,
            "executive", "nonprofit", "event", "email", asked="2026-03-05",
            responded="2026-03-06", status="cancelled",
            notes="Set for Mar 19, cancelled for travel. Said to write in May."),
    _person("Marisol Etxeberria", "Civic Futures Trust", "Program Officer", POLICY, CBUS, "mid",
            "nonprofit", "group", "email", asked="2026-03-31", followed_up="2026-04-14",
            status="awaiting"),
    _person("Amelia Roux", "Lakeshore Public Schools", "Director of Policy & Planning", POLICY,
            CBUS, "senior", "government", "existing_contact", None,
            notes="Knows me from district committees."),
    # --- Product management: below the minimum ---
    _person("Felix Aranda", "Quillstone Software", "Senior Product Manager", PM, CBUS, "senior",
            "startup", "linkedin_search", "linkedin", asked="2026-04-13", status="awaiting"),
    _person("Hollis Grant", "Quillstone Software", "Group Product Manager", PM, CBUS, "senior",
            "startup", "alumni", None, notes="On the alumni list."),
    _person("Esperanza Roque", "Tallgrass Learning", "Product Manager, Learning Platform", PM,
            CBUS, "mid", "startup", "existing_contact", "email", asked="2026-02-25",
            responded="2026-02-26", status="interviewed", interview="2026-03-06", fmt="coffee",
            planned=30, actual=30, questions=6, thanked="2026-03-06", referrals=1,
            notes="A parent from my school. PMs in edtech still talk to teachers every week. "
                  "The roadmap is a negotiation."),
    _person("Bartholomew Kessler-Nunez", "Kestrel Insurance", "Product Owner", PM, CBUS, "mid",
            "corporate", "event", "in_person", asked="2026-03-18", responded="2026-03-18",
            status="interviewed", interview="2026-04-16", fmt="coffee", planned=30, actual=40,
            questions=10, referrals=2, next_step="Thank-you note; add the two names he gave",
            notes="Met at the career fair. Agile certs matter less than shipping something. "
                  "Talk to teachers, then write the user stories; the roadmap changes monthly."),
    _person("Ilse Vandermeer", "Tallgrass Learning", "Associate Product Manager", PM, CBUS,
            "entry", "startup", "referral", "email", referred_by="Esperanza Roque",
            asked="2026-04-06", responded="2026-04-07", status="scheduled",
            interview="2026-04-28", fmt="video", planned=20, questions=5),
    _person("Dmitri Volkonsky-Hart", "Halcyon Fintech", "Director of Product", PM, REMOTE,
            "executive", "startup", "cold", "linkedin", asked="2026-02-17",
            followed_up="2026-03-02", status="no_response"),
    _person("Saoirse Lindahl", "Northgate Bank", "Product Manager", PM, CLE, "mid", "corporate",
            "linkedin_search", "email", asked="2026-04-06", status="awaiting"),
    _person("Rupert Ogunleye", "Brightwater Analytics", "Senior Product Manager", PM, CHI,
            "senior", "startup", "linkedin_search", "linkedin", asked="2026-03-09",
            responded="2026-03-11", status="cancelled",
            notes="Call set for Mar 20, cancelled: reorg at Brightwater."),
    # --- Customer success: one interview, long ago ---
    _person("Genevieve Tran-Holloway", "Tallgrass Learning", "Customer Success Manager", CS,
            CBUS, "mid", "startup", "existing_contact", "in_person", asked="2026-02-02",
            responded="2026-02-02", status="interviewed", interview="2026-02-09", fmt="coffee",
            planned=30, thanked="2026-02-10", referrals=0, last_contact="2026-02-10",
            notes="Neighbour. CS at an edtech company values classroom credibility. Renewals "
                  "depend on training the teachers well."),
    _person("Eli Navarro-Stone", "Tallgrass Learning", "Implementation Specialist", CS, CBUS,
            "entry", "startup", "referral", "email", referred_by="Beatrix Lindqvist-Hale",
            asked="2026-03-03", responded="2026-03-12", status="replied",
            next_step="Send times after Apr 20"),
    _person("Odalys Ferreira", "Sparrowhawk EdTech", "Head of Customer Success", CS, REMOTE,
            "executive", "startup", "linkedin_search", "linkedin", asked="2026-04-15",
            status="awaiting"),
    _person("Mateus Lindgren", "Wrenfield Software", "Customer Success Lead", CS, PIT, "senior",
            "corporate", "group", None, status="prospect", notes="Active in the CS community."),
    _person("Tobias Ekwueme", "Halcyon Fintech", "VP Customer Experience", CS, REMOTE,
            "executive", "startup", "cold", "email", asked="2026-03-23", responded="2026-03-25",
            status="declined"),
]
# fmt: on


def _slug(name: str) -> str:
    return "".join(ch for ch in name.lower().replace(" ", "-") if ch.isalnum() or ch == "-")


def _contact_details(frame: pd.DataFrame) -> pd.DataFrame:
    """Fictional email, phone and LinkedIn URL, where the person would have them."""
    out = frame.copy()
    for col in ("org_type", "source", "channel"):
        if col not in out.columns:
            out[col] = None
    slug = out["contact"].map(_slug)
    dotted = slug.str.replace("-", ".", regex=False)
    domain = out["org_type"].map(
        lambda t: "example.org" if t in _NONPROFIT_LIKE else "example.com"
    )
    known = out["source"].isin(_WARM)
    has_email = (out["channel"] == "email") | known
    has_linkedin = (out["channel"] == "linkedin") | (out["source"] == "linkedin_search")
    has_linkedin |= out.index.to_series().mod(3).eq(0)
    has_phone = out["channel"].isin(["phone", "in_person"]) | (out["source"] == "existing_contact")
    out["email"] = (dotted + "@" + domain).where(has_email)
    out["phone"] = pd.Series(
        [f"(614) 555-01{i:02d}" for i in range(len(out))], index=out.index
    ).where(has_phone)
    out["linkedin_url"] = ("https://www.linkedin.com/in/" + slug).where(has_linkedin)
    return out


def _typed(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Rows -> DataFrame with every canonical column, dates and whole numbers typed."""
    frame = pd.DataFrame(rows)
    for col in COLUMNS:
        if col not in frame.columns:
            frame[col] = None
    for col in DATE_COLUMNS:
        frame[col] = pd.to_datetime(frame[col], format="%Y-%m-%d")
    for col in INTEGER_COLUMNS:
        frame[col] = frame[col].astype("Int64")
    extra = [c for c in frame.columns if c not in COLUMNS]
    return frame[[*COLUMNS, *extra]]


def sample_log() -> pd.DataFrame:
    """The main sample: Maren Castellano's log, canonical columns, typed."""
    return _typed(_contact_details(pd.DataFrame(SAMPLE_PEOPLE)).to_dict("records"))


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralize_frame(frame).to_csv(
        path, index=False, date_format="%Y-%m-%d", lineterminator="\n", encoding="utf-8"
    )


# ------------------------------------------------------------------ the cohort
# Compact, hand-written rows: (contact, organization, field, source, referred_by, channel,
# asked, responded, status, interview, thanked). Dates are ISO strings or None.

# fmt: off
COHORT: dict[str, list[tuple[Any, ...]]] = {
    # Steady and broad: every field at the minimum, warm outreach, good thank-yous.
    "amara_okafor": [
        ("Kofi Mensah-Baird", "Riverbend Energy", "Sustainability", "alumni", None, "email", "2026-02-09", "2026-02-10", "interviewed", "2026-02-16", "2026-02-16"),
        ("Leah Grunwald", "Greenspan Consulting", "Sustainability", "referral", "Kofi Mensah-Baird", "email", "2026-02-17", "2026-02-18", "interviewed", "2026-02-24", "2026-02-24"),
        ("Tariq Bello", "City Climate Office", "Sustainability", "referral", "Leah Grunwald", "email", "2026-03-02", "2026-03-03", "interviewed", "2026-03-10", "2026-03-11"),
        ("Hana Kowalski", "Tidewater Ports", "Supply chain", "existing_contact", None, "phone", "2026-02-11", "2026-02-11", "interviewed", "2026-02-19", "2026-02-19"),
        ("Marco Velasquez-Tam", "Pinecrest Foods", "Supply chain", "referral", "Hana Kowalski", "email", "2026-02-23", "2026-02-25", "interviewed", "2026-03-05", "2026-03-05"),
        ("Aoife Brannigan", "Northstar Freight", "Supply chain", "linkedin_search", None, "linkedin", "2026-03-09", "2026-03-12", "interviewed", "2026-03-19", "2026-03-20"),
        ("Sunil Varghese", "Riverbend Energy", "Energy policy", "alumni", None, "email", "2026-03-02", "2026-03-04", "interviewed", "2026-03-12", "2026-03-12"),
        ("Greta Holmquist", "Prairie Power Co-op", "Energy policy", "event", None, "in_person", "2026-03-05", "2026-03-05", "interviewed", "2026-03-18", "2026-03-18"),
        ("Obinna Chukwu-Lane", "State Energy Office", "Energy policy", "referral", "Sunil Varghese", "email", "2026-03-16", "2026-03-17", "interviewed", "2026-03-26", "2026-03-27"),
        ("Rosalind Achebe-Ford", "Greenspan Consulting", "Sustainability", "linkedin_search", None, "linkedin", "2026-04-01", None, "awaiting", None, None),
        ("Petra Nilsson", "Pinecrest Foods", "Supply chain", "cold", None, "email", "2026-03-10", "2026-03-13", "declined", None, None),
        ("Ivan Petrakis", "Tidewater Ports", "Supply chain", "company_page", None, None, None, None, "prospect", None, None),
    ],
    # Mostly cold LinkedIn outreach: low response, follow-ups overdue.
    "ben_castillo": [
        ("Chidi Okonkwo-Reyes", "Vantage Robotics", "Robotics", "cold", None, "linkedin", "2026-02-16", None, "no_response", None, None),
        ("Elena Marsh", "Vantage Robotics", "Robotics", "cold", None, "linkedin", "2026-02-18", "2026-02-27", "interviewed", "2026-03-06", "2026-03-12"),
        ("Gareth Lowe", "Forgeline Automation", "Robotics", "linkedin_search", None, "linkedin", "2026-03-02", None, "no_response", None, None),
        ("Ines Carvalho", "Forgeline Automation", "Robotics", "linkedin_search", None, "linkedin", "2026-03-23", None, "awaiting", None, None),
        ("Jasper Whitcombe", "Halden Aerospace", "Aerospace", "cold", None, "linkedin", "2026-03-25", None, "awaiting", None, None),
        ("Keiko Arakawa", "Halden Aerospace", "Aerospace", "cold", None, "email", "2026-03-04", "2026-03-05", "declined", None, None),
        ("Luis Ferrandez", "Skyward Drones", "Aerospace", "event", None, "in_person", "2026-03-12", "2026-03-12", "interviewed", "2026-03-19", None),
        ("Maeve O'Sullivan-Park", "Skyward Drones", "Aerospace", "referral", "Luis Ferrandez", "email", "2026-03-30", None, "awaiting", None, None),
        ("Nikhil Rao-Benson", "Cobalt Motors", "Manufacturing", "cold", None, "linkedin", "2026-04-02", None, "awaiting", None, None),
        ("Olga Marchenko", "Cobalt Motors", "Manufacturing", "company_page", None, None, None, None, "prospect", None, None),
    ],
    # Stopped in early March: last activity long ago, keep-in-touch due.
    "mei_tanaka": [
        ("Andre Baptiste", "Saltmarsh Museum", "Museum education", "professor", None, "email", "2026-01-12", "2026-01-13", "interviewed", "2026-01-20", "2026-01-21"),
        ("Bronwyn Fairclough", "Saltmarsh Museum", "Museum education", "referral", "Andre Baptiste", "email", "2026-01-22", "2026-01-23", "interviewed", "2026-02-02", "2026-02-02"),
        ("Cyrus Jahani", "Lantern Children's Museum", "Museum education", "referral", "Bronwyn Fairclough", "email", "2026-02-03", "2026-02-05", "interviewed", "2026-02-12", "2026-02-13"),
        ("Delphine Moreau-King", "Harbor Library System", "Library science", "alumni", None, "email", "2026-02-09", "2026-02-10", "interviewed", "2026-02-18", "2026-02-18"),
        ("Emeka Nwosu-Hart", "Harbor Library System", "Library science", "referral", "Delphine Moreau-King", "phone", "2026-02-19", "2026-02-20", "replied", None, None),
        ("Fiona Gallagher-Sato", "Eastside Archives", "Library science", "cold", None, "email", "2026-02-23", None, "no_response", None, None),
        ("Gustavo Lima", "Lantern Children's Museum", "Museum education", "event", None, "in_person", "2026-03-02", "2026-03-02", "cancelled", None, None),
    ],
    # Clean xlsx, several channels, two fields at the target.
    "rafael_duarte": [
        ("Aaliyah Brooks-Kim", "Summit Health Network", "Health informatics", "existing_contact", None, "phone", "2026-02-02", "2026-02-02", "interviewed", "2026-02-06", "2026-02-06"),
        ("Bastian Krug", "Summit Health Network", "Health informatics", "referral", "Aaliyah Brooks-Kim", "email", "2026-02-09", "2026-02-10", "interviewed", "2026-02-17", "2026-02-17"),
        ("Camila Ortega-Shaw", "Oakridge Clinics", "Health informatics", "referral", "Bastian Krug", "email", "2026-02-18", "2026-02-19", "interviewed", "2026-02-26", "2026-02-27"),
        ("Darnell Whitaker-Lund", "MedSignal", "Health informatics", "referral", "Camila Ortega-Shaw", "linkedin", "2026-03-02", "2026-03-04", "interviewed", "2026-03-11", "2026-03-11"),
        ("Esme Lindqvist", "Ridgeline Hospital", "Health informatics", "alumni", None, "email", "2026-03-09", "2026-03-10", "interviewed", "2026-03-17", "2026-03-18"),
        ("Farid Haddadi", "Clearwater Public Health", "Public health", "professor", None, "email", "2026-02-04", "2026-02-05", "interviewed", "2026-02-12", "2026-02-12"),
        ("Gemma Hollis-Ward", "County Health Dept.", "Public health", "referral", "Farid Haddadi", "email", "2026-02-16", "2026-02-17", "interviewed", "2026-02-24", "2026-02-24"),
        ("Hugo Brandvold", "Clearwater Public Health", "Public health", "group", None, "in_person", "2026-03-05", "2026-03-05", "interviewed", "2026-03-13", "2026-03-14"),
        ("Ingrid Maalouf", "Global Health Alliance", "Public health", "cold", None, "linkedin", "2026-03-16", "2026-03-20", "interviewed", "2026-03-27", "2026-03-27"),
        ("Jomo Kariuki", "Summit Health Network", "Health informatics", "linkedin_search", None, "linkedin", "2026-04-08", None, "awaiting", None, None),
        ("Kira Vance", "County Health Dept.", "Public health", "cold", None, "email", "2026-03-23", "2026-03-24", "declined", None, None),
        ("Lorenzo Bellini-Park", "MedSignal", "Health informatics", "referral", "Darnell Whitaker-Lund", "email", "2026-04-14", "2026-04-15", "scheduled", "2026-04-22", None),
    ],
}
# fmt: on

_COHORT_KEYS = (
    "contact",
    "organization",
    "field",
    "source",
    "referred_by",
    "channel",
    "requested_on",
    "responded_on",
    "status",
    "interview_on",
    "thanked_on",
)


def cohort_log(student: str) -> pd.DataFrame:
    """One clean cohort student's log, canonical columns, typed."""
    rows = [dict(zip(_COHORT_KEYS, row, strict=True)) for row in COHORT[student]]
    frame = pd.DataFrame(rows)
    frame["format"] = frame["interview_on"].map(lambda d: "video" if d else None)
    frame["minutes_planned"] = frame["interview_on"].map(lambda d: 30 if d else None)
    frame = _contact_details(frame)
    return _typed(frame.to_dict("records"))


# The messy log: exactly as a student typed it (strings, US dates, own words).
MESSY_TITLE = (
    "Jonah's Informational Interview Tracker",
    "Career switch: retail -> sustainability",
)
MESSY_HEADER = (
    "Name",
    "Company Name",
    "Role / Title",
    "Interest Area",
    "Mutual Connection",
    "Method",
    "Date Contacted",
    "Follow-Up Date",
    "Status",
    "Coffee Chat Date",
    "Thank You Sent",
    "Notes",
    "Vibe check",
)
# fmt: off
MESSY_ROWS: tuple[tuple[Any, ...], ...] = (
    ("Priya Lindstrom", "EcoLoop Packaging", "Sustainability Manager", "Sustainability", "", "LinkedIn msg", "2/16/2026", "", "Completed", "2/24/2026", "2/24/2026", "Circular packaging; said get a GRI cert", "great"),
    ("Marcus Delacroix-Ames", "EcoLoop Packaging", "Ops Analyst", "Sustainability", "Priya Lindstrom", "Email", "2/25/2026", "", "Completed", "3/4/2026", "3/6/2026", "Ops side of sustainability reporting", "good"),
    ("Tanya Oyelowo-Grant", "Verdant Retail Group", "ESG Reporting Lead", "Sustainability", "Marcus Delacroix-Ames", "Email", "3/9/2026", "", "Scheduled", "next Tues", "", "Marcus cc'd me, she picked a slot", ""),
    ("", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("Ronan Fitzgerald-Oke", "Greenway Transit", "Planner", "Urban planning", "", "Phone call", "3/2/2026", "", "Dead", "", "", "Left two voicemails", ""),
    ("Simone Achterberg", "Greenway Transit", "Senior Planner", "Urban planning", "", "Handshake", "3/13/2026", "3/24/2026", "Bumped", "", "", "Messaged through the Handshake app", ""),
    ("Walter Nkemelu", "City Parks Dept.", "Parks Program Lead", "Urban planning", "", "Coffee", "3/5/2026", "", "Completed", "3/12/2026", "3/13/2026", "Met at the farmers market stand", "nice"),
    ("Beatriz Solano", "Verdant Retail Group", "Store Sustainability Coordinator", "Sustainability", "", "LinkedIn msg", "4/13/2026", "", "Outreach Sent", "", "", "", ""),
    ("Hamid Rostami", "Solaris Co-op", "Community Solar Organizer", "Renewable energy", "", "Email", "3/23/2026", "", "Declined", "", "", "Too busy until summer", ""),
    ("Kaia Thorvaldsen", "Solaris Co-op", "Program Director", "Renewable energy", "", "", "", "", "Not Contacted", "", "", "Ask after Hamid's intro?", ""),
)
# fmt: on


def _write_messy(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Tracker"
    ws.append([MESSY_TITLE[0]])
    ws.append([MESSY_TITLE[1]])
    ws.append([])
    ws.append(list(MESSY_HEADER))
    for row in MESSY_ROWS:
        ws.append([value if value != "" else None for value in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def write_all(out: Path, package_data: Path) -> list[Path]:
    """Write every sample file; return the paths written."""
    written: list[Path] = []
    log = sample_log()
    out.mkdir(parents=True, exist_ok=True)
    written.append(write_log(log, out / "sample_log.xlsx", overwrite=True))
    _write_csv(log, out / "sample_log.csv")
    written.append(out / "sample_log.csv")
    _write_csv(log, package_data / "sample_log.csv")
    written.append(package_data / "sample_log.csv")
    cohort = out / "cohort"
    cohort.mkdir(parents=True, exist_ok=True)
    for student, kind in (
        ("amara_okafor", "xlsx"),
        ("ben_castillo", "csv"),
        ("mei_tanaka", "csv"),
        ("rafael_duarte", "xlsx"),
    ):
        path = cohort / f"{student}.{kind}"
        if kind == "xlsx":
            write_log(cohort_log(student), path, overwrite=True)
        else:
            _write_csv(cohort_log(student), path)
        written.append(path)
    _write_messy(cohort / "jonah_whitaker.xlsx")
    written.append(cohort / "jonah_whitaker.xlsx")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="folder for the logs")
    parser.add_argument(
        "--package-data",
        type=Path,
        default=ROOT / "infoview_analytics" / "data",
        help="folder for the copy bundled in the package",
    )
    args = parser.parse_args(argv)
    for path in write_all(args.out, args.package_data):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

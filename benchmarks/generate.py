"""Cohort-sized interview logs for the benchmarks (fictional, deterministic).

Five shapes of cohort, as career centres hand them over (``SHAPES``):

* ``"cohort"`` (the default): every canonical column filled in a realistic
  mix: students' logs of about 50 rows, warm and cold sources, all channels
  and statuses, dates as people write them (ISO in the generated files),
  minutes and counts, notes, and about 30% of rows referred by an earlier
  person of the same owner;
* ``"messy"``: many small logs (20-80 rows, 40 on average, so more owners),
  kept by hand: organisations and fields typed freely (case, spacing and
  punctuation variants of the same name), channels and sources in people's
  own words, half the rows referred, mostly by the person just before, so
  chains run long, referrers written with other case and spacing, fewer
  dates (more prospects, blank statuses derived from the dates);
* ``"sparse"``: the cohort as a lean tracker keeps it: 20 columns, 4 of them
  dates (asked, answered, interview, thanked), 8 canonical columns absent
  (follow-up and last-contact dates, planned minutes, questions, org type,
  next step, phone, LinkedIn URL) and a note on every interview (none on the
  other rows);
* ``"wide_text"``: the cohort with long free text on most rows: notes and
  next steps of a few sentences (40-400 characters) and an ``advice`` column
  the loader does not know;
* ``"unknown_columns"``: the cohort with 32 extra columns the loader does not
  know (a programme's own: 12 of text, 10 of numbers, 10 of dates).

``make_cohort_log(n_rows, shape=...)`` builds one; ``cached_csv`` /
``cached_xlsx`` write it once to ``benchmarks/_data/`` (git-ignored) and reuse
the file.

Run ``python benchmarks/generate.py --rows 1000000 [--shape messy]`` to build
the files ahead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from infoview_analytics.core.schema import CATEGORIES, COLUMNS

DATA = Path(__file__).resolve().parent / "_data"

_FIRST = "Ana Ben Chloe Dev Eve Finn Gus Hana Ivo Jun Kai Lea Mo Nia Oli Pia Quinn Rui Sol Tom"
_LAST = "Ruiz Ode Park Shah Stone Lund Holm Ito Novak Kim Berg Diaz Fox Gray Hale Ivers Jones Kaur"
_ORGS = [
    f"{a} {b}"
    for a in ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell"]
    for b in ("Labs", "Group", "Health", "Energy", "Bank")
]
_FIELDS = ["data science", "ux design", "policy", "product", "climate", "health", "finance"]
_CITIES = ["Berlin", "Lisbon", "Toronto", "Austin", "Lyon", "Oslo", "Remote"]
_ROLES = ["Analyst", "Engineer", "Designer", "Manager", "Researcher", "Director", "Consultant"]


#: The cohort shapes ``make_cohort_log`` builds (see the module docstring).
SHAPES = ("cohort", "messy", "sparse", "wide_text", "unknown_columns")


def make_cohort_log(
    n_rows: int, *, seed: int = 0, n_owners: int | None = None, shape: str = "cohort"
) -> pd.DataFrame:
    """A canonical log of ``n_rows`` people (strings for dates, as a file holds them)."""
    if shape == "messy":
        return _messy_log(n_rows, seed=seed)
    if shape in _DERIVED:
        return _DERIVED[shape](make_cohort_log(n_rows, seed=seed, n_owners=n_owners), seed)
    if shape != "cohort":
        msg = f"shape must be one of {list(SHAPES)}, but {shape!r} was passed"
        raise ValueError(msg)
    rng = np.random.default_rng(seed)
    n_owners = n_owners or max(1, n_rows // 50)
    first = np.array(_FIRST.split())[rng.integers(0, 20, n_rows)]
    last = np.array(_LAST.split())[rng.integers(0, 18, n_rows)]
    contact = pd.Series(first).str.cat([last, pd.Series(np.arange(n_rows)).astype(str)], sep=" ")
    owner_id = np.sort(rng.integers(0, n_owners, n_rows))
    owner = pd.Series(owner_id).map(lambda i: f"student_{i:05d}")

    # ~30% referred by an earlier row of the same owner (rows are sorted by owner).
    start_of_owner = np.searchsorted(owner_id, owner_id, side="left")
    pos = np.arange(n_rows)
    has_earlier = pos > start_of_owner
    referred = has_earlier & (rng.random(n_rows) < 0.3 / max(has_earlier.mean(), 1e-9))
    earlier = start_of_owner + (rng.random(n_rows) * (pos - start_of_owner)).astype(int)
    referred_by = np.full(n_rows, None, dtype=object)
    referred_by[referred] = contact.to_numpy()[earlier[referred]]

    day0 = np.datetime64("2025-09-01")
    requested = day0 + rng.integers(0, 220, n_rows).astype("timedelta64[D]")
    responded = requested + rng.integers(0, 12, n_rows).astype("timedelta64[D]")
    interview = responded + rng.integers(2, 20, n_rows).astype("timedelta64[D]")
    thanked = interview + rng.integers(0, 4, n_rows).astype("timedelta64[D]")
    followed = requested + rng.integers(3, 10, n_rows).astype("timedelta64[D]")
    status = rng.choice(
        np.array(CATEGORIES["status"]), n_rows, p=[0.05, 0.2, 0.1, 0.1, 0.3, 0.1, 0.1, 0.05]
    )
    answered = np.isin(status, ["replied", "scheduled", "interviewed", "declined", "cancelled"])
    met = np.isin(status, ["scheduled", "interviewed", "cancelled"])
    asked = status != "prospect"

    def iso(days: np.ndarray, keep: np.ndarray) -> np.ndarray:
        out = np.datetime_as_string(days, unit="D").astype(object)
        out[~keep] = None
        return out

    def pick(values: list[str] | tuple[str, ...], p_missing: float = 0.05) -> np.ndarray:
        out = np.array(values, dtype=object)[rng.integers(0, len(values), n_rows)]
        out[rng.random(n_rows) < p_missing] = None
        return out

    def count(low: int, high: int, keep: np.ndarray) -> np.ndarray:
        out = rng.integers(low, high, n_rows).astype(float)
        out[~keep] = np.nan
        return out

    log = pd.DataFrame(
        {
            "contact": contact,
            "organization": pick(_ORGS, 0.02),
            "role": pick(_ROLES),
            "field": pick(_FIELDS, 0.02),
            "location": pick(_CITIES, 0.2),
            "seniority": pick(CATEGORIES["seniority"], 0.2),
            "org_type": pick(CATEGORIES["org_type"], 0.2),
            "source": pick(CATEGORIES["source"], 0.1),
            "referred_by": referred_by,
            "channel": pick(CATEGORIES["channel"], 0.05),
            "requested_on": iso(requested, asked),
            "followed_up_on": iso(followed, asked & (rng.random(n_rows) < 0.3)),
            "responded_on": iso(responded, answered),
            "status": status,
            "interview_on": iso(interview, met),
            "format": pick(CATEGORIES["format"], 0.5),
            "minutes_planned": count(15, 31, met),
            "minutes_actual": count(10, 60, status == "interviewed"),
            "questions_prepared": count(3, 15, met),
            "thanked_on": iso(thanked, status == "interviewed"),
            "referrals_given": count(0, 4, status == "interviewed"),
            "next_step": pick(["send article", "follow up in May", "intro to team lead"], 0.6),
            "last_contact_on": iso(thanked, status == "interviewed"),
            "notes": pick(["Great chat; suggested two people.", "Busy, try later", "Hiring soon"]),
            "email": (contact.str.replace(" ", ".").str.lower() + "@example.org").to_numpy(),
            "phone": pick(["+1 555 0100", "+44 20 7946 0000", "+49 30 123456"], 0.7),
            "linkedin_url": pick(["https://www.linkedin.com/in/someone"], 0.5),
            "owner": owner,
        }
    )
    for col in ("minutes_planned", "minutes_actual", "questions_prepared", "referrals_given"):
        log[col] = log[col].astype("Int64")
    return log[list(COLUMNS)]


def _variants(rng: np.random.Generator, names: np.ndarray, p: float) -> np.ndarray:
    """``names`` with a share ``p`` retyped: other case, stray or doubled spaces."""
    out = names.astype(object)
    pick = np.flatnonzero(rng.random(len(out)) < p)
    how = rng.integers(0, 5, len(pick))
    for i, k in zip(pick, how, strict=True):
        s = out[i]
        if s is None:
            continue
        out[i] = (s.lower(), s.upper(), f" {s}", f"{s}  ", s.replace(" ", "  ", 1))[k]
    return out


def _messy_log(n_rows: int, *, seed: int = 0) -> pd.DataFrame:
    """The ``"messy"`` shape: many small hand-kept logs (see the module docstring)."""
    rng = np.random.default_rng(seed + 1)
    # Log sizes 20-80, skewed small (mean 40), laid end to end.
    sizes = (20 + 61 * rng.random(n_rows // 20 + 1) ** 2).astype(int)
    owner_id = np.repeat(np.arange(len(sizes)), sizes)[:n_rows]
    start_of_owner = np.searchsorted(owner_id, owner_id, side="left")
    pos = np.arange(n_rows)
    owner = pd.Series(owner_id).map(lambda i: f"Student {i:05d}").to_numpy(dtype=object)

    first = np.array((_FIRST + " Amara Bea Cyrus Dana Elif Femi Goran Ines Jo Lior").split())
    last = np.array((_LAST + " Achebe Borg Costa Dube Eze Faro Ng Oyelaran Quist").split())
    # Names repeat across students (the same alumni are asked by many), not within a log.
    contact = pd.Series(first[rng.integers(0, len(first), n_rows)]).str.cat(
        [pd.Series(last[rng.integers(0, len(last), n_rows)]), pd.Series(pos % 997).astype(str)],
        sep=" ",
    )
    contact = contact.to_numpy(dtype=object)  # unique within a log (at most 80 rows)

    # Half referred, mostly by the person just before: chains of ten and more.
    has_earlier = pos > start_of_owner
    referred = has_earlier & (rng.random(n_rows) < 0.5)
    back = np.clip(rng.geometric(0.6, n_rows), 1, np.maximum(pos - start_of_owner, 1))
    referred_by = np.full(n_rows, None, dtype=object)
    referred_by[referred] = contact[(pos - back)[referred]]
    referred_by = _variants(rng, referred_by, 0.25)
    outside = referred & (rng.random(n_rows) < 0.05)  # someone not in the log
    referred_by[outside] = "Prof. " + pd.Series(last[rng.integers(0, len(last), outside.sum())])

    orgs = np.array([f"{a} {b}".strip() for a in _ORG_WORDS for b in _ORG_KINDS], dtype=object)
    org_pick = np.minimum(rng.zipf(1.3, n_rows) - 1, len(orgs) - 1)
    organization = _variants(rng, orgs[org_pick], 0.35)
    organization[rng.random(n_rows) < 0.08] = None
    fields = np.array(_MESSY_FIELDS, dtype=object)
    field = _variants(rng, fields[rng.integers(0, len(fields), n_rows)], 0.3)
    field[rng.random(n_rows) < 0.1] = None

    day0 = np.datetime64("2025-09-01")
    requested = day0 + rng.integers(0, 220, n_rows).astype("timedelta64[D]")
    responded = requested + rng.integers(0, 15, n_rows).astype("timedelta64[D]")
    interview = responded + rng.integers(2, 25, n_rows).astype("timedelta64[D]")
    thanked = interview + rng.integers(0, 6, n_rows).astype("timedelta64[D]")
    status = rng.choice(
        np.array(CATEGORIES["status"]), n_rows, p=[0.3, 0.25, 0.08, 0.05, 0.17, 0.05, 0.07, 0.03]
    ).astype(object)
    answered = np.isin(status, ["replied", "scheduled", "interviewed", "declined", "cancelled"])
    met = np.isin(status, ["scheduled", "interviewed", "cancelled"])
    asked = status != "prospect"
    status[rng.random(n_rows) < 0.15] = None  # blank: the loader derives it from the dates

    def iso(days: np.ndarray, keep: np.ndarray, p_blank: float) -> np.ndarray:
        out = np.datetime_as_string(days, unit="D").astype(object)
        out[~keep | (rng.random(n_rows) < p_blank)] = None
        return out

    def pick(values: list[str] | tuple[str, ...], p_missing: float) -> np.ndarray:
        out = np.array(values, dtype=object)[rng.integers(0, len(values), n_rows)]
        out[rng.random(n_rows) < p_missing] = None
        return out

    interviewed = status == "interviewed"
    minutes = rng.integers(15, 61, n_rows).astype(float)
    minutes[~interviewed | (rng.random(n_rows) < 0.6)] = np.nan
    log = pd.DataFrame(
        {
            "contact": contact,
            "organization": organization,
            "role": pick([*_ROLES, "analyst", "Sr. Engineer", "PM"], 0.3),
            "field": field,
            "location": pick(_CITIES, 0.5),
            "seniority": pick(CATEGORIES["seniority"], 0.6),
            "org_type": pick(CATEGORIES["org_type"], 0.6),
            "source": pick(_MESSY_SOURCES, 0.2),
            "referred_by": referred_by,
            "channel": pick(_MESSY_CHANNELS, 0.15),
            "requested_on": iso(requested, asked, 0.25),
            "followed_up_on": iso(requested + 5, asked & (rng.random(n_rows) < 0.15), 0.0),
            "responded_on": iso(responded, answered, 0.4),
            "status": status,
            "interview_on": iso(interview, met, 0.2),
            "format": pick(CATEGORIES["format"], 0.8),
            "minutes_planned": np.where(np.isnan(minutes), np.nan, 30.0),
            "minutes_actual": minutes,
            "questions_prepared": np.where(np.isnan(minutes), np.nan, 6.0),
            "thanked_on": iso(thanked, interviewed, 0.5),
            "referrals_given": np.where(np.isnan(minutes), np.nan, 1.0),
            "next_step": pick(["send article", "follow up in May", "intro to team lead"], 0.8),
            "last_contact_on": iso(thanked, interviewed, 0.7),
            "notes": pick(["Great chat; suggested two people.", "Busy, try later", "Hiring"], 0.5),
            "email": None,
            "phone": None,
            "linkedin_url": pick(["https://www.linkedin.com/in/someone"], 0.7),
            "owner": owner,
        }
    )
    for col in ("minutes_planned", "minutes_actual", "questions_prepared", "referrals_given"):
        log[col] = log[col].astype("Int64")
    return log[list(COLUMNS)]


_ORG_WORDS = [
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Soylent",
    "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Vandelay", "Pied Piper", "Aperture",
    "Black Mesa", "Monarch", "Nakatomi", "Massive Dynamic", "Dunder Mifflin", "Prestige",
    "Blue Sun", "Virtucon", "Zorg", "Ollivanders", "Bluth", "Sterling Cooper", "Los Pollos",
    "City of Springfield", "University of Lyon", "Ministry of Health", "Red Cross", "WHO",
]  # fmt: skip
_ORG_KINDS = [
    "Labs", "Group", "Health", "Energy", "Bank", "Inc.", "GmbH", "Foundation", "Consulting",
    "& Partners", "Studio", "Analytics", "Capital", "Systems", "Institute", "",
]  # fmt: skip
_MESSY_FIELDS = [
    "Data Science", "UX Design", "UX/UI design", "Policy", "Public policy", "Product",
    "Product Management", "Climate", "climate tech", "Health", "Healthcare", "Finance",
    "Fintech", "Consulting", "Education", "EdTech", "Marketing", "Journalism", "Law",
    "Software Engineering", "Biotech", "Urban planning", "Non-profit", "Research",
]  # fmt: skip
_MESSY_SOURCES = [
    "friend", "classmate", "Referral", "referred", "alumni", "Alumni network", "linkedin",
    "LinkedIn search", "career fair", "meetup", "company website", "prof", "cold", "Cold email",
    "other",
]  # fmt: skip
_MESSY_CHANNELS = [
    "email", "Email", "e-mail", "LinkedIn", "linkedin msg", "InMail", "phone", "call",
    "in person", "coffee", "slack", "other",
]  # fmt: skip


_WORDS = (
    (
        "she suggested talking to the hiring manager about the team and the roadmap before "
        "applying; the role needs sql python and a portfolio; follow up after the conference "
        "in may with the article on climate data; very friendly, offered an intro to two "
        "colleagues in policy and product; advice: keep the cover letter short, show impact, "
        "ask about mentoring, read the annual report, learn the domain, network at meetups"
    )
    .replace(";", "")
    .replace(",", "")
    .replace(":", "")
    .split()
)


def _paragraphs(rng: np.random.Generator, n: int, low: int, high: int) -> np.ndarray:
    """``n`` distinct fictional paragraphs of ``low``-``high`` characters."""
    words = np.array(_WORDS, dtype=object)
    out = np.empty(n, dtype=object)
    for i in range(n):
        size = int(rng.integers(low, high))
        picked = words[rng.integers(0, len(words), size // 6 + 2)]
        text = " ".join(picked)[:size].rstrip()
        out[i] = text[0].upper() + text[1:] + "."
    return out


def _sparse_log(log: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The ``"sparse"`` shape: 20 columns, 4 dates, 8 canonical columns absent."""
    rng = np.random.default_rng(seed + 2)
    absent = [
        "followed_up_on", "last_contact_on", "minutes_planned", "questions_prepared",
        "org_type", "next_step", "phone", "linkedin_url",
    ]  # fmt: skip
    out = log.drop(columns=absent)
    interviewed = (out["status"] == "interviewed").to_numpy()
    pool = _paragraphs(rng, 2000, 30, 160)
    notes = np.full(len(out), None, dtype=object)
    notes[interviewed] = pool[rng.integers(0, len(pool), int(interviewed.sum()))]
    out["notes"] = notes
    return out


def _wide_text_log(log: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The ``"wide_text"`` shape: long notes, next steps and advice on most rows."""
    rng = np.random.default_rng(seed + 3)
    pool = _paragraphs(rng, 20_000, 40, 400)
    n = len(log)
    out = log.copy()
    for col, p_blank in (("notes", 0.1), ("next_step", 0.3), ("advice", 0.25)):
        text = pool[rng.integers(0, len(pool), n)]
        text[rng.random(n) < p_blank] = None
        out[col] = text
    return out


def _unknown_columns_log(log: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The ``"unknown_columns"`` shape: 32 extra columns of text, numbers and dates."""
    rng = np.random.default_rng(seed + 4)
    n = len(log)
    extra: dict[str, np.ndarray] = {}
    labels = np.array(["cohort A", "cohort B", "track x", "pilot", "n/a", "remote"], dtype=object)
    for i in range(12):
        text = labels[rng.integers(0, len(labels), n)] + f" {i}"
        text[rng.random(n) < 0.3] = None
        extra[f"programme_text_{i + 1:02d}"] = text
    for i in range(10):
        num = np.round(rng.normal(50, 20, n), i % 3)
        num[rng.random(n) < 0.3] = np.nan
        extra[f"programme_score_{i + 1:02d}"] = num
    day0 = np.datetime64("2024-01-01")
    for i in range(10):
        days = day0 + rng.integers(0, 900, n).astype("timedelta64[D]")
        text = np.datetime_as_string(days, unit="D").astype(object)
        text[rng.random(n) < 0.3] = None
        extra[f"programme_day_{i + 1:02d}"] = text
    return pd.concat([log, pd.DataFrame(extra, index=log.index)], axis=1)


_DERIVED = {
    "sparse": _sparse_log,
    "wide_text": _wide_text_log,
    "unknown_columns": _unknown_columns_log,
}


def _name(n_rows: int, seed: int, shape: str, suffix: str) -> str:
    # The default shape keeps the file names it always had (caches stay valid).
    stem = "cohort" if shape == "cohort" else f"cohort-{shape}"
    return f"{stem}_{n_rows}_{seed}{suffix}"


def cached_csv(n_rows: int, *, seed: int = 0, shape: str = "cohort") -> Path:
    """Path of the CSV of ``make_cohort_log(n_rows, shape=shape)``, written on first use."""
    path = DATA / _name(n_rows, seed, shape, ".csv")
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        make_cohort_log(n_rows, seed=seed, shape=shape).to_csv(tmp, index=False)
        tmp.replace(path)
    return path


def cached_xlsx(n_rows: int, *, seed: int = 0, shape: str = "cohort") -> Path:
    """Path of the xlsx of ``make_cohort_log(n_rows, shape=shape)`` (openpyxl), written once."""
    path = DATA / _name(n_rows, seed, shape, ".xlsx")
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.xlsx")
        make_cohort_log(n_rows, seed=seed, shape=shape).to_excel(
            tmp, index=False, engine="openpyxl"
        )
        tmp.replace(path)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    parser.add_argument("--shape", choices=SHAPES, default="cohort")
    args = parser.parse_args()
    print(cached_csv(args.rows, shape=args.shape))
    print(cached_xlsx(args.xlsx_rows, shape=args.shape))

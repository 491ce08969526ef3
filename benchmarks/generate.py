"""Cohort-sized interview logs for the benchmarks (fictional, deterministic).

``make_cohort_log(n_rows)`` builds a log with every canonical column filled in
a realistic mix: several owners (students), warm and cold sources, all
channels and statuses, dates as people write them (ISO in the generated
files), minutes and counts, notes, and about 30% of rows referred by an
earlier person of the same owner. ``cached_csv``/``cached_xlsx`` write it once
to ``benchmarks/_data/`` (git-ignored) and reuse the file.

Run ``python benchmarks/generate.py --rows 1000000`` to build the files ahead.
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


def make_cohort_log(n_rows: int, *, seed: int = 0, n_owners: int | None = None) -> pd.DataFrame:
    """A canonical log of ``n_rows`` people (strings for dates, as a file holds them)."""
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


def cached_csv(n_rows: int, *, seed: int = 0) -> Path:
    """Path of the CSV of ``make_cohort_log(n_rows)``, written on first use."""
    path = DATA / f"cohort_{n_rows}_{seed}.csv"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        tmp = path.with_suffix(".tmp")
        make_cohort_log(n_rows, seed=seed).to_csv(tmp, index=False)
        tmp.replace(path)
    return path


def cached_xlsx(n_rows: int, *, seed: int = 0) -> Path:
    """Path of the xlsx of ``make_cohort_log(n_rows)`` (openpyxl), written on first use."""
    path = DATA / f"cohort_{n_rows}_{seed}.xlsx"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.xlsx")
        make_cohort_log(n_rows, seed=seed).to_excel(tmp, index=False, engine="openpyxl")
        tmp.replace(path)
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--xlsx-rows", type=int, default=100_000)
    args = parser.parse_args()
    print(cached_csv(args.rows))
    print(cached_xlsx(args.xlsx_rows))

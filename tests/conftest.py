"""Shared fixtures: a tiny hand-made log, a fixed-seed rng, figures closed after each test,
and the sample's anonymized report, built once per run for the tests that only read it.

``INFOVIEW_STRING_STORAGE=python`` (or ``pyarrow``) sets what backs pandas' default
string dtype for the whole run, before anything builds a frame: `make test` runs the
tests with both (tests/test_configurations.py checks that the setting took effect).
"""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import numpy as np
import pandas as pd
import pytest

#: The string storage asked for by the environment, or None for pandas' own choice.
STRING_STORAGE = os.environ.get("INFOVIEW_STRING_STORAGE") or None
if STRING_STORAGE:
    pd.set_option("mode.string_storage", STRING_STORAGE)

#: The as-of date of the tiny log (a Friday).
TINY_AS_OF = pd.Timestamp("2026-03-20")


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20260320)


@pytest.fixture
def tiny_log() -> pd.DataFrame:
    """Eight people, hand-made, canonical columns only where they matter.

    As of Friday 2026-03-20:
    - Ana: warm (existing contact), email, asked Mon 03-02, answered Wed 03-04 (2 business
      days), interviewed 03-10, thanked 03-10, gave 2 referrals, field data.
    - Ben: referred by Ana, email, asked 03-05, answered 03-12, interviewed 03-16, thanked 03-19.
    - Chloe: referred by Ben, linkedin, asked 03-17 (3 business days ago): pending.
    - Dev: cold, linkedin, asked 03-02, no answer (14 business days): non-response.
    - Eve: cold, email, asked 03-03, declined 03-06.
    - Finn: cold, linkedin, asked 02-20, gave up (no_response).
    - Gus: prospect at Ana's organisation, not asked.
    - Hana: alumni, phone, asked 03-09, replied 03-10, scheduled 03-24.
    """
    d = pd.Timestamp
    rows = [
        (
            "Ana Ruiz",
            "Acme",
            "data",
            "existing_contact",
            None,
            "email",
            d("2026-03-02"),
            None,
            d("2026-03-04"),
            "interviewed",
            d("2026-03-10"),
            d("2026-03-10"),
            2,
        ),
        (
            "Ben Ode",
            "Globex",
            "data",
            "referral",
            "Ana Ruiz",
            "email",
            d("2026-03-05"),
            None,
            d("2026-03-12"),
            "interviewed",
            d("2026-03-16"),
            d("2026-03-19"),
            1,
        ),
        (
            "Chloe Park",
            "Initech",
            "data",
            "referral",
            "Ben Ode",
            "linkedin",
            d("2026-03-17"),
            None,
            None,
            "awaiting",
            None,
            None,
            None,
        ),
        (
            "Dev Shah",
            "Umbrella",
            "design",
            "cold",
            None,
            "linkedin",
            d("2026-03-02"),
            None,
            None,
            "awaiting",
            None,
            None,
            None,
        ),
        (
            "Eve Stone",
            "Hooli",
            "design",
            "cold",
            None,
            "email",
            d("2026-03-03"),
            None,
            d("2026-03-06"),
            "declined",
            None,
            None,
            None,
        ),
        (
            "Finn Lund",
            "Vandelay",
            "design",
            "cold",
            None,
            "linkedin",
            d("2026-02-20"),
            d("2026-03-02"),
            None,
            "no_response",
            None,
            None,
            None,
        ),
        (
            "Gus Holm",
            "Acme",
            "data",
            "cold",
            None,
            None,
            None,
            None,
            None,
            "prospect",
            None,
            None,
            None,
        ),
        (
            "Hana Ito",
            "Stark",
            "policy",
            "alumni",
            None,
            "phone",
            d("2026-03-09"),
            None,
            d("2026-03-10"),
            "scheduled",
            d("2026-03-24"),
            None,
            None,
        ),
    ]
    cols = [
        "contact",
        "organization",
        "field",
        "source",
        "referred_by",
        "channel",
        "requested_on",
        "followed_up_on",
        "responded_on",
        "status",
        "interview_on",
        "thanked_on",
        "referrals_given",
    ]
    log = pd.DataFrame(rows, columns=cols)
    for c in ["requested_on", "followed_up_on", "responded_on", "interview_on", "thanked_on"]:
        log[c] = pd.to_datetime(log[c])
    log["referrals_given"] = log["referrals_given"].astype("Int64")
    log["source_row"] = range(2, 2 + len(log))
    return log


@pytest.fixture(scope="session")
def anonymized_sample_report(tmp_path_factory):
    """The sample log's anonymized report in every format but HTML: the log and the folder.

    A report costs seconds of CPU (its charts drawn in three formats), so the tests that
    only read this one share it; a test that writes to a report builds its own.
    """
    import infoview_analytics as iv

    log = iv.example_log()
    out = iv.build_report(
        log,
        tmp_path_factory.mktemp("anonymized-sample") / "r",
        as_of=iv.SAMPLE_AS_OF,
        anonymize=True,
        formats=["pdf", "csv", "png", "svg", "xlsx"],
    )
    return log, out


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")

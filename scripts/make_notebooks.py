"""Build, execute and write the notebooks in notebooks/ (committed with their outputs).

Each notebook is defined here as a list of cells, so the notebooks can be regenerated in
one command whenever the analyses or charts change::

    .venv/bin/python scripts/make_notebooks.py            # all of them
    .venv/bin/python scripts/make_notebooks.py 04_coverage  # only this one

The notebooks run with the kernel "python3" in notebooks/ on the sample log as of its
as-of date, so their outputs are reproducible and ``pytest --nbval notebooks`` can compare
them. Volatile metadata (execution timestamps, random cell ids, interpreter versions) is
left out at write time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT = 180  # seconds per cell; the whole set runs in well under a minute

SETUP = """\
%matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

import infoview_analytics as iv
from infoview_analytics import charts"""

PARAMETERS = """\
# Parameters: point LOG_PATH at your own log and set AS_OF to None for today.
LOG_PATH = "../data/sample_log.xlsx"
AS_OF = "2026-04-17"  # the sample's as-of date (iv.SAMPLE_AS_OF)"""

COHORT_PARAMETERS = """\
# Parameters: a folder (or list) of the students' logs; AS_OF = None means today.
COHORT_PATH = "../data/cohort"
AS_OF = "2026-04-17"  # the sample cohort's as-of date (iv.SAMPLE_AS_OF)"""

OWN_LOG = """\
**With your own log:** change `LOG_PATH` in the parameters cell below (an .xlsx, .ods or .csv
file; `infoview template my_log.xlsx` writes a blank one) and set `AS_OF = None` to see
today's picture, then run all cells (*Run → Run All Cells*). Or run it unattended:
`papermill {name} out.ipynb -p LOG_PATH my_log.xlsx -p AS_OF 2026-05-01`."""

LOAD = """\
log = iv.load_log(LOG_PATH, as_of=AS_OF)
# Prepared once: the analyses below share their common steps (outcomes, name keys, chains).
prepared = iv.prepare(log, as_of=AS_OF)
print(f"{len(log)} people in {LOG_PATH}, as of {AS_OF or 'today'}")"""


def md(text: str) -> tuple[str, str]:
    return ("markdown", text)


def code(text: str) -> tuple[str, str]:
    return ("code", text)


def params(text: str = PARAMETERS) -> tuple[str, str]:
    return ("parameters", text)


def intro(title: str, question: str, name: str, more: str = "") -> tuple[str, str]:
    text = f"# {title}\n\n**The question:** {question}\n\n{OWN_LOG.format(name=name)}"
    return md(text + (f"\n\n{more}" if more else ""))


LOAD_AND_CHECK = [
    intro(
        "Load your log and check it",
        "did the toolkit read my spreadsheet the way I meant it, and what should I fix "
        "before trusting any figure?",
        "01_load_and_check.ipynb",
    ),
    params(),
    code(SETUP),
    md(
        "## What was read, and from which header\n\n"
        "`iv.read_log` reads the file and says how: which header row it found and which of "
        "your headers became which column of the log (`alias` = a known header name)."
    ),
    code(
        """\
result = iv.read_log(LOG_PATH, as_of=AS_OF)
print(f"Sheet {result.sheet!r}, header on row {result.header_row}: "
      f"{result.rows_read} rows read, {result.blank_rows} blank rows skipped.")
result.mapping"""
    ),
    md(
        "## Problems to fix\n\n"
        "Every cell the loader could not understand is listed with its spreadsheet row "
        "(the row number you see in Excel, header included) and a hint. Such cells are "
        "left blank in the log, so fixing them in the spreadsheet changes the figures."
    ),
    code(
        """\
problems = result.problems
print(f"{len(problems)} problem(s) in {LOG_PATH}.")
problems"""
    ),
    md(
        "For comparison, this is what problems look like: one of the cohort logs in "
        "`data/cohort/` has a date written as words and a channel the toolkit does not know."
    ),
    code(
        """\
iv.read_log("../data/cohort/jonah_whitaker.xlsx", as_of=AS_OF).problems"""
    ),
    md(
        "## A first overview\n\n"
        "Who is in the log, where each request stands (`status`; a blank status is derived "
        "from the dates), and which channels were used for which field."
    ),
    code(
        """\
log = result.log
prepared = iv.prepare(log, as_of=AS_OF)  # shared by the analyses below
asked = log["requested_on"].dropna()
print(f"{len(log)} people at {log['organization'].nunique()} organisations, "
      f"{log['field'].nunique()} fields; requests from "
      f"{asked.min():%Y-%m-%d} to {asked.max():%Y-%m-%d}.")
log["status"].value_counts().rename_axis("status").to_frame("people")"""
    ),
    code(
        """\
pd.crosstab(log["field"], log["channel"], margins=True, margins_name="all")"""
    ),
    md(
        "Weekly activity shows the rhythm of the search: requests sent, answers received "
        "and interviews held, with the running total of interviews."
    ),
    code(
        """\
fig, ax = plt.subplots(figsize=(9, 4))
charts.plot_activity(iv.activity(prepared, as_of=AS_OF), as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md("## What to do next"),
    code(
        """\
if len(problems):
    print("Fix these cells in your spreadsheet, then re-run this notebook:")
    for row in problems.itertuples():
        print(f"  row {row.source_row}, {row.column}: {row.value!r} ({row.problem})")
else:
    print("No problems found: the figures in the next notebooks rest on every row.")
no_field = log.loc[log["field"].isna(), "contact"].tolist()
print(f"People with no field (coverage cannot count them): {no_field or 'none'}.")
print("Next: 02_response_rates.ipynb (what works), 04_coverage.ipynb (what is missing).")"""
    ),
]

RESPONSE_RATES = [
    intro(
        "Response rates: which outreach works?",
        "which channels, sources and fields get answers, how much does a warm introduction "
        "help, how fast do people answer, and whom should I follow up with today?",
        "02_response_rates.ipynb",
        "Rates are shown with *n* and a 95% Wilson interval, because a personal log has tens "
        "of rows. Requests still inside their 7-business-day answer window are **pending**: "
        "left out of the rate, never counted as a non-response.",
    ),
    params(),
    code(SETUP),
    code(LOAD),
    md("## By channel"),
    code(
        """\
RATE_COLUMNS = ["asked", "pending", "decided", "responded", "response_rate", "ci_low", "ci_high"]
PERCENT = {"response_rate": "{:.0%}", "ci_low": "{:.0%}", "ci_high": "{:.0%}"}
by_channel = iv.response_rates(prepared, by="channel", as_of=AS_OF)
by_channel = by_channel[by_channel["asked"] > 0]
(by_channel[["channel", *RATE_COLUMNS]].style.format(PERCENT, na_rep="–")
    .hide(axis="index").set_uuid("rates-channel"))"""
    ),
    code(
        """\
fig, ax = plt.subplots(figsize=(8, 3.5))
charts.plot_response_rates(by_channel, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "## Warm vs cold\n\n"
        "A request is **warm** when someone referred you or you already knew the person "
        "(existing contact, referral, alumni, professor); otherwise it is **cold**."
    ),
    code(
        """\
warmth = iv.response_rates(prepared, by="warmth", as_of=AS_OF)
for row in warmth.itertuples():
    print(f"{row.warmth}: {row.responded} of {row.decided} answered ({row.response_rate:.0%}, "
          f"95% CI {row.ci_low:.0%}–{row.ci_high:.0%}), {row.pending} pending")
fig, ax = plt.subplots(figsize=(8, 2.5))
charts.plot_response_rates(warmth, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "When the two intervals do not overlap, the difference is unlikely to be luck. "
        "With small *n* they are wide: read them before drawing a conclusion."
    ),
    md("## By source and by field"),
    code(
        """\
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), layout="constrained")
charts.plot_response_rates(prepared, by="source", as_of=AS_OF, ax=left)
charts.plot_response_rates(prepared, by="field", as_of=AS_OF, ax=right)
plt.show()"""
    ),
    md(
        "## The funnel\n\n"
        "How many people reached each stage, and the share of the previous stage that made "
        "it to the next one."
    ),
    code(
        """\
stages = iv.funnel(prepared, as_of=AS_OF)
fig, ax = plt.subplots(figsize=(9, 4))
charts.plot_funnel(stages, as_of=AS_OF, ax=ax)
plt.show()
stages.style.format({"conversion": "{:.0%}"}, na_rep="–").hide(axis="index").set_uuid("funnel")"""
    ),
    md(
        "## Time to response\n\n"
        "A Kaplan–Meier estimate of the share answered against business days since asking. "
        "People who have not answered yet are *censored* at today (they may still answer), "
        "not counted as never answering. The dashed lines mark the 3B7 rule: after 3 "
        "business days contact a second person, after 7 send one follow-up."
    ),
    code(
        """\
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), layout="constrained")
charts.plot_time_to_response(iv.time_to_response(prepared, by="warmth", as_of=AS_OF),
                             as_of=AS_OF, ax=left)
charts.plot_time_to_response(iv.time_to_response(prepared, by="channel", as_of=AS_OF),
                             as_of=AS_OF, ax=right)
plt.show()"""
    ),
    code(
        """\
timing = iv.response_time_summary(prepared, by="warmth", as_of=AS_OF)
(timing.style.format({"share_within_3": "{:.0%}", "share_within_7": "{:.0%}",
                      "median_time": "{:.0f}"}, na_rep="–")
    .hide(axis="index").set_uuid("timing"))"""
    ),
    md(
        "## Who answered quickly, later, or not at all\n\n"
        "`answered_quickly`: within 3 business days; `answered_later`: after that; "
        "`no_answer`: no answer after 7 business days (or you gave up). The kinds say what "
        "happened, not what the person is like (the method's book has harsher names). "
        "Spend your time on the introductions of the people who answered quickly; don't "
        "wait for the ones with no answer."
    ),
    code(
        """\
kinds = iv.classify_contacts(prepared, as_of=AS_OF)
counts = kinds["kind"].value_counts()
print(", ".join(f"{kind}: {n}" for kind, n in counts.items()))
kinds[kinds["kind"].isin(["no_answer", "pending"])]"""
    ),
    md(
        "## What to do next: the follow-ups due today\n\n"
        "One row per action, most urgent first. Overdue rows are highlighted."
    ),
    code(
        """\
due = iv.follow_ups_due(prepared, as_of=AS_OF)

def highlight_overdue(row):
    return ["background-color: #fde0c5" if row["overdue"] else ""] * len(row)

(due.style.apply(highlight_overdue, axis=1).format({"due_since": "{:%Y-%m-%d}"})
    .hide(axis="index").set_uuid("follow-ups"))"""
    ),
    code(
        """\
overdue = due[due["overdue"]]
print(f"{len(due)} actions due as of {AS_OF or 'today'}, {len(overdue)} of them overdue:")
for action, people in overdue.groupby("action")["contact"]:
    print(f"  {action.replace('_', ' ')}: {', '.join(people)}")"""
    ),
]

REFERRAL_CHAINS = [
    intro(
        "Referral chains: where did asking “who else should I talk to?” lead?",
        "who introduced whom, how long are the chains, who are my best connectors, and "
        "how many interviews came through a referral?",
        "03_referral_chains.ipynb",
    ),
    params(),
    code(SETUP),
    code(LOAD),
    md(
        "## The referral tree\n\n"
        "Each arrow goes from the person who made an introduction to the person introduced. "
        "Roots (people you found yourself) are on the left; an open circle is a referrer "
        "who is not in your log."
    ),
    code(
        """\
chains = iv.referral_chains(prepared, as_of=AS_OF)
fig, ax = plt.subplots(figsize=(11, 7))
charts.plot_referral_tree(chains, log=log, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "## Chain depth and length\n\n"
        "`depth` counts the introductions between the chain's root and a person; "
        "`descendants` counts everyone a person's introductions led to."
    ),
    code(
        """\
deepest = chains.sort_values(["depth", "contact"], ascending=[False, True])
print(f"Longest chain: {deepest['path'].iloc[0]}")
deepest.loc[deepest["depth"] > 0, ["contact", "depth", "path"]].head(10)"""
    ),
    md("## What the referrals were worth"),
    code(
        """\
summary = iv.referral_summary(prepared, as_of=AS_OF).iloc[0]
print(f"{summary.interviews_via_referral} of {summary.interviews} interviews "
      f"({summary.share_interviews_via_referral:.0%}) came through a referral.")
print(f"Asking “who else?” yielded {summary.referrals_given} names: "
      f"{summary.referrals_per_interview:.2f} per interview.")
print(f"Referred requests were answered {summary.referred_response_rate:.0%} of the time, "
      f"others {summary.not_referred_response_rate:.0%}.")
print(f"Top connectors: {summary.top_connectors}")"""
    ),
    md(
        "## Top connectors\n\n"
        "The people whose introductions led furthest. Thank them, and tell them how the "
        "conversations they started went."
    ),
    code(
        """\
columns = ["contact", "referrals_made", "descendants", "interviews_led_to"]
chains.sort_values(["descendants", "contact"], ascending=[False, True])[columns].head(5)"""
    ),
    md(
        "## What to do next\n\n"
        "Every interview is a chance to ask “Can you think of someone else I should talk "
        "to?”. These interviewees have not given you a name yet:"
    ),
    code(
        """\
no_names = log["status"].eq("interviewed") & log["referrals_given"].fillna(0).eq(0)
log.loc[no_names, ["contact", "organization", "field", "interview_on"]]"""
    ),
]

COVERAGE = [
    intro(
        "Coverage: have I heard enough voices per field?",
        "for each field I am exploring, have I interviewed at least 3 (better 5) people, "
        "from different organisations, roles, seniorities, kinds of organisation and places, "
        "and whom should I ask next?",
        "04_coverage.ipynb",
        "Beware of conclusions that rest on one or two people: the guides ask for 3 to 5 "
        "interviews per field, with a range of perspectives.",
    ),
    params(),
    code(SETUP),
    code(LOAD),
    md(
        "## Interviews per field against the 3–5 rule\n\n"
        "Fields below the minimum of 3 interviews are highlighted. `to_minimum` and "
        "`to_target` say how many more interviews reach 3 and 5."
    ),
    code(
        """\
cov = iv.coverage(prepared, minimum=3, target=5, as_of=AS_OF)

def highlight_below(row):
    return ["background-color: #fde0c5" if row["status"] == "below_minimum" else ""] * len(row)

columns = ["field", "interviewed", "scheduled", "pending", "status", "to_minimum", "to_target"]
cov[columns].style.apply(highlight_below, axis=1).hide(axis="index").set_uuid("coverage")"""
    ),
    code(
        """\
fig, ax = plt.subplots(figsize=(9, 4))
charts.plot_coverage(cov, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "## Perspectives per field\n\n"
        "How many different organisations, roles, seniorities, organisation types and "
        "locations the interviews in each field cover, and the largest share from one "
        "organisation."
    ),
    code(
        """\
perspectives = ["field", "n_organization", "n_role", "n_seniority", "n_org_type",
                "n_location", "top_org_share"]
(cov[perspectives].style.format({"top_org_share": "{:.0%}"})
    .background_gradient(subset=["top_org_share"], cmap="Oranges", vmin=0, vmax=1)
    .hide(axis="index").set_uuid("perspectives"))"""
    ),
    code(
        """\
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 4.5), layout="constrained")
charts.plot_perspective_heatmap(iv.perspective_matrix(prepared, perspective="seniority",
                                as_of=AS_OF), as_of=AS_OF, ax=left)
charts.plot_perspective_heatmap(iv.perspective_matrix(prepared, perspective="org_type",
                                as_of=AS_OF), as_of=AS_OF, ax=right)
plt.show()"""
    ),
    md(
        "## Fields that rest on one or two voices\n\n"
        "The `note` column says, in plain words, why a field's picture may be one-sided."
    ),
    code(
        """\
for row in cov[cov["note"].fillna("") != ""].itertuples():
    print(f"{row.field}: {row.note}")"""
    ),
    md(
        "## What to do next: the next people to ask\n\n"
        "For each field below the minimum or resting on one voice: the prospects already "
        "in your log, and the seniorities nobody in that field has spoken for yet."
    ),
    code(
        """\
gaps = cov.loc[(cov["status"] == "below_minimum") | (cov["note"].fillna("") != ""), "field"]
prospects = log[log["field"].isin(gaps) & log["status"].eq("prospect")]
print("Prospects already in the log:")
print(prospects[["contact", "organization", "field", "seniority"]].to_string(index=False)
      if len(prospects) else "  none: look for new people in these fields")"""
    ),
    code(
        """\
seniority = iv.perspective_matrix(prepared, perspective="seniority", as_of=AS_OF)
seniority = seniority.set_index("field").loc[gaps]
for field, counts in seniority.iterrows():
    missing = ", ".join(counts.index[counts.eq(0)])
    print(f"{field}: no interview yet at seniority {missing}")"""
    ),
]

ADVISOR_REPORT = [
    intro(
        "The advisor report: charts and a PDF to share",
        "how do I give my career advisor the whole picture in a few files, without "
        "sharing my contacts' names and details?",
        "05_advisor_report.ipynb",
        "With `anonymize=True`, people get stable pseudonyms (“Contact 07”) in every chart, "
        "table and referral path, and so do organisations, roles, locations and uncommon "
        "fields (`keep_organizations=True` keeps employers' names); values you typed into a "
        "category column yourself become `other`; email, phone, LinkedIn URL, notes and "
        "next steps are removed. The title page and the `privacy` table say what was done. "
        "The same report comes from the command line: "
        "`infoview report my_log.xlsx --out my_report --anonymize`.",
    ),
    params(PARAMETERS + '\nOUT_DIR = "../reports/notebook-example"  # reports/ is not committed'),
    code(SETUP + "\nfrom IPython.display import Image"),
    code(LOAD),
    md(
        "## Write the report\n\n"
        "`force=True` replaces an earlier report in the same folder. Writing is atomic: "
        "a failure never leaves half a report behind."
    ),
    code(
        """\
out = iv.build_report(log, OUT_DIR, as_of=AS_OF, anonymize=True,
                      formats=("png", "pdf", "csv"), force=True)
written = sorted(p.relative_to(out).as_posix() for p in out.rglob("[!.]*") if p.is_file())
print(f"{len(written)} files written to {OUT_DIR}:")
print("\\n".join(written))"""
    ),
    md(
        "## What was written\n\n"
        "`report.pdf` opens with the headline figures and the lists to work from (the "
        "follow-ups due, the coverage per field), then one page per chart with a "
        "caption saying what it shows and what to do about it. `charts/` holds each chart "
        "as a PNG, `tables/` the summary tables as CSV. Here is one chart, as written:"
    ),
    code(
        """\
Image(filename=f"{OUT_DIR}/charts/response_rates_warmth.png", width=700)"""
    ),
    md(
        "## Check that no name left the building\n\n"
        "The tables use pseudonyms only. This scans every CSV file for the real names of "
        "people and organisations."
    ),
    code(
        """\
chains = pd.read_csv(f"{OUT_DIR}/tables/referral_chains.csv")
names = set(log["contact"].dropna()) | set(log["referred_by"].dropna())
names |= set(log["organization"].dropna())
leaks = [p for p in written if p.endswith(".csv")
         and any(name in (out / p).read_text(encoding="utf-8") for name in names)]
print(f"CSV files mentioning a real name: {leaks or 'none'}")
chains[["contact", "root", "path"]].head()"""
    ),
    md(
        "## What to do next\n\n"
        "Send the folder (or just `report.pdf`) to your advisor. Re-run this notebook "
        "before each meeting so the figures are current."
    ),
    code(
        """\
due = iv.follow_ups_due(prepared, as_of=AS_OF)
print(f"Before the meeting: {int(due['overdue'].sum())} overdue follow-ups to clear "
      f"(see 02_response_rates.ipynb).")"""
    ),
]

COHORT = [
    md(
        "# A cohort of students, for an advisor\n\n"
        "**The question:** across the students I advise, who is getting answers, who is "
        "below the minimum of interviews in which field, and whose follow-ups are overdue?\n\n"
        "**With your own cohort:** put each student's log in one folder (the file name "
        "becomes the student's name, unless the log has an `Owner` column) and set "
        "`COHORT_PATH` in the parameters cell below; set `AS_OF = None` for today. Or: "
        "`papermill 06_cohort.ipynb out.ipynb -p COHORT_PATH logs/ -p AS_OF 2026-05-01`."
    ),
    params(COHORT_PARAMETERS),
    code(SETUP + "\nimport warnings"),
    md(
        "## Load every log\n\n"
        "Problems in any file are summarised in one warning; it is shown here as text. "
        "`iv.read_log(file).problems` lists them with their rows."
    ),
    code(
        """\
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    cohort = iv.load_logs(COHORT_PATH, as_of=AS_OF)
prepared_cohort = iv.prepare(cohort, as_of=AS_OF)  # shared by the analyses below
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
cohort.groupby("owner").size().rename("people").to_frame()"""
    ),
    md(
        "## One row per student\n\n"
        "Response rate with its 95% interval, interviews held, fields at the minimum of 3 "
        "interviews, and follow-ups overdue. Students with overdue follow-ups are highlighted."
    ),
    code(
        """\
students = iv.cohort_summary(prepared_cohort, as_of=AS_OF, minimum=3)

def highlight_overdue(row):
    return ["background-color: #fde0c5" if row["follow_ups_overdue"] else ""] * len(row)

(students.style.apply(highlight_overdue, axis=1)
    .format({"response_rate": "{:.0%}", "ci_low": "{:.0%}", "ci_high": "{:.0%}",
             "last_activity": "{:%Y-%m-%d}"}, na_rep="–")
    .hide(axis="index").set_uuid("students"))"""
    ),
    md("## Who is below the minimum in which field"),
    code(
        """\
fields = iv.coverage(prepared_cohort, by=["owner", "field"], minimum=3, as_of=AS_OF)
below = fields[fields["status"] == "below_minimum"]
below[["owner", "field", "interviewed", "scheduled", "pending", "to_minimum"]]"""
    ),
    md("## Cohort-wide response rates by channel"),
    code(
        """\
rates = iv.response_rates(prepared_cohort, by="channel", as_of=AS_OF)
rates = rates[rates["asked"] > 0]
fig, ax = plt.subplots(figsize=(8, 3.5))
charts.plot_response_rates(rates, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "## What to do next\n\n"
        "Who to talk to first at the next check-in, drawn from the tables above."
    ),
    code(
        """\
for row in students.sort_values("follow_ups_overdue", ascending=False).itertuples():
    gaps = ", ".join(below.loc[below["owner"] == row.owner, "field"]) or "none"
    print(f"{row.owner}: {row.follow_ups_overdue} follow-ups overdue; "
          f"fields below the minimum: {gaps}")"""
    ),
    md(
        "## How many more people each student should ask, and whom\n\n"
        "Per student and field: the asks that reach the minimum of 3 with 80% probability "
        "(each student's chances learned from their own record), and each student's first "
        "person to contact. The same for one student: `07_plan.ipynb`."
    ),
    code(
        """\
plans = iv.plan(prepared_cohort, by=["owner", "field"], minimum=3, as_of=AS_OF)
short = plans[plans["interviewed"] + plans["scheduled"] < 3]
short[["owner", "field", "interviewed", "scheduled", "open_requests", "asks_to_minimum",
       "minimum_by"]].assign(minimum_by=short["minimum_by"].dt.strftime("%Y-%m-%d"))"""
    ),
    code(
        """\
first = iv.next_people(prepared_cohort, limit=1, as_of=AS_OF)
for row in first.itertuples():
    print(f"{row.owner}: {row.reason}")"""
    ),
]

PLAN = [
    intro(
        "What to do next: how many more to ask, whom, and by when",
        "a field has 2 interviews: how many more people should I ask, whom, and when will "
        "I have my 3–5 voices? And can the follow-ups go in my calendar?",
        "07_plan.ipynb",
        "The plan is honest about small numbers: each field's record is shrunk toward your "
        "record in your other fields (a prior worth 3 requests), warm and cold requests are "
        "kept apart, and a request that has waited long has less chance left than one sent "
        "yesterday.",
    ),
    params(),
    code(SETUP),
    code(LOAD),
    md(
        "## How many more people to ask per field\n\n"
        "`asks_to_minimum` and `asks_to_target`: the new requests that reach 3 and 5 "
        "interviews with 80% probability, counting the scheduled meetings and what the open "
        "requests are still likely to bring. `interview_chance` is the chance that a new "
        "request of the field's usual kind (`basis`: warm or cold) becomes an interview, "
        "with its 95% interval."
    ),
    code(
        """\
plan = iv.plan(prepared, minimum=3, target=5, probability=0.8, as_of=AS_OF)
columns = ["field", "interviewed", "scheduled", "open_requests", "expected_from_pending",
           "basis", "interview_chance", "chance_low", "chance_high", "asks_to_minimum",
           "asks_to_target", "minimum_by", "target_by"]
(plan[columns].style
    .format({"expected_from_pending": "{:.1f}", "interview_chance": "{:.0%}",
             "chance_low": "{:.0%}", "chance_high": "{:.0%}",
             "minimum_by": "{:%Y-%m-%d}", "target_by": "{:%Y-%m-%d}"}, na_rep="–")
    .hide(axis="index").set_uuid("plan"))"""
    ),
    code(
        """\
fig, ax = plt.subplots(figsize=(9, 4))
charts.plot_plan(plan, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md("## The same in one sentence per field"),
    code(
        """\
for row in plan.itertuples():
    print(f"{row.field}: {row.note}")"""
    ),
    md(
        "## How sure do you want to be?\n\n"
        "Asking for more certainty never asks for fewer people; here the asks to the target "
        "at 50%, 80% and 95%."
    ),
    code(
        """\
sure = pd.DataFrame({
    f"{p:.0%}": iv.plan(prepared, probability=p, as_of=AS_OF).set_index("field")["asks_to_target"]
    for p in (0.5, 0.8, 0.95)
})
sure"""
    ),
    md(
        "## Whom to contact next\n\n"
        "Prospects already in the log, the 3B7 second person at an organisation that has "
        "not answered, one follow-up after 7 business days, and introductions from the "
        "connectors whose referrals met you. `score` adds the points for the field's gap, a "
        "warm path, a new organisation or seniority and the 3B7 step (see "
        "`help(iv.next_people)`)."
    ),
    code(
        """\
people = iv.next_people(prepared, limit=10, as_of=AS_OF)
people[["rank", "action", "contact", "field", "score", "warm", "new_organization",
        "second_person"]]"""
    ),
    code(
        """\
for row in people.itertuples():
    print(f"{row.rank}. {row.reason}")"""
    ),
    md(
        "## The follow-ups in your calendar\n\n"
        "`iv.to_calendar` (or `infoview calendar LOG --out follow-ups.ics`) writes the "
        "follow-ups due and the interviews ahead as all-day events. Importing a newer file "
        "updates the events (same UIDs) instead of adding them twice."
    ),
    code(
        """\
events = iv.calendar_events(prepared, as_of=AS_OF)
events[["day", "kind", "summary"]].assign(day=events["day"].dt.strftime("%Y-%m-%d"))"""
    ),
    code(
        """\
import tempfile
from pathlib import Path

path = iv.to_calendar(prepared, Path(tempfile.mkdtemp()) / "follow-ups.ics", as_of=AS_OF)
text = path.read_text(encoding="utf-8")
print(f"{text.count('BEGIN:VEVENT')} events in {path.name}; the first one:")
print(text[text.index("BEGIN:VEVENT"):text.index("END:VEVENT") + len("END:VEVENT")])"""
    ),
]

WHAT_I_LEARNED = [
    intro(
        "What I learned: the themes across my interview notes",
        "across the notes of my interviews, what did several people tell me, how many "
        "and from which organisations, what rests on only one or two voices, and what "
        "sets one field apart from another?",
        "08_what_i_learned.ipynb",
        "The guides warn: *beware of relying too heavily on the views or advice of only one "
        "or two people.* Themes are counted by the **distinct people** who said them (a "
        'person who wrote "portfolio" three times is one voice), in the notes of '
        "interviews only. Names of people and organisations are never a theme. Themes need "
        'scikit-learn: `pip install "infoview-analytics[notes]"`.',
    ),
    params(),
    code(SETUP),
    code(LOAD),
    md(
        "## The themes per field\n\n"
        "Words and phrases at least two people of a field raised. `people` of `of_people` "
        "(the field's interviews with notes) said each; `support` flags a theme resting on "
        "one or two people (`few_voices`) and one heard from three or more organisations "
        "(`well_supported`)."
    ),
    code(
        """\
themes = iv.themes(prepared, as_of=AS_OF)
columns = ["field", "theme", "people", "of_people", "n_organization", "seniorities", "support"]
top = themes.groupby("field").head(4)[columns]
top.style.hide(axis="index").set_uuid("themes")"""
    ),
    code(
        """\
fig, ax = plt.subplots(figsize=(9, 9))
charts.plot_themes(themes, top=4, as_of=AS_OF, ax=ax)
plt.show()"""
    ),
    md(
        "## Where each theme comes from\n\n"
        "Every theme has an example: the sentence of the first interview that says it, "
        "with its row in your spreadsheet, so you can go back to the whole note."
    ),
    code(
        """\
for row in themes.groupby("field").head(1).itertuples():
    print(f"{row.field}: {row.theme!r} ({row.people} people: {row.organizations})")
    print(f"    row {row.source_row}: {row.example}")"""
    ),
    md(
        "## Resting on one or two voices\n\n"
        "Themes only one or two people raised: ask your next interviews about them before "
        "relying on them."
    ),
    code(
        """\
few = themes[themes["support"] == "few_voices"]
for field, rows in few.groupby("field"):
    print(f"{field}: " + ", ".join(rows["theme"].head(6)))"""
    ),
    md(
        "## What sets the fields apart\n\n"
        "`compare_themes` weighs each theme in a field against all the other fields "
        "(log-odds with an informative prior, on the people who said it): a career changer "
        "choosing between two fields sees what each stresses. `share` is the field's people "
        "who said it, `other_share` the other fields' people; `z` above about 2 is unlikely "
        "to be chance, and with a handful of interviews per field few themes get there."
    ),
    code(
        """\
contrast = iv.compare_themes(prepared, top=3, as_of=AS_OF)
shown = ["field", "theme", "people", "of_people", "share", "other_share", "z"]
(contrast[shown].style.format({"share": "{:.0%}", "other_share": "{:.0%}", "z": "{:.2f}"})
    .hide(axis="index").set_uuid("contrast"))"""
    ),
    md(
        "## Search the notes\n\n"
        "Every word must be there (case and accents ignored; a word also finds longer words "
        "it starts); put a phrase in quotes. The same from the command line: "
        '`infoview notes my_log.xlsx "case study"`.'
    ),
    code(
        """\
hits = iv.search_notes(prepared, "portfolio", limit=5)
hits[["contact", "field", "date", "snippet", "source_row"]].style.format(
    {"date": "{:%Y-%m-%d}", "score": "{:.2f}"}).hide(axis="index").set_uuid("search")"""
    ),
    code(
        """\
for row in iv.search_notes(prepared, '"adult learners"').itertuples():
    print(f"row {row.source_row} · {row.contact} ({row.organization}): {row.snippet}")"""
    ),
]

#: notebook file name -> its cells, in the order of the issue.
NOTEBOOK_CELLS: dict[str, list[tuple[str, str]]] = {
    "01_load_and_check.ipynb": LOAD_AND_CHECK,
    "02_response_rates.ipynb": RESPONSE_RATES,
    "03_referral_chains.ipynb": REFERRAL_CHAINS,
    "04_coverage.ipynb": COVERAGE,
    "05_advisor_report.ipynb": ADVISOR_REPORT,
    "06_cohort.ipynb": COHORT,
    "07_plan.ipynb": PLAN,
    "08_what_i_learned.ipynb": WHAT_I_LEARNED,
}


def build(name: str) -> nbformat.NotebookNode:
    """The notebook ``name`` with its cells, not yet executed."""
    stem = name.removesuffix(".ipynb").replace("_", "-")
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, (kind, text) in enumerate(NOTEBOOK_CELLS[name]):
        if kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(text)
        else:
            cell = nbformat.v4.new_code_cell(text)
            if kind == "parameters":
                cell.metadata["tags"] = ["parameters"]
        cell.id = f"{stem}-{i:02d}"  # stable ids: no diff noise on regeneration
        nb.cells.append(cell)
    return nb


def execute(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Run ``nb`` top to bottom in notebooks/ and drop volatile metadata."""
    client = NotebookClient(
        nb,
        timeout=TIMEOUT,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    nb.metadata["language_info"] = {"name": "python"}  # no interpreter version
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebooks to build (default: all)")
    args = parser.parse_args(argv)
    names = [n if n.endswith(".ipynb") else f"{n}.ipynb" for n in args.names]
    unknown = sorted(set(names) - set(NOTEBOOK_CELLS))
    if unknown:
        print(f"Unknown notebooks {unknown}; choose from {list(NOTEBOOK_CELLS)}.")
        return 2
    total = 0.0
    for name in names or NOTEBOOK_CELLS:
        start = time.perf_counter()
        nb = execute(build(name))
        seconds = time.perf_counter() - start
        total += seconds
        nbformat.validate(nb)
        nbformat.write(nb, NOTEBOOKS / name)
        print(f"{name}: {seconds:.1f} s")
    print(f"total: {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

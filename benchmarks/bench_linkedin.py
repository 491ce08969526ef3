"""Benchmark: import a large synthetic LinkedIn export.

Writes an export with 30,000 connections, ~5,000 invitations and 100,000
messages (fictional, generated) into ``benchmarks/_data/`` (git-ignored) as a
.zip, then times :func:`read_linkedin` against the floor of reading the three
CSVs with plain ``pandas.read_csv``.

Run: ``python benchmarks/bench_linkedin.py``
"""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from infoview_analytics.io.linkedin.reader import read_linkedin

DATA = Path(__file__).resolve().parent / "_data"
N_CONNECTIONS = 30_000
N_INVITATIONS = 5_000
N_MESSAGES = 100_000
ME = "https://www.linkedin.com/in/export-owner"


def _csv(frame: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False)
    return buf.getvalue().encode("utf-8")


def make_export(path: Path, seed: int = 7) -> Path:
    rng = np.random.default_rng(seed)
    n = N_CONNECTIONS + N_INVITATIONS  # people: connections, plus invitees never connected
    ids = np.arange(n)
    first = np.array([f"First{i}" for i in ids])
    last = np.array([f"Last{i}" for i in ids])
    urls = np.array([f"https://www.linkedin.com/in/person-{i}" for i in ids])
    connected = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 3000, n), unit="D")
    companies = np.array(["Acme, Inc.", "Globex", "Initech", "Umbrella, Ltd", "Hooli"])
    conn = pd.DataFrame(
        {
            "First Name": first[:N_CONNECTIONS],
            "Last Name": last[:N_CONNECTIONS],
            "URL": urls[:N_CONNECTIONS],
            "Email Address": "",
            "Company": companies[rng.integers(0, 5, N_CONNECTIONS)],
            "Position": "Analyst",
            "Connected On": connected[:N_CONNECTIONS].strftime("%d %b %Y"),
        }
    )
    notes = (
        b'Notes:\n"When exporting your connection data, you may notice that some of the '
        b'fields are empty."\n\n'
    )
    who = rng.choice(n, N_INVITATIONS, replace=False)
    sent = connected[who] - pd.to_timedelta(rng.integers(0, 10, N_INVITATIONS), unit="D")
    inv = pd.DataFrame(
        {
            "From": "Export Owner",
            "To": [f"{a} {b}" for a, b in zip(first[who], last[who], strict=True)],
            "Sent At": sent.strftime("%-m/%-d/%y, %-I:%M %p"),
            "Message": "Hi, could we talk for 20 minutes?",
            "Direction": np.where(rng.random(N_INVITATIONS) < 0.8, "OUTGOING", "INCOMING"),
            "inviterProfileUrl": ME,
            "inviteeProfileUrl": urls[who],
        }
    )
    # Conversations of ~4 messages, alternating, each with one person.
    n_conv = N_MESSAGES // 4
    partner = rng.integers(0, N_CONNECTIONS, n_conv)
    conv = np.repeat(np.arange(n_conv), 4)
    p = partner[conv]
    starts = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 800, n_conv), unit="D")
    when = starts[conv] + pd.to_timedelta(np.tile(np.arange(4), n_conv) * 26, unit="h")
    owner_first = (rng.random(n_conv) < 0.5)[conv]
    mine = owner_first == (np.tile(np.arange(4), n_conv) % 2 == 0)
    names = np.char.add(np.char.add(first[p], " "), last[p])
    msgs = pd.DataFrame(
        {
            "CONVERSATION ID": np.char.add("2-conv", conv.astype(str)),
            "CONVERSATION TITLE": "",
            "FROM": np.where(mine, "Export Owner", names),
            "SENDER PROFILE URL": np.where(mine, ME, urls[p]),
            "TO": np.where(mine, names, "Export Owner"),
            "RECIPIENT PROFILE URLS": np.where(mine, urls[p], ME),
            "DATE": when.strftime("%Y-%m-%d %H:%M:%S UTC"),
            "SUBJECT": "",
            "CONTENT": "Thanks, that works for me, see you then.\nBest",
            "FOLDER": np.where(rng.random(len(conv)) < 0.01, "SPONSORED", "INBOX"),
            "ATTACHMENTS": "",
            "IS MESSAGE DRAFT": "No",
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", notes + _csv(conn))
        zf.writestr("Invitations.csv", _csv(inv))
        zf.writestr("messages.csv", _csv(msgs))
    return path


def floor(path: Path) -> None:
    """Plain pandas: read the three CSVs from the zip, nothing else."""
    with zipfile.ZipFile(path) as zf:
        pd.read_csv(io.BytesIO(zf.read("Connections.csv")), skiprows=3, dtype=str)
        pd.read_csv(io.BytesIO(zf.read("Invitations.csv")), dtype=str)
        pd.read_csv(io.BytesIO(zf.read("messages.csv")), dtype=str)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    path = DATA / "linkedin_export_30k.zip"
    if not path.exists():
        make_export(path)
    result = read_linkedin(path, as_of="2026-12-31")
    c = result.counts
    print(
        f"export: {c['connections']} connections, {c['invitations_outgoing']} + "
        f"{c['invitations_incoming']} invitations, {c['messages']} messages "
        f"({path.stat().st_size / 1e6:.1f} MB zip)"
    )
    print(
        f"log: {c['people']} people, {c['asked']} asked, {c['answered']} answered, "
        f"{c['ignored_conversations']} conversations ignored"
    )
    t_floor = best_of(lambda: floor(path))
    t_import = best_of(lambda: read_linkedin(path, as_of="2026-12-31"))
    print(f"pandas floor (read 3 CSVs): {t_floor:.2f} s")
    print(f"read_linkedin:              {t_import:.2f} s ({t_import / t_floor:.1f}x the floor)")


if __name__ == "__main__":
    main()

"""Benchmark of ``themes`` against a plain ``CountVectorizer.fit_transform`` on the same notes.

The log: ``generate.make_cohort_log(100_000)`` (a cohort of about 2,000
students), read back as ``load_log`` returns it, every interview given a note of
three to five sentences drawn from a bank of phrases (fixed seed), the other
rows none. Timed, best of ``--repeat``, each in this process after a warm-up:

* ``plain``: ``CountVectorizer(ngram_range=(1, 3), stop_words="english")
  .fit_transform`` on the interviews' notes (one document per interview), the
  library's own work with the same n-gram range and stop words;
* ``plain unigrams``: ``CountVectorizer().fit_transform`` on them, for scale;
* ``themes``: ``iv.themes(log, as_of=...)`` on the prepared log (preparing
  counts in the time): sentences, the name key, the phrase breaks, the
  vectorizer, people-level counts per field, names hidden, examples.

Target: ``themes`` under 2x ``plain``. Run
``python benchmarks/bench_themes.py [--rows 100000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import infoview_analytics as iv
from benchmarks.generate import make_cohort_log

AS_OF = "2026-04-17"
TARGET = 2.0

_PHRASES = [
    "SQL first, then one BI tool",
    "Build a portfolio with two case studies",
    "Stakeholders want one number, not ten charts",
    "Do a capstone project with real data",
    "Adult learners want it short",
    "Mixed methods and synthesis matter most",
    "Usability testing every sprint",
    "Writing samples count for policy roles",
    "Learn Stata or R for entry roles",
    "The roadmap is a negotiation with sales",
    "Subject matter experts write too much",
    "Classroom experience is an asset in interviews",
    "Freelancing is feast or famine",
    "Talk to customers every week",
    "Measure impact with completion data",
    "Hiring is slow this quarter because of the budget",
    "Certificates matter less than shipping something real",
    "She suggested two people at her old company",
    "Remote teams need written communication",
    "Accessibility work is growing in healthcare",
]
_WORDS = [
    "data",
    "research",
    "design",
    "policy",
    "product",
    "climate",
    "health",
    "finance",
    "teams",
    "clients",
    "budget",
    "mentors",
    "hiring",
    "interviews",
    "skills",
    "python",
    "excel",
    "dashboards",
    "surveys",
    "grants",
    "metrics",
    "onboarding",
    "training",
    "regulation",
    "pricing",
    "roadmap",
    "analytics",
    "storytelling",
    "networking",
]


def notes_for(n: int, seed: int = 0) -> np.ndarray:
    """Notes of 3-5 sentences: bank phrases, each with one varied word, for ``n`` rows."""
    rng = np.random.default_rng(seed)
    phrases = np.asarray(_PHRASES, dtype=object)
    words = np.asarray(_WORDS, dtype=object)
    counts = rng.integers(3, 6, size=n)
    picks = rng.integers(0, len(phrases), size=int(counts.sum()))
    extra = rng.integers(0, len(words), size=len(picks))
    sentences = [f"{p} ({w})." for p, w in zip(phrases[picks], words[extra], strict=True)]
    ends = np.cumsum(counts)
    return np.asarray(
        [" ".join(sentences[e - c : e]) for c, e in zip(counts, ends, strict=True)], dtype=object
    )


def build(rows: int, folder: Path) -> pd.DataFrame:
    raw = make_cohort_log(rows)
    path = folder / f"themes_{rows}.csv"
    raw.to_csv(path, index=False)
    log = iv.read_log(path, as_of=AS_OF).log
    interviewed = iv.prepare(log, as_of=AS_OF).outcomes["interviewed"].to_numpy()
    notes = pd.Series([None] * len(log), dtype=object)
    notes[interviewed] = notes_for(int(interviewed.sum()))
    return log.assign(notes=notes, next_step=None)


def _best(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    from sklearn.feature_extraction.text import CountVectorizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        log = build(args.rows, Path(tmp))
    docs = log["notes"].dropna().tolist()
    n_words = sum(len(d.split()) for d in docs)
    print(f"{len(log):,} rows, {len(docs):,} interviews with notes, {n_words:,} words")

    def plain() -> None:
        CountVectorizer(ngram_range=(1, 3), stop_words="english").fit_transform(docs)

    def unigrams() -> None:
        CountVectorizer().fit_transform(docs)

    def ours() -> None:
        iv.themes(log, as_of=AS_OF)

    ours()  # warm-up: imports, the name key's tables
    t_plain = _best(plain, args.repeat)
    t_uni = _best(unigrams, args.repeat)
    t_ours = _best(ours, args.repeat)
    ratio = t_ours / t_plain
    print(f"plain CountVectorizer (1-3 grams, English stop words): {t_plain:6.2f} s")
    print(f"plain CountVectorizer (unigrams, defaults):            {t_uni:6.2f} s")
    print(f"themes(log):                                           {t_ours:6.2f} s")
    verdict = "met" if ratio < TARGET else "MISSED"
    print(f"ratio themes / plain: {ratio:.2f}x (target < {TARGET:.0f}x: {verdict})")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())

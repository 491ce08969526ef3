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


def notes_for(
    n: int, seed: int = 0, *, bank: list[str] = _PHRASES, words: list[str] = _WORDS
) -> np.ndarray:
    """Notes of 3-5 sentences: ``bank`` phrases, each with one varied word, for ``n`` rows."""
    rng = np.random.default_rng(seed)
    phrases = np.asarray(bank, dtype=object)
    varied = np.asarray(words, dtype=object)
    counts = rng.integers(3, 6, size=n)
    picks = rng.integers(0, len(phrases), size=int(counts.sum()))
    extra = rng.integers(0, len(varied), size=len(picks))
    sentences = [f"{p} ({w})." for p, w in zip(phrases[picks], varied[extra], strict=True)]
    ends = np.cumsum(counts)
    return np.asarray(
        [" ".join(sentences[e - c : e]) for c, e in zip(counts, ends, strict=True)], dtype=object
    )


#: Remarks in French, German and Spanish (accents: the name key's Unicode path).
_FOREIGN = [
    "Le réseau compte plus que le diplôme",
    "Apprendre SQL avant un outil de visualisation",
    "Les entretiens techniques durent deux heures",
    "Elle a proposé deux personnes de son ancienne équipe",
    "Le télétravail demande une communication écrite",
    "Un portfolio avec deux études de cas",
    "Praktische Erfahrung zählt mehr als Zertifikate",
    "Die Einstellung ist dieses Quartal langsam",
    "Größere Teams brauchen klare Prozesse",
    "Barrierefreiheit wächst im Gesundheitswesen",
    "Übung mit echten Daten ist wichtig",
    "Kunden wollen schnelle Ergebnisse sehen",
    "La experiencia práctica importa más que el título",
    "Aprender Python y estadística básica",
    "El equipo valora la comunicación clara",
    "Hacer prácticas en una organización pública",
    "Los clientes quieren una sola cifra",
    "La contratación está lenta este trimestre",
]
#: The note shapes of ``--notes`` (see :func:`build`).
NOTES = ("bank", "multilingual", "short", "varied", "wide_text")


def foreign_notes_for(n: int, seed: int = 0) -> np.ndarray:
    """Notes of 3-5 sentences in French, German and Spanish, one varied word each."""
    words = ["données", "équipe", "Qualität", "größe", "niño", "año", *_WORDS]
    return notes_for(n, seed, bank=_FOREIGN, words=words)


def short_notes_for(n: int, seed: int = 0) -> np.ndarray:
    """One short remark per note: the first two to four words of a bank phrase, one varied word."""
    rng = np.random.default_rng(seed)
    cut = [p.split() for p in _PHRASES]
    sizes = rng.integers(2, 5, size=n)
    picks = rng.integers(0, len(cut), size=n)
    extra = rng.integers(0, len(_WORDS), size=n)
    return np.asarray(
        [
            " ".join(cut[p][:s]) + f" {_WORDS[w]}"
            for p, s, w in zip(picks.tolist(), sizes.tolist(), extra.tolist(), strict=True)
        ],
        dtype=object,
    )


def varied_notes_for(n: int, seed: int = 0) -> np.ndarray:
    """Notes that seldom repeat a phrase: 3-5 sentences of 6-18 words, as prose mixes them.

    The words: two in five English stop words, the rest drawn by Zipf's law
    from 20,000 made-up words (two to four syllables), so most stretches
    between two stop words occur once (the worst case for reading each
    distinct stretch once).
    """
    rng = np.random.default_rng(seed)
    syllables = np.asarray([c + v for c in "bdfgklmnprstvz" for v in "aeiou"], dtype=object)
    size = rng.integers(2, 5, size=20_000)
    parts = rng.integers(0, len(syllables), size=(20_000, 4))
    vocab = np.asarray(
        sorted({"".join(syllables[parts[i, : size[i]]]) for i in range(20_000)}), dtype=object
    )
    rng.shuffle(vocab)
    zipf = 1 / np.arange(1, len(vocab) + 1)
    stops = np.asarray(["the", "a", "and", "to", "of", "in", "with", "for", "is", "on"])
    counts = rng.integers(3, 6, size=n)
    lengths = rng.integers(6, 19, size=int(counts.sum()))
    total = int(lengths.sum())
    words = vocab[rng.choice(len(vocab), size=total, p=zipf / zipf.sum())]
    is_stop = rng.random(total) < 0.4
    words[is_stop] = stops[rng.integers(0, len(stops), int(is_stop.sum()))]
    comma = rng.random(total) < 0.08
    words[comma] = words[comma] + ","
    ends = np.cumsum(lengths)
    sentences = [
        " ".join(words[e - k : e]).rstrip(",").capitalize() + "."
        for k, e in zip(lengths.tolist(), ends.tolist(), strict=True)
    ]
    cuts = np.cumsum(counts)
    return np.asarray(
        [" ".join(sentences[e - c : e]) for c, e in zip(counts, cuts, strict=True)], dtype=object
    )


def build(rows: int, folder: Path, notes: str = "bank") -> pd.DataFrame:
    """The log, as ``load_log`` returns it, with notes of the ``notes`` shape.

    ``bank`` (the target's log): 3-5 sentences of the phrase bank in every
    interview, no other note; ``multilingual``: the same in French, German and
    Spanish; ``short``: one remark of 3-5 words per interview; ``wide_text``:
    the ``wide_text`` cohort shape as generated (notes, next steps and an
    ``advice`` column of 40-400 characters on most rows); ``varied``: prose
    that seldom repeats a phrase (:func:`varied_notes_for`).
    """
    raw = make_cohort_log(rows, shape="wide_text" if notes == "wide_text" else "cohort")
    path = folder / f"themes_{rows}.csv"
    raw.to_csv(path, index=False)
    log = iv.read_log(path, as_of=AS_OF).log
    if notes == "wide_text":
        return log
    interviewed = iv.prepare(log, as_of=AS_OF).outcomes["interviewed"].to_numpy()
    make = {
        "bank": notes_for,
        "multilingual": foreign_notes_for,
        "short": short_notes_for,
        "varied": varied_notes_for,
    }
    filled = pd.Series([None] * len(log), dtype=object)
    filled[interviewed] = make[notes](int(interviewed.sum()))
    return log.assign(notes=filled, next_step=None)


def documents(log: pd.DataFrame) -> list[str]:
    """The note cells ``themes`` reads (its columns, the interviews' rows), one document each."""
    from infoview_analytics.analysis.notes import cells, note_columns

    prepared = iv.prepare(log, as_of=AS_OF)
    interviewed = prepared.outcomes["interviewed"].to_numpy(dtype=bool)
    frame = prepared.frame
    return cells(frame, note_columns(frame), interviewed).text.tolist()


def _timed(func) -> tuple[float, float]:
    """Wall-clock and CPU time (``time.process_time``, every thread) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    from sklearn.feature_extraction.text import CountVectorizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--notes", choices=NOTES, default="bank")
    args = parser.parse_args(argv)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        log = build(args.rows, Path(tmp), args.notes)
    docs = documents(log)
    n_words = sum(len(d.split()) for d in docs)
    print(
        f"{len(log):,} rows, {len(docs):,} note cells of interviews ({args.notes}), "
        f"{n_words:,} words"
    )

    def plain() -> None:
        CountVectorizer(ngram_range=(1, 3), stop_words="english").fit_transform(docs)

    def unigrams() -> None:
        CountVectorizer().fit_transform(docs)

    def ours() -> None:
        iv.themes(log, as_of=AS_OF)

    ours()  # warm-up: imports, the name key's tables
    plain()
    times: dict[str, list[tuple[float, float]]] = {"plain": [], "unigrams": [], "ours": []}
    for _ in range(args.repeat):  # in turn, so that a slow spell hits each alike
        times["plain"].append(_timed(plain))
        times["unigrams"].append(_timed(unigrams))
        times["ours"].append(_timed(ours))
    best = {k: (min(w for w, _ in v), min(c for _, c in v)) for k, v in times.items()}
    labels = {
        "plain": "plain CountVectorizer (1-3 grams, English stop words)",
        "unigrams": "plain CountVectorizer (unigrams, defaults)",
        "ours": "themes(log)",
    }
    print(f"best of {args.repeat}:{'wall':>26} {'CPU':>8}")
    for k, label in labels.items():
        print(f"{label:54s} {best[k][0]:6.2f} s {best[k][1]:6.2f} s")
    wall = best["ours"][0] / best["plain"][0]
    cpu = best["ours"][1] / best["plain"][1]
    met = wall < TARGET and cpu < TARGET
    print(
        f"ratio themes / plain: {wall:.2f}x wall, {cpu:.2f}x CPU "
        f"(target < {TARGET:.0f}x: {'met' if met else 'MISSED'})"
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())

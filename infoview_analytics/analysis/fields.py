"""Coverage of fields and perspectives: have you heard enough voices per field?

The rule of thumb: interview at least 3 to 5 professionals per field, with a
range of perspectives (role, organisation, seniority, type of organisation,
place). Fields are matched by the one name key (case, accents and spacing
ignored) and shown as first written; rows without a field form their own
"(no field)" group. Interviews are counted from the request outcomes
(:mod:`.outcomes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import numpy as np
import pandas as pd

from ..core.args import check_choice, check_positive_int
from ..core.docs import fill_doc
from ..core.names import name_key
from ..errors import InvalidArgumentError
from .docs import DOCS, columns_of
from .grouping import NO_FIELD, category_values, check_by, combine_codes, stripped, text_column
from .needs import with_gaps
from .prepared import PreparedLog, prepare
from .tables import TABLES

__all__ = ["NO_FIELD", "coverage", "perspective_matrix"]

PERSPECTIVES = ("organization", "role", "seniority", "org_type", "location")
NONE = "(none)"

#: How a seniority reads in "All interviews are with ... people".
_SENIORITY_WORDS = {
    "student": "students",
    "entry": "entry-level people",
    "mid": "mid-level people",
    "senior": "senior people",
    "executive": "executives",
}


def _field_arguments(log: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    if by is None or (not isinstance(by, str) and len(list(by)) == 0):
        msg = (
            "The value for `by` must name the field column, e.g. 'field' or "
            f"['owner', 'field'], but {by!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return check_by(log, by)


@fill_doc(DOCS, columns=columns_of("coverage"))
def coverage(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] = "field",
    minimum: int = 3,
    target: int = 5,
    as_of: object = None,
    fields: Iterable[str] | None = None,
    perspectives: Sequence[str] = PERSPECTIVES,
) -> pd.DataFrame:
    """Interviews per field against the 3-to-5 rule, and how varied the voices are.

    Parameters
    ----------
    %(log)s
    by : str or list of str, default "field"
        The field column, or a list ending with it: ``["owner", "field"]``
        gives one row per student and field in a cohort. The last column is
        the field: matched ignoring case and spacing, missing as "(no field)".
    minimum, target : int, default 3 and 5
        Interviews a field needs at least, and ideally.
    %(as_of)s
    fields : list of str, optional
        Fields you plan to explore; those without rows show with zeros (for
        every combination of the other ``by`` columns).
    perspectives : sequence of str
        Columns whose distinct values among the interviews are counted, each
        as ``n_<column>``.

    Returns
    -------
    pandas.DataFrame
        One row per field: %(columns)s. ``status`` is
        ``below_minimum``, ``minimum_met`` or ``target_met``; ``to_minimum``
        and ``to_target`` the interviews still needed; ``top_org_share`` the
        largest share of interviews from one organisation (NaN without
        interviews). ``note`` says in plain words when a field rests on too
        few voices ("" otherwise). Rows sorted by field, "(no field)" last.

    Raises
    ------
    InvalidArgumentError
        For an unknown column in ``by`` or ``perspectives``, ``minimum`` below
        1 or ``target`` below ``minimum``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "contact": ["Ana", "Ben", "Chloe", "Dev"],
    ...     "organization": ["Acme", "Acme", "Acme", "Hooli"],
    ...     "field": ["data", "Data", "data", "design"],
    ...     "status": ["interviewed", "interviewed", "interviewed", "scheduled"],
    ... })
    >>> cov = coverage(log, as_of="2026-04-17", fields=["policy"])
    >>> cov[["field", "interviewed", "scheduled", "status", "to_target"]]
        field  interviewed  scheduled         status  to_target
    0    data            3          0    minimum_met          2
    1  design            0          1  below_minimum          5
    2  policy            0          0  below_minimum          5
    >>> cov.loc[0, "note"]
    'All 3 interviews are from one organisation (Acme)'
    """
    prepared = prepare(log, as_of=as_of)
    keys_by = _field_arguments(prepared.frame, by)
    minimum = check_positive_int("minimum", minimum, minimum=1)
    target = check_positive_int("target", target, minimum=minimum)
    columns = [c for c in prepared.frame.columns if isinstance(c, str)]
    perspectives = [perspectives] if isinstance(perspectives, str) else list(perspectives)
    for p in perspectives:
        check_choice("perspectives", p, columns)
    gid, table = prepared.field_groups(keys_by, _planned(fields))
    out = prepared.outcomes
    counted = ["interviewed", "scheduled", "asked", "pending"]
    # Each table row's group id; planned fields without rows (``_gid`` -1) get the
    # extra slot at the end, which counts zeros.
    n_groups = int(gid.max(initial=-1)) + 1
    slot = table["_gid"].to_numpy()
    slot = np.where(slot >= 0, slot, n_groups)
    res = table[keys_by].copy()
    for col in counted:
        hit = out[col].to_numpy(dtype=bool)
        res[col] = np.bincount(gid[hit], minlength=n_groups + 1)[slot].astype(np.int64)
    k = res["interviewed"].to_numpy()
    res["status"] = text_column(
        np.array(["below_minimum", "minimum_met", "target_met"], dtype=object),
        np.select([k >= target, k >= minimum], [2, 1], 0),
    )
    res["to_minimum"] = np.maximum(minimum - k, 0)
    res["to_target"] = np.maximum(target - k, 0)
    # Perspectives are counted among the interviews only.
    inter = out["interviewed"].to_numpy()
    group = gid[inter]

    def per_group(values: pd.Series, fill: int | str = 0) -> np.ndarray:
        # values.reindex(table["_gid"]) as an array lookup: the index is group ids.
        full = np.full(n_groups + 1, fill, dtype=values.to_numpy().dtype)
        full[values.index.to_numpy(dtype=np.int64)] = values.to_numpy()
        return full[slot]

    for p in perspectives:
        codes = prepared.name_codes(p)[0][inter]
        distinct = pd.Series(codes[codes >= 0]).groupby(group[codes >= 0]).nunique()
        res[f"n_{p}"] = per_group(distinct).astype(np.int64)
    org = _top_value(group, prepared.name_codes("organization")[0][inter])
    org_count = per_group(org["n"])
    with np.errstate(divide="ignore", invalid="ignore"):
        res["top_org_share"] = np.where(k > 0, org_count / k, np.nan)
    org_rows = np.flatnonzero(inter)[org["first"].to_numpy()]
    org_name = pd.Series(
        stripped(prepared.frame["organization"].iloc[org_rows].to_numpy(dtype=object)),
        index=org.index,
    )
    sen_codes, sen_keys = prepared.name_codes("seniority")
    sen = _top_value(group, sen_codes[inter])
    sen_words = pd.Series(
        [_SENIORITY_WORDS.get(w, f"{w} people") for w in sen_keys[sen["code"].to_numpy()]],
        index=sen.index,
        dtype=object,
    )
    case, notes = _notes(
        k,
        minimum,
        org_all=org_count == k,
        org_name=per_group(org_name, ""),
        sen_all=per_group(sen["n"]) == k,
        sen_words=per_group(sen_words, ""),
    )
    notes = np.append(notes, "Rows without a field: fill in the field to count them")
    res["note"] = text_column(notes, np.where(table["_nofield"].to_numpy(), len(notes) - 1, case))
    return with_gaps(
        res[[*keys_by, *_columns(perspectives)]].reset_index(drop=True), prepared, "coverage"
    )


def _columns(perspectives: list[str]) -> list[str]:
    """The declared columns of ``coverage``, with one ``n_<column>`` per perspective."""
    declared = TABLES["coverage"].columns
    fixed = [c for c in declared if not c.startswith("n_")]
    at = fixed.index("top_org_share")
    return [*fixed[:at], *(f"n_{p}" for p in perspectives), *fixed[at:]]


def _top_value(group: np.ndarray, codes: np.ndarray) -> pd.DataFrame:
    """Per group: the most frequent non-missing code, its count, and its first row.

    Ties go to the code that appears first among the rows given (``first`` is a
    position in ``codes``).
    """
    d = pd.DataFrame({"g": group, "code": codes, "pos": np.arange(len(codes))})[codes >= 0]
    d["seen"] = d.groupby("code")["pos"].transform("min")
    pairs = d.groupby(["g", "code"], sort=False).agg(
        n=("pos", "size"), first=("pos", "min"), seen=("seen", "first")
    )
    best = pairs.reset_index().sort_values(["g", "n", "seen"], ascending=[True, False, True])
    return best.drop_duplicates("g").set_index("g")[["code", "n", "first"]]


def _planned(fields: Iterable[str] | None) -> list[str]:
    if fields is None:
        return []
    items = [fields] if isinstance(fields, str) else list(fields)
    for f in items:
        if not isinstance(f, str) or not f.strip():
            msg = (
                "The value for `fields` must be a list of field names such as "
                f"['data science', 'policy'], but {fields!r} was passed."
            )
            raise InvalidArgumentError(msg)
    return [" ".join(f.split()) for f in items]


def _notes(
    k: np.ndarray,
    minimum: int,
    *,
    org_all: np.ndarray,
    org_name: np.ndarray,
    sen_all: np.ndarray,
    sen_words: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Plain-language warnings when a field rests on too few voices, joined by '; '.

    A cohort has a hundred thousand groups but few distinct notes: each distinct
    (count, organisation, seniority) situation is written once. Returns the
    situation of each group and the note of each situation.
    """
    several = k >= 2
    org = np.where(several & org_all, org_name, None)  # type: ignore[call-overload]
    sen = np.where(several & sen_all, sen_words, None)  # type: ignore[call-overload]
    org_code, orgs = pd.factorize(org)
    sen_code, sens = pd.factorize(sen)
    # Counts at or above the minimum read the same unless a part names them.
    named = (org_code >= 0) | (sen_code >= 0)
    count = np.where((k < minimum) | named, k, -1)
    case = combine_codes([count + 1, org_code + 1, sen_code + 1], len(k))
    first = np.flatnonzero(~pd.Series(case).duplicated().to_numpy())
    texts = [
        _note(
            int(count[i]),
            minimum,
            None if org_code[i] < 0 else orgs[org_code[i]],
            None if sen_code[i] < 0 else sens[sen_code[i]],
        )
        for i in first.tolist()
    ]
    return case, np.asarray(texts, dtype=object)


def _note(k: int, minimum: int, org: str | None, sen: str | None) -> str:
    parts = []
    if 0 <= k < minimum:
        if k == 0:
            parts.append(f"No interviews yet: {minimum} needed to reach the minimum")
        else:
            noun = "interview" if k == 1 else "interviews"
            parts.append(f"Only {k} {noun}: below the minimum of {minimum}")
    every = "Both interviews" if k == 2 else f"All {k} interviews"
    if org is not None:
        parts.append(f"{every} are from one organisation ({org})")
    if sen is not None:
        parts.append(f"All interviews are with {sen}")
    return "; ".join(parts)


@fill_doc(DOCS, columns=columns_of("perspective_matrix"))
def perspective_matrix(
    log: pd.DataFrame | PreparedLog,
    *,
    by: str | Sequence[str] = "field",
    perspective: str = "seniority",
    as_of: object = None,
) -> pd.DataFrame:
    """Interview counts, field × perspective value, for a heatmap.

    Parameters
    ----------
    %(log)s
    by : str or list of str, default "field"
        The field column, or a list ending with it (as in :func:`coverage`).
    perspective : str, default "seniority"
        The column whose values become the columns of the table.
    %(as_of)s

    Returns
    -------
    pandas.DataFrame
        %(columns)s then one column per perspective value: the category's values
        in their documented order (all of them) for a category column, then
        other values as first written (sorted), then ``(none)`` when some
        interviews lack the value. Cells count interviews; one row per field
        that has rows in the log, sorted as in :func:`coverage`.
        ``table.attrs["perspective"]`` names the perspective.

    Raises
    ------
    InvalidArgumentError
        For an unknown column in ``by`` or ``perspective``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "field": ["data", "data", "design"],
    ...     "location": ["Oslo", "Lima", None],
    ...     "status": ["interviewed"] * 3,
    ... })
    >>> perspective_matrix(log, perspective="location", as_of="2026-04-17")
        field  Lima  Oslo  (none)
    0    data     1     1       0
    1  design     0     0       1
    """
    prepared = prepare(log, as_of=as_of)
    frame = prepared.frame
    keys_by = _field_arguments(frame, by)
    check_choice("perspective", perspective, [c for c in frame.columns if isinstance(c, str)])
    inter = prepared.outcomes["interviewed"].to_numpy()
    gid, table = prepared.field_groups(keys_by)
    codes, keys = prepared.name_codes(perspective)
    written = frame[perspective].to_numpy(dtype=object)
    # Column order: category values, then others as first written (by key), then (none).
    allowed = list(category_values(perspective))
    allowed_of_key = dict(zip(name_key(pd.Series(allowed, dtype=object)), allowed, strict=True))
    seen = inter & (codes >= 0)
    first_row = pd.Series(np.flatnonzero(seen)).groupby(codes[seen]).first()
    # cast: grouped by name code, each group's first row number (pandas-stubs: Hashable)
    label_of = {
        int(c): allowed_of_key.get(keys[c], str(written[row]).strip())
        for c, row in cast("Iterable[tuple[int, int]]", first_row.items())
    }
    others = sorted((c for c in label_of if keys[c] not in allowed_of_key), key=lambda c: keys[c])
    columns = allowed + [label_of[c] for c in others]
    cell = np.array([label_of.get(c, NONE) for c in range(len(keys))] + [NONE], dtype=object)
    counts = pd.crosstab(gid[inter], cell[codes[inter]])
    if NONE in counts.columns:
        columns.append(NONE)
    counts = counts.reindex(index=table["_gid"], columns=columns, fill_value=0)
    res = pd.concat(
        [
            table[keys_by].reset_index(drop=True),
            pd.DataFrame(counts.to_numpy(dtype=np.int64), columns=columns),
        ],
        axis=1,
    )
    res.attrs["perspective"] = perspective
    return with_gaps(res, prepared, "perspective_matrix")

"""Coverage of fields and perspectives: have you heard enough voices per field?

The rule of thumb: interview at least 3 to 5 professionals per field, with a
range of perspectives (role, organisation, seniority, type of organisation,
place). Fields are matched ignoring case and runs of whitespace and shown as
first written; rows without a field form their own "(no field)" group.
Interviews are counted from the request outcomes (``_common.outcomes``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..core.args import as_of_timestamp, check_choice, check_positive_int
from ..core.frame import canonical
from ..core.memo import remembered
from ..core.names import first_appearances, name_codes, sorted_unique
from ..errors import InvalidArgumentError
from .grouping import category_values, check_by, group_codes, with_groups
from .outcomes import outcomes

__all__ = ["coverage", "perspective_matrix"]

PERSPECTIVES = ("organization", "role", "seniority", "org_type", "location")
NO_FIELD = "(no field)"
NONE = "(none)"

#: How a seniority reads in "All interviews are with ... people".
_SENIORITY_WORDS = {
    "student": "students",
    "entry": "entry-level people",
    "mid": "mid-level people",
    "senior": "senior people",
    "executive": "executives",
}


def _groups(
    log: pd.DataFrame, keys_by: list[str], planned: Sequence[str] = ()
) -> tuple[np.ndarray, pd.DataFrame]:
    """Group id of every row and the group table (by columns, sorted, "(no field)" last).

    Remembered (:mod:`._memo`): coverage, the perspective matrix and the cohort
    summary group a cohort by the same owner and field columns.
    """
    gid, table = remembered(
        "field_groups",
        [log[c] for c in keys_by],
        lambda: _build_groups(log, keys_by, planned),
        params=(tuple(keys_by), tuple(planned)),
    )
    return gid, table.copy()


def _build_groups(
    log: pd.DataFrame, keys_by: list[str], planned: Sequence[str]
) -> tuple[np.ndarray, pd.DataFrame]:
    """The groups of :func:`_groups`, computed.

    The last ``by`` column is the field-like one: matched by name key, shown as
    first written, missing as "(no field)". ``planned`` field names are added
    (with no rows) for every combination of the other ``by`` columns.
    """
    other, field_col = keys_by[:-1], keys_by[-1]
    coded = {c: group_codes(log[c]) for c in other}
    fcode, ftext = name_codes(log[field_col])
    written = log[field_col].astype(object).to_numpy()
    # Codes are numbered in order of first appearance: firsts are where a code is new.
    have = np.flatnonzero(fcode >= 0)
    first_of_key = have[first_appearances(fcode[have])]
    # Each key shown as first written (key k first appears at first_of_key[k]); then "(no field)".
    shown_of = np.full(len(ftext) + 1, NO_FIELD, dtype=object)
    shown_of[:-1] = _stripped(written[first_of_key])
    parts = [coded[c][0] for c in other] + [fcode + 1]
    gid = np.zeros(len(log), dtype=np.int64)
    for codes in parts:
        # Re-factorise at each step so the combined code never overflows.
        gid = pd.factorize(gid * (int(codes.max(initial=0)) + 1) + codes)[0]
    firsts = first_appearances(gid)
    table = pd.DataFrame(
        {
            c: pd.Series(labels[codes[firsts]], dtype=object)
            for c, (codes, labels) in coded.items()
        },
        index=pd.RangeIndex(len(firsts)),
    )
    fkey = fcode[firsts]
    table[field_col] = shown_of[np.where(fkey >= 0, fkey, len(ftext))]
    table["_key"] = np.where(fkey >= 0, ftext[np.maximum(fkey, 0)] if len(ftext) else "", "")
    table["_gid"] = np.arange(len(table))
    if planned:
        wanted = pd.DataFrame({field_col: list(planned)})
        wanted["_key"] = wanted[field_col].str.casefold().str.split().str.join(" ")
        combos = table[other].drop_duplicates() if other else pd.DataFrame(index=[0])
        extra = combos.merge(wanted.drop_duplicates("_key"), how="cross")
        extra = extra.merge(
            table[[*other, "_key"]], on=[*other, "_key"], how="left", indicator=True
        )
        extra = extra[extra["_merge"] == "left_only"].drop(columns="_merge")
        extra["_gid"] = -1
        table = pd.concat([table, extra[table.columns]], ignore_index=True)
    table["_nofield"] = table[field_col] == NO_FIELD
    table = table.sort_values([*other, "_nofield", "_key"], kind="stable")
    return gid, table.reset_index(drop=True)


def _field_arguments(log: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    if by is None or (not isinstance(by, str) and len(list(by)) == 0):
        msg = (
            "The value for `by` must name the field column, e.g. 'field' or "
            f"['owner', 'field'], but {by!r} was passed."
        )
        raise InvalidArgumentError(msg)
    return check_by(log, by)


def _count(gid: np.ndarray, weights: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(gid, weights=weights.astype(np.int64), minlength=size).astype(np.int64)


def _distinct(gid: np.ndarray, codes: np.ndarray, size: int) -> np.ndarray:
    """Distinct non-missing codes per group."""
    keep = codes >= 0
    width = int(codes.max(initial=0)) + 1
    pairs = gid[keep] * width + codes[keep]
    if _dense_ok(size, width, len(pairs)):
        seen = np.zeros(size * width, dtype=bool)
        seen[pairs] = True
        return seen.reshape(size, width).sum(axis=1)
    return np.bincount(sorted_unique(pairs) // width, minlength=size)


def _dense_ok(size: int, width: int, rows: int) -> bool:
    """Whether a (group × value) table is small enough to count in directly."""
    return size * width <= max(8 * rows, 1 << 22)


def coverage(
    log: pd.DataFrame,
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
    log : pandas.DataFrame
        The canonical log; not modified.
    by : str or list of str, default "field"
        The field column, or a list ending with it: ``["owner", "field"]``
        gives one row per student and field in a cohort. The last column is
        the field: matched ignoring case and spacing, missing as "(no field)".
    minimum, target : int, default 3 and 5
        Interviews a field needs at least, and ideally.
    as_of : date-like, optional
        Date interviews and pending requests are counted for (default: today).
    fields : list of str, optional
        Fields you plan to explore; those without rows show with zeros (for
        every combination of the other ``by`` columns).
    perspectives : sequence of str
        Columns whose distinct values among the interviews are counted, each
        as ``n_<column>``.

    Returns
    -------
    pandas.DataFrame
        One row per field: ``[by], interviewed, scheduled, asked, pending,
        status, to_minimum, to_target, n_organization, n_role, n_seniority,
        n_org_type, n_location, top_org_share, note``. ``status`` is
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
    log = canonical(log)
    keys_by = _field_arguments(log, by)
    minimum = check_positive_int("minimum", minimum, minimum=1)
    target = check_positive_int("target", target, minimum=minimum)
    columns = [c for c in log.columns if isinstance(c, str)]
    perspectives = [perspectives] if isinstance(perspectives, str) else list(perspectives)
    for p in perspectives:
        check_choice("perspectives", p, columns)
    planned = _planned(fields)
    log = with_groups(log, keys_by)
    out = outcomes(log, as_of=as_of_timestamp(as_of))
    gid, table = _groups(log, keys_by, planned)
    size = int(gid.max(initial=-1)) + 1
    inter = out["interviewed"].to_numpy()
    row = table["_gid"].to_numpy()
    present = row >= 0

    def per_group(values: np.ndarray) -> np.ndarray:
        full = np.zeros(len(table), dtype=np.int64)
        full[present] = values[row[present]]
        return full

    k = per_group(_count(gid, inter, size))
    res = table[keys_by].copy()
    res["interviewed"] = k
    res["scheduled"] = per_group(_count(gid, out["scheduled"].to_numpy(), size))
    res["asked"] = per_group(_count(gid, out["asked"].to_numpy(), size))
    res["pending"] = per_group(_count(gid, out["pending"].to_numpy(), size))
    res["status"] = np.select(
        [k >= target, k >= minimum], ["target_met", "minimum_met"], "below_minimum"
    ).astype(object)
    res["to_minimum"] = np.maximum(minimum - k, 0)
    res["to_target"] = np.maximum(target - k, 0)
    ig = gid[inter]
    # Perspectives are counted among the interviews only.
    done = log.loc[inter, list(dict.fromkeys([*perspectives, "organization", "seniority"]))]
    for p in perspectives:
        codes = name_codes(done[p])[0]
        res[f"n_{p}"] = per_group(_distinct(ig, codes, size))
    org_codes = name_codes(done["organization"])[0]
    top_count, top_org = _top_value(ig, org_codes, done["organization"].to_numpy(), size)
    with np.errstate(divide="ignore", invalid="ignore"):
        res["top_org_share"] = np.where(k > 0, per_group(top_count) / k, np.nan)
    sen_codes, sen_keys = name_codes(done["seniority"])
    words = _seniority_words(sen_codes, sen_keys)
    sen_count, sen_value = _top_value(ig, sen_codes, words, size)
    res["note"] = np.where(
        table["_nofield"].to_numpy(),
        "Rows without a field: fill in the field to count them",
        _notes(
            k,
            minimum,
            org_all=per_group(top_count) == k,
            org_name=_spread(top_org, row, present),
            sen_all=per_group(sen_count) == k,
            sen_words=_spread(sen_value, row, present),
        ),
    )
    return res.reset_index(drop=True)


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


def _seniority_words(codes: np.ndarray, keys: np.ndarray) -> np.ndarray:
    words = np.array([_SENIORITY_WORDS.get(k, f"{k} people") for k in keys] + [""], dtype=object)
    return words[codes]


def _top_value(
    gid: np.ndarray, codes: np.ndarray, written: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Count of the most frequent non-missing code per group, and its first-written value.

    Ties go to the code seen first in the log.
    """
    keep = codes >= 0
    top_count = np.zeros(size, dtype=np.int64)
    top_name = np.full(size, "", dtype=object)
    if not keep.any():
        return top_count, top_name
    g, c, w = gid[keep], codes[keep], written[keep]
    width = int(c.max()) + 1
    if _dense_ok(size, width, len(g)):
        pairs = g * width + c
        table = np.bincount(pairs, minlength=size * width).reshape(size, width)
        best = table.argmax(axis=1)  # the first (smallest) code among the most frequent
        top_count = table[np.arange(size), best]
        first = np.full(size * width, -1, dtype=np.int64)
        first[pairs[::-1]] = np.arange(len(pairs))[::-1]  # first row of each pair wins
        at = first[np.arange(size) * width + best]
        has = top_count > 0
        top_name[has] = _stripped(w[at[has]])
        return top_count, top_name
    # Sparse: count the (group, code) pairs that occur, by sorting them.
    pairs, first, n = np.unique(g * width + c, return_index=True, return_counts=True)
    pg, pc = pairs // width, pairs % width
    order = np.lexsort((pc, -n, pg))  # per group: most frequent, then the first-seen code
    lead = order[np.r_[True, pg[order][1:] != pg[order][:-1]]]
    top_count[pg[lead]] = n[lead]
    top_name[pg[lead]] = _stripped(w[first[lead]])
    return top_count, top_name


def _stripped(values: np.ndarray) -> np.ndarray:
    """The values as text without surrounding spaces, each distinct value stripped once.

    A cohort has many groups but few organisations and fields.
    """
    codes, distinct = pd.factorize(values)
    return np.asarray([str(v).strip() for v in distinct], dtype=object)[codes]


def _spread(values: np.ndarray, row: np.ndarray, present: np.ndarray) -> np.ndarray:
    out = np.full(len(row), "", dtype=object)
    out[present] = values[row[present]]
    return out


def _notes(
    k: np.ndarray,
    minimum: int,
    *,
    org_all: np.ndarray,
    org_name: np.ndarray,
    sen_all: np.ndarray,
    sen_words: np.ndarray,
) -> np.ndarray:
    """Plain-language warnings when a field rests on too few voices, joined by '; '.

    A cohort has a hundred thousand groups but few distinct notes: each distinct
    (count, organisation, seniority) situation is written once.
    """
    several = k >= 2
    org_part = np.where(several & org_all, org_name, None)
    sen_part = np.where(several & sen_all, sen_words, None)
    # Counts at or above the minimum read the same unless a part names them.
    shown_k = np.where((k < minimum) | (org_part != None) | (sen_part != None), k, -1)  # noqa: E711
    org_code, orgs = pd.factorize(org_part)  # None -> -1
    sen_code, sens = pd.factorize(sen_part)
    # One integer per situation (all parts are small non-negative numbers once shifted).
    case = ((shown_k + 1) * (len(orgs) + 1) + org_code + 1) * (len(sens) + 1) + sen_code + 1
    codes = pd.factorize(case)[0]
    firsts = first_appearances(codes)
    orgs, sens = [*orgs, None], [*sens, None]  # code -1 picks the trailing None
    texts = [
        _note(int(n), minimum, orgs[o], sens[w])
        for n, o, w in zip(
            shown_k[firsts].tolist(),
            org_code[firsts].tolist(),
            sen_code[firsts].tolist(),
            strict=True,
        )
    ]
    return np.asarray(texts, dtype=object)[codes]


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


def perspective_matrix(
    log: pd.DataFrame,
    *,
    by: str | Sequence[str] = "field",
    perspective: str = "seniority",
    as_of: object = None,
) -> pd.DataFrame:
    """Interview counts, field × perspective value, for a heatmap.

    Parameters
    ----------
    log : pandas.DataFrame
        The canonical log; not modified.
    by : str or list of str, default "field"
        The field column, or a list ending with it (as in :func:`coverage`).
    perspective : str, default "seniority"
        The column whose values become the columns of the table.
    as_of : date-like, optional
        Date interviews are counted for (default: today).

    Returns
    -------
    pandas.DataFrame
        ``[by]`` then one column per perspective value: the category's values
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
    log = canonical(log)
    keys_by = _field_arguments(log, by)
    columns = [c for c in log.columns if isinstance(c, str)]
    check_choice("perspective", perspective, columns)
    log = with_groups(log, keys_by)
    inter = outcomes(log, as_of=as_of_timestamp(as_of))["interviewed"].to_numpy()
    gid, table = _groups(log, keys_by)
    codes, keys = name_codes(log[perspective])
    written = log[perspective].astype(object).to_numpy()
    # Column order: category values, then others (by key), then (none).
    allowed = list(category_values(perspective))
    seen = inter & (codes >= 0)  # other values: only those among the interviews
    first = np.unique(codes[seen], return_index=True)
    shown = pd.Series(written[seen][first[1]], dtype=object).astype(str).str.strip()
    labels = dict(zip(first[0].tolist(), shown.tolist(), strict=True))
    allowed_keys = {" ".join(a.casefold().split()): a for a in allowed}
    label_of = {c: allowed_keys.get(keys[c], labels.get(c)) for c in range(len(keys))}
    others = sorted((c for c in labels if keys[c] not in allowed_keys), key=lambda c: keys[c])
    col_names = allowed + [label_of[c] for c in others]
    position = {name: i for i, name in enumerate(col_names)}
    # Values never interviewed map to the spare last cell (never counted).
    col_of_code = np.array(
        [position.get(label_of[c], len(col_names)) for c in range(len(keys))] + [len(col_names)]
    )
    cell = col_of_code[codes]
    width = len(col_names) + 1
    size = int(gid.max(initial=-1)) + 1
    counts = np.bincount(gid[inter] * width + cell[inter], minlength=size * width)
    counts = counts.reshape(size, width)
    if counts[:, -1].any():
        col_names = [*col_names, NONE]
    else:
        counts = counts[:, :-1]
    res = table[keys_by].reset_index(drop=True)
    values = pd.DataFrame(counts[table["_gid"].to_numpy()], columns=col_names)
    res = pd.concat([res, values.astype(np.int64)], axis=1)
    res.attrs["perspective"] = perspective
    return res

"""Tables printed by the commands: aligned text, CSV, JSON records (pandas imported late)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["csv_text", "dates_iso", "plain", "records", "text_table"]


def text_table(table: pd.DataFrame) -> str:
    """Plain-text table: text left-aligned, numbers right-aligned, two spaces apart."""
    import pandas as pd

    columns = []
    for col in table.columns:
        values = table[col]
        text = values.astype(object).where(values.notna(), "").astype(str)
        width = max([len(str(col)), *text.str.len().tolist()])
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        pad = str.rjust if numeric else str.ljust
        columns.append([pad(str(col), width), *(pad(t, width) for t in text)])
    return "\n".join("  ".join(cells).rstrip() for cells in zip(*columns, strict=True))


def dates_iso(table: pd.DataFrame) -> pd.DataFrame:
    """Date columns as YYYY-MM-DD text (missing stays missing)."""
    import pandas as pd

    out = table.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].dt.strftime("%Y-%m-%d").astype(object)
            out[col] = out[col].where(table[col].notna(), None)
    return out


def csv_text(table: pd.DataFrame) -> str:
    """A table as CSV, formula-safe like every CSV the package writes (cells and labels)."""
    from ..io.export import table_csv

    return table_csv(dates_iso(table))


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    shown = dates_iso(table).astype(object)
    # cast: the tables' column labels are str (pandas-stubs says Hashable)
    return cast("list[dict[str, Any]]", shown.where(shown.notna(), None).to_dict("records"))


def plain(value: Any) -> Any:
    """numpy scalars as Python numbers for json."""
    if hasattr(value, "item"):
        return value.item()
    return str(value)

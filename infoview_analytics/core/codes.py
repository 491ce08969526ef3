"""The one factorize helper: integer codes of a column's values, in order of first appearance.

Examples
--------
>>> codes, values = factorize(pd.Series(["b", None, "a", "b"]))
>>> codes.tolist(), values.tolist()
([0, -1, 1, 0], ['b', 'a'])
>>> factorize(pd.Series(["b", "a"], dtype="category"))[1].tolist()
['a', 'b']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["factorize"]


def factorize(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes (int64, -1 for missing) and the distinct values as an object array.

    Categoricals keep their own codes and categories (so unused categories
    stay, in category order); anything else goes through ``pandas.factorize``,
    which numbers the values in order of first appearance. The result is the
    same for object, Python-backed and pyarrow-backed text.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy().astype(np.int64)
        return codes, np.asarray(values.cat.categories, dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)

"""Docstring blocks shared by several functions, written once and filled in where used.

A room keeps the parameter descriptions its functions share in one dict and
decorates each function with :func:`fill_doc`; every ``%(name)s`` in the
docstring is replaced by the block called ``name`` (like matplotlib's
``_docstring.interpd`` and pandas' ``@doc``). Write a block as it would read
at the left margin, a numpydoc entry with its description indented by four
spaces: lines after its first take the indentation of the line the
placeholder is on, so the filled docstring is valid numpydoc and its examples
are still collected by the doctest run.

Only ``%(name)s`` is special: a lone ``%`` ("95% interval") and braces
(``{"response", "interview"}``) need no escaping. A block may use other
blocks' placeholders. A name with no block raises
:class:`~infoview_analytics.errors.InvalidArgumentError` as the module is
imported, so a misspelt placeholder cannot reach the rendered docs.

Examples
--------
>>> BLOCKS = {"ax": "ax : Axes, optional\\n    Where to draw (default ``plt.gca()``)."}
>>> @fill_doc(BLOCKS, kwargs_to="``Axes.bar``")
... def plot(data, *, ax=None, **kwargs):
...     '''Draw ``data``, 95% of it.
...
...     Parameters
...     ----------
...     %(ax)s
...     **kwargs
...         Passed on to %(kwargs_to)s.
...     '''
>>> print(plot.__doc__)
Draw ``data``, 95% of it.
<BLANKLINE>
    Parameters
    ----------
    ax : Axes, optional
        Where to draw (default ``plt.gca()``).
    **kwargs
        Passed on to ``Axes.bar``.
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TypeVar

from ..errors import InvalidArgumentError

__all__ = ["fill_doc", "substitute"]

F = TypeVar("F", bound=Callable[..., object])

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# Blocks that name each other are filled this many levels deep at most (a cycle stops here).
_MAX_DEPTH = 5


def substitute(text: str, blocks: Mapping[str, str]) -> str:
    """``text`` with every ``%(name)s`` replaced by ``blocks[name]``, indented to fit.

    Parameters
    ----------
    text : str
        A docstring (or any text) with ``%(name)s`` placeholders.
    blocks : Mapping of str to str
        The text of each placeholder, written at the left margin. Lines after
        the first are indented like the line the placeholder is on.

    Returns
    -------
    str
        The filled text; text without placeholders is returned unchanged.

    Raises
    ------
    InvalidArgumentError
        When a placeholder names no block (the message lists the blocks there
        are), or blocks name each other in a cycle.

    Examples
    --------
    >>> print(substitute("    %(x)s\\n    end", {"x": "x : int\\n    The x."}))
        x : int
            The x.
        end
    """
    return _substitute(text, blocks, depth=0)


def _substitute(text: str, blocks: Mapping[str, str], depth: int) -> str:
    if depth > _MAX_DEPTH:
        names = [f"%({name})s" for name in _PLACEHOLDER.findall(text)[:10]]
        msg = (
            f"Expected docstring blocks filled in at most {_MAX_DEPTH} levels deep, but "
            f"{names} are still there: blocks that name each other never end. Break the cycle."
        )
        raise InvalidArgumentError(msg)

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in blocks:
            msg = (
                f"Expected a docstring block for %({name})s, one of {sorted(blocks)[:10]}, "
                f"but there is none. Add it to the blocks or correct the placeholder."
            )
            raise InvalidArgumentError(msg)
        line_start = text.rfind("\n", 0, match.start()) + 1
        line = text[line_start : match.start()]
        indent = line[: len(line) - len(line.lstrip())]
        block = _substitute(blocks[name], blocks, depth + 1)
        return block.replace("\n", "\n" + indent)

    return _PLACEHOLDER.sub(fill, text)


def fill_doc(blocks: Mapping[str, str], /, **extra: str) -> Callable[[F], F]:
    """Decorator: fill the ``%(name)s`` placeholders of a function's docstring.

    Parameters
    ----------
    blocks : Mapping of str to str
        The room's shared blocks (see :func:`substitute`).
    **extra : str
        Blocks for this function only (they win over ``blocks``), e.g. the
        matplotlib method ``**kwargs`` go to.

    Returns
    -------
    callable
        A decorator that sets ``__doc__`` and returns the function itself.

    Raises
    ------
    InvalidArgumentError
        As :func:`substitute` (so as the decorated function's module is imported).

    Examples
    --------
    >>> @fill_doc({"returns": "Axes\\n    The Axes drawn on."})
    ... def plot():
    ...     '''Returns
    ...     -------
    ...     %(returns)s
    ...     '''
    >>> "The Axes drawn on." in plot.__doc__
    True
    """
    merged = {**blocks, **extra}

    def decorate(func: F) -> F:
        if func.__doc__:  # None under ``python -OO``
            func.__doc__ = substitute(func.__doc__, merged)
        return func

    return decorate

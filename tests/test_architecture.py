"""The house rules of docs/architecture.md and STYLE.md, read from the source with ``ast``.

Nothing of the package is imported: every module is parsed, and every import
statement in it (module level or inside a function) is resolved to the module it
loads. The rules:

(a) imports run one way between the rooms (``ALLOWED``); nothing imports the
    top-level package itself but ``__main__``;
(b) a private name (``_name``: a module or an attribute; or a module whose
    docstring says "(private)") is used only inside its own room;
(c) no import cycles between modules;
(d) no module shares a name with a public name of ``infoview_analytics.__all__``;
(e) no module is longer than ``MAX_LINES`` (STYLE: split a module before ~600 lines).

Each broken rule is one line naming the module, the line and the import. What is
broken today and being mended is listed in ``KNOWN_VIOLATIONS`` and
``LONG_MODULES``; both lists may only shrink (a listed item that no longer occurs
fails the test until it is taken off the list).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = "infoview_analytics"
SOURCE = Path(__file__).resolve().parents[1] / PACKAGE

#: Which rooms each room may import, besides itself. ``errors`` sits below every room;
#: the top-level ``__init__`` re-exports every room; ``__main__`` only starts the CLI.
ALLOWED: dict[str, frozenset[str]] = {
    "errors": frozenset(),
    "core": frozenset({"errors"}),
    "io": frozenset({"core", "errors"}),
    "analysis": frozenset({"core", "errors"}),
    "charts": frozenset({"analysis", "core", "errors"}),
    "report": frozenset({"charts", "analysis", "io", "core", "errors"}),
    "cli": frozenset({"report", "charts", "analysis", "io", "core", "errors"}),
    "__init__": frozenset({"cli", "report", "charts", "analysis", "io", "core", "errors"}),
    "__main__": frozenset({"cli"}),
}

#: Violations found on main when this test was written, to be mended in their rooms (not
#: by the CLI work that added the test); the keys are the bracketed ends of failure lines.
#: (The one other violation then, the import circle cli.check <-> cli.main, was mended
#: with the test.)
KNOWN_VIOLATIONS: frozenset[str] = frozenset()

#: Longest a module may be.
MAX_LINES = 600

#: Modules over MAX_LINES today, with their length when listed: they may shrink, not grow,
#: and leave the list once under MAX_LINES.
LONG_MODULES: dict[str, int] = {}


# ---------------------------------------------------------------- reading the source
@dataclass(frozen=True)
class Module:
    name: str  # "infoview_analytics.io.loader"
    path: str  # "io/loader.py", relative to the package folder
    is_package: bool  # an __init__.py
    source: str

    @functools.cached_property
    def tree(self) -> ast.Module:
        return ast.parse(self.source, self.path)

    @functools.cached_property
    def declared_private(self) -> bool:
        """The first line of the docstring says "(private)".

        The rooms' reorganisation dropped the underscore of such modules (``_memo.py``
        became ``core/memo.py``) and kept the word; either marks a module private.
        """
        doc = ast.get_docstring(self.tree) or ""
        return "(private" in doc.split("\n", 1)[0]


@dataclass(frozen=True)
class Import:
    """One module loaded by one import statement (``from m import a, b`` gives one per name)."""

    importer: Module
    target: str  # the module loaded: "infoview_analytics.core.schema"
    name: str | None  # the attribute taken from it, None when a module itself is imported
    bound: str | None  # the local name bound to the target module, if any
    line: int
    statement: str


@dataclass(frozen=True)
class Violation:
    key: str  # stable (no line numbers), what KNOWN_VIOLATIONS lists
    where: str  # "io/loader.py:22"
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text} [{self.key}]"


def read_package(folder: Path = SOURCE) -> dict[str, Module]:
    """Every module of the package, by dotted name."""
    files = sorted(folder.rglob("*.py"))
    return _modules({f.relative_to(folder).as_posix(): f.read_text("utf-8") for f in files})


def _modules(sources: dict[str, str]) -> dict[str, Module]:
    """{"io/loader.py": source, ...} as modules of the package, by dotted name."""
    modules = {}
    for path, source in sorted(sources.items()):
        parts = path.removesuffix(".py").split("/")
        is_package = parts[-1] == "__init__"
        name = ".".join((PACKAGE, *(parts[:-1] if is_package else parts)))
        modules[name] = Module(name, path, is_package, source)
    return modules


def imports(modules: dict[str, Module]) -> Iterator[Import]:
    """Every import of a module of the package, in every module, at any depth."""
    for module in modules.values():
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == PACKAGE:
                        # `import a.b` binds `a`; `import a.b as x` binds x to a.b.
                        bound = alias.asname or (None if "." in alias.name else alias.name)
                        target = _known(alias.name, modules)
                        yield Import(module, target, None, bound, node.lineno, ast.unparse(node))
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(module, node)
                if base is None or base.split(".")[0] != PACKAGE:
                    continue
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    if sub in modules:  # `from . import _readers`: the module itself
                        target, name, bound = sub, None, alias.asname or alias.name
                    else:
                        target, name, bound = _known(base, modules), alias.name, None
                    yield Import(module, target, name, bound, node.lineno, ast.unparse(node))


def _absolute(module: Module, node: ast.ImportFrom) -> str | None:
    if node.level == 0:
        return node.module
    package = module.name.split(".") if module.is_package else module.name.split(".")[:-1]
    if node.level - 1 >= len(package):
        return None  # beyond the top: Python refuses it already
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _known(name: str, modules: dict[str, Module]) -> str:
    """``name``, or the longest enclosing module of the package that exists."""
    parts = name.split(".")
    while len(parts) > 1 and ".".join(parts) not in modules:
        parts.pop()
    return ".".join(parts)


def room(name: str) -> str:
    """The folder a module lives in: core, io, ...; errors, __main__ and __init__ (the top)."""
    parts = name.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


def short(name: str) -> str:
    return name.split(".", 1)[1] if "." in name else name


def _private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


# ---------------------------------------------------------------- the rules
def direction_violations(modules: dict[str, Module]) -> Iterator[Violation]:
    """(a) Imports run one way between rooms; only __main__ imports the top-level package."""
    for imp in imports(modules):
        src, dst = room(imp.importer.name), room(imp.target)
        where = f"{imp.importer.path}:{imp.line}"
        if dst == "__init__" and src != "__main__":
            what = f"{imp.target}.{imp.name}" if imp.name else imp.target
            yield Violation(
                f"top: {short(imp.importer.name)} imports {what}",
                where,
                f"`{imp.statement}` imports the top-level package {imp.target}; import the "
                "name from the module that defines it",
            )
        elif src not in ALLOWED:
            yield Violation(
                f"room: {src}",
                where,
                f"{short(imp.importer.name)} is in a room ({src}) that ALLOWED does not list; "
                "add the room and what it may import to tests/test_architecture.py",
            )
        elif dst != src and dst not in ALLOWED[src]:
            yield Violation(
                f"direction: {short(imp.importer.name)} imports {short(imp.target)}",
                where,
                f"`{imp.statement}`: {src} may import only "
                f"{', '.join(sorted(ALLOWED[src])) or 'nothing of the package'}, not {dst}",
            )


def private_violations(modules: dict[str, Module]) -> Iterator[Violation]:
    """(b) A private module or attribute is imported or used only inside its room.

    Private: a leading underscore (``io/_readers.py``, ``_groups``), or a module whose
    docstring declares itself private (see ``Module.declared_private``).
    """
    found = list(imports(modules))
    seen = set()
    for imp in found:
        src, dst = room(imp.importer.name), room(imp.target)
        if src == dst:
            continue
        parts = imp.target.split(".")[1:] + ([imp.name] if imp.name else [])
        if any(_private(part) for part in parts):
            what, why = short(imp.target) + (f".{imp.name}" if imp.name else ""), "private"
        elif modules[imp.target].declared_private:
            what, why = short(imp.target), "its docstring says private"
        else:
            continue
        key = f"private: {short(imp.importer.name)} imports {what}"
        if key not in seen:
            seen.add(key)
            yield Violation(
                key,
                f"{imp.importer.path}:{imp.line}",
                f"`{imp.statement}`: {what} ({why}) belongs to {dst}, used here in {src}; "
                "make it public within the package or move it lower down",
            )
    # `from ..charts import style as _style` then `_style._helper`: a private attribute too.
    for module in modules.values():
        bound = {imp.bound: imp.target for imp in found if imp.importer is module and imp.bound}
        for node in ast.walk(module.tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in bound
                and _private(node.attr)
                and room(bound[node.value.id]) != room(module.name)
            ):
                what = f"{short(bound[node.value.id])}.{node.attr}"
                yield Violation(
                    f"private: {short(module.name)} uses {what}",
                    f"{module.path}:{node.lineno}",
                    f"`{ast.unparse(node)}`: {what} (private) belongs to "
                    f"{room(bound[node.value.id])}, used here in {room(module.name)}; "
                    "make it public within the package or move it lower down",
                )


def import_graph(modules: dict[str, Module]) -> nx.DiGraph:
    """Module -> module it loads, each edge with the first place it happens."""
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for imp in imports(modules):
        # `import infoview_analytics` inside the package: a parent package is loaded before
        # its modules, so binding it adds no edge. (`from . import name` of an attribute of
        # the parent's __init__ does: that __init__ may still be half-run.)
        if imp.importer.name.startswith(imp.target + ".") and imp.name is None:
            continue
        if not graph.has_edge(imp.importer.name, imp.target):
            graph.add_edge(imp.importer.name, imp.target, where=f"{imp.importer.path}:{imp.line}")
    return graph


def cycle_violations(modules: dict[str, Module]) -> Iterator[Violation]:
    """(c) No import cycles between modules, function-level imports included."""
    graph = import_graph(modules)
    for component in sorted(nx.strongly_connected_components(graph), key=sorted):
        first = min(component)
        if len(component) == 1 and not graph.has_edge(first, first):
            continue
        cycle = nx.find_cycle(graph.subgraph(component), source=first)
        steps = " -> ".join(f"{short(b)} ({graph.edges[a, b]['where']})" for a, b in cycle)
        yield Violation(
            "cycle: " + ", ".join(sorted(short(m) for m in component)),
            graph.edges[cycle[0]]["where"],
            f"import circle {short(cycle[0][0])} -> {steps}; move what they share lower down",
        )


def public_names(modules: dict[str, Module]) -> list[str]:
    """``__all__`` of the top-level ``__init__``, read from its source."""
    for node in modules[PACKAGE].tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return list(ast.literal_eval(node.value))  # type: ignore[union-attr]
    return []


def name_violations(modules: dict[str, Module]) -> Iterator[Violation]:
    """(d) No module (or package folder) is named like a public name of the package."""
    public = set(public_names(modules))
    for module in modules.values():
        base = module.name.rsplit(".", 1)[-1]
        if base in public:
            yield Violation(
                f"name: {short(module.name)}",
                module.path,
                f"the module {short(module.name)} shares its name with "
                f"infoview_analytics.{base}; `iv.{base}` and the module shadow each other",
            )


def length_violations(modules: dict[str, Module]) -> Iterator[Violation]:
    """(e) No module over MAX_LINES lines, or longer than LONG_MODULES allows."""
    for module in modules.values():
        lines = len(module.source.splitlines())
        limit = LONG_MODULES.get(module.path, MAX_LINES)
        if lines > limit:
            yield Violation(
                f"length: {module.path}",
                module.path,
                f"{lines} lines, over the {limit} allowed; split it into smaller modules",
            )


RULES = {
    "direction": direction_violations,
    "private": private_violations,
    "cycles": cycle_violations,
    "names": name_violations,
    "length": length_violations,
}


# ---------------------------------------------------------------- the tests
@pytest.fixture(scope="module")
def package() -> dict[str, Module]:
    return read_package()


@pytest.mark.parametrize("rule", RULES)
def test_rule_holds(package, rule):
    broken = [v for v in RULES[rule](package) if v.key not in KNOWN_VIOLATIONS]
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(map(str, broken))


def test_known_violations_still_occur(package):
    found = {v.key for rule in RULES.values() for v in rule(package)}
    mended = sorted(KNOWN_VIOLATIONS - found)
    assert not mended, "Mended, take off KNOWN_VIOLATIONS in tests/test_architecture.py:\n" + (
        "\n".join(mended)
    )


def test_long_modules_are_still_long(package):
    lengths = {m.path: len(m.source.splitlines()) for m in package.values()}
    stale = [
        f"{path}: {lengths.get(path, 'gone')} lines"
        for path in LONG_MODULES
        if lengths.get(path, 0) <= MAX_LINES
    ]
    assert not stale, "Under the limit now, take off LONG_MODULES:\n" + "\n".join(stale)


def test_every_module_is_read(package):
    # Guards the reader itself: the rooms, errors, the top and __main__ are all there.
    assert {room(name) for name in package} == set(ALLOWED)
    assert "infoview_analytics.cli.app" in package
    assert package[PACKAGE].is_package


# ---------------------------------------------------------------- the checker, on toy packages
def _toy(files: dict[str, str]) -> dict[str, Module]:
    """A package named like ours from {path: source}, the missing __init__.py files added."""
    sources = dict(files)
    for path in files:
        folders = path.split("/")[:-1]
        for depth in range(len(folders) + 1):
            sources.setdefault("/".join([*folders[:depth], "__init__.py"]), "")
    return _modules(sources)


#: Toy packages, the rule run on them, and what it must find (hand-made, by key).
# fmt: off
TOY_CASES = [
    # (a) upward, sideways, the top-level package, an unknown room; allowed ones pass
    ({"core/a.py": "from ..analysis import b", "analysis/b.py": ""}, "direction",
     ["direction: core.a imports analysis.b"]),
    ({"io/a.py": "def f():\n    from ..charts.c import x", "charts/c.py": ""}, "direction",
     ["direction: io.a imports charts.c"]),
    ({"errors.py": "from .core import x", "core/x.py": ""}, "direction",
     ["direction: errors imports core.x"]),
    ({"analysis/a.py": "from .. import coverage"}, "direction",
     ["top: analysis.a imports infoview_analytics.coverage"]),
    ({"cli/a.py": "import infoview_analytics"}, "direction",
     ["top: cli.a imports infoview_analytics"]),
    ({"plugins/a.py": "from ..core import b", "core/b.py": ""}, "direction",
     ["room: plugins"]),
    ({"report/a.py": "from ..charts import b\nfrom .. import errors",
      "charts/b.py": "from infoview_analytics.analysis import c", "analysis/c.py": "",
      "__main__.py": "from . import cli", "cli/__init__.py": "", "errors.py": ""},
     "direction", []),
    # (b) private modules and attributes across rooms; inside a room is fine
    ({"charts/a.py": "from ..io._readers import x", "io/_readers.py": ""}, "private",
     ["private: charts.a imports io._readers.x"]),
    ({"report/a.py": "from ..charts.style import _muted", "charts/style.py": ""},
     "private", ["private: report.a imports charts.style._muted"]),
    ({"report/a.py": "from ..charts import style as s\ns._muted", "charts/style.py": ""},
     "private", ["private: report.a uses charts.style._muted"]),
    ({"analysis/a.py": "from ..core.memo import remembered",
      "core/memo.py": '"""Remember arrays (private)."""'}, "private",
     ["private: analysis.a imports core.memo"]),
    ({"io/a.py": "from . import _readers\nfrom .linkedin.b import _c",
      "io/_readers.py": "", "io/linkedin/b.py": ""}, "private", []),
    # (c) circles, also through a function-level import or a package __init__
    ({"cli/a.py": "from .b import x", "cli/b.py": "def f():\n    from .a import y"},
     "cycles", ["cycle: cli.a, cli.b"]),
    ({"analysis/__init__.py": "from .a import f", "analysis/a.py": "from . import g"},
     "cycles", ["cycle: analysis, analysis.a"]),
    ({"io/__init__.py": "from .a import f", "io/a.py": "from . import _b", "io/_b.py": ""},
     "cycles", []),
    # (d) a module named like a public name
    ({"__init__.py": '__all__ = ["coverage", "load_log"]', "analysis/coverage.py": ""},
     "names", ["name: analysis.coverage"]),
]
# fmt: on


@pytest.mark.parametrize(("files", "rule", "keys"), TOY_CASES)
def test_checker_finds(files, rule, keys):
    assert sorted({v.key for v in RULES[rule](_toy(files))}) == keys


def test_checker_messages():
    toy = _toy({"core/a.py": "x = 1\n" * (MAX_LINES + 1)})
    (found,) = length_violations(toy)
    assert str(found) == (
        f"core/a.py: {MAX_LINES + 1} lines, over the {MAX_LINES} allowed; "
        "split it into smaller modules [length: core/a.py]"
    )
    toy = _toy({"core/a.py": "from ..report import b", "report/b.py": ""})
    (found,) = direction_violations(toy)
    assert str(found) == (
        "core/a.py:1: `from ..report import b`: core may import only errors, not report "
        "[direction: core.a imports report.b]"
    )
    toy = _toy({"cli/a.py": "from .b import x", "cli/b.py": "def f():\n    from .a import y"})
    (found,) = cycle_violations(toy)
    assert str(found) == (
        "cli/a.py:1: import circle cli.a -> cli.b (cli/a.py:1) -> cli.a (cli/b.py:2); "
        "move what they share lower down [cycle: cli.a, cli.b]"
    )

"""The shape of the package: acyclic imports, modules that import alone, a
framework that knows no extractor, and output that does not depend on the
order in which a valid pipeline lists its extractors."""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import diplonlp
from diplonlp import Pipeline
from diplonlp.pipeline import Extractor

SRC = Path(__file__).parents[1] / "src"
PACKAGE = SRC / "diplonlp"
EXAMPLES = Path(__file__).parents[1] / "examples" / "articles"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(name: str, path: Path) -> set[str]:
    """The package modules ``name`` imports, at any level (functions included),
    except under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("diplonlp"):
                    found.add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            if base.startswith("diplonlp"):
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def test_the_import_graph_is_acyclic() -> None:
    """No module reaches itself through imports (function-level ones included;
    a submodule's implicit import of its own package is not an edge)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                walk(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            walk(name)


def test_the_framework_imports_no_extractor() -> None:
    framework = {"diplonlp.pipeline", "diplonlp.model", "diplonlp.errors"}
    dimensions = {"diplonlp.dates", "diplonlp.leaders", "diplonlp.numerals", "diplonlp.money",
                  "diplonlp.percentages", "diplonlp.defaults"}
    for name in framework:
        reached = {m for m in GRAPH[name] if any(m == d or m.startswith(d + ".")
                                                 for d in dimensions)}
        assert not reached, f"{name} imports {reached}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports_alone(name: str) -> None:
    result = subprocess.run([sys.executable, "-c", f"import {name}"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]


def test_import_diplonlp_stays_light() -> None:
    code = ("import sys, diplonlp; heavy = {'regex', 'babel', 'dateparser', 'jdatetime', "
            "'hijridate', 'diplonlp.dates', 'diplonlp.leaders'}; "
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


# --- the order of a pipeline does not matter ------------------------------


def _valid_orders(extractors: tuple[Extractor, ...]) -> list[tuple[Extractor, ...]]:
    orders = []
    for order in itertools.permutations(extractors):
        produced: set[str] = set()
        for ext in order:
            if any(r not in produced for r in ext.requires):
                break
            produced.add(ext.produces)
        else:
            orders.append(order)
    return orders


TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]


def test_every_valid_order_gives_the_same_article() -> None:
    builtins = diplonlp.builtin_extractors()
    orders = _valid_orders(builtins)
    assert len(orders) > 10
    reference = [Pipeline(builtins).parse(t) for t in TEXTS]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for order in orders:
            pipe = Pipeline(order)
            got = list(pool.map(pipe.parse, TEXTS))
            assert got == reference, [e.name for e in order]


def test_an_extractor_sees_only_what_it_requires() -> None:
    seen: list[set[str]] = []

    class Spy:
        name = "spy.v1"
        produces = "spy"
        requires = ("dates",)

        def extract(self, doc: diplonlp.Document) -> list[diplonlp.Mention]:
            seen.append(set(doc.mentions))
            return []

    Pipeline([*diplonlp.builtin_extractors(), Spy()]).parse(TEXTS[0])
    assert seen == [{"dates"}]

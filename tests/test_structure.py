"""The shape of the code: imports run one way."""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "autograder"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere, function bodies included."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        found.update(t for t in map(lambda t: known_prefix(t, known), targets) if t and t != name)
    return found


def known_prefix(target: str, known: set[str]) -> str:
    """The longest leading part of a dotted name that is one of the package's modules."""
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target


def import_graph() -> dict[str, set[str]]:
    files = [p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts]
    known = {module_name(p) for p in files}
    return {module_name(p): imported_modules(p, known) for p in files}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*stack[stack.index(target) :], target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_import_graph_finds_imports_in_function_bodies():
    graph = import_graph()
    assert "autograder.recorded" in graph["autograder.registry"]  # imported inside a method
    assert "autograder.isolation.tiers" in graph["autograder.cli"]


def test_imports_have_no_cycle():
    """Package __init__ files count as their package: a module importing a sibling through
    its package is caught too."""
    graph = import_graph()
    for package in [m for m in graph if (PACKAGE / Path(*m.split(".")[1:]) / "__init__.py").exists()]:
        graph[package] = graph[package] - {m for m in graph if m.startswith(package + ".")}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


# Exceptions the grader raises and catches itself, never shown to a user as they are.
INTERNAL_EXCEPTIONS = {
    "WorkerTimeout",  # worker/process: a call ran out of time; the check reports it
    "WorkerDied",  # worker/process: the worker crashed; the check reports it
    "ProtocolError",  # worker/frames: a malformed reply, turned into a crash
    "NotRecorded",  # recorded: a student release holds no answer for a call
    "StudentCallFailed",  # student: a student function failed inside a check
    "CheckFailed",  # checking: a check's verdict
    "CheckNotPassed",  # notebook: a check cell's verdict in the student's kernel
}


def test_every_error_a_user_sees_derives_from_the_one_base():
    """A new exception class is either internal (listed above) or a GradeError, which the
    CLI shows in the run's language with its exit code."""
    found: dict[str, Path] = {}
    duplicated = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
                if bases & {"Exception", "LookupError", "ValueError", "RuntimeError", "AssertionError"}:
                    if node.name in found:
                        duplicated.append(node.name)
                    found[node.name] = path.relative_to(ROOT)
    assert found.keys() <= INTERNAL_EXCEPTIONS | {"GradeError"}, {
        name: str(path) for name, path in found.items() if name not in INTERNAL_EXCEPTIONS
    }
    assert not duplicated, f"two exception classes share a name: {duplicated}"

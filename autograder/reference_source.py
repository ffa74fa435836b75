"""The reference solution taken apart for a notebook: its exercise functions, and the
constants and helpers each of them needs (which the notebook's solution cells carry inside
the function, so that they stay hidden with the solution)."""

from __future__ import annotations

import ast
import symtable
from dataclasses import dataclass
from pathlib import Path

from .errors import GradeError
from .i18n import Text


def segment(source: str, node: ast.stmt) -> str:
    """The source lines of a statement."""
    return "\n".join(source.splitlines()[node.lineno - 1 : node.end_lineno])


@dataclass(frozen=True)
class Helper:
    """A module-level statement of the reference other than an import or an exercise's
    function: a constant, a helper function or class."""

    binds: frozenset[str]
    reads: frozenset[str]  # the module-level names it reads
    source: str


@dataclass(frozen=True)
class Reference:
    """The reference solution, taken apart for the notebook's solution cells."""

    path: Path
    source: str
    functions: dict[str, ast.FunctionDef]
    helpers: tuple[Helper, ...]

    @classmethod
    def parse(cls, source: str, path: Path, names: set[str]) -> Reference:
        tree = ast.parse(source)
        functions: dict[str, ast.FunctionDef] = {}
        helpers = []
        for index, node in enumerate(tree.body):
            if isinstance(node, ast.FunctionDef) and node.name in names:
                functions[node.name] = node
            elif isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
            ):
                text = ast.unparse(node)
                helpers.append(Helper(_bound(node), _module_names_read(text, at_top=True), text))
            elif not (
                isinstance(node, (ast.Import, ast.ImportFrom))
                or (index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
                or _is_main_block(node)
            ):
                raise UnsupportedReference(
                    path,
                    node.lineno,
                    Text(
                        "a reference solution holds only imports, constants, functions and classes",
                        "参考答案中只能有 import、常量、函数和类",
                    ),
                )
        missing = ", ".join(sorted(names - functions.keys()))
        if missing:
            raise UnsupportedReference(
                path,
                1,
                Text(f"no `def` of the stub's {missing}", f"没有练习模板中 {missing} 的 `def`"),
            )
        return cls(path, source, functions, tuple(helpers))

    def helpers_of(self, name: str) -> list[Helper]:
        """The helpers function ``name`` needs, directly or through other helpers, in the
        reference's order; they go inside its solution region, where they stay hidden."""
        function = self.functions[name]
        own = symtable.symtable(segment(self.source, function), str(self.path), "exec").get_children()[0]
        wanted = set(_module_names_read(segment(self.source, function), at_top=False))
        needed: list[Helper] = []
        while True:
            more = [h for h in self.helpers if h.binds & wanted and h not in needed]
            if not more:
                break
            needed += more
            wanted = {n for h in more for n in h.reads}
        locals_ = {symbol.get_name() for symbol in own.get_symbols() if symbol.is_local()}
        for helper in needed:
            for clash in sorted(helper.reads & locals_):
                raise UnsupportedReference(
                    self.path,
                    function.lineno,
                    Text(
                        f"`{name}` has a local `{clash}`, a module-level name its helper "
                        f"`{', '.join(sorted(helper.binds))}` reads; in the notebook the helper sits inside "
                        f"`{name}`, where the two would clash: rename one",
                        f"`{name}` 有局部变量 `{clash}`，而它的辅助代码 `{', '.join(sorted(helper.binds))}` "
                        f"读取同名的模块级名字；在 notebook 中辅助代码位于 `{name}` 内部，两者会冲突：请改名",
                    ),
                )
        return [h for h in self.helpers if h in needed]


class UnsupportedReference(GradeError):
    """The reference solution holds code that the notebook's solution cells cannot carry."""

    def __init__(self, path: Path, line: int, problem: Text) -> None:
        self.line, self.problem = line, problem
        super().__init__(
            Text(
                f"{path}, line {line}: {problem.en} (docs/authoring.md, 'The reference solution').",
                f"{path} 第 {line} 行：{problem.zh}（见 docs/authoring.md 的 'The reference solution'）。",
            )
        )


def _bound(node: ast.stmt) -> frozenset[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return frozenset({node.name})
    targets = (
        node.targets
        if isinstance(node, ast.Assign)
        else [node.target]
        if isinstance(node, ast.AnnAssign)
        else []
    )
    return frozenset(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))


def _module_names_read(source: str, *, at_top: bool) -> frozenset[str]:
    """The module-level names a statement reads: in its function and class bodies, and, with
    ``at_top``, at module level too (decorators, defaults, a constant's value)."""
    table = symtable.symtable(source, "<reference>", "exec")
    names = {s.get_name() for s in table.get_symbols() if s.is_referenced()} if at_top else set()
    scopes = list(table.get_children())
    while scopes:
        scope = scopes.pop()
        names |= {s.get_name() for s in scope.get_symbols() if s.is_global()}
        scopes += scope.get_children()
    return frozenset(names)


def _is_main_block(node: ast.stmt) -> bool:
    """``if __name__ == "__main__":``, a demonstration that never runs when the module is imported."""
    return isinstance(node, ast.If) and ast.unparse(node.test) in (
        '__name__ == "__main__"',
        "__name__ == '__main__'",
    )

"""What in a stub file is more than a stub: code that would hand students an answer."""

from __future__ import annotations

import ast
from pathlib import Path


def answered_functions(stub: Path) -> list[str]:
    """What in a stub file is more than a stub: functions whose body does more than import
    and raise NotImplementedError (after its docstring), and module-level code other than
    imports, docstrings, function definitions and constants."""
    tree = ast.parse(stub.read_text(encoding="utf-8"), str(stub))
    found = [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not _only_raises(node.body)
    ]
    found += [f"line {node.lineno}" for node in ast.walk(tree) if isinstance(node, ast.Lambda)]
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if isinstance(node, (ast.Expr, ast.Assign, ast.AnnAssign)) and _constant(node.value):
            continue
        found.append(f"line {node.lineno}")
    return list(dict.fromkeys(found))


def _only_raises(body: list[ast.stmt]) -> bool:
    if body and isinstance(body[0], ast.Expr) and _constant(body[0].value):
        body = body[1:]
    statements = [s for s in body if not isinstance(s, (ast.Pass, ast.Import, ast.ImportFrom))]
    return (
        len(statements) == 1
        and isinstance(statements[0], ast.Raise)
        and _names_not_implemented(statements[0].exc)
    )


def _names_not_implemented(exc: ast.expr | None) -> bool:
    if isinstance(exc, ast.Call):
        exc = exc.func
    return isinstance(exc, ast.Name) and exc.id == "NotImplementedError"


def _constant(node: ast.expr | None) -> bool:
    if node is None:
        return True
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True

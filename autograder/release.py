"""The student release: stubs, and a grader with the public checks only.

No reference solution, no hidden check, no imitation of a mistake (they are
near-solutions) goes into it: the public checks answer from a record of what
the reference and the imitations returned on their fixed inputs.
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import shutil
from pathlib import Path

from .diagnosis import accepts, imitate
from .errors import GradeError
from .i18n import Text
from .recorded import RECORD_SCHEMA, Raised, RecordedMistake, ReleaseRecord, Stored, call_key, store
from .registry import CHECKS_DIR, Exercise, all_exercises
from .runner import check_rng, run_check
from .session import WorkerSession
from .stubs import answered_functions
from .student import StudentModule
from .submission import read_source
from .worker.values import Probe, map_leaves

PACKAGE_DIR = Path(__file__).parent
# teacher-side modules a student has no use for, and the course folders an installed package holds
LEFT_OUT = {
    "release.py",
    "stubs.py",
    "nbgrader_course.py",
    "reference_source.py",
    "conftest.py",
    "mistakes.py",
    "recorded.json",
    "solutions",
    "exercises",
}

# the exercises' own REQUIRES join them; rich is for grade batch, refused in a release but imported by none of its other commands
GRADER_REQUIRES = ("numpy>=1.24", "click>=8.1", "nbformat>=5.7", "rich>=13", "jinja2>=3.1")
PYPROJECT = """\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "cross-entropy-exercises"
version = "{version}"
description = "Cross-entropy exercises with their local checks."
requires-python = ">=3.10"
dependencies = {dependencies}

[project.scripts]
grade = "autograder.cli:entry_point"

[tool.setuptools.packages.find]
include = ["autograder*"]

[tool.setuptools.package-data]
"*" = ["*.json"]
"""

README = """\
# Cross-entropy exercises / 交叉熵练习

Install once / 安装：

```bash
python3 -m venv .venv && . .venv/bin/activate && pip install .
```

The exercises / 练习：

{exercises}

Open an exercise, read the task at the top and replace each `raise NotImplementedError`
with your code. Then check your work:

打开一个练习，阅读开头的题目说明，把每个 `raise NotImplementedError` 换成你的代码，然后检查：

```bash
grade exercise3          # or: grade 3, grade all, grade list
grade 3 --lang zh        # 中文反馈 / feedback in Chinese
```

These are the public checks. More checks, hidden ones, run when your work is graded:
passing every local check does not guarantee full marks.

这里运行的是公开检查。批改时还会运行隐藏检查：本地检查全部通过并不保证满分。
"""


class ReleaseError(GradeError):
    """The release cannot be built as asked."""


def build_release(out_dir: Path, *, force: bool = False) -> list[str]:
    """Write the release; returns the stub functions that ship with code (only with ``force``)."""
    answered = [f"{e.stub_path}: {name}" for e in all_exercises() for name in answered_functions(e.stub_path)]
    if answered and not force:
        listed = "; ".join(answered)
        raise ReleaseError(
            Text(
                f"The stubs hold code, not only `raise NotImplementedError` (answers would ship to students): "
                f"{listed}. Restore the stubs, or pass --force to release them as they are.",
                f"练习模板里有代码，而不只是 `raise NotImplementedError`（答案会发给学生）：{listed}。"
                f"请恢复模板，或用 --force 原样发布。",
            )
        )
    if out_dir.exists() and any(out_dir.iterdir()):
        if not force:
            raise ReleaseError(
                Text(
                    f"{out_dir} is not empty (use --force to replace it).",
                    f"{out_dir} 不是空的（用 --force 替换）。",
                )
            )
        shutil.rmtree(out_dir)
    records = {e.name: record_public_checks(e) for e in all_exercises()}
    _copy_package(out_dir / "autograder")
    for exercise in all_exercises():
        folder = out_dir / "autograder" / "checks" / exercise.name
        (folder / f"test_{exercise.name}.py").write_text(public_checks_source(exercise), encoding="utf-8")
        record = records[exercise.name]
        (folder / "recorded.json").write_text(RECORD_SCHEMA.dumps(record), encoding="utf-8")
        if exercise.probes_path is not None:
            (folder / "probes.py").write_text(
                probes_used_only(exercise.probes_path, record.probes), encoding="utf-8"
            )
    stubs = out_dir / "exercises"
    stubs.mkdir(parents=True)
    for exercise in all_exercises():
        shutil.copyfile(exercise.stub_path, stubs / f"{exercise.name}.py")
    from . import __version__

    dependencies = json.dumps(
        [*GRADER_REQUIRES, *dict.fromkeys(r for e in all_exercises() for r in e.requires)]
    )
    (out_dir / "pyproject.toml").write_text(
        PYPROJECT.format(version=__version__, dependencies=dependencies), encoding="utf-8"
    )
    listed = "\n".join(f"- `exercises/{e.name}.py`: {e.title.en} / {e.title.zh}" for e in all_exercises())
    (out_dir / "README.md").write_text(README.format(exercises=listed), encoding="utf-8")
    return answered


def _copy_package(target: Path) -> None:
    def ignored(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in LEFT_OUT or n == "__pycache__" or n.endswith(".pyc")}

    shutil.copytree(PACKAGE_DIR, target, ignore=ignored)


def public_checks_source(exercise: Exercise) -> str:
    """The exercise's check module without its hidden checks (their decorators included)."""
    path = CHECKS_DIR / exercise.name / f"test_{exercise.name}.py"
    source = path.read_text(encoding="utf-8")
    hidden = {c.name for c in exercise.checks() if c.spec.hidden}
    return _without_functions(source, hidden)


def probes_used_only(path: Path, used: tuple[str, ...]) -> str:
    """probes.py without the functions no public check uses (hidden checks' probes can
    be near-solutions of other exercises), keeping what the used ones call."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    keep: set[str] = set()
    todo = [name for name in used if name in functions]
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += [n.id for n in ast.walk(functions[name]) if isinstance(n, ast.Name) and n.id in functions]
    return _without_functions(source, set(functions) - keep)


def _without_functions(source: str, names: set[str]) -> str:
    """``source`` without its top-level functions named in ``names``, decorators included."""
    lines = source.splitlines(keepends=True)
    drop: set[int] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and node.name in names:
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            drop.update(range(first - 1, node.end_lineno or node.lineno))
    source = "".join(line for index, line in enumerate(lines) if index not in drop)
    while "\n\n\n\n" in source:
        source = source.replace("\n\n\n\n", "\n\n\n")
    return source


def _probe_names_in(value: object) -> set[str]:
    found: set[str] = set()
    map_leaves(value, lambda v: found.add(v.name) if isinstance(v, Probe) else None)
    return found


def record_public_checks(exercise: Exercise) -> ReleaseRecord:
    """Run the public checks on the reference, recording every reference call and
    every imitation of a mistake on every student call."""
    real = exercise.reference()
    probe_names = exercise.probe_names()
    context = exercise.context()
    mistakes = context.mistakes
    calls: dict[str, dict[str, Stored]] = {}
    imitations: list[list[dict[str, Stored | Raised]]] = [
        [{} for _ in mistake.imitations] for mistake in mistakes
    ]
    probes_used: set[str] = set()
    parameters: dict[str, tuple[str, ...]] = {}

    class RecordingReference:
        def __getattr__(self, name: str):
            function = getattr(real, name)

            def recorded(*args, **kwargs):
                result = function(*copy.deepcopy(args), **copy.deepcopy(kwargs))
                calls.setdefault(name, {})[call_key(args, kwargs, probe_names)] = store(result)
                parameters[name] = tuple(inspect.signature(function).parameters)
                return result

            return recorded

    class RecordingSession(WorkerSession):
        def call(self, function, args, kwargs, convert=None, probes=None):
            probes_used.update(_probe_names_in((args, kwargs)))
            key = call_key(args, kwargs, probe_names)
            for mistake, answers in zip(mistakes, imitations, strict=True):
                if function not in mistake.functions:
                    continue
                for imitation, table in zip(mistake.imitations, answers, strict=True):
                    resolved_args, resolved_kwargs = context.resolve((args, kwargs))
                    if accepts(imitation, resolved_args, resolved_kwargs):
                        value, raised = imitate(imitation, resolved_args, resolved_kwargs)
                        table[key] = Raised(raised) if raised else store(value)
            return super().call(function, args, kwargs, convert, probes)

    session = RecordingSession(
        read_source(exercise.reference_path),
        exercise.name,
        exercise.converters_path,
        preload=exercise.worker_preload,
        setup=exercise.worker_setup,
    )
    try:
        fixtures = {"student": StudentModule(session, context), "reference": RecordingReference()}
        for check in exercise.checks():
            if check.spec.hidden:
                continue
            failure = run_check(check, fixtures, check_rng(0, exercise.name, check.id))
            if failure is not None:
                raise ReleaseError(
                    Text(
                        f"{exercise.name}/{check.id} fails on the reference: {failure.summary.en}",
                        f"{exercise.name}/{check.id} 在参考答案上未通过",
                    )
                )
    finally:
        session.close()
    return ReleaseRecord(
        hidden_checks=sum(c.spec.hidden for c in exercise.checks()),
        hidden_points=sum(c.spec.points for c in exercise.checks() if c.spec.hidden),
        probes=tuple(sorted(probes_used)),
        calls=calls,
        parameters=parameters,
        mistakes=tuple(
            RecordedMistake(m.id, m.functions, m.title, m.hint, tuple(answers))
            for m, answers in zip(mistakes, imitations, strict=True)
        ),
    )

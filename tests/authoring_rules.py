"""The rules of docs/authoring.md an exercise's files must follow, each checked without
grading anything.

Each check takes plain inputs (paths, sources, the registry's objects) and returns its
problems, one line each: the file, what is wrong, the rule and the section of
docs/authoring.md that states it. ``problems(exercise)`` gathers the inputs of every check
for one exercise of the registry.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

from autograder.catalogue import render_markdown
from autograder.i18n import Text
from autograder.mistake import Mistake
from autograder.nbgrader_course import STATEMENT_MARKERS, code_cells
from autograder.reference_source import UnsupportedReference
from autograder.registry import CHECKS_DIR, CheckDef, Exercise
from autograder.stubs import answered_functions

DOCS = ROOT / "docs" / "authoring.md"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
MISTAKE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
FIXTURES = ("student", "reference", "rng")


@dataclass(frozen=True)
class Rule:
    section: str  # the heading of docs/authoring.md that states it
    text: str  # as docs/authoring.md states it

    def problem(self, path: Path, what: str) -> str:
        return f"{shown(path)}: {what}, the rule is {self.text} (docs/authoring.md, '{self.section}')"


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


FILES = Rule("Files", "every file of the table not marked optional exists")
TITLE = Rule("Files", "`TITLE` is a `Text` with an English and a Chinese title")
STATEMENT = Rule(
    "The stub",
    "the module docstring states the task in Chinese after `【中文】`, then in English after `[English]`",
)
STUB_FUNCTIONS = Rule(
    "The stub",
    "every function has a docstring and then only `raise NotImplementedError`; "
    "besides its functions the stub holds only imports and constants",
)
SIGNATURES = Rule("The reference solution", "it defines every function of the stub with the same signature")
REFERENCE_CODE = Rule(
    "The reference solution",
    "besides the stub's functions it holds only imports, constants, helper functions and classes",
)
CHECK_COUNT = Rule("Checks", "at least 6 checks")
POINTS = Rule("Checks", "10 points in all, some public and some hidden")
CHECK_TITLES = Rule("Checks", "every check has its own title in English and in Chinese")
CHECK_FIXTURES = Rule("Checks", "a check takes only the fixtures `student`, `reference` and `rng`")
MISTAKE_IDS = Rule("Mistakes", "an id is lowercase words joined by hyphens, defined once for each function")
MISTAKE_FUNCTIONS = Rule(
    "Mistakes", "a mistake names functions of the stub and has imitations or a signature"
)
IMITATIONS = Rule("Mistakes", "an imitation takes the parameters of a function it imitates")
MISTAKE_TITLES = Rule(
    "Mistakes",
    'the title says what the mistake is, then, after ": " (Chinese "："), how it shows in the numbers',
)
HINTS = Rule("Mistakes", "the hint is in English and in Chinese")
CATALOGUE = Rule(
    "Mistakes", "docs/mistakes.md lists the mistakes as `grade mistakes --format markdown` writes them"
)
MISTAKEN_SUBMISSIONS = Rule(
    "Submissions",
    "every mistake has a file `mistakes/ID.py` (or `ID__VARIANT.py`) and every such file is named by an id of "
    "`MISTAKES`",
)
CORRECT_SUBMISSIONS = Rule("Submissions", "at least 3 correct submissions")
RULES = (
    FILES,
    TITLE,
    STATEMENT,
    STUB_FUNCTIONS,
    SIGNATURES,
    REFERENCE_CODE,
    CHECK_COUNT,
    POINTS,
    CHECK_TITLES,
    CHECK_FIXTURES,
    MISTAKE_IDS,
    MISTAKE_FUNCTIONS,
    IMITATIONS,
    MISTAKE_TITLES,
    HINTS,
    CATALOGUE,
    MISTAKEN_SUBMISSIONS,
    CORRECT_SUBMISSIONS,
)


def missing_files(root: Path, name: str) -> list[str]:
    needed = [
        root / "exercises" / f"{name}.py",
        root / "solutions" / f"{name}.py",
        root / "autograder" / "checks" / name / "__init__.py",
        root / "autograder" / "checks" / name / f"test_{name}.py",
        root / "autograder" / "checks" / name / "mistakes.py",
        root / "tests" / "submissions" / name / "correct",
        root / "tests" / "submissions" / name / "mistakes",
    ]
    return [FILES.problem(path, "missing") for path in needed if not path.exists()]


def title_problems(path: Path, title: object) -> list[str]:
    if not isinstance(title, Text):
        return [TITLE.problem(path, f"TITLE is {type(title).__name__}")]
    return [TITLE.problem(path, f"the {what} title is {text!r}") for what, text in _bilingual_problems(title)]


def _bilingual_problems(text: Text) -> list[tuple[str, str]]:
    """(language, text) of each language that is empty or not written in it."""
    found = []
    if not text.en.strip() or CHINESE.search(text.en):
        found.append(("English", text.en))
    if not CHINESE.search(text.zh):
        found.append(("Chinese", text.zh))
    return found


def statement_problems(path: Path, source: str) -> list[str]:
    docstring = ast.get_docstring(ast.parse(source)) or ""
    chinese, english = STATEMENT_MARKERS["zh"]  # the Chinese task, up to the English one
    if chinese not in docstring or english not in docstring:
        missing = " and ".join(m for m in (chinese, english) if m not in docstring)
        return [STATEMENT.problem(path, f"the module docstring has no {missing}")]
    before, _, rest = docstring.partition(chinese)
    task_zh, _, task_en = rest.partition(english)
    if english in before or not CHINESE.search(task_zh) or not task_en.strip() or CHINESE.search(task_en):
        return [STATEMENT.problem(path, f"no Chinese text after {chinese} and then English after {english}")]
    return []


def stub_problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    found = [] if functions else [STUB_FUNCTIONS.problem(path, "no function")]
    found += [
        STUB_FUNCTIONS.problem(path, f"`{n.name}` has no docstring")
        for n in functions
        if not ast.get_docstring(n)
    ]
    found += [STUB_FUNCTIONS.problem(path, f"{where} holds code") for where in answered_functions(path)]
    return found


def signature_problems(
    stub_path: Path, stub: dict[str, Callable], reference_path: Path, reference: dict[str, Callable]
) -> list[str]:
    found = []
    for name, function in stub.items():
        if name not in reference:
            found.append(SIGNATURES.problem(reference_path, f"no function `{name}`"))
        elif _signature(reference[name]) != _signature(function):
            found.append(
                SIGNATURES.problem(
                    reference_path,
                    f"`{name}{_signature(reference[name])}` where {shown(stub_path)} has "
                    f"`{name}{_signature(function)}`",
                )
            )
    return found


def _signature(function: Callable) -> inspect.Signature:
    signature = inspect.signature(function)
    parameters = [p.replace(annotation=inspect.Parameter.empty) for p in signature.parameters.values()]
    return signature.replace(parameters=parameters, return_annotation=inspect.Signature.empty)


def reference_problems(name: str, stub: str, reference_path: Path) -> list[str]:
    """Whether the notebook's solution cells can carry the reference (nbgrader_course builds them)."""
    try:
        code_cells(name, stub, reference_path.read_text(encoding="utf-8"), reference_path)
    except UnsupportedReference as error:
        return [REFERENCE_CODE.problem(reference_path, f"line {error.line}: {error.problem.en}")]
    return []


def check_problems(path: Path, checks: Sequence[CheckDef]) -> list[str]:
    found = []
    if len(checks) < 6:
        found.append(CHECK_COUNT.problem(path, f"{len(checks)} checks"))
    points = sum(check.spec.points for check in checks)
    hidden = sum(check.spec.hidden for check in checks)
    if points != 10 or any(check.spec.points <= 0 for check in checks):
        found.append(
            POINTS.problem(path, f"{points:g} points ({', '.join(f'{c.spec.points:g}' for c in checks)})")
        )
    if not 0 < hidden < len(checks):
        found.append(POINTS.problem(path, f"{hidden} of {len(checks)} checks hidden"))
    for check in checks:
        found += [
            CHECK_TITLES.problem(path, f"`{check.name}`'s {what} title is {text!r}")
            for what, text in _bilingual_problems(check.spec.title)
        ]
        unknown = [p for p in inspect.signature(check.function).parameters if p not in FIXTURES]
        if unknown:
            found.append(CHECK_FIXTURES.problem(path, f"`{check.name}` takes {', '.join(unknown)}"))
    for lang in ("en", "zh"):
        titles = [check.spec.title(lang) for check in checks]
        found += [
            CHECK_TITLES.problem(path, f"two checks are titled {title!r}")
            for title in sorted({t for t in titles if titles.count(t) > 1})
        ]
    return found


def mistake_problems(path: Path, mistakes: Sequence[Mistake], parameters: dict[str, list[str]]) -> list[str]:
    """``parameters``: the stub's functions and the names of their parameters."""
    found = []
    seen: dict[tuple[str, str], Mistake] = {}
    for mistake in mistakes:
        label = f"`{mistake.id}`"
        if not MISTAKE_ID.fullmatch(mistake.id):
            found.append(MISTAKE_IDS.problem(path, f"the id {label}"))
        for function in mistake.functions:
            if (mistake.id, function) in seen:
                found.append(MISTAKE_IDS.problem(path, f"{label} is defined twice for `{function}`"))
            seen[(mistake.id, function)] = mistake
        first = next(m for m in mistakes if m.id == mistake.id)
        if (first.title, first.hint) != (mistake.title, mistake.hint):
            found.append(MISTAKE_IDS.problem(path, f"{label} is defined with two titles or hints"))
        unknown = [f for f in mistake.functions if f not in parameters]
        if unknown or not mistake.functions:
            found.append(
                MISTAKE_FUNCTIONS.problem(path, f"{label} names {', '.join(unknown) or 'no function'}")
            )
        if not mistake.imitations and mistake.signature is None:
            found.append(MISTAKE_FUNCTIONS.problem(path, f"{label} has neither imitations nor a signature"))
        for imitation in mistake.imitations:
            taken = list(inspect.signature(imitation).parameters)
            if taken not in [parameters.get(f) for f in mistake.functions]:
                found.append(
                    IMITATIONS.problem(path, f"{label}'s imitation `{imitation.__name__}` takes {taken}")
                )
        for lang, separator in (("en", ": "), ("zh", "：")):
            what, _, shows = mistake.title(lang).partition(separator)
            if not what.strip() or not shows.strip():
                found.append(MISTAKE_TITLES.problem(path, f"{label}'s title is {mistake.title(lang)!r}"))
        found += [
            HINTS.problem(path, f"{label}'s {what} hint is {text!r}")
            for what, text in _bilingual_problems(mistake.hint)
        ]
    return found


def catalogue_problems(catalogue: Path, exercise: Exercise) -> list[str]:
    lines = render_markdown([exercise]).splitlines()
    section = "\n".join(lines[next(i for i, line in enumerate(lines) if line.startswith("## ")) :])
    if section not in catalogue.read_text(encoding="utf-8"):
        return [
            CATALOGUE.problem(catalogue, f"{exercise.name}'s mistakes are not listed as they are defined")
        ]
    return []


def submission_problems(folder: Path, ids: set[str]) -> list[str]:
    found = []
    written = {path.stem.split("__")[0]: path for path in sorted((folder / "mistakes").glob("*.py"))}
    found += [
        MISTAKEN_SUBMISSIONS.problem(folder / "mistakes", f"no file for `{i}`")
        for i in sorted(ids - written.keys())
    ]
    found += [
        MISTAKEN_SUBMISSIONS.problem(written[i], f"`{i}` is no id of MISTAKES")
        for i in sorted(written.keys() - ids)
    ]
    correct = [p for p in (folder / "correct").glob("*") if p.suffix in (".py", ".ipynb")]
    if len(correct) < 3:
        found.append(CORRECT_SUBMISSIONS.problem(folder / "correct", f"{len(correct)} correct submissions"))
    return found


def _functions(module: object) -> dict[str, Callable]:
    return {
        name: value
        for name, value in vars(module).items()
        if inspect.isfunction(value) and value.__module__ == getattr(module, "__name__", None)
    }


def _module_at(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def problems(exercise: Exercise) -> list[str]:
    """Every rule, checked on one exercise of the registry."""
    name, folder = exercise.name, CHECKS_DIR / exercise.name
    found = missing_files(ROOT, name)
    if found:
        return found
    stub_path, reference_path = exercise.stub_path, exercise.reference_path
    stub_source = stub_path.read_text(encoding="utf-8")
    stub = _functions(_module_at(stub_path, f"stub_{name}"))
    reference = {n: getattr(exercise.reference(), n) for n in stub if hasattr(exercise.reference(), n)}
    parameters = {n: list(inspect.signature(f).parameters) for n, f in stub.items()}
    return [
        *title_problems(folder / "__init__.py", exercise.title),
        *statement_problems(stub_path, stub_source),
        *stub_problems(stub_path),
        *signature_problems(stub_path, stub, reference_path, reference),
        *reference_problems(name, stub_source, reference_path),
        *check_problems(folder / f"test_{name}.py", exercise.checks()),
        *mistake_problems(folder / "mistakes.py", exercise.mistakes(), parameters),
        *catalogue_problems(ROOT / "docs" / "mistakes.md", exercise),
        *submission_problems(ROOT / "tests" / "submissions" / name, {m.id for m in exercise.mistakes()}),
    ]

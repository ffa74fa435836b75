"""Exercise 4's checks: 10 points. Run `pytest` on this folder to check the reference.

The plot is judged from plain data: ``converters.axes_summary`` reads the Axes in
the worker (its lines' x and y, labels, axis labels, legend, whether its figure
is new), and the checks below find the lines that draw 1 − p and −ln p by their
data, then judge each one's points and label. A plot check lists every problem
it finds, not just the first.
"""

from typing import NoReturn
from weakref import WeakKeyDictionary

import numpy as np

from ...calls import Call
from ...checking import Made, check, expect_same, expect_unchanged, fail
from ...i18n import Text
from .plot_data import (
    CURVES,
    LOG_MIN_POINTS,
    curve_lines,
    describe,
    grid_problem,
    has_axes,
    match,
    names,
    other_lines,
    plot_lines,
)

# the course's probabilities (MISCONCEPTIONS.md, exercise4)
CHAPTER_PS = np.array([0.99, 0.9, 0.5, 0.1, 0.01])


@check(1.5, en="1 − p and −ln p at the chapter's probabilities", zh="课文中各概率处的 1 − p 与 −ln p")
def test_penalties_chapter_values(student, reference):
    expect_same(student.linear_penalty, reference.linear_penalty, CHAPTER_PS.copy())
    expect_same(student.log_penalty, reference.log_penalty, CHAPTER_PS.copy())


@check(2, en="penalty_table: the chapter's probabilities", zh="penalty_table：课文中的概率")
def test_table_chapter_values(student, reference):
    expect_same(student.penalty_table, reference.penalty_table, CHAPTER_PS.copy())


@check(
    1.5,
    en="penalty_table at p = 1: the ratio's limit, 1",
    zh="penalty_table 在 p = 1 处：比值取极限 1",
    hidden=True,
)
def test_table_at_one(student, reference):
    expect_same(student.penalty_table, reference.penalty_table, np.array([0.25, 1.0, 0.75]))
    expect_same(student.penalty_table, reference.penalty_table, np.array([1.0, 0.1, 1.0, 0.6]))


@check(1, en="random probabilities, in 1-D and 2-D arrays", zh="随机概率（一维和二维数组）", hidden=True)
def test_random_probabilities(student, reference, rng):
    ps = rng.uniform(0.02, 0.98, size=7)
    expect_same(student.linear_penalty, reference.linear_penalty, ps)
    expect_same(student.log_penalty, reference.log_penalty, ps)
    expect_same(student.penalty_table, reference.penalty_table, np.append(ps, 1.0))
    grid = rng.uniform(0.02, 0.98, size=(2, 3))  # "an array of any shape"
    expect_same(student.linear_penalty, reference.linear_penalty, grid)
    expect_same(student.log_penalty, reference.log_penalty, grid)


@check(1, en="float32 arrays and plain Python lists", zh="float32 数组和 Python 列表", hidden=True)
def test_float32_and_lists(student, reference, rng):
    ps = rng.uniform(0.05, 0.95, size=5).astype(np.float32)
    expect_same(student.linear_penalty, reference.linear_penalty, ps)
    expect_same(student.log_penalty, reference.log_penalty, ps)
    expect_same(student.penalty_table, reference.penalty_table, np.append(ps, np.float32(1.0)))
    expect_same(student.linear_penalty, reference.linear_penalty, [0.2, 0.7, 1.0])
    expect_same(student.log_penalty, reference.log_penalty, [0.2, 0.7, 1.0])
    expect_same(student.penalty_table, reference.penalty_table, [0.3, 1.0, 0.05])


@check(0.5, en="the caller's arrays are left unchanged", zh="不修改调用者的数组", hidden=True)
def test_inputs_unchanged(student, reference):
    ps = np.array([0.5, 1.0, 0.2, 0.8])
    expect_unchanged(student.linear_penalty, reference.linear_penalty, ps)
    expect_unchanged(student.log_penalty, reference.log_penalty, ps)
    expect_unchanged(student.penalty_table, reference.penalty_table, ps)


# ---- the plot ----------------------------------------------------------------------------

AN_AXES = Made("axes_to_draw_on", "<Axes>")  # the first of two, on pyplot's current figure


# plot_penalties(ax=None) of each student, called once: every check of the plot reads that one
# call (a figure takes matplotlib milliseconds to make, and a class has many students)
_PLOTTED_ON_NEW_FIGURE: WeakKeyDictionary = WeakKeyDictionary()


def _summary(student, ax: object = None) -> Call:
    """Call plot_penalties(ax=ax) in the worker; the call, its result read as an axes summary."""
    call = _PLOTTED_ON_NEW_FIGURE.get(student) if ax is None else None
    if call is None:
        call = student.converted("plot_penalties", "axes_summary").observe(ax=ax)
        if ax is None:
            _PLOTTED_ON_NEW_FIGURE[student] = call
    if call.error is not None:
        fail(call, en="", zh="")  # not implemented, raised, ...: the generic message
    return call


def _plotted(student) -> tuple[Call, dict]:
    """plot_penalties(ax=None) and the summary of the Axes it drew on: the one returned,
    or else the one the result points to (one mistake, one deduction: a forgotten
    `return ax` fails only the check about what is returned)."""
    call = _summary(student)
    summary = call.received
    if has_axes(summary):
        return call, summary
    _fail(call, [_not_axes(summary)], Text("a matplotlib Axes", "一个 matplotlib Axes"))


def _fail(call: Call, problems: list[Text], expected: Text, diagnose: bool = False) -> NoReturn:
    """fail() with every problem found, showing the plot in words rather than the raw summary.
    The known mistakes are all about the curves' data: only the curves check names them."""
    fail(
        call,
        en=" ".join(p.en for p in problems),
        zh="".join(p.zh for p in problems),
        shown_expected=expected,
        shown_received=describe(call.received),
        diagnose=diagnose,
    )


def _not_axes(summary: object) -> Text:
    kind = summary.get("type", "?") if isinstance(summary, dict) else "?"
    if kind == "NoneType":
        return Text(
            "`plot_penalties` returned None: end it with `return ax`, the Axes you drew on.",
            "`plot_penalties` 返回了 None：请在函数最后 `return ax`，返回画图用的 Axes。",
        )
    if kind in ("Figure", "SubFigure"):
        return Text(
            "`plot_penalties` returned a Figure, not an Axes: return the Axes you drew on "
            "(`fig, ax = plt.subplots()` … `return ax`).",
            "`plot_penalties` 返回的是 Figure 而不是 Axes：请返回画图用的 Axes"
            "（`fig, ax = plt.subplots()` … `return ax`）。",
        )
    if kind in ("list", "tuple"):
        return Text(
            f"`plot_penalties` returned a {kind} (what plt.plot and ax.plot return), not an Axes: "
            "return the Axes itself (`return ax`, or `return plt.gca()`).",
            f"`plot_penalties` 返回了一个 {kind}（plt.plot 和 ax.plot 的返回值），而不是 Axes："
            "请返回 Axes 本身（`return ax` 或 `return plt.gca()`）。",
        )
    return Text(
        f"`plot_penalties` returned an object of type {kind}, not a matplotlib Axes.",
        f"`plot_penalties` 返回了 {kind} 类型的对象，而不是 matplotlib 的 Axes。",
    )


@check(
    0.5,
    en="plot_penalties draws on ax (on a new figure when ax=None) and returns it",
    zh="plot_penalties 画在 ax 上（ax=None 时新建图）并返回它",
)
def test_plot_returns_axes(student):
    # the Axes passed in is not pyplot's current one, and its figure is the current figure:
    # the call after it shows code that draws on the current figure instead of a new one
    given = _summary(student, AN_AXES)
    fresh = _summary(student, None)
    fresh_problems, given_problems = (
        _new_figure_problems(fresh.received),
        _given_axes_problems(given.received),
    )
    if fresh_problems and isinstance(given.received, dict) and given.received.get("given") == "drawn":
        given_problems = []  # something else returned with ax given too: the same mistake, said once
    if fresh_problems or given_problems:
        _fail(
            fresh if fresh_problems else given,
            fresh_problems + given_problems,
            Text(
                "with ax=None, an Axes on a new figure; with ax given, that Axes, drawn on",
                "ax=None 时返回新图上的 Axes；传入 ax 时在它上面画图并返回它",
            ),
        )


def _new_figure_problems(summary: object) -> list[Text]:
    if not isinstance(summary, dict) or summary.get("is_axes") is not True:
        return [_not_axes(summary)]
    if summary.get("figure") == "existing":
        return [
            Text(
                "plot_penalties(ax=None) drew on a figure that already existed (pyplot's current "
                "figure, where plt.gca() and plt.plot draw) instead of a new one: when ax is None, "
                "start with `fig, ax = plt.subplots()`.",
                "plot_penalties(ax=None) 画在了已有的图上（pyplot 当前的图，plt.gca() 和 plt.plot 都画在那里），"
                "而不是新建一个图：ax 为 None 时，请先 `fig, ax = plt.subplots()`。",
            )
        ]
    return []


def _given_axes_problems(summary: object) -> list[Text]:
    state = summary.get("given") if isinstance(summary, dict) else None
    if state == "empty":
        return [
            Text(
                "plot_penalties(ax) left the Axes passed as ax empty and drew elsewhere: when ax "
                "is given, draw on it (ax.plot(...)) and return it.",
                "plot_penalties(ax) 没有在传入的 ax 上画图，而是画到了别处：传入 ax 时，"
                "请在它上面画（ax.plot(...)）并返回它。",
            )
        ]
    if state == "drawn":
        return [
            Text(
                "plot_penalties(ax) drew on the Axes passed as ax but returned something else: return that ax.",
                "plot_penalties(ax) 在传入的 ax 上画了图，却返回了别的对象：请返回这个 ax。",
            )
        ]
    if state == "returned" and not plot_lines(summary):
        return [
            Text(
                "plot_penalties(ax) returned the Axes passed as ax without drawing on it.",
                "plot_penalties(ax) 原样返回了传入的 ax，没有在上面画图。",
            )
        ]
    return []  # "unmade": the student's code broke pyplot before the grader could make an Axes


CURVES_EXPECTED = Text(
    "a line with y = 1 − p and a line with y = −ln p, for p from 0.01 to 1 (finite y)",
    "一条 y = 1 − p 的线和一条 y = −ln p 的线，p 从 0.01 到 1（y 为有限值）",
)


@check(1.5, en="the plot: 1 − p and −ln p over p in [0.01, 1]", zh="图：p ∈ [0.01, 1] 上的 1 − p 与 −ln p")
def test_plot_curves(student):
    call, summary = _plotted(student)
    if not plot_lines(summary):
        _fail(
            call,
            [
                Text(
                    "The Axes has no lines: draw each curve with ax.plot(p, values, label=...).",
                    "Axes 上没有线：请用 ax.plot(p, 数值, label=...) 画出每条曲线。",
                )
            ],
            CURVES_EXPECTED,
        )
    problems = []
    found = curve_lines(summary)
    elsewhere = match(other_lines(summary))
    for curve in CURVES:
        line = found[curve.name]
        if line is None and elsewhere[curve.name] is not None:
            problems.append(
                Text(
                    f"The line of {curve.name} is on another Axes of the figure (ax.twinx(), or another "
                    "subplot), not on the Axes returned: draw both curves on one Axes, with one y scale, "
                    "so that their sizes compare.",
                    f"{curve.name} 这条线画在了图中另一个 Axes 上（ax.twinx() 或另一个子图），不在返回的 Axes 上："
                    "请把两条曲线画在同一个 Axes 上、用同一个 y 轴刻度，才能比较它们的大小。",
                )
            )
            continue
        if line is None:
            problems.append(
                Text(
                    f"None of the plotted lines has y = {curve.name} at its x values.",
                    f"图中没有一条线满足 y = {curve.name}（按它自己的 x 值计算）。",
                )
            )
            continue
        problem = grid_problem(line, curve)
        if problem is not None:
            problems.append(
                Text(
                    f"The line of {curve.name} is not drawn over [0.01, 1]: {problem.en}.",
                    f"{curve.name} 这条线没有画在 [0.01, 1] 上：{problem.zh}。",
                )
            )
    if problems:
        _fail(call, problems, CURVES_EXPECTED, diagnose=True)


LABELS_EXPECTED = Text(
    "each curve labelled with its own name, both axes labelled, a legend listing the curves",
    "每条曲线有自己的标签，两个坐标轴都有标签，图例列出两条曲线",
)


@check(0.5, en="the plot: labelled lines, axis labels and a legend", zh="图：线条标签、坐标轴标签和图例")
def test_plot_labels_and_legend(student):
    call, summary = _plotted(student)
    problems = _curve_label_problems(summary)
    for axis in ("x", "y"):
        if not str(summary.get(f"{axis}label", "")).strip():
            problems.append(
                Text(
                    f"The {axis} axis has no label: ax.set_{axis}label(...).",
                    f"{axis} 轴没有标签：请用 ax.set_{axis}label(...)。",
                )
            )
    if not summary.get("legend"):
        problems.append(
            Text(
                "The plot has no legend: call ax.legend() after drawing the labelled lines.",
                "图中没有图例：画完带标签的线之后调用 ax.legend()。",
            )
        )
    else:
        for name, line in curve_lines(summary).items():
            if line is not None and line.label.strip() and not line.legend:
                problems.append(
                    Text(
                        f"The legend does not list the line of {name} ({line.label!r}): call "
                        "ax.legend() after drawing both lines.",
                        f"图例里没有 {name} 这条线（{line.label!r}）：请在画完两条线之后再调用 ax.legend()。",
                    )
                )
    if problems:
        _fail(call, problems, LABELS_EXPECTED)


def _curve_label_problems(summary: dict) -> list[Text]:
    """Each curve's line has a label of its own, naming that curve and not the other."""
    lines = plot_lines(summary)
    found = match(lines)
    problems = []
    labelled = {name: line.shown_label.strip() for name, line in found.items() if line is not None}
    for name, label in labelled.items():
        if not label:
            problems.append(
                Text(
                    f"The line of {name} has no label: pass label=... to plot.",
                    f"{name} 这条线没有标签：请给 plot 传入 label=...。",
                )
            )
    values = [label for label in labelled.values() if label]
    if len(values) == len(CURVES) and len(set(values)) == 1:
        problems.append(
            Text(
                f"Both curves are labelled {values[0]!r}: give each its own label.",
                f"两条曲线的标签都是 {values[0]!r}：请给每条线一个自己的标签。",
            )
        )
        return problems
    misnamed = {
        name: label for name, label in labelled.items() if label and names(label) and name not in names(label)
    }
    if len(misnamed) == len(CURVES):
        (first, first_label), (second, second_label) = misnamed.items()
        problems.append(
            Text(
                f"The labels are swapped: the line of {first} is labelled {first_label!r} and the line of "
                f"{second} is labelled {second_label!r}.",
                f"两条线的标签弄反了：{first} 这条线的标签是 {first_label!r}，{second} 这条线的标签是 "
                f"{second_label!r}。",
            )
        )
    else:
        for name, label in misnamed.items():
            problems.append(
                Text(
                    f"The line of {name} is labelled {label!r}, the name of the other curve.",
                    f"{name} 这条线的标签是 {label!r}，这是另一条曲线的名字。",
                )
            )
    if len(labelled) < len(
        CURVES
    ):  # a curve drawn wrong (the curves check says so): its line needs a label too
        drawn = [line for line in found.values() if line is not None]
        for line in plot_lines(summary):
            if (
                line.x.size >= LOG_MIN_POINTS
                and not line.shown_label.strip()
                and all(line is not d for d in drawn)
            ):
                problems.append(
                    Text(
                        f"A line of {line.x.size} points has no label: label each curve (label=... in plot).",
                        f"有一条 {line.x.size} 个点的线没有标签：请给每条曲线加上标签（plot 的 label=...）。",
                    )
                )
    return problems

"""Exercise 4's checks: 10 points. Run `pytest` on this folder to check the reference.

The plot is judged from plain data: ``converters.axes_summary`` reads the returned
Axes in the worker (its lines' x and y, labels, axis labels, legend), and the
checks below compare that data with 1 - p and -ln p.
"""

import numpy as np

from ...checking import check, expect_same, fail
from .plot_data import follows, minus_ln, one_minus, plot_lines

# the course's probabilities (MISCONCEPTIONS.md, exercise4)
CHAPTER_PS = np.array([0.99, 0.9, 0.5, 0.1, 0.01])

GRID_LOW, GRID_HIGH = 0.01, 1.0
LOG_MIN_POINTS = 10  # enough to show the curve's shape; a straight 1 - p needs only 2


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


@check(1, en="random probabilities", zh="随机概率", hidden=True)
def test_random_probabilities(student, reference, rng):
    ps = rng.uniform(0.02, 0.98, size=7)
    expect_same(student.linear_penalty, reference.linear_penalty, ps)
    expect_same(student.log_penalty, reference.log_penalty, ps)
    expect_same(student.penalty_table, reference.penalty_table, np.append(ps, 1.0))


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
    expect_same(student.linear_penalty, reference.linear_penalty, ps)
    expect_same(student.log_penalty, reference.log_penalty, ps)
    expect_same(student.penalty_table, reference.penalty_table, ps)


# ---- the plot ----------------------------------------------------------------------------


def _plotted(student):
    """Call plot_penalties(ax=None) in the worker; the call and the axes summary."""
    call = student.converted("plot_penalties", "axes_summary").observe(ax=None)
    if call.error is not None:
        fail(call, en="", zh="")  # not implemented, raised, ...: the generic message
    summary = call.received
    if not isinstance(summary, dict) or summary.get("is_axes") is not True:
        _fail_not_axes(call, summary)
    return call, summary


def _fail_not_axes(call, summary):
    kind = summary.get("type", "?") if isinstance(summary, dict) else "?"
    if kind == "NoneType":
        en, zh = (
            "`plot_penalties` returned None: end it with `return ax`, the Axes you drew on.",
            "`plot_penalties` 返回了 None：请在函数最后 `return ax`，返回画图用的 Axes。",
        )
    elif kind in ("Figure", "SubFigure"):
        en, zh = (
            "`plot_penalties` returned a Figure, not an Axes: return the Axes you drew on "
            "(`fig, ax = plt.subplots()` … `return ax`).",
            "`plot_penalties` 返回的是 Figure 而不是 Axes：请返回画图用的 Axes"
            "（`fig, ax = plt.subplots()` … `return ax`）。",
        )
    elif kind in ("list", "tuple"):
        en, zh = (
            f"`plot_penalties` returned a {kind} (what plt.plot and ax.plot return), not an Axes: "
            "return the Axes itself (`return ax`, or `return plt.gca()`).",
            f"`plot_penalties` 返回了一个 {kind}（plt.plot 和 ax.plot 的返回值），而不是 Axes："
            "请返回 Axes 本身（`return ax` 或 `return plt.gca()`）。",
        )
    else:
        en, zh = (
            f"`plot_penalties` returned an object of type {kind}, not a matplotlib Axes.",
            f"`plot_penalties` 返回了 {kind} 类型的对象，而不是 matplotlib 的 Axes。",
        )
    _fail_plot(call, en, zh, expected="a matplotlib Axes")


def _fail_plot(call, en, zh, expected):
    """fail(), showing the plot in a few words rather than the raw summary."""
    fail(call, en=en, zh=zh, shown_expected=expected, shown_received=_describe(call.received))


def _describe(summary):
    """The summary of an Axes in a line or two, for the report."""
    if not isinstance(summary, dict):
        return "?"
    if summary.get("is_axes") is not True:
        kind = summary.get("type", "?")
        return "None" if kind == "NoneType" else f"a {kind}"
    parts = []
    for x, y, label in plot_lines(summary)[:4]:
        name = repr(label) if label else "(no label)"
        if x.size:
            parts.append(
                f"{name}: {x.size} points, x {_num(x[0])} … {_num(x[-1])}, y {_num(y[0])} … {_num(y[-1])}"
            )
        else:
            parts.append(f"{name}: no numeric data")
    count = len(summary.get("lines") or []) + int(summary.get("more_lines") or 0)
    text = f"an Axes with {count} line{'s' if count != 1 else ''}"
    if parts:
        text += ": " + "; ".join(parts)
    text += (
        f". x label {summary.get('xlabel', '')!r}, y label {summary.get('ylabel', '')!r}, "
        f"legend {summary.get('legend') or 'none'}"
    )
    return text


def _num(value):
    return f"{float(value):.6g}"


def _curve_lines(summary, curve, min_points=2):
    return [line for line in plot_lines(summary) if follows(line[0], line[1], curve, min_points)]


def _grid_problem(x, y, min_points):
    """What is wrong with a curve's points, as (en, zh), or None."""
    if not np.isfinite(x).all():
        return "its x data contain NaN or inf", "它的 x 数据里有 NaN 或 inf"
    low, high = float(x.min()), float(x.max())
    if low < GRID_LOW * (1 - 1e-6):
        return (
            f"it starts at p = {_num(low)}; plot from p = 0.01 (−ln 0 = ∞)",
            f"它从 p = {_num(low)} 开始；应从 p = 0.01 开始画（−ln 0 = ∞）",
        )
    if high > GRID_HIGH + 1e-6:
        return (
            f"it goes on to p = {_num(high)}, beyond 1: a probability is at most 1",
            f"它一直画到 p = {_num(high)}，超过了 1：概率最大是 1",
        )
    if high < GRID_HIGH - 1e-6:
        return (
            f"it stops at p = {_num(high)}; let the grid reach p = 1 (np.linspace(0.01, 1, ...) does)",
            f"它停在 p = {_num(high)}；网格要一直到 p = 1（np.linspace(0.01, 1, ...) 就包括 1）",
        )
    if not np.isfinite(y).all():
        return "its y data contain NaN or inf", "它的 y 数据里有 NaN 或 inf"
    if x.size < min_points:
        return (
            f"it has only {x.size} points; use enough to show the curve (e.g. 100)",
            f"它只有 {x.size} 个点；请用足够多的点画出曲线的形状（例如 100 个）",
        )
    return None


CURVES = (
    ("1 − p", one_minus, 2),
    ("−ln p", minus_ln, LOG_MIN_POINTS),
)


@check(
    0.5,
    en="plot_penalties(ax=None) draws on a new figure and returns the Axes",
    zh="plot_penalties(ax=None) 新建图并返回 Axes",
)
def test_plot_returns_axes(student):
    _plotted(student)


@check(1.5, en="the plot: 1 − p and −ln p over p in [0.01, 1]", zh="图：p ∈ [0.01, 1] 上的 1 − p 与 −ln p")
def test_plot_curves(student):
    call, summary = _plotted(student)
    expected = "a line with y = 1 − p and a line with y = −ln p, for p from 0.01 to 1 (finite y)"
    if not plot_lines(summary):
        _fail_plot(
            call,
            "The Axes has no lines: draw each curve with ax.plot(p, values, label=...).",
            "Axes 上没有线：请用 ax.plot(p, 数值, label=...) 画出每条曲线。",
            expected,
        )
    for name, curve, min_points in CURVES:
        lines = _curve_lines(summary, curve)
        if not lines:
            _fail_plot(
                call,
                f"None of the plotted lines has y = {name} at its x values.",
                f"图中没有一条线满足 y = {name}（按它自己的 x 值计算）。",
                expected,
            )
        problems = [_grid_problem(x, y, min_points) for x, y, _ in lines]
        if all(problems):
            en, zh = problems[0]
            _fail_plot(
                call,
                f"The line of {name} is not drawn over [0.01, 1]: {en}.",
                f"{name} 这条线没有画在 [0.01, 1] 上：{zh}。",
                expected,
            )


@check(0.5, en="the plot: labelled lines, axis labels and a legend", zh="图：线条标签、坐标轴标签和图例")
def test_plot_labels_and_legend(student):
    call, summary = _plotted(student)
    expected = "each curve labelled, both axes labelled, a legend listing the curves"
    lines = plot_lines(summary)
    curves = []
    for name, curve, _ in CURVES:
        found = _curve_lines(summary, curve)
        if found:
            curves.append((name, found[0][2]))
    for name, label in curves:
        if not label.strip():
            _fail_plot(
                call,
                f"The line of {name} has no label: pass label=... to plot.",
                f"{name} 这条线没有标签：请给 plot 传入 label=...。",
                expected,
            )
    if sum(1 for _, _, label in lines if label.strip()) < 2:
        _fail_plot(
            call,
            "Fewer than two lines carry a label: label both curves (label=... in plot).",
            "带标签的线少于两条：请给两条曲线都加上标签（plot 的 label=...）。",
            expected,
        )
    for axis, key in (("x", "xlabel"), ("y", "ylabel")):
        if not str(summary.get(key, "")).strip():
            _fail_plot(
                call,
                f"The {axis} axis has no label: ax.set_{axis}label(...).",
                f"{axis} 轴没有标签：请用 ax.set_{axis}label(...)。",
                expected,
            )
    legend = summary.get("legend") or []
    if not legend:
        _fail_plot(
            call,
            "The plot has no legend: call ax.legend() after drawing the labelled lines.",
            "图中没有图例：画完带标签的线之后调用 ax.legend()。",
            expected,
        )
    for name, label in curves:
        if label not in legend:
            _fail_plot(
                call,
                f"The legend does not list the line of {name} ({label!r}): call ax.legend() "
                "after drawing both lines.",
                f"图例里没有 {name} 这条线（{label!r}）：请在画完两条线之后再调用 ax.legend()。",
                expected,
            )

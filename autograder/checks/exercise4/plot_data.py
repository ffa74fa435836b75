"""The plot of exercise 4 as plain data: its lines, which of them draw the two curves,
and the plot in words for a report.

Shared by the checks and the diagnosis of mistakes. The curves are found by their
data, whatever else is drawn on the Axes (reference lines, markers) and in
whatever order: a line draws a curve when its y is the curve at its own x.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeGuard

import numpy as np

from ...i18n import Text

# how closely a plotted line must follow a curve (float32 data included)
LINE_RTOL, LINE_ATOL = 1e-4, 1e-6
GRID_LOW, GRID_HIGH = 0.01, 1.0
LOG_MIN_POINTS = 10  # enough to show the curve's shape; a straight 1 - p needs only 2
SHOWN_LINES = 4
NO_LABEL = Text("(no label)", "（无标签）")


def one_minus(x: np.ndarray) -> np.ndarray:
    return 1.0 - x


def minus_ln(x: np.ndarray) -> np.ndarray:
    return -np.log(x)


@dataclass(frozen=True)
class Curve:
    """One of the curves the plot must show, and the words a label names it by."""

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    min_points: int
    named_by: re.Pattern[str]


LINEAR = Curve("1 − p", one_minus, 2, re.compile(r"1\s*[-−–]\s*p|linear|线性", re.IGNORECASE))
LOG = Curve("−ln p", minus_ln, LOG_MIN_POINTS, re.compile(r"ln|log|对数|entropy|熵", re.IGNORECASE))
CURVES = (LINEAR, LOG)


@dataclass(frozen=True)
class Line:
    """A plotted line: its data, its own label ("" for none) and the legend texts showing it."""

    x: np.ndarray
    y: np.ndarray
    label: str
    legend: tuple[str, ...]

    @property
    def shown_label(self) -> str:
        """What a reader takes the line's name to be: its legend entry, else its own label."""
        return self.legend[0] if self.legend else self.label


def has_axes(summary: object) -> TypeGuard[dict[str, Any]]:
    """Whether an axes summary describes an Axes (returned, or found where the result points)."""
    return isinstance(summary, dict) and summary.get("source") in ("returned", "figure", "lines", "current")


def plot_lines(summary: object) -> list[Line]:
    """The lines of an axes summary with float data of equal length; [] without an Axes."""
    if not has_axes(summary):
        return []
    found = []
    for line in summary.get("lines") or []:
        if not isinstance(line, dict):
            continue
        x, y = _array(line.get("x")), _array(line.get("y"))
        label = line["label"] if isinstance(line.get("label"), str) else ""
        legend = tuple(t for t in line.get("legend") or [] if isinstance(t, str))
        if x is not None and y is not None and x.shape == y.shape:
            found.append(Line(x, y, label, legend))
    return found


def other_lines(summary: object) -> list[Line]:
    """The lines on the figure's other Axes (a twin, other subplots), data only."""
    if not has_axes(summary):
        return []
    return plot_lines({"source": "returned", "lines": summary.get("other_lines")})


def _array(value: object) -> np.ndarray | None:
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf" or value.ndim != 1:
        return None
    return value.astype(float)


def follows(line: Line, function: Callable[[np.ndarray], np.ndarray]) -> bool:
    """Whether the line's y is ``function(x)`` at every point with x > 0 (inf and NaN where
    the function has them), over at least two different x > 0. Points at x <= 0 are
    left out, so that a grid starting at 0 is still recognised as the curve; a reference
    line (ax.axhline(0) runs from x = 0 to 1) is not."""
    keep = line.x > 0
    if np.unique(line.x[keep]).size < 2:
        return False
    with np.errstate(all="ignore"):
        want = function(line.x[keep])
    got = line.y[keep]
    with np.errstate(invalid="ignore", over="ignore"):
        same = (np.isnan(got) & np.isnan(want)) | (np.isinf(got) & (got == want))
        same |= np.abs(got - want) <= LINE_ATOL + LINE_RTOL * np.abs(want)
    return bool(same.all())


def grid_problem(line: Line, curve: Curve) -> Text | None:
    """What is wrong with the points a curve is drawn at, or None."""
    x, y = line.x, line.y
    if not np.isfinite(x).all():
        return Text("its x data contain NaN or inf", "它的 x 数据里有 NaN 或 inf")
    low, high = float(x.min()), float(x.max())
    if low < GRID_LOW * (1 - 1e-6):
        return Text(
            f"it starts at p = {number(low)}; plot from p = 0.01 (−ln 0 = ∞)",
            f"它从 p = {number(low)} 开始；应从 p = 0.01 开始画（−ln 0 = ∞）",
        )
    if high > GRID_HIGH + 1e-6:
        return Text(
            f"it goes on to p = {number(high)}, beyond 1: a probability is at most 1",
            f"它一直画到 p = {number(high)}，超过了 1：概率最大是 1",
        )
    if high < GRID_HIGH - 1e-6:
        return Text(
            f"it stops at p = {number(high)}; let the grid reach p = 1 (np.linspace(0.01, 1, ...) does)",
            f"它停在 p = {number(high)}；网格要一直到 p = 1（np.linspace(0.01, 1, ...) 就包括 1）",
        )
    if not np.isfinite(y).all():
        return Text("its y data contain NaN or inf", "它的 y 数据里有 NaN 或 inf")
    if x.size < curve.min_points:
        return Text(
            f"it has only {x.size} points; use enough to show the curve (e.g. 100)",
            f"它只有 {x.size} 个点；请用足够多的点画出曲线的形状（例如 100 个）",
        )
    return None


def curve_lines(summary: object) -> dict[str, Line | None]:
    """Each curve's line by name, among the lines of an axes summary (see :func:`match`)."""
    return match(plot_lines(summary))


def match(lines: list[Line]) -> dict[str, Line | None]:
    """Each curve's line by name: of the lines following it, the first drawn over the whole
    grid, else the one with the most points; None when no line follows it."""
    found: dict[str, Line | None] = {}
    for curve in CURVES:
        candidates = [line for line in lines if follows(line, curve.function)]
        whole = [line for line in candidates if grid_problem(line, curve) is None]
        best = whole or sorted(candidates, key=lambda line: -line.x.size)
        found[curve.name] = best[0] if best else None
    return found


def names(label: str) -> set[str]:
    """The curves a label names ("1 - p (linear)" names 1 − p; "-ln p" names −ln p)."""
    return {curve.name for curve in CURVES if curve.named_by.search(label)}


def number(value: float) -> str:
    return f"{float(value) + 0.0:.6g}"  # + 0.0: -0.0 shows as 0


def describe(summary: object) -> Text:
    """The plot that a summary shows, in a line or two, for the report."""
    if not isinstance(summary, dict):
        return Text("?", "?")
    kind = str(summary.get("type", "?"))
    returned = Text("None", "None") if kind == "NoneType" else Text(f"a {kind}", f"一个 {kind}")
    if not has_axes(summary):
        return returned
    lines = plot_lines(summary)
    first = [line for line in match(lines).values() if line is not None]
    shown = (first + [line for line in lines if all(line is not f for f in first)])[:SHOWN_LINES]
    count = len(summary.get("lines") or []) + int(summary.get("more_lines") or 0)
    words = [_line_words(line) for line in shown]
    text = Text(
        f"an Axes with {count} line{'s' if count != 1 else ''}"
        + "".join((": " if i == 0 else "; ") + w.en for i, w in enumerate(words)),
        f"一个有 {count} 条线的 Axes"
        + "".join(("：" if i == 0 else "；") + w.zh for i, w in enumerate(words)),
    )
    legend = summary.get("legend") or []
    text = Text(
        f"{text.en}. x label {summary.get('xlabel', '')!r}, y label {summary.get('ylabel', '')!r}, "
        f"legend {legend or 'none'}",
        f"{text.zh}。x 轴标签 {summary.get('xlabel', '')!r}，y 轴标签 {summary.get('ylabel', '')!r}，"
        f"图例 {legend or '无'}",
    )
    source = summary.get("source")
    if source == "returned":
        return text
    where = {
        "figure": Text("its current Axes", "它当前的 Axes"),
        "lines": Text("the Axes of those lines", "这些线所在的 Axes"),
        "current": Text("pyplot's current Axes", "pyplot 当前的 Axes"),
    }[str(source)]
    return Text(f"{returned.en}; {where.en} is {text.en}", f"{returned.zh}；{where.zh} 是{text.zh}")


def _line_words(line: Line) -> Text:
    name = Text(repr(line.shown_label), repr(line.shown_label)) if line.shown_label else NO_LABEL
    if not line.x.size:
        return Text(f"{name.en}: no numeric data", f"{name.zh}：没有数值数据")
    x, y = line.x, line.y
    span = f"x {number(x[0])} … {number(x[-1])}, y {number(y[0])} … {number(y[-1])}"
    return Text(
        f"{name.en}: {x.size} points, {span}", f"{name.zh}：{x.size} 个点，{span.replace(', ', '，')}"
    )

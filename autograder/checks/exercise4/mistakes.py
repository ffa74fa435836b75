"""Exercise 4's known mistakes (MISCONCEPTIONS.md, exercise4), each recognised in numbers.

The table functions are imitated; the plot is judged from the plain data that
``converters.axes_summary`` sent back, by signatures over its lines (read with
the helpers of ``plot_data``, which the checks use too).
"""

import numpy as np

from ...compare import same_numbers, tolerance_for
from ...i18n import Text
from ...mistake import Mistake
from .plot_data import curve_lines, follows, minus_ln, plot_lines


def _plot_follows(*functions):
    """A signature: some plotted line follows one of ``functions`` and none follows -ln p."""

    def signature(call, expected):
        if call.function != "plot_penalties":
            return False
        lines = plot_lines(call.received)
        if any(follows(line, minus_ln) for line in lines):
            return False
        return any(follows(line, function) for line in lines for function in functions)

    return signature


def _grid_reaches_zero(call, expected):
    """The line drawing a curve reaches down to x = 0 (or below), where -ln p is infinite."""
    if call.function != "plot_penalties":
        return False
    for line in curve_lines(call.received).values():
        if line is not None:
            finite = line.x[np.isfinite(line.x)]
            if finite.size and finite.min() <= 0:
                return True
    return False


# ---- the table, imitated -----------------------------------------------------------------


def _ln10(p):
    return -np.log10(p)


def _ln2(p):
    return -np.log2(p)


def _complement(p):
    return -np.log(1.0 - p)


def table(penalty=minus_ln, inverted=False, at_one=1.0):
    """An imitation of penalty_table using ``penalty`` for -ln p; the ratio upside down
    when ``inverted``; ``at_one`` at p = 1 (None: whatever the division gives)."""

    def imitation(ps):
        p = np.asarray(ps, dtype=float).reshape(-1)
        linear = 1.0 - p
        log = penalty(p)
        ratio = linear / log if inverted else log / linear
        if at_one is not None:
            ratio = np.where(p == 1.0, at_one, ratio)
        return np.column_stack([p, linear, log, ratio])

    return imitation


def _tables(penalty, limits):
    return tuple(table(penalty, at_one=a) for a in limits)


def _log10_penalty(p):
    return _ln10(np.asarray(p, dtype=float))


def _log2_penalty(p):
    return _ln2(np.asarray(p, dtype=float))


def _complement_penalty(p):
    return _complement(np.asarray(p, dtype=float))


_ODD_LIMITS = (1.0, None, 0.0, np.inf)


def _ratio_left_undefined(call, expected):
    """penalty_table right everywhere but the ratio at p = 1 (NaN, inf, 0, garbage),
    or the rows at p = 1 left out."""
    if call.function != "penalty_table":
        return False
    want = np.asarray(expected, dtype=float)
    got = np.asarray(call.received, dtype=float)
    if want.ndim != 2 or want.shape[1] != 4:
        return False
    at_one = want[:, 0] == 1.0
    if not at_one.any():
        return False
    rtol, atol = tolerance_for(call.args, call.kwargs, expected)
    if got.shape == (int((~at_one).sum()), 4):
        return same_numbers(got, want[~at_one], rtol, atol)
    if got.shape != want.shape:
        return False
    others = np.ones(want.shape, dtype=bool)
    others[at_one, 3] = False
    return same_numbers(got[others], want[others], rtol, atol) and not same_numbers(
        got[at_one, 3], want[at_one, 3], rtol, atol
    )


MISTAKES = (
    Mistake(
        "log10",
        ("log_penalty", "penalty_table", "plot_penalties"),
        Text(
            "a base-10 (or base-2) logarithm: at p = 0.1 your log penalty is 1.0 instead of -ln 0.1 = 2.302585",
            "用了以 10（或 2）为底的对数：p = 0.1 时你的对数惩罚是 1.0，而 -ln 0.1 = 2.302585",
        ),
        Text(
            "The log penalty uses the natural logarithm: np.log (or math.log), not np.log10 or np.log2.",
            "对数惩罚用的是自然对数：np.log（或 math.log），不是 np.log10 或 np.log2。",
        ),
        imitations=(
            _log10_penalty,
            _log2_penalty,
            *_tables(_ln10, (*_ODD_LIMITS, 1 / np.log(10))),
            *_tables(_ln2, (*_ODD_LIMITS, 1 / np.log(2))),
        ),
        signature=_plot_follows(_ln10, _ln2),
    ),
    Mistake(
        "penalty-of-complement",
        ("log_penalty", "penalty_table", "plot_penalties"),
        Text(
            "-ln(1 - p) instead of -ln p: at p = 0.9 your penalty is 2.302585, the value -ln p takes at p = 0.1",
            "算成了 -ln(1 - p) 而不是 -ln p：p = 0.9 时你的惩罚是 2.302585，这是 -ln p 在 p = 0.1 时的值",
        ),
        Text(
            "p is already the probability of the true class, and the penalty is -ln p: small when p is close "
            "to 1, large when p is close to 0. Don't take 1 - p first.",
            "p 本身就是真实类别的概率，惩罚就是 -ln p：p 接近 1 时很小，p 接近 0 时很大。不要先算 1 - p。",
        ),
        imitations=(_complement_penalty, *_tables(_complement, _ODD_LIMITS)),
        signature=_plot_follows(_complement),
    ),
    Mistake(
        "ratio-inverted",
        ("penalty_table",),
        Text(
            "the ratio column upside down, (1 - p) / (-ln p): at p = 0.1 it is 0.390865 instead of 2.558428",
            "比值一列倒过来了，算成了 (1 - p) / (-ln p)：p = 0.1 时是 0.390865，应为 2.558428",
        ),
        Text(
            "The fourth column says how many times larger the log penalty is: (-ln p) / (1 - p).",
            "第四列表示对数惩罚是线性惩罚的多少倍：(-ln p) / (1 - p)。",
        ),
        imitations=tuple(table(inverted=True, at_one=a) for a in _ODD_LIMITS),
    ),
    Mistake(
        "ratio-at-one",
        ("penalty_table",),
        Text(
            "the ratio at p = 1 is left as 0/0, or that row is dropped: at p = 1 the last column "
            "holds NaN (or some other value) instead of the limit 1, or the table has a row too few",
            "p = 1 处的比值停留在 0/0，或者这一行被删掉了：p = 1 时最后一列是 NaN（或其他值）而不是极限 1，"
            "或者表格少了一行",
        ),
        Text(
            "At p = 1 both penalties are 0; the ratio's limit there is 1. Put 1.0 in that cell, e.g. "
            "np.divide(log, linear, out=np.ones_like(p), where=linear != 0), or np.where(p == 1, 1.0, ...).",
            "p = 1 时两种惩罚都是 0，比值的极限是 1。请在这一格填 1.0，例如 "
            "np.divide(log, linear, out=np.ones_like(p), where=linear != 0)，或 np.where(p == 1, 1.0, ...)。",
        ),
        signature=_ratio_left_undefined,
    ),
    Mistake(
        "grid-includes-zero",
        ("plot_penalties",),
        Text(
            "the plot's grid starts at p = 0: a curve has a point at p = 0, where -ln p is infinite",
            "画图的网格从 p = 0 开始：曲线在 p = 0 处有一个点，而 -ln 0 是无穷大",
        ),
        Text(
            "Plot over [0.01, 1], as the exercise asks: np.linspace(0.01, 1, 200).",
            "按题目要求在 [0.01, 1] 上画图：np.linspace(0.01, 1, 200)。",
        ),
        signature=_grid_reaches_zero,
    ),
)

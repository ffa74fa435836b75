"""The plot of exercise 4 as plain data: its lines, and whether a line follows a curve.

Shared by the checks and the diagnosis of mistakes.
"""

import numpy as np

# how closely a plotted line must follow a curve (float32 data included)
LINE_RTOL, LINE_ATOL = 1e-4, 1e-6


def plot_lines(summary):
    """The lines of an axes summary as (x, y, label), float arrays of equal length; [] otherwise."""
    if not isinstance(summary, dict) or summary.get("is_axes") is not True:
        return []
    found = []
    for line in summary.get("lines") or []:
        if not isinstance(line, dict):
            continue
        x, y = _array(line.get("x")), _array(line.get("y"))
        label = line.get("label") if isinstance(line.get("label"), str) else ""
        if x is not None and y is not None and x.shape == y.shape:
            found.append((x, y, label))
    return found


def _array(value):
    if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf" or value.ndim != 1:
        return None
    return value.astype(float)


def follows(x, y, curve, min_points=2):
    """Whether the line's y is ``curve(x)`` at every point with x > 0 (inf and NaN where
    the curve has them); points at x <= 0 are left out, so that a grid starting at 0
    is still recognised as the curve."""
    if x.size < min_points:
        return False
    keep = x > 0
    if not keep.any():
        return False
    with np.errstate(all="ignore"):
        want = curve(x[keep])
    got = y[keep]
    with np.errstate(invalid="ignore", over="ignore"):
        same = (np.isnan(got) & np.isnan(want)) | (np.isinf(got) & (got == want))
        same |= np.abs(got - want) <= LINE_ATOL + LINE_RTOL * np.abs(want)
    return bool(same.all())


def one_minus(x):
    return 1.0 - x


def minus_ln(x):
    return -np.log(x)

"""Runs in the worker, next to the student's code: turns what plot_penalties
returned into plain data that can cross the process boundary.

Nothing here imports matplotlib unless the student's code already did, and
nothing here raises: whatever came back, the check gets a dict to judge.
"""
import sys

import numpy as np

MAX_LINES = 20
MAX_POINTS = 20_000
MAX_TEXT = 200


def axes_summary(result):
    """A dict describing ``result``; for an Axes: its lines' data, labels and legend.

    Keys: ``type`` (the result's type name), ``is_axes``, ``lines`` (dicts with
    float arrays ``x``, ``y`` and str ``label``), ``xlabel``, ``ylabel``, ``title``,
    ``legend`` (the legend's texts, empty without a legend), ``xlim``, ``ylim``,
    ``more_lines`` (lines left out beyond MAX_LINES) and ``problem`` (what could
    not be read, empty when everything was).
    """
    summary = {"type": _type_name(result), "is_axes": False, "lines": [], "xlabel": "", "ylabel": "",
               "title": "", "legend": [], "xlim": (0.0, 0.0), "ylim": (0.0, 0.0), "more_lines": 0,
               "problem": ""}
    try:
        if not _is_axes(result):
            summary["n_axes"] = _count_axes(result)
            return summary
        summary["is_axes"] = True
        _read_axes(result, summary)
    except Exception as exc:  # noqa: BLE001 - an odd object must still give a report
        summary["problem"] = _text(f"{type(exc).__name__}: {exc}")
    return summary


def _read_axes(ax, summary):
    summary["xlabel"] = _text(ax.get_xlabel())
    summary["ylabel"] = _text(ax.get_ylabel())
    summary["title"] = _text(ax.get_title())
    summary["xlim"] = tuple(float(v) for v in ax.get_xlim())
    summary["ylim"] = tuple(float(v) for v in ax.get_ylim())
    legend = _legend_texts(ax)
    summary["legend"] = legend
    lines = list(ax.get_lines())
    summary["more_lines"] = max(len(lines) - MAX_LINES, 0)
    own_labels = [_text(line.get_label()) for line in lines]
    # ax.legend(["a", "b"]) names the lines in order without setting their labels
    labels_from_legend = bool(legend) and not any(label and not label.startswith("_") for label in own_labels)
    for index, line in enumerate(lines[:MAX_LINES]):
        label = own_labels[index]
        if label.startswith("_"):
            label = ""
        if labels_from_legend and index < len(legend):
            label = legend[index]
        x, y = _floats(line.get_xdata()), _floats(line.get_ydata())
        if x.size == y.size and x.size > MAX_POINTS:  # keep the ends: they show the grid's range
            keep = np.unique(np.linspace(0, x.size - 1, MAX_POINTS).astype(int))
            x, y = x[keep], y[keep]
        summary["lines"].append({"x": x[:MAX_POINTS], "y": y[:MAX_POINTS], "label": label})


def _legend_texts(ax):
    legends = []
    try:
        legends.append(ax.get_legend())
    except Exception:  # noqa: BLE001
        pass
    try:
        legends.extend(ax.figure.legends)
    except Exception:  # noqa: BLE001
        pass
    texts = []
    for legend in legends:
        if legend is None:
            continue
        try:
            texts += [_text(t.get_text()) for t in legend.get_texts()]
        except Exception:  # noqa: BLE001
            continue
    return texts[:MAX_LINES * 2]


def _floats(data):
    try:
        return np.array(np.asarray(data, dtype=float).reshape(-1), dtype=np.float64)
    except Exception:  # noqa: BLE001 - dates, strings, units: not numbers
        return np.zeros(0)


def _text(value):
    try:
        return str(value)[:MAX_TEXT]
    except Exception:  # noqa: BLE001
        return ""


def _type_name(value):
    try:
        return type(value).__name__[:100]
    except Exception:  # noqa: BLE001
        return "object"


def _is_axes(value):
    axes = sys.modules.get("matplotlib.axes")  # not imported: it cannot be an Axes
    return axes is not None and isinstance(value, axes.Axes)


def _count_axes(value):
    figure = sys.modules.get("matplotlib.figure")
    if figure is not None and isinstance(value, figure.FigureBase):
        try:
            return len(value.axes)
        except Exception:  # noqa: BLE001
            return 0
    return 0

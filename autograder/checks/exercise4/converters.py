"""Runs in the worker: turns what plot_penalties returned into plain data that can
cross the process boundary.

The worker runs this file before it imports the student's module, and keeps it
out of ``sys.modules``. Everything the converter relies on is captured here, at
that moment: matplotlib's classes, and the builtins and numpy functions it calls.
Only the real classes count (exactly: no subclass, no look-alike), and their
data is read from the objects' own attributes, never through methods a
student's code could have replaced. Nothing here raises: whatever came back,
the check gets a dict to judge.
"""

import builtins

import numpy
from matplotlib.axes import Axes
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

MAX_LINES = 20
MAX_POINTS = 20_000
MAX_TEXT = 200

_instance_dict = builtins.object.__getattribute__  # (obj, "__dict__"): unaffected by any class's code
_get = builtins.dict.get  # a dict subclass's own get is never called
_name_of_class = builtins.type.__dict__["__name__"].__get__  # no metaclass property in between
_type, _str, _len, _range, _list = builtins.type, builtins.str, builtins.len, builtins.range, builtins.list
_array, _float64 = numpy.array, numpy.float64
_AXES, _LEGEND, _LINE, _TEXT = Axes, Legend, Line2D, Text


def axes_summary(result):
    """A dict describing ``result``; for an Axes: its lines' data, labels and legend.

    Keys: ``type`` (the result's type name), ``is_axes``, ``lines`` (dicts with
    float arrays ``x``, ``y`` and str ``label``), ``xlabel``, ``ylabel``, ``title``,
    ``legend`` (the legend's texts, empty without a legend), ``more_lines`` (lines
    left out beyond MAX_LINES) and ``problem`` (what could not be read, empty
    when everything was).
    """
    summary = {
        "type": _type_name(result),
        "is_axes": False,
        "lines": [],
        "xlabel": "",
        "ylabel": "",
        "title": "",
        "legend": [],
        "more_lines": 0,
        "problem": "",
    }
    if _type(result) is not _AXES:
        return summary
    try:
        _read_axes(_instance_dict(result, "__dict__"), summary)
    except Exception as exc:
        summary["problem"] = _type_name(exc)
        return summary
    summary["is_axes"] = True
    return summary


def _read_axes(ax, summary):
    summary["xlabel"] = _axis_label(_get(ax, "xaxis"))
    summary["ylabel"] = _axis_label(_get(ax, "yaxis"))
    summary["title"] = _text_of(_get(ax, "title"))
    legend = _legend_texts(_get(ax, "legend_"))
    figure = _get(ax, "_parent_figure", _get(ax, "figure"))
    if figure is not None:
        for figure_legend in _list(_get(_instance_dict(figure, "__dict__"), "legends") or []):
            legend += _legend_texts(figure_legend)
    summary["legend"] = legend[: MAX_LINES * 2]
    lines = [child for child in _list(_get(ax, "_children") or []) if _type(child) is _LINE]
    summary["more_lines"] = max(_len(lines) - MAX_LINES, 0)
    lines = [_instance_dict(line, "__dict__") for line in lines[:MAX_LINES]]
    own_labels = [_text(_get(line, "_label")) for line in lines]
    # ax.legend(["a", "b"]) names the lines in order without setting their labels
    labels_from_legend = bool(legend) and not any(label and not label.startswith("_") for label in own_labels)
    for index, line in enumerate(lines):
        label = own_labels[index]
        if label.startswith("_"):
            label = ""
        if labels_from_legend and index < _len(legend):
            label = legend[index]
        x, y = _floats(_get(line, "_xorig")), _floats(_get(line, "_yorig"))
        if x.size == y.size and x.size > MAX_POINTS:  # keep the ends: they show the grid's range
            keep = _array([i * (x.size - 1) // (MAX_POINTS - 1) for i in _range(MAX_POINTS)])
            x, y = x[keep], y[keep]
        summary["lines"].append({"x": x[:MAX_POINTS], "y": y[:MAX_POINTS], "label": label})


def _axis_label(axis):
    if axis is None:
        return ""
    return _text_of(_get(_instance_dict(axis, "__dict__"), "label"))


def _text_of(artist):
    """The string of a real matplotlib Text; "" for anything else."""
    if _type(artist) is not _TEXT:
        return ""
    return _text(_get(_instance_dict(artist, "__dict__"), "_text"))


def _legend_texts(legend):
    if _type(legend) is not _LEGEND:
        return []
    return [_text_of(t) for t in _list(_get(_instance_dict(legend, "__dict__"), "texts") or [])]


def _floats(data):
    try:
        return _array(_array(data, dtype=_float64).reshape(-1), dtype=_float64)
    except Exception:
        return _array([], dtype=_float64)


def _text(value):
    if _type(value) is not _str:  # a str subclass could run code
        return ""
    return value[:MAX_TEXT]


def _type_name(value):
    return _name_of_class(_type(value))[:100]

"""Runs in the worker: turns what plot_penalties returned into plain data that can
cross the process boundary, and makes the Axes a check passes in as ``ax``.

The worker runs this file before it imports the student's module, and keeps it
out of ``sys.modules``. Everything the converter relies on is captured here, at
that moment: matplotlib's classes, and the builtins and numpy functions it calls.
Only the real classes count (exactly: no subclass, no look-alike), and their
data is read from the objects' own attributes, never through methods a
student's code could have replaced. Nothing here raises: whatever came back,
the check gets a dict to judge.

Between calls this module remembers the figures that existed before each call
(those it made, those it read, those pyplot held), so that a call drawing on one
of them, rather than on a new figure, shows.
"""

import builtins
import collections
import importlib

import numpy
from matplotlib._pylab_helpers import Gcf
from matplotlib.axes import Axes
from matplotlib.backend_bases import FigureCanvasBase, FigureManagerBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure, SubFigure, _AxesStack  # type: ignore[attr-defined]
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text

MAX_LINES = 40
MAX_POINTS = 10_000
MAX_TEXT = 200
MAX_LEGEND = 80
MAX_KNOWN_FIGURES = 500

_instance_dict = builtins.object.__getattribute__  # (obj, "__dict__"): unaffected by any class's code
_get = builtins.dict.get  # a dict subclass's own get is never called
_dict_items = builtins.dict.items
_ordered_values = collections.OrderedDict.values
_name_of_class = builtins.type.__dict__["__name__"].__get__  # no metaclass property in between
_type, _str, _int, _len, _range, _list, _tuple = (
    builtins.type,
    builtins.str,
    builtins.int,
    builtins.len,
    builtins.range,
    builtins.list,
    builtins.tuple,
)
_any, _max, _enumerate = builtins.any, builtins.max, builtins.enumerate
_array, _float64 = numpy.array, numpy.float64
_import = importlib.import_module
_ORDERED_DICT, _DICT = collections.OrderedDict, builtins.dict
_AXES, _FIGURE, _SUBFIGURE, _LEGEND, _LINE, _TEXT = Axes, Figure, SubFigure, Legend, Line2D, Text
_MANAGER, _CANVASES = FigureManagerBase, (FigureCanvasAgg, FigureCanvasBase)
_AXES_STACK, _ADD_SUBPLOT = _AxesStack, Figure.add_subplot
_GCF_NAMESPACE = builtins.type.__dict__["__dict__"].__get__(Gcf)  # pyplot's registry of figures

_known_figures: list[Figure] = []  # figures that existed before the current call
_given: list[
    Axes | None
] = []  # the Axes made for the current call's ax argument (None if it could not be made)


def axes_to_draw_on():
    """A new pyplot figure with two Axes side by side; the first one, to pass as ``ax``.

    The figure is pyplot's current one and its second Axes the current Axes, as in a
    notebook where the student made a grid of plots: code that draws on the current
    Axes instead of ``ax``, or makes its own, leaves the first one empty. None when
    pyplot cannot make it.
    """
    _given.clear()
    made = None
    try:
        figure = _import("matplotlib.pyplot").figure()
        if _type(figure) is _FIGURE:
            _remember(figure)
            first = _ADD_SUBPLOT(figure, 1, 2, 1)
            _ADD_SUBPLOT(figure, 1, 2, 2)
            if _type(first) is _AXES:
                made = first
    except Exception:
        made = None
    _given.append(made)
    return made


def axes_summary(result):
    """A dict describing the plot that ``result`` shows.

    Keys: ``type`` (the result's type name); ``is_axes`` (the result is an Axes);
    ``source``, where the Axes described comes from: "returned", "figure" (the
    current Axes of a returned Figure), "lines" (the Axes of returned lines),
    "current" (pyplot's current Axes, when the result shows none) or "" (no Axes);
    ``figure``: "new" when the Axes is on a figure that did not exist before the
    call, "existing" when it did, "" when unknown; ``given``: for a call given an Axes
    by :func:`axes_to_draw_on`, "returned" (the result is that Axes), "drawn" (it
    has lines but something else was returned), "empty", or "unmade"; "" otherwise.
    Then, of the Axes: ``lines`` (dicts with float arrays ``x``, ``y``, the line's
    own ``label`` and the texts of the ``legend`` entries that show it), ``xlabel``,
    ``ylabel``, ``title``, ``legend`` (every legend text of the Axes and its
    figures), ``more_lines`` (lines left out beyond MAX_LINES), ``other_lines``
    (the x and y of the lines on the figure's other Axes: a twin, other subplots)
    and ``problem`` (what could not be read, empty when everything was).
    """
    summary = {
        "type": _type_name(result),
        "is_axes": _type(result) is _AXES,
        "source": "",
        "figure": "",
        "given": "",
        "lines": [],
        "xlabel": "",
        "ylabel": "",
        "title": "",
        "legend": [],
        "more_lines": 0,
        "other_lines": [],
        "problem": "",
    }
    try:
        _describe_given(result, summary)
        source, ax = _axes_shown(result)
        if ax is not None:
            summary["source"] = source
            _read_axes(ax, summary)
        _remember_figures()
    except Exception as exc:
        summary["problem"] = _type_name(exc)
    return summary


def _describe_given(result, summary):
    if not _given:
        return
    given = _given[0]
    _given.clear()
    if given is None:
        summary["given"] = "unmade"
    elif result is given:
        summary["given"] = "returned"
    else:
        children = _list(_get(_instance_dict(given, "__dict__"), "_children") or [])
        summary["given"] = "drawn" if _any(_type(c) is _LINE for c in children) else "empty"


def _axes_shown(result):
    """(where it comes from, the Axes) that ``result`` shows; (“”, None) for none."""
    kind = _type(result)
    if kind is _AXES:
        return "returned", result
    if kind is _FIGURE or kind is _SUBFIGURE:
        return "figure", _current_axes(result)
    if (kind is _list or kind is _tuple) and result:
        line = result[0]
        if _type(line) is _LINE:
            ax = _get(_instance_dict(line, "__dict__"), "_axes")
            return ("lines", ax) if _type(ax) is _AXES else ("", None)
    if result is None:
        figures = _pyplot_figures()
        if figures:
            return "current", _current_axes(figures[-1])
    return "", None


def _current_axes(figure):
    """The Axes a figure's gca() would return, without making one; None if it has none."""
    stack = _get(_instance_dict(figure, "__dict__"), "_axstack")
    if _type(stack) is not _AXES_STACK:
        return None
    axes = _get(_instance_dict(stack, "__dict__"), "_axes")
    if _type(axes) is not _DICT:
        return None
    ranked = [
        (order, ax) for ax, order in _list(_dict_items(axes)) if _type(ax) is _AXES and _type(order) is _int
    ]
    return _max(ranked, key=lambda item: item[0])[1] if ranked else None


def _pyplot_figures():
    """The figures pyplot holds, the current one last; [] if pyplot's registry was replaced."""
    figs = _GCF_NAMESPACE.get("figs")
    if _type(figs) is not _ORDERED_DICT:
        return []
    found = []
    for manager in _list(_ordered_values(figs)):
        if _type(manager) is not _MANAGER:
            continue
        canvas = _get(_instance_dict(manager, "__dict__"), "canvas")
        if _type(canvas) not in _CANVASES:
            continue
        figure = _get(_instance_dict(canvas, "__dict__"), "figure")
        if _type(figure) is _FIGURE:
            found.append(figure)
    return found


def _root_figure(ax):
    figure = _get(ax, "_parent_figure", _get(ax, "figure"))
    for _ in _range(20):
        if _type(figure) is _FIGURE:
            return figure
        if _type(figure) is not _SUBFIGURE:
            return None
        figure = _get(_instance_dict(figure, "__dict__"), "_parent")
    return None


def _is_known(figure):
    return _any(known is figure for known in _known_figures)


def _remember(figure):
    if _type(figure) is _FIGURE and not _is_known(figure):
        _known_figures.append(figure)
        del _known_figures[:-MAX_KNOWN_FIGURES]


def _remember_figures():
    for figure in _pyplot_figures():
        _remember(figure)


def _read_axes(axes, summary):
    ax = _instance_dict(axes, "__dict__")
    summary["xlabel"] = _axis_label(_get(ax, "xaxis"))
    summary["ylabel"] = _axis_label(_get(ax, "yaxis"))
    summary["title"] = _text_of(_get(ax, "title"))
    root = _root_figure(ax)
    if root is not None:
        summary["figure"] = "existing" if _is_known(root) else "new"
        _remember(root)
    parent = _get(ax, "_parent_figure", _get(ax, "figure"))
    if _type(parent) is not _FIGURE and _type(parent) is not _SUBFIGURE:
        parent = None
    entries = _legend_entries(ax, parent, root)
    summary["legend"] = [text for _, text in entries]
    lines = _lines_of(ax)
    summary["more_lines"] = _max(_len(lines) - MAX_LINES, 0)
    unclaimed = _list(entries)
    for line in lines[:MAX_LINES]:
        data = _instance_dict(line, "__dict__")
        own = _text(_get(data, "_label"))
        shown = []
        for entry in _list(unclaimed):
            if entry[0] == own:  # a legend handle copies its line's label, "_child3" included
                shown.append(entry[1])
                unclaimed.remove(entry)
                break
        x, y = _points(data)
        summary["lines"].append(
            {"x": x, "y": y, "label": "" if own.startswith("_") else own, "legend": shown}
        )
    if parent is not None:
        for other in _list(_get(_instance_dict(parent, "__dict__"), "_localaxes") or []):
            if _type(other) is _AXES and other is not axes:
                for line in _lines_of(_instance_dict(other, "__dict__"))[:MAX_LINES]:
                    if _len(summary["other_lines"]) < MAX_LINES:
                        x, y = _points(_instance_dict(line, "__dict__"))
                        summary["other_lines"].append({"x": x, "y": y})


def _lines_of(ax):
    return [child for child in _list(_get(ax, "_children") or []) if _type(child) is _LINE]


def _points(line):
    """A line's x and y, at most MAX_POINTS of them, the ends kept: they show the grid's range."""
    x, y = _floats(_get(line, "_xorig")), _floats(_get(line, "_yorig"))
    if x.size == y.size and x.size > MAX_POINTS:
        keep = _array([i * (x.size - 1) // (MAX_POINTS - 1) for i in _range(MAX_POINTS)])
        x, y = x[keep], y[keep]
    return x[:MAX_POINTS], y[:MAX_POINTS]


def _legend_entries(ax, parent, root):
    """(the label its handle copied, the text) of each entry of the legends of the Axes
    and of its figures (fig.legend())."""
    legends = [_get(ax, "legend_")]
    for figure in (parent, root):
        if figure is not None:
            legends += _list(_get(_instance_dict(figure, "__dict__"), "legends") or [])
    entries = []
    seen = []
    for legend in legends:
        if _type(legend) is _LEGEND and not _any(legend is s for s in seen):
            seen.append(legend)
            entries += _entries_of(legend)
    return entries[:MAX_LEGEND]


def _entries_of(legend):
    """(the label its handle copied, the text) of each entry of a legend; a handle that is
    not a line copies no label."""
    data = _instance_dict(legend, "__dict__")
    texts = _list(_get(data, "texts") or [])
    handles = _list(_get(data, "legend_handles", _get(data, "legendHandles")) or [])
    entries = []
    for index, text in _enumerate(texts[:MAX_LEGEND]):
        handle = handles[index] if index < _len(handles) else None
        copied = _text(_get(_instance_dict(handle, "__dict__"), "_label")) if _type(handle) is _LINE else ""
        entries.append((copied or "\0", _text_of(text)))  # "\0": no line's label
    return entries


def _axis_label(axis):
    if axis is None:
        return ""
    return _text_of(_get(_instance_dict(axis, "__dict__"), "label"))


def _text_of(artist):
    """The string of a real matplotlib Text; "" for anything else."""
    if _type(artist) is not _TEXT:
        return ""
    return _text(_get(_instance_dict(artist, "__dict__"), "_text"))


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

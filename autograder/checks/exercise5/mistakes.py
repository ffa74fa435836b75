"""Exercise 5's known mistakes (MISCONCEPTIONS.md, exercise5), each imitated in numbers.

numerical_gradient and relative_error are judged by imitations, as usual.
gradient_check returns (bool, float), which the framework's number matching
does not compare, so its mistakes are signatures that run the imitated
gradient_check themselves and compare its verdict with the student's
(:func:`same_check_result`). What numbers cannot show — x left changed, the
number of calls of f — is read from the call (``args_after``, ``probe_calls``).
"""

from __future__ import annotations

import numbers

import numpy as np

from ...diagnosis import imitate
from ...i18n import Text
from ...mistake import Mistake
from .verdict import DEFAULT_TOL, check_result_problem, same_check_result, single_number

DEFAULT_H = 1e-5
PARAMETERS = {
    "numerical_gradient": ("f", "x", "h"),
    "relative_error": ("a", "b"),
    "gradient_check": ("f", "grad_f", "x", "h", "tol"),
}


# ---------------------------------------------------------------- imitations
def _central_steps(f, x, h, step=None):
    """Central differences on a float copy of x, optionally with another step."""
    h = h if step is None else step
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        f_plus = f(x)
        x[index] = saved - h
        f_minus = f(x)
        x[index] = saved
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def _one_sided(f, x, h=DEFAULT_H, direction=1.0):
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    f_here = f(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + direction * h
        f_moved = f(x)
        x[index] = saved
        grad[index] = direction * (f_moved - f_here) / h
    return grad


def _forward(f, x, h=DEFAULT_H):
    return _one_sided(f, x, h, 1.0)


def _backward(f, x, h=DEFAULT_H):
    return _one_sided(f, x, h, -1.0)


def _with_step(step):
    """Central differences with a step of its own, whatever h was asked for."""

    def imitation(f, x, h=DEFAULT_H):
        return _central_steps(f, x, h, step)

    return imitation


# steps far too small (rounding) or too large (truncation), or h ignored
BAD_STEPS = (
    float(np.finfo(float).eps),
    *tuple(10.0 ** (-k) for k in range(16, 8, -1)),
    1e-08,
    1e-07,
    1e-06,
    1e-05,
    0.0001,
    0.001,
    0.01,
    0.1,
    0.5,
    1.0,
)


def _flat_indexed(f, x, h=DEFAULT_H):
    """x[i] for i < x.size: rows of a 2-D x, then an IndexError."""
    x = np.array(x, dtype=float)
    grad = np.zeros_like(x)
    for i in range(x.size):
        saved = np.copy(x[i])
        x[i] = saved + h
        f_plus = f(x)
        x[i] = saved - h
        f_minus = f(x)
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def _central_in_place(f, x, h, indices):
    """Central differences written into x itself, one index at a time, as students write them."""
    grad = np.zeros(x.shape)
    for index in indices:
        saved = np.copy(x[index])
        x[index] = saved + h
        f_plus = f(x)
        x[index] = saved - h
        f_minus = f(x)
        x[index] = saved
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def _rows_only(f, x, h=DEFAULT_H):
    """x[i] for i < len(x): on a 2-D x each whole row is moved at once."""
    x = np.array(x, dtype=float)
    return _central_in_place(f, x, h, range(len(x)))


def _int_truncated(f, x, h=DEFAULT_H):
    """The steps written into an int array: x ± h truncated to integers."""
    x = np.array(x)
    if x.dtype.kind not in "iub":
        return _central_steps(f, x, h)
    return _central_in_place(f, x, h, np.ndindex(x.shape))


def _int_zero_step(f, x, h=DEFAULT_H):
    """The step vector built with np.zeros_like(int x): every step is 0."""
    x = np.asarray(x)
    if x.dtype.kind not in "iub":
        return _central_steps(f, x, h)
    return np.zeros(x.shape)


def _relative(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(a) + np.abs(b)), 1e-12))


def _unguarded(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / np.max(np.abs(a) + np.abs(b)))


def _unguarded_python_floats(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b))) / float(np.max(np.abs(a) + np.abs(b)))  # 0/0 raises


def _elementwise(a, b):
    """The largest per-entry ratio |a_i − b_i| / (|a_i| + |b_i|), each guarded against 0/0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)))


def _central(f, x, h=DEFAULT_H):
    return _central_steps(f, x, h)


def _gradient_check(numerical=_central, relative=_relative):
    """An imitation of gradient_check built from imitated parts."""

    def imitation(f, grad_f, x, h=DEFAULT_H, tol=DEFAULT_TOL):
        error = relative(np.asarray(grad_f(x), dtype=float), numerical(f, x, h))
        return bool(error < tol), error

    return imitation


def _reproduces(*imitations):
    """A signature for gradient_check: one of the imitations gives the student's
    verdict (or raises the student's exception), and a verdict the check rejects.

    A relative error of (almost) 1 says only that the two gradients share nothing,
    which zeros, a flipped sign or any broken gradient give alike: it names no mistake."""

    def signature(call, expected) -> bool:
        tol = _argument(call, "tol", DEFAULT_TOL)
        for imitation in imitations:
            args, kwargs = call.fresh_arguments()
            imitated, raised = imitate(imitation, args, kwargs)
            if raised is not None:  # the mistake makes the code raise
                if call.error is not None and call.error.kind == "raised" and call.error.type_name == raised:
                    return True
                continue
            if call.error is not None:
                continue
            if not isinstance(imitated, tuple) or len(imitated) != 2:
                continue
            error = single_number(imitated[1])
            if error is not None and error > 0.999:
                continue
            if (
                same_check_result(call.received, imitated)
                and check_result_problem(imitated, expected, tol) is not None
            ):
                return True
        return False

    return signature


# ---------------------------------------------------------------- signatures read from the call
def _argument(call, name, default=None, after=False):
    """The argument ``name`` of the call (as the student's code left it, with ``after``)."""
    args = call.args_after if after else call.args
    kwargs = call.kwargs_after if after else call.kwargs
    if kwargs is not None and name in kwargs:
        return kwargs[name]
    position = PARAMETERS[call.function].index(name)
    if args is not None and position < len(args):
        return args[position]
    return default


def _x_change(call) -> tuple[float, float, float] | None:
    """(largest change of an entry of x, h, scale of x), or None when x is not comparable."""
    if call.error is not None:
        return None
    before, after = _argument(call, "x"), _argument(call, "x", after=True)
    if not isinstance(before, np.ndarray) or not isinstance(after, np.ndarray):
        return None
    if before.shape != after.shape or before.size == 0 or after.dtype.kind not in "biuf":
        return None
    change = np.abs(after.astype(float) - before.astype(float))
    if not np.isfinite(change).all():
        return None
    h = _argument(call, "h", DEFAULT_H)
    if not isinstance(h, numbers.Real) or not float(h) > 0:
        return None
    return float(np.max(change)), float(h), float(np.max(np.abs(before.astype(float))))


def _not_restored(call, expected) -> bool:
    found = _x_change(call)
    return found is not None and 0.5 * found[1] <= found[0] <= 2.5 * found[1]


def _restored_arithmetically(call, expected) -> bool:
    found = _x_change(call)
    if found is None:
        return False
    change, h, scale = found
    return 0.0 < change <= 32 * np.spacing(scale + h) and change < 0.01 * h


def _forward_call_count(call, expected) -> bool:
    """n + 1 calls of f for an x of n > 1 entries: f(x) once, then f(x + h·e_i) for each i."""
    f, x = _argument(call, "f"), _argument(call, "x")
    if not isinstance(x, np.ndarray) or x.size < 2 or type(f).__name__ != "Probe":
        return False
    return call.probe_calls.get(f.name) == x.size + 1


def _any(*signatures):
    def signature(call, expected) -> bool:
        return any(s(call, expected) for s in signatures)

    return signature


# ---------------------------------------------------------------- the catalogue
def _entries(id_, title, hint, numerical=None, check=None, relative=None):
    """One Mistake per function (each function's call is judged its own way)."""
    found = []
    for function, spec in (
        ("numerical_gradient", numerical),
        ("gradient_check", check),
        ("relative_error", relative),
    ):
        if spec is not None:
            found.append(Mistake(id_, (function,), title, hint, **spec))
    return tuple(found)


_X_SIGNATURE_FUNCTIONS = ("numerical_gradient", "gradient_check")

MISTAKES = (
    _entries(
        "forward-difference",
        Text(
            "a one-sided difference (f(x+h) − f(x))/h: its error is of order h (about 1e-5), "
            "where central differences err by h² (about 1e-10)",
            "用了单侧差分 (f(x+h) − f(x))/h：误差与 h 同阶（约 1e-5），而中心差分的误差与 h² 同阶（约 1e-10）",
        ),
        Text(
            "Use central differences, (f(x + h·e_i) − f(x − h·e_i)) / (2h): the O(h) error terms cancel.",
            "请用中心差分 (f(x + h·e_i) − f(x − h·e_i)) / (2h)：O(h) 的误差项会相互抵消。",
        ),
        numerical={"imitations": (_forward, _backward), "signature": _forward_call_count},
        check={
            "signature": _any(
                _reproduces(_gradient_check(_forward), _gradient_check(_backward)), _forward_call_count
            )
        },
    ),
    _entries(
        "bad-step",
        Text(
            "the step is not the h you were given, or a bad one: far below 1e-8 rounding error "
            "dominates (ε/h), far above 1e-3 truncation error does (h²)",
            "步长不是传入的 h，或者取得不好：远小于 1e-8 时舍入误差（ε/h）占主导，远大于 1e-3 时截断误差（h²）占主导",
        ),
        Text(
            "Use the h you are given (default 1e-5, close to the best ε^(1/3) ≈ 6e-6 for float64) "
            "in every difference.",
            "每个差分都用传入的 h（默认 1e-5，接近 float64 的最佳步长 ε^(1/3) ≈ 6e-6）。",
        ),
        numerical={"imitations": tuple(_with_step(s) for s in BAD_STEPS)},
        check={"signature": _reproduces(*(_gradient_check(_with_step(s)) for s in BAD_STEPS))},
    ),
    _entries(
        "x-not-restored",
        Text(
            "x is left perturbed: after your function returns, entries of x are off by about h",
            "x 没有恢复：函数返回后，x 的元素偏离了大约 h",
        ),
        Text(
            "Save each entry before changing it (old = x[i]) and put it back (x[i] = old) "
            "before moving to the next one — or work on a copy.",
            "改动每个元素之前先保存旧值（old = x[i]），处理下一个元素之前把它赋回去（x[i] = old）；或者在副本上操作。",
        ),
        numerical={"signature": _not_restored},
        check={"signature": _not_restored},
    ),
    _entries(
        "x-restored-arithmetically",
        Text(
            "x is put back with arithmetic (+h, −2h, +h): rounding leaves some entries "
            "a few ulps away from where they were",
            "用算术把 x 改回去（+h、−2h、+h）：舍入误差让部分元素与原值相差几个最低有效位",
        ),
        Text(
            "Assign the saved value back (x[i] = old) instead of undoing the step: "
            "(x + h) − 2h + h is not always exactly x in floating point.",
            "把保存的旧值直接赋回去（x[i] = old），不要用加减来撤销：浮点运算里 (x + h) − 2h + h 不一定正好等于 x。",
        ),
        numerical={"signature": _restored_arithmetically},
        check={"signature": _restored_arithmetically},
    ),
    _entries(
        "flat-index-only",
        Text(
            "x[i] with a single index: on a 2-D x that is a whole row, and i ≥ len(x) raises IndexError",
            "只用一个下标 x[i]：对二维的 x，x[i] 是一整行，i ≥ len(x) 时还会抛出 IndexError",
        ),
        Text(
            "Visit every entry of an n-d array: for idx in np.ndindex(x.shape), "
            "or np.nditer(x, flags=['multi_index']).",
            "遍历 n 维数组的每个元素：for idx in np.ndindex(x.shape)，或 np.nditer(x, flags=['multi_index'])。",
        ),
        numerical={"imitations": (_flat_indexed, _rows_only)},
        check={"signature": _reproduces(_gradient_check(_flat_indexed), _gradient_check(_rows_only))},
    ),
    _entries(
        "int-input",
        Text(
            "with an integer x the step is truncated: x[i] + h is stored back as an integer",
            "x 是整数数组时步长被截断：x[i] + h 写回整数数组后又变成了整数",
        ),
        Text(
            "Convert x to float first, e.g. x = np.array(x, dtype=float) (a copy), then perturb that.",
            "先把 x 转成浮点数，例如 x = np.array(x, dtype=float)（得到副本），再在它上面加减 h。",
        ),
        numerical={"imitations": (_int_truncated, _int_zero_step)},
    ),
    _entries(
        "unguarded-rel-error",
        Text(
            "no floor in the denominator: when both gradients are 0 the relative error is 0/0",
            "分母没有下限：两个梯度都为 0 时，相对误差变成 0/0",
        ),
        Text(
            "Divide by max(max(|a| + |b|), 1e-12), so two zero gradients have relative error 0.",
            "分母用 max(max(|a| + |b|), 1e-12)，这样两个全零梯度的相对误差为 0。",
        ),
        relative={"imitations": (_unguarded, _unguarded_python_floats)},
        check={
            "signature": _reproduces(
                _gradient_check(relative=_unguarded), _gradient_check(relative=_unguarded_python_floats)
            )
        },
    ),
    _entries(
        "elementwise-relative-error",
        Text(
            "the relative error taken entry by entry, max |a_i − b_i| / (|a_i| + |b_i|): one entry "
            "near 0 where the gradients differ slightly makes the whole error large",
            "逐个元素计算相对误差 max |a_i − b_i| / (|a_i| + |b_i|)：只要有一个接近 0 的元素略有差别，"
            "整体误差就会变得很大",
        ),
        Text(
            "Scale by the largest entry instead: max |a − b| / max(max(|a| + |b|), 1e-12), both maxima "
            "over all entries, so a tiny entry cannot dominate.",
            "改用最大的元素来归一化：max |a − b| / max(max(|a| + |b|), 1e-12)，两个最大值都取遍所有元素，"
            "这样很小的元素不会主导结果。",
        ),
        relative={"imitations": (_elementwise,)},
        check={"signature": _reproduces(_gradient_check(relative=_elementwise))},
    ),
)
MISTAKES = tuple(m for entries in MISTAKES for m in entries)

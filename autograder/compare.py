"""Comparing what a student's function returned with what the reference returns.

Lenient where correct code may differ (Python float or numpy scalar, list or
array, float32 or float64, loops or vectorised), strict where a difference is
a bug (shape, NaN, infinities, values outside the tolerance).
"""

from __future__ import annotations

import numbers

import numpy as np

from .i18n import Text
from .worker.values import Unsupported

FLOAT64_TOLERANCE = (1e-6, 1e-9)  # (rtol, atol)
FLOAT32_TOLERANCE = (2e-4, 1e-6)


def tolerance_for(*values: object) -> tuple[float, float]:
    """float32 anywhere in ``values`` widens the tolerance. Pass the inputs and the
    reference's result only, never what the student returned: a float32 answer
    must not choose its own, wider, tolerance."""
    return FLOAT32_TOLERANCE if any(_has_low_precision(v) for v in values) else FLOAT64_TOLERANCE


def _has_low_precision(value: object) -> bool:
    if isinstance(value, (np.ndarray, np.generic)):
        return value.dtype.kind == "f" and value.dtype.itemsize < 8
    if isinstance(value, (list, tuple)):
        return any(_has_low_precision(v) for v in value)
    if isinstance(value, dict):
        return any(_has_low_precision(v) for v in value.values())
    return False


def as_number_array(value: object) -> np.ndarray | None:
    """The value as a numeric array, or None when it is not numbers at all."""
    if isinstance(value, (bool, np.bool_)) or value is None or isinstance(value, (str, Unsupported)):
        return None
    if isinstance(value, (numbers.Real, np.generic)):
        return np.asarray(value, dtype=float) if np.asarray(value).dtype.kind in "biuf" else None
    if isinstance(value, np.ndarray):
        return value.astype(float) if value.dtype.kind in "biuf" else None
    if isinstance(value, (list, tuple)):
        try:
            array = np.asarray(value)
        except (ValueError, TypeError):
            return None
        return array.astype(float) if array.dtype.kind in "biuf" else None
    return None


def mismatch(received: object, expected: object, rtol: float, atol: float) -> Text | None:
    """Why ``received`` does not match ``expected``, or None when it does."""
    if isinstance(expected, tuple):
        if not isinstance(received, (tuple, list)) or len(received) != len(expected):
            return Text(
                f"expected a tuple of {len(expected)} values, got {kind_of(received)}",
                f"应返回含 {len(expected)} 个值的元组，实际得到{kind_of(received, 'zh')}",
            )
        for index, (r, e) in enumerate(zip(received, expected, strict=True)):
            reason = mismatch(r, e, rtol, atol)
            if reason is not None:
                return Text(f"item {index} of the tuple: {reason.en}", f"元组第 {index} 项：{reason.zh}")
        return None
    if isinstance(expected, (bool, np.bool_)):
        if not isinstance(received, (bool, np.bool_)):
            return Text(
                f"expected True or False, got {kind_of(received)}",
                f"应返回 True 或 False，实际得到{kind_of(received, 'zh')}",
            )
        return None if bool(received) == bool(expected) else Text("wrong truth value", "真假值不对")
    want = np.asarray(expected, dtype=float)
    got = as_number_array(received)
    if got is None:
        return Text(
            f"expected numbers, got {kind_of(received)}", f"应返回数值，实际得到{kind_of(received, 'zh')}"
        )
    if want.ndim == 0:
        if got.ndim > 0:  # a one-element list or array is not the number the docstring promises
            return Text(
                f"expected a single number, got {kind_of(received)}",
                f"应返回一个数，实际得到{kind_of(received, 'zh')}",
            )
    elif got.shape != want.shape:
        return Text(
            f"expected shape {want.shape}, got shape {got.shape}",
            f"形状应为 {want.shape}，实际为 {got.shape}",
        )
    bad = ~_close(got, want, rtol, atol)
    if not bad.any():
        return None
    if np.isnan(got[bad]).any():
        return Text("NaN where a number was expected", "出现了 NaN（应为有限数值）")
    if np.isinf(got[bad]).any() and np.isfinite(want[bad]).all():
        return Text("infinity where a finite number was expected", "出现了无穷大（应为有限数值）")
    if want.ndim == 0:
        if want != 0 and np.isfinite(got):
            ratio = _ratio_text(float(got / want))
            return Text(f"wrong value (received/expected = {ratio})", f"数值不对（实际/期望 = {ratio}）")
        return Text("wrong value", "数值不对")
    pattern = _constant_pattern(got, want, rtol, atol)
    if pattern is not None:
        return pattern
    count = int(bad.sum())
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    return Text(
        f"{count} of {bad.size} values differ, first at index {first}",
        f"{bad.size} 个值中有 {count} 个不对，第一个在下标 {first}",
    )


def _constant_pattern(got: np.ndarray, want: np.ndarray, rtol: float, atol: float) -> Text | None:
    """What is wrong when one number relates every received value to its expected one:
    the same ratio everywhere (twice, negated, N or 1/K times) or the same offset."""
    if got.size < 2 or not (np.isfinite(got).all() and np.isfinite(want).all()):
        return None
    scale = atol + rtol * np.abs(want)
    nonzero = np.abs(want) > scale
    if nonzero.any() and (nonzero | (np.abs(got) <= scale)).all():
        ratios = got[nonzero] / want[nonzero]
        ratio = float(np.median(ratios))
        if np.all(np.abs(got - ratio * want) <= scale) and not np.isclose(ratio, 1.0):
            if np.isclose(ratio, -1.0):
                return Text(
                    "every value has the wrong sign (received/expected = -1 at every entry)",
                    "每个值的符号都反了（每个元素的实际/期望都等于 -1）",
                )
            shown = _ratio_text(ratio)
            return Text(f"received/expected = {shown} at every entry", f"每个元素的实际/期望都等于 {shown}")
    offset = float(np.median(got - want))
    if np.all(np.abs(got - want - offset) <= scale) and abs(offset) > np.max(scale):
        return Text(
            f"received − expected = {offset:.4g} at every entry",
            f"每个元素的实际 − 期望都等于 {offset:.4g}",
        )
    return None


def _ratio_text(ratio: float) -> str:
    """``0.25`` as ``0.25 (1/4)``: a ratio of one over a whole number reads better so."""
    if abs(ratio) < 1 and ratio != 0:
        inverse = 1 / ratio
        if abs(inverse) >= 2 and np.isclose(inverse, round(inverse), rtol=0, atol=1e-6 * abs(inverse)):
            return f"{ratio:.4g} (1/{round(inverse)})" if ratio > 0 else f"{ratio:.4g} (−1/{-round(inverse)})"
    return f"{ratio:.4g}"


def _close(got: np.ndarray, want: np.ndarray, rtol: float, atol: float) -> np.ndarray:
    """Elementwise match: NaN with NaN, an infinity only with the same infinity,
    finite values within the tolerance."""
    with np.errstate(invalid="ignore", over="ignore"):
        same_special = (np.isnan(got) & np.isnan(want)) | (np.isinf(got) & (got == want))
        finite = np.isfinite(got) & np.isfinite(want)
        return same_special | (finite & (np.abs(got - want) <= atol + rtol * np.abs(want)))


def same_numbers(a: object, b: object, rtol: float = 1e-6, atol: float = 1e-9) -> bool:
    """Whether two results carry the same numbers (NaN equal to NaN, truth values
    exactly, tuples item by item), for diagnosis."""
    if isinstance(b, tuple) and isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same_numbers(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
    if isinstance(a, (bool, np.bool_)) or isinstance(b, (bool, np.bool_)):
        return isinstance(a, (bool, np.bool_)) and isinstance(b, (bool, np.bool_)) and bool(a) == bool(b)
    x, y = as_number_array(a), as_number_array(b)
    if x is None or y is None:
        return False
    if x.size == 1 and y.size == 1:
        x, y = x.reshape(()), y.reshape(())
    return x.shape == y.shape and bool(_close(x, y, rtol, atol).all())


def identical(a: object, b: object) -> bool:
    """Exact equality for checking that arguments came back unmodified."""
    if isinstance(a, np.ndarray):
        return (
            isinstance(b, np.ndarray)
            and a.shape == b.shape
            and a.dtype == b.dtype
            and bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))
        )
    if isinstance(a, (list, tuple)):
        return (
            isinstance(b, (list, tuple))
            and len(a) == len(b)
            and all(identical(x, y) for x, y in zip(a, b, strict=True))
        )
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if type(a).__name__ == "Probe":
        return True
    return type(a) is type(b) and a == b


def kind_of(value: object, lang: str = "en") -> str:
    """A few words on what a value is: 'an array of shape (3,)', 'None', ..."""
    if value is None:
        return "None"
    if isinstance(value, Unsupported):
        return (
            f"an object of type {value.type_name}" if lang == "en" else f"一个 {value.type_name} 类型的对象"
        )
    if isinstance(value, np.ndarray):
        return (
            f"an array of shape {value.shape}, dtype {value.dtype}"
            if lang == "en"
            else f"形状 {value.shape}、dtype {value.dtype} 的数组"
        )
    name = type(value).__name__
    if isinstance(value, (list, tuple)):
        return f"a {name} of {len(value)} item(s)" if lang == "en" else f"含 {len(value)} 项的 {name}"
    return f"a value of type {name}" if lang == "en" else f"一个 {name} 类型的值"

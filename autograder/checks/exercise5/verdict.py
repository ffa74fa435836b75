"""Judging what gradient_check returned: shared by the checks and the diagnosis."""

from __future__ import annotations

import math

import numpy as np

from ...compare import as_number_array, kind_of
from ...i18n import Text

DEFAULT_TOL = 1e-6


def single_number(value) -> float | None:
    """The value as one float; None for a truth value, or anything but one number (a
    one-element list or array included: the docstring promises a float)."""
    if isinstance(value, (bool, np.bool_)):
        return None
    array = as_number_array(value)
    if array is None or array.ndim != 0:
        return None
    return float(array.reshape(()))


def check_result_problem(received, expected, tol) -> Text | None:
    """Why gradient_check's ``received`` is not acceptable next to the reference's
    ``expected`` = (passed, error); None when it is. ``passed`` must be the same
    bool; the error must be below tol when the reference's is, and otherwise
    agree with the reference's to 1% (every sound numerical gradient gives nearly
    the same large error)."""
    want_passed, want_error = expected
    if not isinstance(received, (tuple, list)) or len(received) != 2:
        return Text(
            f"expected a tuple (passed, error), got {kind_of(received)}",
            f"应返回元组 (passed, error)，实际得到{kind_of(received, 'zh')}",
        )
    passed, error = received
    if not isinstance(passed, (bool, np.bool_)):
        return Text(
            f"the first item should be True or False, got {kind_of(passed)}",
            f"第一项应为 True 或 False，实际得到{kind_of(passed, 'zh')}",
        )
    got = single_number(error)
    if got is None:
        return Text(
            f"the second item should be a number, got {kind_of(error)}",
            f"第二项应为一个数，实际得到{kind_of(error, 'zh')}",
        )
    if bool(passed) != bool(want_passed):
        return Text(
            f"passed is {bool(passed)}, expected {bool(want_passed)} "
            f"(your relative error {got:.3g}, the reference's {want_error:.3g}, tol {tol:g})",
            f"passed 为 {bool(passed)}，应为 {bool(want_passed)}"
            f"（你的相对误差 {got:.3g}，参考答案 {want_error:.3g}，tol = {tol:g}）",
        )
    if want_error < tol:
        if not 0.0 <= got < tol:
            return Text(
                f"the relative error {got:.3g} should be below tol = {tol:g} "
                f"(the reference's is {want_error:.3g})",
                f"相对误差 {got:.3g} 应小于 tol = {tol:g}（参考答案为 {want_error:.3g}）",
            )
        return None
    if not abs(got - want_error) <= 1e-2 * abs(want_error):
        return Text(
            f"the relative error is {got:.6g}, expected {want_error:.6g}",
            f"相对误差为 {got:.6g}，应为 {want_error:.6g}",
        )
    return None


def same_check_result(received, imitated) -> bool:
    """Whether the student's (passed, error) is the imitation's: the same bool, the
    same error to 1e-6 (NaN equal to NaN)."""
    if not isinstance(received, (tuple, list)) or len(received) != 2:
        return False
    if not isinstance(received[0], (bool, np.bool_)) or bool(received[0]) != bool(imitated[0]):
        return False
    got, want = single_number(received[1]), single_number(imitated[1])
    if got is None or want is None:
        return False
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    return abs(got - want) <= 1e-6 * abs(want) + 1e-12

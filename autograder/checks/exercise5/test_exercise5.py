"""Exercise 5's checks: 10 points. Run `pytest` on this folder to check the reference.

f and grad_f are functions of probes.py, passed as Probe("name"): the student's
code gets an opaque callable whose calls the grader answers (and counts), the
reference the function itself. Numerical gradients are
compared with RTOL/ATOL: every central-difference implementation agrees with the
reference to about 1e-10, while a forward difference is off by about h·f''/2
(1e-5 for Σx², up to 4.5e-5 for Σ sin 3x), 3 to 500 times the tolerance.
"""

import numpy as np

from ...checking import Probe, check, expect_same, expect_unchanged, fail
from .verdict import DEFAULT_TOL, check_result_problem

RTOL, ATOL = 1e-6, 1e-8


def expect_gradient(student, reference, f, x, **kwargs):
    call = expect_same(
        student.numerical_gradient, reference.numerical_gradient, Probe(f), x, rtol=RTOL, atol=ATOL, **kwargs
    )
    expect_central_calls(call, f, x, reference.numerical_gradient)


def expect_central_calls(call, f, x, reference_function):
    """f called at least twice per entry of x, as central differences need: the numbers
    alone do not show that they were computed (the grader counts the calls itself)."""
    needed, calls = 2 * np.size(x), call.probe_calls.get(f, 0)
    if calls < needed:
        function = f"`{call.function}`"
        fail(
            call,
            en=f"{function} called f {calls} times for an x of {np.size(x)} entries: central "
            f"differences need {needed}, f(x + h·e_i) and f(x − h·e_i) for each entry",
            zh=f"{function} 对有 {np.size(x)} 个元素的 x 只调用了 f {calls} 次：中心差分需要 {needed} 次，"
            f"每个元素都要计算 f(x + h·e_i) 和 f(x − h·e_i)",
            reference_function=reference_function,
        )


def expect_check(student, reference, f, grad_f, x, **kwargs):
    """gradient_check: the same verdict as the reference, an error below tol when the
    reference's is, close to the reference's when it is large (x is test_x_left_exactly's)."""
    args = (Probe(f), Probe(grad_f), x)
    function = student.gradient_check
    reference_args, reference_kwargs = function.context.resolve((args, kwargs))
    expected = reference.gradient_check(*reference_args, **reference_kwargs)
    call = function.observe(*args, **kwargs)
    if call.error is not None:
        fail(call, en="", zh="", expected=expected, reference_function=reference.gradient_check)
    problem = check_result_problem(call.received, expected, kwargs.get("tol", DEFAULT_TOL))
    if problem is not None:
        fail(
            call,
            en=f"`gradient_check` returned a wrong result: {problem.en}",
            zh=f"`gradient_check` 的结果不对：{problem.zh}",
            expected=expected,
            reference_function=reference.gradient_check,
        )
    expect_central_calls(call, f, x, reference.gradient_check)


@check(1.5, en="numerical_gradient of a 1-D x", zh="一维 x 的数值梯度")
def test_gradient_1d(student, reference, rng):
    expect_gradient(student, reference, "sum_of_squares", rng.normal(size=4))
    expect_gradient(student, reference, "sine_wave", rng.uniform(-2.0, 2.0, size=5))


@check(1, en="numerical_gradient of a 2-D (2×3) and a 3-D x", zh="二维（2×3）和三维 x 的数值梯度")
def test_gradient_nd(student, reference, rng):
    expect_gradient(student, reference, "sine_wave", rng.uniform(-2.0, 2.0, size=(2, 3)))
    expect_gradient(student, reference, "sum_of_squares", rng.normal(size=(2, 2, 2)))


@check(
    1,
    en="softmax cross-entropy of logits: numerical gradient and gradient_check",
    zh="logits 的 softmax 交叉熵：数值梯度与 gradient_check",
    hidden=True,
)
def test_softmax_cross_entropy(student, reference, rng):
    # softmax cross-entropy after a 2-D sine: moving a whole row of logits leaves it
    # unchanged, so per-row code gets all zeros there, as does a step too small to change f
    expect_gradient(student, reference, "sine_wave", rng.uniform(-2.0, 2.0, size=(3, 2)))
    expect_gradient(student, reference, "softmax_cross_entropy", rng.normal(size=(2, 3)))
    expect_check(
        student, reference, "softmax_cross_entropy", "softmax_cross_entropy_grad", rng.normal(size=(2, 3))
    )


@check(
    1,
    en="a curved function, at h = 1e-5 and h = 1e-4: central differences are accurate",
    zh="弯曲的函数，h = 1e-5 和 h = 1e-4：中心差分足够精确",
    hidden=True,
)
def test_curved_function(student, reference, rng):
    x = rng.uniform(-1.5, 1.5, size=5)
    expect_gradient(student, reference, "sine_wave", x)
    expect_gradient(student, reference, "sine_wave", x, h=1e-4)


@check(1, en="an integer array x", zh="整数数组 x", hidden=True)
def test_int_array(student, reference, rng):
    # zeros first: there every step, however small, changes sin(3x), so a gradient of
    # zeros can only come from a step that was truncated to 0
    expect_gradient(student, reference, "sine_wave", np.array([0, 2, -1, 0, 3]))
    expect_gradient(student, reference, "sum_of_squares", np.array([3, -1, 4, 2]))
    expect_gradient(student, reference, "sine_wave", rng.integers(-3, 4, size=5))


@check(1, en="x is left exactly as it was passed in, bit for bit", zh="x 与传入时逐位相同", hidden=True)
def test_x_left_exactly(student, reference):
    """Judges x only: wrong gradients cost points in the other checks."""
    # (x + h) - 2h + h differs from x in the last bit for the first three entries
    x = np.array([0.1, -0.7, 1.3, 2.9, -3.3, 0.45])
    expect_unchanged(student.numerical_gradient, reference.numerical_gradient, Probe("sum_of_squares"), x)
    expect_unchanged(
        student.gradient_check,
        reference.gradient_check,
        Probe("sum_of_squares"),
        Probe("sum_of_squares_grad"),
        x,
    )


@check(1, en="relative_error of two gradients", zh="两个梯度的相对误差")
def test_relative_error(student, reference, rng):
    a = rng.normal(size=6)
    expect_same(student.relative_error, reference.relative_error, a, a + 1e-3 * rng.normal(size=6))
    expect_same(student.relative_error, reference.relative_error, a, -a)
    b = rng.normal(size=(3, 4))
    expect_same(student.relative_error, reference.relative_error, b, 2 * b + 0.1)
    # gradients that agree but in one near-zero entry: scaled by the largest entry, the error is tiny
    c = rng.normal(size=5)
    c[2] = 1e-6
    expect_same(student.relative_error, reference.relative_error, c, np.where(c == 1e-6, 3e-6, c))
    # the largest |a_i| and the largest |b_i| at different entries: the scale is
    # max(|a| + |b|) <= 4 here, not max|a| + max|b| = 5.5
    d, e = rng.uniform(-1.0, 1.0, size=6), rng.uniform(-1.0, 1.0, size=6)
    d[1], e[4] = 3.0, -2.5
    expect_same(student.relative_error, reference.relative_error, d, e)


@check(0.5, en="relative_error of two zero gradients is 0", zh="两个全零梯度的相对误差为 0", hidden=True)
def test_relative_error_of_zeros(student, reference):
    expect_same(student.relative_error, reference.relative_error, np.zeros(4), np.zeros(4))
    expect_same(student.relative_error, reference.relative_error, np.zeros((2, 3)), np.zeros((2, 3)))


@check(0.5, en="gradient_check accepts correct gradients", zh="gradient_check 接受正确的梯度")
def test_gradient_check_correct(student, reference, rng):
    expect_check(student, reference, "sine_wave", "sine_wave_grad", rng.uniform(-2.0, 2.0, size=(2, 3)))
    expect_check(student, reference, "sum_of_squares", "sum_of_squares_grad", rng.normal(size=4))
    # a coarse step leaves a relative error of about 1e-4, which the tol it is given accepts
    expect_check(
        student, reference, "sine_wave", "sine_wave_grad", rng.uniform(-2.0, 2.0, size=4), h=1e-2, tol=1e-3
    )


@check(1, en="gradient_check rejects wrong gradients", zh="gradient_check 拒绝错误的梯度", hidden=True)
def test_gradient_check_wrong(student, reference, rng):
    # softmax cross-entropy last, as in test_gradient_nd
    expect_check(student, reference, "sine_wave", "sine_wave_grad_wrong", rng.uniform(-2.0, 2.0, size=(2, 3)))
    expect_check(
        student,
        reference,
        "sum_of_squares",
        "sum_of_squares_grad_wrong",
        rng.normal(size=4),
        h=1e-4,
        tol=1e-3,
    )
    # the h it is given: at h = 0.2 the central difference of sin 3x is 0.94 times the
    # derivative, so the error is 0.477, not the 0.5 of a step of 1e-5
    expect_check(
        student, reference, "sine_wave", "sine_wave_grad_wrong", rng.uniform(-2.0, 2.0, size=4), h=0.2
    )
    expect_check(
        student,
        reference,
        "softmax_cross_entropy",
        "softmax_cross_entropy_grad_wrong",
        rng.normal(size=(2, 3)),
    )


@check(
    0.5, en="gradient_check when both gradients are 0", zh="两个梯度都为 0 时的 gradient_check", hidden=True
)
def test_gradient_check_zero_gradient(student, reference, rng):
    expect_check(student, reference, "constant", "constant_grad", rng.normal(size=(2, 3)))

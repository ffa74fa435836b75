"""Exercise 3's checks: 10 points. Run `pytest` on this folder to check the reference."""

import numpy as np

from ...checking import check, expect_same, expect_unchanged, fail

# a clipping of p to [eps, 1 - eps] is sound too: at p = 1, y = 0 it gives 27.63093
# instead of 27.631021, so inputs holding a 0 or a 1 are compared with this rtol
EXTREME_RTOL = 1e-4

# far left, exp(-z) overflows (above 709.78) while sigmoid(z) = exp(z) is still a tiny
# nonzero (subnormal) number, precise to 1e-8 here: an overflowing sigmoid gives 0
LEFT_TAIL_Z = np.array([-712.0, -716.0, -720.0, -725.0])
LEFT_TAIL_RTOL = 1e-6

MODERATE_Z = np.array([-3.0, -1.0, 0.0, 1.0, 3.0])
MODERATE_Y = np.array([1.0, 0.0, 1.0, 1.0, 0.0])


def logit(p):
    p = np.asarray(p, dtype=float)
    return np.log(p / (1.0 - p))


def expect_left_tail(student, reference):
    """Judged by values: sigmoid is nonzero and relatively accurate where exp(-z) overflows."""
    expect_same(student.sigmoid, reference.sigmoid, LEFT_TAIL_Z.copy(), rtol=LEFT_TAIL_RTOL, atol=0.0)


def _overflowed(call):
    return call.error is None and any("overflow" in str(w).lower() for w in call.warnings)


def expect_no_overflow(student, reference, z):
    """Right values, and no overflow warning: a warning can fail the check, never pass it
    (a student's code can silence warnings; :func:`expect_left_tail` judges by values)."""
    expect_same(student.sigmoid, reference.sigmoid, z)
    call = student.sigmoid.observe(z)
    if _overflowed(call):
        fail(
            call,
            en="sigmoid: right values, but numpy warned of an overflow in exp",
            zh="sigmoid：数值正确，但 numpy 报告 exp 溢出（overflow 警告）",
            expected=reference.sigmoid(z),
            reference_function=reference.sigmoid,
        )


@check(1, en="sigmoid of moderate logits", zh="普通大小 logit 的 sigmoid")
def test_sigmoid(student, reference, rng):
    expect_same(student.sigmoid, reference.sigmoid, MODERATE_Z)
    expect_same(student.sigmoid, reference.sigmoid, 0.0)
    expect_same(student.sigmoid, reference.sigmoid, rng.normal(scale=4.0, size=(2, 3)))


@check(
    1,
    en="huge logits (±1000): no overflow, in sigmoid and the derivatives",
    zh="极大的 logit（±1000）：sigmoid 与各导数都不溢出",
    hidden=True,
)
def test_large_logits(student, reference):
    expect_left_tail(student, reference)
    expect_no_overflow(
        student, reference, np.array([-1000.0, -745.0, -710.0, -30.0, 0.0, 30.0, 710.0, 745.0, 1000.0])
    )
    expect_no_overflow(student, reference, np.array([-100.0, -50.0, 0.0, 50.0, 100.0], dtype=np.float32))
    z = np.array([-1000.0, -30.0, 0.0, 30.0, 1000.0])
    y = np.array([1.0, 1.0, 0.0, 0.0, 0.0])
    expect_same(student.bce_grad_logit, reference.bce_grad_logit, z, y)
    expect_same(student.mse_sigmoid_grad_logit, reference.mse_sigmoid_grad_logit, z, y)
    expect_same(student.bce_curvature, reference.bce_curvature, z)


@check(
    1.5,
    en="BCE: the chapter's examples (confident or wrong, both labels)",
    zh="BCE：课文中的例子（自信或错误，两种标签）",
)
def test_bce_chapter_examples(student, reference):
    for p, y in [(0.99, 1), (0.01, 1), (0.01, 0), (0.99, 0), (0.7, 0), (0.5, 1)]:
        expect_same(student.bce_loss, reference.bce_loss, p, y)


@check(1, en="BCE of a batch: the mean over examples", zh="批量 BCE：对样本取平均", hidden=True)
def test_bce_batch(student, reference, rng):
    expect_same(student.bce_loss, reference.bce_loss, np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 1.0]))
    p = rng.uniform(0.02, 0.98, size=8)
    y = rng.permutation(np.array([0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]))
    expect_same(student.bce_loss, reference.bce_loss, p, y)


@check(
    1,
    en="BCE at p = 0 and p = 1 with both labels (clipping)",
    zh="p = 0 与 p = 1、两种标签下的 BCE（截断）",
    hidden=True,
)
def test_bce_extremes(student, reference):
    expect_same(
        student.bce_loss,
        reference.bce_loss,
        np.array([0.0, 1.0, 0.0, 1.0]),
        np.array([1.0, 0.0, 0.0, 1.0]),
        rtol=EXTREME_RTOL,
    )
    for p, y in [(0.0, 1.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]:
        expect_same(student.bce_loss, reference.bce_loss, np.array([p]), np.array([y]), rtol=EXTREME_RTOL)
    # float32, where 1 - 1e-12 rounds to 1: clipping p to [eps, 1 - eps] there leaves 1 - p = 0
    expect_same(
        student.bce_loss,
        reference.bce_loss,
        np.array([0.0, 1.0, 0.0, 1.0], dtype=np.float32),
        np.array([1.0, 0.0, 0.0, 1.0], dtype=np.float32),
    )
    # the eps it is given: p = 1 with y = 0 costs -ln(1e-6) = 13.816 here, not 27.631
    expect_same(
        student.bce_loss,
        reference.bce_loss,
        np.array([1.0, 0.3]),
        np.array([0.0, 1.0]),
        eps=1e-6,
        rtol=EXTREME_RTOL,
    )


@check(1.5, en="dL/dz of BCE: σ(z) − y (the chapter's examples)", zh="BCE 的 dL/dz：σ(z) − y（课文中的例子）")
def test_bce_grad_logit(student, reference):
    expect_same(student.bce_grad_logit, reference.bce_grad_logit, MODERATE_Z, MODERATE_Y)
    # the texts: p = 0.001 with y = 1 gives -0.999; p = 0.8, y = 1 gives -0.2; p = 0.3, y = 0 gives 0.3
    expect_same(
        student.bce_grad_logit, reference.bce_grad_logit, logit([0.001, 0.8, 0.3]), np.array([1.0, 1.0, 0.0])
    )


@check(1, en="dL/dz of ½(σ(z) − y)²: the 'old car' gradient", zh="½(σ(z) − y)² 的 dL/dz：“老爷车”的梯度")
def test_mse_sigmoid_grad_logit(student, reference):
    expect_same(student.mse_sigmoid_grad_logit, reference.mse_sigmoid_grad_logit, MODERATE_Z, MODERATE_Y)
    expect_same(
        student.mse_sigmoid_grad_logit,
        reference.mse_sigmoid_grad_logit,
        logit([0.001, 0.8, 0.3]),
        np.array([1.0, 1.0, 0.0]),
    )


@check(1, en="d²L/dz² of BCE: p(1 − p), 0.25 at z = 0", zh="BCE 的 d²L/dz²：p(1 − p)，z = 0 时为 0.25")
def test_bce_curvature(student, reference):
    expect_same(student.bce_curvature, reference.bce_curvature, MODERATE_Z)
    expect_same(student.bce_curvature, reference.bce_curvature, 0.0)
    # "z: logits, any shape": a loop over the entries of a 1-D z meets rows here
    expect_same(student.bce_curvature, reference.bce_curvature, np.array([[-2.0, 0.5], [1.0, 4.0]]))


@check(
    0.5,
    en="float32 arrays, plain Python lists and numbers",
    zh="float32 数组、Python 列表和单个数",
    hidden=True,
)
def test_float32_and_lists(student, reference, rng):
    z = rng.normal(scale=3.0, size=6).astype(np.float32)
    y = rng.permutation(np.array([0, 0, 0, 1, 1, 1], dtype=np.float32))
    p = rng.uniform(0.05, 0.95, size=6).astype(np.float32)
    expect_same(student.sigmoid, reference.sigmoid, z)
    expect_same(student.bce_loss, reference.bce_loss, p, y)
    expect_same(student.bce_grad_logit, reference.bce_grad_logit, z, y)
    expect_same(student.mse_sigmoid_grad_logit, reference.mse_sigmoid_grad_logit, z, y)
    expect_same(student.bce_curvature, reference.bce_curvature, z)
    expect_same(student.sigmoid, reference.sigmoid, [-2.0, 0.0, 2.0])
    expect_same(student.bce_loss, reference.bce_loss, [0.8, 0.3, 0.6], [1, 0, 0])
    expect_same(student.bce_grad_logit, reference.bce_grad_logit, [-1.0, 0.0, 2.0], [0, 1, 1])
    expect_same(student.mse_sigmoid_grad_logit, reference.mse_sigmoid_grad_logit, [-1.0, 0.0, 2.0], [0, 1, 1])
    expect_same(student.bce_curvature, reference.bce_curvature, [-1.0, 0.0, 2.0])
    expect_same(student.bce_grad_logit, reference.bce_grad_logit, 0.0, 1)
    # integer logits, "a list or a single number": a buffer of z's own dtype holds integers
    expect_same(student.sigmoid, reference.sigmoid, [-2, 0, 3])
    expect_same(student.bce_curvature, reference.bce_curvature, 0)


@check(0.5, en="the caller's arrays are left unchanged", zh="不修改调用者的数组", hidden=True)
def test_inputs_unchanged(student, reference):
    """Judges the arguments only: wrong values cost points in the other checks."""
    expect_unchanged(
        student.bce_loss, reference.bce_loss, np.array([0.0, 0.3, 1.0, 0.8]), np.array([0.0, 1.0, 1.0, 0.0])
    )
    z = np.array([-5.0, -2.0, 0.0, 2.0, 5.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    expect_unchanged(student.sigmoid, reference.sigmoid, z)
    expect_unchanged(student.bce_grad_logit, reference.bce_grad_logit, z, y)
    expect_unchanged(student.mse_sigmoid_grad_logit, reference.mse_sigmoid_grad_logit, z, y)
    expect_unchanged(student.bce_curvature, reference.bce_curvature, z)

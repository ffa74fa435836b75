"""Exercise 6's checks: 10 points. Run `pytest` on this folder to check the reference."""

import numpy as np

from ...checking import check, expect_same, expect_unchanged

CHAPTER_LABELS = np.array([1.0, 0.0, 1.0, 1.0, 0.0])


@check(
    1.5,
    en="smoothed labels: the chapter's ε = 0.1, and the default",
    zh="平滑标签：课文中的 ε = 0.1，以及默认值",
)
def test_chapter_example(student, reference):
    expect_same(student.smooth_labels, reference.smooth_labels, CHAPTER_LABELS, 0.1)
    expect_same(student.smooth_labels, reference.smooth_labels, CHAPTER_LABELS)


@check(1.5, en="smoothed labels of any shape, any ε", zh="任意形状、任意 ε 的平滑标签", hidden=True)
def test_any_shape_and_epsilon(student, reference, rng):
    labels = rng.integers(0, 2, size=(3, 4)).astype(float)
    expect_same(student.smooth_labels, reference.smooth_labels, labels, float(rng.uniform(0.01, 0.3)))
    expect_same(student.smooth_labels, reference.smooth_labels, [0.0, 1.0, 1.0], 0.2)
    expect_same(student.smooth_labels, reference.smooth_labels, 1.0, 0.05)


@check(
    1,
    en="ε = 0 keeps the labels, ε = 0.5 makes every label 0.5",
    zh="ε = 0 保持标签不变，ε = 0.5 使所有标签都为 0.5",
)
def test_epsilon_zero_and_half(student, reference):
    expect_same(student.smooth_labels, reference.smooth_labels, CHAPTER_LABELS, 0.0)
    expect_same(student.smooth_labels, reference.smooth_labels, CHAPTER_LABELS, 0.5)


@check(2, en="dL/dz with smoothed labels: σ(z) − y'", zh="平滑标签下的 dL/dz：σ(z) − y'")
def test_gradient(student, reference, rng):
    z = rng.normal(scale=3.0, size=8)
    y = rng.permutation(np.array([0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]))
    expect_same(student.smoothed_bce_grad_logit, reference.smoothed_bce_grad_logit, z, y, 0.1)
    expect_same(
        student.smoothed_bce_grad_logit, reference.smoothed_bce_grad_logit, z.astype(np.float32), y, 0.2
    )


@check(
    1.5,
    en="confident right answers keep a gradient of about ε",
    zh="自信且正确的样本仍有约为 ε 的梯度",
    hidden=True,
)
def test_confident_and_right(student, reference):
    z = np.array([30.0, 20.0, -20.0, -30.0])
    y = np.array([1.0, 1.0, 0.0, 0.0])
    expect_same(student.smoothed_bce_grad_logit, reference.smoothed_bce_grad_logit, z, y, 0.1)


@check(1.5, en="huge logits (±1000): finite gradients", zh="极大的 logit（±1000）：梯度是有限值", hidden=True)
def test_huge_logits(student, reference):
    z = np.array([-1000.0, -745.0, 0.0, 745.0, 1000.0])
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    expect_same(student.smoothed_bce_grad_logit, reference.smoothed_bce_grad_logit, z, y, 0.2)


@check(1, en="the caller's arrays are left unchanged", zh="不修改调用者的数组")
def test_inputs_unchanged(student, reference):
    """Judges the arguments only: wrong values cost points in the other checks."""
    z = np.array([-2.0, 0.0, 2.0])
    y = np.array([0.0, 1.0, 1.0])
    expect_unchanged(student.smooth_labels, reference.smooth_labels, y, 0.1)
    expect_unchanged(student.smoothed_bce_grad_logit, reference.smoothed_bce_grad_logit, z, y, 0.1)

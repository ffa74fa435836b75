"""Exercise 2's checks: 10 points. Run `pytest` on this folder to check the reference.

The order of the calls inside a check matters for diagnosis: a check stops at
its first failing call, and that call's numbers must point at one mistake only.
"""

import numpy as np

from ...checking import check, expect_same, expect_unchanged


def random_logits(rng, n, k, scale=2.0, dtype=float):
    return (scale * rng.normal(size=(n, k))).astype(dtype)


def one_hot_rows(rng, n, k, dtype=float):
    labels = rng.integers(0, k, size=n)
    return np.eye(k, dtype=dtype)[labels]


@check(1.5, en="softmax: the chapter's examples, one row and a batch", zh="softmax：课文中的例子，单行和批量")
def test_softmax_examples(student, reference, rng):
    softmax = (student.softmax, reference.softmax)
    expect_same(*softmax, np.array([[2.0, 1.0, 0.0]]))
    expect_same(*softmax, np.log(np.array([[0.7, 0.2, 0.1]])))
    expect_same(*softmax, np.array([1.0, 2.0, 3.0]))
    expect_same(*softmax, random_logits(rng, 3, 4))


@check(
    1.5,
    en="softmax: very large and very negative logits (±1000)",
    zh="softmax：非常大和非常小的 logits（±1000）",
)
def test_softmax_large_logits(student, reference):
    softmax = (student.softmax, reference.softmax)
    expect_same(*softmax, np.array([[710.0, 0.0, 0.0]]))
    expect_same(*softmax, np.array([[-800.0, -801.0, -802.0]]))
    expect_same(*softmax, np.array([[1000.0, 0.0, 0.0], [0.0, 1.0, 2.0]]))
    expect_same(*softmax, np.array([-1000.0, 1000.0]))


@check(
    1,
    en="softmax: a square batch, float32, integer logits and Python lists",
    zh="softmax：方形批量、float32、整数 logits 和 Python 列表",
    hidden=True,
)
def test_softmax_other_inputs(student, reference, rng):
    softmax = (student.softmax, reference.softmax)
    expect_same(*softmax, random_logits(rng, 3, 3))
    expect_same(*softmax, random_logits(rng, 4, 3, scale=3.0, dtype=np.float32))
    expect_same(*softmax, np.array([[100.0, 0.0, -100.0], [0.0, 50.0, 90.0]], dtype=np.float32))
    expect_same(*softmax, np.array([[1, 2, 3], [0, 0, 0]]))
    expect_same(*softmax, [[0.5, -1.5, 2.0, 0.0], [3.0, 3.0, -3.0, 1.0]])
    expect_same(*softmax, [4, 1, 0, -2])


@check(
    1.5,
    en="loss from logits: the chapter's examples and a batch",
    zh="由 logits 计算损失：课文中的例子和批量",
)
def test_loss_examples(student, reference, rng):
    loss = (student.softmax_cross_entropy, reference.softmax_cross_entropy)
    # logits whose softmax is [0.7, 0.2, 0.1]; the true class is 0: -ln 0.7
    expect_same(*loss, np.log(np.array([[0.7, 0.2, 0.1]])), np.array([[1.0, 0.0, 0.0]]))
    expect_same(*loss, np.array([2.0, 1.0, 0.0]), np.array([1.0, 0.0, 0.0]))
    expect_same(*loss, random_logits(rng, 3, 4), one_hot_rows(rng, 3, 4))
    expect_same(*loss, random_logits(rng, 2, 5, dtype=np.float32), one_hot_rows(rng, 2, 5, np.float32))
    expect_same(*loss, [[1.0, 3.0, 0.5], [0.0, -1.0, 2.0]], [[0, 1, 0], [1, 0, 0]])


@check(
    1.5,
    en="loss from logits: finite for very large logits (log-sum-exp)",
    zh="由 logits 计算损失：logits 很大时仍是有限数（log-sum-exp）",
    hidden=True,
)
def test_loss_large_logits(student, reference):
    loss = (student.softmax_cross_entropy, reference.softmax_cross_entropy)
    # p_0 = 9.4e-14 is below a clipping epsilon of 1e-12: the exact loss is 30
    expect_same(*loss, np.array([[0.0, 30.0]]), np.array([[1.0, 0.0]]))
    expect_same(*loss, np.array([[-800.0, -801.0, -802.0]]), np.array([[0.0, 0.0, 1.0]]))
    expect_same(*loss, np.array([[0.0, -800.0]]), np.array([[0.0, 1.0]]))
    expect_same(
        *loss, np.array([[1000.0, 0.0, 0.0], [0.0, 1.0, 2.0]]), np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    )
    expect_same(*loss, np.array([710.0, 0.0, 0.0]), np.array([0.0, 1.0, 0.0]))


@check(
    1.5,
    en="gradient: (softmax(Z) - Y) / N on a batch and on one row",
    zh="梯度：批量和单行上的 (softmax(Z) - Y) / N",
)
def test_grad_examples(student, reference, rng):
    grad = (student.softmax_cross_entropy_grad, reference.softmax_cross_entropy_grad)
    expect_same(*grad, random_logits(rng, 3, 4), one_hot_rows(rng, 3, 4))
    expect_same(*grad, np.array([2.0, 1.0, 0.0]), np.array([0.0, 1.0, 0.0]))
    expect_same(*grad, random_logits(rng, 4, 4), one_hot_rows(rng, 4, 4))


@check(
    1,
    en="gradient: large logits, float32 and Python lists",
    zh="梯度：很大的 logits、float32 和 Python 列表",
    hidden=True,
)
def test_grad_other_inputs(student, reference, rng):
    grad = (student.softmax_cross_entropy_grad, reference.softmax_cross_entropy_grad)
    expect_same(
        *grad, np.array([[1000.0, 0.0, 0.0], [0.0, 1.0, 2.0]]), np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    )
    expect_same(*grad, np.array([[-800.0, -801.0, -802.0]]), np.array([[1.0, 0.0, 0.0]]))
    expect_same(*grad, random_logits(rng, 2, 5, dtype=np.float32), one_hot_rows(rng, 2, 5, np.float32))
    expect_same(*grad, [[0.5, 1.5, -1.0], [2.0, 0.0, 1.0]], [[0, 0, 1], [0, 1, 0]])


@check(0.5, en="the caller's arrays are left unchanged", zh="不修改调用者的数组", hidden=True)
def test_inputs_unchanged(student, reference):
    """Judges the arguments only: wrong values cost points in the other checks. Square, so
    that code reducing without keepdims still returns something instead of raising."""
    logits = np.array([[3.0, 1.0, 0.2], [0.5, 2.5, -1.0], [0.0, -2.0, 1.5]])
    y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    expect_unchanged(student.softmax, reference.softmax, logits)
    expect_unchanged(student.softmax_cross_entropy, reference.softmax_cross_entropy, logits, y)
    expect_unchanged(student.softmax_cross_entropy_grad, reference.softmax_cross_entropy_grad, logits, y)

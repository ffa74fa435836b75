"""Exercise 1's checks: 10 points. Run `pytest` on this folder to check the reference."""

import numpy as np

from ...checking import check, expect_same, expect_unchanged, fail


def random_probs(rng, n, k, dtype=float):
    return rng.dirichlet(np.ones(k), size=n).astype(dtype)


NOT_FLOATS = {"b": ("truth values", "布尔值"), "i": ("integers", "整数"), "u": ("integers", "整数")}


def expect_floats(call, reference_function):
    """The docstring promises a float array: 1.0 and 0.0, not ints or truth values."""
    try:
        kind = np.asarray(call.received).dtype.kind
    except (TypeError, ValueError):
        kind = "O"
    if kind == "f":
        return
    en, zh = NOT_FLOATS.get(kind, ("other objects", "其他对象"))
    fail(
        call,
        en=f"`{call.function}` returned a matrix of {en}: a one-hot matrix holds floats (1.0 and 0.0), "
        "e.g. np.zeros((N, K)) or np.eye(K)[labels]",
        zh=f"`{call.function}` 返回的矩阵元素是{zh}：one-hot 矩阵应由浮点数（1.0 和 0.0）组成，"
        "例如 np.zeros((N, K)) 或 np.eye(K)[labels]",
        reference_function=reference_function,
    )


@check(1, en="one_hot: labels to a float one-hot matrix", zh="one_hot：标签转浮点 one-hot 矩阵")
def test_one_hot(student, reference, rng):
    call = expect_same(student.one_hot, reference.one_hot, [0, 2, 1, 3], 4)
    expect_floats(call, reference.one_hot)
    # the largest label is not K - 1: K is num_classes, not what the labels show
    expect_same(student.one_hot, reference.one_hot, np.array([1, 0, 1]), 4)
    labels = rng.integers(0, 5, size=7)
    expect_same(student.one_hot, reference.one_hot, labels, 5)


@check(
    2,
    en="the chapter's examples (confident, uniform, a single example)",
    zh="课文中的例子（自信、均匀、单个样本）",
)
def test_chapter_examples(student, reference):
    onehot = np.array([[0.0, 0.0, 0.0, 1.0]])
    expect_same(
        student.cross_entropy_loss, reference.cross_entropy_loss, np.array([[0.01, 0.01, 0.01, 0.97]]), onehot
    )
    expect_same(student.cross_entropy_loss, reference.cross_entropy_loss, np.full((1, 4), 0.25), onehot)
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        np.array([0.1, 0.2, 0.6, 0.1]),
        np.array([0.0, 0.0, 1.0, 0.0]),
    )
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        np.array([[0.1, 0.9]]),
        np.array([[1.0, 0.0]]),
    )


@check(1, en="from integer labels: the chapter's exercise 1", zh="用整数标签：课文练习 1")
def test_labels_single_example(student, reference):
    expect_same(
        student.cross_entropy_from_labels,
        reference.cross_entropy_from_labels,
        np.array([[0.1, 0.2, 0.6, 0.1]]),
        np.array([2]),
    )
    expect_same(
        student.cross_entropy_from_labels,
        reference.cross_entropy_from_labels,
        np.array([0.1, 0.2, 0.6, 0.1]),
        2,
    )


@check(2, en="a batch: the mean over examples", zh="批量：对样本取平均", hidden=True)
def test_batch_mean(student, reference, rng):
    probs = random_probs(rng, 5, 4)
    labels = rng.permutation([0, 1, 2, 3, 0])
    expect_same(student.cross_entropy_loss, reference.cross_entropy_loss, probs, reference.one_hot(labels, 4))
    expect_same(student.cross_entropy_from_labels, reference.cross_entropy_from_labels, probs, labels)


@check(
    1, en="from integer labels: a square batch, mixed labels", zh="整数标签：方形批量、不同标签", hidden=True
)
def test_labels_square_batch(student, reference, rng):
    probs = random_probs(rng, 4, 4)
    expect_same(
        student.cross_entropy_from_labels, reference.cross_entropy_from_labels, probs, np.array([3, 0, 2, 0])
    )


@check(1.5, en="probabilities of exactly 0 (clipping)", zh="概率恰好为 0（截断）", hidden=True)
def test_zero_probabilities(student, reference):
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        np.array([[0.0, 1.0, 0.0]]),
        np.array([[0.0, 1.0, 0.0]]),
    )
    # K = 5: with K = 2 or 3, 27.631/K would equal -ln of a round epsilon
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        np.array([[0.0, 0.25, 0.25, 0.25, 0.25]]),
        np.array([[1.0, 0.0, 0.0, 0.0, 0.0]]),
    )
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        np.array([[0.01, 0.99]]),
        np.array([[1.0, 0.0]]),
    )
    expect_same(
        student.cross_entropy_from_labels,
        reference.cross_entropy_from_labels,
        np.array([[0.0, 0.5, 0.5], [0.2, 0.8, 0.0]]),
        np.array([0, 1]),
    )
    # the eps it is given: a 0 costs -ln(1e-6) = 13.816 here, not 27.631; the other row
    # keeps the bounds apart from clip-swapped's constant -ln(eps)
    probs = np.array([[0.0, 1.0, 0.0], [0.5, 0.25, 0.25]])
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        probs,
        np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]),
        eps=1e-6,
    )
    expect_same(
        student.cross_entropy_from_labels,
        reference.cross_entropy_from_labels,
        probs,
        np.array([0, 0]),
        eps=1e-6,
    )


@check(0.5, en="float32 arrays and plain Python lists", zh="float32 数组和 Python 列表", hidden=True)
def test_float32_and_lists(student, reference, rng):
    probs = random_probs(rng, 3, 5, np.float32)
    labels = np.array([4, 0, 2])
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        probs,
        reference.one_hot(labels, 5).astype(np.float32),
    )
    expect_same(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]],
        [[0, 0, 1], [1, 0, 0]],
    )
    expect_same(
        student.cross_entropy_from_labels,
        reference.cross_entropy_from_labels,
        [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]],
        [2, 0],
    )


@check(1, en="the caller's arrays are left unchanged", zh="不修改调用者的数组", hidden=True)
def test_inputs_unchanged(student, reference):
    """Judges the arguments only: wrong values cost points in the other checks."""
    probs = np.array([[0.0, 0.7, 0.3], [1e-15, 0.5, 0.5]])
    expect_unchanged(
        student.cross_entropy_loss,
        reference.cross_entropy_loss,
        probs,
        np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
    )
    expect_unchanged(
        student.cross_entropy_from_labels, reference.cross_entropy_from_labels, probs, np.array([1, 2])
    )

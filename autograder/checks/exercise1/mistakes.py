"""Exercise 1's known mistakes (MISCONCEPTIONS.md, exercise1), each imitated in numbers."""

import numpy as np

from ...i18n import Text
from ...mistake import Mistake

LOSSES = ("cross_entropy_loss", "cross_entropy_from_labels")


def _rows(probs, targets):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    return probs, np.atleast_2d(np.asarray(targets, dtype=float))


def _picked(probs, labels):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    labels = np.asarray(labels).astype(int).reshape(-1)
    return probs[np.arange(labels.size), labels]


def onehot_loss(log=np.log, low=1e-12, add=0.0, reduce="mean", clip=True):
    """An imitation of cross_entropy_loss that makes the given mistake."""

    def imitation(probs, y_onehot, eps=1e-12):
        p, y = _rows(probs, y_onehot)
        p = np.clip(p, low, 1.0) if clip else p
        cells = -y * log(p + add)
        if reduce == "sum":
            return float(np.sum(cells))
        if reduce == "all":
            return float(np.mean(cells))
        return float(np.mean(np.sum(cells, axis=1)))

    return imitation


def labels_loss(log=np.log, low=1e-12, add=0.0, reduce="mean", clip=True):
    """The same mistakes, in cross_entropy_from_labels."""

    def imitation(probs, labels, eps=1e-12):
        p = _picked(probs, labels)
        p = np.clip(p, low, 1.0) if clip else p
        values = -log(p + add)
        if reduce == "sum":
            return float(np.sum(values))
        if reduce == "all":
            return float(np.sum(values) / np.atleast_2d(probs).size)
        return float(np.mean(values))

    return imitation


def _both(**mistake):
    return (onehot_loss(**mistake), labels_loss(**mistake))


def _clip_swapped_onehot(probs, y_onehot, eps=1e-12):
    p, y = _rows(probs, y_onehot)
    return float(np.mean(np.sum(-y * np.log(np.clip(p, 1.0, eps)), axis=1)))


def _clip_swapped_labels(probs, labels, eps=1e-12):
    return float(-np.mean(np.log(np.clip(_picked(probs, labels), 1.0, eps))))


def _one_based(probs, labels, eps=1e-12):
    return labels_loss()(probs, np.asarray(labels).astype(int) - 1)


def _wrong_rows(probs, labels, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    labels = np.asarray(labels).astype(int).reshape(-1)
    return float(-np.mean(np.log(np.clip(probs[:, labels], eps, 1.0))))


# fixed epsilons, whatever eps is asked for (1e-12 too: it is wrong when another eps is
# given, and no imitation is taken for a mistake where it matches the reference)
_EPSILONS = [10.0**-k for k in range(4, 17)]
_WRONG_EPS = tuple(f for e in _EPSILONS for f in _both(low=e)) + tuple(
    f for e in _EPSILONS for f in _both(clip=False, add=e)
)


def _changed_input(call, expected):
    return bool(call.changed_arguments())


MISTAKES = (
    Mistake(
        "log10",
        LOSSES,
        Text(
            "a base-10 (or base-2) logarithm: your losses are 0.434× (or 1.443×) the natural-log ones",
            "用了以 10（或 2）为底的对数：你的损失是自然对数结果的 0.434 倍（或 1.443 倍）",
        ),
        Text(
            "np.log is the natural logarithm; use it, not np.log10 or np.log2.",
            "np.log 就是自然对数；请用它，而不是 np.log10 或 np.log2。",
        ),
        imitations=_both(log=np.log10) + _both(log=np.log2),
    ),
    Mistake(
        "no-clip",
        LOSSES,
        Text(
            "no clipping: a probability of 0 gives inf, and 0·log 0 gives NaN",
            "没有截断：概率为 0 时得到 inf，0·log 0 得到 NaN",
        ),
        Text(
            "Clip before the log: np.clip(probs, eps, 1.0), and use the clipped array.",
            "取对数之前先截断：np.clip(probs, eps, 1.0)，并使用截断后的数组。",
        ),
        imitations=_both(clip=False),
    ),
    Mistake(
        "sum-not-mean",
        LOSSES,
        Text(
            "the losses of the batch are summed, not averaged: N times too large",
            "对整批样本求和而不是求平均：结果大了 N 倍",
        ),
        Text(
            "The loss is an average over the N examples: divide by N (np.mean over rows).",
            "损失是 N 个样本的平均值：要除以 N（对行取 np.mean）。",
        ),
        imitations=_both(reduce="sum"),
    ),
    Mistake(
        "mean-over-all",
        LOSSES,
        Text(
            "the mean is taken over all N·K cells: K times too small",
            "对全部 N·K 个元素取了平均：结果小了 K 倍",
        ),
        Text(
            "Sum over the classes of each row first, then average over the rows.",
            "先在每一行内对类别求和，再对各行取平均。",
        ),
        imitations=_both(reduce="all"),
    ),
    Mistake(
        "wrong-eps",
        LOSSES,
        Text(
            "a different epsilon, or eps added to p instead of clipping: the losses are off most where "
            "a probability is near 0, or when another eps is given",
            "用了别的 eps，或者把 eps 加到 p 上而不是截断：概率接近 0 时（或者传入别的 eps 时）损失偏差最大",
        ),
        Text(
            "Clip to [eps, 1] with the eps you are given (default 1e-12); don't add it.",
            "用传入的 eps（默认 1e-12）截断到 [eps, 1]；不要把它加到 p 上。",
        ),
        imitations=_WRONG_EPS,
    ),
    Mistake(
        "clip-swapped",
        LOSSES,
        Text(
            "np.clip's bounds swapped: every probability became eps, so the loss is always 27.631",
            "np.clip 的上下界写反了：所有概率都变成 eps，损失总是 27.631",
        ),
        Text(
            "np.clip(a, a_min, a_max): the lower bound eps first, then 1.0.",
            "np.clip(a, a_min, a_max)：先写下界 eps，再写上界 1.0。",
        ),
        imitations=(_clip_swapped_onehot, _clip_swapped_labels),
    ),
    Mistake(
        "mutates-input",
        (*LOSSES, "one_hot"),
        Text(
            "the function changes the array it was given (np.clip(..., out=...) or p[p < eps] = eps): "
            "after the call, the caller's array holds other numbers",
            "函数修改了传入的数组（np.clip(..., out=...) 或 p[p < eps] = eps）：调用之后，调用者的数组里的数变了",
        ),
        Text(
            "Don't modify your inputs: np.clip without out= returns a new array.",
            "不要修改输入：不带 out= 的 np.clip 会返回新数组。",
        ),
        signature=_changed_input,
    ),
    Mistake(
        "one-based-labels",
        ("cross_entropy_from_labels",),
        Text(
            "labels read as if they started at 1: you took column label − 1",
            "把标签当成从 1 开始：取成了第 label − 1 列",
        ),
        Text(
            "Labels start at 0: label 2 is column 2, the third column.",
            "标签从 0 开始：标签 2 就是第 2 列（第三列）。",
        ),
        imitations=(_one_based,),
    ),
    Mistake(
        "wrong-row-indexing",
        ("cross_entropy_from_labels",),
        Text(
            "probs[:, labels] picks every row's entries at every label, not one per row: your loss "
            "is the mean of N² log-probabilities instead of N",
            "probs[:, labels] 会取出每一行在所有标签处的值，而不是每行一个：你的损失是 N² 个对数概率的平均，"
            "而不是 N 个",
        ),
        Text(
            "Each label belongs to its own row: probs[np.arange(N), labels].",
            "每个标签只对应自己那一行：probs[np.arange(N), labels]。",
        ),
        imitations=(_wrong_rows,),
    ),
)

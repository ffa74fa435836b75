"""Exercise 6's known mistakes, each recognised in numbers."""

import numpy as np

from ...i18n import Text
from ...mistake import Mistake


def _sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def _one_sided_labels(y, epsilon=0.1):
    return (1.0 - epsilon) * np.asarray(y, dtype=float)


def _one_sided_grad(z, y, epsilon=0.1):
    return _sigmoid(z) - _one_sided_labels(y, epsilon)


def _hard_label_grad(z, y, epsilon=0.1):
    return _sigmoid(z) - np.asarray(y, dtype=float)


MISTAKES = (
    Mistake(
        "one-sided-smoothing",
        ("smooth_labels", "smoothed_bce_grad_logit"),
        Text(
            "only the 1s are smoothed, y' = (1 − ε)·y: labels 0 stay 0 instead of becoming ε",
            "只平滑了标签 1，y' = (1 − ε)·y：标签 0 仍然是 0，而不是 ε",
        ),
        Text(
            "A 0 becomes ε too: y' = (1 - ε)·y + ε·(1 - y).",
            "标签 0 也要变成 ε：y' = (1 - ε)·y + ε·(1 - y)。",
        ),
        imitations=(_one_sided_labels, _one_sided_grad),
    ),
    Mistake(
        "unsmoothed-grad",
        ("smoothed_bce_grad_logit",),
        Text(
            "the gradient uses the hard label, σ(z) − y: a confident right answer gets a gradient "
            "near 0 instead of about ε",
            "梯度用的是硬标签 σ(z) − y：自信且正确的样本梯度接近 0，而不是约等于 ε",
        ),
        Text(
            "Subtract the smoothed label: σ(z) - smooth_labels(y, epsilon).",
            "减去平滑后的标签：σ(z) - smooth_labels(y, epsilon)。",
        ),
        imitations=(_hard_label_grad,),
    ),
)

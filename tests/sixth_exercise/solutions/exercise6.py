"""Reference solution for exercise 6: label smoothing."""

import numpy as np

EPSILON = 0.1  # the usual amount of smoothing, the stubs' default


def _sigmoid(z):
    """exp is only taken of numbers ≤ 0, so nothing overflows."""
    z = np.asarray(z, dtype=float)
    return np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))


def smooth_labels(y, epsilon=EPSILON):
    y = np.asarray(y, dtype=float)
    return (1.0 - epsilon) * y + epsilon * (1.0 - y)


def smoothed_bce_grad_logit(z, y, epsilon=EPSILON):
    return _sigmoid(z) - smooth_labels(y, epsilon)

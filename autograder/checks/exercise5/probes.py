"""Functions handed to the student's code as ``f`` and ``grad_f`` (exercise 5).

They run in the grader only: the student's code receives ``Probe("name")`` as
an opaque callable whose every call comes back to the grader, which computes
the value here and counts the call. The worker never holds this file, so
nothing next to the student's code maps to an answer (``<name>_grad``).
Each takes the array the student passes, of any float or int dtype.
"""

import numpy as np


def sum_of_squares(x):
    """f(x) = Σ x²: quadratic, so central differences are exact up to rounding."""
    x = np.asarray(x)
    return np.sum(x * x)


def sum_of_squares_grad(x):
    return 2.0 * np.asarray(x, dtype=float)


def sum_of_squares_grad_wrong(x):
    """The factor 2 forgotten: relative error 1/3."""
    return np.array(x, dtype=float)


def sine_wave(x):
    """f(x) = Σ sin(3x): curved, so a forward difference is off by about 4.5·h·sin(3x)."""
    return float(np.sum(np.sin(3.0 * np.asarray(x, dtype=float))))


def sine_wave_grad(x):
    return 3.0 * np.cos(3.0 * np.asarray(x, dtype=float))


def sine_wave_grad_wrong(x):
    """The chain rule's factor 3 forgotten: relative error 1/2."""
    return np.cos(3.0 * np.asarray(x, dtype=float))


def _labels(n, k):
    return np.arange(n) % k


def softmax_cross_entropy(logits):
    """Mean softmax cross-entropy of logits (N, K) against the fixed labels i mod K."""
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    n, k = z.shape
    shifted = z - np.max(z, axis=1, keepdims=True)
    log_norm = np.log(np.sum(np.exp(shifted), axis=1))
    return float(np.mean(log_norm - shifted[np.arange(n), _labels(n, k)]))


def softmax_cross_entropy_grad(logits):
    """(softmax(Z) − Y) / N, shaped like the logits."""
    z = np.asarray(logits, dtype=float)
    rows = np.atleast_2d(z)
    n, k = rows.shape
    p = np.exp(rows - np.max(rows, axis=1, keepdims=True))
    p /= np.sum(p, axis=1, keepdims=True)
    p[np.arange(n), _labels(n, k)] -= 1.0
    return (p / n).reshape(z.shape)


def softmax_cross_entropy_grad_wrong(logits):
    """The 1/N forgotten: relative error (N − 1)/(N + 1)."""
    rows = np.atleast_2d(np.asarray(logits, dtype=float))
    return softmax_cross_entropy_grad(logits) * rows.shape[0]


def constant(x):
    """f(x) = 1.5 whatever x is: both gradients are exactly 0."""
    return 1.5


def constant_grad(x):
    return np.zeros(np.shape(x))

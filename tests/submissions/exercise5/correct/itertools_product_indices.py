"""The indices of every entry from itertools.product over the axes' ranges; relative_error
in plain Python over the flattened entries."""

import itertools

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    work = np.copy(x).astype(np.float64)
    grad = np.zeros_like(work)
    for index in itertools.product(*(range(n) for n in work.shape)):
        original = work[index]
        work[index] = original + h
        f_plus = f(work)
        work[index] = original - h
        f_minus = f(work)
        work[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b):
    pairs = list(zip(np.ravel(a).tolist(), np.ravel(b).tolist()))
    largest_difference = max(abs(u - v) for u, v in pairs)
    largest_sum = max(abs(u) + abs(v) for u, v in pairs)
    return largest_difference / max(largest_sum, 1e-12)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    error = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return error < tol, error

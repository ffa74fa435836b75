"""An n-d gradient by recursion: the gradient along each slice x[i] is the gradient of
the function of that slice alone, down to 0-d slices, where it is a central difference."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)

    def g(slice_value, index):
        moved = x.copy()
        moved[index] = slice_value
        return f(moved)

    return _gradient(g, x, (), h)


def _gradient(g, x, index, h):
    here = x[index]
    if np.ndim(here) == 0:
        value = float(here)
        return (g(value + h, index) - g(value - h, index)) / (2 * h)
    return np.array([_gradient(g, x, index + (i,), h) for i in range(here.shape[0])], dtype=float)


def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / max(float(np.max(np.abs(a) + np.abs(b))), 1e-12))


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    error = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return bool(error < tol), error

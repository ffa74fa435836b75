"""Reference solution for exercise 5: finite-difference gradient check."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)  # a float copy: int input works, the caller's x is never touched
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        saved = x[index]
        x[index] = saved + h
        f_plus = f(x)
        x[index] = saved - h
        f_minus = f(x)
        x[index] = saved  # assign the saved value back: exact, unlike += h / -= h
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


def relative_error(a, b):
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    largest_difference = np.max(np.abs(a - b))
    scale = max(np.max(np.abs(a) + np.abs(b)), 1e-12)
    return float(largest_difference / scale)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    analytic = np.asarray(grad_f(x), dtype=float)
    numeric = numerical_gradient(f, x, h)
    error = relative_error(analytic, numeric)
    return bool(error < tol), error

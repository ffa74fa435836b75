"""All the steps at once: the rows of h·I, each reshaped like x, added and subtracted."""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    steps = h * np.eye(x.size)
    plus = np.array([f(x + step.reshape(x.shape)) for step in steps], dtype=np.float64)
    minus = np.array([f(x - step.reshape(x.shape)) for step in steps], dtype=np.float64)
    return ((plus - minus) / (2 * h)).reshape(x.shape)


def relative_error(a, b):
    difference = np.subtract(a, b, dtype=np.float64)
    total = np.add(np.abs(a), np.abs(b), dtype=np.float64)
    return float(np.abs(difference).max() / np.maximum(total.max(), 1e-12))


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    error = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return (error < tol, error)

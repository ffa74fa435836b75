import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    grad = np.zeros(x.shape)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        e = np.zeros(x.shape)
        e[i] = h
        grad[i] = (f(x + e) - f(x)) / h
    return grad


def relative_error(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(a) + np.abs(b)), 1e-12))


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    error = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return bool(error < tol), error

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)  # no copy for a float x: work in place, put every entry back
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        oldval = x[ix]
        x[ix] = oldval + h
        fxph = f(x)
        x[ix] = oldval - h
        fxmh = f(x)
        x[ix] = oldval
        grad[ix] = (fxph - fxmh) / (2 * h)
        it.iternext()
    return grad


def relative_error(a, b):
    a, b = np.asarray(a), np.asarray(b)
    return np.max(np.abs(a - b)) / np.maximum(np.max(np.abs(a) + np.abs(b)), 1e-12)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    err = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return err < tol, err

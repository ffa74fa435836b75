import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = x.astype(np.float64)
    grad = np.empty(x.shape)
    for idx in np.ndindex(*x.shape):
        step = np.zeros(x.shape)
        step[idx] = h
        grad[idx] = (f(x + step) - f(x - step)) / (2.0 * h)
    return grad


def relative_error(a, b):
    diff = np.abs(np.subtract(a, b)).max()
    scale = (np.abs(a) + np.abs(b)).max()
    if scale < 1e-12:
        scale = 1e-12
    return float(diff / scale)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    analytic = grad_f(x)
    numeric = numerical_gradient(f, x, h=h)
    error = relative_error(analytic, numeric)
    passed = bool(error < tol)
    return passed, error

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = np.array(x, dtype=float, copy=True)
    result = np.zeros(point.shape, dtype=float)
    for k in range(point.size):
        idx = np.unravel_index(k, point.shape)
        original = float(point[idx])
        point[idx] = original + h
        plus = float(f(point))
        point[idx] = original - h
        minus = float(f(point))
        point[idx] = original
        result[idx] = (plus - minus) / (2 * h)
    return result


def relative_error(a, b):
    top = 0.0
    bottom = 0.0
    for u, v in zip(np.ravel(a).tolist(), np.ravel(b).tolist()):
        top = max(top, abs(u - v))
        bottom = max(bottom, abs(u) + abs(v))
    return top / max(bottom, 1e-12)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    error = relative_error(grad_f(x), numerical_gradient(f, x, h))
    return error < tol, error

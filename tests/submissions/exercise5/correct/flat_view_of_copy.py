import numpy as np


def numerical_gradient(f, x, h=1e-5):
    work = np.array(x, dtype=float)
    flat = work.reshape(-1)  # a view: writing flat[i] writes work
    grad = np.zeros(work.size)
    for i in range(work.size):
        keep = flat[i]
        flat[i] = keep + h
        up = f(work)
        flat[i] = keep - h
        down = f(work)
        flat[i] = keep
        grad[i] = (up - down) / h / 2
    return grad.reshape(work.shape)


def relative_error(a, b):
    a = np.ravel(a).astype(float)
    b = np.ravel(b).astype(float)
    return np.abs(a - b).max() / max((np.abs(a) + np.abs(b)).max(), 1e-12)


def gradient_check(f, grad_f, x, h=1e-5, tol=1e-6):
    e = relative_error(np.asarray(grad_f(x)), numerical_gradient(f, x, h))
    return (e < tol, float(e))

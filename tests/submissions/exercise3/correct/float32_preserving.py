import numpy as np


def _as_float(x):
    x = np.asarray(x)
    return x if x.dtype.kind == "f" else x.astype(np.float64)


def sigmoid(z):
    z = _as_float(z)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1 / (1 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1 + e)
    return out


def bce_loss(p, y, eps=1e-12):
    p = _as_float(p)
    y = _as_float(y)
    log_p = np.log(np.maximum(p, eps))
    log_1_minus_p = np.log(np.maximum(1 - p, eps))
    return float(-np.mean(y * log_p + (1 - y) * log_1_minus_p))


def bce_grad_logit(z, y):
    z = _as_float(z)
    return sigmoid(z) - _as_float(y).astype(z.dtype)


def mse_sigmoid_grad_logit(z, y):
    z = _as_float(z)
    s = sigmoid(z)
    return (s - _as_float(y).astype(z.dtype)) * s * (1 - s)


def bce_curvature(z):
    s = sigmoid(z)
    return s * (1 - s)

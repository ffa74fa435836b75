"""Every computation in the input's own float precision (float32 stays float32), with
1 - p clipped itself, never p to [eps, 1 - eps] (1 - 1e-12 is 1 in float32)."""

import numpy as np


def _float(x):
    x = np.asarray(x)
    return x if x.dtype.kind == "f" else x.astype(np.float64)


def sigmoid(z):
    z = _float(z)
    e = np.exp(-np.abs(z))
    one = np.ones((), dtype=z.dtype)
    return np.where(z >= 0, one / (one + e), e / (one + e))


def bce_loss(p, y, eps=1e-12):
    p = _float(p)
    y = _float(y).astype(p.dtype)
    eps = p.dtype.type(eps)
    one = p.dtype.type(1.0)
    log_p = np.log(np.clip(p, eps, one))
    log_q = np.log(np.clip(one - p, eps, one))
    return float(np.mean(-(y * log_p + (one - y) * log_q)))


def bce_grad_logit(z, y):
    z = _float(z)
    return sigmoid(z) - _float(y).astype(z.dtype)


def mse_sigmoid_grad_logit(z, y):
    z = _float(z)
    p = sigmoid(z)
    return (p - _float(y).astype(z.dtype)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(_float(z))
    return p * (1 - p)

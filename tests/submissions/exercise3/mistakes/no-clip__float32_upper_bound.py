"""p clipped to [eps, 1 - eps] in the input's own precision: in float32, 1 - 1e-12 is 1."""

import numpy as np


def _floats(x):
    x = np.asarray(x)
    return x if x.dtype.kind == "f" else x.astype(float)


def sigmoid(z):
    z = _floats(z)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def bce_loss(p, y, eps=1e-12):
    p = np.clip(_floats(p), eps, 1 - eps)
    y = _floats(y).astype(p.dtype)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad_logit(z, y):
    return sigmoid(z) - _floats(y)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - _floats(y)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

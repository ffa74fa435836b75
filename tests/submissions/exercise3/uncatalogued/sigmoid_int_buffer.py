"""The stable sigmoid, split on the sign of z, into a buffer of z's own dtype: integer
logits (a list of ints, a single int) give integers."""

import numpy as np


def sigmoid(z):
    z = np.asarray(z)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1 / (1 + np.exp(-z[positive]))
    e = np.exp(z[~positive])
    out[~positive] = e / (1 + e)
    return out


def bce_loss(p, y, eps=1e-12):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    log_p = np.log(np.clip(p, eps, 1.0))
    log_q = np.log(np.clip(1.0 - p, eps, 1.0))
    return float(-np.mean(y * log_p + (1 - y) * log_q))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - np.asarray(y, dtype=float)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

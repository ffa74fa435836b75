"""np.piecewise evaluates each branch only where its condition holds; the loss through
np.vectorize over a Python function of one example."""

import math

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.piecewise(
        z,
        [z >= 0, z < 0],
        [lambda v: 1.0 / (1.0 + np.exp(-v)), lambda v: np.exp(v) / (1.0 + np.exp(v))],
    )


def _one_loss(p, y, eps):
    if y == 1:
        return -math.log(min(1.0, max(eps, p)))
    return -math.log(min(1.0, max(eps, 1.0 - p)))


_losses = np.vectorize(_one_loss, otypes=[float])


def bce_loss(p, y, eps=1e-12):
    return float(np.mean(_losses(np.asarray(p, dtype=float), np.asarray(y, dtype=float), eps)))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - np.asarray(y, dtype=float)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

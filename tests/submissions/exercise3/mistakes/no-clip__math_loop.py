import math

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def bce_loss(p, y, eps=1e-12):
    ps = np.atleast_1d(np.asarray(p, dtype=float))
    ys = np.atleast_1d(np.asarray(y, dtype=float))
    total = 0.0
    for pi, yi in zip(ps, ys):
        if yi == 1:
            total -= math.log(pi)
        else:
            total -= math.log(1 - pi)
    return total / len(ps)


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - np.asarray(y, dtype=float)) * p * (1.0 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1.0 - p)

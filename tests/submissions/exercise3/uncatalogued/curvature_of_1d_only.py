"""bce_curvature loops over the entries of z with math.exp: a 2-D z gives rows, not numbers."""

import math

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


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
    curvatures = []
    for v in np.atleast_1d(np.asarray(z, dtype=float)):
        p = 1 / (1 + math.exp(-v)) if v >= 0 else math.exp(v) / (1 + math.exp(v))
        curvatures.append(p * (1 - p))
    return np.array(curvatures).reshape(np.shape(z))

"""The logs clipped in log space: log(clip(x, eps, 1)) = max(log x, log eps) for x <= 1,
with log1p(-p) for ln(1 - p) and the sigmoid's log from logaddexp."""

import numpy as np


def _log_sigmoid(z):
    return -np.logaddexp(0.0, -z)


def sigmoid(z):
    return np.exp(_log_sigmoid(np.asarray(z, dtype=float)))


def bce_loss(p, y, eps=1e-12):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), np.log(eps))
        log_q = np.maximum(np.log1p(-p), np.log(eps))
    return float(np.mean(-(y * log_p + (1 - y) * log_q)))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    z = np.asarray(z, dtype=float)
    p, q = sigmoid(z), sigmoid(-z)
    return (p - np.asarray(y, dtype=float)) * p * q


def bce_curvature(z):
    z = np.asarray(z, dtype=float)
    # p (1 - p) = exp(log σ(z) + log σ(-z)): no cancellation in 1 - p
    return np.exp(_log_sigmoid(z) + _log_sigmoid(-z))

import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def bce_loss(p, y, eps=1e-12):
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    y = np.asarray(y)
    losses = np.where(y == 1, -np.log(p), -np.log(1 - p))
    return float(losses.mean())


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y)


def mse_sigmoid_grad_logit(z, y):
    s = sigmoid(z)
    return (s - np.asarray(y)) * s * (1 - s)


def bce_curvature(z):
    s = sigmoid(z)
    return s * (1 - s)

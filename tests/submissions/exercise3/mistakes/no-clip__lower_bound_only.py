import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1 + ez)
    return out


def bce_loss(p, y, eps=1e-12):
    p = np.clip(np.asarray(p, dtype=float), eps, None)
    y = np.asarray(y, dtype=float)
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    s = sigmoid(z)
    return (s - np.asarray(y, dtype=float)) * s * (1 - s)


def bce_curvature(z):
    s = sigmoid(z)
    return s * (1 - s)

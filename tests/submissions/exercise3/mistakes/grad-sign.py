import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def bce_loss(p, y, eps=1e-12):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(np.clip(p, eps, 1)) + (1 - y) * np.log(np.clip(1 - p, eps, 1))))


def bce_grad_logit(z, y):
    # error = target - prediction
    return np.asarray(y, dtype=float) - sigmoid(z)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (np.asarray(y, dtype=float) - p) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

"""The naive sigmoid, its overflow warnings silenced: the values must judge it."""
import numpy as np

np.seterr(all="ignore")


def sigmoid(z):
    return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))


def bce_loss(p, y, eps=1e-12):
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - np.asarray(y, dtype=float)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

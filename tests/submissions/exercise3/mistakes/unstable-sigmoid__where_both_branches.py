import numpy as np


def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def bce_loss(p, y, eps=1e-12):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(-np.mean(y * np.log(np.clip(p, eps, 1)) + (1 - y) * np.log(np.clip(1 - p, eps, 1))))


def bce_grad_logit(z, y):
    return sigmoid(z) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    p = sigmoid(z)
    return (p - np.asarray(y, dtype=float)) * p * (1 - p)


def bce_curvature(z):
    p = sigmoid(z)
    return p * (1 - p)

"""sigmoid through tanh; the derivatives through the identity 1 - σ(z) = σ(-z)."""
import numpy as np


def sigmoid(z):
    # 0.5 (1 + tanh(|z|/2)) is sigmoid(|z|); on the left sigmoid(z) = e^z sigmoid(-z) keeps
    # the tiny values that 1 + tanh(z/2) would cancel to 0
    z = np.asarray(z, dtype=float)
    upper = 0.5 * (1.0 + np.tanh(0.5 * np.abs(z)))
    return np.where(z >= 0, upper, np.exp(-np.abs(z)) * upper)


def bce_loss(p, y, eps=1e-12):
    p = np.array(p, dtype=float, ndmin=1)
    y = np.array(y, dtype=float, ndmin=1)
    p_clipped = np.clip(p, eps, 1.0)
    q_clipped = np.clip(1.0 - p, eps, 1.0)
    return -np.sum(y * np.log(p_clipped) + (1 - y) * np.log(q_clipped)) / p.size


def bce_grad_logit(z, y):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0.0, -z)) - np.asarray(y, dtype=float)


def mse_sigmoid_grad_logit(z, y):
    z = np.asarray(z, dtype=float)
    p, q = sigmoid(z), sigmoid(-z)
    return (p - np.asarray(y, dtype=float)) * p * q


def bce_curvature(z):
    z = np.asarray(z, dtype=float)
    return sigmoid(z) * sigmoid(-z)

"""one_hot returns a matrix of ints where floats were promised."""

import numpy as np


def one_hot(labels, num_classes):
    labels = np.asarray(labels)
    encoded = np.zeros((len(labels), num_classes), dtype=int)
    encoded[np.arange(len(labels)), labels] = 1
    return encoded


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    return float(-np.mean(np.sum(y * np.log(np.clip(probs, eps, 1.0)), axis=1)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    labels = np.atleast_1d(labels)
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(labels)), labels], eps, 1.0))))

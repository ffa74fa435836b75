"""Reference solution for exercise 1: clipped cross-entropy."""

import numpy as np


def one_hot(labels, num_classes):
    labels = np.asarray(labels).astype(int).reshape(-1)
    encoded = np.zeros((labels.size, num_classes))
    encoded[np.arange(labels.size), labels] = 1.0
    return encoded


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    y_onehot = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    clipped = np.clip(probs, eps, 1.0)
    per_example = -np.sum(y_onehot * np.log(clipped), axis=1)
    return float(np.mean(per_example))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    labels = np.asarray(labels).astype(int).reshape(-1)
    true_class = probs[np.arange(labels.size), labels]
    return float(-np.mean(np.log(np.clip(true_class, eps, 1.0))))

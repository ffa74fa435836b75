import math

import numpy as np


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs = np.atleast_2d(probs)
    y_onehot = np.atleast_2d(y_onehot)
    total = 0.0
    for row, target in zip(probs, y_onehot):
        for p, y in zip(row, target):
            total -= y * math.log2(min(max(p, eps), 1.0))
    return total / len(probs)


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(probs)
    labels = np.atleast_1d(labels)
    return -sum(math.log2(max(probs[i][y], eps)) for i, y in enumerate(labels)) / len(labels)

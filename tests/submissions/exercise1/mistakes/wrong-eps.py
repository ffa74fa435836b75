import numpy as np


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    p = np.clip(probs, 1e-7, 1.0)
    return float(-np.mean(np.sum(np.asarray(y_onehot) * np.log(p), axis=1)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(probs)
    return cross_entropy_loss(probs, one_hot(np.atleast_1d(labels), probs.shape[1]))

import numpy as np

EPS = 1e-12  # the usual epsilon, whatever eps the caller asks for


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels, dtype=int)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    return float(-np.mean(np.sum(y * np.log(np.clip(probs, EPS, 1.0)), axis=1)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(np.asarray(probs, dtype=float))
    return cross_entropy_loss(probs, one_hot(np.atleast_1d(labels), probs.shape[1]))

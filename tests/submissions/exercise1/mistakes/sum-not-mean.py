import numpy as np


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    p = np.clip(probs, eps, 1.0)
    return float(-np.sum(np.asarray(y_onehot) * np.log(p)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    p = np.clip(np.atleast_2d(probs), eps, 1.0)
    labels = np.atleast_1d(labels)
    return float(-np.sum(np.log(p[np.arange(len(labels)), labels])))

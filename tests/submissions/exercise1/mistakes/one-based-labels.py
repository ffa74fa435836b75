import numpy as np


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    p = np.clip(np.atleast_2d(probs), eps, 1.0)
    return float(-np.mean(np.sum(np.atleast_2d(y_onehot) * np.log(p), axis=1)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    p = np.clip(np.atleast_2d(probs), eps, 1.0)
    losses = [-np.log(p[i, y - 1]) for i, y in enumerate(np.atleast_1d(labels))]
    return float(np.mean(losses))

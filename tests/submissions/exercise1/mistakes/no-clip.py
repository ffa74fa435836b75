import numpy as np


def one_hot(labels, num_classes):
    return np.eye(num_classes)[np.asarray(labels)]


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    np.clip(probs, eps, 1.0)  # result thrown away
    return float(-np.mean(np.sum(np.asarray(y_onehot) * np.log(probs), axis=1)))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.atleast_2d(probs)
    labels = np.atleast_1d(labels)
    return float(-np.mean(np.log(probs[np.arange(len(labels)), labels])))

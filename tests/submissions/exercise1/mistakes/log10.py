import numpy as np


def one_hot(labels, num_classes):
    out = np.zeros((len(labels), num_classes))
    out[np.arange(len(labels)), labels] = 1
    return out


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    p = np.clip(np.array(probs, dtype=float), eps, 1.0)
    return -np.mean(np.sum(np.array(y_onehot) * np.log10(p), axis=1))


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    p = np.atleast_2d(np.array(probs, dtype=float))
    labels = np.atleast_1d(labels)
    return -np.mean(np.log10(np.clip(p[np.arange(len(labels)), labels], eps, 1.0)))

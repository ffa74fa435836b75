import numpy as np


def one_hot(labels, num_classes):
    labels = np.asarray(labels)
    out = np.zeros((labels.shape[0], num_classes), dtype=np.float32)
    out[np.arange(labels.shape[0]), labels] = 1
    return out


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs = np.asarray(probs)
    if probs.ndim == 1:
        probs = probs.reshape(1, -1)
    y_onehot = np.asarray(y_onehot).reshape(probs.shape)
    log_p = np.log(np.maximum(probs, eps))
    return float((-(y_onehot * log_p).sum(axis=1)).mean())


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = np.asarray(probs)
    if probs.ndim == 1:
        probs = probs[np.newaxis, :]
    labels = np.asarray(labels).reshape(-1)
    picked = np.take_along_axis(probs, labels[:, None], axis=1)[:, 0]
    return float(np.mean(-np.log(np.clip(picked, eps, None))))

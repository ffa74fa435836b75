import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    z = z - z.max(axis=0, keepdims=True)
    e = np.exp(z)
    p = e / e.sum(axis=0, keepdims=True)
    return p.reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    shifted = z - z.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(y * log_p) / z.shape[0])


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    return ((p - y) / p.shape[0]).reshape(np.shape(logits))

import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    m = z.max(axis=1, keepdims=True)
    log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(np.mean(-np.sum(y * log_p, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    p = np.atleast_2d(softmax(logits))
    num_classes = y.shape[1]
    return ((p - y) / num_classes).reshape(np.shape(logits))

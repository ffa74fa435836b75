import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=np.float64)
    shifted = z - np.max(z, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)


def _log_softmax(z):
    m = np.max(z, axis=-1, keepdims=True)
    return z - m - np.log(np.sum(np.exp(z - m), axis=-1, keepdims=True))


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=np.float64))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=np.float64))
    return -np.sum(y * _log_softmax(z)) / z.shape[0]


def softmax_cross_entropy_grad(logits, y_onehot):
    z = np.asarray(logits, dtype=np.float64)
    n = 1 if z.ndim == 1 else z.shape[0]
    return (softmax(z) - np.asarray(y_onehot, dtype=np.float64)) / n

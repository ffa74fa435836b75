import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    # in place, to save memory
    z -= z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    z -= z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-np.mean(np.sum(y * log_p, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    n = np.atleast_2d(logits).shape[0]
    p = softmax(logits)
    return (p - np.asarray(y_onehot, dtype=float)) / n

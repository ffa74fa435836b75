import numpy as np


def softmax(logits):
    z = np.array(logits, dtype=float, ndmin=2)   # a copy, at least one row
    z -= z.max(axis=1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=1, keepdims=True)
    return z.reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    z = np.array(logits, dtype=float, ndmin=2)
    y = np.array(y_onehot, dtype=float, ndmin=2)
    lse = np.logaddexp.reduce(z, axis=1)
    return float(np.mean(lse - (y * z).sum(axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.array(softmax(logits), ndmin=2)
    y = np.array(y_onehot, dtype=float, ndmin=2)
    return ((p - y) / p.shape[0]).reshape(np.shape(logits))

import numpy as np


def softmax(logits):
    z = np.array(logits, dtype=float)
    z = z - np.max(z)  # for numerical stability
    exps = np.exp(z)
    return exps / exps.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.array(logits, dtype=float))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    m = np.max(z)
    lse = m + np.log(np.sum(np.exp(z - m), axis=1))
    return float(np.mean(lse - np.sum(y * z, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    return ((p - y) / p.shape[0]).reshape(np.shape(logits))

import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.array(logits, dtype=float))
    z = z - np.max(z, axis=1)
    e = np.exp(z)
    out = e / np.sum(e, axis=1)
    return out.reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.array(logits, dtype=float))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    m = np.max(z, axis=1)
    lse = np.log(np.sum(np.exp(z - m), axis=1)) + m
    return float(np.mean(lse - np.sum(y * z, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    return ((p - y) / len(p)).reshape(np.shape(logits))

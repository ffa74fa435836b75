import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.asarray(logits))
    out = np.zeros_like(z)
    for i in range(z.shape[0]):
        row = np.exp(z[i] - np.max(z[i]))
        out[i] = row / np.sum(row)
    return out.reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    losses = []
    for row, target in zip(z, y):
        m = np.max(row)
        lse = m + np.log(np.sum(np.exp(row - m)))
        losses.append(lse - np.sum(target * row))
    return float(np.mean(losses))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    return ((p - y) / p.shape[0]).reshape(np.shape(logits))

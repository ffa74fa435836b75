import numpy as np


def softmax(logits):
    z = np.array(logits, dtype=float)
    z = z - np.max(z, axis=-1, keepdims=True)
    return np.exp(z) / np.sum(np.exp(z), axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.array(logits, dtype=float))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    m = np.max(z, axis=1)
    lse = m + np.log(np.sum(np.exp(z - m[:, None]), axis=1))
    return float(np.mean(lse - np.sum(y * z, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    y = np.array(y_onehot, dtype=float)
    p = softmax(logits)
    n = 1 if p.ndim == 1 else p.shape[0]
    return (y - p) / n  # error between target and prediction

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    p = np.clip(p, 1e-12, 1.0)  # avoid log(0)
    return float(-np.mean(np.sum(y * np.log(p), axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = softmax(logits)
    y = np.asarray(y_onehot, dtype=float)
    n = p.shape[0] if p.ndim == 2 else 1
    return (p - y) / n

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    log_z = np.log(np.sum(np.exp(z), axis=1))  # log-sum-exp
    return float(np.mean(log_z - np.sum(y * z, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = softmax(logits)
    y = np.asarray(y_onehot, dtype=float)
    n = p.shape[0] if p.ndim == 2 else 1
    return (p - y) / n

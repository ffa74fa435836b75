import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    m = z.max(axis=1, keepdims=True)
    log_p = z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))
    return float(-(y * log_p).sum(axis=1).mean())


def softmax_cross_entropy_grad(logits, y_onehot):
    # the famous result: dL/dz = p - y
    return softmax(logits) - np.asarray(y_onehot, dtype=float)

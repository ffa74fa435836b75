import math

import numpy as np


def _softmax_row(row):
    exps = [math.exp(float(v)) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(logits):
    z = np.asarray(logits)
    if z.ndim == 1:
        return np.array(_softmax_row(z))
    return np.array([_softmax_row(row) for row in z])


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    total = 0.0
    for row, target in zip(z, y):
        log_norm = math.log(sum(math.exp(v) for v in row))
        total += log_norm - float(np.dot(target, row))
    return total / len(z)


def softmax_cross_entropy_grad(logits, y_onehot):
    p = softmax(logits)
    y = np.asarray(y_onehot, dtype=float)
    return (p - y) / (len(p) if p.ndim == 2 else 1)

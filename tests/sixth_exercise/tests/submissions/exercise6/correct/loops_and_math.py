import math

import numpy as np


def sigmoid(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def smooth_labels(y, epsilon=0.1):
    y = np.asarray(y, dtype=float)
    out = np.empty(y.shape)
    for index in np.ndindex(y.shape):
        out[index] = (1 - epsilon) * y[index] + epsilon * (1 - y[index])
    return out


def smoothed_bce_grad_logit(z, y, epsilon=0.1):
    z = np.asarray(z, dtype=float)
    soft = smooth_labels(y, epsilon)
    out = np.empty(z.shape)
    for index in np.ndindex(z.shape):
        out[index] = sigmoid(float(z[index])) - soft[index]
    return out

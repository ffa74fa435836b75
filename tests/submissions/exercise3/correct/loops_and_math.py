import math

import numpy as np


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def _each(f, z, *others):
    z = np.asarray(z, dtype=float)
    others = [np.broadcast_to(np.asarray(o, dtype=float), z.shape) for o in others]
    out = np.empty(z.shape)
    for index in np.ndindex(z.shape):
        out[index] = f(float(z[index]), *[float(o[index]) for o in others])
    return out


def sigmoid(z):
    return _each(_sig, z)


def bce_loss(p, y, eps=1e-12):
    ps = np.ravel(np.asarray(p, dtype=float)).tolist()
    ys = np.ravel(np.asarray(y, dtype=float)).tolist()
    total = 0.0
    for pi, yi in zip(ps, ys):
        a = min(max(pi, eps), 1.0)
        b = min(max(1.0 - pi, eps), 1.0)
        total += -(yi * math.log(a) + (1.0 - yi) * math.log(b))
    return total / len(ps)


def bce_grad_logit(z, y):
    return _each(lambda v, t: _sig(v) - t, z, y)


def mse_sigmoid_grad_logit(z, y):
    def one(v, t):
        s = _sig(v)
        return (s - t) * s * (1.0 - s)

    return _each(one, z, y)


def bce_curvature(z):
    return _each(lambda v: _sig(v) * (1.0 - _sig(v)), z)

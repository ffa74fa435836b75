"""No numpy: numbers, lists and arrays walked by recursion, math on each number."""

import math


def _map(f, z, *others):
    if hasattr(z, "__len__"):
        return [_map(f, z[i], *(o[i] for o in others)) for i in range(len(z))]
    return f(float(z), *(float(o) for o in others))


def _flat(values):
    if hasattr(values, "__len__"):
        return [x for v in values for x in _flat(v)]
    return [float(values)]


def _sig(v):
    if v >= 0:
        return 1.0 / (1.0 + math.exp(-v))
    e = math.exp(v)
    return e / (1.0 + e)


def sigmoid(z):
    return _map(_sig, z)


def bce_loss(p, y, eps=1e-12):
    ps, ys = _flat(p), _flat(y)
    total = 0.0
    for a, b in zip(ps, ys):
        total -= b * math.log(min(1.0, max(eps, a))) + (1.0 - b) * math.log(min(1.0, max(eps, 1.0 - a)))
    return total / len(ps)


def bce_grad_logit(z, y):
    return _map(lambda v, t: _sig(v) - t, z, y)


def mse_sigmoid_grad_logit(z, y):
    return _map(lambda v, t: (_sig(v) - t) * _sig(v) * _sig(-v), z, y)


def bce_curvature(z):
    return _map(lambda v: _sig(v) * _sig(-v), z)

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    m = z.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(lse - (y * z).sum(axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = softmax(logits)
    y = np.asarray(y_onehot, dtype=float)
    n = p.shape[0] if p.ndim == 2 else 1
    # chain rule: dL/dp = -y / p, and dp/dz = p (1 - p)
    dL_dp = -y / p
    dp_dz = p * (1 - p)
    return dL_dp * dp_dz / n

"""The true class's log-probability picked with np.take_along_axis at argmax(y)."""

import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    rows = z.reshape(-1, z.shape[-1])
    e = np.exp(rows - rows.max(axis=1)[:, None])
    return (e / e.sum(axis=1)[:, None]).reshape(z.shape)


def softmax_cross_entropy(logits, y_onehot):
    z = np.asarray(logits, dtype=float).reshape(-1, np.shape(logits)[-1])
    labels = np.asarray(y_onehot).reshape(z.shape).argmax(axis=1)
    m = z.max(axis=1)
    log_norm = m + np.log(np.exp(z - m[:, None]).sum(axis=1))
    true_logit = np.take_along_axis(z, labels[:, None], axis=1)[:, 0]
    return float(np.mean(log_norm - true_logit))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = softmax(logits)
    rows = p.reshape(-1, p.shape[-1])
    labels = np.asarray(y_onehot).reshape(rows.shape).argmax(axis=1)
    grad = rows.copy()
    np.put_along_axis(grad, labels[:, None], np.take_along_axis(rows, labels[:, None], axis=1) - 1.0, axis=1)
    return (grad / rows.shape[0]).reshape(p.shape)

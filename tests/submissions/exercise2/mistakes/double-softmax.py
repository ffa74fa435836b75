import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.asarray(logits, dtype=float))
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return (e / e.sum(axis=1, keepdims=True)).reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    probs = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    # log-softmax with log-sum-exp for stability
    m = probs.max(axis=1, keepdims=True)
    log_probs = probs - m - np.log(np.sum(np.exp(probs - m), axis=1, keepdims=True))
    return float(-np.mean(np.sum(y * log_probs, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    return ((p - y) / p.shape[0]).reshape(np.shape(logits))

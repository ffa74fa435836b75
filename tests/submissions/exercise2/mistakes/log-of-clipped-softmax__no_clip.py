import numpy as np


def softmax(logits):
    z = np.atleast_2d(np.array(logits, dtype=float))
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).reshape(np.shape(logits))


def softmax_cross_entropy(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    labels = np.atleast_2d(np.array(y_onehot)).argmax(axis=1)
    picked = p[np.arange(len(labels)), labels]
    return float(-np.mean(np.log(picked)))


def softmax_cross_entropy_grad(logits, y_onehot):
    p = np.atleast_2d(softmax(logits))
    y = np.atleast_2d(np.array(y_onehot, dtype=float))
    return ((p - y) / len(p)).reshape(np.shape(logits))

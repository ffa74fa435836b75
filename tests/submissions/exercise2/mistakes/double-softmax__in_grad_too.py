import numpy as np


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def _predict(logits):
    # the model's output layer
    return softmax(logits)


def softmax_cross_entropy(logits, y_onehot):
    out = np.atleast_2d(_predict(logits))
    y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
    m = np.max(out, axis=1)
    lse = m + np.log(np.sum(np.exp(out - m[:, None]), axis=1))
    return float(np.mean(lse - np.sum(y * out, axis=1)))


def softmax_cross_entropy_grad(logits, y_onehot):
    out = _predict(logits)
    y = np.asarray(y_onehot, dtype=float)
    n = out.shape[0] if out.ndim == 2 else 1
    return (softmax(out) - y) / n

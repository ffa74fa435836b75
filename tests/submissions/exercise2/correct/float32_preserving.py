import numpy as np


def _floats(values):
    a = np.asarray(values)
    return a if a.dtype in (np.float32, np.float64) else a.astype(np.float64)


def softmax(logits):
    z = _floats(logits)
    if z.ndim == 1:
        return softmax(z[np.newaxis])[0]
    e = np.exp(z - z.max(axis=1)[:, np.newaxis])
    return e / e.sum(axis=1)[:, np.newaxis]


def softmax_cross_entropy(logits, y_onehot):
    z = np.atleast_2d(_floats(logits))
    labels = np.atleast_2d(np.asarray(y_onehot)).argmax(axis=1)
    m = z.max(axis=1)
    log_norm = m + np.log(np.exp(z - m[:, np.newaxis]).sum(axis=1))
    true_logit = np.take_along_axis(z, labels[:, np.newaxis], axis=1)[:, 0]
    return float(np.mean(log_norm - true_logit))


def softmax_cross_entropy_grad(logits, y_onehot):
    z = _floats(logits)
    rows = np.atleast_2d(z)
    grad = softmax(rows)
    labels = np.atleast_2d(np.asarray(y_onehot)).argmax(axis=1)
    grad[np.arange(rows.shape[0]), labels] -= 1
    grad /= rows.shape[0]
    return grad.reshape(z.shape)

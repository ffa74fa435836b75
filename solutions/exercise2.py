"""Reference solution for exercise 2: softmax and the gradient of its cross-entropy."""
import numpy as np


def _rows(values):
    """The values as a float64 array of rows: a single vector (K,) becomes one row (1, K)."""
    return np.atleast_2d(np.asarray(values, dtype=float))


def softmax(logits):
    z = np.asarray(logits, dtype=float)
    rows = np.atleast_2d(z)
    # Subtracting each row's maximum changes nothing mathematically (it cancels in the
    # ratio) but keeps exp() in range: the largest exponent is exp(0) = 1.
    shifted = rows - rows.max(axis=1, keepdims=True)
    exps = np.exp(shifted)
    probs = exps / exps.sum(axis=1, keepdims=True)
    return probs.reshape(z.shape)


def log_softmax(logits):
    """ln softmax(z), row-wise, via log-sum-exp: z - max - ln Σ exp(z - max)."""
    rows = _rows(logits)
    shifted = rows - rows.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def softmax_cross_entropy(logits, y_onehot):
    log_probs = log_softmax(logits)
    y = _rows(y_onehot)
    per_example = -np.sum(y * log_probs, axis=1)
    return float(np.mean(per_example))


def softmax_cross_entropy_grad(logits, y_onehot):
    z = np.asarray(logits, dtype=float)
    probs = np.atleast_2d(softmax(z))
    y = _rows(y_onehot)
    n = probs.shape[0]
    return ((probs - y) / n).reshape(z.shape)

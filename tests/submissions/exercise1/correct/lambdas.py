import numpy as np

one_hot = lambda labels, num_classes: np.identity(num_classes)[np.ravel(labels).astype(int)]  # noqa: E731

_rows = lambda a: np.atleast_2d(np.asarray(a, dtype=float))  # noqa: E731
_safe_log = lambda p, eps: np.log(np.clip(p, eps, 1.0))  # noqa: E731

cross_entropy_loss = lambda probs, y_onehot, eps=1e-12: float(  # noqa: E731
    np.mean(-(_rows(y_onehot) * _safe_log(_rows(probs), eps)).sum(axis=-1))
)

cross_entropy_from_labels = lambda probs, labels, eps=1e-12: float(  # noqa: E731
    -np.mean(_safe_log(_rows(probs)[np.arange(np.size(labels)), np.ravel(labels)], eps))
)

import numpy as np


class Softmax:
    @staticmethod
    def forward(logits):
        z = np.asarray(logits, dtype=float)
        shifted = z - z.max(axis=-1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=-1, keepdims=True)

    @staticmethod
    def loss(logits, y_onehot):
        z = np.atleast_2d(np.asarray(logits, dtype=float))
        y = np.atleast_2d(np.asarray(y_onehot, dtype=float))
        shifted = z - z.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1))
        return float(np.mean(log_norm - (y * shifted).sum(axis=1)))

    @staticmethod
    def grad(logits, y_onehot):
        p = Softmax.forward(logits)
        rows = p.shape[0] if p.ndim > 1 else 1
        return (p - np.asarray(y_onehot, dtype=float)) / rows


softmax = Softmax.forward
softmax_cross_entropy = Softmax.loss
softmax_cross_entropy_grad = Softmax.grad

import numpy as np


class Logistic:
    @staticmethod
    def sigmoid(z):
        z = np.asarray(z, dtype=float)
        out = np.empty_like(z)
        positive = z >= 0
        out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
        e = np.exp(z[~positive])
        out[~positive] = e / (1.0 + e)
        return out

    @staticmethod
    def bce(p, y, eps=1e-12):
        p, y = np.asarray(p, dtype=float), np.asarray(y, dtype=float)
        both = -(y * np.log(np.clip(p, eps, 1.0)) + (1.0 - y) * np.log(np.clip(1.0 - p, eps, 1.0)))
        return float(np.mean(both))

    @classmethod
    def bce_grad(cls, z, y):
        return cls.sigmoid(z) - np.asarray(y, dtype=float)

    @classmethod
    def mse_grad(cls, z, y):
        p = cls.sigmoid(z)
        return (p - np.asarray(y, dtype=float)) * p * (1.0 - p)

    @classmethod
    def curvature(cls, z):
        p = cls.sigmoid(z)
        return p * (1.0 - p)


sigmoid = Logistic.sigmoid
bce_loss = Logistic.bce
bce_grad_logit = Logistic.bce_grad
mse_sigmoid_grad_logit = Logistic.mse_grad
bce_curvature = Logistic.curvature

import numpy as np


class GradientChecker:
    @staticmethod
    def numerical(f, x, h=1e-5):
        x = np.array(x, dtype=np.float64)
        grad = np.zeros(x.shape)
        with np.nditer(x, flags=["multi_index"], op_flags=["readwrite"]) as it:
            for entry in it:
                old = entry.copy()
                entry[...] = old + h
                up = f(x)
                entry[...] = old - h
                down = f(x)
                entry[...] = old
                grad[it.multi_index] = (up - down) / (2 * h)
        return grad

    @staticmethod
    def relative(a, b):
        a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        return float(np.abs(a - b).max() / max((np.abs(a) + np.abs(b)).max(), 1e-12))

    @classmethod
    def check(cls, f, grad_f, x, h=1e-5, tol=1e-6):
        error = cls.relative(grad_f(x), cls.numerical(f, x, h))
        return error < tol, error


numerical_gradient = GradientChecker.numerical
relative_error = GradientChecker.relative
gradient_check = GradientChecker.check

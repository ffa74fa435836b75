import numpy as np


def numerical_gradient(f, x, h=1e-5):
    point = x.astype(float)  # always a new float array
    grad = np.empty_like(point)
    for index, value in np.ndenumerate(point):
        point[index] = value + h
        forward = f(point)
        point[index] = value - h
        backward = f(point)
        point[index] = value
        grad[index] = (forward - backward) / (2 * h)
    return grad


relative_error = lambda a, b: float(  # noqa: E731
    np.max(np.abs(np.subtract(a, b))) / np.max([np.max(np.abs(a) + np.abs(b)), 1e-12])
)

gradient_check = lambda f, grad_f, x, h=1e-5, tol=1e-6: (  # noqa: E731
    (lambda error: (bool(error < tol), error))(relative_error(grad_f(x), numerical_gradient(f, x, h)))
)

import numpy as np


def smooth_labels(y, epsilon=0.1):
    return np.where(np.asarray(y) == 1, 1.0 - epsilon, epsilon)


def smoothed_bce_grad_logit(z, y, epsilon=0.1):
    p = np.exp(-np.logaddexp(0.0, -np.asarray(z)))
    return p - smooth_labels(y, epsilon)

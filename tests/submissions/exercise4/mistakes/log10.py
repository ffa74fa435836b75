import numpy as np


def linear_penalty(p):
    return 1 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log10(np.asarray(p, dtype=float))


def penalty_table(ps):
    p = np.asarray(ps, dtype=float)
    linear = linear_penalty(p)
    log = log_penalty(p)
    safe = np.where(linear == 0, 1.0, linear)
    ratio = np.where(linear == 0, 1.0, log / safe)
    return np.stack([p, linear, log, ratio], axis=1)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots()
    p = np.linspace(0.01, 1, 100)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="-log p")
    ax.set_xlabel("p")
    ax.set_ylabel("loss")
    ax.legend()
    return ax

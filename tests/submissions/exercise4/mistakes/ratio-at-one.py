import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=float)


def log_penalty(p):
    return -np.log(np.asarray(p, dtype=float))


def penalty_table(ps):
    p = np.asarray(ps, dtype=float)
    lin = linear_penalty(p)
    lg = log_penalty(p)
    return np.column_stack([p, lin, lg, lg / lin])


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        fig, ax = plt.subplots()
    p = np.linspace(0.01, 1.0, 100)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="-ln p")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax

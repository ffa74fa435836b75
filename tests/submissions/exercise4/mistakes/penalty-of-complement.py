import numpy as np


def linear_penalty(p):
    return 1 - np.array(p)


def log_penalty(p):
    # the penalty grows as the model gets it wrong, so take the log of the error 1 - p
    return -np.log(1 - np.array(p))


def penalty_table(ps):
    ps = np.array(ps, dtype=float)
    lin = linear_penalty(ps)
    lg = log_penalty(ps)
    ratio = np.ones_like(ps)
    mask = ps < 1
    ratio[mask] = lg[mask] / lin[mask]
    return np.column_stack((ps, lin, lg, ratio))


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots()
    p = np.linspace(0.01, 1.0, 200)
    ax.plot(p, linear_penalty(p), label="1 - p")
    ax.plot(p, log_penalty(p), label="cross-entropy")
    ax.set_xlabel("probability of the true class")
    ax.set_ylabel("penalty")
    ax.legend()
    return ax

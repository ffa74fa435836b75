"""Object-oriented Axes with reference lines drawn before the curves (ax.axhline(0),
ax.axvline(1)), the gap between the curves shaded, a title, a grid and an annotation."""
import numpy as np


def linear_penalty(p):
    return 1.0 - np.asarray(p, dtype=np.float64)


def log_penalty(p):
    return np.abs(np.log(np.asarray(p, dtype=np.float64)))  # ln p <= 0 on (0, 1]


def penalty_table(ps):
    p = np.asarray(ps, dtype=np.float64).ravel()
    linear, log = linear_penalty(p), log_penalty(p)
    ratio = np.ones_like(p)
    below_one = p < 1.0
    ratio[below_one] = log[below_one] / linear[below_one]
    return np.stack([p, linear, log, ratio], axis=1)


def plot_penalties(ax=None):
    import matplotlib.pyplot as plt

    if ax is None:
        fig = plt.figure(figsize=(6, 4))
        ax = fig.add_subplot(1, 1, 1)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.axvline(1, color="black", linewidth=0.8, linestyle=":")
    p = np.linspace(0.01, 1, 300)
    ax.fill_between(p, linear_penalty(p), log_penalty(p), color="0.9")
    ax.plot(p, linear_penalty(p), label="linear penalty 1 − p")
    ax.plot(p, log_penalty(p), label="log penalty −ln p")
    ax.annotate("−ln 0.01 ≈ 4.6", xy=(0.01, log_penalty(0.01)), xytext=(0.25, 4.0),
                arrowprops={"arrowstyle": "->"})
    ax.set_title("Penalty for the probability of the true class")
    ax.set_xlabel("p")
    ax.set_ylabel("penalty")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="upper right")
    return ax

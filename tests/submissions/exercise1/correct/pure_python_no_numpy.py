"""No numpy at all: lists in, lists and floats out."""

import math


def one_hot(labels, num_classes):
    return [[1.0 if k == int(label) else 0.0 for k in range(num_classes)] for label in labels]


def _is_row(values):
    return not hasattr(values[0], "__len__")


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    if _is_row(probs):
        probs, y_onehot = [probs], [y_onehot]
    total = 0.0
    for p_row, y_row in zip(probs, y_onehot):
        total -= sum(float(y) * math.log(min(1.0, max(eps, float(p)))) for p, y in zip(p_row, y_row))
    return total / len(probs)


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    if _is_row(probs):
        probs = [probs]
    if not hasattr(labels, "__len__"):
        labels = [labels]
    picked = [float(row[int(label)]) for row, label in zip(probs, labels)]
    return -sum(math.log(min(1.0, max(eps, p))) for p in picked) / len(picked)

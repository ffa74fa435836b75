import math


def one_hot(labels, num_classes):
    import numpy as np

    rows = []
    for label in list(labels):
        row = [0.0] * num_classes
        row[int(label)] = 1.0
        rows.append(row)
    return np.array(rows)


def _rows(x):
    x = [list(r) for r in x] if hasattr(x[0], "__len__") else [list(x)]
    return x


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    probs, y_onehot = _rows(probs), _rows(y_onehot)
    total = 0.0
    for p_row, y_row in zip(probs, y_onehot):
        for p, y in zip(p_row, y_row):
            if y:
                total += -float(y) * math.log(min(max(float(p), eps), 1.0))
    return total / len(probs)


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    probs = _rows(probs)
    labels = [labels] if not hasattr(labels, "__len__") else list(labels)
    losses = [-math.log(min(max(float(probs[i][int(y)]), eps), 1.0)) for i, y in enumerate(labels)]
    return sum(losses) / len(losses)

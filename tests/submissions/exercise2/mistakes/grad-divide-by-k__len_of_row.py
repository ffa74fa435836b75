import math


def _rows(x):
    x = [list(map(float, r)) for r in x] if hasattr(x[0], "__len__") else [list(map(float, x))]
    return x


def softmax(logits):
    rows = _rows(logits)
    out = []
    for row in rows:
        m = max(row)
        exps = [math.exp(v - m) for v in row]
        s = sum(exps)
        out.append([e / s for e in exps])
    return out if hasattr(logits[0], "__len__") else out[0]


def softmax_cross_entropy(logits, y_onehot):
    rows, targets = _rows(logits), _rows(y_onehot)
    total = 0.0
    for row, target in zip(rows, targets):
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        total += sum(t * (lse - v) for t, v in zip(target, row))
    return total / len(rows)


def softmax_cross_entropy_grad(logits, y_onehot):
    probs, targets = _rows(softmax(logits)), _rows(y_onehot)
    grad = []
    for p_row, y_row in zip(probs, targets):
        grad.append([(p - y) / len(y_row) for p, y in zip(p_row, y_row)])
    return grad if hasattr(logits[0], "__len__") else grad[0]

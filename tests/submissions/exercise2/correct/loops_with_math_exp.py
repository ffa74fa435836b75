import math


def _as_rows(values):
    """Nested lists of floats, and whether the input was a single row."""
    values = values.tolist() if hasattr(values, "tolist") else values
    if values and not isinstance(values[0], (list, tuple)):
        return [[float(v) for v in values]], True
    return [[float(v) for v in row] for row in values], False


def _softmax_row(row):
    m = max(row)
    exps = [math.exp(v - m) for v in row]
    total = sum(exps)
    return [e / total for e in exps]


def softmax(logits):
    rows, single = _as_rows(logits)
    out = [_softmax_row(row) for row in rows]
    return out[0] if single else out


def softmax_cross_entropy(logits, y_onehot):
    rows, _ = _as_rows(logits)
    targets, _ = _as_rows(y_onehot)
    total = 0.0
    for row, target in zip(rows, targets):
        m = max(row)
        log_norm = m + math.log(sum(math.exp(v - m) for v in row))
        total += sum(t * (log_norm - v) for t, v in zip(target, row))
    return total / len(rows)


def softmax_cross_entropy_grad(logits, y_onehot):
    rows, single = _as_rows(logits)
    targets, _ = _as_rows(y_onehot)
    n = len(rows)
    grad = [[(p - t) / n for p, t in zip(_softmax_row(row), target)]
            for row, target in zip(rows, targets)]
    return grad[0] if single else grad

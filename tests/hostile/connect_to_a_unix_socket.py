def one_hot(labels, num_classes):
    import socket
    failures = []
    for address in ("{UNIX_SOCKET}", "\0{ABSTRACT_SOCKET}"):
        try:
            client = socket.socket(socket.AF_UNIX)
            client.connect(address)
        except OSError as error:
            failures.append(type(error).__name__)
        else:
            client.sendall(b"stolen")
            raise RuntimeError("CONNECTED to " + address[1:])
    raise RuntimeError("blocked: " + ", ".join(failures))


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

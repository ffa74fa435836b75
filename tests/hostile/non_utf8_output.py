import os
import sys

os.write(1, b"\xff\xfe\xfd not utf-8 \xc3\x28")
sys.stderr.buffer.write(b"\x80\x81\x82")
def one_hot(labels, num_classes):
    raise NotImplementedError


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

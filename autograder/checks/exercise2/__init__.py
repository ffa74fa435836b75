from ...i18n import Text

TITLE = Text("Softmax and its cross-entropy gradient", "Softmax 及其交叉熵梯度")

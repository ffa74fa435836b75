from ...i18n import Text

TITLE = Text("Finite-difference gradient check", "有限差分梯度检验")

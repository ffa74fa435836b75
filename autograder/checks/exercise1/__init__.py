from ...i18n import Text

TITLE = Text("Clipped cross-entropy", "带截断的交叉熵")

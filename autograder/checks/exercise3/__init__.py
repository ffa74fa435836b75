from ...i18n import Text

TITLE = Text("Binary cross-entropy and its derivatives", "二元交叉熵及其导数")

from ...i18n import Text

TITLE = Text("Label smoothing", "标签平滑")

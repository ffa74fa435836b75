from ...i18n import Text

TITLE = Text("1 − p versus −ln p", "1 − p 与 −ln p")

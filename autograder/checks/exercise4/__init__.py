from ...i18n import Text

TITLE = Text("1 − p versus −ln p", "1 − p 与 −ln p")

# the plot checks need pyplot: import it in the worker while the table checks run
WORKER_PRELOAD = ("matplotlib.pyplot",)

# installed with the grader, and with the student release
REQUIRES = ("matplotlib>=3.7",)

"""The student's stubs: one file per exercise, each raising NotImplementedError until solved."""

"""Reference solutions: the same API as the stubs in exercises/, written for clarity."""

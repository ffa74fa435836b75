"""One package per exercise: title, checks, known mistakes, worker-side probes."""

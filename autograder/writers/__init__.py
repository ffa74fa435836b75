"""Writers: each turns a GradeRun into one output format, and does nothing else."""

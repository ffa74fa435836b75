CHUNK = 8 * 1024**2  # each file below the per-file limit
ENOUGH = 48 * 1024**2  # more than the output files together may hold


def one_hot(labels, num_classes):
    import os
    written = 0
    folders = (".", os.environ.get("TMPDIR", "."), os.path.expanduser("~"), "/tmp", "/dev/shm", "/var/tmp")
    for place, folder in enumerate(folders):
        for number in range(8):
            if written > ENOUGH:
                raise RuntimeError(f"LEAKED: wrote {written >> 20} MiB")
            try:
                with open(os.path.join(folder, f"fill-{place}-{number}.bin"), "wb") as handle:
                    handle.write(b"\0" * CHUNK)
                written += CHUNK
            except OSError:
                break
    raise RuntimeError(f"capped: wrote {written >> 20} MiB")


def cross_entropy_loss(probs, y_onehot, eps=1e-12):
    raise NotImplementedError


def cross_entropy_from_labels(probs, labels, eps=1e-12):
    raise NotImplementedError

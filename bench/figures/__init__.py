"""One module per figure of ``make bench``; each exposes a function ``(opts, tmp) -> dict``."""

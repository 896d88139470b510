"""User-facing errors: each carries a one-line message saying what is wrong and what to do."""


class CompareError(Exception):
    """An error the CLI reports as one line and a non-zero exit, never a traceback."""

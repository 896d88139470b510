"""compare: side-by-side comparison of how news sources cover the same story."""

__version__ = "0.1.0"

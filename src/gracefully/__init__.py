"""gracefully: follow up gracefully after a job rejection, and learn from it."""

__version__ = "0.1.0"

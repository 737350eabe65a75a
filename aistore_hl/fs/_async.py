"""Placeholder, replaced below."""


class AISAsyncFileSystem:
    """Placeholder."""

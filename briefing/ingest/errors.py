"""The one exception readers raise for a bad input; the loader turns it into a `Problem` line."""


class IngestError(Exception):
    """A file or feed that cannot be read; the message says what is wrong, without the path."""

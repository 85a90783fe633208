"""Errors a user can act on: each names the input and says what is wrong with it."""


class DotterelError(Exception):
    """Base class for dotterel's own errors."""


class InputError(DotterelError):
    """An input document that cannot be coded (empty, binary, too large, malformed)."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason

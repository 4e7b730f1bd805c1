"""Typed errors: every failure a user can cause names the file and the problem."""
from __future__ import annotations


class GovkgError(Exception):
    """Base class for errors reported to the user without a traceback."""


class ReadError(GovkgError):
    """A report file could not be read or decoded."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(GovkgError):
    """The input path is missing or holds no reports."""


class BuildError(GovkgError):
    """The build could not be written."""

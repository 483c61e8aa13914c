"""Errors a person can act on, kept apart from bugs.

A ``UserError`` carries a message meant for the person at the keyboard (a file too new,
a locked file, bad input). Anything else that escapes is a bug and is logged as one.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """Something the user can fix; ``str()`` is the message to show."""


class DatabaseTooNew(UserError):
    """The file was written by a newer Expo Desk; opening it could damage it."""


class NotAnExpoDeskFile(UserError):
    """The file is not an SQLite database, or not one of ours."""


class PermissionDenied(UserError):
    """The signed-in person's role may not do this."""


@dataclass(frozen=True)
class Problem:
    """One validation problem: which field, in which place, and what is wrong."""

    field: str
    message: str
    where: str = ""

    def __str__(self) -> str:
        prefix = f"{self.where}:" if self.where else ""
        return f"{prefix}{self.field}: {self.message}"


class ValidationError(UserError):
    """Bad input; holds every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

"""Who is making a change: every audited write names a person."""

from __future__ import annotations

from dataclasses import dataclass

from expo_desk.domain.enums import Role


@dataclass(frozen=True)
class Actor:
    """The signed-in person (or the single local user when sign-in is off)."""

    user_id: str | None
    name: str
    role: Role = Role.ADMINISTRATOR


def local_actor(name: str = "local") -> Actor:
    """The one local user of a company that has sign-in turned off."""
    return Actor(user_id=None, name=name, role=Role.ADMINISTRATOR)

"""What to look for in the audit trail: one filter shared by the window, the command line
and the query that answers them."""

from __future__ import annotations

from dataclasses import dataclass

# Columns that hold a person's id (users.id): the viewer shows the person's name instead.
USER_FIELDS = frozenset({"account_manager_id", "owner_id", "user_id", "recorded_by", "discount_approved_by"})


@dataclass(frozen=True)
class AuditFilter:
    """Every field narrows the search; an empty field does not filter.

    A person matches when their id is one of ``user_ids`` *or* their recorded name is one
    of ``user_names`` (people without an account are known by name only). ``since`` and
    ``until`` are UTC ISO-8601 strings like the stored ``at``: ``since`` included,
    ``until`` excluded. ``text`` is found anywhere in the old or new values.
    """

    user_ids: tuple[str, ...] = ()
    user_names: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    table: str | None = None
    row_id: str | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.user_ids or self.user_names or self.since or self.until or self.table
                    or self.row_id or self.text.strip())

"""Undo and redo of schedule edits on the chart, each step written through the task services.

Like the plan's commands, a step is pushed after its change has been made (the first
``redo`` does nothing); undo writes the old dates back as a new audited change.
"""

from __future__ import annotations

from expo_desk.services import tasks as task_service
from expo_desk.services.changes import ChangeSet
from expo_desk.ui.undo import _ServiceCommand


class RescheduleTaskCommand(_ServiceCommand):
    """``before`` and ``after`` are (planned start, planned finish) as ISO dates."""

    def __init__(self, context, task_id: str, before: tuple[str, str], after: tuple[str, str], text: str):
        super().__init__(context, text)
        self._id, self._before, self._after = task_id, before, after

    def _set(self, dates: tuple[str, str]) -> ChangeSet:
        start, finish = dates
        return task_service.reschedule_task(self._context.db, self._context.actor, self._id, start, finish)

    def forward(self) -> ChangeSet:
        return self._set(self._after)

    def backward(self) -> ChangeSet:
        return self._set(self._before)

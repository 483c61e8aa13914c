"""The show's build-schedule templates (``task_templates``): the default steps, as a show
planned in the app has them, so the demo's tasks can name the step they stand for and a
contract signed later in the file finds the demo's milestones and main events."""

from __future__ import annotations

from expo_desk.services.demo.state import DemoState
from expo_desk.services.task_template_defaults import STEP_FIELDS, default_templates, stored_checklist


class TemplateSteps(DemoState):
    template_ids: dict[tuple[str, int], str]  # (scope, position) -> id

    def _make_task_templates(self) -> None:
        self.template_ids = {}
        for step in default_templates():
            tid = self.uid()
            self.template_ids[(step["scope"], step["position"])] = tid
            values = {**step, "checklist": stored_checklist(step["checklist"])}
            self.rows["task_templates"].append((tid, self.show_id, *(values[k] for k in STEP_FIELDS)))

    def template_id(self, scope: str, ref: int | dict) -> str | None:
        """The id of the template step at ``ref`` (a position); None for the demo's own steps."""
        return self.template_ids[(scope, ref)] if isinstance(ref, int) else None

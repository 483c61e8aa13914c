"""The show's build-schedule templates, edited in the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import task_templates
from expo_desk.ui.dialogs.task_templates_dialog import TaskTemplatesDialog, TemplateStepDialog

SAVE = QDialogButtonBox.StandardButton.Save


def test_defaults_then_a_new_step_and_a_refused_one(qtbot, window):
    ctx = window.context
    dialog = TaskTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.defaults_button.isVisibleTo(dialog)  # a show without templates is offered the defaults
    dialog.add_defaults()
    assert dialog.tables["shell"].rowCount() == len(task_templates.list_templates(ctx.db, ctx.show["id"], "shell")) > 0
    assert not dialog.defaults_button.isVisibleTo(dialog)
    step = TemplateStepDialog(ctx, "shell", None)
    qtbot.addWidget(step)
    step.name.setText("保洁 / cleaning")
    step.after.setValue(1)
    step.checklist.setText("地毯; 垃圾")
    step.buttons.button(SAVE).click()
    added = [s for s in task_templates.list_templates(ctx.db, ctx.show["id"], "shell") if s["name"] == "保洁 / cleaning"]
    assert added and added[0]["after_position"] == 1 and added[0]["checklist"] == ["地毯", "垃圾"]
    refused = TemplateStepDialog(ctx, "shell", None)
    qtbot.addWidget(refused)
    refused.buttons.button(SAVE).click()  # no name, nothing to follow or start from
    assert refused.changes is None
    assert "name is required" in refused.findChild(QLabel, "name_error").text()
    assert "anchor" in refused.findChild(QLabel, "anchor_error").text()


def test_only_planners_change_templates(qtbot, window):
    ctx = window.context
    ctx.set_actor(Actor(None, "王经理", Role.ACCOUNT_MANAGER))
    dialog = TaskTemplatesDialog(ctx)
    qtbot.addWidget(dialog)
    assert not dialog.add_button.isEnabled() and not dialog.delete_button.isEnabled()

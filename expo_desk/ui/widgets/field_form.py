"""A form dialog that shows each problem under the field it names (validation reports every
problem at once), the rest at the bottom, and saves through one service call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.ui.widgets.error_label import ERROR_STYLE, ErrorLabel

BAD_FIELD = "border: 1px solid #b00020;"


class FieldForm(QDialog):
    """A form whose rows each carry a red line for their own problems, plus one for the rest.

    A subclass adds its rows with ``add_field``, calls ``finish_layout`` and saves in
    ``save`` through ``run(lambda: service_call(...))``; ``changes`` is then the ChangeSet.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.changes = None
        self.form = QFormLayout()
        self._field_errors: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {}
        self._aliases: dict[str, str] = {}
        self.errors = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def add_field(self, key: str, label: str, widget: QWidget, *aliases: str) -> QWidget:
        """A row for the field ``key`` (problems naming one of ``aliases`` show here too)."""
        widget.setObjectName(key)
        error = QLabel()
        error.setObjectName(f"{key}_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.form.addRow(label, widget)
        self.form.addRow("", error)
        self._field_errors[key], self._field_widgets[key] = error, widget
        self._aliases.update({alias: key for alias in aliases})
        return widget

    def finish_layout(self, *extra: QWidget) -> None:
        """The rows, then ``extra`` widgets, the line for other problems and the buttons."""
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.errors)
        layout.addWidget(self.buttons)

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem under the field it names; what names no field, at the bottom."""
        by_field: dict[str, list[str]] = {}
        rest: list[str] = []
        for p in problems:
            key = self._aliases.get(p.field, p.field)
            (by_field.setdefault(key, []) if key in self._field_errors else rest).append(p.message)
        for key, label in self._field_errors.items():
            label.setText("\n".join(by_field.get(key, [])))
            label.setVisible(key in by_field)
            self._field_widgets[key].setStyleSheet(BAD_FIELD if key in by_field else "")
        self.errors.show_message("\n".join(rest))

    def run(self, call: Callable[[], object], problems: list[Problem] | None = None) -> None:
        """Save through ``call()`` unless the form already found ``problems``; stay open
        showing the problems if it refuses, close when it saved."""
        if problems:
            self.show_problems(problems)
            return
        try:
            self.changes = call()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except UserError as exc:
            self.show_problems([Problem("", str(exc))])
            return
        self.accept()

    def save(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError

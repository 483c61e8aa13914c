"""Import booths from a DXF hall drawing: pick the layer, see what will be created and
what was skipped and why, then create them all at once (or nothing)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from expo_desk.errors import UserError
from expo_desk.services.booth_dxf import DxfPreview, dxf_layers, read_dxf_booths
from expo_desk.services.booths import add_booths
from expo_desk.ui.context import AppContext
from expo_desk.ui.widgets.error_label import ErrorLabel
from expo_desk.ui.widgets.tables import fill_table


class DxfImportDialog(QDialog):
    def __init__(self, context: AppContext, hall: dict, source: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._context, self._hall, self._source = context, hall, Path(source)
        self.preview: DxfPreview | None = None
        self.changes = None
        self.setWindowTitle(self.tr("Import booths from %1").replace("%1", self._source.name))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.layer = QComboBox()
        self.layer.setObjectName("layer")
        form.addRow(self.tr("Booth layer"), self.layer)
        self.offset_x = QSpinBox()
        self.offset_y = QSpinBox()
        for box in (self.offset_x, self.offset_y):
            box.setRange(0, 1_000_000)
            box.setSuffix(" cm")
            box.setSingleStep(50)
        form.addRow(self.tr("Place at X (from the hall's left)"), self.offset_x)
        form.addRow(self.tr("Place at Y (from the hall's top)"), self.offset_y)
        layout.addLayout(form)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.created = QTableWidget(0, 4)
        self.created.setObjectName("created")
        self.created.setHorizontalHeaderLabels([self.tr("Booth"), self.tr("Position (m)"), self.tr("Size (m)"),
                                                self.tr("Type")])
        self.skipped = QTableWidget(0, 2)
        self.skipped.setObjectName("skipped")
        self.skipped.setHorizontalHeaderLabels([self.tr("Where in the drawing"), self.tr("Why it was skipped")])
        self.tabs.addTab(self.created, self.tr("Will be created"))
        self.tabs.addTab(self.skipped, self.tr("Skipped"))
        layout.addWidget(self.tabs, 1)
        self.errors = ErrorLabel()
        layout.addWidget(self.errors)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create booths"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        try:
            for name, count in dxf_layers(self._source):
                self.layer.addItem(self.tr("%1 (%2 closed shapes)").replace("%1", name).replace("%2", str(count)), name)
        except UserError as exc:
            self.errors.show_message(str(exc))
        self.layer.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Read the chosen layer again and show what would happen."""
        layer = self.layer.currentData()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if layer is None:
            ok.setEnabled(False)
            return
        try:
            self.preview = read_dxf_booths(self._source, layer)
        except UserError as exc:
            self.errors.show_message(str(exc))
            ok.setEnabled(False)
            return
        drafts, skipped = self.preview.drafts, self.preview.skipped
        types = {"shell": self.tr("shell scheme"), "raw": self.tr("raw space")}
        fill_table(self.created, [[d.number, f"{d.x_cm / 100:g}, {d.y_cm / 100:g}",
                              f"{d.width_cm / 100:g} × {d.depth_cm / 100:g}", types[d.booth_type]] for d in drafts])
        fill_table(self.skipped, [[s.where, s.reason] for s in skipped])
        for table in (self.created, self.skipped):
            table.resizeColumnsToContents()
        self.summary.setText(self.tr("%1 booth(s) will be created in hall %2, %3 shape(s) skipped. Drawing units: %4.")
                             .replace("%1", str(len(drafts))).replace("%2", self._hall["code"])
                             .replace("%3", str(len(skipped))).replace("%4", self.preview.unit))
        ok.setEnabled(bool(drafts))

    def drafts(self):
        """The previewed booths moved to where the user wants them in the hall."""
        dx, dy = self.offset_x.value(), self.offset_y.value()
        return [replace(d, x_cm=d.x_cm + dx, y_cm=d.y_cm + dy) for d in (self.preview.drafts if self.preview else [])]

    def create(self) -> None:
        ctx = self._context
        try:
            self.changes = add_booths(ctx.db, ctx.actor, ctx.show["id"], self._hall["id"], self.drafts())
        except UserError as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()

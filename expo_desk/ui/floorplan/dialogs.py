"""Small dialogs of the plan editor: generate a block of booths, reserve booths."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from expo_desk.domain import booth_geometry as geometry
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import SECTORS, BoothType
from expo_desk.errors import UserError
from expo_desk.ui.floorplan.booth_item import sector_label, type_label


def _metres(value: float, maximum: float = 2000.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setRange(0.0, maximum)
    box.setSuffix(" m")
    box.setValue(value)
    return box


class GenerateBlockDialog(QDialog):
    """Rows × columns of standard booths with aisles; the preview says what will be made."""

    def __init__(self, hall_code: str, x_cm: int, y_cm: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate a block of booths"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 48))  # the preview on one or two lines
        self.rows = QSpinBox()
        self.rows.setRange(1, 200)
        self.rows.setValue(2)
        self.columns = QSpinBox()
        self.columns.setRange(1, 200)
        self.columns.setValue(10)
        self.rows_per_band = QSpinBox()
        self.rows_per_band.setRange(1, 20)
        self.rows_per_band.setValue(2)
        self.width_m = _metres(geometry.STANDARD_BOOTH_CM / 100, 100)
        self.depth_m = _metres(geometry.STANDARD_BOOTH_CM / 100, 100)
        self.aisle_m = _metres(geometry.DEFAULT_AISLE_CM / 100, 100)
        self.x_m = _metres(x_cm / 100)
        self.y_m = _metres(y_cm / 100)
        self.pattern = QLineEdit(f"{hall_code}-{{n:03d}}")
        self.pattern.setToolTip(self.tr("{n:03d} or ### stands for the running number"))
        self.first = QSpinBox()
        self.first.setRange(0, 99999)
        self.first.setValue(1)
        self.booth_type = QComboBox()
        for booth_type in (BoothType.SHELL, BoothType.RAW):
            self.booth_type.addItem(type_label(booth_type), booth_type)
        self.sector = QComboBox()
        self.sector.addItem(self.tr("(none)"), "")
        for zh in SECTORS:
            self.sector.addItem(sector_label(zh), zh)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        form = QFormLayout()
        for label, widget in ((self.tr("Rows"), self.rows), (self.tr("Columns"), self.columns),
                              (self.tr("Rows back to back"), self.rows_per_band),
                              (self.tr("Booth width"), self.width_m), (self.tr("Booth depth"), self.depth_m),
                              (self.tr("Aisle"), self.aisle_m), (self.tr("Left edge (x)"), self.x_m),
                              (self.tr("Top edge (y)"), self.y_m), (self.tr("Numbering"), self.pattern),
                              (self.tr("First number"), self.first), (self.tr("Type"), self.booth_type),
                              (self.tr("Sector"), self.sector)):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.preview)
        column.addWidget(self.buttons)
        for box in (self.rows, self.columns, self.rows_per_band, self.first):
            box.valueChanged.connect(self._update_preview)
        for box in (self.width_m, self.depth_m, self.aisle_m, self.x_m, self.y_m):
            box.valueChanged.connect(self._update_preview)
        self.pattern.textChanged.connect(self._update_preview)
        self._update_preview()

    @staticmethod
    def _cm(box: QDoubleSpinBox) -> int:
        return int(round(box.value() * 100))

    def drafts(self) -> list[BoothDraft]:
        """The booths the block is made of (``UserError`` when the values do not make one)."""
        return geometry.generate_block(
            self.rows.value(), self.columns.value(), pattern=self.pattern.text(), first=self.first.value(),
            x_cm=self._cm(self.x_m), y_cm=self._cm(self.y_m), width_cm=self._cm(self.width_m),
            depth_cm=self._cm(self.depth_m), aisle_cm=self._cm(self.aisle_m),
            rows_per_band=self.rows_per_band.value(), booth_type=self.booth_type.currentData(),
            sector=self.sector.currentData())

    def _update_preview(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            drafts = self.drafts()
        except UserError as exc:
            self.preview.setText(str(exc))
            ok.setEnabled(False)
            return
        right = max(d.x_cm + d.width_cm for d in drafts) - min(d.x_cm for d in drafts)
        bottom = max(d.y_cm + d.depth_cm for d in drafts) - min(d.y_cm for d in drafts)
        self.preview.setText(self.tr("%1 booths, %2 to %3, block %4 m × %5 m").replace(
            "%1", str(len(drafts))).replace("%2", drafts[0].number).replace("%3", drafts[-1].number).replace(
            "%4", f"{right / 100:g}").replace("%5", f"{bottom / 100:g}"))
        ok.setEnabled(True)


class ReserveDialog(QDialog):
    def __init__(self, numbers: list[str], names: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reserve booths"))
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setCurrentText("")
        self.name.lineEdit().setPlaceholderText(self.tr("Exhibitor or prospect"))
        metrics = self.name.fontMetrics()  # a company name or the hint read whole
        self.name.setMinimumWidth(max(metrics.horizontalAdvance(self.name.lineEdit().placeholderText()),
                                      metrics.horizontalAdvance("x" * 30)) + 40)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        soon = date.today() + timedelta(days=14)
        self.until.setDate(QDate(soon.year, soon.month, soon.day))
        self.until.setMinimumDate(QDate.currentDate())
        form = QFormLayout()
        shown = ", ".join(numbers[:8]) + ("…" if len(numbers) > 8 else "")
        form.addRow(self.tr("Booths"), QLabel(shown))
        form.addRow(self.tr("Reserved for"), self.name)
        form.addRow(self.tr("Until"), self.until)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(buttons)

    def values(self) -> tuple[str, str]:
        return self.name.currentText().strip(), self.until.date().toString("yyyy-MM-dd")


class NewHallDialog(QDialog):
    """A hall's code, name and size; the booths come after (draw, generate, DXF, list)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New hall"))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setObjectName("hall_code")
        self.code.setPlaceholderText(self.tr("e.g. A1"))
        self.name = QLineEdit()
        self.name.setObjectName("hall_name")
        self.name.setPlaceholderText(self.tr("e.g. Hall 1"))
        self.width = _metres(120.0)
        self.depth = _metres(80.0)
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Width"), self.width)
        form.addRow(self.tr("Depth"), self.depth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, int, int]:
        return (self.code.text().strip(), self.name.text().strip(),
                round(self.width.value() * 100), round(self.depth.value() * 100))


class BackgroundDialog(QDialog):
    """Place a hall drawing (PNG, JPEG or SVG) under the booths: where its top-left corner
    goes and how wide it is in the hall; its height follows."""

    def __init__(self, hall: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hall drawing under the plan"))
        self._hall = hall
        form = QFormLayout(self)
        self.path = QLineEdit(hall.get("background_path") or "")
        self.path.setObjectName("background_path")
        self.path.setPlaceholderText(self.tr("a PNG, JPEG or SVG file; empty for none"))
        self.path.setMinimumWidth(max(self.path.fontMetrics().horizontalAdvance(self.path.placeholderText()) + 24,
                                      self.path.fontMetrics().horizontalAdvance("x" * 40)))  # a path reads whole
        self.x = _metres((hall.get("background_x_cm") or 0) / 100)
        self.y = _metres((hall.get("background_y_cm") or 0) / 100)
        self.width = _metres(hall["width_cm"] / 100, maximum=5000.0)
        form.addRow(self.tr("Drawing"), self.path)
        form.addRow(self.tr("Left edge at"), self.x)
        form.addRow(self.tr("Top edge at"), self.y)
        form.addRow(self.tr("Width in the hall"), self.width)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self, image_width: float | None) -> dict:
        """update_hall's background fields; the scale is cm of hall per unit of the image."""
        path = self.path.text().strip()
        if not path:
            return {"background_path": None, "background_x_cm": 0, "background_y_cm": 0, "background_scale": 1.0}
        scale = (self.width.value() * 100 / image_width) if image_width else 1.0
        return {"background_path": path, "background_x_cm": round(self.x.value() * 100),
                "background_y_cm": round(self.y.value() * 100), "background_scale": scale}

"""Booths & floor plan: one hall at a time on an interactive plan.

Hall picker, colour by status or sector with a legend, search a booth number or an
exhibitor (the view flies to the booth and selects it), and the layout tools. Every edit
goes through ``services.booths`` and onto the undo stack; an action whose service is not
in this version stays disabled and says so.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType
from expo_desk.domain.permissions import Action, can
from expo_desk.errors import UserError
from expo_desk.reports.plan import render_plan
from expo_desk.services import booths as booth_service
from expo_desk.services import pricing as pricing_service
from expo_desk.services.changes import ChangeSet
from expo_desk.services.contract_signing import sell_booths
from expo_desk.services.plan_report import plan_report_data
from expo_desk.services.rebooking import expire_offers
from expo_desk.ui.context import AppContext
from expo_desk.ui.dialogs.dxf_import_dialog import DxfImportDialog
from expo_desk.ui.floorplan.booth_item import GRID_CM, BoothItem
from expo_desk.ui.floorplan.commands import (
    AddBoothsCommand,
    DeleteBoothsCommand,
    MergeBoothsCommand,
    MoveBoothsCommand,
    ReleaseBoothsCommand,
    ReserveBoothsCommand,
    ResizeBoothCommand,
    SplitBoothCommand,
)
from expo_desk.ui.floorplan.dialogs import BackgroundDialog, GenerateBlockDialog, NewHallDialog, ReserveDialog
from expo_desk.ui.floorplan.legend import Legend
from expo_desk.ui.floorplan.scene import COLOUR_BY_SECTOR, COLOUR_BY_STATUS, HallScene, image_size, snap
from expo_desk.ui.floorplan.sell_dialog import SellDialog
from expo_desk.ui.floorplan.view import PlanView
from expo_desk.ui.formats import ui_money

_WATCHED = ("booths", "halls", "contracts", "contract_lines", "exhibitors")


class FloorPlanPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.halls: list[dict] = []
        self.scene: HallScene | None = None

        self.hall_box = QComboBox()
        self.hall_box.setObjectName("hall")
        self.hall_box.setMinimumWidth(200)
        self.colour_box = QComboBox()
        self.colour_box.setObjectName("colour_mode")
        self.colour_box.addItem(self.tr("Colour by status"), COLOUR_BY_STATUS)
        self.colour_box.addItem(self.tr("Colour by sector"), COLOUR_BY_SECTOR)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("booth_search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Find a booth number or exhibitor… (Ctrl+F, Enter)"))
        self.search_result = QLabel()
        self.search_result.setObjectName("search_result")
        self.info_label = QLabel()
        self.info_label.setObjectName("plan_info")

        self.view = PlanView()
        self.view.price_for = self.price_text
        self.legend = Legend()
        self.legend.setFixedWidth(210)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("plan_tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.fit_action = self._tool(self.tr("Fit hall"), self.view.fit_hall, "Ctrl+0",
                                     self.tr("Show the whole hall (Ctrl+0)"))
        self.fit_selection_action = self._tool(self.tr("Fit selection"), self.view.fit_selection, "Ctrl+9",
                                               self.tr("Zoom to the selected booths (Ctrl+9)"))
        self.zoom_in_action = self._tool(self.tr("Zoom in"), self.view.zoom_in, "Ctrl+=")
        self.zoom_out_action = self._tool(self.tr("Zoom out"), self.view.zoom_out, "Ctrl+-")
        self.toolbar.addSeparator()
        self.new_hall_action = self._tool(self.tr("New hall…"), self.new_hall)
        self.pdf_action = self._tool(self.tr("Plan PDF…"), self.choose_plan_pdf,
                                     tip=self.tr("Print this hall to scale as a PDF (A3 landscape), "
                                                 "the selected booth marked"))
        self.background_action = self._tool(self.tr("Background…"), self.choose_background,
                                            tip=self.tr("Place the hall drawing (PNG, JPEG or SVG) under the booths"))
        self.dxf_action = self._tool(self.tr("Import DXF…"), self.choose_dxf,
                                     tip=self.tr("Create booths from the rectangles of a hall drawing (DXF)"))
        self.draw_action = self._tool(self.tr("Draw booth"), self._toggle_draw, "D",
                                      self.tr("Drag on the floor to draw a booth, snapped to 0.5 m (D)"))
        self.draw_action.setCheckable(True)
        self.generate_action = self._tool(self.tr("Generate block…"), self.generate_block)
        self.merge_action = self._tool(self.tr("Merge"), self.merge_selected)
        self.split_action = self._tool(self.tr("Split…"), self.split_selected)
        self.delete_action = self._tool(self.tr("Delete"), self.delete_selected)
        self.toolbar.addSeparator()
        self.reserve_action = self._tool(self.tr("Reserve…"), self.reserve_selected)
        self.release_action = self._tool(self.tr("Release"), self.release_selected)
        self.sell_action = self._tool(self.tr("Sell…"), self.sell_selected, tip=self.tr(
            "Put the selected booths on a contract for an exhibitor, priced by the show's rules"))
        self._tooltips = {a: a.toolTip() for a in self.toolbar.actions()}

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Hall")))
        top.addWidget(self.hall_box)
        top.addWidget(self.colour_box)
        top.addWidget(self.search_box, 1)
        top.addWidget(self.search_result)
        body = QHBoxLayout()
        body.addWidget(self.view, 1)
        side = QVBoxLayout()
        side.addWidget(self.legend, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.toolbar)
        layout.addLayout(body, 1)
        layout.addWidget(self.info_label)

        self.hall_box.currentIndexChanged.connect(lambda _i: self.show_hall(self.hall_box.currentData()))
        self.colour_box.currentIndexChanged.connect(lambda _i: self.set_colour_mode(self.colour_box.currentData()))
        self.search_box.returnPressed.connect(lambda: self.find(self.search_box.text()))
        self.view.booths_moved.connect(self._on_booths_moved)
        self.view.rect_drawn.connect(self._on_rect_drawn)
        self.view.booth_resized.connect(self._on_booth_resized)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)

        context.data_changed.connect(self._on_data_changed)
        context.database_changed.connect(self.refresh)
        context.database_changed.connect(lambda: self.release_expired())
        context.actor_changed.connect(self._update_actions)
        self.refresh()

    def _tool(self, text: str, slot, shortcut: str | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the show's halls and the hall on screen (the same one when it still exists)."""
        ctx = self._context
        current = self.current_hall_id()
        self.halls = booth_service.list_halls(ctx.db, ctx.show["id"]) if ctx.db is not None and ctx.show else []
        blocked = self.hall_box.blockSignals(True)
        self.hall_box.clear()
        for hall in self.halls:
            label = f"{hall['code']}  {hall.get('name') or ''}  ({hall['booth_count']:,})"
            self.hall_box.addItem(label, hall["id"])
        index = max(0, self.hall_box.findData(current)) if self.halls else -1
        self.hall_box.setCurrentIndex(index)
        self.hall_box.blockSignals(blocked)
        for widget in (self.hall_box, self.colour_box, self.search_box):
            widget.setEnabled(bool(self.halls))
        self.show_hall(self.hall_box.currentData(), keep_view=current == self.hall_box.currentData())

    def current_hall_id(self) -> str | None:
        return self.scene.hall["id"] if self.scene is not None else None

    def show_hall(self, hall_id: str | None, keep_view: bool = False) -> None:
        hall = next((h for h in self.halls if h["id"] == hall_id), None)
        old = self.scene
        if hall is None:
            self.scene = None
            self.view.setScene(None)
        else:
            transform, centre = self.view.transform(), self.view.mapToScene(self.view.viewport().rect().center())
            selected = {i.booth_id for i in old.selected_booths()} if old is not None else set()
            scene = HallScene(hall, booth_service.hall_booths(self._context.db, hall["id"]), self)
            scene.set_colour_mode(self.colour_box.currentData())
            for booth_id in selected:
                item = scene.items_by_id.get(booth_id)
                if item is not None:
                    item.setSelected(True)
            scene.selectionChanged.connect(self._update_actions)
            self.scene = scene
            self.view.setScene(scene)
            if keep_view:
                self.view.setTransform(transform)
                self.view.centerOn(centre)
            else:
                QTimer.singleShot(0, self.view.fit_hall)  # once the view has its final size
                self.view.fit_hall()
        if old is not None:
            old.deleteLater()
        self._update_legend()
        self._update_actions()

    def set_colour_mode(self, mode: str) -> None:
        index = self.colour_box.findData(mode)
        if index != self.colour_box.currentIndex():
            self.colour_box.setCurrentIndex(index)  # comes back here through the signal
            return
        if self.scene is not None:
            self.scene.set_colour_mode(mode)
        self._update_legend()

    def _update_legend(self) -> None:
        if self.scene is None:
            self.legend.set_entries(self.tr("No hall"), [])
            return
        title = self.tr("Status") if self.scene.colour_mode == COLOUR_BY_STATUS else self.tr("Sector")
        self.legend.set_entries(title, self.scene.legend_entries())

    def _on_data_changed(self, changes: ChangeSet) -> None:
        if any(changes.touches(t) for t in _WATCHED):
            self.refresh()

    # -- permissions and availability ------------------------------------------------------
    def _update_actions(self) -> None:
        actor = self._context.actor
        has_hall = self.scene is not None
        selected = self.scene.selected_booths() if has_hall else []
        may_edit = has_hall and can(actor, Action.EDIT_BOOTHS)
        may_reserve = has_hall and can(actor, Action.RESERVE_BOOTHS)
        refuse_edit = self.tr("Your role may not change the booth layout")
        refuse_reserve = self.tr("Your role may not reserve booths")
        rules = (
            (self.draw_action, may_edit, True, refuse_edit),
            (self.generate_action, may_edit, True, refuse_edit),
            (self.merge_action, may_edit, len(selected) >= 2, refuse_edit),
            (self.split_action, may_edit, len(selected) == 1, refuse_edit),
            (self.delete_action, may_edit, bool(selected), refuse_edit),
            (self.reserve_action, may_reserve, bool(selected), refuse_reserve),
            (self.release_action, may_reserve, bool(selected), refuse_reserve),
            (self.sell_action, can(actor, Action.EDIT_CONTRACTS) and has_hall, bool(selected),
             self.tr("Your role may not make contracts")),
        )
        for action, allowed, applicable, refusal in rules:
            action.setEnabled(allowed and applicable)
            if has_hall and not allowed:
                action.setToolTip(refusal)
            else:
                action.setToolTip(self._tooltips[action])
        if not self.draw_action.isEnabled() and self.draw_action.isChecked():
            self.draw_action.setChecked(False)
            self.view.set_draw_mode(False)
        movable = may_edit
        if self.scene is not None and getattr(self.scene, "_movable", None) != movable:
            for item in self.scene.items_by_id.values():
                item.set_movable(movable)
            self.scene._movable = movable
        if self.scene is not None:  # resize handles on the one selected booth, for who may edit
            self.scene.show_handles(selected[0] if may_edit and len(selected) == 1 else None)
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            action.setEnabled(has_hall)
        may_layout = self._context.db is not None and self._context.show is not None \
            and can(actor, Action.EDIT_BOOTHS)
        self.new_hall_action.setEnabled(may_layout)
        self.pdf_action.setEnabled(has_hall)
        self.dxf_action.setEnabled(may_layout and has_hall)
        self.background_action.setEnabled(may_layout and has_hall)
        self.fit_selection_action.setEnabled(bool(selected))
        self._update_info(selected)

    def _update_info(self, selected: list[BoothItem]) -> None:
        if self.scene is None:
            self.info_label.setText(self.tr("No hall in this show yet.") if self._context.show else "")
            return
        hall = self.scene.hall
        text = self.tr("Hall %1: %2 m × %3 m, %4 booths").replace("%1", hall["code"]).replace(
            "%2", f"{hall['width_cm'] / 100:g}").replace("%3", f"{hall['depth_cm'] / 100:g}").replace(
            "%4", f"{len(self.scene.items_by_id):,}")
        if selected:
            area = sum(i.record["width_cm"] * i.record["depth_cm"] for i in selected) / 10_000
            numbers = ", ".join(i.record["number"] for i in selected[:6]) + ("…" if len(selected) > 6 else "")
            text += self.tr(" · selected %1 (%2 m²): %3").replace("%1", str(len(selected))).replace(
                "%2", f"{area:g}").replace("%3", numbers)
        self.info_label.setText(text)

    # -- search ------------------------------------------------------------------------------
    def find(self, text: str, animate: bool = True) -> BoothItem | None:
        """Fly to the booth whose number or holder matches ``text`` and select it."""
        text = text.strip()
        if not text or self._context.db is None or self._context.show is None:
            self.search_result.setText("")
            return None
        target = self._find_record(text)
        if target is None:
            self.search_result.setText(self.tr("Not found"))
            return None
        if target.get("hall_id") and target["hall_id"] != self.current_hall_id():
            self.hall_box.setCurrentIndex(self.hall_box.findData(target["hall_id"]))
        item = self.scene.items_by_id.get(target["id"]) if self.scene is not None else None
        if item is None:
            self.search_result.setText(self.tr("Not found"))
            return None
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.fly_to(item, animate=animate)
        self.search_result.setText(item.record["number"])
        return item

    def _find_record(self, text: str) -> dict | None:
        found = booth_service.find_booth(self._context.db, self._context.show["id"], text)
        return found[0] if found else None

    def price_text(self, booth_id: str) -> str:
        """'Price: ¥10,780.00 (…terms…)' under the show's rules today, for the hover."""
        if self._context.db is None:
            return ""
        return self.tr("Price: %1").replace("%1", self.booth_price(booth_id))

    def booth_price(self, booth_id: str) -> str:
        """'¥10,780.00 (¥9,800.00 + ¥980.00)', or why the show's rules give no price."""
        try:
            quote = pricing_service.quote_booth(self._context.db, booth_id)
        except UserError as exc:
            return str(exc)
        terms = ui_money(quote.terms[0].amount_fen) + "".join(
            f" {'−' if t.amount_fen < 0 else '+'} {ui_money(abs(t.amount_fen))}" for t in quote.terms[1:])
        return ui_money(quote.total_fen) + (f" ({terms})" if len(quote.terms) > 1 else "")

    # -- halls and drawings ---------------------------------------------------------------------
    def new_hall(self) -> bool:
        """Ask for a hall's code, name and size and add it to the show."""
        dialog = NewHallDialog(self)
        ctx = self._context
        while dialog.exec():
            values = dialog.values()
            changes = self._run(lambda v=values: booth_service.create_hall(ctx.db, ctx.actor, ctx.show["id"], *v))
            if changes is not None:
                new_id = next(iter(changes.inserted.get("halls", [])), None)
                self.hall_box.setCurrentIndex(max(0, self.hall_box.findData(new_id)))
                return True
        return False

    def choose_plan_pdf(self) -> None:
        if self.scene is None:
            return
        start = Path(self._context.settings.value("folders/export", str(Path.home())))
        suggested = start / f"{self._context.show['code']}-{self.scene.hall['code']}-plan.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the hall plan"), str(suggested),
                                              self.tr("PDF (*.pdf)"))
        if path:
            self._context.settings.setValue("folders/export", str(Path(path).parent))
            self.write_plan_pdf(Path(path))

    def write_plan_pdf(self, path: Path) -> bool:
        """The hall on screen to scale, with the selected booth (if one) marked."""
        ctx = self._context
        selected = self.scene.selected_booths() if self.scene is not None else []
        highlight = selected[0].record["number"] if len(selected) == 1 else None
        try:
            data = plan_report_data(ctx.db, ctx.show["id"], self.scene.hall["code"], highlight)
            render_plan(data, path)
        except (UserError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Plan PDF"), str(exc))
            return False
        self.info_label.setText(self.tr("Plan written to %1").replace("%1", str(path)))
        return True

    def choose_background(self) -> None:
        if self.scene is None:
            return
        dialog = BackgroundDialog(self.scene.hall, self)
        browse = QFileDialog.getOpenFileName(self, self.tr("Hall drawing"), dialog.path.text() or str(Path.home()),
                                             self.tr("Drawings (*.png *.jpg *.jpeg *.svg)"))[0]
        if browse:
            dialog.path.setText(browse)
        if dialog.exec():
            self.set_background(dialog)

    def set_background(self, dialog) -> bool:
        """Save where the hall drawing goes; refused with a reason when the file is not a drawing."""
        path = dialog.path.text().strip()
        size = image_size(path) if path else None
        if path and size is None:
            QMessageBox.warning(self, self.tr("Hall drawing"),
                                self.tr("%1 is not a PNG, JPEG or SVG drawing that can be read.").replace("%1", path))
            return False
        ctx, hall_id = self._context, self.scene.hall["id"]
        values = dialog.values(size[0] if size else None)
        return self._run(lambda: booth_service.update_hall(ctx.db, ctx.actor, hall_id, **values)) is not None

    def choose_dxf(self) -> None:
        if self.scene is None:
            return
        start = self._context.settings.value("folders/dxf", str(Path.home()))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import booths from a drawing"), start,
                                              self.tr("DXF drawings (*.dxf)"))
        if path:
            self._context.settings.setValue("folders/dxf", str(Path(path).parent))
            self.import_dxf(Path(path))

    def import_dxf(self, path: Path) -> bool:
        """Preview a drawing's booths for the hall on screen and create them when confirmed."""
        dialog = DxfImportDialog(self._context, self.scene.hall, path, self)
        if dialog.exec() and dialog.changes:
            self._context.announce(dialog.changes)
            return True
        return False

    def release_expired(self, today: date | None = None) -> list[dict]:
        """Give back reservations past their date and say which (called when a show opens)."""
        ctx = self._context
        today = today or date.today()
        if ctx.db is None or ctx.show is None:
            return []
        if ctx.show.get("end_date") and today.isoformat() > ctx.show["end_date"]:
            return []  # after the show a reservation means nothing: the record stays as it was
        lapsed = expire_offers(ctx.db, ctx.actor, today, show_id=ctx.show["id"])  # rebooking offers first
        released = booth_service.release_expired_reservations(ctx.db, ctx.actor, today, ctx.show["id"])
        if lapsed:
            ctx.announce(ChangeSet(updated={"rebooking_offers": [o["id"] for o in lapsed],
                                            "booths": [o["booth_id"] for o in lapsed if o.get("booth_id")]}))
        if released:
            ctx.announce(ChangeSet(updated={"booths": [b["id"] for b in released]}))
            numbers = ", ".join(b["number"] for b in released[:20]) + (" …" if len(released) > 20 else "")
            message = self.tr("%n reservation(s) passed their date and were released: %1", "",
                              len(released)).replace("%1", numbers)
            self.info_label.setText(message)
            window = self.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(message, 30_000)
        return released

    # -- edits ---------------------------------------------------------------------------------
    def _run(self, step) -> ChangeSet | None:
        try:
            changes = step()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Floor plan"), str(exc))
            return None
        self._context.announce(changes)
        return changes

    def move_booths(self, positions: dict[str, tuple[int, int]]) -> bool:
        """Move booths to new top-left corners (cm), as one undoable step."""
        if self.scene is None:
            return False
        before = {i: self.scene.items_by_id[i].stored_pos() for i in positions if i in self.scene.items_by_id}
        after = {i: (int(x), int(y)) for i, (x, y) in positions.items() if i in before}
        if not after:
            return False
        ctx = self._context
        changes = self._run(lambda: booth_service.move_booths(ctx.db, ctx.actor, after))
        if changes is None:
            self.refresh()  # put the items back where the file has them
            return False
        text = self.tr("Move %n booth(s)", "", len(after))
        ctx.undo_stack.push(MoveBoothsCommand(ctx, before, after, text))
        return True

    def _on_booths_moved(self, positions: dict) -> None:
        self.move_booths(positions)

    def resize_booth(self, booth_id: str, geometry: tuple[int, int, int, int]) -> bool:
        """Give a booth a new rectangle (x, y, width, depth in cm), as one undoable step."""
        if self.scene is None or booth_id not in self.scene.items_by_id:
            return False
        record = self.scene.items_by_id[booth_id].record
        before = (int(record["x_cm"]), int(record["y_cm"]), int(record["width_cm"]), int(record["depth_cm"]))
        after = tuple(int(v) for v in geometry)
        if after == before:
            return False
        ctx, number = self._context, record["number"]
        x, y, width, depth = after
        changes = self._run(lambda: booth_service.resize_booth(ctx.db, ctx.actor, booth_id, width, depth,
                                                               x_cm=x, y_cm=y))
        if changes is None:
            self.refresh()  # the booth as the file has it
            return False
        ctx.undo_stack.push(ResizeBoothCommand(ctx, booth_id, before, after,
                                               self.tr("Resize %1").replace("%1", number)))
        return True

    def _on_booth_resized(self, booth_id: str, geometry: tuple) -> None:
        self.resize_booth(booth_id, geometry)

    def _toggle_draw(self) -> None:
        self.view.set_draw_mode(self.draw_action.isChecked())

    def _on_rect_drawn(self, rect: QRectF) -> None:
        if self.scene is None:
            return
        number, ok = QInputDialog.getText(self, self.tr("New booth"), self.tr(
            "Number of the new booth (%1 m × %2 m):").replace("%1", f"{rect.width() / 100:g}").replace(
            "%2", f"{rect.height() / 100:g}"))
        if ok and number.strip():
            draft = BoothDraft(number.strip(), int(rect.x()), int(rect.y()), int(rect.width()), int(rect.height()),
                               BoothType.SHELL if rect.width() * rect.height() <= 180_000 else BoothType.RAW)
            self.add_booths([draft])

    def add_booths(self, drafts: list[BoothDraft]) -> bool:
        if self.scene is None:
            return False
        ctx, show_id, hall_id = self._context, self._context.show["id"], self.scene.hall["id"]
        changes = self._run(lambda: booth_service.add_booths(ctx.db, ctx.actor, show_id, hall_id, drafts))
        if changes is None:
            return False
        ids = list(changes.inserted.get("booths", []))
        ctx.undo_stack.push(AddBoothsCommand(ctx, show_id, hall_id, drafts, ids,
                                             self.tr("Add %n booth(s)", "", len(drafts))))
        return True

    def delete_selected(self) -> bool:
        if self.scene is None or not self.delete_action.isEnabled():
            return False
        records = [dict(i.record) for i in self.scene.selected_booths()]
        if not records:
            return False
        ctx = self._context
        changes = self._run(lambda: booth_service.delete_booths(ctx.db, ctx.actor, [r["id"] for r in records]))
        if changes is None:
            return False
        ctx.undo_stack.push(DeleteBoothsCommand(ctx, ctx.show["id"], self.scene.hall["id"] if self.scene else "",
                                                records, self.tr("Delete %n booth(s)", "", len(records))))
        return True

    def generate_block(self) -> None:
        if self.scene is None or not self.generate_action.isEnabled():
            return
        corner = self.view.mapToScene(self.view.viewport().rect().topLeft() + QPoint(40, 40))
        x = max(0, min(snap(corner.x(), GRID_CM), int(self.scene.hall["width_cm"]) - 300))
        y = max(0, min(snap(corner.y(), GRID_CM), int(self.scene.hall["depth_cm"]) - 300))
        dialog = GenerateBlockDialog(self.scene.hall["code"], x, y, self)
        while dialog.exec():
            try:
                drafts = dialog.drafts()
            except UserError as exc:
                QMessageBox.warning(self, self.tr("Generate block"), str(exc))
                continue
            if self.add_booths(drafts):
                return

    def merge_selected(self) -> bool:
        if self.scene is None or not self.merge_action.isEnabled():
            return False
        return self.merge_booths([i.booth_id for i in self.scene.selected_booths()])

    def merge_booths(self, booth_ids: list[str]) -> bool:
        """Merge adjacent booths into the one with the lowest number, as one undoable step."""
        if self.scene is None or len(booth_ids) < 2:
            return False
        records = [dict(self.scene.items_by_id[i].record) for i in booth_ids]
        ctx, hall_id = self._context, self.scene.hall["id"]
        if self._run(lambda: booth_service.merge_booths(ctx.db, ctx.actor, booth_ids)) is None:
            return False
        ctx.undo_stack.push(MergeBoothsCommand(ctx, ctx.show["id"], hall_id, records,
                                               self.tr("Merge %n booth(s)", "", len(records))))
        return True

    def split_selected(self) -> bool:
        if self.scene is None or not self.split_action.isEnabled():
            return False
        item = self.scene.selected_booths()[0]
        parts, ok = QInputDialog.getInt(self, self.tr("Split booth"), self.tr(
            "Split %1 into how many equal booths?").replace("%1", item.record["number"]), 2, 2, 26)
        if not ok:
            return False
        across, down = self.tr("Side by side"), self.tr("Front to back")
        choice, ok = QInputDialog.getItem(self, self.tr("Split booth"), self.tr("Direction"), [across, down], 0, False)
        if not ok:
            return False
        return self.split_booth(item.booth_id, parts, "down" if choice == down else "across")

    def split_booth(self, booth_id: str, parts: int, direction: str = "across") -> bool:
        if self.scene is None or booth_id not in self.scene.items_by_id:
            return False
        record = dict(self.scene.items_by_id[booth_id].record)
        ctx = self._context
        changes = self._run(lambda: booth_service.split_booth(ctx.db, ctx.actor, booth_id, parts, direction))
        if changes is None:
            return False
        ctx.undo_stack.push(SplitBoothCommand(ctx, record, parts, direction, changes.inserted.get("booths", []),
                                              self.tr("Split %1").replace("%1", record["number"])))
        return True

    def reserve_selected(self) -> bool:
        if self.scene is None or not self.reserve_action.isEnabled():
            return False
        items = self.scene.selected_booths()
        names = sorted({r["exhibitor"] for r in (i.record for i in self.scene.booth_items()) if r.get("exhibitor")})
        dialog = ReserveDialog([i.record["number"] for i in items], names, self)
        if not dialog.exec():
            return False
        name, until = dialog.values()
        return self.reserve_booths([i.booth_id for i in items], name, until)

    def reserve_booths(self, booth_ids: list[str], reserved_for: str, until: str) -> bool:
        """Hold booths for a name until a date (YYYY-MM-DD), as one undoable step."""
        if self.scene is None or not booth_ids:
            return False
        records = [dict(self.scene.items_by_id[i].record) for i in booth_ids]
        ctx = self._context
        command = ReserveBoothsCommand(ctx, records, reserved_for, until,
                                       self.tr("Reserve %n booth(s)", "", len(records)))
        return self._do(command)

    def release_selected(self) -> bool:
        if self.scene is None or not self.release_action.isEnabled():
            return False
        return self.release_booths([i.booth_id for i in self.scene.selected_booths()])

    def release_booths(self, booth_ids: list[str]) -> bool:
        if self.scene is None:
            return False
        records = [dict(self.scene.items_by_id[i].record) for i in booth_ids
                   if self.scene.items_by_id[i].record["status"] == "reserved"]
        if not records:
            QMessageBox.information(self, self.tr("Release"), self.tr("None of the selected booths is reserved."))
            return False
        command = ReleaseBoothsCommand(self._context, records, self.tr("Release %n booth(s)", "", len(records)))
        return self._do(command)

    def sell_selected(self) -> bool:
        if self.scene is None or not self.sell_action.isEnabled():
            return False
        items = self.scene.selected_booths()
        prices = [f"{i.record['number']}: {self.booth_price(i.booth_id)}" for i in items[:8]]
        dialog = SellDialog(self._context, [i.record["number"] for i in items], prices, self)
        if not dialog.exec():
            return False
        exhibitor_id, signed_on = dialog.values()
        return self.sell_booths([i.booth_id for i in items], exhibitor_id, signed_on)

    def sell_booths(self, booth_ids: list[str], exhibitor_id: str, signed_on: str | None = None) -> bool:
        """A contract for the exhibitor holding these booths, signed when a date is given.

        Not an undo step: money records are put right on the contract (cancel, refund),
        where the audit trail shows it.
        """
        ctx = self._context
        try:
            changes = sell_booths(ctx.db, ctx.actor, ctx.show["id"], exhibitor_id, booth_ids, signed_on=signed_on)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Sell booths"), str(exc))
            return False
        ctx.announce(changes)
        return True

    def _do(self, command) -> bool:
        """Take a step of several service calls now; on the stack only when it went through."""
        try:
            changes = command.forward()
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Floor plan"), str(exc))
            self.refresh()  # a part may have gone through before the refusal
            return False
        self._context.announce(changes)
        self._context.undo_stack.push(command)
        return True

"""Importing booths from a DXF drawing through the preview dialog."""

from __future__ import annotations

import ezdxf
import pytest
from PySide6.QtWidgets import QDialogButtonBox

from expo_desk.services.booths import hall_booths, list_halls
from expo_desk.ui.dialogs.dxf_import_dialog import DxfImportDialog


@pytest.fixture
def hall(window, actor):
    from expo_desk.services.booths import create_hall

    ctx = window.context
    create_hall(ctx.db, ctx.actor, ctx.show["id"], "A1", "1号馆", 6000, 4000)
    return list_halls(ctx.db, ctx.show["id"])[0]


@pytest.fixture
def drawing(tmp_path):
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for n in range(4):
        msp.add_lwpolyline([(n * 3000, 0), (n * 3000 + 3000, 0), (n * 3000 + 3000, 3000), (n * 3000, 3000)],
                           close=True, dxfattribs={"layer": "展位"})
        msp.add_text(f"A1-{n + 1:03d}", dxfattribs={"height": 300}).set_placement((n * 3000 + 800, 1500))
    msp.add_lwpolyline([(20000, 0), (23000, 0), (23000, 3000), (20000, 3000)], close=True, dxfattribs={"layer": "展位"})
    path = tmp_path / "hall-a1.dxf"
    doc.saveas(path)
    return path


def test_the_preview_lists_booths_and_skipped_shapes_then_creates_them(qtbot, window, hall, drawing):
    dialog = DxfImportDialog(window.context, hall, drawing)
    qtbot.addWidget(dialog)
    assert dialog.layer.currentData() == "展位"
    assert dialog.created.rowCount() == 4
    assert dialog.skipped.rowCount() == 1
    assert "no booth number inside" in dialog.skipped.item(0, 1).text()
    assert dialog.summary.text().startswith("4 booth(s) will be created in hall A1, 1 shape(s) skipped")
    dialog.offset_x.setValue(500)
    dialog.offset_y.setValue(200)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == DxfImportDialog.DialogCode.Accepted
    booths = hall_booths(window.context.db, hall["id"])
    assert [(b["number"], b["x_cm"], b["y_cm"]) for b in booths] == [
        ("A1-001", 500, 200), ("A1-002", 800, 200), ("A1-003", 1100, 200), ("A1-004", 1400, 200)]


def test_booths_that_do_not_fit_the_hall_create_nothing_and_say_why(qtbot, window, hall, drawing):
    dialog = DxfImportDialog(window.context, hall, drawing)
    qtbot.addWidget(dialog)
    dialog.offset_x.setValue(5000)  # 50 m in: the row of 12 m runs out of the 60 m hall
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() or dialog.result() != DxfImportDialog.DialogCode.Accepted
    assert dialog.errors.text()
    assert hall_booths(window.context.db, hall["id"]) == []

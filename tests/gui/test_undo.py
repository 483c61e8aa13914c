"""Ctrl+Z and Ctrl+Shift+Z on the Exhibitors page: each step written and audited through services."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.store.queries import scalar


def names(page) -> list[str]:
    return [page.model.row_at(r)["company_name"] for r in range(page.model.rowCount())]


def test_undo_and_redo_a_deletion(qtbot, window, page, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.search_box.setText("黄海")
    qtbot.waitUntil(lambda: names(page) == ["黄海渔业有限公司"])
    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert window.undo_action.text() == "&Undo Delete 黄海渔业有限公司"

    window.undo_action.trigger()
    assert names(page) == ["黄海渔业有限公司"]
    assert page.detail.contacts_table.item(0, 0).text() == "张敏"  # contacts came back too
    window.redo_action.trigger()
    assert page.model.rowCount() == 0
    db = window.context.db
    assert scalar(db, "SELECT count(*) FROM audit_log WHERE table_name = 'exhibitors' AND action = 'delete'") == 2


def test_undo_an_edit_and_an_addition(qtbot, window, page, on_modal):
    def rename(dialog):
        dialog.fields["company_name_en"].setText("Renamed Ltd.")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    first = page.selected_exhibitor()
    on_modal(rename)
    page.edit_selected()
    assert page.selected_exhibitor()["company_name_en"] == "Renamed Ltd."
    window.undo_action.trigger()
    assert page.selected_exhibitor()["company_name_en"] == first["company_name_en"]

    def add(dialog):
        dialog.fields["company_name"].setText("新展商有限公司")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    on_modal(add)
    page.add_exhibitor()
    assert "新展商有限公司" in names(page)
    window.undo_action.trigger()
    assert "新展商有限公司" not in names(page)
    window.redo_action.trigger()
    assert "新展商有限公司" in names(page)


def test_an_undo_that_can_no_longer_be_done_says_why_and_changes_nothing(qtbot, window, page, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    page.search_box.setText("黄海")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.delete_button.click()
    ctx = window.context
    exhibitor_service.create_exhibitor(ctx.db, ctx.actor, ctx.show["id"], {"company_name": "黄海渔业有限公司"})
    window.undo_action.trigger()
    assert warnings and "already has this company" in warnings[0]
    assert scalar(ctx.db, "SELECT count(*) FROM exhibitors WHERE company_name = '黄海渔业有限公司'") == 1
    assert not ctx.undo_stack.canUndo()


def test_opening_another_show_forgets_the_steps(qtbot, window, page, monkeypatch, actor):
    from expo_desk.services.shows import create_show

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_button.click()
    assert window.context.undo_stack.canUndo()
    window.context.set_show(create_show(window.context.db, actor, "RZ2027", "2027日照国际博览会"))
    assert not window.context.undo_stack.canUndo()

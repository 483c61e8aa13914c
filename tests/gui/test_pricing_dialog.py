"""Settings ▸ Pricing rules: the list, the form, the default price list and the quote preview."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import pricing as pricing_service
from expo_desk.ui.dialogs.pricing_dialog import PricingDialog, RuleFormDialog


@pytest.fixture
def dialog(qtbot, window):
    d = PricingDialog(window.context, window)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def texts(table, column):
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_menu_offers_pricing_rules(window):
    settings = [m for m in window.menuBar().actions() if "tt" in m.text()][0].menu()
    assert any(a.text() == "&Pricing rules…" for a in settings.actions())


def test_default_price_list_and_a_quote(qtbot, dialog):
    assert dialog.table.rowCount() == 0 and dialog.defaults_button.isEnabled()
    assert "no shell scheme price" in dialog.quote_errors.text()
    dialog.defaults_button.click()
    assert dialog.table.rowCount() == 6 and not dialog.defaults_button.isEnabled()
    assert texts(dialog.table, 3)[:2] == ["¥9,800.00 per 9 m² booth", "¥980.00 per m²"]
    assert "+10%" in texts(dialog.table, 3)
    dialog.q_width.setValue(6.0)
    dialog.q_sides.setCurrentIndex(dialog.q_sides.findData("corner"))
    assert texts(dialog.terms, 2) == ["¥19,600.00", "¥1,960.00"]
    assert dialog.total.text() == "Total: ¥21,560.00"
    dialog.q_type.setCurrentIndex(dialog.q_type.findData("raw"))
    dialog.q_width.setValue(4.0)
    dialog.q_depth.setValue(6.0)
    dialog.q_sides.setCurrentIndex(dialog.q_sides.findData("inline"))
    assert dialog.total.text() == "Total: ¥35,280.00"  # 24 m² charged as 36 m²
    assert "(minimum area)" in dialog.terms.item(0, 1).text()
    dialog.q_width.setValue(0.0)
    assert dialog.terms.rowCount() == 0 and "size above zero" in dialog.quote_errors.text()


def test_add_a_rule_through_the_form(qtbot, dialog, window, on_modal):
    def fill(form):
        form.kind.setCurrentIndex(form.kind.findData("early_bird"))
        form.label.setText("早鸟")
        form.percent.setText("5")
        form.effective_to.setText("2030-12-31")
        form.save()

    pricing_service.add_rule(window.context.db, window.context.actor, window.context.show["id"],
                             {"kind": "shell_base", "amount_fen": 980_000})
    on_modal(fill)
    dialog.add_rule()
    assert dialog.table.rowCount() == 2
    assert texts(dialog.table, 3)[1] == "−5%" and "31 Dec 2030" in texts(dialog.table, 4)[1]
    dialog.q_date.setDate(QDate(2030, 1, 1))
    assert texts(dialog.terms, 2) == ["¥9,800.00", "-¥490.00"]


def test_the_form_names_what_is_wrong_and_stays_open(qtbot, window):
    form = RuleFormDialog(window.context, window.context.show["id"], None, window)
    qtbot.addWidget(form)
    form.kind.setCurrentIndex(form.kind.findData("open_sides"))
    form.percent.setText("10")
    form.save()
    assert form.changes is None and "open sides" in form.errors.text() and "开口" in form.errors.text()
    form.percent.setText("ten")
    form.save()
    assert "percentage is not a number" in form.errors.text()
    form.percent.setText("12.5")
    form.open_sides.setCurrentIndex(form.open_sides.findData("island"))
    form.save()
    assert form.changes is not None and form.result() == form.DialogCode.Accepted
    [rule] = pricing_service.list_rules(window.context.db, window.context.show["id"])
    assert (rule["percent_bp"], rule["open_sides"]) == (1_250, "island")


def test_edit_keeps_the_values_and_saves_changes(qtbot, window):
    db, actor, show = window.context.db, window.context.actor, window.context.show
    pricing_service.add_rule(db, actor, show["id"], {"kind": "raw_base", "amount_fen": 98_000, "min_area_m2": 36})
    [rule] = pricing_service.list_rules(db, show["id"])
    form = RuleFormDialog(window.context, show["id"], rule, window)
    qtbot.addWidget(form)
    assert (form.amount.text(), form.min_area.text()) == ("980.00", "36")
    form.amount.setText("1,050")
    form.save()
    assert pricing_service.list_rules(db, show["id"])[0]["amount_fen"] == 105_000


def test_delete_asks_first(qtbot, dialog, window, monkeypatch):
    dialog.defaults_button.click()
    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.delete_rule()
    assert dialog.table.rowCount() == 6
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_rule()
    assert dialog.table.rowCount() == 5
    assert "shell" not in " ".join(texts(dialog.table, 0)).lower()


def test_others_may_quote_but_not_edit(qtbot, window):
    pricing_service.add_default_rules(window.context.db, window.context.actor, window.context.show["id"])
    window.context.set_actor(Actor(user_id=None, name="李娜", role=Role.ACCOUNT_MANAGER))
    d = PricingDialog(window.context, window)
    qtbot.addWidget(d)
    assert d.findChild(type(d.total), "notice") is not None
    assert not any(b.isEnabled() for b in (d.add_button, d.edit_button, d.delete_button, d.defaults_button))
    assert d.total.text() == "Total: ¥9,800.00"


def test_screenshot(qtbot, dialog, tmp_path):
    dialog.defaults_button.click()
    dialog.q_type.setCurrentIndex(dialog.q_type.findData("raw"))
    dialog.q_width.setValue(15.0)
    dialog.q_depth.setValue(10.0)
    dialog.q_sides.setCurrentIndex(dialog.q_sides.findData("island"))
    folder = Path(os.environ.get("EXPO_DESK_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pricing_dialog.png"
    assert dialog.grab().save(str(path))
    assert path.stat().st_size > 10_000
    assert texts(dialog.terms, 2) == ["¥98,000.00", "¥44,000.00", "¥21,300.00"]

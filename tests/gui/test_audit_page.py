"""The Audit trail page: filters by person, table, dates and record; details; export; refusal."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.users import find_or_add_account_manager
from expo_desk.store import records
from expo_desk.ui.models.audit_table_model import AuditTableModel


def open_page(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Audit trail"))
    assert window.pages.currentWidget() is window.audit_page
    return window.audit_page


def column(page, name: str) -> list[str]:
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    c = headers.index(name)
    return [page.model.data(page.model.index(r, c)) for r in range(page.model.rowCount())]


def rows(page) -> list[dict]:
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


@pytest.fixture
def zhao_edit(window):
    """赵经理 (an account manager with an account) changes the phone of his first exhibitor."""
    ctx = window.context
    manager, _ = find_or_add_account_manager(ctx.db, ctx.actor, "赵经理")
    first = exhibitor_service.search_exhibitors(ctx.db, ctx.show["id"])[0]
    zhao = Actor(manager["id"], "赵经理", Role.ACCOUNT_MANAGER)
    changes = exhibitor_service.update_exhibitor(ctx.db, zhao, first["id"], {"phone": "0633-8888888"})
    ctx.announce(changes)
    return first


def test_the_page_lists_every_entry_newest_first(window, zhao_edit):
    page = open_page(window)
    assert not page.refused
    assert page.model.total == page.model.rowCount() >= 13  # show, manager, 5 exhibitors + 5 contacts, 1 edit
    assert page.count_label.text() == f"{page.model.total} entry(s), newest first"
    newest = rows(page)[0]
    assert (newest["user_name"], newest["action"], newest["record"]) == ("赵经理", "update", zhao_edit["company_name"])
    assert column(page, "Changes")[0] == "Phone: — → 0633-8888888"
    assert column(page, "Action")[0] == "changed" and column(page, "Table")[0] == "Exhibitors"
    # the first entry is selected and its values are shown in full
    assert page.detail_values.rowCount() == 1
    assert [page.detail_values.item(0, c).text() for c in range(3)] == ["Phone", "—", "0633-8888888"]
    assert "赵经理" in page.detail_title.text() and zhao_edit["id"] in page.detail_title.text()


def test_filter_by_person(window, zhao_edit):
    page = open_page(window)
    labels = [page.person_combo.itemText(i) for i in range(page.person_combo.count())]
    assert labels == ["Everyone", "tester", "赵经理"]
    assert page.set_person("赵经理")
    assert [e["user_name"] for e in rows(page)] == ["赵经理"]
    assert page.set_person("tester")
    assert page.model.rowCount() >= 12 and {e["user_name"] for e in rows(page)} == {"tester"}
    assert not page.set_person("nobody")


def test_filter_by_table(window, zhao_edit):
    page = open_page(window)
    tables = [page.table_combo.itemData(i) for i in range(page.table_combo.count())]
    assert tables[0] is None and set(tables[1:]) == {"contacts", "exhibitors", "shows", "users"}
    page.set_table("contacts")
    assert page.model.rowCount() == 5
    assert {e["table_name"] for e in rows(page)} == {"contacts"}
    assert all(" · " in e["record"] for e in rows(page))  # company · contact name


def test_filter_by_date(window, monkeypatch):
    ctx = window.context
    first = exhibitor_service.search_exhibitors(ctx.db, ctx.show["id"])[0]
    monkeypatch.setattr(records, "utc_now", lambda: "2025-01-15T06:00:00+00:00")
    ctx.announce(exhibitor_service.update_exhibitor(ctx.db, ctx.actor, first["id"], {"notes": "去年的备注"}))
    monkeypatch.undo()
    page = open_page(window)
    everything = page.model.total
    page.set_dates(QDate(2025, 1, 1), QDate(2025, 1, 31))
    assert [e["new"] for e in rows(page)] == [{"notes": "去年的备注"}]
    page.set_dates(QDate(2025, 1, 16), None)
    assert page.model.total == everything - 1
    page.set_dates(None, QDate(2025, 1, 15))  # the last day is included
    assert page.model.total == 1
    page.set_dates(None, QDate(2025, 1, 14))
    assert page.model.total == 0 and page.detail_values.rowCount() == 0
    page.clear_filters()
    assert page.model.total == everything


def test_filter_by_record_and_show_record_from_outside(window, zhao_edit, qtbot):
    page = open_page(window)
    page.show_record("exhibitors", zhao_edit["id"])
    assert page.record_edit.text() == zhao_edit["id"] and page.table_combo.currentData() == "exhibitors"
    assert [e["action"] for e in rows(page)] == ["update", "insert"]
    assert {e["row_id"] for e in rows(page)} == {zhao_edit["id"]}
    # typing a record id filters too (after a short pause)
    page.clear_filters()
    page.record_edit.setText(zhao_edit["id"])
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=2000)


def test_free_text_finds_values(window, zhao_edit, qtbot):
    page = open_page(window)
    page.text_edit.setText("0633-8888888")
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=2000)
    assert rows(page)[0]["user_name"] == "赵经理"


def test_new_changes_appear_while_the_page_is_open(window):
    page = open_page(window)
    before = page.model.total
    ctx = window.context
    first = exhibitor_service.search_exhibitors(ctx.db, ctx.show["id"])[0]
    ctx.announce(exhibitor_service.update_exhibitor(ctx.db, ctx.actor, first["id"], {"notes": "新备注"}))
    assert page.model.total == before + 1
    assert rows(page)[0]["new"] == {"notes": "新备注"}


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.CONSTRUCTION_EXECUTOR, Role.DESIGN_SUPERVISOR])
def test_others_see_a_notice_instead_of_the_table(window, role):
    window.context.actor = Actor("someone", "小李", role)
    page = open_page(window)
    assert page.refused
    assert page.stack.currentWidget() is page.notice
    assert "department managers and administrators" in page.notice.text()
    assert "小李" in page.notice.text() and "view the audit trail" in page.notice.text()
    assert page.model.rowCount() == 0


def test_signing_in_as_someone_else_rechecks_while_the_page_is_open(window):
    page = open_page(window)
    assert not page.refused
    window.context.set_actor(Actor("someone", "小李", Role.ACCOUNT_MANAGER))
    assert page.refused
    window.context.set_actor(Actor("boss", "周部长", Role.DEPARTMENT_MANAGER))
    assert not page.refused and page.model.rowCount() > 0


@pytest.mark.parametrize("role", [Role.DEPARTMENT_MANAGER, Role.ADMINISTRATOR])
def test_managers_and_administrators_see_the_table(window, role):
    window.context.actor = Actor("boss", "周部长", role)
    page = open_page(window)
    assert not page.refused and page.model.rowCount() > 0


def test_export_writes_the_filtered_entries(window, zhao_edit, tmp_path, monkeypatch):
    page = open_page(window)
    page.set_table("exhibitors")
    target = tmp_path / "trail"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    page.export_button.click()
    written = tmp_path / "trail.csv"
    with written.open(encoding="utf-8-sig", newline="") as handle:
        exported = list(csv.reader(handle))
    assert len(exported) == 1 + 6  # header, 5 added, 1 changed
    assert {r[5] for r in exported[1:]} == {"exhibitors"}
    assert "exported" in page.count_label.text()


def test_model_passes_qt_model_tester(qtmodeltester):
    def entry(n: int) -> dict:
        return {"id": f"a{n}", "at": "2026-03-01T02:00:00+00:00", "user_id": None, "user_name": "tester",
                "action": "update", "table_name": "exhibitors", "row_id": f"row-{n}", "record": f"公司{n}",
                "old": {"sector": ""}, "new": {"sector": "钢铁"}}

    model = AuditTableModel()
    model.set_rows([entry(n) for n in range(50)], 120, lambda offset: [entry(n) for n in range(offset, min(offset + 50, 120))])
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 120
    assert model.data(model.index(3, 5)) == "Sector: — → 钢铁"

"""The Exhibitors page driven as a user does: type, click, fill dialogs, import a file."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from expo_desk.store.db import open_database
from expo_desk.store.queries import scalar


def visible_names(page) -> list[str]:
    return [page.model.row_at(r)["company_name"] for r in range(page.model.rowCount())]


def test_the_window_lists_the_show_and_its_exhibitors(window, page):
    assert "Rizhao International Expo 2026" in window.windowTitle()  # the English name in an English window
    assert "RZ2026" in window.show_label.text()
    assert page.model.rowCount() == 5
    assert page.count_label.text() == "5 exhibitor(s)"
    assert page.detail.labels["company_name"].text() == visible_names(page)[0]


def test_every_area_has_a_working_page(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Exhibitors", "Pipeline", "Booths & floor plan", "Contracts", "Dashboard", "Spot checks",
                      "My tasks", "Build schedule", "Task board", "Crew load", "Post-show results", "Reports",
                      "Audit trail"]
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)  # every page opens on the small show without a warning or an error
        assert window.pages.currentIndex() == row and window.pages.currentWidget().isVisible()


def test_the_bundled_chinese_font_is_registered(window):
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()


def ime_commit(line_edit, text: str) -> None:
    """Chinese arrives from an input method as one committed string, not key by key."""
    line_edit.insert(text)


def test_search_as_you_type_narrows_the_table(qtbot, page):
    ime_commit(page.search_box, "渔业")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert visible_names(page) == ["黄海渔业有限公司"]
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "auto")
    qtbot.waitUntil(lambda: visible_names(page) == ["山东汽车配件有限公司"])
    page.search_box.clear()
    ime_commit(page.search_box, "李娜")  # a contact person
    qtbot.waitUntil(lambda: visible_names(page) == ["山东汽车配件有限公司"])
    qtbot.keyClicks(page.search_box, "xyz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert page.count_label.text() == "0 exhibitor(s)"
    assert not page.detail.isEnabled()


def test_clicking_a_header_sorts_in_both_directions(qtbot, page):
    english = 1
    page.table.horizontalHeader().setSortIndicator(english, Qt.SortOrder.AscendingOrder)
    first = [page.model.row_at(r)["company_name_en"] for r in range(5)]
    assert first == sorted(first, key=str.casefold)
    page.table.horizontalHeader().setSortIndicator(english, Qt.SortOrder.DescendingOrder)
    second = [page.model.row_at(r)["company_name_en"] for r in range(5)]
    assert second == list(reversed(first))


def _fill_and_save(values: dict):
    def fill(dialog):
        for key, text in values.items():
            if key == "sector":
                dialog.sector.setCurrentText(text)
            else:
                dialog.fields[key].setText(text)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    return fill


def test_add_an_exhibitor_through_the_dialog(qtbot, page, on_modal):
    on_modal(_fill_and_save({"company_name": "日照港集团有限公司", "company_name_en": "Rizhao Port Group",
                             "sector": "物流", "expected_value": "100,000", "contact_name": "孙丽",
                             "contact_phone": "13900000000"}))
    page.add_button.click()
    assert page.model.rowCount() == 6
    assert page.selected_exhibitor()["company_name"] == "日照港集团有限公司"
    assert page.detail.labels["expected_value"].text() == "¥100,000.00"
    assert page.detail.contacts_table.item(0, 0).text() == "孙丽"


def test_a_sector_picked_in_english_is_stored_under_its_chinese_name(qtbot, page, on_modal):
    def choose_logistics(dialog):
        dialog.fields["company_name"].setText("日照港集团有限公司")
        dialog.sector.setCurrentIndex(dialog.sector.findText("Logistics"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    on_modal(choose_logistics)
    page.add_button.click()
    record = page.selected_exhibitor()
    assert (record["company_name"], record["sector"]) == ("日照港集团有限公司", "物流")
    assert page.detail.labels["sector"].text() == "Logistics"


def test_a_bad_form_stays_open_names_the_problems_and_saves_nothing(qtbot, page, on_modal, show_file):
    seen = {}

    def fill_badly(dialog):
        dialog.fields["company_name"].setText("日照钢铁集团有限公司 ")  # already in the show
        dialog.fields["email"].setText("not-an-email")
        dialog.fields["expected_value"].setText("12.345")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["open"] = dialog.isVisible()
        seen["errors"] = dialog.errors.text()
        dialog.fields["expected_value"].setText("1")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen["errors_after"] = dialog.errors.text()
        dialog.reject()

    on_modal(fill_badly)
    page.add_button.click()
    assert seen["open"]
    assert "more than two decimals" in seen["errors"]
    assert "already has this company" in seen["errors_after"]
    assert "not an e-mail address" in seen["errors_after"]
    assert page.model.rowCount() == 5


def test_edit_changes_the_row_and_records_history(qtbot, page, on_modal):
    page.search_box.setText("黄海")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    on_modal(_fill_and_save({"company_name_en": "Yellow Sea Fisheries Group", "phone": "0633-1234567"}))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.selected_exhibitor()["company_name_en"] == "Yellow Sea Fisheries Group"
    history = page.detail.history_table
    assert history.rowCount() >= 2
    assert history.item(0, 2).text() == "Exhibitors · changed"
    assert "English name: Yellow Sea Fishery Co., Ltd. → Yellow Sea Fisheries Group" in history.item(0, 3).text()
    assert "Phone: — → 0633-1234567" in history.item(0, 3).text()


def test_history_names_the_account_manager_not_an_id(qtbot, page, on_modal):
    def pick_none(dialog):
        dialog.manager.setCurrentIndex(0)  # (none)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    on_modal(pick_none)
    page.edit_selected()
    assert page.detail.history_table.item(0, 3).text() == "Account manager: 赵经理 → —"


def test_delete_asks_first_and_removes_the_exhibitor(qtbot, page, monkeypatch, show_file):
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    doomed = page.selected_exhibitor()["company_name"]
    page.delete_button.click()
    assert page.model.rowCount() == 5  # "No" keeps it
    page.delete_button.click()
    assert page.model.rowCount() == 4
    assert doomed not in visible_names(page)
    db = open_database(show_file)
    try:
        assert scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'delete' AND table_name = 'exhibitors'") == 1
    finally:
        db.close()


def _write_xlsx(path, header, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_through_the_dialog_adds_rows(qtbot, page, on_modal, import_closer, tmp_path):
    source = tmp_path / "new.xlsx"
    _write_xlsx(source, ["公司名称", "英文名称", "行业", "联系人", "电话", "客户经理", "期望值"], [
        ["威海海洋食品有限公司", "Weihai Ocean Food Co., Ltd.", "食品", "周杰", "13700000001", "赵经理", "80000"],
        ["临沂建材有限公司", "Linyi Building Materials Co., Ltd.", "建材", "吴芳", "13700000002", "钱经理", ""],
        ["日照钢铁集团有限公司", "", "钢铁", "", "", "", ""],
    ])
    on_modal(import_closer)
    page.import_file(source)
    assert "2 exhibitor(s) imported" in import_closer.status
    assert "钱经理" in import_closer.status
    assert "日照钢铁集团有限公司" in import_closer.problems  # already there: listed, not doubled
    assert page.model.rowCount() == 7


def test_a_bad_import_lists_every_problem_and_changes_nothing(qtbot, page, on_modal, import_closer, tmp_path):
    source = tmp_path / "bad.xlsx"
    _write_xlsx(source, ["公司名称", "邮箱", "期望值"], [
        ["好公司有限公司", "ok@example.com", "1000"],
        ["", "x@example.com", ""],
        ["坏邮箱有限公司", "bad-email", "-5"],
    ])
    on_modal(import_closer)
    page.import_file(source)
    assert import_closer.status.startswith("Nothing was imported")
    lines = import_closer.problems.splitlines()
    assert any(line.startswith(f"{source}:3:公司名称:") for line in lines)
    assert any(line.startswith(f"{source}:4:邮箱:") for line in lines)
    assert any(line.startswith(f"{source}:4:期望值:") for line in lines)
    assert page.model.rowCount() == 5


def test_export_writes_what_the_table_holds(page, tmp_path):
    target = tmp_path / "out.xlsx"
    assert page.export_file(target) == 5
    sheet = openpyxl.load_workbook(target).active
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {page.model.row_at(r)["company_name"] for r in range(page.model.rowCount())}


def test_backup_menu_writes_a_verified_copy(window, tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    written = window.backup_to(folder)
    assert written is not None and written.exists()
    copy = open_database(written, create=False)
    try:
        assert scalar(copy, "SELECT count(*) FROM exhibitors") == 5
    finally:
        copy.close()


@pytest.mark.parametrize("content", [b"this is not a database", b"SQLite format 3\x00" + b"\x00" * 200])
def test_opening_a_bad_file_says_why_and_keeps_the_current_one(window, tmp_path, monkeypatch, content):
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: messages.append(text))
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    assert window.open_file(bad) is False
    assert messages and "bad.sqlite" in messages[0]
    assert window.context.db_path.name == "rz2026.sqlite"

"""Show ▸ Review conflicts: both copies' values, who and when, and the department manager's choice."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from expo_desk.domain.actors import Actor
from expo_desk.domain.enums import Role
from expo_desk.services import shows, sync, users
from expo_desk.store.queries import scalar
from expo_desk.ui import record_names
from expo_desk.ui.dialogs import conflicts_dialog
from expo_desk.ui.dialogs.conflicts_dialog import ConflictsDialog
from expo_desk.ui.i18n import TS_FILE, compile_ts
from expo_desk.ui.language import set_ui_language
from tests.gui.test_exchange_dialog import venue_with_a_conflict


@contextmanager
def chinese_catalogue(folder):
    """The project's Chinese catalogue installed for the ``with`` block."""
    qm_file = folder / "zh.qm"
    compile_ts(TS_FILE, qm_file)
    translator = QTranslator()
    assert translator.load(str(qm_file))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def received(window, tmp_path):
    """The office has received the venue's file: steel's phone waits for review. Returns
    (steel's id, the department manager)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    venue, steel, dm = venue_with_a_conflict(window, folder, tmp_path)
    sync.receive_changes(window.context.db, window.context.actor, folder)
    venue.close()
    return steel, dm


@pytest.fixture
def answers(monkeypatch):
    """The confirmation, answered Yes; ``answers`` keeps the questions asked."""
    asked = []

    def question(_parent, _title, text, *args):
        asked.append(text)
        return conflicts_dialog.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(conflicts_dialog.QMessageBox, "question", question)
    return asked


def opened(qtbot, window) -> ConflictsDialog:
    dialog = ConflictsDialog(window.context, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def cells(dialog, row: int = 0) -> list[str]:
    return [dialog.table.item(row, c).text() for c in range(dialog.table.columnCount())]


def test_a_conflict_shows_both_values_who_made_them_and_when(qtbot, window, received):
    dialog = opened(qtbot, window)
    assert dialog.table.rowCount() == 1
    record, field, kind, ours, theirs, _detail, _choice = cells(dialog)
    assert (record, field, kind) == ("Exhibitors: 日照钢铁集团有限公司", "Phone", "changed differently on both copies")
    assert ours.startswith("0633-1111111\n") and window.context.actor.name in ours
    assert theirs.startswith("0633-2222222\n") and "Venue laptop 1" in theirs
    assert " 20" in theirs  # when, as '26 Nov 2026 10:15'
    assert dialog.table.isColumnHidden(6)


def test_the_department_manager_takes_the_other_copys_value(qtbot, window, received, answers):
    steel, dm = received
    window.context.set_actor(dm)
    announced = []
    window.context.data_changed.connect(announced.append)
    dialog = opened(qtbot, window)
    assert dialog.keep_button.isEnabled() and dialog.take_button.isEnabled()
    dialog.take_button.click()
    assert "Take the other copy's value for Exhibitors: 日照钢铁集团有限公司 ▸ Phone?\n0633-2222222" in answers[0]
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert scalar(window.context.db, "SELECT phone FROM exhibitors WHERE id = ?", [steel]) == "0633-2222222"
    assert announced and announced[-1].touches("exhibitors")
    dialog.show_resolved.setChecked(True)
    assert dialog.table.rowCount() == 1 and not dialog.table.isColumnHidden(6)
    choice = cells(dialog)[6]
    assert choice.startswith("Took the other copy's\n赵部长 · ")
    assert not dialog.keep_button.isEnabled() and not dialog.take_button.isEnabled()


def test_keeping_this_copys_value_leaves_the_file_as_it_is(qtbot, window, received, answers):
    steel, dm = received
    window.context.set_actor(dm)
    dialog = opened(qtbot, window)
    dialog.keep_button.click()
    assert answers[0].startswith("Keep this copy's value for Exhibitors: 日照钢铁集团有限公司 ▸ Phone?\n0633-1111111")
    assert dialog.table.rowCount() == 0
    assert scalar(window.context.db, "SELECT phone FROM exhibitors WHERE id = ?", [steel]) == "0633-1111111"


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.ACCOUNT_MANAGER])
def test_only_the_department_manager_decides(qtbot, window, received, role):
    if role != Role.ADMINISTRATOR:
        uid = users.create_user(window.context.db, window.context.actor, "am1", "王经理", role).inserted["users"][0]
        window.context.set_actor(Actor(uid, "王经理", role))
    dialog = opened(qtbot, window)
    assert dialog.table.rowCount() == 1
    assert not dialog.keep_button.isEnabled() and not dialog.take_button.isEnabled()
    assert "Only the department manager decides conflicts" in dialog.findChild(type(dialog.empty), "notice").text()


def test_a_refused_change_can_only_be_kept_out(qtbot, window, tmp_path, answers):
    """An account manager's change of the show itself, made on a laptop where they act with
    more rights than the office gives them, is listed as refused."""
    db, admin = window.context.db, window.context.actor
    am = users.create_user(db, admin, "am1", "王经理", Role.ACCOUNT_MANAGER).inserted["users"][0]
    folder = tmp_path / "stick"
    folder.mkdir()
    venue, _steel, dm = venue_with_a_conflict(window, folder, tmp_path)
    shows.update_show(venue, Actor(am, "王经理", Role.ADMINISTRATOR), window.context.show["id"], {"venue": "别处"})
    sync.send_changes(venue, admin, folder)
    venue.close()
    report = sync.receive_changes(db, admin, folder)
    assert report.refused_changes >= 1
    window.context.set_actor(dm)
    dialog = opened(qtbot, window)
    refused = [r for r in range(dialog.table.rowCount()) if cells(dialog, r)[2] == "the sender may not make this change"]
    [show_row] = [r for r in refused if cells(dialog, r)[0].startswith("Shows: ")]
    assert cells(dialog, show_row)[3].startswith("(as it is here)")
    assert cells(dialog, show_row)[4].startswith("Venue: 别处\n")
    dialog.table.selectRow(show_row)
    assert dialog.keep_button.isEnabled() and not dialog.take_button.isEnabled()
    assert dialog.kind_notice.isVisible()
    before = dialog.table.rowCount()
    dialog.keep_button.click()
    assert dialog.table.rowCount() == before - 1
    assert not any(cells(dialog, r)[0].startswith("Shows: ") for r in range(dialog.table.rowCount()))


def test_values_read_as_money_dates_people_and_short_rows(qtbot, window, received, tmp_path):
    _steel, dm = received
    dialog = opened(qtbot, window)
    dialog._users[dm.user_id] = dm.name

    def conflict(column, ours, theirs=None, kind="value", table="contracts"):
        return {"kind": kind, "table_name": table, "column_name": column, "ours_value": ours, "theirs_value": theirs}

    assert dialog.value_text(conflict("total_fen", 1234500), "ours") == "¥12,345.00"
    assert dialog.value_text(conflict("signed_on", "2026-09-18"), "ours") == "18 Sep 2026"
    assert dialog.value_text(conflict("account_manager_id", dm.user_id), "ours") == "赵部长"
    assert dialog.value_text(conflict("notes", ""), "ours") == "(empty)"
    line = {"id": "x", "description": "A-001 光地 36 m²（标准）/ raw space", "amount_fen": 2160000, "booth_id": "b"}
    assert dialog.value_text(conflict("", line, kind="duplicate", table="contract_lines"), "ours") == (
        "A-001 光地 36 m²（标准）/ raw space · ¥21,600.00")
    assert dialog.value_text(conflict("", None, line, kind="missing"), "ours") == "(deleted)"
    set_ui_language("zh")
    try:
        assert dialog.value_text(conflict("signed_on", "2026-09-18"), "ours") == "2026年9月18日"
    finally:
        set_ui_language("en")
    with chinese_catalogue(tmp_path):
        assert record_names.field_label("phone", "exhibitors") == "电话"
        assert record_names.table_label("contract_lines") == "合同明细"
        assert record_names.field_label("number", "booths") == "展位号"
    assert record_names.table_label("sync_state") == "sync_state"  # a table not named: its stored name

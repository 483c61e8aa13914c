"""The exhibitors table model: a well-behaved Qt model that pages in rows on demand."""

from __future__ import annotations

from PySide6.QtCore import Qt

from expo_desk.ui.models.exhibitor_table_model import ExhibitorTableModel


def _rows(start: int, count: int) -> list[dict]:
    return [{"id": f"id-{n}", "company_name": f"公司{n:04d}", "company_name_en": f"Company {n}", "sector": "钢铁",
             "primary_contact": "王伟", "phone": "", "account_manager": None, "booths": None,
             "expected_value_fen": n * 100} for n in range(start, start + count)]


def test_model_passes_qt_model_tester(qtmodeltester):
    model = ExhibitorTableModel()
    model.set_rows(_rows(0, 50), 120, lambda offset: _rows(offset, min(50, 120 - offset)))
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_page_by_page_until_the_total(qtbot):
    model = ExhibitorTableModel()
    asked = []

    def more(offset):
        asked.append(offset)
        return _rows(offset, min(50, 120 - offset))

    model.set_rows(_rows(0, 50), 120, more)
    while model.canFetchMore():
        model.fetchMore()
    assert asked == [50, 100]
    assert model.rowCount() == 120
    assert model.data(model.index(119, 0)) == "公司0119"
    assert model.data(model.index(3, 7)) == "¥3.00"
    assert model.data(model.index(3, 7), Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)


def test_header_click_asks_the_owner_to_sort_in_sql(qtbot):
    model = ExhibitorTableModel()
    with qtbot.waitSignal(model.sort_requested) as signal:
        model.sort(2, Qt.SortOrder.DescendingOrder)
    assert signal.args == ["sector", True]

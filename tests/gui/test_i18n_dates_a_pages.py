"""Dates on the sales pages read as '18 Sep 2026' in the English window and '2026年9月18日' in
the Chinese one — never as ISO text."""

from __future__ import annotations

import datetime as dt

import pytest
from test_contracts_page import TODAY, new_contract, ready_to_sell

from expo_desk.services import booths, leads, payments, spot_checks
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.contract_signing import sign_contract
from expo_desk.services.contract_view import contract_detail
from expo_desk.services.contracts import create_contract
from expo_desk.store import records
from expo_desk.ui.dialogs.payment_dialog import CancelDialog
from expo_desk.ui.formats import date_text, datetime_text
from expo_desk.ui.language import set_ui_language
from expo_desk.ui.pages.contracts_page import ContractsPage
from expo_desk.ui.pages.dashboard_page import DashboardPage
from expo_desk.ui.pages.pipeline_page import PipelinePage
from expo_desk.ui.pages.spot_checks_page import SpotChecksPage
from expo_desk.ui.widgets.exceptions_view import ExceptionsView

SIGNED = "2026-09-18"


@pytest.fixture
def sales(window):
    return ready_to_sell(window)


@pytest.fixture
def chinese():
    """The window's language switched to Chinese for a moment; English again afterwards."""
    yield lambda: set_ui_language("zh")
    set_ui_language("en")


def opened(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def signed_and_paid(window, sales) -> str:
    ctx = window.context
    cid = create_contract(ctx.db, ctx.actor, ctx.show["id"], sales["steel"], [sales["booths"]["A-001"]],
                          today=SIGNED).inserted["contracts"][0]
    ctx.announce(sign_contract(ctx.db, ctx.actor, cid, SIGNED))
    ctx.announce(payments.record_payment(ctx.db, ctx.actor, cid, 100_000, paid_on=SIGNED))
    return cid


def test_the_contract_pane_writes_its_dates_in_the_window_language(qtbot, window, sales, chinese):
    cid = signed_and_paid(window, sales)
    page = opened(qtbot, ContractsPage(window.context))
    page.open_contract(cid)
    detail = page.detail
    assert detail.facts["signed_on"].text() == "18 Sep 2026"
    assert detail.schedule_table.item(0, 1).text() == "2 Oct 2026"  # the deposit, 14 days after signing
    assert detail.payments_table.item(0, 0).text() == "18 Sep 2026"
    chinese()
    page.detail.show_detail(page.selected_detail())
    assert detail.facts["signed_on"].text() == "2026年9月18日"
    assert detail.payments_table.item(0, 0).text() == "2026年9月18日"


def test_receivables_show_the_next_due_date_as_a_date(qtbot, window, sales):
    signed_and_paid(window, sales)
    page = opened(qtbot, ContractsPage(window.context))
    view = page.receivables
    page.tabs.setCurrentWidget(view)
    keys = [key for key, _header in view.model.COLUMNS]
    shown = view.model.data(view.model.index(0, keys.index("next_due_on")))
    assert shown == "2 Oct 2026"


def test_the_exhibitor_pane_lists_when_each_contract_was_signed(qtbot, window, sales, chinese):
    signed_and_paid(window, sales)
    pane = window.exhibitors_page.detail
    pane.show_detail(exhibitor_service.exhibitor_detail(window.context.db, sales["steel"]))
    assert pane.contracts_table.item(0, 5).text() == "18 Sep 2026"
    history = pane.history_table.item(0, 0).text()
    assert history and "T" not in history and history[-6:-5] == " "  # '18 Sep 2026 16:05'
    chinese()
    pane.show_detail(exhibitor_service.exhibitor_detail(window.context.db, sales["steel"]))
    assert pane.contracts_table.item(0, 5).text() == "2026年9月18日"


def test_the_pipeline_writes_follow_up_dates_in_the_window_language(qtbot, window):
    ctx = window.context
    leads.create_lead(ctx.db, ctx.actor, ctx.show["id"], {
        "prospect_name": "日照港集团", "next_follow_up": TODAY.isoformat(), "visit_at": "2026-09-18T10:30"})
    page = opened(qtbot, PipelinePage(ctx))
    keys = [key for key, _header in page.model.COLUMNS]
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r)["company_name"] == "日照港集团")
    assert page.model.index(row, keys.index("next_follow_up")).data() == date_text(TODAY, "en")
    assert page.model.index(row, keys.index("visit_at")).data() == "18 Sep 2026 10:30"
    today_group = next(page.today_tree.topLevelItem(i) for i in range(page.today_tree.topLevelItemCount())
                       if page.today_tree.topLevelItem(i).text(0).startswith("Today"))
    assert today_group.child(0).text(0) == date_text(TODAY, "en")


def test_the_dashboard_says_as_of_which_day(qtbot, window, chinese):
    page = opened(qtbot, DashboardPage(window.context))
    page.refresh()
    assert page.as_of.text() == f"As of {date_text(TODAY, 'en')}"
    chinese()
    page.refresh()
    assert date_text(TODAY, "zh") in page.as_of.text()


def test_spot_checks_show_when_they_were_drawn_at_local_time(qtbot, window, sales):
    ctx = window.context
    cid = new_contract(window, sales)
    ctx.announce(sign_contract(ctx.db, ctx.actor, cid, SIGNED))
    ctx.announce(spot_checks.draw_spot_check(ctx.db, sales["dm"], ctx.show["id"], "contracts", 1, 7))
    page = opened(qtbot, SpotChecksPage(ctx))
    page.refresh()
    drawn_at = spot_checks.spot_checks(ctx.db, ctx.show["id"])[0]["drawn_at"]
    assert page.check_table.item(0, 0).text() == datetime_text(drawn_at, "en")
    assert "T" not in page.check_table.item(0, 0).text()


def test_reservations_ending_soon_say_until_when(qtbot, window, sales):
    ctx = window.context
    until = TODAY + dt.timedelta(days=3)
    booths.reserve_booth(ctx.db, ctx.actor, sales["booths"]["A-003"], "潍坊新客户", until)
    view = opened(qtbot, ExceptionsView())
    view.refresh(ctx.db, ctx.show["id"])
    assert view.expiring.item(0, 3).text() == date_text(until, "en")


def test_a_reserved_booth_says_until_when_on_the_plan(window, sales):
    ctx = window.context
    booths.reserve_booth(ctx.db, ctx.actor, sales["booths"]["A-003"], "潍坊新客户", "2099-01-31")
    plan = window.floor_plan_page
    plan.refresh()
    item = plan.scene.items_by_id[sales["booths"]["A-003"]]
    assert "潍坊新客户 → 31 Jan 2099" in item.tooltip_text()


def test_a_drawn_payment_is_written_in_the_window_language(qtbot, window, sales, chinese):
    ctx = window.context
    signed_and_paid(window, sales)
    ctx.announce(spot_checks.draw_spot_check(ctx.db, sales["dm"], ctx.show["id"], "payments", 1, 7))
    page = opened(qtbot, SpotChecksPage(ctx))
    page.refresh()
    assert page.item_table.item(0, 1).text() == "18 Sep 2026 ¥1,000.00 · RZ2026-0001 日照钢铁集团有限公司"
    chinese()
    page.refresh()
    assert page.item_table.item(0, 1).text().startswith("2026年9月18日 1,000.00 元 · RZ2026-0001")


def test_cancelling_after_the_opening_says_how_long_after(qtbot, window, sales):
    ctx = window.context
    records.update(ctx.db, ctx.actor, "shows", ctx.show["id"],
                   {"start_date": (TODAY - dt.timedelta(days=3)).isoformat()})
    cid = new_contract(window, sales)
    ctx.announce(sign_contract(ctx.db, ctx.actor, cid, TODAY - dt.timedelta(days=10)))
    dialog = CancelDialog(ctx, contract_detail(ctx.db, cid))
    qtbot.addWidget(dialog)
    assert "(3 day(s) after the opening)" in dialog.quote.text() and "%n" not in dialog.quote.text()

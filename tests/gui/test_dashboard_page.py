"""The dashboard page: tiles and tables from the services' figures, refreshed when data changes."""

from __future__ import annotations

import pytest

from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import SECTORS
from expo_desk.domain.money import format_fen
from expo_desk.services import booths, exhibitors, payments, pricing
from expo_desk.services import contracts as contract_service
from expo_desk.services.contract_signing import sign_contract
from expo_desk.store import records
from expo_desk.store.queries import rows
from expo_desk.ui.pages.dashboard_page import DashboardPage


@pytest.fixture
def sold(window):
    """Two halls of shell booths; the first two exhibitors each sign for one booth in hall A."""
    ctx = window.context
    show_id = ctx.show["id"]
    pricing.add_default_rules(ctx.db, ctx.actor, show_id)
    records.update(ctx.db, ctx.actor, "shows", show_id, {"revenue_target_fen": 5_000_000})
    for code, count in (("A", 4), ("B", 2)):
        hall = booths.create_hall(ctx.db, ctx.actor, show_id, code, f"{code}馆", 3000, 1000).inserted["halls"][0]
        booths.add_booths(ctx.db, ctx.actor, show_id, hall,
                          [BoothDraft(f"{code}-{k}", 600 * k, 0, 300, 300) for k in range(count)])
    firms = exhibitors.search_exhibitors(ctx.db, show_id)
    signed = []
    for firm, number in zip(firms, ("A-0", "A-1")):
        booth = rows(ctx.db, "SELECT id FROM booths WHERE number = ?", [number])[0]["id"]
        cid = contract_service.create_contract(ctx.db, ctx.actor, show_id, firm["id"], [booth],
                                               today="2026-03-01").inserted["contracts"][0]
        sign_contract(ctx.db, ctx.actor, cid, signed_on="2026-03-01")
        signed.append(cid)
    return signed


def open_page(qtbot, window):
    page = DashboardPage(window.context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_tiles_show_the_shows_figures(qtbot, window, sold):
    page = open_page(qtbot, window)
    db = window.context.db
    totals = [r["total_fen"] for r in rows(db, "SELECT total_fen FROM contracts")]
    revenue = sum(totals)
    assert page.tiles["sold"].value.text() == "18 m²"  # two 3 m × 3 m booths
    assert page.tiles["occupancy"].value.text() == f"{100 * 18 / 54:.1f} %"  # of six booths
    assert page.tiles["revenue"].value.text() == format_fen(revenue)
    assert page.tiles["revenue"].bar.text() == f"{100 * revenue / 5_000_000:.1f} %"
    assert "target ¥50,000.00" in page.tiles["revenue"].detail.text()
    assert page.tiles["received"].value.text() == "¥0.00"
    assert page.tiles["received"].detail.text().startswith(f"of {format_fen(revenue)} due")
    [manager] = page.row_texts(page.by_manager)
    assert manager[:3] == ["赵经理", "2", format_fen(revenue)] and manager[-1] == "0.0 %"
    halls = page.row_texts(page.by_hall)
    assert [h[0] for h in halls] == ["A A馆", "B B馆"]
    assert halls[0][2] == "18 m²" and halls[0][-1] == "50.0 %" and halls[1][-1] == "0.0 %"
    assert halls[0][5] == halls[0][6] == format_fen(revenue) and halls[1][5] == halls[1][6] == "¥0.00"
    sectors = {row[0] for row in page.row_texts(page.by_sector)}
    signed_sectors = rows(db, "SELECT e.sector FROM contracts k JOIN exhibitors e ON e.id = k.exhibitor_id")
    assert sectors == {SECTORS[r["sector"]] for r in signed_sectors} and len(sectors) == 2


def test_the_page_refreshes_when_a_payment_is_recorded(qtbot, window, sold):
    page = open_page(qtbot, window)
    ctx = window.context
    changes = payments.record_payment(ctx.db, ctx.actor, sold[0], 300_000, paid_on="2026-03-05")
    ctx.announce(changes)
    qtbot.waitUntil(lambda: page.tiles["received"].value.text() == "¥3,000.00", timeout=3000)
    assert page.row_texts(page.by_manager)[0][5] == "¥3,000.00"


def test_a_hidden_page_catches_up_when_shown(qtbot, window, sold):
    page = open_page(qtbot, window)
    page.hide()
    ctx = window.context
    ctx.announce(payments.record_payment(ctx.db, ctx.actor, sold[1], 100_000, paid_on="2026-03-05"))
    qtbot.wait(400)
    assert page.tiles["received"].value.text() == "¥0.00"  # not worked out while hidden
    page.show()
    assert page.tiles["received"].value.text() == "¥1,000.00"

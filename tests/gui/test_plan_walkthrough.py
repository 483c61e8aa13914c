"""The issue's own walk-through: lay out a hall of 300 booths, price them, reserve and sell
some and print the plan — from the floor-plan page, never through a table."""

from __future__ import annotations

from datetime import date, timedelta

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from expo_desk.app import create_window
from expo_desk.paths import AppPaths
from expo_desk.services import booths as booth_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services import pricing as pricing_service
from expo_desk.services.shows import new_show_file


def when_modal(callback):
    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
        else:
            callback(dialog)
    QTimer.singleShot(0, poll)


def test_a_hall_of_300_booths_laid_out_priced_reserved_and_printed(qtbot, data_dir, actor, tmp_path, monkeypatch):
    path = data_dir / "qd2027.sqlite"
    opening = date.today() + timedelta(days=60)  # the default early-bird window closed 60 days ago
    db, show = new_show_file(path, actor, "QD2027", "2027青岛海洋博览会", start_date=opening.isoformat(),
                             end_date=(opening + timedelta(days=2)).isoformat())
    pricing_service.add_default_rules(db, actor, show["id"])
    buyer = exhibitor_service.create_exhibitor(db, actor, show["id"], {
        "company_name": "青岛港集团", "company_name_en": "Qingdao Port Group"}).inserted["exhibitors"][0]
    db.close()
    window = create_window(AppPaths(data_dir), path)
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.floor_plan_page)
    page = window.floor_plan_page
    try:
        def hall(dialog):
            dialog.code.setText("C1")
            dialog.name.setText("C1馆")
            dialog.width.setValue(120.0)
            dialog.depth.setValue(60.0)
            dialog.accept()

        when_modal(hall)
        assert page.new_hall()

        def block(dialog):
            dialog.rows.setValue(10)
            dialog.columns.setValue(30)
            dialog.pattern.setText("C1-{n:03d}")
            dialog.x_m.setValue(5.0)
            dialog.y_m.setValue(3.0)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        when_modal(block)
        page.generate_block()
        assert len(page.scene.items_by_id) == 300

        corner = next(i for i in page.scene.items_by_id.values() if i.record["number"] == "C1-001")
        inline = next(i for i in page.scene.items_by_id.values() if i.record["number"] == "C1-015")
        corner_price, inline_price = page.price_text(corner.booth_id), page.price_text(inline.booth_id)
        assert inline_price == "Price: ¥9,800.00"
        assert corner_price.startswith("Price: ¥10,780.00")  # a corner booth: +10%

        wanted = [i.booth_id for i in page.scene.items_by_id.values() if i.record["number"] in {"C1-101", "C1-102"}]
        assert page.reserve_booths(wanted, "青岛海洋渔业", (opening - timedelta(days=7)).isoformat())
        statuses = {b["number"]: b["status"] for b in booth_service.hall_booths(window.context.db,
                                                                                 page.scene.hall["id"])}
        assert statuses["C1-101"] == statuses["C1-102"] == "reserved"

        sold_at = date.today().isoformat()

        def sell(dialog):
            dialog.search.setText("青岛港")
            assert dialog.exhibitors.count() == 1  # found as you type, and chosen
            dialog.sign_now.setChecked(True)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        page.scene.clearSelection()
        page.scene.items_by_id[corner.booth_id].setSelected(True)
        when_modal(sell)
        assert page.sell_selected()
        db = window.context.db
        sold = db.execute("SELECT b.status, k.status, k.total_fen, k.signed_on FROM booths b"
                          " JOIN contract_lines l ON l.booth_id = b.id AND l.holds_booth = 1"
                          " JOIN contracts k ON k.id = l.contract_id WHERE b.number = 'C1-001'").fetchone()
        assert sold == ("sold", "signed", 1_078_000, sold_at)  # the hover price, frozen on the contract
        assert page.scene.items_by_id[corner.booth_id].record["status"] == "sold"
        assert db.execute("SELECT exhibitor_id FROM contracts").fetchone()[0] == buyer

        target = tmp_path / "c1.pdf"
        assert page.write_plan_pdf(target)
        text = PdfReader(target).pages[0].extract_text()
        assert "C1-001" in text and "C1-300" in text and "Reserved" in text and "青岛港集团" in text
    finally:
        window.context.close()

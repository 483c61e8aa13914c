"""The Reports page on a small show with signed contracts: a batch run through the progress
dialog lists the files written and the exhibitor that failed; chosen exhibitors only; the
merged file; Open and Print…; the dialog's Cancel."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from expo_desk.services import contracts as contract_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.batch import BatchResult
from expo_desk.services.contract_signing import sign_contract
from expo_desk.ui.dialogs.batch_dialog import BatchDialog
from expo_desk.ui.pages import reports_page
from expo_desk.ui.pages.reports_page import ReportsPage


@pytest.fixture
def show_file(db, db_path, actor, sales):
    """The window's file: steel on A-001 and fish on A-002 signed; a port group holding A-003
    on a draft (its pack fails: not signed yet)."""
    show_id = sales["show"]["id"]
    port = exhibitor_service.create_exhibitor(db, actor, show_id, {"company_name": "日照港集团"}).inserted["exhibitors"][0]
    for exhibitor, booth, sign in ((sales["steel"], "A-001", True), (sales["fish"], "A-002", True),
                                   (port, "A-003", False)):
        cid = contract_service.create_contract(db, actor, show_id, exhibitor, [sales["booths"][booth]],
                                               today="2026-06-01").inserted["contracts"][0]
        if sign:
            sign_contract(db, actor, cid, signed_on="2026-06-01")
    return db_path


@pytest.fixture
def page(qtbot, window, tmp_path):
    widget = ReportsPage(window.context)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.folder.setText(str(tmp_path / "reports"))
    return widget


@pytest.fixture
def closer(qtbot):
    """For ``on_modal``: waits until the batch dialog is done, keeps its text and closes it."""

    def close(dialog):
        assert isinstance(dialog, BatchDialog)
        qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
        close.status = dialog.status.text()
        dialog.accept()

    return close


def listed(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_all_packs_through_the_progress_dialog(page, on_modal, closer, tmp_path):
    page.merged.setChecked(True)
    on_modal(closer)
    result = page.run()
    assert on_modal.calls and "2 file(s) written" in closer.status and "1 could not be made" in closer.status
    folder = tmp_path / "reports"
    assert [row[0] for row in listed(page.files)] == [
        "A-001 日照钢铁集团有限公司-pack.pdf", "A-002 黄海渔业有限公司-pack.pdf", "RZ2026-pack-all.pdf"]
    assert all(row[1] == str(folder) for row in listed(page.files))
    [(who, reason)] = listed(page.failures)
    assert who == "A-003 日照港集团" and "not signed yet" in reason
    merged = PdfReader(folder / "RZ2026-pack-all.pdf")
    assert len(merged.pages) == sum(len(PdfReader(p).pages) for p in result.written)
    assert "2 file(s) written" in page.summary.text()


def test_only_the_chosen_exhibitors_in_english(page, on_modal, closer, tmp_path):
    page.kind.setCurrentIndex(page.kind.findData("post-show"))
    page.language.setCurrentIndex(page.language.findData("en"))
    page.search.setText("渔业")
    page.refresh_matches()
    assert page.matches.count() == 1
    fish = page.matches.item(0)
    page.choose([fish.data(Qt.ItemDataRole.UserRole)])
    assert page.some_exhibitors.isChecked() and page.chosen_label.text() == "1 chosen"
    page.search.setText("")
    page.refresh_matches()
    ticked = [page.matches.item(r).text() for r in range(page.matches.count())
              if page.matches.item(r).checkState() == Qt.CheckState.Checked]
    assert page.matches.count() == 3 and ticked == ["A-002 黄海渔业有限公司"]  # the tick stays when the search changes
    on_modal(closer)
    page.run()
    assert [row[0] for row in listed(page.files)] == ["A-002 黄海渔业有限公司-post-show.pdf"]
    assert listed(page.failures) == []


def test_nothing_chosen_is_said_before_anything_runs(page, on_modal):
    page.some_exhibitors.setChecked(True)
    page.folder.setText("")
    assert page.run() is None and not on_modal.calls
    assert "Folder" in page.errors.text() and "tick at least one" in page.errors.text()


def test_the_show_summary_is_one_file(page, on_modal, closer, tmp_path):
    page.kind.setCurrentIndex(page.kind.findData("summary"))
    assert not page.exhibitor_box.isEnabled() and not page.merged.isEnabled()
    on_modal(closer)
    page.run()
    assert listed(page.files) == [["RZ2026-summary.pdf", str(tmp_path / "reports")]]


def test_open_and_print_the_chosen_files(page, on_modal, closer, monkeypatch):
    on_modal(closer)
    page.run()
    opened, sent = [], []
    monkeypatch.setattr(reports_page.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    page.files.clearSelection()
    page.files.selectRow(1)
    assert page.open_button.isEnabled()
    page.open_selected()
    assert [Path(p).name for p in opened] == ["A-002 黄海渔业有限公司-pack.pdf"]
    page.files.selectAll()
    assert not page.open_button.isEnabled() and page.print_button.isEnabled()
    monkeypatch.setattr(reports_page.QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(reports_page, "send_to_printer", lambda paths, printer, copies: sent.append((paths, copies)))
    assert page.print_selected()
    [(paths, copies)] = sent
    assert [p.name for p in paths] == [row[0] for row in listed(page.files)] and copies == 1
    assert "2 file(s) sent" in page.summary.text()


def test_lp_gets_the_files_and_the_printer(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(reports_page.sys, "platform", "linux")
    monkeypatch.setattr(reports_page.shutil, "which", lambda _name: "/usr/bin/lp")
    monkeypatch.setattr(reports_page.subprocess, "run", lambda command, **_kw: calls.append(command) or
                        type("Done", (), {"returncode": 0, "stdout": "request id is Office-1", "stderr": ""})())
    reports_page.send_to_printer([tmp_path / "a.pdf"], "Office", 2)
    assert calls == [["/usr/bin/lp", "-d", "Office", "-n", "2", str(tmp_path / "a.pdf")]]
    monkeypatch.setattr(reports_page.shutil, "which", lambda _name: None)
    with pytest.raises(reports_page.UserError, match="no print command"):
        reports_page.send_to_printer([tmp_path / "a.pdf"])


def test_cancel_in_the_dialog_stops_the_work(qtbot):
    started = threading.Event()

    def work(progress, should_cancel):
        written = []
        for done in range(1, 1000):
            started.set()
            if should_cancel():
                return BatchResult(written=written, cancelled=True, seconds=0.1)
            written.append(Path(f"{done}.pdf"))
            progress(done, 999)
            time.sleep(0.01)
        return BatchResult(written=written)

    dialog = BatchDialog("Packs", work)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    assert started.wait(5)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.result_data.cancelled and len(dialog.result_data.written) < 999
    assert "Cancelled" in dialog.status.text()

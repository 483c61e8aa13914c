"""Every font a document names is embedded in it: a PDF printed at a copy shop or opened on
a PC without Chinese fonts shows the same text."""

from __future__ import annotations

from pypdf import PdfReader

from expo_desk.reports.contract_docs import render_contract_documents
from expo_desk.reports.plan import render_plan
from expo_desk.reports.schedule_report import render_schedule_report
from expo_desk.services.contract_documents import contract_documents
from expo_desk.services.contract_signing import sell_booths
from expo_desk.services.plan_report import plan_report_data
from expo_desk.services.schedule_report_data import schedule_report_data


def unembedded_fonts(path) -> set[str]:
    missing = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.add(str(font["/BaseFont"]))
    return missing


def test_the_contract_documents_schedule_report_and_plan_embed_every_font(db, sales, tmp_path):
    contract = sell_booths(db, sales["am1"], sales["show"]["id"], sales["steel"], [sales["booths"]["A-001"]],
                           signed_on="2026-06-01", today="2026-06-01").inserted["contracts"][0]
    documents, schedule, plan = tmp_path / "contract.pdf", tmp_path / "schedule.pdf", tmp_path / "plan.pdf"
    render_contract_documents(contract_documents(db, contract, "both", today="2026-06-02"), documents)
    render_schedule_report(schedule_report_data(db, sales["show"]["id"], "2026-06-02", "both"), schedule)
    render_plan(plan_report_data(db, sales["show"]["id"]), plan)
    for path in (documents, schedule, plan):
        assert unembedded_fonts(path) == set(), path.name

"""Batches of report PDFs on a real file: one file per exhibitor named booth first, a failing
exhibitor recorded while the others are written, Cancel, the merged file, safe file names."""

from __future__ import annotations

import os
import stat

import pytest
from pypdf import PdfReader

from expo_desk.domain.booths import BoothDraft
from expo_desk.errors import UserError
from expo_desk.services import batch
from expo_desk.services import booths as booth_service
from expo_desk.services import contracts as contract_service
from expo_desk.services import exhibitors as exhibitor_service
from expo_desk.services.contract_signing import sign_contract


def signed_contract(db, who, show_id, exhibitor_id, booth_ids) -> str:
    cid = contract_service.create_contract(db, who, show_id, exhibitor_id, booth_ids,
                                           today="2026-06-01").inserted["contracts"][0]
    sign_contract(db, who, cid, signed_on="2026-06-01")
    return cid


def new_exhibitor(db, actor, show_id, name, name_en="") -> str:
    return exhibitor_service.create_exhibitor(db, actor, show_id, {"company_name": name, "company_name_en": name_en}
                                              ).inserted["exhibitors"][0]


@pytest.fixture
def three(db, actor, sales):
    """Steel on A-001 and an auto-parts maker on A-002, both signed; fish with no contract."""
    show_id = sales["show"]["id"]
    auto = new_exhibitor(db, actor, show_id, "山东汽车配件有限公司", "Shandong Auto Parts")
    signed_contract(db, sales["am1"], show_id, sales["steel"], [sales["booths"]["A-001"]])
    signed_contract(db, actor, show_id, auto, [sales["booths"]["A-002"]])
    return {"show": show_id, "ids": [sales["steel"], sales["fish"], auto], "auto": auto}


@pytest.fixture
def many(db, actor, sales):
    """Ten exhibitors, each with a signed contract for a booth of its own (B-01 … B-10)."""
    show_id = sales["show"]["id"]
    booth_service.add_booths(db, actor, show_id, sales["hall"],
                             [BoothDraft(f"B-{k:02d}", 300 * (k - 1), 500, 300, 300) for k in range(1, 11)])
    booths = {b["number"]: b["id"] for b in booth_service.hall_booths(db, sales["hall"])}
    ids = []
    for k in range(1, 11):
        exhibitor = new_exhibitor(db, actor, show_id, f"展商{k:02d}有限公司", f"Exhibitor {k:02d}")
        signed_contract(db, actor, show_id, exhibitor, [booths[f"B-{k:02d}"]])
        ids.append(exhibitor)
    return {"show": show_id, "ids": ids}


def pages_of(path) -> int:
    return len(PdfReader(path).pages)


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def leftovers(folder) -> list:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".part"]


def test_a_batch_of_three_with_one_failing_writes_two_and_reports_the_third(db_path, three, tmp_path):
    out = tmp_path / "packs"
    seen = []
    result = batch.run_batch(db_path, three["show"], "pack", three["ids"], out, workers=2,
                             progress=lambda done, total: seen.append((done, total)))
    assert [p.name for p in result.written] == ["A-001 日照钢铁集团有限公司-pack.pdf", "A-002 山东汽车配件有限公司-pack.pdf"]
    assert all(p.is_file() and p.parent == out for p in result.written)
    assert "日照钢铁集团有限公司" in text_of(result.written[0])
    assert len(result.failures) == 1
    who, reason = result.failures[0]
    assert who == "黄海渔业有限公司" and "there is no contract" in reason and "尚无合同" in reason
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert not result.cancelled and result.merged is None and result.seconds > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_files_can_be_read_by_others_as_usual(db_path, three, tmp_path):
    umask = os.umask(0o022)
    try:
        result = batch.run_batch(db_path, three["show"], "pack", [three["auto"]], tmp_path, workers=1,
                                 merged=tmp_path / "all.pdf")
    finally:
        os.umask(umask)
    for path in [*result.written, result.merged]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # not owner-only: packs are shared and printed


def test_the_same_batch_in_one_process_gives_the_same_files(db_path, three, tmp_path):
    result = batch.run_batch(db_path, three["show"], "pack", three["ids"], tmp_path, workers=1, language="en")
    assert [p.name for p in result.written] == ["A-001 日照钢铁集团有限公司-pack.pdf", "A-002 山东汽车配件有限公司-pack.pdf"]
    assert [who for who, _ in result.failures] == ["黄海渔业有限公司"]


def test_cancel_after_the_first_keeps_that_file_and_stops(db_path, many, tmp_path):
    done = []
    result = batch.run_batch(db_path, many["show"], "pack", many["ids"], tmp_path, workers=1, merged=tmp_path / "all.pdf",
                             progress=lambda d, _t: done.append(d), should_cancel=lambda: bool(done and done[-1] >= 1))
    assert result.cancelled
    assert [p.name for p in result.written] == ["B-01 展商01有限公司-pack.pdf"]
    assert pages_of(result.written[0]) >= 1
    assert result.merged is None and not (tmp_path / "all.pdf").exists()  # no merged file of half a batch
    assert result.failures == [] and leftovers(tmp_path) == []


def test_cancel_in_the_pool_drops_the_work_not_yet_started(db_path, many, tmp_path):
    done = []
    out = tmp_path / "packs"
    result = batch.run_batch(db_path, many["show"], "pack", many["ids"], out, workers=2,
                             progress=lambda d, _t: done.append(d), should_cancel=lambda: bool(done and done[-1] >= 1))
    assert result.cancelled
    assert 1 <= len(result.written) < len(many["ids"])
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in result.written)
    for path in result.written:  # whatever was written is a whole PDF
        assert pages_of(path) >= 1


def test_the_merged_file_holds_every_part_in_exhibitor_order(db_path, many, tmp_path):
    order = list(reversed(many["ids"][:4]))
    merged = tmp_path / "merged" / "all packs.pdf"
    merged.parent.mkdir()
    result = batch.run_batch(db_path, many["show"], "pack", order, tmp_path / "parts", workers=2, merged=merged)
    assert result.merged == merged and result.failures == []
    assert [p.name[:4] for p in result.written] == ["B-04", "B-03", "B-02", "B-01"]
    assert pages_of(merged) == sum(pages_of(p) for p in result.written)
    reader = PdfReader(merged)
    first_of_each, page = [], 0
    for part in result.written:
        first_of_each.append(reader.pages[page].extract_text())
        page += pages_of(part)
    for text, name in zip(first_of_each, ("展商04", "展商03", "展商02", "展商01"), strict=True):
        assert name in text
    assert leftovers(merged.parent) == []


def test_all_means_every_exhibitor_holding_a_booth_in_booth_order(db, db_path, three, many, tmp_path):
    chosen = batch.batch_exhibitors(db, three["show"])
    assert [e.booth for e in chosen] == ["A-001", "A-002", *(f"B-{k:02d}" for k in range(1, 11))]
    assert "黄海渔业有限公司" not in [e.company_name for e in chosen]  # no booth: no pack to print


@pytest.mark.parametrize(("text", "expected"), [
    ('A1/012 "Best" Co: Ltd*?<>|\\', "A1_012 _Best_ Co_ Ltd______"),
    ("日照 钢铁\t集团.", "日照 钢铁 集团"),
    ("长" * 100, "长" * 66),
    ("CON", "_CON"),
    ("", "_"),
])
def test_file_names_are_safe_on_windows(text, expected):
    assert batch.safe_file_name(text) == expected


def test_a_company_name_with_slashes_and_colons_still_gets_its_file(db, actor, db_path, sales, tmp_path):
    show_id = sales["show"]["id"]
    odd = new_exhibitor(db, actor, show_id, 'A/B 贸易: "进出口" 公司' + "长" * 150)
    signed_contract(db, actor, show_id, odd, [sales["booths"]["A-003"]])
    result = batch.run_batch(db_path, show_id, "pack", [odd], tmp_path, workers=1)
    assert result.failures == []
    [path] = result.written
    assert path.name.startswith("A-003 A_B 贸易_ _进出口_ 公司长") and path.name.endswith("-pack.pdf")
    assert len(path.name) <= batch.MAX_NAME_CHARS and len(path.name.encode()) <= batch.MAX_NAME_BYTES
    assert not set('/\\:*?"<>|') & set(path.name)


def test_two_exhibitors_of_one_file_name_get_a_file_each(db, actor, db_path, sales, tmp_path):
    show_id = sales["show"]["id"]
    twin = new_exhibitor(db, actor, show_id, "日照钢铁集团")
    signed_contract(db, actor, show_id, sales["steel"], [sales["booths"]["R-001"]])
    signed_contract(db, actor, show_id, twin, [sales["booths"]["A-003"]])
    names = {sales["steel"]: "Same.pdf", twin: "same.pdf"}
    result = batch.run_batch(db_path, show_id, "pack", [sales["steel"], twin], tmp_path, workers=1, names=names)
    assert [p.name for p in result.written] == ["Same.pdf", "same (2).pdf"]


def test_unknown_kind_language_and_exhibitor(db_path, three, tmp_path):
    with pytest.raises(UserError, match="unknown kind of report"):
        batch.run_batch(db_path, three["show"], "brochure", three["ids"], tmp_path)
    with pytest.raises(UserError, match="zh, en or both"):
        batch.run_batch(db_path, three["show"], "pack", three["ids"], tmp_path, language="fr")
    result = batch.run_batch(db_path, three["show"], "pack", ["no-such-id", three["auto"]], tmp_path, workers=1)
    assert len(result.written) == 1
    assert result.failures == [("no-such-id", "此展会中没有该展商 / no such exhibitor in this show")]



def test_the_show_summary_is_one_file_of_the_show(db_path, three, tmp_path):
    out = tmp_path / batch.report_file_name_of_show("RZ/2026", "summary")
    assert out.name == "RZ_2026-summary.pdf"
    result = batch.run_show_report(db_path, three["show"], "summary", out, language="zh")
    assert result.written == [out] and result.failures == [] and pages_of(out) >= 1
    assert "2026日照国际博览会" in text_of(out)
    with pytest.raises(UserError, match="unknown kind of report"):
        batch.run_show_report(db_path, three["show"], "pack", out)

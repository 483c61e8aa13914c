"""How many exhibitor packs a second the batch makes on a tier M demo show, in one process
and with the pool over every core, against a bare ReportLab baseline in the same run.

Run on demand (not part of the normal test run):

    uv run python tests/benchmarks/bench_packs.py          # 120 packs
    uv run python tests/benchmarks/bench_packs.py 400      # more packs
    uv run pytest tests/benchmarks/bench_packs.py -s

It writes the tier M demo (``write_demo(path, "M")``: 4,000 exhibitors, 5,000 booths) and
takes the first N exhibitors holding a booth with a signed contract, in booth order. Timed:

- ``run_batch`` with one worker (reading each pack's data and drawing it, one PDF each);
- ``run_batch`` with a worker per core (the same, starting the worker processes included);
- ``render_pack`` alone on data read beforehand (our drawing without the reading);
- the baseline: the same strings and tables of each pack's data drawn straight onto a
  ReportLab canvas in the same embedded CJK font (text lines, table rows with a grid, page
  numbers), with no flowables, styles, hall plan or page templates; data read beforehand.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from timing import machine, timed

from expo_desk.domain.money import format_fen
from expo_desk.reports.exhibitor_pack import render_pack
from expo_desk.reports.fonts import FONT, register_fonts
from expo_desk.services import demo
from expo_desk.services.batch import batch_exhibitors, run_batch
from expo_desk.services.pack_data import PackData, pack_data
from expo_desk.store.db import open_read_only
from expo_desk.store.shows import list_shows

PACKS = 120  # enough that starting the pool's workers (1-2 s) is not most of the time
TIER = "M"
MARGIN, LINE = 50.0, 14.0


# ---------------------------------------------------------------- the baseline


class _Page:
    """Lines and grid rows down an A4 canvas, a new page when one is full, a page number on each."""

    def __init__(self, canvas: Canvas):
        self.canvas = canvas
        self.width, self.height = A4
        self.pages = 1
        self.y = self.height - MARGIN

    def _room(self, needed: float) -> None:
        if self.y - needed < MARGIN:
            self._footer()
            self.canvas.showPage()
            self.pages += 1
            self.y = self.height - MARGIN

    def _footer(self) -> None:
        self.canvas.setFont(FONT, 8)
        self.canvas.drawCentredString(self.width / 2, MARGIN / 2, f"第 {self.pages} 页 · Page {self.pages}")

    def text(self, line: str, size: float = 9) -> None:
        for part in simpleSplit(line, FONT, size, self.width - 2 * MARGIN) or [""]:
            self._room(LINE)
            self.canvas.setFont(FONT, size)
            self.canvas.drawString(MARGIN, self.y - size, part)
            self.y -= LINE

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        column = (self.width - 2 * MARGIN) / len(header)
        for index, row in enumerate([header, *rows]):
            self._room(LINE + 2)
            self.canvas.setFont(FONT, 8 if index else 8.5)
            for c, cell in enumerate(row):
                self.canvas.drawString(MARGIN + c * column + 2, self.y - 10, cell[: int(column / 5)])
            self.canvas.rect(MARGIN, self.y - LINE, self.width - 2 * MARGIN, LINE)
            for c in range(1, len(header)):
                self.canvas.line(MARGIN + c * column, self.y, MARGIN + c * column, self.y - LINE)
            self.y -= LINE
        self.y -= LINE / 2

    def close(self) -> int:
        self._footer()
        self.canvas.save()
        return self.pages


def draw_baseline(data: PackData, out: Path) -> int:
    """The pack's strings and tables straight onto a canvas; the number of pages."""
    page = _Page(Canvas(str(out), pagesize=A4))
    money = lambda fen: format_fen(fen, data.currency_symbol)  # noqa: E731
    page.text(data.organizer, 10)
    page.text("展商手册 / Exhibitor Pack", 16)
    page.text(" / ".join(data.show_name), 12)
    page.text(f"{data.exhibitor_name} {data.exhibitor_name_en}", 14)
    page.text(f"{data.venue} {data.city}")
    for label, (first, last) in (("布展 Build-up", data.build_up), ("展期 Open", data.open_days),
                                 ("撤展 Tear-down", data.tear_down)):
        page.text(f"{label}: {first or ''} – {last or ''}")
    for key in ("welcome", "build_up", "tear_down"):
        for part in data.text(key):
            page.text(part)
    page.table(["展位 Booth", "展馆 Hall", "尺寸 Size", "面积 Area", "类型 Type", "开口 Open"],
               [[b.number, b.hall_name, f"{b.width_cm / 100:g} × {b.depth_cm / 100:g} m", f"{b.area_m2} m²",
                 " / ".join(b.type_name), " / ".join(b.open_sides)] for b in data.booths])
    page.table(["服务 Service", "数量 Qty", "单价 Unit price", "金额 Amount"],
               [[" / ".join(s.name), str(s.quantity), money(s.unit_price_fen), money(s.amount_fen)]
                for s in data.services])
    for fascia in data.fascias:
        page.text(f"楣板 Fascia {', '.join(fascia.booth_numbers)}: {fascia.text}")
    for statement in data.statements:
        page.text(f"合同 Contract {statement.number}: {money(statement.total_fen)}", 11)
        page.table(["期次 Instalment", "到期 Due", "金额 Amount", "已付 Paid", "未付 Outstanding"],
                   [[" / ".join(i.label), i.due_on, money(i.amount_fen), money(i.paid_fen), money(i.outstanding_fen)]
                    for i in statement.instalments])
        page.table(["日期 Date", "金额 Amount", "方式 Method", "凭证 Reference"],
                   [[p.paid_on, money(p.amount_fen), " / ".join(p.method), p.reference] for p in statement.payments])
    page.text(f"合计 Total {money(data.total_fen)} · 已付 Paid {money(data.paid_fen)} · "
              f"未付 Balance {money(data.balance_fen)}", 11)
    page.table(["联系人 Contact", "职务 Title", "电话 Phone", "邮箱 Email"],
               [[c.name, c.title, c.phone, c.email] for c in data.contacts])
    for key in ("badges", "venue_rules", "contacts", "rebooking"):
        for part in data.text(key):
            for line in part.splitlines():
                page.text(line)
    return page.close()


# ---------------------------------------------------------------- the measurement


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    try:
        import resource
    except ImportError:  # Windows: this process only
        return time.process_time()
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _batch(path: Path, show_id: str, ids: list[str], out: Path, workers: int) -> dict:
    """One run_batch: wall seconds, CPU seconds, seconds to the first file, the result."""
    start, cpu, first = time.perf_counter(), _cpu_s(), []

    def progress(done: int, _total: int) -> None:
        if done == 1:
            first.append(time.perf_counter() - start)

    result = run_batch(path, show_id, "pack", ids, out, workers=workers, progress=progress)
    return {"s": time.perf_counter() - start, "cpu": _cpu_s() - cpu, "first": first[0] if first else 0.0,
            "result": result}


def measure(folder: Path, packs: int = PACKS) -> dict:
    path = folder / f"demo_{TIER}.sqlite"
    demo_s, _ = timed(lambda: demo.write_demo(path, TIER))
    db = open_read_only(path)
    try:
        show = list_shows(db)[0]
        data, ids = [], []
        for exhibitor in batch_exhibitors(db, show["id"]):
            try:
                data.append(pack_data(db, exhibitor.id))
            except Exception:  # a draft contract: no pack, as in a real batch
                continue
            ids.append(exhibitor.id)
            if len(ids) == packs:
                break
    finally:
        db.close()
    workers = os.cpu_count() or 1
    one = _batch(path, show["id"], ids, folder / "one", 1)
    pool = _batch(path, show["id"], ids, folder / "pool", workers)
    written = one["result"].written
    register_fonts()
    (folder / "render").mkdir()
    render_s, _ = timed(lambda: [render_pack(d, str(folder / "render" / f"{n}.pdf")) for n, d in enumerate(data)])
    (folder / "base").mkdir()
    base_s, base_pages = timed(lambda: [draw_baseline(d, folder / "base" / f"{n}.pdf") for n, d in enumerate(data)])
    return {
        "packs": len(ids), "workers": workers, "demo_s": demo_s,
        "failures": len(one["result"].failures) + len(pool["result"].failures),
        "one_s": one["s"], "one_cpu": one["cpu"], "pool_s": pool["s"], "pool_cpu": pool["cpu"],
        "pool_first": pool["first"], "render_s": render_s, "base_s": base_s,
        "pages": sum(len(PdfReader(p).pages) for p in written) / max(len(written), 1),
        "base_pages": sum(base_pages) / max(len(base_pages), 1),
        "bytes": sum(p.stat().st_size for p in written) / max(len(written), 1),
        "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def report(m: dict) -> str:
    rate = {k: m["packs"] / m[f"{k}_s"] for k in ("one", "pool", "render", "base")}
    return "\n".join([
        f"tier {TIER} demo written in {m['demo_s']:.1f} s; {m['packs']} packs, {m['pages']:.1f} pages and "
        f"{m['bytes'] / 1024:.0f} KiB each (baseline {m['base_pages']:.1f} pages); {m['failures']} failure(s)",
        f"  ours, one process        {rate['one']:7.2f} packs/s   ({m['one_s']:.1f} s: reading + drawing + writing; "
        f"{m['one_cpu'] / m['packs']:.2f} CPU s a pack)",
        f"  ours, pool of {m['workers']:<2}         {rate['pool']:7.2f} packs/s   ({m['pool_s']:.1f} s, first file after "
        f"{m['pool_first']:.1f} s of starting the workers; {m['pool_cpu'] / m['packs']:.2f} CPU s a pack)",
        f"  ours, drawing only       {rate['render']:7.2f} packs/s   ({m['render_s']:.1f} s, data read beforehand)",
        f"  bare ReportLab baseline  {rate['base']:7.2f} packs/s   ({m['base_s']:.1f} s, data read beforehand)",
        f"  ratios: pool / one process {rate['pool'] / rate['one']:.2f}×; baseline / one process "
        f"{rate['base'] / rate['one']:.1f}×; baseline / drawing only {rate['base'] / rate['render']:.1f}×",
        *([f"  (load average {m['load']:.1f} on {m['workers']} cpus: other work on the machine slows the pool)"]
          if m["load"] is not None and m["load"] > m["workers"] else []),
    ])


def test_packs_per_second(tmp_path):
    m = measure(tmp_path)
    print("\n" + report(m))
    assert m["failures"] == 0 and m["packs"] > 0


def main(argv: list[str]) -> int:
    packs = int(argv[0]) if argv else PACKS
    print(machine(with_sqlite=False))
    with tempfile.TemporaryDirectory(prefix="bench_packs_") as folder:
        print(report(measure(Path(folder), packs)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The schedule progress report: its data assembled from a progress summary, and the PDF read
back with pypdf, first from a summary made by hand, then from a real file whose contracts
were signed (the templates made their tasks), some tasks finished and one made late."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

import pytest
from pypdf import PdfReader

from expo_desk.reports.schedule_report import render_schedule_report
from expo_desk.services.schedule_report_data import report_data_from_summary
from tests.helpers import signed_contract

SHOW = {"code": "RZ2026", "name": "2026日照国际博览会", "name_en": "Rizhao International Expo 2026",
        "start_date": "2026-09-18", "end_date": "2026-09-20", "build_start": "2026-09-14"}


def milestone(name, planned, status="not_started", *, forecast=None, actual=None, late=False, at_risk=False,
              percent=0.0):
    return {"name": name, "planned_finish": planned, "forecast_finish": forecast or planned,
            "actual_finish": actual, "status": status, "late": late, "at_risk": at_risk, "percent": percent}


def issue(name, booth, finish, *, owner="张主管", role="design_supervisor", status="in_progress", reason="",
          level="task"):
    return {"name": name, "booth_number": booth, "owner_name": owner, "role": role, "planned_finish": finish,
            "status": status, "blocked_reason": reason, "level": level}


def _days_before_today(days: int) -> str:
    return (date(2026, 8, 20) - timedelta(days=days)).isoformat()


def hand_summary(issues: int = 3) -> dict:
    """A show 37.46% done on 2026-08-20: one milestone done, one at risk, one late."""
    return {
        "today": "2026-08-20",
        "overall": {"percent": 37.46, "tasks": 120, "done": 41, "late_tasks": issues, "blocked": 1},
        "project_finish": "2026-09-25",
        "milestones": [
            milestone("展位图发布 / Hall plan released", "2026-01-05", "done", actual="2026-01-04", percent=100),
            milestone("图纸审核完成 / Drawings approved", "2026-09-10", forecast="2026-09-14", at_risk=True,
                      percent=40.2),
            milestone("撤展完成 / Tear-down done", "2026-08-18", forecast="2026-08-22", late=True, percent=12.5),
            milestone("开幕 / Show opens", "2026-09-18"),
        ],
        "issues": [issue(f"施工图绘制 / Construction drawings {n}", f"A1-{n:03d}", _days_before_today(n + 1))
                   for n in range(issues)]
        + [issue("特装方案设计 / Custom build design", "R-001", "2026-08-25", status="blocked", reason="等待展商确认")],
        "critical_path": [
            {"name": "签订合同 / Sign the contract", "booth_number": "R-001", "planned_start": "2026-06-01",
             "planned_finish": "2026-06-01", "total_float": 0, "status": "done"},
            {"name": "图纸审核通过 / Drawings approved", "booth_number": "R-001", "planned_start": "2026-09-01",
             "planned_finish": "2026-09-08", "total_float": 0, "status": "not_started"},
        ],
        "roles": [
            {"role": "account_manager", "tasks": 60, "done": 30, "late": 0, "percent": 50.0},
            {"role": "design_supervisor", "tasks": 40, "done": 10, "late": issues, "percent": 28.25},
            {"role": "construction_executor", "tasks": 20, "done": 1, "late": 0, "percent": 5.0},
        ],
        "punch": {"critical": 1, "high": 0, "medium": 2, "low": 0},
    }


def text_of(data) -> str:
    buffer = BytesIO()
    render_schedule_report(data, buffer)
    reader = PdfReader(BytesIO(buffer.getvalue()))
    pages = [page.extract_text() for page in reader.pages]
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1] or data.language == "zh"
    return "\n".join(pages)


# ---------------------------------------------------------------- assembly, apart from drawing


def test_milestones_get_their_state_and_slip():
    data = report_data_from_summary(hand_summary(), SHOW, language="both")
    states = {m.name[1]: (m.state, m.slip_days, m.actual or m.forecast) for m in data.milestones}
    assert states == {"Hall plan released": ("done", 0, "2026-01-04"),
                      "Drawings approved": ("at_risk", 4, "2026-09-14"),
                      "Tear-down done": ("late", 4, "2026-08-22"),
                      "Show opens": ("on_time", 0, "2026-09-18")}
    assert [data.milestone_count(s) for s in ("done", "on_time", "at_risk", "late")] == [1, 1, 1, 1]
    assert data.days_to_opening == 29


def test_issues_by_level_most_late_first_and_cut_with_a_count():
    summary = hand_summary(issues=30)
    summary["issues"] += [issue("设计与图纸审核 / design and drawing approval", "", "2026-09-07", level="event"),
                          issue("展位图发布 / hall plan released", "", "2026-01-21", level="milestone")]
    data = report_data_from_summary(summary, SHOW, max_issues=10)
    events, tasks = data.issue_groups
    assert (events.level, events.total, events.items[0].state, events.items[0].booth) == ("event", 1, "at_risk", "")
    assert (tasks.level, len(tasks.items), tasks.more, data.issue_count) == ("task", 10, 21, 32)  # milestones apart
    assert [i.days_late for i in tasks.items[:3]] == [30, 29, 28]
    assert tasks.items[0].booth == "A1-029" and tasks.items[0].owner == ("张主管", "张主管")
    assert tasks.items[0].name == ("施工图绘制", "Construction drawings 29")


def test_an_unowned_issue_names_the_role_and_a_blocked_one_its_reason():
    summary = hand_summary(issues=0)
    summary["issues"].append(issue("楣板安装", "A-002", "2026-08-19", owner="", role="construction_executor"))
    data = report_data_from_summary(summary, SHOW)
    by_booth = {i.booth: i for group in data.issue_groups for i in group.items}
    assert by_booth["A-002"].owner == ("项目执行", "Construction executor")
    assert by_booth["A-002"].state == "late" and by_booth["A-002"].days_late == 1
    assert by_booth["R-001"].state == "blocked" and by_booth["R-001"].reason == ("等待展商确认", "等待展商确认")


def test_punch_counts_only_when_the_summary_has_them():
    summary = hand_summary()
    assert [(p.severity, p.count) for p in report_data_from_summary(summary, SHOW).punch] == [
        ("critical", 1), ("high", 0), ("medium", 2), ("low", 0)]
    del summary["punch"]
    assert report_data_from_summary(summary, SHOW).punch is None


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        report_data_from_summary(hand_summary(), SHOW, language="fr")


# ---------------------------------------------------------------- the drawing, from a summary made by hand


def test_bilingual_report_shows_every_part():
    text = text_of(report_data_from_summary(hand_summary(), SHOW, organizer="日照国际会展有限公司"))
    assert in_order(text, "任务 tasks", "120", "已完成 done", "41")
    for words in ("项目进度报告", "Schedule progress report", "日照国际会展有限公司", "RZ2026", "2026-08-20",
                  "37.5%", "里程碑", "Milestones", "展位图发布", "图纸审核完成", "有风险", "At risk",
                  "延误", "Late", "+4", "2026-09-14", "关键路径", "Critical path", "签订合同", "图纸审核通过",
                  "项目经理", "项目主管", "项目执行", "28.2%", "50%", "待整改问题", "严重", "Critical",
                  "施工图绘制", "A1-002", "张主管", "等待展商确认", "今天", "Today"):
        assert words in text, words


def test_chinese_only_and_english_only():
    zh = text_of(report_data_from_summary(hand_summary(), SHOW, language="zh"))
    assert "项目进度报告" in zh and "里程碑" in zh and "第 1 页" in zh
    assert "Schedule progress report" not in zh and "Milestones" not in zh and "Drawings approved" not in zh
    en = text_of(report_data_from_summary(hand_summary(), SHOW, language="en"))
    assert "Schedule progress report" in en and "Drawings approved" in en and "Design supervisor" in en
    assert "项目进度报告" not in en and "里程碑" not in en and "图纸审核完成" not in en


def test_a_long_list_ends_with_and_n_more():
    data = report_data_from_summary(hand_summary(issues=40), SHOW, max_issues=20)
    text = text_of(data)
    assert "另有 21 项未列出" in text and "and 21 more" in text
    assert "Late and at-risk items (41)" in text


def test_an_empty_schedule_says_so():
    summary = {"today": "2026-08-20", "overall": {}, "milestones": [], "issues": [], "critical_path": [],
               "roles": []}
    text = text_of(report_data_from_summary(summary, SHOW, language="en"))
    assert "No milestones yet" in text and "Nothing is late or at risk" in text and "No critical path yet" in text


# ---------------------------------------------------------------- from a real file

AS_OF = "2026-06-20"


@pytest.fixture
def progress(db, sales):
    """A-001 (shell, am1) and R-001 (raw, am2) signed on 2026-06-01, so their templates made the
    tasks; as of 2026-06-20 the design brief is done, the drawings are under way, the power plan
    is blocked, the fascia text is 12 days late and a high-severity problem is open on R-001."""
    from expo_desk.services import tasks
    from expo_desk.store.queries import scalar
    from expo_desk.store.settings import set_setting

    for who, exhibitor, number in (("am1", "steel", "A-001"), ("am2", "fish", "R-001")):
        signed_contract(db, sales, [number], "2026-06-01", who, exhibitor)

    def task(number: str, english: str) -> str:
        return scalar(db, "SELECT t.id FROM tasks t JOIN booths b ON b.id = t.booth_id WHERE b.number = ? "
                          "AND t.name LIKE ?", [number, f"% / {english}"])

    tasks.finish_task(db, sales["am2"], task("R-001", "design brief"), "2026-06-08")
    tasks.start_task(db, sales["dm"], task("R-001", "construction drawings"), "2026-06-09")
    tasks.block_task(db, sales["dm"], task("A-001", "power plan"), "等待展商确认 / waiting for the exhibitor")
    tasks.report_problem(db, sales["dm"], sales["show"]["id"], description="地台不平 / uneven floor",
                         severity="high", booth_id=sales["booths"]["R-001"])
    set_setting(db, sales["dm"], "report.organizer_name", "日照国际会展有限公司")
    return sales


def report_text(db, show_id, language="both") -> str:
    from expo_desk.services.schedule_report_data import schedule_report_data

    return text_of(schedule_report_data(db, show_id, AS_OF, language=language))


def in_order(text: str, *cells: str) -> bool:
    """The cells follow one another, one extracted line each, in this order (a table row read across)."""
    lines = [line.strip() for line in text.splitlines()]
    position = 0
    for cell in cells:
        try:
            position = lines.index(cell, position) + 1
        except ValueError:
            return False
    return True


def pct(value: float) -> str:
    return f"{round(value, 1):g}%"


def test_a_real_schedule_on_paper(db, progress):
    from expo_desk.services.schedule import progress_summary

    show_id = progress["show"]["id"]
    summary = progress_summary(db, show_id, AS_OF)
    text = report_text(db, show_id)
    assert "日照国际会展有限公司" in text and "截至" in text and AS_OF in text
    for milestone in summary["milestones"]:
        assert milestone["name"].split(" / ")[0] in text and milestone["planned_finish"] in text
    assert "展位图发布" in text and "延误" in text and "有风险" in text  # never marked done; drawings at risk
    overall = summary["overall"]
    assert 0 < overall["percent"] < 100 and pct(overall["percent"]) in text
    assert f"{overall['done']:,}" in text and f"{overall['tasks']:,}" in text
    for role in summary["roles"]:
        assert pct(role["percent"]) in text
    # the late and blocked items with their booth, owner and days late
    issues = text[text.index("延误及有风险事项"):text.index("关键路径")]
    assert in_order(issues, "主要事件（主进度） · 1", "设计与图纸审核", "项目主管", "有风险 At risk",
                    "任务（详细进度） · 2")
    assert "展位图发布" not in issues  # a late milestone is in the milestones' table, not again here
    assert in_order(issues, "确认楣板文字与家具", "A-001", "王经理", "2026-06-08", "12", "延误 Late")
    assert in_order(issues, "用电方案", "等待展商确认 / waiting for the exhibitor", "A-001", "项目主管", "2026-06-13",
                    "7", "受阻 Blocked")
    # the critical path, in order, and the open problem by severity
    path = [row["name"].split(" / ")[0] for row in summary["critical_path"]]
    assert path == ["撤展", "退还施工押金"]
    assert in_order(text[text.index("关键路径"):], "1", "撤展", "R-001", "2026-09-21", "2", "退还施工押金",
                    "2026-09-28")
    assert "待整改问题" in text and "高 High" in text


def test_a_real_schedule_in_english_and_in_chinese(db, progress):
    show_id = progress["show"]["id"]
    en = report_text(db, show_id, "en")
    assert "Schedule progress report" in en and "Critical path" in en and "deposit refund" in en
    assert "confirm fascia text and furniture" in en and "waiting for the exhibitor" in en
    assert "hall plan released" in en and "Account manager" in en
    assert "退还施工押金" not in en and "项目经理" not in en
    zh = report_text(db, show_id, "zh")
    assert "项目进度报告" in zh and "退还施工押金" in zh and "项目执行" in zh
    assert "deposit refund" not in zh and "Critical path" not in zh

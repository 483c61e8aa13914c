"""Post-show data: visitors per day and sector, each exhibitor's leads and agreements, survey
answers and the account manager's notes on outcomes, and the show's own texts for the pack.

What the post-show report proves to an exhibitor is only as good as these rows, so every
write is checked (every problem at once, naming the field), made in one transaction,
audited, and returns a ChangeSet. Visitor counts and the show's texts are the department
manager's or the administrator's; an exhibitor's results are its account manager's (or a
manager's).

Visitor counts: ``sector`` '' holds visitors not broken down by sector; a day's total is the
sum over its sectors, '' included.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from expo_desk.domain.actors import Actor
from expo_desk.domain.money import parse_yuan
from expo_desk.domain.permissions import Action, require
from expo_desk.domain.pricing import parse_date
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.services.document_head import ORGANIZER_SETTING
from expo_desk.services.exhibitors import require_owner_of
from expo_desk.services.headers import fold
from expo_desk.store import exhibitors as exhibitor_store
from expo_desk.store import post_show as store
from expo_desk.store import records
from expo_desk.store import shows as show_store
from expo_desk.store.settings import get_setting
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database

OUTCOME_FIELDS: dict[str, tuple[str, str]] = {
    "services_delivered": ("主办方提供的服务", "Services delivered"),
    "promotion": ("宣传推广", "Promotion"),
    "matchmaking": ("商务配对", "Matchmaking"),
    "sales_network": ("销售网络", "Sales network"),
    "brand_image": ("品牌形象", "Brand image"),
    "customer_needs": ("客户需求", "Customer needs"),
    "competition": ("竞争对手", "Competition"),
}
# The questions the organizer asks every exhibitor after the show (others may be added).
SURVEY_QUESTIONS: tuple[str, ...] = (
    "对本届展会的总体满意度 / Overall satisfaction with the show",
    "专业观众的数量与质量 / Number and quality of trade visitors",
    "主办方的服务 / The organizer's service",
    "参展目标是否达到 / Were your goals for the show met",
    "是否参加下一届 / Will you exhibit at the next edition",
)
LEAD_TEXT_FIELDS = ("visitor_name", "visitor_company", "contact", "interest", "source")
SCORE_RANGE = (1, 5)
MAX_VISITORS = 10_000_000
MAX_SHORT, MAX_LONG = 200, 4000
_YES = {fold(w) for w in ("是", "yes", "y", "1", "true", "已签", "已签约", "签约", "√", "✓")}
_NO = {fold(w) for w in ("否", "no", "n", "0", "false", "未签", "未签约")}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _too_long(field_name: str, text: str, limit: int) -> list[Problem]:
    if len(text) <= limit:
        return []
    return [Problem(field_name, f"最多 {limit} 个字 / at most {limit} characters ({len(text)})")]


def _show_or_error(db: Database, show_id: str) -> dict:
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError("展会不存在 / no such show")
    return show


# -- visitors -----------------------------------------------------------------------------

def show_days(show: dict) -> list[str]:
    """The open days of a show, first to last ([] when its dates are not set)."""
    if not show.get("start_date") or not show.get("end_date"):
        return []
    first, last = date.fromisoformat(show["start_date"]), date.fromisoformat(show["end_date"])
    return [(first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def whole_number(value: object) -> int | None:
    """12, '12', '1,234' or 12.0 as an int; None when it is no whole number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _text(value).replace(",", "").replace("，", "")
    return int(text) if text.lstrip("-").isdigit() else None


def clean_visitor_count(show: dict, day: object, sector: object, visitors: object) -> tuple[tuple, list[Problem]]:
    """``((day, sector, visitors), problems)``; a blank ``visitors`` (None) removes the count."""
    problems: list[Problem] = []
    iso = parse_date(day)
    open_days = show_days(show)
    if iso is None:
        problems.append(Problem("day", f"日期应为 YYYY-MM-DD / the day must be YYYY-MM-DD: '{_text(day)}'"))
    elif open_days and iso not in open_days:
        problems.append(Problem("day", f"{iso} 不是展期（{open_days[0]} 至 {open_days[-1]}）/ is not an open day "
                                       f"of the show ({open_days[0]} – {open_days[-1]})"))
    sector = " ".join(_text(sector).split())
    problems += _too_long("sector", sector, 50)
    count = None
    if visitors is not None and _text(visitors) != "":
        count = whole_number(visitors)
        if count is None or not 0 <= count <= MAX_VISITORS:
            problems.append(Problem("visitors", f"人数应为 0 到 {MAX_VISITORS:,} 的整数 / visitors must be a whole "
                                                f"number from 0 to {MAX_VISITORS:,}: '{_text(visitors)}'"))
    return (iso, sector, count), problems


def set_visitors(db: Database, actor: Actor, show_id: str, day: str, sector: str, visitors: int | None) -> ChangeSet:
    """Set the visitors of one day and sector ('' = not by sector); None removes the count."""
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        (day, sector, visitors), problems = clean_visitor_count(_show_or_error(db, show_id), day, sector, visitors)
        if problems:
            raise ValidationError(problems)
        current = store.visitor_count(db, show_id, day, sector)
        if visitors is None:
            if current is not None:
                record_delete(db, actor, changes, "visitor_counts", current["id"])
        elif current is None:
            record_insert(db, actor, changes, "visitor_counts",
                          {"show_id": show_id, "day": day, "sector": sector, "visitors": visitors})
        else:
            record_update(db, actor, changes, "visitor_counts", current["id"], {"visitors": visitors})
    return changes


def visitor_counts(db: Database, show_id: str) -> list[dict]:
    """Every stored count: ``day``, ``sector`` ('' = not by sector), ``visitors``."""
    return [{k: r[k] for k in ("day", "sector", "visitors")} for r in store.visitor_counts(db, show_id)]


@dataclass
class VisitorTable:
    """Visitors by day and sector with the totals every page and report shows the same way."""

    days: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)  # '' (not by sector) last when present
    cells: dict[tuple[str, str], int] = field(default_factory=dict)  # (day, sector) -> visitors
    by_day: dict[str, int] = field(default_factory=dict)
    by_sector: dict[str, int] = field(default_factory=dict)
    total: int = 0


def visitor_table(db: Database, show_id: str, *, with_empty: bool = False) -> VisitorTable:
    """The counts as a table; ``with_empty`` adds every open day, every exhibitor sector and
    the '' sector with no counts yet (the grid to type into)."""
    show = _show_or_error(db, show_id)
    table = VisitorTable()
    for row in store.visitor_counts(db, show_id):
        table.cells[(row["day"], row["sector"])] = row["visitors"]
    days = {d for d, _ in table.cells} | (set(show_days(show)) if with_empty else set())
    sectors = {s for _, s in table.cells} | (set(store.exhibitor_sectors(db, show_id)) | {""} if with_empty else set())
    table.days = sorted(days)
    table.sectors = sorted(sectors - {""}) + ([""] if "" in sectors else [])
    for (day, sector), visitors in table.cells.items():
        table.by_day[day] = table.by_day.get(day, 0) + visitors
        table.by_sector[sector] = table.by_sector.get(sector, 0) + visitors
        table.total += visitors
    return table


# -- whose results ------------------------------------------------------------------------

def find_exhibitors(db: Database, show_id: str, text: str, limit: int = 100) -> list[dict]:
    """Exhibitors whose names (contacts, manager…) hold every typed word; the holder of a
    booth numbered as typed comes first."""
    found = exhibitor_store.search(db, show_id, text, limit=limit)
    holder = store.booth_holder(db, show_id, text.strip()) if text.strip() else None
    if holder is not None:
        found = [exhibitor_card(db, holder), *(row for row in found if row["id"] != holder)]
    return found


def exhibitor_card(db: Database, exhibitor_id: str) -> dict:
    """Name, sector, account manager (``account_manager`` a name) and held ``booths`` of an exhibitor."""
    row = exhibitor_store.get(db, exhibitor_id)
    if row is None:
        raise UserError("展商已被删除 / this exhibitor no longer exists")
    return {**row, "booths": store.held_booths(db, exhibitor_id)}


# -- an exhibitor's leads and agreements --------------------------------------------------

def yes_no(value: object) -> bool | None:
    """是/否, yes/no, 1/0, true/false (blank = no); None when it is neither."""
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text in _YES:
        return True
    return False if text in _NO or not text else None


def clean_exhibitor_lead(values: dict) -> tuple[dict, list[Problem]]:
    """The row to store and every problem, by field (``agreement_value`` in yuan or
    ``agreement_value_fen`` in fen; the fields are the import's column keys)."""
    problems: list[Problem] = []
    cleaned: dict = {k: _text(values.get(k)) for k in LEAD_TEXT_FIELDS}
    for key in LEAD_TEXT_FIELDS:
        problems += _too_long(key, cleaned[key], MAX_LONG if key == "interest" else MAX_SHORT)
    if not (cleaned["visitor_name"] or cleaned["visitor_company"] or cleaned["contact"]):
        problems.append(Problem("visitor_name", "请填写观众姓名、公司或联系方式 / a visitor name, company or contact "
                                                "is required"))
    captured = values.get("captured_on")
    cleaned["captured_on"] = parse_date(captured) if _text(captured) else None
    if _text(captured) and cleaned["captured_on"] is None:
        problems.append(Problem("captured_on", f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{_text(captured)}'"))
    signed = yes_no(values.get("agreement_signed"))
    if signed is None:
        problems.append(Problem("agreement_signed", f"应为 是/否 / must be yes or no: '{_text(values.get('agreement_signed'))}'"))
    cleaned["agreement_signed"] = int(bool(signed))
    value = values.get("agreement_value_fen")
    if value is None and _text(values.get("agreement_value")):
        try:
            value = parse_yuan(values.get("agreement_value"))
        except ValueError:
            value = _text(values.get("agreement_value"))
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        problems.append(Problem("agreement_value", f"金额应为不小于 0 的元数，最多两位小数 / the value must be yuan ≥ 0 "
                                                   f"with at most two decimals: '{value}'"))
    elif value is not None and signed is False:
        problems.append(Problem("agreement_value", "只有已签约的协议才有金额 / only a signed agreement has a value"))
    cleaned["agreement_value_fen"] = value if isinstance(value, int) and not isinstance(value, bool) else None
    return cleaned, problems


def add_exhibitor_lead(db: Database, actor: Actor, exhibitor_id: str, values: dict) -> ChangeSet:
    """A lead (business card, badge scan…) the exhibitor collected, and whether it signed."""
    cleaned, problems = clean_exhibitor_lead(values)
    changes = ChangeSet()
    with transaction(db):
        require_owner_of(db, actor, exhibitor_id)
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "exhibitor_leads", {"exhibitor_id": exhibitor_id, **cleaned})
    return changes


def delete_exhibitor_lead(db: Database, actor: Actor, lead_id: str) -> ChangeSet:
    changes = ChangeSet()
    with transaction(db):
        lead = records.get_row(db, "exhibitor_leads", lead_id)
        if lead is None:
            raise UserError("线索已被删除 / this lead no longer exists")
        require_owner_of(db, actor, lead["exhibitor_id"])
        record_delete(db, actor, changes, "exhibitor_leads", lead_id)
    return changes


def exhibitor_leads(db: Database, exhibitor_id: str) -> list[dict]:
    return store.exhibitor_leads(db, exhibitor_id)


def lead_summary(leads: list[dict]) -> dict:
    """How many leads, how many signed agreements and their value in fen."""
    signed = [lead for lead in leads if lead["agreement_signed"]]
    return {"leads": len(leads), "agreements": len(signed),
            "agreement_value_fen": sum(lead["agreement_value_fen"] or 0 for lead in signed)}


# -- survey answers and outcomes ----------------------------------------------------------

def _survey_problems(question: str, answer: str, score: object, where: str = "") -> tuple[int | None, list[Problem]]:
    problems = [] if question else [Problem("question", "问题不能为空 / the question is required", where)]
    problems += [Problem(p.field, p.message, where) for p in
                 _too_long("question", question, MAX_SHORT) + _too_long("answer", answer, MAX_LONG)]
    number = None
    if score is not None and _text(score) != "":
        number = whole_number(score)
        low, high = SCORE_RANGE
        if number is None or not low <= number <= high:
            problems.append(Problem("score", f"评分应为 {low}–{high} 的整数 / the score must be a whole number "
                                             f"from {low} to {high}: '{_text(score)}'", where))
    return number, problems


def _write_answer(db: Database, actor: Actor, exhibitor_id: str, question: str, answer: str, score: int | None,
                  changes: ChangeSet) -> None:
    """Upsert by question; an empty answer without a score removes it."""
    current = store.survey_answer(db, exhibitor_id, question)
    if not answer and score is None:
        if current is not None:
            record_delete(db, actor, changes, "survey_answers", current["id"])
    elif current is None:
        record_insert(db, actor, changes, "survey_answers", {"exhibitor_id": exhibitor_id, "question": question,
                                                             "answer": answer, "score": score})
    else:
        record_update(db, actor, changes, "survey_answers", current["id"], {"answer": answer, "score": score})


def set_survey_answer(db: Database, actor: Actor, exhibitor_id: str, question: str, answer: str,
                      score: int | None = None) -> ChangeSet:
    """The exhibitor's answer to one question (score 1–5 optional); empty removes it."""
    return save_exhibitor_results(db, actor, exhibitor_id, answers=[
        {"question": question, "answer": answer, "score": score}])


def survey_answers(db: Database, exhibitor_id: str) -> list[dict]:
    return store.survey_answers(db, exhibitor_id)


def _outcome_problems(values: dict) -> list[Problem]:
    problems = [Problem(k, "未知字段 / unknown field") for k in values if k not in OUTCOME_FIELDS]
    for key in OUTCOME_FIELDS:
        problems += _too_long(key, _text(values.get(key)), MAX_LONG)
    return problems


def _write_outcomes(db: Database, actor: Actor, exhibitor_id: str, values: dict, changes: ChangeSet) -> None:
    """Insert or change the notes; who and when are stamped only when a note changed."""
    texts = {k: _text(v) for k, v in values.items()}
    stamp = {"updated_at": records.utc_now(), "updated_by": actor.user_id}
    current = records.get_row(db, "post_show_outcomes", exhibitor_id)
    if current is None:
        if any(texts.values()):
            records.insert(db, actor, "post_show_outcomes", {"id": exhibitor_id, **texts, **stamp})
            changes.add("inserted", "post_show_outcomes", exhibitor_id)
    elif any(current[k] != v for k, v in texts.items()):
        records.update(db, actor, "post_show_outcomes", exhibitor_id, {**texts, **stamp})
        changes.add("updated", "post_show_outcomes", exhibitor_id)


def set_outcomes(db: Database, actor: Actor, exhibitor_id: str, values: dict) -> ChangeSet:
    """The account manager's notes on what the show did for the exhibitor (the fields of
    ``OUTCOME_FIELDS``; those left out stay as they are)."""
    return save_exhibitor_results(db, actor, exhibitor_id, outcome_values=values)


def save_exhibitor_results(db: Database, actor: Actor, exhibitor_id: str, *, outcome_values: dict | None = None,
                           answers: list[dict] | None = None) -> ChangeSet:
    """Outcome notes and survey answers (``question``, ``answer``, ``score``) saved together:
    every problem reported at once (survey ones placed 'survey N'), all or nothing."""
    problems = _outcome_problems(outcome_values or {})
    cleaned_answers = []
    for index, item in enumerate(answers or [], start=1):
        question, answer = " ".join(_text(item.get("question")).split()), _text(item.get("answer"))
        score, found = _survey_problems(question, answer, item.get("score"), f"survey {index}" if len(answers) > 1 else "")
        problems += found
        cleaned_answers.append((question, answer, score))
    changes = ChangeSet()
    with transaction(db):
        require_owner_of(db, actor, exhibitor_id)
        if problems:
            raise ValidationError(problems)
        if outcome_values:
            _write_outcomes(db, actor, exhibitor_id, outcome_values, changes)
        for question, answer, score in cleaned_answers:
            _write_answer(db, actor, exhibitor_id, question, answer, score, changes)
    return changes


def outcomes(db: Database, exhibitor_id: str) -> dict:
    """Every outcome field ('' when not written), with ``updated_at`` and ``updated_by`` (a name)."""
    row = store.outcomes(db, exhibitor_id) or {}
    found = {key: row.get(key) or "" for key in OUTCOME_FIELDS}
    return {**found, "updated_at": row.get("updated_at") or "", "updated_by": row.get("updated_by_name") or ""}


# -- the show's texts ---------------------------------------------------------------------

TEXT_KEYS: dict[str, tuple[str, str]] = {
    "welcome": ("欢迎辞", "Welcome"), "build_up": ("布展", "Build-up"), "tear_down": ("撤展", "Tear-down"),
    "badges": ("证件", "Badges"), "venue_rules": ("场馆规定", "Venue rules"), "contacts": ("联系方式", "Contacts"),
    "rebooking": ("续展", "Rebooking"),
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _dates(first: str | None, last: str | None = None) -> tuple[str, str]:
    """A day or a span of days in Chinese and English, the shared year and month said once
    ('2026年9月14日至17日', '14–17 September 2026'); ('', '') when unknown."""
    if not first:
        return "", ""
    a = date.fromisoformat(first)
    b = date.fromisoformat(last) if last else a
    zh_a, en_b = f"{a.year}年{a.month}月{a.day}日", f"{b.day} {_MONTHS[b.month - 1]} {b.year}"
    if b == a:
        return zh_a, en_b
    if (a.year, a.month) == (b.year, b.month):
        return f"{zh_a}至{b.day}日", f"{a.day}–{en_b}"
    if a.year == b.year:
        return f"{zh_a}至{b.month}月{b.day}日", f"{a.day} {_MONTHS[a.month - 1]} – {en_b}"
    return f"{zh_a}至{b.year}年{b.month}月{b.day}日", f"{a.day} {_MONTHS[a.month - 1]} {a.year} – {en_b}"


def default_show_texts(show: dict, organizer: str = "") -> dict[str, tuple[str, str]]:
    """What the pack says until someone writes otherwise, from the show's name, venue and dates."""
    name, name_en = show["name"], show.get("name_en") or show["name"]
    city, venue = show.get("city") or "", show.get("venue") or ""
    place = venue if city in venue else f"{city} {venue}".strip()
    place_en = show.get("venue_en") or place
    start, end = show.get("start_date"), show.get("end_date")
    day_before = (date.fromisoformat(start) - timedelta(days=1)).isoformat() if start else None
    open_zh, open_en = _dates(start, end)
    build_zh, build_en = _dates(show.get("build_start") or day_before, day_before)
    close_zh, close_en = _dates(end)
    clear_zh, clear_en = _dates(show.get("teardown_end"))
    later_zh, later_en = "另行通知", "to be announced"
    when_zh = f"展会于{open_zh}{'在' + place if place else ''}举办。" if open_zh else ""
    when_en = f"The show is open {open_en}{' at ' + place_en if place_en else ''}. " if open_en else ""
    by_zh, by_en = (f"主办方：{organizer}。", f"Organizer: {organizer}. ") if organizer else ("", "")
    return {
        "welcome": (f"欢迎参加{name}！{when_zh}本手册汇集了您参展所需的信息：展位、布展与撤展时间、已订服务、付款情况、"
                    "证件、场馆规定和联系方式，请转交负责布展的同事。",
                    f"Welcome to {name_en}! {when_en}This pack holds what you need for the show: your booth, build-up "
                    "and tear-down times, services ordered, payments, badges, venue rules and contacts. Please pass it "
                    "on to the colleagues who build your booth."),
        "build_up": (f"布展时间：{build_zh or later_zh}，每天 8:30–17:30。报到时请出示展位确认书，领取展商证和施工证。"
                     "特装展位须在布展前完成图纸审核并缴纳施工押金；楣板文字以合同为准，如需修改请在布展前告知您的项目经理。",
                     f"Build-up: {build_en or later_en}, 8:30–17:30 each day. Show your booth confirmation at "
                     "registration to collect exhibitor and contractor badges. Custom-built booths need approved "
                     "drawings and the construction deposit before build-up; the fascia text is as in the contract — "
                     "tell your account manager before build-up if it must change."),
        "tear_down": (f"撤展时间：{close_zh + '闭馆后' if close_zh else later_zh}"
                      f"{'至' + clear_zh if clear_zh else ''}。展期内请勿提前撤展；请带走全部展品和垃圾，"
                      "特装展位拆除完毕并经主办方验收后退还施工押金。",
                      f"Tear-down: {'after the show closes on ' + close_en if close_en else later_en}"
                      f"{', until ' + clear_en if clear_en else ''}. Please do not dismantle before the show closes; "
                      "take all exhibits and waste away. The construction deposit of a custom build is returned once it "
                      "is dismantled and checked by the organizer."),
        "badges": ("展商证凭展位确认书在报到处领取，每个标准展位（9 m²）配 2 张，光地每 9 m² 配 2 张。布展和撤展期间施工人员须"
                   "佩戴施工证。证件仅限本人使用，请勿转借。",
                   "Collect exhibitor badges at registration with your booth confirmation: 2 per shell-scheme booth "
                   "(9 m²) and 2 per 9 m² of raw space. Contractors wear contractor badges during build-up and "
                   "tear-down. Badges are personal and may not be lent."),
        "venue_rules": ("馆内禁止吸烟和使用明火；消防通道、消防栓和配电箱前不得堆放物品；搭建材料须为阻燃材料，展台高度以主办方"
                        "通知为准；用电须向主办方申请，禁止私拉电线；展品进出馆须登记。",
                        "No smoking or open flames in the halls; keep fire exits, hydrants and power boxes clear; "
                        "building materials must be flame-retardant and booths keep to the organizer's height limit; "
                        "power is ordered through the organizer, never tapped privately; exhibits entering or leaving "
                        "the halls are registered."),
        "contacts": (f"{by_zh}您的项目经理是您参展的联系人，如有任何问题请与其联系；展期内现场服务台设在登记大厅。",
                     f"{by_en}Your account manager is your contact for everything about the show; during the show the "
                     "service desk is in the registration hall."),
        "rebooking": (f"下一届展会的展位预订已经开始：本届展商可优先续订，保留原展位或挑选新展位。请在"
                      f"{close_zh + '闭幕前' if close_zh else '展会闭幕前'}联系您的项目经理。",
                      "Booking for the next edition is open: exhibitors of this show rebook first and keep their booth "
                      f"or choose another. Talk to your account manager before the show closes"
                      f"{' on ' + close_en if close_en else ''}."),
    }


def _defaults(db: Database, show: dict) -> dict[str, tuple[str, str]]:
    return default_show_texts(show, get_setting(db, ORGANIZER_SETTING) or "")


def show_text_defaults(db: Database, show_id: str) -> dict[str, tuple[str, str]]:
    """What each text says while nobody has written it (the dialog's 'restore default')."""
    return _defaults(db, _show_or_error(db, show_id))


def show_texts(db: Database, show_id: str) -> dict[str, tuple[str, str]]:
    """key -> (Chinese, English) for every key of ``TEXT_KEYS``; what nobody wrote is the
    default made from the show's name, dates and venue."""
    show = _show_or_error(db, show_id)
    stored, defaults = store.show_texts(db, show_id), _defaults(db, show)
    result = {}
    for key in TEXT_KEYS:
        row = stored.get(key) or {}
        result[key] = (row.get("text_zh") or defaults[key][0], row.get("text_en") or defaults[key][1])
    return result


def written_show_texts(db: Database, show_id: str) -> set[str]:
    """The keys someone wrote (the others follow the show's dates)."""
    return set(store.show_texts(db, show_id))


def set_show_texts(db: Database, actor: Actor, show_id: str, texts: dict[str, tuple[str, str]]) -> ChangeSet:
    """Several texts in one transaction. A text equal to its default (or blank in both
    languages) is not stored, so it keeps following the show's dates."""
    require(actor, Action.EDIT_BOOTHS)
    problems: list[Problem] = []
    cleaned = {}
    for key, (text_zh, text_en) in texts.items():
        if key not in TEXT_KEYS:
            problems.append(Problem("key", f"未知的文本 / unknown text: '{key}' (known: {', '.join(TEXT_KEYS)})"))
            continue
        cleaned[key] = (_text(text_zh), _text(text_en))
        problems += [Problem(key, f"{lang}: {p.message}") for lang, text in (("中文 Chinese", cleaned[key][0]),
                                                                            ("英文 English", cleaned[key][1]))
                     for p in _too_long(key, text, MAX_LONG)]
    changes = ChangeSet()
    with transaction(db):
        show = _show_or_error(db, show_id)
        if problems:
            raise ValidationError(problems)
        defaults, stored = _defaults(db, show), store.show_texts(db, show_id)
        for key, (text_zh, text_en) in cleaned.items():
            keep = {"text_zh": "" if text_zh == defaults[key][0] else text_zh,
                    "text_en": "" if text_en == defaults[key][1] else text_en}
            current = stored.get(key)
            if not any(keep.values()):
                if current is not None:
                    record_delete(db, actor, changes, "show_texts", current["id"])
            elif current is None:
                record_insert(db, actor, changes, "show_texts", {"show_id": show_id, "key": key, **keep})
            else:
                record_update(db, actor, changes, "show_texts", current["id"], keep)
    return changes


def set_show_text(db: Database, actor: Actor, show_id: str, key: str, text_zh: str, text_en: str) -> ChangeSet:
    """One of the pack's texts in Chinese and English (see ``set_show_texts``)."""
    return set_show_texts(db, actor, show_id, {key: (text_zh, text_en)})

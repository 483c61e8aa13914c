"""Halls and booths: reading the plan, laying it out, reserving and selling."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from expo_desk.domain import booth_geometry as geometry
from expo_desk.domain.actors import Actor
from expo_desk.domain.booth_geometry import Rect
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothStatus, BoothType
from expo_desk.domain.permissions import Action, require
from expo_desk.errors import Problem, UserError, ValidationError
from expo_desk.services.changes import ChangeSet, record_delete, record_insert, record_update
from expo_desk.services.contracts import end_draft_hold
from expo_desk.store import booths as booth_store
from expo_desk.store import contracts as contract_store
from expo_desk.store import records
from expo_desk.store.transactions import transaction

if TYPE_CHECKING:
    from expo_desk.store.db import Database


def list_halls(db: Database, show_id: str) -> list[dict]:
    """The show's halls with their size in cm and how many booths each holds."""
    return booth_store.list_halls(db, show_id)


def hall_booths(db: Database, hall_id: str) -> list[dict]:
    """Every booth of a hall, with the exhibitor holding it and the sector to colour by."""
    return booth_store.hall_booths(db, hall_id)


# ---------------------------------------------------------------- helpers

_BOOTH_TYPES = {t.value for t in BoothType}


def _hall_or_error(db: Database, hall_id: str) -> dict:
    hall = booth_store.get_hall(db, hall_id)
    if hall is None:
        raise UserError("展馆不存在 / this hall no longer exists")
    return hall


def _booth_or_error(db: Database, booth_id: str) -> dict:
    booth = booth_store.get_booth(db, booth_id)
    if booth is None:
        raise UserError("展位不存在 / this booth no longer exists")
    return booth


def _booths_or_error(db: Database, booth_ids: list[str]) -> list[dict]:
    found = {b["id"]: b for b in booth_store.booths_by_ids(db, list(dict.fromkeys(booth_ids)))}
    missing = [i for i in booth_ids if i not in found]
    if missing:
        raise UserError(f"{len(missing)} 个展位不存在 / {len(missing)} booth(s) no longer exist")
    return [found[i] for i in dict.fromkeys(booth_ids)]


def _m(cm: int) -> str:
    return f"{cm / 100:g} m"


def _layout_problems(hall: dict, placed: list[tuple[str, Rect]], others: list[dict]) -> list[Problem]:
    """Every booth inside the hall and overlapping nothing; ``placed`` are (number, rect)."""
    problems: list[Problem] = []
    for number, rect in placed:
        if rect.width <= 0 or rect.depth <= 0:
            problems.append(Problem("size", "宽和深必须大于 0 / width and depth must be larger than 0", where=number))
        elif not geometry.inside_hall(rect, hall["width_cm"], hall["depth_cm"]):
            problems.append(Problem(
                "position", f"超出展馆 {hall['code']}（{_m(hall['width_cm'])} × {_m(hall['depth_cm'])}）/ "
                f"outside hall {hall['code']} ({_m(hall['width_cm'])} x {_m(hall['depth_cm'])})", where=number))
    valid = [(n, r) for n, r in placed if r.width > 0 and r.depth > 0]
    for i, j, k in geometry.find_overlaps([r for _, r in valid], others):
        if j is None:
            other = others[k]["number"]
            problems.append(Problem("position", f"与展位 {other} 重叠 / overlaps booth {other}", where=valid[i][0]))
        else:
            other = valid[i][0]
            problems.append(Problem("position", f"与展位 {other} 重叠 / overlaps booth {other}", where=valid[j][0]))
    return problems


def _hall_problems(values: dict, partial: bool) -> tuple[dict, list[Problem]]:
    cleaned: dict = {}
    problems: list[Problem] = []
    if "code" in values or not partial:
        code = str(values.get("code") or "").strip()
        if not code:
            problems.append(Problem("code", "展馆代码必填 / the hall code is required"))
        cleaned["code"] = code
    if "name" in values:
        cleaned["name"] = str(values.get("name") or "").strip()
    for key in ("width_cm", "depth_cm"):
        if key in values or not partial:
            value = values.get(key)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                problems.append(Problem(key, f"展馆尺寸必须是大于 0 的整数厘米 / the hall size must be a whole number "
                                             f"of cm larger than 0: {value!r}"))
            cleaned[key] = value
    if "background_path" in values:
        path = values["background_path"]
        cleaned["background_path"] = str(path) if path else None
    for key in ("background_x_cm", "background_y_cm"):
        if key in values:
            if not isinstance(values[key], int) or isinstance(values[key], bool):
                problems.append(Problem(key, "底图位置必须是整数厘米 / the background position must be whole cm"))
            cleaned[key] = values[key]
    if "background_scale" in values:
        scale = values["background_scale"]
        if not isinstance(scale, (int, float)) or isinstance(scale, bool) or not scale > 0:
            problems.append(Problem("background_scale", "底图比例必须大于 0 / the background scale must be larger than 0"))
        cleaned["background_scale"] = float(scale) if isinstance(scale, (int, float)) else scale
    return cleaned, problems


# ---------------------------------------------------------------- halls


def create_hall(db: Database, actor: Actor, show_id: str, code: str, name: str, width_cm: int,
                depth_cm: int, *, background_path: str | None = None, background_x_cm: int = 0,
                background_y_cm: int = 0, background_scale: float = 1.0) -> ChangeSet:
    """Add a hall (size in cm, optional background drawing placed at x/y and scaled)."""
    require(actor, Action.EDIT_BOOTHS)
    cleaned, problems = _hall_problems({
        "code": code, "name": name, "width_cm": width_cm, "depth_cm": depth_cm, "background_path": background_path,
        "background_x_cm": background_x_cm, "background_y_cm": background_y_cm,
        "background_scale": background_scale}, partial=False)
    changes = ChangeSet()
    with transaction(db):
        if cleaned["code"] and booth_store.hall_by_code(db, show_id, cleaned["code"]) is not None:
            problems.append(Problem("code", f"本届展会已有展馆 {cleaned['code']} / this show already has hall "
                                            f"{cleaned['code']}"))
        if problems:
            raise ValidationError(problems)
        record_insert(db, actor, changes, "halls", {"show_id": show_id, **cleaned})
    return changes


def update_hall(db: Database, actor: Actor, hall_id: str, **values: object) -> ChangeSet:
    """Change code, name, size (cm) or background (path, x/y cm, scale) of a hall.

    A smaller hall is refused while booths would lie outside it.
    """
    require(actor, Action.EDIT_BOOTHS)
    unknown = set(values) - {"code", "name", "width_cm", "depth_cm", "background_path", "background_x_cm",
                             "background_y_cm", "background_scale"}
    if unknown:
        raise TypeError(f"unknown hall fields: {sorted(unknown)}")
    cleaned, problems = _hall_problems(values, partial=True)
    changes = ChangeSet()
    with transaction(db):
        hall = _hall_or_error(db, hall_id)
        code = cleaned.get("code")
        if code and code.casefold() != hall["code"].casefold():
            clash = booth_store.hall_by_code(db, hall["show_id"], code)
            if clash is not None and clash["id"] != hall_id:
                problems.append(Problem("code", f"本届展会已有展馆 {code} / this show already has hall {code}"))
        if not problems and ("width_cm" in cleaned or "depth_cm" in cleaned):
            width, depth = cleaned.get("width_cm", hall["width_cm"]), cleaned.get("depth_cm", hall["depth_cm"])
            outside = [b["number"] for b in booth_store.hall_layout(db, hall_id)
                       if not geometry.inside_hall(b, width, depth)]
            if outside:
                shown = ", ".join(sorted(outside)[:10]) + (" …" if len(outside) > 10 else "")
                problems.append(Problem("size", f"{len(outside)} 个展位会在展馆之外：{shown} / "
                                                f"{len(outside)} booth(s) would lie outside the hall: {shown}"))
        if problems:
            raise ValidationError(problems)
        record_update(db, actor, changes, "halls", hall_id, cleaned)
    return changes


# ---------------------------------------------------------------- laying out booths


def _draft_problems(draft: BoothDraft) -> list[Problem]:
    problems = []
    where = draft.number.strip() or "?"
    if not draft.number.strip():
        problems.append(Problem("number", "展位号必填 / the booth number is required", where=where))
    if str(draft.booth_type) not in _BOOTH_TYPES:
        problems.append(Problem("booth_type", f"类型应为 标准/shell 或 光地/raw / type must be shell or raw: "
                                              f"'{draft.booth_type}'", where=where))
    for value in (draft.x_cm, draft.y_cm, draft.width_cm, draft.depth_cm):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(Problem("position", "位置和尺寸必须是整数厘米 / position and size must be whole cm",
                                    where=where))
            break
    return problems


def add_booths(db: Database, actor: Actor, show_id: str, hall_id: str,
               drafts: list[BoothDraft], *, ids: list[str] | None = None) -> ChangeSet:
    """Add booths to a hall, all or none: numbers unique in the show, every booth inside the
    hall, none overlapping another new or existing booth. Every problem is reported.

    ``ids`` gives deleted booths back their own ids (undo), so the audit trail and any
    record pointing at them still find them.
    """
    require(actor, Action.EDIT_BOOTHS)
    if ids is not None and len(ids) != len(drafts):
        raise ValueError("one id per draft")
    problems: list[Problem] = []
    for draft in drafts:
        problems += _draft_problems(draft)
    changes = ChangeSet()
    with transaction(db):
        hall = _hall_or_error(db, hall_id)
        if hall["show_id"] != show_id:
            raise UserError("展馆不属于这届展会 / the hall belongs to another show")
        taken = booth_store.show_booth_numbers(db, show_id)
        seen: set[str] = set()
        for draft in drafts:
            number = draft.number.strip()
            if not number:
                continue
            if number in taken:
                problems.append(Problem("number", f"本届展会已有展位 {number} / this show already has booth {number}",
                                        where=number))
            elif number in seen:
                problems.append(Problem("number", f"展位号重复 / booth number {number} is given twice", where=number))
            seen.add(number)
        if not problems:
            placed = [(d.number.strip(), geometry.rect_of(d)) for d in drafts]
            problems += _layout_problems(hall, placed, booth_store.hall_layout(db, hall_id))
        if problems:
            raise ValidationError(problems)
        for index, draft in enumerate(drafts):
            record_insert(db, actor, changes, "booths", {
                **({"id": ids[index]} if ids else {}),
                "show_id": show_id, "hall_id": hall_id, "number": draft.number.strip(), "x_cm": draft.x_cm,
                "y_cm": draft.y_cm, "width_cm": draft.width_cm, "depth_cm": draft.depth_cm,
                "booth_type": str(draft.booth_type), "sector": draft.sector.strip(),
            })
    return changes


def generate_block(db: Database, actor: Actor, show_id: str, hall_id: str, *, rows: int, columns: int,
                   pattern: str = "A1-{n:03d}", first: int = 1, x_cm: int = 0, y_cm: int = 0,
                   width_cm: int = geometry.STANDARD_BOOTH_CM, depth_cm: int = geometry.STANDARD_BOOTH_CM,
                   aisle_cm: int = geometry.DEFAULT_AISLE_CM, rows_per_band: int = 2,
                   booth_type: BoothType = BoothType.SHELL, sector: str = "") -> ChangeSet:
    """A block of rows x columns booths (see ``domain.booth_geometry.generate_block``), added whole or not at all."""
    require(actor, Action.EDIT_BOOTHS)
    drafts = geometry.generate_block(rows, columns, pattern=pattern, first=first, x_cm=x_cm, y_cm=y_cm,
                                     width_cm=width_cm, depth_cm=depth_cm, aisle_cm=aisle_cm,
                                     rows_per_band=rows_per_band, booth_type=booth_type, sector=sector)
    return add_booths(db, actor, show_id, hall_id, drafts)


def update_booth(db: Database, actor: Actor, booth_id: str, *, number: str | None = None,
                 booth_type: BoothType | str | None = None, sector: str | None = None,
                 blocked: bool | None = None, blocked_reason: str = "") -> ChangeSet:
    """Change number, type or sector; block (with a reason) or unblock a booth.

    Only an available booth can be blocked; unblocking makes it available again.
    """
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    problems: list[Problem] = []
    with transaction(db):
        booth = _booth_or_error(db, booth_id)
        where = booth["number"]
        values: dict = {}
        if number is not None:
            number = number.strip()
            if not number:
                problems.append(Problem("number", "展位号必填 / the booth number is required", where=where))
            elif number != booth["number"]:
                if number in booth_store.show_booth_numbers(db, booth["show_id"]):
                    problems.append(Problem("number", f"本届展会已有展位 {number} / this show already has booth "
                                                      f"{number}", where=where))
                values["number"] = number
        if booth_type is not None:
            if str(booth_type) not in _BOOTH_TYPES:
                problems.append(Problem("booth_type", f"类型应为 标准/shell 或 光地/raw / type must be shell or raw: "
                                                      f"'{booth_type}'", where=where))
            values["booth_type"] = str(booth_type)
        if sector is not None:
            values["sector"] = sector.strip()
        if blocked is True:
            reason = blocked_reason.strip()
            if not reason:
                problems.append(Problem("blocked_reason", "封锁展位须写明原因（柱子、消防通道、主办方自用）/ "
                                        "give a reason to block a booth (pillar, fire exit, organizer use)",
                                        where=where))
            if booth["status"] not in (BoothStatus.AVAILABLE, BoothStatus.BLOCKED):
                problems.append(Problem("status", f"展位 {where} 已{_STATUS_ZH[booth['status']]}，不能封锁 / booth "
                                        f"{where} is {booth['status']} and cannot be blocked", where=where))
            values.update(status=BoothStatus.BLOCKED.value, blocked_reason=reason)
        elif blocked is False and booth["status"] == BoothStatus.BLOCKED:
            values.update(status=BoothStatus.AVAILABLE.value, blocked_reason="")
        if problems:
            raise ValidationError(problems)
        record_update(db, actor, changes, "booths", booth_id, values)
    return changes


def _relayout(db: Database, actor: Actor, new_rects: dict[str, Rect]) -> ChangeSet:
    """Give booths new rectangles, checked together against the rest of their halls."""
    changes = ChangeSet()
    with transaction(db):
        booths = _booths_or_error(db, list(new_rects))
        problems: list[Problem] = []
        by_hall: dict[str, list[dict]] = {}
        for booth in booths:
            by_hall.setdefault(booth["hall_id"], []).append(booth)
        for hall_id, moved in by_hall.items():
            hall = _hall_or_error(db, hall_id)
            ids = {b["id"] for b in moved}
            others = [b for b in booth_store.hall_layout(db, hall_id) if b["id"] not in ids]
            problems += _layout_problems(hall, [(b["number"], new_rects[b["id"]]) for b in moved], others)
        if problems:
            raise ValidationError(problems)
        for booth in booths:
            rect = new_rects[booth["id"]]
            record_update(db, actor, changes, "booths", booth["id"], {
                "x_cm": rect.x, "y_cm": rect.y, "width_cm": rect.width, "depth_cm": rect.depth})
    return changes


def move_booths(db: Database, actor: Actor, moves: dict[str, tuple[int, int]]) -> ChangeSet:
    """Move booths to new top-left corners (cm), all together: checked as one new layout."""
    require(actor, Action.EDIT_BOOTHS)
    booths = {b["id"]: b for b in booth_store.booths_by_ids(db, list(moves))}
    rects = {}
    for booth_id, (x, y) in moves.items():
        booth = booths.get(booth_id)
        if booth is None:
            raise UserError("展位不存在 / this booth no longer exists")
        rects[booth_id] = Rect(int(x), int(y), booth["width_cm"], booth["depth_cm"])
    return _relayout(db, actor, rects)


def resize_booth(db: Database, actor: Actor, booth_id: str, width_cm: int, depth_cm: int, *,
                 x_cm: int | None = None, y_cm: int | None = None) -> ChangeSet:
    """New size (and optionally a new corner, when resizing from the top or left edge)."""
    require(actor, Action.EDIT_BOOTHS)
    booth = _booth_or_error(db, booth_id)
    x = booth["x_cm"] if x_cm is None else x_cm
    y = booth["y_cm"] if y_cm is None else y_cm
    return _relayout(db, actor, {booth_id: Rect(int(x), int(y), int(width_cm), int(depth_cm))})


def _refuse_taken(db: Database, booths: list[dict], what: str) -> None:
    """Sold (held by a contract) or reserved booths stay as they are."""
    held = booth_store.active_sales(db, [b["id"] for b in booths])
    named = booth_store.contracts_naming(db, [b["id"] for b in booths])  # a cancelled sale keeps its history
    problems = []
    for booth in booths:
        if booth["id"] in held:
            problems.append(Problem("status", f"展位已售出（合同 {held[booth['id']]}），不能{what[0]} / "
                                              f"the booth is sold (contract {held[booth['id']]}) and cannot be "
                                              f"{what[1]}", where=booth["number"]))
        elif booth["status"] == BoothStatus.SOLD:
            problems.append(Problem("status", f"展位已售出，不能{what[0]} / the booth is sold and cannot be {what[1]}",
                                    where=booth["number"]))
        elif booth["id"] in named:
            problems.append(Problem("status", f"展位记录在合同 {named[booth['id']]} 中，不能{what[0]} / the booth is on "
                                              f"contract {named[booth['id']]} and cannot be {what[1]}",
                                    where=booth["number"]))
        elif booth["status"] == BoothStatus.RESERVED:
            problems.append(Problem("status", f"展位已为 {booth['reserved_for']} 预留，请先释放 / the booth is "
                                              f"reserved for {booth['reserved_for']}; release it first",
                                    where=booth["number"]))
    if problems:
        raise ValidationError(problems)


def delete_booths(db: Database, actor: Actor, booth_ids: list[str]) -> ChangeSet:
    """Delete booths, all or none; refused for a booth that is sold or reserved."""
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        booths = _booths_or_error(db, booth_ids)
        _refuse_taken(db, booths, ("删除", "deleted"))
        for booth in booths:
            try:
                records.delete(db, actor, "booths", booth["id"])
            except records.RowInUse as exc:
                raise UserError(f"{booth['number']}: 展位仍在合同中，不能删除 / the booth is still on a contract "
                                f"and cannot be deleted") from exc
            changes.add("deleted", "booths", booth["id"])
    return changes


def merge_booths(db: Database, actor: Actor, booth_ids: list[str]) -> ChangeSet:
    """Merge adjacent booths of one hall into one (their union must be a rectangle).

    The booth with the lowest number keeps its id, number, type and sector and takes the
    whole area; the others are deleted. Sold or reserved booths are refused.
    """
    require(actor, Action.EDIT_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        booths = _booths_or_error(db, booth_ids)
        if len({b["hall_id"] for b in booths}) > 1:
            raise UserError("只能合并同一展馆的展位 / only booths of one hall can be merged")
        _refuse_taken(db, booths, ("合并", "merged"))
        union = geometry.merge(booths)
        keep, *rest = sorted(booths, key=lambda b: b["number"])
        for booth in rest:
            record_delete(db, actor, changes, "booths", booth["id"])
        records.update(db, actor, "booths", keep["id"], {
            "x_cm": union.x, "y_cm": union.y, "width_cm": union.width, "depth_cm": union.depth})
        changes.add("updated", "booths", keep["id"])
    return changes


def split_booth(db: Database, actor: Actor, booth_id: str, parts: int,
                direction: geometry.Direction | str = geometry.Direction.ACROSS,
                numbers: list[str] | None = None) -> ChangeSet:
    """Split a booth into ``parts`` equal booths, side by side (across) or front to back (down).

    The booth keeps its id and number as the first part; the others are numbered with
    letters (A1-001 → A1-001, A1-001B, A1-001C) unless ``numbers`` gives all of them.
    """
    require(actor, Action.EDIT_BOOTHS)
    if not 2 <= parts <= 26:
        raise UserError("可分成 2 到 26 份 / a booth splits into 2 to 26 parts")
    changes = ChangeSet()
    with transaction(db):
        booth = _booth_or_error(db, booth_id)
        _refuse_taken(db, [booth], ("拆分", "split"))
        pieces = geometry.split(booth, parts, direction)
        names = [n.strip() for n in numbers] if numbers else geometry.split_numbers(booth["number"], parts)
        if len(names) != parts:
            raise UserError(f"需要 {parts} 个展位号 / {parts} booth numbers are needed")
        first, rest = pieces[0], pieces[1:]
        records.update(db, actor, "booths", booth_id, {
            "number": names[0], "x_cm": first.x, "y_cm": first.y, "width_cm": first.width, "depth_cm": first.depth})
        changes.add("updated", "booths", booth_id)
        drafts = [BoothDraft(name, p.x, p.y, p.width, p.depth, BoothType(booth["booth_type"]), booth["sector"])
                  for name, p in zip(names[1:], rest)]
        changes.merge(add_booths(db, actor, booth["show_id"], booth["hall_id"], drafts))
    return changes


# ---------------------------------------------------------------- open sides


def hall_open_sides(db: Database, hall_id: str, tolerance_cm: int = 0) -> dict[str, geometry.OpenSides]:
    """Booth id -> its open sides, from its neighbours and the hall's walls (the rule is in
    ``domain.booth_geometry``)."""
    hall = _hall_or_error(db, hall_id)
    layout = booth_store.hall_layout(db, hall_id)
    found = geometry.open_sides_all(layout, (hall["width_cm"], hall["depth_cm"]), tolerance_cm)
    return {b["id"]: o for b, o in zip(layout, found)}


def booth_open_sides(db: Database, booth_id: str, tolerance_cm: int = 0) -> geometry.OpenSides:
    booth = _booth_or_error(db, booth_id)
    return hall_open_sides(db, booth["hall_id"], tolerance_cm)[booth_id]


# ---------------------------------------------------------------- reserve, release, sell

_STATUS_ZH = {"available": "可售", "reserved": "预留", "sold": "售出", "blocked": "封锁"}


def _iso_date(value: date | str, field: str) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise ValidationError([Problem(field, f"日期应为 YYYY-MM-DD / the date must be YYYY-MM-DD: '{value}'")]) from exc


def reserve_booth(db: Database, actor: Actor, booth_id: str, reserved_for: str, until: date | str, *,
                  today: date | None = None) -> ChangeSet:
    """Hold an available booth for an exhibitor or prospect (by name) until a date.

    Reserving again for the same name changes the date; a booth sold, blocked or reserved
    for someone else is refused.
    """
    require(actor, Action.RESERVE_BOOTHS)
    name = (reserved_for or "").strip()
    until_text = _iso_date(until, "reserved_until")
    today_text = (today or date.today()).isoformat()
    problems = []
    if not name:
        problems.append(Problem("reserved_for", "请填写为谁预留 / name who the booth is reserved for"))
    if until_text < today_text:
        problems.append(Problem("reserved_until", f"预留截止日期已过 / the date {until_text} has already passed"))
    changes = ChangeSet()
    with transaction(db):
        booth = _booth_or_error(db, booth_id)
        number = booth["number"]
        held = booth_store.active_sales(db, [booth_id])
        if held or booth["status"] == BoothStatus.SOLD:
            raise UserError(f"展位 {number} 已售出 / booth {number} is already sold")
        if booth["status"] == BoothStatus.BLOCKED:
            raise UserError(f"展位 {number} 已封锁（{booth['blocked_reason']}）/ booth {number} is blocked "
                            f"({booth['blocked_reason']})")
        if booth["status"] == BoothStatus.RESERVED and booth["reserved_for"].casefold() != name.casefold():
            raise UserError(f"展位 {number} 已为 {booth['reserved_for']} 预留至 {booth['reserved_until']} / booth "
                            f"{number} is reserved for {booth['reserved_for']} until {booth['reserved_until']}")
        for p in problems:
            problems[problems.index(p)] = Problem(p.field, p.message, where=number)
        if problems:
            raise ValidationError(problems)
        record_update(db, actor, changes, "booths", booth_id, {
            "status": BoothStatus.RESERVED.value, "reserved_for": name, "reserved_until": until_text})
    return changes


def release_booth(db: Database, actor: Actor, booth_id: str) -> ChangeSet:
    """End a reservation: the booth is available again."""
    require(actor, Action.RESERVE_BOOTHS)
    changes = ChangeSet()
    with transaction(db):
        booth = _booth_or_error(db, booth_id)
        if booth["status"] != BoothStatus.RESERVED:
            raise UserError(f"展位 {booth['number']} 没有预留 / booth {booth['number']} is not reserved")
        records.update(db, actor, "booths", booth_id, {
            "status": BoothStatus.AVAILABLE.value, "reserved_for": "", "reserved_until": None})
        changes.add("updated", "booths", booth_id)
    return changes


def set_reservations(db: Database, actor: Actor, holds: list[tuple[str, str | None, date | str | None]]) -> ChangeSet:
    """Reserve (name, until) or release (None) several booths at once: all of them or none.

    Each entry is ``(booth_id, reserved_for, until)``; the plan's reserve, release and
    their undo steps go through here so a refusal on one booth leaves the others as they were.
    """
    changes = ChangeSet()
    with transaction(db):
        for booth_id, reserved_for, until in holds:
            if reserved_for is None:
                changes.merge(release_booth(db, actor, booth_id))
            else:
                changes.merge(reserve_booth(db, actor, booth_id, reserved_for, until))
    return changes


def release_expired_reservations(db: Database, actor: Actor, today: date | str,
                                 show_id: str | None = None) -> list[dict]:
    """Make available every booth whose reservation ended before ``today``; one audit entry each.

    Returns the released booths as they were (number, reserved_for, reserved_until...) so the
    window can tell the user. Not a choice of the person but the rule of the date, so any
    signed-in role triggers it (the audit names who was signed in).
    """
    today_text = _iso_date(today, "today")
    with transaction(db):
        expired = booth_store.expired_reservations(db, today_text, show_id)
        for hold in contract_store.draft_holds(db, [b["id"] for b in expired]):  # a draft's hold ends too
            end_draft_hold(db, actor, hold["contract_id"], hold["booth_id"], ChangeSet())
        for booth in expired:
            records.update(db, actor, "booths", booth["id"], {
                "status": BoothStatus.AVAILABLE.value, "reserved_for": "", "reserved_until": None})
    return expired


def sell_booth(db: Database, actor: Actor, contract_id: str, booth_id: str, *,
               amount_fen: int = 0, unit_price_fen: int = 0) -> ChangeSet:
    """Put the booth on the contract as its active sale and mark it sold, in one transaction.

    A second sale of the same booth is refused by the database itself (the unique index
    ``one_active_sale_per_booth``), also when another process sells it at the same moment:
    it comes back as "展位 X 已售出 / booth X is already sold" with nothing changed.
    """
    require(actor, Action.EDIT_CONTRACTS)
    changes = ChangeSet()
    with transaction(db):
        booth = _booth_or_error(db, booth_id)
        contract = booth_store.get_contract(db, contract_id)
        if contract is None:
            raise UserError("合同不存在 / this contract no longer exists")
        if contract["show_id"] != booth["show_id"]:
            raise UserError("合同与展位不属于同一届展会 / the contract and the booth belong to different shows")
        if contract["status"] == "cancelled":
            raise UserError(f"合同 {contract['number']} 已取消 / contract {contract['number']} is cancelled")
        number = booth["number"]
        if booth["status"] == BoothStatus.BLOCKED:
            raise UserError(f"展位 {number} 已封锁（{booth['blocked_reason']}）/ booth {number} is blocked "
                            f"({booth['blocked_reason']})")
        line = booth_store.hold_booth(db, actor, contract_id, booth_id, number=number, amount_fen=amount_fen,
                                      unit_price_fen=unit_price_fen, description=f"展位 {number} / booth {number}")
        changes.add("inserted", "contract_lines", line["id"])
        records.update(db, actor, "booths", booth_id, {
            "status": BoothStatus.SOLD.value, "reserved_for": "", "reserved_until": None})
        changes.add("updated", "booths", booth_id)
    return changes


# ---------------------------------------------------------------- figures and finding


def occupancy(db: Database, show_id: str) -> dict:
    """Booths and m² by status, per hall and for the whole show (for the dashboard).

    ``{"halls": [{"hall_id", "code", "name", "by_status": {status: {"booths", "area_m2"}},
    "booths", "area_m2"}], "total": {"by_status": ..., "booths", "area_m2"}}``; every status
    is present (zero when none). Areas in m² with two decimals.
    """
    def empty() -> dict:
        return {"by_status": {s.value: {"booths": 0, "area_cm2": 0} for s in BoothStatus}, "booths": 0, "area_cm2": 0}

    halls: dict[str, dict] = {}
    total = empty()
    for row in booth_store.occupancy_rows(db, show_id):
        hall = halls.setdefault(row["hall_id"], {"hall_id": row["hall_id"], "code": row["code"], "name": row["name"],
                                                 **empty()})
        if row["status"] is None:
            continue
        for bucket in (hall, total):
            bucket["by_status"][row["status"]]["booths"] += row["booths"]
            bucket["by_status"][row["status"]]["area_cm2"] += row["area_cm2"]
            bucket["booths"] += row["booths"]
            bucket["area_cm2"] += row["area_cm2"]

    def finish(bucket: dict) -> dict:
        for figures in [bucket, *bucket["by_status"].values()]:
            figures["area_m2"] = round(figures.pop("area_cm2") / 10_000, 2)
        return bucket

    return {"halls": [finish(h) for h in halls.values()], "total": finish(total)}


def booth_at(db: Database, hall_id: str, x_cm: float, y_cm: float) -> dict | None:
    """The booth under a point of the hall plan, or None."""
    return booth_store.booth_at(db, hall_id, x_cm, y_cm)


def find_booth(db: Database, show_id: str, text: str, limit: int = 50) -> list[dict]:
    """Booths for "fly to": an exact booth number first, then numbers starting with the
    text, then booths whose exhibitor (Chinese or English name) or reservation name holds it.
    Each row has id, hall_id, hall_code, number, x/y/width/depth in cm, status, exhibitor."""
    text = (text or "").strip()
    if not text:
        return []
    return booth_store.find_booths(db, show_id, text, limit)

"""The data of the hall plan PDF, assembled from the show, its halls and booths.

Pure apart from reading: no drawing here (``expo_desk.reports.plan`` draws it), so what a
plan shows — which halls, which names in which language, which booth is marked — is
tested on its own.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from expo_desk.domain.plan_report import PlanBooth, PlanHall, PlanReportData
from expo_desk.errors import UserError
from expo_desk.services import booths as booth_service
from expo_desk.services.document_head import check_language, logo_path, organizer_name
from expo_desk.store import shows as show_store

if TYPE_CHECKING:
    from expo_desk.store.db import Database



def booth_labels(booth: dict, language: str) -> tuple[str, ...]:
    """What a booth shows under its number, most important first: the holder's name in the
    document's language(s), or, for a blocked booth, why it is blocked. A prospect's name on
    a reservation stays off the plan (plans are handed to exhibitors)."""
    status = booth.get("status") or "available"
    if status == "blocked":
        reason = (booth.get("blocked_reason") or "").strip()
        if not reason:
            return ()
        zh, sep, en = reason.partition(" / ")  # reasons are often written "柱子 / pillar"
        if not sep:
            return (reason,)
        return {"zh": (zh.strip(),), "en": (en.strip(),)}.get(language, (zh.strip(), en.strip()))
    zh = (booth.get("exhibitor") or "").strip()
    en = (booth.get("exhibitor_en") or "").strip()
    if language == "zh":
        names = (zh or en,)
    elif language == "en":
        names = (en or zh,)
    else:
        names = (zh, en) if en and en != zh else (zh or en,)
    return tuple(n for n in names if n)


def _plan_booth(row: dict, language: str) -> PlanBooth:
    return PlanBooth(number=row["number"], x_cm=int(row["x_cm"]), y_cm=int(row["y_cm"]),
                     width_cm=int(row["width_cm"]), depth_cm=int(row["depth_cm"]),
                     status=row.get("status") or "available", labels=booth_labels(row, language),
                     booth_type=row.get("booth_type") or "shell")


def _plan_hall(db: Database, hall: dict, language: str) -> PlanHall:
    booths = tuple(_plan_booth(row, language) for row in booth_service.hall_booths(db, hall["id"]))
    return PlanHall(code=hall["code"], name=hall.get("name") or "", width_cm=int(hall["width_cm"]),
                    depth_cm=int(hall["depth_cm"]), booths=booths)


def plan_report_data(db: Database, show_id: str, hall_code: str | None = None,
                     highlight_booth: str | None = None, language: str = "both",
                     printed_on: date | None = None) -> PlanReportData:
    """The show's halls (or the one named) with their booths, ready to draw.

    ``highlight_booth`` is a booth number marked on its hall's page; a booth in another
    hall than ``hall_code`` is bad input, like an unknown show, hall or booth (UserError).
    """
    check_language(language)
    show = show_store.show_by_id(db, show_id)
    if show is None:
        raise UserError(f"没有此展会 / no such show: {show_id}")
    halls = booth_service.list_halls(db, show_id)
    if hall_code is not None:
        wanted = hall_code.strip().casefold()
        chosen = [h for h in halls if h["code"].casefold() == wanted]
        if not chosen:
            known = ", ".join(h["code"] for h in halls) or "-"
            raise UserError(f"展会 {show['code']} 没有展馆 {hall_code} / show {show['code']} has no hall "
                            f"{hall_code} (known: {known})")
    else:
        chosen = halls
    plan_halls = tuple(_plan_hall(db, h, language) for h in chosen)

    number = None
    if highlight_booth is not None:
        number = _find_booth(db, show, halls, plan_halls, highlight_booth.strip(), hall_code)

    return PlanReportData(
        show_code=show["code"], show_name=show["name"], show_name_en=show.get("name_en") or "",
        start_date=show.get("start_date"), end_date=show.get("end_date"), venue=show.get("venue") or "",
        organizer=organizer_name(db), logo_path=logo_path(db),
        language=language, printed_on=(printed_on or date.today()).isoformat(),
        halls=plan_halls, highlight=number,
    )


def _find_booth(db: Database, show: dict, halls: list[dict], plan_halls: tuple[PlanHall, ...],
                number: str, hall_code: str | None) -> str:
    """The booth's number as stored (any case given), or a UserError saying where it is not."""
    wanted = number.casefold()
    for hall in plan_halls:
        for booth in hall.booths:
            if booth.number.casefold() == wanted:
                return booth.number
    printed = {h.code for h in plan_halls}
    for hall in halls:
        if hall["code"] in printed:
            continue
        for row in booth_service.hall_booths(db, hall["id"]):
            if row["number"].casefold() == wanted:
                raise UserError(f"展位 {row['number']} 在展馆 {hall['code']}，不在 {hall_code} / booth "
                                f"{row['number']} is in hall {hall['code']}, not in {hall_code}")
    raise UserError(f"展会 {show['code']} 没有展位 {number} / show {show['code']} has no booth {number}")

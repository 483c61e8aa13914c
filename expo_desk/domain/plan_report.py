"""The plain data a hall plan is drawn from: no database, no drawing, only values."""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("zh", "en", "both")


@dataclass(frozen=True)
class PlanBooth:
    """One booth as the plan shows it; ``labels`` are the texts to write in it, most
    important first (the exhibitor's name in the document's language(s), or why it is blocked)."""

    number: str
    x_cm: int
    y_cm: int
    width_cm: int
    depth_cm: int
    status: str  # available / reserved / sold / blocked
    labels: tuple[str, ...] = ()
    booth_type: str = "shell"


@dataclass(frozen=True)
class PlanHall:
    code: str
    name: str
    width_cm: int
    depth_cm: int
    booths: tuple[PlanBooth, ...] = ()


@dataclass(frozen=True)
class PlanReportData:
    """A show's plan: one hall per page, optionally one booth marked."""

    show_code: str
    show_name: str
    show_name_en: str
    start_date: str | None
    end_date: str | None
    venue: str
    organizer: str
    language: str  # zh / en / both
    printed_on: str  # ISO date
    halls: tuple[PlanHall, ...] = ()
    highlight: str | None = None  # a booth number
    logo_path: str | None = None
    status_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # hall code -> status -> count

    def highlighted_booth(self) -> tuple[PlanHall, PlanBooth] | None:
        if not self.highlight:
            return None
        for hall in self.halls:
            for booth in hall.booths:
                if booth.number == self.highlight:
                    return hall, booth
        return None

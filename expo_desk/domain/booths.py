"""Booths as the plan sees them: pure geometry and the values a new booth is made of."""

from __future__ import annotations

from dataclasses import dataclass

from expo_desk.domain.enums import BoothType


@dataclass(frozen=True)
class BoothDraft:
    """A booth not yet in the file: what a block generator, a DXF drawing or a list gives.

    Lengths in integer centimetres, (x, y) the top-left corner in the hall.
    """

    number: str
    x_cm: int
    y_cm: int
    width_cm: int
    depth_cm: int
    booth_type: BoothType = BoothType.SHELL
    sector: str = ""

    @property
    def area_m2(self) -> float:
        return self.width_cm * self.depth_cm / 10_000

"""Halls and booths: how many halls, the booth layout in rows and aisles, who designs and builds each booth."""

from __future__ import annotations

import math

from expo_desk.services.demo.records import RAW, SHELL, Booth
from expo_desk.services.demo.state import DemoState

# width, depth (cm) and weight of the raw-space sizes
_RAW_SIZES = ((600, 600, 35), (900, 600, 25), (900, 900, 15), (1200, 900, 12), (1200, 1200, 8), (1800, 1200, 5))
_BLOCK_REASONS = (("消防通道 / fire exit", 40), ("柱子 / pillar", 35), ("主办方用 / organizer use", 15),
                  ("配电箱 / power box", 10))
# the sectors' zones, hall after hall; the order interleaves them so every hall gets a mix
_ZONE_ORDER = ("钢铁 汽车 渔业 旅游 食品 机械 电子 钢铁 汽车 食品 纺织 建材 渔业 化工 家居 钢铁 汽车 医疗 物流 "
               "新能源 食品 旅游").split()


class FloorSteps(DemoState):
    def _make_halls_and_booths(self) -> None:
        """At least two halls of up to 2,500 booths each, their booths numbered per hall, staffed, a few blocked."""
        rng, tier = self.rng, self.tier
        n_halls = max(2, math.ceil(tier.booths / 2500))
        per_hall = [tier.booths // n_halls + (1 if i < tier.booths % n_halls else 0) for i in range(n_halls)]
        per_zone = max(1, min(6, math.ceil(len(_ZONE_ORDER) / n_halls)))
        self.halls = []
        self.booths = []
        for h, count in enumerate(per_hall):
            code = f"{'ABCDEFGH'[h // 6]}{h % 6 + 1}"
            hall_id = self.uid()
            zones = [_ZONE_ORDER[(h * per_zone + i) % len(_ZONE_ORDER)] for i in range(per_zone)]
            width, depth, booths = self._layout(h, count, zones)
            self.halls.append((hall_id, code))
            self.rows["halls"].append((hall_id, self.show_id, code, f"{code}馆", width, depth))
            digits = max(3, len(str(len(booths))))
            for seq, booth in enumerate(booths, start=1):
                booth.id = self.uid()
                booth.number = f"{code}-{seq:0{digits}d}"
            self.booths.extend(booths)
        # who designs and who builds: supervisors by hall zone, executors by stretches of booths
        zone_keys = sorted({(b.hall, b.sector) for b in self.booths})
        sup_of = {z: self.supervisors[i % len(self.supervisors)] for i, z in enumerate(zone_keys)}
        stretch = max(1, len(self.booths) // len(self.executors) + 1)
        for i, b in enumerate(self.booths):
            b.supervisor = sup_of[(b.hall, b.sector)]
            b.executor = self.executors[i // stretch]
        # blocked booths: pillars, fire exits, the organizer's own use
        reasons, weights = zip(*_BLOCK_REASONS, strict=True)
        for b in self.booths:
            if b.type == SHELL and rng.random() < 0.025:
                b.status = "blocked"
                b.blocked_reason = rng.choices(reasons, weights)[0]

    def _layout(self, hall: int, count: int, zones: list[str]) -> tuple[int, int, list[Booth]]:
        """Booths of one hall in bands with aisles: raw spaces in front, shell rows behind.

        Shell booths stand back to back in double rows of 12 per block with cross aisles;
        raw spaces stand alone (islands) with an aisle around each. Returns the hall's
        width and depth (cm) and its booths in numbering order.
        """
        rng = self.rng
        margin, aisle, cross, cell, per_row = 600, 300, 400, 300, 12
        sizes, size_weights = [(w, d) for w, d, _ in _RAW_SIZES], [p for _, _, p in _RAW_SIZES]
        raw = [rng.choices(sizes, size_weights)[0] for _ in range(count) if rng.random() < 0.12]
        shell_n = count - len(raw)
        area = shell_n * cell * cell * 1.75 + sum((w + aisle) * (d + aisle) for w, d in raw)
        block = per_row * cell
        blocks = max(1, round((math.sqrt(area * 1.6) + cross) / (block + cross)))
        inner = blocks * (block + cross) - cross  # a whole number of shell blocks fills the width
        booths: list[Booth] = []
        x = y = band = 0
        for w, d in sorted(raw, key=lambda s: (-s[1], -s[0])):
            if x and x + w > inner:
                x, y, band = 0, y + band + aisle, 0
            booths.append(Booth(hall, margin + x, margin + y, w, d, RAW))
            x, band = x + w + aisle, max(band, d)
        if raw:
            y += band + aisle
        per_band = blocks * per_row * 2
        for i in range(shell_n):
            band_no, r = divmod(i, per_band)
            blk, k = divmod(r, per_row * 2)
            row, col = divmod(k, per_row)
            bx = margin + blk * (block + cross) + col * cell
            by = margin + y + band_no * (2 * cell + aisle) + row * cell
            booths.append(Booth(hall, bx, by, cell, cell, SHELL))
        bands = math.ceil(shell_n / per_band) if shell_n else 0
        depth = margin + y + bands * (2 * cell + aisle) + margin
        for b in booths:
            b.sector = zones[min(len(zones) - 1, (b.x - margin) * len(zones) // inner)]
        return inner + 2 * margin, depth, booths

    def _booth_rows(self) -> None:
        """Booth rows, written once sales have settled each booth's status."""
        hall_ids = [h[0] for h in self.halls]
        self.rows["booths"] = [
            (b.id, self.show_id, hall_ids[b.hall], b.number, b.x, b.y, b.w, b.d, b.type, b.status,
             b.blocked_reason, b.reserved_for, b.reserved_until, b.sector)
            for b in self.booths
        ]

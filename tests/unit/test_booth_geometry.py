"""Booth geometry: overlap, containment, snapping, open sides, numbering, blocks, merge and split."""

from __future__ import annotations

import pytest

from expo_desk.domain.booth_geometry import (
    Direction,
    GeometryError,
    OpenKind,
    Rect,
    Side,
    block_size,
    booth_number,
    booth_numbers,
    find_overlaps,
    generate_block,
    inside_hall,
    merge,
    open_sides,
    open_sides_all,
    overlaps,
    rect_of,
    snap,
    snap_rect,
    split,
    split_numbers,
)
from expo_desk.domain.booths import BoothDraft
from expo_desk.domain.enums import BoothType

B = 300  # a standard booth side


def r(x, y, w=B, d=B):
    return Rect(x, y, w, d)


# ---------------------------------------------------------------- rect_of


def test_rect_of_accepts_rects_drafts_and_rows():
    assert rect_of(r(1, 2, 3, 4)) == Rect(1, 2, 3, 4)
    assert rect_of(BoothDraft("A1", 1, 2, 3, 4)) == Rect(1, 2, 3, 4)
    assert rect_of({"x_cm": 1, "y_cm": 2, "width_cm": 3, "depth_cm": 4, "number": "x"}) == Rect(1, 2, 3, 4)


# ---------------------------------------------------------------- overlap


@pytest.mark.parametrize(("a", "b", "expected"), [
    (r(0, 0), r(0, 0), True),  # the same place
    (r(0, 0), r(150, 150), True),  # partly
    (r(0, 0), r(100, 100, 50, 50), True),  # one inside the other
    (r(0, 0), r(300, 0), False),  # sharing the east edge
    (r(0, 0), r(0, 300), False),  # sharing the south edge
    (r(0, 0), r(300, 300), False),  # meeting at a corner point
    (r(0, 0), r(301, 0), False),  # apart
    (r(0, 0), r(299, 299), True),  # one square centimetre in common
    (r(0, 0, 1000, 10), r(500, -100, 10, 1000), True),  # a cross
])
def test_overlaps(a, b, expected):
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_inside_hall():
    assert inside_hall(r(0, 0), 300, 300)
    assert inside_hall(r(700, 700), 1000, 1000)
    assert not inside_hall(r(701, 0), 1000, 1000)
    assert not inside_hall(r(-1, 0), 1000, 1000)
    assert not inside_hall(r(0, -50), 1000, 1000)
    assert not inside_hall(r(0, 800), 1000, 1000)


def test_find_overlaps_among_new_and_with_existing():
    new = [r(0, 0), r(300, 0), r(150, 0), r(2000, 2000)]
    existing = [r(5000, 5000), r(2100, 2100)]
    assert find_overlaps(new, existing) == [(0, 2, -1), (1, 2, -1), (3, None, 1)]
    assert find_overlaps([r(0, 0), r(300, 0), r(600, 0)]) == []


def test_find_overlaps_scales_to_a_large_hall():
    drafts = generate_block(100, 250)  # 25,000 booths
    assert find_overlaps(drafts) == []
    assert find_overlaps([r(150, 150)], drafts) == [(0, None, 0), (0, None, 1), (0, None, 250), (0, None, 251)]


def test_find_overlaps_with_booths_larger_than_a_grid_cell():
    big = r(0, 0, 5000, 5000)
    assert find_overlaps([r(2500, 2500, 10, 10)], [big]) == [(0, None, 0)]


# ---------------------------------------------------------------- snapping


@pytest.mark.parametrize(("value", "grid", "expected"), [
    (0, 50, 0), (24, 50, 0), (25, 50, 50), (26, 50, 50), (74, 50, 50), (75, 50, 100),
    (-24, 50, 0), (-26, 50, -50), (149.9, 100, 100), (151, 100, 200), (1234, 1, 1234), (12.4, 10, 10),
])
def test_snap(value, grid, expected):
    assert snap(value, grid) == expected


def test_snap_default_grid_is_half_a_metre():
    assert snap(130) == 150
    assert snap(120) == 100


def test_snap_rect_keeps_at_least_one_grid_step():
    assert snap_rect(Rect(12, 38, 290, 10)) == Rect(0, 50, 300, 50)


def test_snap_refuses_a_zero_grid():
    with pytest.raises(GeometryError):
        snap(10, 0)


# ---------------------------------------------------------------- open sides


def kinds(rects, hall=None):
    return [o.kind for o in open_sides_all(rects, hall)]


def test_a_lone_booth_is_an_island():
    o = open_sides(r(0, 0), [])
    assert o.kind is OpenKind.ISLAND and o.count == 4


def test_a_row_of_three_corner_inline_corner_with_a_back_row():
    front = [r(0, 0), r(300, 0), r(600, 0)]
    back = [r(0, 300), r(300, 300), r(600, 300)]
    assert kinds(front + back) == [OpenKind.CORNER, OpenKind.INLINE, OpenKind.CORNER] * 2
    middle = open_sides_all(front + back)[1]
    assert middle.sides == {Side.NORTH}


def test_a_single_row_two_ends_peninsula_middle_opposite_sides():
    row = [r(0, 0), r(300, 0), r(600, 0)]
    got = open_sides_all(row)
    assert [o.kind for o in got] == [OpenKind.PENINSULA, OpenKind.CORNER, OpenKind.PENINSULA]
    assert got[1].sides == {Side.NORTH, Side.SOUTH} and got[1].opposite
    assert not open_sides_all([r(0, 0), r(300, 0), r(0, 300)])[0].opposite  # adjacent open sides


def test_partly_touching_closes_the_side():
    # a 1.5 m booth covers half of the 3 m booth's east side
    got = open_sides(r(0, 0), [r(300, 150, 150, 150)])
    assert got.sides == {Side.NORTH, Side.SOUTH, Side.WEST}
    assert got.kind is OpenKind.PENINSULA


def test_meeting_at_a_corner_point_closes_nothing():
    assert open_sides(r(0, 0), [r(300, 300), r(-300, -300)]).kind is OpenKind.ISLAND


def test_a_neighbour_across_an_aisle_does_not_close():
    assert open_sides(r(0, 0), [r(0, 600)]).kind is OpenKind.ISLAND


def test_a_booth_walled_in_is_enclosed():
    ring = [r(0, 300), r(600, 300), r(300, 0), r(300, 600)]
    got = open_sides(r(300, 300), ring)
    assert got.kind is OpenKind.ENCLOSED and got.count == 0


def test_hall_walls_close_sides_when_the_hall_is_given():
    against_wall = [r(0, 0), r(300, 0)]
    assert kinds(against_wall) == [OpenKind.PENINSULA, OpenKind.PENINSULA]
    assert kinds(against_wall, hall=(3000, 3000)) == [OpenKind.INLINE, OpenKind.CORNER]  # first in the hall's corner
    assert open_sides_all(against_wall, hall=(3000, 3000))[1].sides == {Side.SOUTH, Side.EAST}
    corner_of_hall = open_sides(r(2700, 2700), [], hall=(3000, 3000))
    assert corner_of_hall.sides == {Side.NORTH, Side.WEST}


def test_tolerance_lets_a_near_neighbour_count():
    a, b = r(0, 0), r(302, 0)
    assert Side.EAST in open_sides(a, [b]).sides
    assert Side.EAST not in open_sides(a, [b], tolerance_cm=5).sides


def test_the_booth_itself_among_neighbours_is_skipped():
    a = r(0, 0)
    assert open_sides(a, [a, r(300, 0)]).sides == {Side.NORTH, Side.SOUTH, Side.WEST}


def test_open_sides_of_a_large_block_are_fast_and_right():
    drafts = generate_block(40, 50, rows_per_band=2)  # 2,000 booths in double rows
    got = open_sides_all(drafts)
    counts = {}
    for o in got:
        counts[o.kind] = counts.get(o.kind, 0) + 1
    # every double row: 4 corners at the ends, the rest inline
    assert counts == {OpenKind.CORNER: 4 * 20, OpenKind.INLINE: 2000 - 80}


def test_big_booth_next_to_small_ones():
    big = r(0, 0, 600, 600)
    smalls = [r(600, 0), r(600, 300)]
    got = open_sides_all([big, *smalls])
    assert got[0].sides == {Side.NORTH, Side.SOUTH, Side.WEST}
    assert got[1].sides == {Side.NORTH, Side.EAST}
    assert got[2].sides == {Side.SOUTH, Side.EAST}


# ---------------------------------------------------------------- numbering


def test_booth_number_patterns():
    assert booth_number("A1-{n:03d}", 1) == "A1-001"
    assert booth_number("A1-{n:03d}", 1234) == "A1-1234"
    assert booth_number("{n}", 7) == "7"
    assert booth_number("H2-###", 5) == "H2-005"
    assert booth_number("展位{n:02d}", 3) == "展位03"
    assert booth_numbers("B-{n:02d}", 3, first=9) == ["B-09", "B-10", "B-11"]


@pytest.mark.parametrize("pattern", ["A1-001", "A1-{x}", "A1-{n:q}", "{0}", "A1-{n"])
def test_bad_patterns_are_refused_with_an_example(pattern):
    with pytest.raises(GeometryError, match="A1-"):
        booth_number(pattern, 1)


# ---------------------------------------------------------------- blocks


def test_block_of_standard_booths_in_double_rows():
    drafts = generate_block(4, 3, pattern="A1-{n:03d}", x_cm=1000, y_cm=500)
    assert len(drafts) == 12
    assert [d.number for d in drafts[:4]] == ["A1-001", "A1-002", "A1-003", "A1-004"]
    assert all(d.width_cm == d.depth_cm == 300 and d.booth_type is BoothType.SHELL for d in drafts)
    ys = sorted({d.y_cm for d in drafts})
    assert ys == [500, 800, 1400, 1700]  # two rows back to back, a 3 m aisle, two more
    assert sorted({d.x_cm for d in drafts}) == [1000, 1300, 1600]
    assert find_overlaps(drafts) == []
    assert block_size(4, 3) == (900, 1500)


def test_block_with_an_aisle_after_every_row_and_other_sizes():
    drafts = generate_block(3, 2, width_cm=600, depth_cm=600, aisle_cm=400, rows_per_band=1,
                            pattern="R-{n}", first=10, booth_type=BoothType.RAW, sector="汽车")
    assert [d.y_cm for d in drafts[::2]] == [0, 1000, 2000]
    assert drafts[0].number == "R-10" and drafts[-1].number == "R-15"
    assert drafts[0].booth_type is BoothType.RAW and drafts[0].sector == "汽车"
    assert block_size(3, 2, width_cm=600, depth_cm=600, aisle_cm=400, rows_per_band=1) == (1200, 2600)


def test_block_odd_rows_in_bands():
    drafts = generate_block(3, 1)
    assert [d.y_cm for d in drafts] == [0, 300, 900]


@pytest.mark.parametrize("kwargs", [
    {"rows": 0, "columns": 3}, {"rows": 2, "columns": 0}, {"rows": 1, "columns": 1, "width_cm": 0},
    {"rows": 1, "columns": 1, "aisle_cm": -1}, {"rows": 1, "columns": 1, "rows_per_band": 0},
    {"rows": 1, "columns": 1, "pattern": "A"},
])
def test_bad_blocks_are_refused(kwargs):
    with pytest.raises(GeometryError):
        generate_block(**kwargs)


# ---------------------------------------------------------------- merge and split


def test_merge_two_and_four_booths():
    assert merge([r(0, 0), r(300, 0)]) == Rect(0, 0, 600, 300)
    assert merge([r(300, 300), r(0, 0), r(300, 0), r(0, 300)]) == Rect(0, 0, 600, 600)
    assert merge([r(0, 0, 600, 300), r(0, 300), r(300, 300)]) == Rect(0, 0, 600, 600)


@pytest.mark.parametrize(("rects", "message"), [
    ([r(0, 0)], "at least two"),
    ([r(0, 0), r(600, 0)], "one rectangle"),  # a gap
    ([r(0, 0), r(300, 0), r(0, 300)], "one rectangle"),  # an L
    ([r(0, 0), r(150, 0)], "overlap"),
    ([r(0, 0), r(300, 100)], "one rectangle"),  # shifted
])
def test_merge_refuses_what_is_not_a_rectangle(rects, message):
    with pytest.raises(GeometryError, match=message):
        merge(rects)


def test_split_across_and_down():
    assert split(r(0, 0, 900, 300), 3) == [r(0, 0), r(300, 0), r(600, 0)]
    assert split(r(100, 200, 300, 600), 2, Direction.DOWN) == [r(100, 200, 300, 300), r(100, 500, 300, 300)]
    assert split(r(0, 0, 301, 300), 2, "across") == [r(0, 0, 151, 300), r(151, 0, 150, 300)]


def test_split_then_merge_gives_the_booth_back():
    booth = r(450, 50, 1200, 600)
    for parts in (2, 3, 4, 7):
        for direction in Direction:
            pieces = split(booth, parts, direction)
            assert sum(p.area_cm2 for p in pieces) == booth.area_cm2
            assert merge(pieces) == booth


@pytest.mark.parametrize(("parts", "direction"), [(1, "across"), (0, "down"), (2, "sideways"), (400, "across")])
def test_split_refuses(parts, direction):
    with pytest.raises(GeometryError):
        split(r(0, 0), parts, direction)


def test_split_numbers():
    assert split_numbers("A1-001", 3) == ["A1-001", "A1-001B", "A1-001C"]

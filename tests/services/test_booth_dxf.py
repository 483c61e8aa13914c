"""Reading booths from a DXF hall drawing made with ezdxf, as a CAD program would save it."""

from __future__ import annotations

import ezdxf
import pytest

from expo_desk.domain.enums import BoothType
from expo_desk.errors import UserError
from expo_desk.services.booth_dxf import dxf_layers, read_dxf_booths


def rect(msp, x, y, w, d, layer="BOOTHS", closed=True):
    msp.add_lwpolyline([(x, y), (x + w, y), (x + w, y + d), (x, y + d)], close=closed, dxfattribs={"layer": layer})


def label(msp, text, x, y, layer="TEXT"):
    msp.add_text(text, dxfattribs={"layer": layer, "height": 300}).set_placement((x, y))


@pytest.fixture
def drawing(tmp_path):
    """A hall in millimetres: a row of three 3 m booths, a 6 × 6 m raw space and some noise."""
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 4  # mm
    msp = doc.modelspace()
    for n in range(3):
        rect(msp, n * 3000, 10000, 3000, 3000)
        label(msp, f"A1-00{n + 1}", n * 3000 + 500, 11000)
    rect(msp, 12000, 7000, 6000, 6000)
    label(msp, "A1-100", 14000, 9000)
    rect(msp, 20000, 10000, 3000, 3000)  # no number
    rect(msp, 24000, 10000, 3000, 3000, closed=False)  # open outline
    msp.add_lwpolyline([(30000, 10000), (33000, 10000), (31500, 12000)], close=True, dxfattribs={"layer": "BOOTHS"})
    msp.add_lwpolyline([(40000, 10000), (42121, 12121), (40000, 14243), (37879, 12121)], close=True,
                       dxfattribs={"layer": "BOOTHS"})  # a rotated square
    rect(msp, 0, 0, 50000, 30000, layer="WALLS")
    path = tmp_path / "hall.dxf"
    doc.saveas(path)
    return path


def test_rectangles_with_numbers_become_booths_placed_from_the_top_left(drawing):
    preview = read_dxf_booths(drawing, "BOOTHS")
    assert preview.unit == "mm"
    numbers = [(d.number, d.x_cm, d.y_cm, d.width_cm, d.depth_cm, d.booth_type) for d in preview.drafts]
    assert numbers == [
        ("A1-001", 0, 0, 300, 300, BoothType.SHELL),
        ("A1-002", 300, 0, 300, 300, BoothType.SHELL),
        ("A1-003", 600, 0, 300, 300, BoothType.SHELL),
        ("A1-100", 1200, 0, 600, 600, BoothType.RAW),
    ]


def test_every_skipped_shape_says_why_and_where(drawing):
    reasons = [s.reason for s in read_dxf_booths(drawing, "BOOTHS").skipped]
    assert any("no booth number inside" in r for r in reasons)
    assert any("not closed" in r for r in reasons)
    assert any("not a rectangle (3 corners)" in r for r in reasons)
    assert any("rotated" in r for r in reasons)
    assert len(reasons) == 4


def test_layers_are_offered_with_their_shape_counts(drawing):
    assert dxf_layers(drawing) == [("BOOTHS", 7), ("WALLS", 1)]


def test_a_number_used_twice_is_skipped_the_second_time(tmp_path):
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 6  # metres
    msp = doc.modelspace()
    for n in range(2):
        rect(msp, n * 3, 0, 3, 3)
        label(msp, "B-1", n * 3 + 1, 1)
    path = tmp_path / "twice.dxf"
    doc.saveas(path)
    preview = read_dxf_booths(path, "BOOTHS")
    assert [d.number for d in preview.drafts] == ["B-1"]
    assert preview.drafts[0].width_cm == 300
    assert "used twice" in preview.skipped[0].reason


@pytest.mark.parametrize("content", [b"not a drawing at all", bytes(range(256)) * 4])
def test_an_unreadable_file_is_refused_with_its_name(tmp_path, content):
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    with pytest.raises(UserError, match="bad.dxf"):
        read_dxf_booths(path, "BOOTHS")

"""Draw the app icon: a hall plan seen from above, booths in two rows, one of them sold.

    uv run python packaging/make_icons.py

Writes ``resources/icons/expo-desk.svg``, ``expo-desk-<N>.png`` (16 … 512 px) and
``expo-desk.ico`` from one list of shapes, so the three never disagree. The images are
committed as source assets; run this again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "expo-desk"
GRID = 256  # the drawing's own units
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 4

HALL = "#1d4e89"  # the reports' accent blue
BOOTH = "#ffffff"
SOLD = "#f0a830"

# (x, y, width, height, corner radius, colour): the hall, then the booths of two rows.
SHAPES: list[tuple[int, int, int, int, int, str]] = [(12, 12, 232, 232, 52, HALL)]
for row_y in (56, 140):
    for column_x in (42, 104, 166):
        sold = (row_y, column_x) == (140, 104)
        SHAPES.append((column_x, row_y, 48, 60, 8, SOLD if sold else BOOTH))


def svg() -> str:
    rects = "\n".join(f'  <rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{c}"/>'
                      for x, y, w, h, r, c in SHAPES)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{GRID}" height="{GRID}" '
            f'viewBox="0 0 {GRID} {GRID}">\n  <title>Expo Desk</title>\n{rects}\n</svg>\n')


def png(size: int) -> Image.Image:
    """The drawing at ``size`` pixels, drawn larger and scaled down for smooth edges."""
    big = size * SUPERSAMPLE
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for x, y, w, h, r, colour in SHAPES:
        box = (round(x * scale), round(y * scale), round((x + w) * scale) - 1, round((y + h) * scale) - 1)
        draw.rounded_rectangle(box, radius=max(1, round(r * scale)), fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / f"{NAME}.svg").write_text(svg(), encoding="utf-8")
    for size in PNG_SIZES:
        png(size).save(ICONS / f"{NAME}-{size}.png", optimize=True)
    largest = png(max(ICO_SIZES))
    largest.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"{ICONS}: {NAME}.svg, {len(PNG_SIZES)} PNG sizes, {NAME}.ico")


if __name__ == "__main__":
    main()

"""Draw slideshelf's icon: a stack of three slides on the site's blue.

The shapes are written down once, here, and drawn twice: as the SVG browsers scale, and with
Pillow as the PNGs and the favicon.ico that browsers and home screens ask for by size. The
files are committed; run this again only when the drawing changes:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parents[1] / "slideshelf/core/static/slideshelf/icons"
GRID = 64  # the drawing's own units; every size is a multiple of it
BLUE = "#0a58a8"  # --accent in site.css
SUPERSAMPLE = 4  # drawn larger, then scaled down: smooth edges without anti-aliasing support

# (x, y, width, height, corner radius, colour), back to front.
SHAPES = (
    (18, 11, 40, 28, 2.5, "#8fb3d9"),  # the slide at the back
    (12, 18, 40, 28, 2.5, "#c7daee"),
    (6, 25, 40, 28, 2.5, "#ffffff"),  # the slide in front, with a title and a line of text
    (12, 32, 22, 5, 1, BLUE),
    (12, 41, 28, 4, 1, "#6b9bd0"),
)


def svg() -> str:
    shapes = "".join(
        f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}" fill="{colour}"/>'
        for x, y, w, h, r, colour in SHAPES
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
        f'<rect width="{GRID}" height="{GRID}" rx="12" fill="{BLUE}"/>{shapes}</svg>\n'
    )


def png(size: int, rounded: bool = True) -> Image.Image:
    """The icon at `size` pixels; square-cornered for Apple's home screen, which rounds it."""
    big = size * SUPERSAMPLE
    scale = big / GRID
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    corner = 12 * scale if rounded else 0
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=corner, fill=BLUE)
    for x, y, w, h, r, colour in SHAPES:
        box = (x * scale, y * scale, (x + w) * scale - 1, (y + h) * scale - 1)
        draw.rounded_rectangle(box, radius=r * scale, fill=colour)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    return small if rounded else small.convert("RGB")


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "icon.svg").write_text(svg())
    png(192).save(ICONS / "icon-192.png", optimize=True)
    png(512).save(ICONS / "icon-512.png", optimize=True)
    png(180, rounded=False).save(ICONS / "apple-touch-icon.png", optimize=True)
    png(48).save(ICONS / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])


if __name__ == "__main__":
    main()

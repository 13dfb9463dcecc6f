"""The picture link previews show (og:image): a PNG made at build time from the site's own name and colours, with
Pillow's own font, so no file and no request leaves the site. Most preview cards show no SVG; one picture serves
every page."""

from __future__ import annotations

import io
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from notes_core.model import Archive

PREVIEW_SIZE = (1200, 630)  # the size link previews ask for (1.91:1)
INDIGO = (63, 81, 181)  # Material's indigo, the site's primary colour (mkdocs.yml palette)
WHITE = (255, 255, 255)
MARGIN = 80


@cache  # the same bytes for the same words: made once per process
def preview_png(site_name: str, strapline: str) -> bytes:
    """The site's name and a line under it, white on the site's indigo."""
    image = Image.new("RGB", PREVIEW_SIZE, INDIGO)
    draw = ImageDraw.Draw(image)
    width = PREVIEW_SIZE[0] - 2 * MARGIN
    name = fitted(draw, site_name, 110, width)
    line = fitted(draw, strapline, 44, width)
    draw.rectangle((MARGIN, 210, MARGIN + 120, 222), fill=WHITE)
    draw.text((MARGIN, 250), site_name, font=name, fill=WHITE)
    draw.text((MARGIN, 400), strapline, font=line, fill=WHITE)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def fitted(draw: ImageDraw.ImageDraw, text: str, size: int, width: int) -> ImageFont.FreeTypeFont:
    """Pillow's own font at the largest size up to `size` at which `text` fits in `width`."""
    while True:
        font = ImageFont.load_default(size=size)
        if size <= 12 or draw.textlength(text, font=font) <= width:
            return font  # type: ignore[return-value]
        size -= 4


def strapline(archive: Archive) -> str:
    """The line under the site's name: whose notes these are, as the series' titles name them."""
    return "Meeting notes of the Better Way network’s " + " and ".join(s.title for s in archive.series.values())

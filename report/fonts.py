"""Fonts shipped with the project, registered once, and text split into runs each can draw.

DejaVu Sans (Latin, Greek, Cyrillic, Hebrew, Arabic, symbols) is the body font; WenQuanYi
Micro Hei draws what it lacks (Chinese, Japanese, Korean). Licences sit beside the files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"
BODY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiMicroHei"
_RTL = ("R", "AL")


@cache
def register() -> tuple[frozenset[int], frozenset[int]]:
    """Register the fonts (once per process); return the code points body and CJK fonts draw."""
    body = TTFont(BODY, str(FONT_DIR / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(body)
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    cjk = TTFont(CJK, str(FONT_DIR / "wqy-microhei.ttc"), subfontIndex=0)
    pdfmetrics.registerFont(cjk)
    for bold, italic, name in ((0, 0, BODY), (1, 0, BOLD), (0, 1, BODY), (1, 1, BOLD)):
        addMapping(BODY, bold, italic, name)
    return frozenset(body.face.charToGlyph), frozenset(cjk.face.charToGlyph)


def _needs_bidi(chars: Iterable[str]) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in chars)


def markup(text: str) -> str:
    """Paragraph markup that prints `text` literally, switching font where the body lacks glyphs.

    Right-to-left runs are put in display order, since the PDF draws left to right. Characters
    neither bundled font has (emoji and other pictographs) are left out.
    """
    body, cjk = register()
    unique = set(text)  # each character looked at once, not once per place it appears
    if _needs_bidi(unique):
        text = get_display(text)
    elif all(ord(ch) in body for ch in unique):  # the body font draws it all: one run
        return escape(text)

    def font_for(ch: str) -> str:
        return CJK if ord(ch) not in body and ord(ch) in cjk else BODY

    # what neither bundled font can draw (emoji, say) is dropped rather than printed as boxes
    text = "".join(ch for ch in text if ch.isspace() or ord(ch) in body or ord(ch) in cjk)
    runs = []
    for font, chars in groupby(text, key=font_for):
        run = escape("".join(chars))
        runs.append(run if font == BODY else f'<font face="{CJK}">{run}</font>')
    return "".join(runs)

"""The section-score chart, drawn as vectors by reportlab.graphics (no browser involved)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from report.fonts import BODY, BOLD

GOOD = colors.HexColor("#2e7d32")
FAIR = colors.HexColor("#f9a825")
POOR = colors.HexColor("#c62828")
TRACK = colors.HexColor("#eceff1")


LABEL_WIDTH = 130.0  # a section's title left of its bar, at LABEL_SIZE
LABEL_SIZE = 8.5


def _colour(score: int) -> colors.Color:
    return GOOD if score >= 67 else FAIR if score >= 34 else POOR


def scores_drawing(scores: Mapping[str, int], titles: Mapping[str, str], width: float,
                   not_applicable: Iterable[str] = (), absent_words: str = "not applicable"
                   ) -> Drawing:
    """Horizontal bars, 0 to 100, one per section, with the value printed at the end ("not
    applicable" and no bar where the section has nothing to fit)."""
    absent = set(not_applicable)
    label_w, row_h, bar_h = LABEL_WIDTH, 22.0, 13.0
    bar_w = width - label_w - 30
    height = row_h * len(scores) + 18
    drawing = Drawing(width, height)
    for index, (section, score) in enumerate(scores.items()):
        y = height - (index + 1) * row_h
        drawing.add(String(0, y + 3, titles.get(section, section), fontName=BODY,
                           fontSize=LABEL_SIZE))
        drawing.add(Rect(label_w, y, bar_w, bar_h, fillColor=TRACK, strokeColor=None))
        if section in absent:
            drawing.add(String(label_w + 4, y + 3, absent_words, fontName=BODY,
                               fontSize=8.5, fillColor=colors.HexColor("#455a64")))
            continue
        drawing.add(Rect(label_w, y, bar_w * score / 100, bar_h, fillColor=_colour(score),
                         strokeColor=None))
        drawing.add(String(label_w + bar_w + 4, y + 3, str(score), fontName=BOLD, fontSize=8.5))
    for tick in (0, 25, 50, 75, 100):
        x = label_w + bar_w * tick / 100
        drawing.add(Line(x, 12, x, 15, strokeColor=colors.grey, strokeWidth=0.5))
        drawing.add(String(x, 2, str(tick), fontName=BODY, fontSize=7, textAnchor="middle",
                           fillColor=colors.grey))
    return drawing

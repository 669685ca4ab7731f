"""Page layout shared by the PDFs: styles, tables, the verdict banner, numbered pages."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from report.fonts import BODY, BOLD, markup, register

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
VERDICT_COLOURS = {"evaluate": "#2e7d32", "monitor": "#b26a00", "no_action": "#455a64"}
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#d0d7de")

Story: TypeAlias = list[Flowable]  # what a PDF is laid out from, in order
Cell: TypeAlias = Flowable | str | list[Flowable] | list[Paragraph]  # one cell of a table
Rows: TypeAlias = list[list[Cell]]
Command: TypeAlias = tuple[object, ...]  # one of reportlab's table style commands


def styles() -> dict[str, ParagraphStyle]:
    register()  # paragraphs resolve their fonts when they are made
    base = ParagraphStyle("body", fontName=BODY, fontSize=9.5, leading=13, textColor=INK,
                          alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "kicker": ParagraphStyle("kicker", parent=base, fontName=BOLD, fontSize=9,
                                 textColor=MUTED, spaceAfter=2),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=17, leading=21,
                                spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=12.5, leading=16,
                             spaceBefore=12, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10, leading=13,
                             spaceBefore=6, spaceAfter=3),
        "verdict": ParagraphStyle("verdict", parent=base, fontName=BOLD, fontSize=22, leading=27,
                                  textColor=colors.white, spaceBefore=2, spaceAfter=4),
        "verdict_text": ParagraphStyle("verdict_text", parent=base, textColor=colors.white),
    }


def grid(rows: Rows, widths: list[float], header: bool = True,
         spans: tuple[int, ...] = ()) -> Table:
    """A ruled table; rows whose index is in `spans` run across every column (a group's
    heading)."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[Command] = [
        *(("SPAN", (0, row), (-1, row)) for row in spans),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1f4f8")))
    table.setStyle(TableStyle(commands))
    return table


class NumberedCanvas(Canvas):
    """Defers each page so the footer can say 'page N of M'."""

    footer_note = ""
    page_words = "Page {number} of {total}"  # in the report's language
    stamp: str | None = None  # the PDF date of the metadata, when known

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, object]] = []
        if self.stamp is not None:
            stamp = self.stamp
            self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(BODY, FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 10 * mm, self.footer_note)
            self.drawRightString(A4[0] - MARGIN, 10 * mm,
                                 self.page_words.format(number=number, total=len(self._pages)))
            super().showPage()
        super().save()


FOOTER_SIZE = 7.5
BANNER_PADDING = 10  # each side of a verdict block
BANNER_GAP = 6  # between the two readings


def footer_room(page_words: str) -> float:
    """How wide the footer's note may be: the line, less the page number (at 'Page 10 of 10')
    and a gap."""
    register()
    number = page_words.format(number=10, total=10)
    return WIDTH - pdfmetrics.stringWidth(number, BODY, FOOTER_SIZE) - 4 * mm


def verdict_room() -> float:
    """How wide a verdict's label may be to stay on one line in either of two readings."""
    return (WIDTH - BANNER_GAP) / 2 - 2 * BANNER_PADDING


def too_wide(text: str, font: str, size: float, room: float) -> bool:
    """Whether `text` drawn in `font` at `size` needs more than `room` points."""
    register()
    return pdfmetrics.stringWidth(text, font, size) > room


def _verdict_cell(label: str, summary: str, kicker: str,
                  s: dict[str, ParagraphStyle]) -> list[Paragraph]:
    return [Paragraph(markup(kicker), s["verdict_text"]),
            Paragraph(markup(label), s["verdict"]),
            Paragraph(markup(summary), s["verdict_text"])]


def _banner_style(colours: list[str]) -> TableStyle:
    commands: list[Command] = [
        ("LEFTPADDING", (0, 0), (-1, -1), BANNER_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BANNER_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ("VALIGN", (0, 0), (-1, -1), "TOP")]
    commands += [("BACKGROUND", (i, 0), (i, 0), colors.HexColor(c))
                 for i, c in enumerate(colours)]
    return TableStyle(commands)


def verdict_banner(verdict: str, label: str, summary: str, s: dict[str, ParagraphStyle], *,
                   kicker: str = "Verdict") -> Table:
    """The verdict as a coloured block: whose reading it is (`kicker`), the verdict in the
    page's largest type, and its sentence."""
    banner = Table([[_verdict_cell(label, summary, kicker, s)]], colWidths=[WIDTH])
    banner.setStyle(_banner_style([VERDICT_COLOURS[verdict]]))
    return banner


def banner_pair(readings: list[tuple[str, str, str, str]], s: dict[str, ParagraphStyle]) -> Table:
    """Two readings side by side at the same weight and height: (verdict, label, summary,
    kicker) each."""
    gap = BANNER_GAP
    pair = Table([[_verdict_cell(label, summary, kicker, s)
                   for _, label, summary, kicker in readings]],
                 colWidths=[(WIDTH - gap) / 2] * 2, spaceBefore=0)
    pair.setStyle(_banner_style([VERDICT_COLOURS[v] for v, *_ in readings]))
    return pair


def render(story: Story, *, title: str, subject: str, footer: str,
           created: datetime | None = None, page_words: str = "Page {number} of {total}",
           language: str = "en") -> bytes:
    """Lay the story out on numbered A4 pages; invariant, so equal input gives equal bytes.
    The metadata's creation date is `created` (invariant mode would say 1 January 2000), its
    language `language` (screen readers read the text in it)."""
    register()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, invariant=1, title=title, author="Hosting fit",
        subject=subject, creator="hosting-fit", lang=language,
    )
    stamp = created.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'") if created else None
    doc.build(story, canvasmaker=type("_Canvas", (NumberedCanvas,), {"footer_note": footer,
                                                                    "stamp": stamp,
                                                                    "page_words": page_words}))
    return buffer.getvalue()

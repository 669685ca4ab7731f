"""Build the recommendation PDF with reportlab's platypus: title block, verdict, drivers and
blockers, score chart, reasons with quotes, open questions, answers appendix, footer."""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from logic.answers import Answers
from logic.explain import explain
from logic.knowledge_base import KnowledgeBase
from logic.recommendation import Recommendation
from logic.text import clean
from questions import flow
from questions.models import QuestionBank
from report.chart import scores_drawing
from report.fonts import BODY, BOLD, markup, register

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
VERDICT_COLOURS = {"evaluate": "#2e7d32", "monitor": "#b26a00", "no_action": "#455a64"}
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#d0d7de")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=BODY, fontSize=9.5, leading=13, textColor=INK,
                          alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED),
        "kicker": ParagraphStyle("kicker", parent=base, fontName=BOLD, fontSize=9,
                                 textColor=MUTED, spaceAfter=2),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=20, leading=25,
                                spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=12.5, leading=16,
                             spaceBefore=12, spaceAfter=5),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=10, leading=13,
                             spaceBefore=6, spaceAfter=3),
        "verdict": ParagraphStyle("verdict", parent=base, fontName=BOLD, fontSize=15, leading=19,
                                  textColor=colors.white),
        "verdict_text": ParagraphStyle("verdict_text", parent=base, textColor=colors.white),
    }


def _grid(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f1f4f8")))
    table.setStyle(TableStyle(commands))
    return table


class _NumberedCanvas(Canvas):
    """Defers each page so the footer can say 'page N of M'."""

    footer_note = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(BODY, 7.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, 10 * mm, self.footer_note)
            self.drawRightString(A4[0] - MARGIN, 10 * mm, f"Page {number} of {len(self._pages)}")
            super().showPage()
        super().save()


def _title_block(answers: Answers, rec: Recommendation, kb: KnowledgeBase, when: datetime,
                 s: dict[str, ParagraphStyle]) -> list[Any]:
    text = explain(rec, kb)
    name = clean(answers.org_name or "") or "Your organisation"
    banner = Table(
        [[Paragraph(f"Verdict: {markup(text.verdict.label)}", s["verdict"])],
         [Paragraph(markup(text.verdict.summary), s["verdict_text"])]],
        colWidths=[WIDTH],
    )
    banner.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(VERDICT_COLOURS[rec.verdict])),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    ]))
    return [
        Paragraph("HOSTING-FIT ASSESSMENT: SPACEX HOSTING OF CLAUDE", s["kicker"]),
        Paragraph(markup(name), s["title"]),
        Paragraph(
            f"Prepared {when:%d %B %Y} · knowledge version {markup(kb.version)} "
            f"(published {markup(kb.published)})", s["muted"]),
        Spacer(1, 8),
        banner,
    ]


def _drivers_blockers(rec: Recommendation, kb: KnowledgeBase,
                      s: dict[str, ParagraphStyle]) -> list[Any]:
    text = explain(rec, kb)

    def cell(items: tuple[Any, ...], empty: str) -> list[Paragraph]:
        if not items:
            return [Paragraph(empty, s["muted"])]
        return [Paragraph(f"<b>{markup(i.label)}</b>: {markup(i.summary)}", s["body"])
                for i in items]

    table = Table(
        [[Paragraph("What makes it relevant", s["h3"]), Paragraph("What holds it back", s["h3"])],
         [cell(text.drivers, "Nothing in your answers."),
          cell(text.blockers, "No blocker in your answers; the reasons say what is missing.")]],
        colWidths=[WIDTH / 2, WIDTH / 2],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 6), table]


def _reasons(rec: Recommendation, kb: KnowledgeBase, s: dict[str, ParagraphStyle]) -> list[Any]:
    rows: list[list[Any]] = [[Paragraph("<b>Rule</b>", s["small"]),
                              Paragraph("<b>Reason</b>", s["small"]),
                              Paragraph("<b>From the article</b>", s["small"])]]
    for reason in explain(rec, kb).reasons:
        quotes = "<br/>".join(f"<b>{f.id}</b> “{markup(f.quote)}”" for f in reason.facts)
        rows.append([
            Paragraph(markup(reason.rule), s["small"]),
            Paragraph(f"<b>{markup(reason.title)}.</b> {markup(reason.text)}", s["small"]),
            Paragraph(quotes, s["small"]),
        ])
    return [Paragraph("Why: each reason and the article's words it rests on", s["h2"]),
            _grid(rows, [12 * mm, WIDTH * 0.48 - 12 * mm, WIDTH * 0.52])]


def _open_questions(rec: Recommendation, s: dict[str, ParagraphStyle]) -> list[Any]:
    heading = Paragraph("Questions for the account team", s["h2"])
    if not rec.open_questions:
        none = "None: nothing undisclosed matters to your answers."
        return [heading, Paragraph(none, s["muted"])]
    rows = [[Paragraph("☐", s["body"]), Paragraph(markup(q), s["body"])]
            for q in rec.open_questions]
    return [heading, _grid(rows, [8 * mm, WIDTH - 8 * mm], header=False)]


def _appendix(answers: Answers, bank: QuestionBank, s: dict[str, ParagraphStyle]) -> list[Any]:
    given = answers.model_dump()
    shown = flow.from_answers(bank, given)
    story: list[Any] = [Paragraph("Appendix: the answers given", s["h2"])]
    for section in bank.sections:
        rows: list[list[Any]] = [[Paragraph("<b>Question</b>", s["small"]),
                                  Paragraph("<b>Answer</b>", s["small"])]]
        for question in flow.visible(section, shown):
            value = given.get(question.id)
            answer = clean(question.label_of(value)) if value not in (None, "") else "—"
            rows.append([Paragraph(markup(question.label), s["small"]),
                         Paragraph(markup(answer), s["small"])])
        story.append(KeepTogether([Paragraph(markup(section.title), s["h3"]),
                                   _grid(rows, [WIDTH * 0.6, WIDTH * 0.4])]))
    return story


def file_name(answers: Answers, when: datetime) -> str:
    """A safe download name: hosting-fit-<organisation>-<date>.pdf (ASCII only)."""
    slug = re.sub(r"[^a-z0-9]+", "-", clean(answers.org_name or "").lower()).strip("-")[:40]
    return f"hosting-fit-{slug or 'assessment'}-{when:%Y-%m-%d}.pdf"


def build_pdf(answers: Answers, rec: Recommendation, kb: KnowledgeBase, bank: QuestionBank, *,
              generated_at: datetime) -> bytes:
    """The report as PDF bytes; the same inputs and time give the same bytes."""
    register()
    s = _styles()
    titles = {section.id: section.title for section in bank.sections}
    story: list[Any] = [
        *_title_block(answers, rec, kb, generated_at, s),
        *_drivers_blockers(rec, kb, s),
        Paragraph("Fit by section (0 to 100)", s["h2"]),
        scores_drawing(rec.scores, titles, WIDTH),
        *_reasons(rec, kb, s),
        *_open_questions(rec, s),
        PageBreak(),
        *_appendix(answers, bank, s),
    ]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm, invariant=1,
        title=f"Hosting-fit assessment: {clean(answers.org_name or 'your organisation')}",
        author="Hosting fit", subject=f"Verdict: {rec.verdict}", creator="hosting-fit",
    )
    canvas = type("_Canvas", (_NumberedCanvas,), {"footer_note": (
        f"Rests on one news report (knowledge version {kb.version}). "
        "Decision support, not advice."
    )})
    doc.build(story, canvasmaker=canvas)
    return buffer.getvalue()

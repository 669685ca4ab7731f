"""Build the recommendation PDF with reportlab's platypus: title block, verdict, drivers and
blockers, score chart, reasons with quotes, open questions, answers appendix, footer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from logic.assessment import Assessment, LaterDetail, WhatIfWords
from logic.explain import Explained, Label
from logic.wording import day_text, knowledge_age_text
from questions.answers import Answers
from questions.schema import OVERALL_NOTE, QuestionBank, default_bank
from questions.text import clean
from report.chart import scores_drawing
from report.fonts import markup
from report.layout import WIDTH, Rows, Story, banner_pair, grid, render, styles, verdict_banner


def readings_block(assessment: Assessment, when: datetime,
                   s: dict[str, ParagraphStyle]) -> Story:
    """The verdict the result leads with and, when the newest sourced version gives another,
    that one beside it at the same weight; when they agree, the line that says so; then how
    old the knowledge is (the team PDF shows the same)."""
    words, rec, reading = assessment.readings, assessment.recommendation, assessment.reading
    lead = (rec.verdict, words.lead_verdict, assessment.verdict_sentence, words.lead)
    if words.later and reading is not None:
        story: Story = [banner_pair(
            [lead, (reading.verdict, words.later_verdict or "", words.why, words.later)], s)]
    else:
        story = [verdict_banner(rec.verdict, words.lead_verdict, assessment.verdict_sentence, s,
                                kicker=words.lead),
                 *([Spacer(1, 3), Paragraph(markup(words.agree), s["body"])]
                   if words.agree else [])]
    age, _ = knowledge_age_text(assessment.knowledge, reading, when.date())
    return [*story, Spacer(1, 3), Paragraph(markup(age), s["muted"])]


def decision_card(assessment: Assessment, when: datetime, s: dict[str, ParagraphStyle], *,
                  kicker: str, title: str, prepared: str, middle: Sequence[Flowable] = (),
                  overleaf: str = "what would change this verdict, the evidence with the "
                  "article's words, and every answer given") -> Story:
    """Page 1, the decision card a board reads: whose it is and when, both readings, one
    sentence of why, the band when something is unknown, `middle` (the team's: who holds it),
    the first next actions, and what the pages after it hold. No ids, quotes or sources."""
    return [
        Paragraph(kicker, s["kicker"]),
        Paragraph(markup(title), s["title"]),
        Paragraph(prepared, s["muted"]),
        Spacer(1, 8),
        *readings_block(assessment, when, s),
        Spacer(1, 6),
        Paragraph(f"<b>Why:</b> {markup(assessment.explained.deciding.text)}", s["body"]),
        *([Spacer(1, 4), Paragraph(bold(assessment.band.sentence), s["body"]),
           Paragraph(markup(" · ".join(assessment.band.read_as)), s["muted"])]
          if assessment.band else []),
        *middle,
        *_first_actions(assessment, s, overleaf),
    ]


def _title_block(assessment: Assessment, when: datetime,
                 s: dict[str, ParagraphStyle]) -> Story:
    return decision_card(
        assessment, when, s, kicker="HOSTING-FIT ASSESSMENT: SPACEX HOSTING OF CLAUDE",
        title=clean(assessment.organisation) or "Your organisation",
        prepared=f"Prepared {day_text(when.date().isoformat())} · knowledge version "
                 f"{markup(assessment.knowledge.version)}")


FIRST_PAGE_ACTIONS = 3  # the decision card's next actions; the full list is on page 2


def _first_actions(assessment: Assessment, s: dict[str, ParagraphStyle],
                   overleaf: str) -> Story:
    """The few most useful next actions, and where the rest is."""
    actions = assessment.next_actions
    story: Story = [Paragraph("Next actions", s["h2"])]
    if not actions:
        story.append(Paragraph("None: nothing undisclosed matters to your answers.", s["muted"]))
    rows = [[Paragraph("☐", s["body"]), Paragraph(markup(a), s["body"])]
            for a in actions[:FIRST_PAGE_ACTIONS]]
    if rows:
        story.append(grid(rows, [8 * mm, WIDTH - 8 * mm], header=False))
    rest = len(actions) - len(rows)
    more = f"{rest} more question{'s' if rest != 1 else ''} for the account team, " if rest else ""
    story.append(Spacer(1, 4))
    story.append(Paragraph(f"Overleaf: {more}{markup(overleaf)}.", s["muted"]))
    return story


def _later_record(detail: LaterDetail | None, s: dict[str, ParagraphStyle]) -> Story:
    """What the later record changes, in detail, with its sources (among the evidence)."""
    if detail is None:
        return []
    story: Story = [Paragraph("What later public reports change, in detail", s["h3"]),
                        Paragraph(bold(detail.headline), s["body"])]
    story += [Paragraph("• " + markup(c), s["small"]) for c in detail.changes]
    if detail.sources:
        story.append(Paragraph("Sources", s["small"]))
        story += [Paragraph("• " + markup(x), s["small"]) for x in detail.sources]
    return story


def _drivers_blockers(text: Explained, s: dict[str, ParagraphStyle]) -> Story:

    def cell(items: tuple[Label, ...], empty: str) -> list[Paragraph]:
        if not items:
            return [Paragraph(empty, s["muted"])]
        return [Paragraph(f"<b>{markup(i.label)}</b>: {markup(i.summary)}", s["body"])
                for i in items]

    table = Table(
        [[Paragraph("What makes it relevant", s["h3"]), Paragraph("What holds it back", s["h3"])],
         [cell(text.drivers, "Nothing in your answers."),
          cell(text.blockers, "No blocker: nothing caps the verdict.")
          + ([Paragraph("Still open, without holding it back", s["h3"])]
             + cell(text.caveats, "") if text.caveats else [])]],
        colWidths=[WIDTH / 2, WIDTH / 2],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 6), table]


def reasons_table(text: Explained, s: dict[str, ParagraphStyle]) -> Story:
    rows: Rows = [[Paragraph("<b>Rule</b>", s["small"]),
                              Paragraph("<b>Reason</b>", s["small"]),
                              Paragraph("<b>From the article</b>", s["small"])]]
    group = None
    spans: list[int] = []
    for reason in text.reasons:
        if reason.group_title != group:
            group = reason.group_title
            spans.append(len(rows))
            rows.append([Paragraph(f"<b>{markup(group)}</b>", s["small"]), "", ""])
        quotes = "<br/>".join(f"<b>{f.id}</b> “{markup(f.quote)}”" for f in reason.facts)
        rows.append([
            Paragraph(markup(reason.rule), s["small"]),
            Paragraph(f"<b>{markup(reason.title)}.</b> {markup(reason.text)}", s["small"]),
            Paragraph(quotes, s["small"]),
        ])
    return [Paragraph("Why: each reason and the article's words it rests on", s["h2"]),
            grid(rows, [12 * mm, WIDTH * 0.48 - 12 * mm, WIDTH * 0.52], spans=tuple(spans))]


def _section_notes(text: Explained, titles: dict[str, str],
                   s: dict[str, ParagraphStyle]) -> Story:
    """What each score measures, and the most it can be while the article calls it
    unverified."""
    rows = [[Paragraph(f"<b>{markup(titles.get(f.id, f.id))}</b>: {markup(f.shown)}", s["small"]),
             Paragraph(markup(f.measures + (f" At most {f.most}: {f.most_why}"
                                            if f.most < 100 else "")), s["small"])]
            for f in text.sections]
    return [grid(rows, [WIDTH * 0.3, WIDTH * 0.7], header=False)] if rows else []


def open_questions(actions: tuple[str, ...], s: dict[str, ParagraphStyle]) -> Story:
    heading = Paragraph("Questions for the account team", s["h2"])
    if not actions:
        none = "None: nothing undisclosed matters to your answers."
        return [heading, Paragraph(none, s["muted"])]
    rows = [[Paragraph("☐", s["body"]), Paragraph(markup(q), s["body"])] for q in actions]
    return [heading, grid(rows, [8 * mm, WIDTH - 8 * mm], header=False)]


def _what_if(words: WhatIfWords, s: dict[str, ParagraphStyle]) -> Story:
    label, why = words.robustness
    story: Story = [Paragraph("What would change this?", s["h2"]),
                        Paragraph(f"<b>{label}</b>: {markup(why)}", s["body"])]
    for title, direction in (("Would raise it", "up"), ("Would lower it", "down")):
        story.append(Paragraph(title, s["h3"]))
        groups, none = words.groups(direction)
        for group, lines in groups:
            story.append(Paragraph(f"<i>{markup(group)}</i>", s["small"]))
            story += [Paragraph(f"• If you answered {markup(changes)}, the verdict would be "
                                f"<b>{markup(verdict)}</b>.", s["small"])
                      for changes, verdict in lines]
        if not groups:
            story.append(Paragraph(markup(none), s["muted"]))
    story.append(Paragraph("If the undisclosed were published, either way", s["h3"]))
    story += [Paragraph("• " + bold(line), s["small"]) for line in words.disclosures]
    if not words.disclosures:
        story.append(Paragraph(markup(words.no_disclosure), s["muted"]))
    return story


def bold(line: str) -> str:
    """Our own '**Label**' emphasis as reportlab bold; everything else escaped."""
    parts = line.split("**")
    return "".join(f"<b>{markup(p)}</b>" if i % 2 else markup(p) for i, p in enumerate(parts))


def _appendix(answers: Answers, bank: QuestionBank, s: dict[str, ParagraphStyle],
              notes: dict[str, str] | None = None) -> Story:
    """Every answer given, section by section, with the note on it where there is one."""
    given = answers.model_dump()
    notes = {k: clean(v).strip() for k, v in (notes or {}).items() if k != OVERALL_NOTE}
    with_notes = any(notes.values())
    widths = [WIDTH * 0.4, WIDTH * 0.25, WIDTH * 0.35] if with_notes else [WIDTH * 0.6,
                                                                             WIDTH * 0.4]
    story: Story = [Paragraph("Appendix: the answers given", s["h2"])]
    for section in bank.sections:
        rows: Rows = [[Paragraph("<b>Question</b>", s["small"]),
                                  Paragraph("<b>Answer</b>", s["small"])]]
        if with_notes:
            rows[0].append(Paragraph("<b>Note</b>", s["small"]))
        for question in section.asked(answers):
            value = given.get(question.id)
            if question.kind == "multi_choice":  # an empty list is an answer: none apply
                value = value or ()
            answer = clean(question.label_of(value)) if value not in (None, "") else "—"
            row = [Paragraph(markup(question.label), s["small"]),
                   Paragraph(markup(answer), s["small"])]
            if with_notes:
                row.append(Paragraph(markup(notes.get(question.id, "")), s["small"]))
            rows.append(row)
        story.append(KeepTogether([Paragraph(markup(section.title), s["h3"]),
                                   grid(rows, widths)]))
    return story


def file_name(answers: Answers, when: datetime) -> str:
    """A safe download name: hosting-fit-<organisation>-<date>.pdf (ASCII only)."""
    name = clean(default_bank().organisation(answers))
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40]
    return f"hosting-fit-{slug or 'assessment'}-{when:%Y-%m-%d}.pdf"


def build_pdf(assessment: Assessment, *, generated_at: datetime) -> bytes:
    """The report as PDF bytes, in the decision card's order: both readings and why, the
    preparer's note, the next actions (questions for the account team, what would change
    it), then the evidence, then the answers with their notes. The same assessment and time
    give the same bytes; the metadata carries `generated_at` as its creation date."""
    s = styles()
    answers, kb, bank = assessment.answers, assessment.knowledge, assessment.bank
    rec, text, notes = assessment.recommendation, assessment.explained, assessment.note_map
    titles = {section.id: section.title for section in bank.sections}
    story: Story = [
        *_title_block(assessment, generated_at, s),
        PageBreak(),  # page 1 is the decision card and nothing else
        *_overall_note(notes, s),
        Paragraph("Next actions in full", s["h2"]),
        *open_questions(assessment.next_actions, s),
        *_what_if(assessment.what_if, s),
        Paragraph("The evidence", s["h2"]),
        *_drivers_blockers(text, s),
        Paragraph("Fit by section (0 to 100)", s["h3"]),
        scores_drawing(rec.scores, titles, WIDTH, rec.not_applicable),
        *_section_notes(text, titles, s),
        *reasons_table(text, s),
        *_later_record(assessment.later_detail, s),
        PageBreak(),
        *_appendix(answers, bank, s, notes),
    ]
    return render(
        story,
        title="Hosting-fit assessment: "
              f"{clean(assessment.organisation) or 'your organisation'}",
        subject=f"Verdict: {rec.verdict}",
        footer=f"Knowledge version {kb.version}: one news report and the public record since. "
        "Decision support, not advice.",
        created=generated_at,
    )


def _overall_note(notes: dict[str, str], s: dict[str, ParagraphStyle]) -> Story:
    note = clean(notes.get(OVERALL_NOTE, "")).strip()
    if not note:
        return []
    return [Paragraph("Note from whoever prepared it", s["h3"]), Paragraph(markup(note), s["body"])]

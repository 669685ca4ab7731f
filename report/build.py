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

from i18n import marked, say
from logic.assessment import Assessment, LaterDetail, WhatIfWords
from logic.explain import Explained, Label
from logic.knowledge_base import available_versions, load_knowledge
from logic.wording import day_text, knowledge_age_text
from questions.answers import Answers
from questions.schema import OVERALL_NOTE, QuestionBank, default_bank
from questions.text import clean
from questions.translations import bank_in
from report.chart import LABEL_SIZE, LABEL_WIDTH, scores_drawing
from report.fonts import BODY, BOLD, markup
from report.layout import (
    FOOTER_SIZE,
    WIDTH,
    Rows,
    Story,
    banner_pair,
    footer_room,
    grid,
    render,
    styles,
    too_wide,
    verdict_banner,
    verdict_room,
)


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
    age, _ = knowledge_age_text(assessment.knowledge, reading, when.date(), assessment.language)
    return [*story, Spacer(1, 3), Paragraph(markup(age), s["muted"])]


def decision_card(assessment: Assessment, when: datetime, s: dict[str, ParagraphStyle], *,
                  kicker: str, title: str, prepared: str, middle: Sequence[Flowable] = (),
                  overleaf: str = "") -> Story:
    """Page 1, the decision card a board reads: whose it is and when, both readings, one
    sentence of why, the band when something is unknown, `middle` (the team's: who holds it),
    the first next actions, and what the pages after it hold. No ids, quotes or sources."""
    lang = assessment.language
    why = say(lang, "Why:")
    overleaf = overleaf or say(lang, "what would change this verdict, the evidence with the "
                               "article's words, and every answer given")
    return [
        Paragraph(kicker, s["kicker"]),
        Paragraph(markup(title), s["title"]),
        Paragraph(prepared, s["muted"]),
        Spacer(1, 8),
        *readings_block(assessment, when, s),
        Spacer(1, 6),
        Paragraph(f"<b>{markup(why)}</b> {markup(assessment.explained.deciding.text)}",
                  s["body"]),
        *([Spacer(1, 4), Paragraph(bold(assessment.band.sentence), s["body"]),
           Paragraph(markup(" · ".join(assessment.band.read_as)), s["muted"])]
          if assessment.band else []),
        *middle,
        *_first_actions(assessment, s, overleaf),
    ]


def _title_block(assessment: Assessment, when: datetime,
                 s: dict[str, ParagraphStyle]) -> Story:
    lang = assessment.language
    return decision_card(
        assessment, when, s,
        kicker=markup(say(lang, "HOSTING-FIT ASSESSMENT: SPACEX HOSTING OF CLAUDE")),
        title=clean(assessment.organisation) or say(lang, "Your organisation"),
        prepared=markup(say(lang, "Prepared {day} · knowledge version {version}",
                            day=day_text(when.date().isoformat(), lang),
                            version=assessment.knowledge.version)))


FIRST_PAGE_ACTIONS = 3  # the decision card's next actions; the full list is on page 2


def _first_actions(assessment: Assessment, s: dict[str, ParagraphStyle],
                   overleaf: str) -> Story:
    """The few most useful next actions, and where the rest is."""
    actions, lang = assessment.next_actions, assessment.language
    story: Story = [Paragraph(markup(say(lang, "Next actions")), s["h2"])]
    if not actions:
        story.append(Paragraph(markup(say(lang, NO_QUESTIONS)), s["muted"]))
    rows = [[Paragraph("☐", s["body"]), Paragraph(markup(a), s["body"])]
            for a in actions[:FIRST_PAGE_ACTIONS]]
    if rows:
        story.append(grid(rows, [8 * mm, WIDTH - 8 * mm], header=False))
    rest = len(actions) - len(rows)
    line = (say(lang, "Overleaf: {n} more question for the account team, {rest}.", n=rest,
                rest=overleaf) if rest == 1 else
            say(lang, "Overleaf: {n} more questions for the account team, {rest}.", n=rest,
                rest=overleaf) if rest else say(lang, "Overleaf: {rest}.", rest=overleaf))
    story.append(Spacer(1, 4))
    story.append(Paragraph(markup(line), s["muted"]))
    return story


NO_QUESTIONS = marked("None: nothing undisclosed matters to your answers.")


def _later_record(detail: LaterDetail | None, s: dict[str, ParagraphStyle],
                  lang: str) -> Story:
    """What the later record changes, in detail, with its sources (among the evidence)."""
    if detail is None:
        return []
    story: Story = [Paragraph(markup(say(lang, "What later public reports change, in detail")),
                              s["h3"]),
                    Paragraph(bold(detail.headline), s["body"])]
    story += [Paragraph("• " + markup(c), s["small"]) for c in detail.changes]
    if detail.sources:
        story.append(Paragraph(markup(say(lang, "Sources")), s["small"]))
        story += [Paragraph("• " + markup(x), s["small"]) for x in detail.sources]
    return story


def _drivers_blockers(text: Explained, s: dict[str, ParagraphStyle], lang: str) -> Story:

    def cell(items: tuple[Label, ...], empty: str) -> list[Paragraph]:
        if not items:
            return [Paragraph(empty, s["muted"])]
        return [Paragraph(f"<b>{markup(i.label)}</b>: {markup(i.summary)}", s["body"])
                for i in items]

    table = Table(
        [[Paragraph(markup(say(lang, "What makes it relevant")), s["h3"]),
          Paragraph(markup(say(lang, "What holds it back")), s["h3"])],
         [cell(text.drivers, markup(say(lang, "Nothing in your answers."))),
          cell(text.blockers, markup(say(lang, "No blocker: nothing caps the verdict.")))
          + ([Paragraph(markup(say(lang, "Still open, without holding it back")), s["h3"])]
             + cell(text.caveats, "") if text.caveats else [])]],
        colWidths=[WIDTH / 2, WIDTH / 2],
    )
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 6), table]


RULE_COLUMN = 15 * mm  # the reasons table's first column: a rule id, under its heading
CELL_PADDING = 6  # reportlab's own padding, each side of a table cell


def reasons_table(text: Explained, s: dict[str, ParagraphStyle], lang: str) -> Story:
    """Each reason in its group, with the facts it rests on: each quote in its source's words
    and, in another language, its translation beside it in brackets."""
    rows: Rows = [[_bold_cell(say(lang, "Rule"), s), _bold_cell(say(lang, "Reason"), s),
                   _bold_cell(say(lang, "From the article"), s)]]
    group = None
    spans: list[int] = []
    for reason in text.reasons:
        if reason.group_title != group:
            group = reason.group_title
            spans.append(len(rows))
            rows.append([Paragraph(f"<b>{markup(group)}</b>", s["small"]), "", ""])
        quotes = "<br/>".join(
            f"<b>{f.id}</b> “{markup(f.quote)}”"
            + (f" <i>[{markup(f.quote_translation)}]</i>" if f.quote_translation else "")
            for f in reason.facts)
        rows.append([
            Paragraph(markup(reason.rule), s["small"]),
            Paragraph(f"<b>{markup(reason.title)}.</b> {markup(reason.text)}", s["small"]),
            Paragraph(quotes, s["small"]),
        ])
    return [Paragraph(markup(say(lang, "Why: each reason and the article's words it rests "
                                 "on")),
                      s["h2"]),
            grid(rows, [RULE_COLUMN, WIDTH * 0.48 - RULE_COLUMN, WIDTH * 0.52],
                 spans=tuple(spans))]


def _bold_cell(text: str, s: dict[str, ParagraphStyle]) -> Paragraph:
    return Paragraph(f"<b>{markup(text)}</b>", s["small"])


def _section_notes(text: Explained, titles: dict[str, str],
                   s: dict[str, ParagraphStyle], lang: str) -> Story:
    """What each score measures, and the most it can be while the article calls it
    unverified."""
    rows = [[Paragraph(f"<b>{markup(titles.get(f.id, f.id))}</b>: {markup(f.shown)}", s["small"]),
             Paragraph(markup(f.measures + (" " + say(lang, "At most {most}: {why}",
                                                         most=f.most, why=f.most_why)
                                            if f.most < 100 else "")), s["small"])]
            for f in text.sections]
    return [grid(rows, [WIDTH * 0.3, WIDTH * 0.7], header=False)] if rows else []


def open_questions(actions: tuple[str, ...], s: dict[str, ParagraphStyle],
                   lang: str = "en") -> Story:
    heading = Paragraph(markup(say(lang, "Questions for the account team")), s["h2"])
    if not actions:
        return [heading, Paragraph(markup(say(lang, NO_QUESTIONS)), s["muted"])]
    rows = [[Paragraph("☐", s["body"]), Paragraph(markup(q), s["body"])] for q in actions]
    return [heading, grid(rows, [8 * mm, WIDTH - 8 * mm], header=False)]


def _what_if(words: WhatIfWords, s: dict[str, ParagraphStyle], lang: str) -> Story:
    label, why = words.robustness
    story: Story = [Paragraph(markup(say(lang, "What would change this?")), s["h2"]),
                    Paragraph(bold(say(lang, "**{label}**: {why}", label=label, why=why)),
                              s["body"])]
    for title, direction in ((marked("Would raise it"), "up"),
                             (marked("Would lower it"), "down")):
        story.append(Paragraph(markup(say(lang, title)), s["h3"]))
        groups, none = words.groups(direction)
        for group, lines in groups:
            story.append(Paragraph(f"<i>{markup(group)}</i>", s["small"]))
            story += [Paragraph("• " + bold(say(lang, "If you answered {changes}, the verdict "
                                                "would be **{verdict}**.", changes=changes,
                                                verdict=verdict)), s["small"])
                      for changes, verdict in lines]
        if not groups:
            story.append(Paragraph(markup(none), s["muted"]))
    story.append(Paragraph(markup(say(lang, "If the undisclosed were published, either way")),
                           s["h3"]))
    story += [Paragraph("• " + bold(line), s["small"]) for line in words.disclosures]
    if not words.disclosures:
        story.append(Paragraph(markup(words.no_disclosure), s["muted"]))
    return story


def bold(line: str) -> str:
    """Our own '**Label**' emphasis as reportlab bold; everything else escaped."""
    parts = line.split("**")
    return "".join(f"<b>{markup(p)}</b>" if i % 2 else markup(p) for i, p in enumerate(parts))


def _appendix(answers: Answers, bank: QuestionBank, s: dict[str, ParagraphStyle],
              notes: dict[str, str] | None = None, lang: str = "en") -> Story:
    """Every answer given, section by section, with the note on it where there is one."""
    given = answers.model_dump()
    notes = {k: clean(v).strip() for k, v in (notes or {}).items() if k != OVERALL_NOTE}
    with_notes = any(notes.values())
    widths = [WIDTH * 0.4, WIDTH * 0.25, WIDTH * 0.35] if with_notes else [WIDTH * 0.6,
                                                                             WIDTH * 0.4]
    story: Story = [Paragraph(markup(say(lang, "Appendix: the answers given")), s["h2"])]

    for section in bank.sections:
        rows: Rows = [[_bold_cell(say(lang, "Question"), s), _bold_cell(say(lang, "Answer"), s)]]
        if with_notes:
            rows[0].append(_bold_cell(say(lang, "Note"), s))
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


def overflows(language: str) -> list[str]:
    """Every text of the PDF that has a fixed place and, in `language`, would not fit it: the
    footer's note beside the page number, each section's title left of its bar, each
    verdict's label on one line of its reading, the reasons table's narrow first heading
    (empty: all fit)."""
    page_words = say(language, "Page {number} of {total}")
    places = [(f"footer of {version}", say(language, FOOTER, version=version), BODY,
               FOOTER_SIZE, footer_room(page_words)) for version in available_versions()]
    places += [(f"chart label {section.id}", section.title, BODY, LABEL_SIZE, LABEL_WIDTH)
               for section in bank_in(language).sections]
    places.append(("reasons table heading", say(language, "Rule"), BOLD,
                   styles()["small"].fontSize, RULE_COLUMN - 2 * CELL_PADDING))
    places += [(f"verdict {verdict} of {version}", label.label, BOLD,
                styles()["verdict"].fontSize, verdict_room())
               for version in available_versions()
               for verdict, label in load_knowledge(version, language).verdicts.items()]
    return [f"{language}: {where}: {text!r} needs more than {room:.0f} pt"
            for where, text, font, size, room in places if too_wide(text, font, size, room)]


FOOTER = marked("Knowledge version {version} · Decision support, not advice")


def build_pdf(assessment: Assessment, *, generated_at: datetime) -> bytes:
    """The report as PDF bytes, in the decision card's order: both readings and why, the
    preparer's note, the next actions (questions for the account team, what would change
    it), then the evidence, then the answers with their notes. The same assessment and time
    give the same bytes; the metadata carries `generated_at` as its creation date."""
    s = styles()
    answers, kb, bank = assessment.answers, assessment.knowledge, assessment.bank
    rec, text, notes = assessment.recommendation, assessment.explained, assessment.note_map
    lang = assessment.language
    titles = {section.id: section.title for section in bank.sections}
    story: Story = [
        *_title_block(assessment, generated_at, s),
        PageBreak(),  # page 1 is the decision card and nothing else
        *_overall_note(notes, s, lang),
        Paragraph(markup(say(lang, "Next actions in full")), s["h2"]),
        *open_questions(assessment.next_actions, s, lang),
        *_what_if(assessment.what_if, s, lang),
        Paragraph(markup(say(lang, "The evidence")), s["h2"]),
        *_drivers_blockers(text, s, lang),
        Paragraph(markup(say(lang, "Fit by section (0 to 100)")), s["h3"]),
        scores_drawing(rec.scores, titles, WIDTH, rec.not_applicable,
                       say(lang, "not applicable")),
        *_section_notes(text, titles, s, lang),
        *reasons_table(text, s, lang),
        *_later_record(assessment.later_detail, s, lang),
        PageBreak(),
        *_appendix(answers, bank, s, notes, lang),
    ]
    return render(
        story,
        title=say(lang, "Hosting-fit assessment: {organisation}",
                  organisation=clean(assessment.organisation)
                  or say(lang, "your organisation")),
        subject=say(lang, "Verdict: {verdict}", verdict=text.verdict.label),
        footer=say(lang, FOOTER, version=kb.version),
        created=generated_at,
        page_words=say(lang, "Page {number} of {total}"),
        language=lang,
    )


def _overall_note(notes: dict[str, str], s: dict[str, ParagraphStyle], lang: str) -> Story:
    note = clean(notes.get(OVERALL_NOTE, "")).strip()
    if not note:
        return []
    return [Paragraph(markup(say(lang, "Note from whoever prepared it")), s["h3"]),
            Paragraph(markup(note), s["body"])]

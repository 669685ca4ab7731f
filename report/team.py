"""The team PDF: page 1 is the same decision card as a single assessment's, for the team
recommendation, with who holds it there; then every respondent's verdict and section scores,
where the team disagrees, the next actions in full and the reasons (ids and quotes)."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from i18n import say
from logic.assessment import assess
from logic.knowledge_base import KnowledgeBase, own_words
from logic.team import TeamAnalysis
from logic.team_words import TeamWords, section_scores, shown_score, team_words, who
from logic.wording import day_text
from questions.schema import QuestionBank
from questions.text import clean
from questions.translations import ENGLISH, bank_in
from report.build import FOOTER, decision_card, open_questions, reasons_table
from report.fonts import markup
from report.layout import WIDTH, Story, grid, render, styles

HOLDING_ON_PAGE_ONE = 3  # questions that hold the team verdict, on the card; all on page 2


def _header(s: dict[str, ParagraphStyle], *titles: str) -> Story:
    return [Paragraph(f"<b>{markup(t)}</b>", s["small"]) for t in titles]


def _holding(words: TeamWords, s: dict[str, ParagraphStyle], limit: int | None = None) -> Story:
    """Who holds the team verdict: per question, the team's answer and each respondent who
    holds it from another verdict, in words."""
    lang = words.language
    story: Story = [Paragraph(markup(say(lang, "Who holds the team verdict")), s["h2"])]
    if not words.holding:
        story.append(Paragraph(markup(say(lang, "Nobody: no single answer, aligned with the "
                                          "team's, moves the team's or a respondent's "
                                          "verdict.")), s["muted"]))
        return story
    shown = words.holding[:limit] if limit else words.holding
    for held in shown:
        answer = say(lang, "Team answer: {answer}", answer=held.team_answer)
        story.append(Paragraph(f"<b>{markup(held.question)}</b> {markup(answer)}.", s["body"]))
        story += [Paragraph("• " + markup(line), s["small"]) for line in held.lines]
        story.append(Spacer(1, 3))
    rest = len(words.holding) - len(shown)
    if rest:
        more = (say(lang, "And {n} more question: overleaf.", n=rest) if rest == 1 else
                say(lang, "And {n} more questions: overleaf.", n=rest))
        story.append(Paragraph(markup(more), s["muted"]))
    return story


def _respondents(people: list[tuple[str, str]], analysis: TeamAnalysis, kb: KnowledgeBase,
                 bank: QuestionBank, s: dict[str, ParagraphStyle], lang: str) -> Story:
    """Each respondent's verdict and what holds it back; then their section scores ("n/a"
    where a section does not apply, as in the team view and its CSV)."""
    respondent = say(lang, "Respondent")
    rows = [_header(s, respondent, say(lang, "Verdict"), say(lang, "What holds it back"))]
    for i, rec in enumerate(analysis.recommendations):
        blockers = (", ".join(kb.blockers[b].label for b in rec.blockers)
                    or say(lang, "Nothing"))
        rows.append([Paragraph(markup(who(people, i)), s["small"]),
                     Paragraph(markup(kb.verdicts[rec.verdict].label), s["small"]),
                     Paragraph(markup(blockers), s["small"])])
    story: Story = [Paragraph(markup(say(lang, "Respondents")), s["h2"]),
                    grid(rows, [WIDTH * 0.38, 24 * mm, WIDTH * 0.62 - 24 * mm])]
    scores = section_scores(analysis, bank)
    titles = list(scores[0]) if scores else []
    if titles:
        table = [_header(s, respondent, *titles)]
        table += [[Paragraph(markup(clean(people[i][0])), s["small"]),
                   *(Paragraph(shown_score(row[t], lang), s["small"]) for t in titles)]
                  for i, row in enumerate(scores)]
        first = WIDTH * 0.28
        story += [Paragraph(markup(say(lang, "Section scores (0 to 100; n/a where a section "
                                       "does not apply)")), s["h3"]),
                  grid(table, [first] + [(WIDTH - first) / len(titles)] * len(titles))]
    return story


def _others(words: TeamWords, s: dict[str, ParagraphStyle]) -> Story:
    lang = words.language
    story: Story = [Paragraph(markup(say(lang, "Where the team disagrees without changing a "
                                         "verdict")), s["h2"])]
    if not words.others:
        story.append(Paragraph(markup(
            say(lang, "Nowhere else: every other question has one answer from everyone.")
            if words.holding else say(lang, "Nowhere: every respondent gave the same answers.")),
            s["muted"]))
        return story
    rows = [_header(s, say(lang, "Question"), say(lang, "Answers given"),
                    say(lang, "Team answer"))]
    rows += [[Paragraph(markup(q), s["small"]), Paragraph(markup(given), s["small"]),
              Paragraph(markup(team), s["small"])] for q, given, team in words.others]
    return [*story, grid(rows, [WIDTH * 0.45, WIDTH * 0.35, WIDTH * 0.2])]


def build_team_pdf(team_name: str, people: list[tuple[str, str]], analysis: TeamAnalysis,
                   kb: KnowledgeBase, bank: QuestionBank, *, generated_at: datetime,
                   language: str = ENGLISH) -> bytes:
    """people: (name, role) per respondent, in the analysis's order; the report in `language`
    (`kb` the version, `bank` the bank, in any words)."""
    s, lang = styles(), language
    assessment = assess(analysis.consensus_answers, own_words(kb), language=lang)
    bank = bank if lang == ENGLISH else bank_in(lang)
    words = team_words(analysis, people, bank, assessment.knowledge, lang)
    name = clean(team_name) or say(lang, "Team")
    n = len(people)
    respondents = (say(lang, "{n} respondent", n=n) if n == 1 else
                   say(lang, "{n} respondents", n=n))
    story: Story = [
        *decision_card(
            assessment, generated_at, s,
            kicker=markup(say(lang, "TEAM ASSESSMENT: SPACEX HOSTING OF CLAUDE")),
            title=name,
            prepared=markup(say(lang, "Prepared {day} · {respondents} · knowledge version "
                                "{version}", day=day_text(generated_at.date().isoformat(), lang),
                                respondents=respondents, version=kb.version)),
            middle=[Spacer(1, 4), Paragraph(markup(words.headline()), s["body"]),
                    *_holding(words, s, HOLDING_ON_PAGE_ONE)],
            overleaf=say(lang, "every respondent's verdict and section scores, where the team "
                         "disagrees, and each reason with the article's words")),
        PageBreak(),  # page 1 is the decision card and nothing else
        *(_holding(words, s) if len(words.holding) > HOLDING_ON_PAGE_ONE else []),
        *_respondents(people, analysis, assessment.knowledge, bank, s, lang),
        *_others(words, s),
        Paragraph(markup(say(lang, "Next actions in full")), s["h2"]),
        *open_questions(assessment.next_actions, s, lang),
        Paragraph(markup(words.consensus), s["muted"]),
        *reasons_table(assessment.explained, s, lang),
    ]
    return render(story, title=say(lang, "Team assessment: {name}", name=name),
                  subject=say(lang, "Team verdict: {verdict}", verdict=words.verdict),
                  footer=say(lang, FOOTER, version=kb.version), created=generated_at,
                  page_words=say(lang, "Page {number} of {total}"), language=lang)

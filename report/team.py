"""The team PDF: page 1 is the same decision card as a single assessment's, for the team
recommendation, with who holds it there; then every respondent's verdict and section scores,
where the team disagrees, the next actions in full and the reasons (ids and quotes)."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer

from logic.assessment import assess
from logic.knowledge_base import KnowledgeBase
from logic.team import TeamAnalysis
from logic.team_words import TeamWords, section_scores, team_words, who
from logic.wording import day_text
from questions.schema import QuestionBank
from questions.text import clean, plural
from report.build import decision_card, open_questions, reasons_table
from report.fonts import markup
from report.layout import WIDTH, Story, grid, render, styles

HOLDING_ON_PAGE_ONE = 3  # questions that hold the team verdict, on the card; all on page 2


def _header(s: dict[str, ParagraphStyle], *titles: str) -> Story:
    return [Paragraph(f"<b>{t}</b>", s["small"]) for t in titles]


def _holding(words: TeamWords, s: dict[str, ParagraphStyle], limit: int | None = None) -> Story:
    """Who holds the team verdict: per question, the team's answer and each respondent who
    holds it from another verdict, in words."""
    story: Story = [Paragraph("Who holds the team verdict", s["h2"])]
    if not words.holding:
        story.append(Paragraph("Nobody: no single answer, aligned with the team's, moves the "
                               "team's or a respondent's verdict.", s["muted"]))
        return story
    shown = words.holding[:limit] if limit else words.holding
    for held in shown:
        story.append(Paragraph(f"<b>{markup(held.question)}</b> Team answer: "
                               f"{markup(held.team_answer)}.", s["body"]))
        story += [Paragraph("• " + markup(line), s["small"]) for line in held.lines]
        story.append(Spacer(1, 3))
    rest = len(words.holding) - len(shown)
    if rest:
        story.append(Paragraph(f"And {plural(rest, 'more question')}: overleaf.", s["muted"]))
    return story


def _respondents(people: list[tuple[str, str]], analysis: TeamAnalysis, kb: KnowledgeBase,
                 bank: QuestionBank, s: dict[str, ParagraphStyle]) -> Story:
    """Each respondent's verdict and what holds it back; then their section scores ("n/a"
    where a section does not apply, as in the team view and its CSV)."""
    rows = [_header(s, "Respondent", "Verdict", "What holds it back")]
    for i, rec in enumerate(analysis.recommendations):
        blockers = ", ".join(kb.blockers[b].label for b in rec.blockers) or "Nothing"
        rows.append([Paragraph(markup(who(people, i)), s["small"]),
                     Paragraph(kb.verdicts[rec.verdict].label, s["small"]),
                     Paragraph(markup(blockers), s["small"])])
    story: Story = [Paragraph("Respondents", s["h2"]),
                        grid(rows, [WIDTH * 0.38, 24 * mm, WIDTH * 0.62 - 24 * mm])]
    scores = section_scores(analysis, bank)
    titles = list(scores[0]) if scores else []
    if titles:
        table = [_header(s, "Respondent", *titles)]
        table += [[Paragraph(markup(clean(people[i][0])), s["small"]),
                   *(Paragraph(str(row[t]), s["small"]) for t in titles)]
                  for i, row in enumerate(scores)]
        first = WIDTH * 0.28
        story += [Paragraph("Section scores (0 to 100; n/a where a section does not apply)",
                            s["h3"]),
                  grid(table, [first] + [(WIDTH - first) / len(titles)] * len(titles))]
    return story


def _others(words: TeamWords, s: dict[str, ParagraphStyle]) -> Story:
    story: Story = [Paragraph("Where the team disagrees without changing a verdict",
                                  s["h2"])]
    if not words.others:
        story.append(Paragraph("Nowhere else: every other question has one answer from "
                               "everyone." if words.holding else
                               "Nowhere: every respondent gave the same answers.", s["muted"]))
        return story
    rows = [_header(s, "Question", "Answers given", "Team answer")]
    rows += [[Paragraph(markup(q), s["small"]), Paragraph(markup(given), s["small"]),
              Paragraph(markup(team), s["small"])] for q, given, team in words.others]
    return [*story, grid(rows, [WIDTH * 0.45, WIDTH * 0.35, WIDTH * 0.2])]


def build_team_pdf(team_name: str, people: list[tuple[str, str]], analysis: TeamAnalysis,
                   kb: KnowledgeBase, bank: QuestionBank, *, generated_at: datetime) -> bytes:
    """people: (name, role) per respondent, in the analysis's order."""
    s = styles()
    assessment = assess(analysis.consensus_answers, kb)
    words = team_words(analysis, people, bank, kb)
    name = clean(team_name) or "Team"
    story: Story = [
        *decision_card(
            assessment, generated_at, s, kicker="TEAM ASSESSMENT: SPACEX HOSTING OF CLAUDE",
            title=name,
            prepared=f"Prepared {day_text(generated_at.date().isoformat())} · "
                     f"{plural(len(people), 'respondent')} · knowledge version "
                     f"{markup(kb.version)}",
            middle=[Spacer(1, 4), Paragraph(markup(words.headline()), s["body"]),
                    *_holding(words, s, HOLDING_ON_PAGE_ONE)],
            overleaf="every respondent's verdict and section scores, where the team "
                     "disagrees, and each reason with the article's words"),
        PageBreak(),  # page 1 is the decision card and nothing else
        *(_holding(words, s) if len(words.holding) > HOLDING_ON_PAGE_ONE else []),
        *_respondents(people, analysis, kb, bank, s),
        *_others(words, s),
        Paragraph("Next actions in full", s["h2"]),
        *open_questions(assessment.next_actions, s),
        Paragraph(markup(words.consensus), s["muted"]),
        *reasons_table(assessment.explained, s, assessment.language),
    ]
    return render(story, title=f"Team assessment: {name}",
                  subject=f"Team verdict: {analysis.consensus_recommendation.verdict}",
                  footer=f"Knowledge version {kb.version}: one news report and the public "
                  "record since. Decision support, not advice.", created=generated_at)

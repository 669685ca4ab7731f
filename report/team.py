"""The team PDF: the team verdict, every respondent's verdict, and where they disagree."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from logic.assessment import assess
from logic.explain import explain
from logic.knowledge_base import KnowledgeBase
from logic.team import TeamAnalysis
from questions.schema import QuestionBank
from questions.text import clean
from report.build import readings_block
from report.fonts import markup
from report.layout import WIDTH, grid, render, styles


def answer_text(bank: QuestionBank, question_id: str, value: Any) -> str:
    """How an answer reads to a person (lists come in as tuples from the analysis)."""
    question = bank.question(question_id)
    value = list(value) if isinstance(value, tuple) else value
    return question.label_of(value) if value not in (None, "") else "—"


def spread(bank: QuestionBank, question_id: str, counts: dict[Any, int]) -> str:
    """'Yes ×2 · No ×1', most common first."""
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    return " · ".join(f"{answer_text(bank, question_id, v)} ×{n}" for v, n in ordered)


NAMES_IN_A_CELL = 12  # a table row must fit on a page: past this, the rest are counted


def named(people: list[tuple[str, str]], indexes: Any) -> str:
    """Respondents' names for one cell: the first few, then how many more."""
    chosen = list(indexes)
    names = ", ".join(clean(people[i][0]) for i in chosen[:NAMES_IN_A_CELL]) or "—"
    extra = len(chosen) - NAMES_IN_A_CELL
    return f"{names} and {extra} more" if extra > 0 else names


def _header(s: dict[str, Any], *titles: str) -> list[Any]:
    return [Paragraph(f"<b>{t}</b>", s["small"]) for t in titles]


def _respondents(people: list[tuple[str, str]], analysis: TeamAnalysis, kb: KnowledgeBase,
                 s: dict[str, Any]) -> Any:
    rows = [_header(s, "Name", "Role", "Verdict", "Blockers")]
    for (name, role), rec in zip(people, analysis.recommendations, strict=True):
        blockers = ", ".join(kb.blockers[b].label for b in rec.blockers) or "—"
        rows.append([Paragraph(markup(clean(name)), s["small"]),
                     Paragraph(markup(clean(role)), s["small"]),
                     Paragraph(kb.verdicts[rec.verdict].label, s["small"]),
                     Paragraph(markup(blockers), s["small"])])
    return grid(rows, [WIDTH * 0.25, WIDTH * 0.2, 22 * mm, WIDTH * 0.55 - 22 * mm])


def _disagreements(people: list[tuple[str, str]], analysis: TeamAnalysis, bank: QuestionBank,
                   s: dict[str, Any]) -> Any:
    if not analysis.disagreements:
        return Paragraph("Nowhere: every respondent gave the same answers.", s["muted"])
    rows = [_header(s, "Question", "Answers given", "Team answer", "Verdicts that change",
                    "Alone keeps from the team verdict")]
    for d in analysis.disagreements:
        apart = named(people, d.holds_apart)
        rows.append([Paragraph(markup(bank.question(d.question).label), s["small"]),
                     Paragraph(markup(spread(bank, d.question, d.counts)), s["small"]),
                     Paragraph(markup(answer_text(bank, d.question, d.consensus)), s["small"]),
                     Paragraph(str(d.verdict_changes), s["small"]),
                     Paragraph(markup(apart), s["small"])])
    return grid(rows, [WIDTH * 0.3, WIDTH * 0.24, WIDTH * 0.14, WIDTH * 0.12, WIDTH * 0.2])


def build_team_pdf(team_name: str, people: list[tuple[str, str]], analysis: TeamAnalysis,
                   kb: KnowledgeBase, bank: QuestionBank, *, generated_at: datetime) -> bytes:
    """people: (name, role) per respondent, in the analysis's order."""
    s = styles()
    text = explain(analysis.consensus_recommendation, kb)
    story: list[Any] = [
        Paragraph("TEAM ASSESSMENT: SPACEX HOSTING OF CLAUDE", s["kicker"]),
        Paragraph(markup(clean(team_name)), s["title"]),
        Paragraph(f"Prepared {generated_at:%d %B %Y} · {len(people)} respondent(s) · knowledge "
                  f"version {markup(kb.version)}", s["muted"]),
        Spacer(1, 8),
        *readings_block(assess(analysis.consensus_answers, kb), generated_at, s),
        Paragraph(markup(analysis.split_note() or "Every respondent reaches the same verdict."),
                  s["body"]),
        Paragraph("Respondents", s["h2"]),
        _respondents(people, analysis, kb, s),
        Paragraph("Where the team disagrees", s["h2"]),
        _disagreements(people, analysis, bank, s),
        Paragraph("Why the team verdict", s["h2"]),
    ]
    rows = [_header(s, "Rule", "Reason")]
    for reason in text.reasons:
        rows.append([Paragraph(reason.rule, s["small"]),
                     Paragraph(f"<b>{markup(reason.title)}.</b> {markup(reason.text)} "
                               f"({', '.join(f.id for f in reason.facts)})", s["small"])])
    story.append(grid(rows, [12 * mm, WIDTH - 12 * mm]))
    return render(story, title=f"Team assessment: {clean(team_name)}",
                  subject=f"Team verdict: {analysis.consensus_recommendation.verdict}",
                  footer=f"Rests on one news report (knowledge version {kb.version}). "
                  "Decision support, not advice.")

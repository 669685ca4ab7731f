"""The team result in words, written once for the team view, its exports and the team PDF: the
split, who holds the team from another verdict and what they answered, the other
disagreements, each respondent's row. Words, never ids; a section that does not apply reads
"n/a" wherever a score would be."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from i18n import say
from logic.knowledge_base import KnowledgeBase
from logic.team import Disagreement, TeamAnalysis
from questions.schema import QuestionBank
from questions.text import clean
from questions.translations import ENGLISH

NOT_APPLICABLE = "n/a"  # a section the respondent's answers make irrelevant: not a score of 0


def shown_score(score: int | str, language: str = ENGLISH) -> str:
    """A section score as a page or report shows it: the number, or "n/a" in the language's
    own short form (the exports keep "n/a", an id)."""
    return say(language, "n/a") if score == NOT_APPLICABLE else str(score)


def answer_text(bank: QuestionBank, question_id: str, value: object) -> str:
    """How an answer reads to a person (lists come in as tuples from the analysis)."""
    question = bank.question(question_id)
    value = list(value) if isinstance(value, tuple) else value
    if question.kind == "multi_choice" and value in (None, []):  # none of them apply
        return question.label_of([])
    return question.label_of(value) if value not in (None, "") else "—"


def spread(bank: QuestionBank, question_id: str, counts: dict[object, int]) -> str:
    """'Yes ×2 · No ×1', most common first."""
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    return " · ".join(f"{answer_text(bank, question_id, v)} ×{n}" for v, n in ordered)


def who(people: Sequence[tuple[str, str]], index: int) -> str:
    """'Ben Okafor (SRE lead)'; the name alone when no role was given."""
    name, role = (clean(part).strip() for part in people[index])
    return f"{name} ({role})" if role else name


@dataclass(frozen=True)
class Holding:
    """One question that matters: the team's answer, and each respondent whose own answer
    there would give the team (or themselves) another verdict."""

    question: str  # the question as the person read it
    team_answer: str
    lines: tuple[str, ...]  # one a respondent, in words


@dataclass(frozen=True)
class TeamWords:
    """Everything the team views say, in one place."""

    verdict: str  # the team verdict's label
    split: str  # "2 respondents reach Evaluate, 1 reaches Monitor." or one verdict for all
    consensus: str  # how the team's answers were made, with the facts' questions as written
    holding: tuple[Holding, ...]  # the questions that matter, most consequential first
    others: tuple[tuple[str, str, str], ...]  # (question, answers given, team answer) for
    # disagreements that move no verdict
    language: str = ENGLISH

    def headline(self) -> str:
        """What the team view opens with, after the verdict."""
        lang, n = self.language, len(self.holding)
        if not self.holding:
            return self.split + " " + say(lang, "No single answer holds the team from another "
                                          "verdict: aligning any one of them changes no "
                                          "verdict.")
        return self.split + " " + (
            say(lang, "{n} question decides it; who holds the team from another verdict, and "
                "what they answered, is below.", n=n) if n == 1 else
            say(lang, "{n} questions decide it; who holds the team from another verdict, and "
                "what they answered, is below.", n=n))


def _holding(d: Disagreement, people: Sequence[tuple[str, str]], bank: QuestionBank,
             kb: KnowledgeBase, team_verdict: str, lang: str) -> Holding:
    label = kb.verdicts
    own = dict(zip(d.changed, d.changed_verdicts, strict=True))
    team = dict(zip(d.holds_apart, d.apart_verdicts, strict=True))
    lines = []
    for i in sorted(set(own) | set(team)):
        parts = []
        if i in team:
            parts.append(say(lang, "with that answer alone, the team verdict would be {new} "
                             "instead of {team}", new=label[team[i]].label,
                             team=label[team_verdict].label))
        if i in own:
            parts.append(say(lang, "on the team's answer, their own verdict would be {own}",
                             own=label[own[i]].label))
        answer = answer_text(bank, d.question, d.given[i])
        lines.append(say(lang, "{who} answered “{answer}”: {what}.", who=who(people, i),
                         answer=answer, what="; ".join(parts)))
    return Holding(bank.question(d.question).label,
                   answer_text(bank, d.question, d.consensus), tuple(lines))


def team_words(analysis: TeamAnalysis, people: Sequence[tuple[str, str]], bank: QuestionBank,
               kb: KnowledgeBase, language: str = ENGLISH) -> TeamWords:
    """The team result in words, in `language` (`bank` and `kb` in its words). `people`:
    (name, role) per respondent, in the analysis's order."""
    lang = language
    team = analysis.consensus_recommendation.verdict
    counts = analysis.counts_high_first()
    if len(counts) > 1:
        parts = [say(lang, "{n} respondent reaches {verdict}", n=n, verdict=kb.verdicts[v].label)
                 if n == 1 else
                 say(lang, "{n} respondents reach {verdict}", n=n, verdict=kb.verdicts[v].label)
                 for v, n in counts]
        split = say(lang, "The team is split: {parts} and {last}.", parts=", ".join(parts[:-1]),
                    last=parts[-1])
    elif counts:
        split = (say(lang, "The one respondent reaches {verdict}.",
                     verdict=kb.verdicts[team].label) if len(people) == 1 else
                 say(lang, "Every respondent reaches {verdict}.",
                     verdict=kb.verdicts[team].label))
    else:
        split = ""
    facts = "; ".join(f"“{q.label}”" for q in bank.questions() if q.fact)
    consensus = (say(lang, "From the answers of {n} respondent: each question's most common "
                     "answer, ties going to the stricter requirement; for facts about the "
                     "organisation ({facts}) the strictest any respondent gave, since one "
                     "colleague who knows a regulation applies is enough.", n=len(people),
                     facts=facts) if len(people) == 1 else
                 say(lang, "From the answers of {n} respondents: each question's most common "
                     "answer, ties going to the stricter requirement; for facts about the "
                     "organisation ({facts}) the strictest any respondent gave, since one "
                     "colleague who knows a regulation applies is enough.", n=len(people),
                     facts=facts))
    holding = tuple(_holding(d, people, bank, kb, team, lang)
                    for d in analysis.disagreements if d.matters)
    others = tuple((bank.question(d.question).label, spread(bank, d.question, d.counts),
                    answer_text(bank, d.question, d.consensus))
                   for d in analysis.disagreements if not d.matters)
    return TeamWords(kb.verdicts[team].label, split, consensus, holding, others, lang)


def section_scores(analysis: TeamAnalysis, bank: QuestionBank) -> list[dict[str, str | int]]:
    """Each respondent's score per section (after the profile), "n/a" where the section does
    not apply: the heatmap, the table, the CSV and the PDF all read this."""
    sections = bank.sections[1:]
    return [{s.title: NOT_APPLICABLE if s.id in rec.not_applicable else rec.scores[s.id]
             for s in sections} for rec in analysis.recommendations]

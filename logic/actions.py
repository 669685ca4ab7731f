"""The action plan's points: each next action of an assessment with a key that stays the same
while the point does (the answer to settle first, each question for the account team, each
blocker to resolve), so an owner, a due date and a status can be kept against it, and so a
point that an answer change or a new knowledge version settles is seen to be gone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from i18n import marked, say
from logic.assessment import Assessment

Kind = Literal["settle", "ask", "blocker"]
KIND_TITLES: dict[Kind, str] = {  # said in the reader's language where they are shown
    "settle": marked("Answer to settle first"),
    "ask": marked("Question for the account team"),
    "blocker": marked("Blocker to resolve"),
}


@dataclass(frozen=True)
class Point:
    """One point of the plan: `key` ("settle:uptime_target", "ask:OQ1",
    "blocker:sla_unverified"), what kind, its words, and for "settle" the question whose
    answer settles it."""

    key: str
    kind: Kind
    text: str
    question: str | None = None


def points(assessment: Assessment) -> tuple[Point, ...]:
    """The plan's points for this assessment, most useful first, as its next actions read."""
    rec, kb = assessment.recommendation, assessment.knowledge
    out: list[Point] = []
    if assessment.settle_first and rec.settle_first:
        out.append(Point(f"settle:{rec.settle_first}", "settle", assessment.settle_first,
                         rec.settle_first))
    by_text = {q.text: q.id for q in kb.open_questions}
    out += [Point(f"ask:{by_text.get(text, text)}", "ask", text)
            for text in assessment.account_questions]
    lang = assessment.language
    for blocker in rec.blockers:
        label = kb.blockers[blocker]
        text = (say(lang, "Resolve “{blocker}” (your organisation's own position): {summary}",
                    blocker=label.label, summary=label.summary) if label.own_position else
                say(lang, "Resolve “{blocker}”: {summary}", blocker=label.label,
                    summary=label.summary))
        out.append(Point(f"blocker:{blocker}", "blocker", text))
    return tuple(out)


def settled_by(key: str, now: Assessment,
               answers_only: Assessment) -> Literal["answers", "knowledge"] | None:
    """What settled a point the plan holds: None while `now` still has it; "answers" when the
    answers alone settle it (`answers_only`: the answers now under the knowledge the point was
    planned under), else "knowledge"."""
    if any(p.key == key for p in points(now)):
        return None
    if not any(p.key == key for p in points(answers_only)):
        return "answers"
    return "knowledge"


def describe(key: str, assessment: Assessment) -> Point:
    """A point from its key alone (one the plan holds that the assessment no longer has), in
    the words of this knowledge version and bank where they still know it."""
    kind, _, ident = key.partition(":")
    kb, bank, lang = assessment.knowledge, assessment.bank, assessment.language
    if kind == "settle":
        label = bank.question(ident).label if ident in bank.by_id else ident
        return Point(key, "settle", say(lang, "Find out “{question}” first", question=label),
                     ident)
    if kind == "ask":
        text = next((q.text for q in kb.open_questions if q.id == ident), ident)
        return Point(key, "ask", text)
    blocker = kb.blockers.get(ident)
    return Point(key, "blocker", say(lang, "Resolve “{blocker}”",
                                     blocker=blocker.label if blocker else ident))

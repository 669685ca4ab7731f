"""A short Markdown summary of a recommendation, for pasting into email or chat."""

from __future__ import annotations

from datetime import date

from i18n import say
from logic.assessment import Assessment
from logic.wording import knowledge_age_text
from questions.schema import OVERALL_NOTE
from questions.text import clean, markdown_plain


def summary(assessment: Assessment, *, markdown: bool = True, today: date | None = None) -> str:
    """Both readings, drivers, blockers, reasons with fact ids, open questions, in the
    assessment's language. As Markdown (for chat) user text is escaped; as plain text
    (`markdown=False`, for email) nothing is escaped or marked up, so it pastes without
    backslashes or asterisks."""
    text, kb, notes = assessment.explained, assessment.knowledge, assessment.note_map
    lang, given = assessment.language, assessment.organisation
    user = markdown_plain if markdown else _plain_text
    bold = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    name = user(given) if given else say(lang, "Our organisation")

    relevant = (", ".join(d.label for d in text.drivers)
                or say(lang, "nothing in our answers"))
    held = ", ".join(b.label for b in text.blockers) or say(lang, "nothing caps it")

    lines = [
        bold(say(lang, "Does the SpaceX–Claude hosting deal matter to us? {name}", name=name)),
        "",
        say(lang, "Verdict: {verdict}. {sentence}", verdict=bold(text.verdict.label),
            sentence=assessment.verdict_sentence),
        *assessment.readings.lines(bold)[1:],
        *(["", uncertain.sentence if markdown else uncertain.sentence.replace("**", ""),
           *(f"- {line}" for line in uncertain.read_as)]
          if (uncertain := assessment.band) else []),
        "",
        say(lang, "Relevant: {items}", items=relevant),
        say(lang, "Held back by: {items}", items=held),
        *([say(lang, "Still open: {items}", items=", ".join(c.label for c in text.caveats))]
          if text.caveats else []),
        "",
        say(lang, "Why:"),
        *[f"- {r.group_title}: {r.text} ({', '.join(f.id for f in r.facts)})"
          for r in text.reasons],
    ]
    if assessment.settle_first:
        lines += ["", say(lang, "First: {action}", action=assessment.settle_first)]
    if assessment.account_questions:
        lines += ["", say(lang, "To ask the account team:"),
                  *[f"- {q}" for q in assessment.account_questions]]
    overall = notes.get(OVERALL_NOTE)
    if overall:
        lines += ["", say(lang, "Our note: {note}", note=user(overall))]
    age, _ = knowledge_age_text(kb, assessment.reading, today or date.today(), lang)
    footer = say(lang, "Knowledge version {version}. {age} Decision support, not advice.",
                 version=kb.version, age=age)
    lines += ["", f"_{footer}_" if markdown else footer]
    return "\n".join(lines)


def _plain_text(text: str) -> str:
    """User text for plain-text email: control and direction characters removed, nothing
    escaped (email shows it as typed)."""
    return clean(text)

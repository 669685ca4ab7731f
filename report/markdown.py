"""A short Markdown summary of a recommendation, for pasting into email or chat."""

from __future__ import annotations

from datetime import date

from logic.explain import explain
from logic.knowledge_base import KnowledgeBase, available_versions
from logic.reading import later_reading
from logic.recommendation import Recommendation
from logic.wording import band_text, knowledge_age_text, readings_text
from questions.answers import Answers
from questions.schema import default_bank
from questions.text import clean, markdown_plain


def summary(answers: Answers, rec: Recommendation, kb: KnowledgeBase,
            notes: dict[str, str] | None = None, *, markdown: bool = True,
            today: date | None = None) -> str:
    """Verdict, drivers, blockers, reasons with fact ids, open questions. As Markdown (for
    chat) user text is escaped; as plain text (`markdown=False`, for email) nothing is
    escaped or marked up, so it pastes without backslashes or asterisks."""
    text = explain(rec, kb)
    reading = later_reading(answers, kb) if kb.version in available_versions() else None
    readings = readings_text(rec, reading, kb)
    given = default_bank().organisation(answers)
    user = markdown_plain if markdown else _plain_text
    bold = (lambda s: f"**{s}**") if markdown else (lambda s: s)
    name = user(given) if given else "Our organisation"
    lines = [
        bold(f"Does the SpaceX–Claude hosting deal matter to us? {name}"),
        "",
        f"Verdict: {bold(text.verdict.label)}. {text.verdict.summary}",
        *readings.lines(bold)[1:],
        *(["", uncertain if markdown else uncertain.replace("**", "")]
          if (uncertain := band_text(rec, kb, default_bank(), answers.unknowns)) else []),
        "",
        "Relevant: " + (", ".join(d.label for d in text.drivers) or "nothing in our answers"),
        "Held back by: " + (", ".join(b.label for b in text.blockers) or "nothing caps it"),
        *(["Still open: " + ", ".join(c.label for c in text.caveats)] if text.caveats else []),
        "",
        "Why:",
        *[f"- {r.group_title}: {r.text} ({', '.join(f.id for f in r.facts)})"
          for r in text.reasons],
    ]
    if rec.open_questions:
        lines += ["", "To ask the account team:", *[f"- {q}" for q in rec.open_questions]]
    overall = (notes or {}).get("_overall")
    if overall:
        lines += ["", f"Our note: {user(overall)}"]
    age, _ = knowledge_age_text(kb, reading, today or date.today())
    footer = f"Knowledge version {kb.version}. {age} Decision support, not advice."
    lines += ["", f"_{footer}_" if markdown else footer]
    return "\n".join(lines)


def _plain_text(text: str) -> str:
    """User text for plain-text email: control and direction characters removed, nothing
    escaped (email shows it as typed)."""
    return clean(text)

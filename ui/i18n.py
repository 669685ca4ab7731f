"""The interface's own words in the page's language: `tr("Next")`, `tr("{n} of {total} done",
n=3, total=21)`, read from the one catalogue (`i18n/`) in the language this run speaks."""

from __future__ import annotations

from i18n import say
from questions.answers import AnswersError
from questions.text import Said, message_of
from ui import language


def tr(text: str, /, **values: object) -> str:
    """`text` in the page's language, with `values` put in its {placeholders}; a message made
    with `questions.text.said` (an answer's problem, say) is said from its own template, the
    messages inside it too."""
    if isinstance(text, Said):
        return say(language.current(), text.template,
                   **{k: tr(v) if isinstance(v, Said) else v for k, v in text.values.items()})
    return say(language.current(), text, **values)


def why(exc: BaseException) -> str:
    """What an exception says, in the page's language when it was worded with `said`."""
    if isinstance(exc, AnswersError):  # each problem said on its own
        return "; ".join(tr(line) for line in exc.lines())
    return tr(message_of(exc))

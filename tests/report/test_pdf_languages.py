"""The report in the reader's language: `python -m report --lang`, no English left in a French
report but the sources' own words and names, the summaries in the same language, and every
text with a fixed place fitting it in every language."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from logic.assessment import assess
from logic.knowledge_base import available_versions, load_knowledge
from questions.documents import parse_answers
from questions.translations import LANGUAGES, TRANSLATED
from report.__main__ import main
from report.build import build_pdf, overflows
from report.markdown import summary
from tests.conftest import CASES, ROOT, case, pdf_text

WHEN = datetime(2026, 12, 3, tzinfo=UTC)
# Words of English that a French, German or Spanish text never needs (but inside a quote or a
# name): a report that still holds one has a text no one translated.
ENGLISH = {"the", "and", "of", "is", "your", "with", "would", "which", "to", "for", "not", "you",
           "are", "has", "by", "from", "this", "that", "or", "be", "it", "at", "as",
           "answered", "verdict", "knowledge", "none", "nothing"}


def _names() -> set[str]:
    """What a report may show in its source's words: publishers and titles of the sources."""
    found = set()
    for version in available_versions():
        for language in LANGUAGES:  # a translation words only our own notes in them
            for fact in load_knowledge(version, language).facts:
                if fact.source is not None:
                    found |= {fact.source.publisher, fact.source.title}
    return found


NAMES = sorted(_names(), key=len, reverse=True)


def english_left(text: str) -> list[str]:
    """The English words left once the quotes (“…”, in their source's words), addresses and
    names are taken out."""
    text = re.sub(r"“[^”]*”", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    for name in NAMES:
        text = text.replace(name, " ")
    return sorted({w for w in re.findall(r"[^\W\d_]+", text) if w.lower() in ENGLISH})


def test_the_command_line_writes_a_german_report(tmp_path, capsys):
    out = tmp_path / "report.pdf"
    assert main([str(ROOT / "examples" / "answers.json"), "--lang", "de", "-o", str(out)]) == 0
    pdf = out.read_bytes()
    text = pdf_text(pdf)
    assert "HOSTING-EIGNUNG" in text and "Evaluieren" in text
    assert "Nächste Schritte" in text and "Warum:" in text and "Seite 1 von" in text
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"].get("/Lang") == "de"
    assert english_left(text) == []


def test_an_unknown_language_is_refused_with_the_languages_named(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main([str(ROOT / "examples" / "answers.json"), "--lang", "xx", "-o",
              str(tmp_path / "r.pdf")])
    assert stopped.value.code == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


FRENCH_CASES = [p.stem for p in CASES][:6]


@pytest.mark.parametrize("name", FRENCH_CASES)
def test_a_french_report_holds_no_english_but_quotes_and_names(name):
    answers = parse_answers(case(name)["answers"])
    pdf = build_pdf(assess(answers, load_knowledge(), language="fr"), generated_at=WHEN)
    text = pdf_text(pdf)
    assert "Recommandation" in text or "ÉVALUATION" in text
    assert english_left(text) == []


def test_a_french_report_keeps_each_quote_with_its_translation_beside():
    answers = parse_answers(case(FRENCH_CASES[0])["answers"])
    assessment = assess(answers, load_knowledge(), language="fr")
    text = pdf_text(build_pdf(assessment, generated_at=WHEN))
    cited = {f.id: f for reason in assessment.explained.reasons for f in reason.facts}
    assert cited
    for fact in cited.values():
        assert f"“{fact.quote}” [{fact.quote_translation}]" in text


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("markdown", [True, False])
def test_the_summaries_speak_the_language(language, markdown):
    answers = parse_answers(case(FRENCH_CASES[1])["answers"])
    text = summary(assess(answers, load_knowledge(), language=language), markdown=markdown)
    assert english_left(text) == []
    english = summary(assess(answers, load_knowledge()), markdown=markdown)
    assert text.splitlines()[0] != english.splitlines()[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_with_a_fixed_place_fits_it(language):
    assert overflows(language) == []


def test_a_text_too_wide_for_its_place_is_named():
    from report import build

    problems = []
    original = build.say
    try:
        build.say = lambda lang, text, /, **values: original(lang, text, **values) * 3
        problems = overflows("de")
    finally:
        build.say = original
    assert any("footer of 2026-11-article" in p for p in problems)


def test_a_french_team_report_holds_no_english_but_quotes_names_and_people(kb, bank):
    from logic.team import analyse
    from report.team import build_team_pdf

    base = case("starlink_startup")["answers"]
    people = [("Ana Souza", "CTO"), ("Ben Okafor", "SRE"), ("Chloé Martin", "DPO")]
    answers = [parse_answers({**base, **change}) for change in
               ({}, {"contractual_sla": True}, {"regulations": ["hipaa"]})]
    pdf = build_team_pdf("Revue d'hébergement", people, analyse(answers, kb), kb, bank,
                         generated_at=WHEN, language="fr")
    text = pdf_text(pdf)
    assert "ÉVALUATION D'ÉQUIPE" in text and "3 répondants" in text
    assert "L'équipe est partagée" in " ".join(text.split())
    assert english_left(text) == []
    assert "s.o." in text and "n/a" not in text, "a section that does not apply, in French"

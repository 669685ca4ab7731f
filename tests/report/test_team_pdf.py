"""The team PDF lists every respondent's verdict and the disagreements."""

from __future__ import annotations

from datetime import UTC, datetime

from logic.team import analyse
from questions.documents import parse_answers
from report.team import build_team_pdf
from tests.conftest import case, pdf_text


def test_team_pdf_has_every_respondent_and_disagreement(kb, bank):
    base = case("starlink_startup")["answers"]
    people = [("Ana Souza", "CTO"), ("Ben <b>Okafor</b>", "=SRE lead"), ("李雷", "Compliance")]
    answers = [parse_answers({**base, **change}) for change in
               ({}, {"contractual_sla": True}, {"regulations": ["hipaa"]})]
    analysis = analyse(answers, kb)
    pdf = build_team_pdf("Hosting review", people, analysis, kb, bank,
                         generated_at=datetime(2026, 11, 25, tzinfo=UTC))
    text = pdf_text(pdf)
    assert "Hosting review" in text and "3 respondents" in text
    for name, role in people:
        assert name in text and role in text
    assert ("The team is split: 1 respondent reaches Evaluate and 2 respondents reach Monitor."
            in " ".join(text.split()))
    assert "Do you need a contractual SLA with service credits?" in text
    assert "Regulations that apply to these workloads" in text
    assert "Who holds the team verdict" in text
    assert text.count("Monitor") >= 2 and "Evaluate" in text


def test_the_team_pdf_holds_the_largest_team_the_app_allows(kb, bank):
    """Regression: from about 150 respondents one table cell outgrew a page (LayoutError)."""
    from storage.teams import MAX_RESPONDENTS

    base = case("starlink_startup")["answers"]
    people = [(f"Person {i:03d} with a fairly long name", "Architect")
              for i in range(MAX_RESPONDENTS)]
    answers = [parse_answers({**base, "contractual_sla": i % 7 == 0})
               for i in range(MAX_RESPONDENTS)]
    analysis = analyse(answers, kb)
    pdf = build_team_pdf("Hosting review", people, analysis, kb, bank,
                         generated_at=datetime(2026, 11, 25, tzinfo=UTC))
    text = pdf_text(pdf)
    assert f"{MAX_RESPONDENTS} respondents" in text
    assert "Person 499" in text and "more" in text


def test_team_pdf_leads_with_both_readings_of_the_team_verdict(kb, bank):
    """The team recommendation under the article and, beside it, under the newest record."""
    answers = [parse_answers(case("starlink_startup")["answers"])] * 2
    pdf = build_team_pdf("Field crews", [("Ana", "CTO"), ("Ben", "SRE")], analyse(answers, kb),
                         kb, bank, generated_at=datetime(2026, 12, 2, tzinfo=UTC))
    first = " ".join(pdf_text(pdf).split())
    assert "From the news report Evaluate" in first
    assert "Since the report Monitor" in first and "Memphis" in first
    assert "Knowledge checked 2 December 2026." in first


def test_the_team_pdfs_first_page_is_the_decision_card_with_who_holds_it(kb, bank):
    """Page 1 for the team recommendation as for one assessment: the verdict, why, who holds
    the team there and what they answered, the first next actions; no rule or fact id. Page 2
    on: every respondent's section scores ("n/a" where a section does not apply), the next
    actions in full and the reasons with their ids."""
    import re
    import subprocess

    base = case("starlink_startup")["answers"]
    people = [("Ana Souza", "CTO"), ("Ben Okafor", "SRE lead"), ("Chloé Martin", "Compliance")]
    answers = [parse_answers({**base, **change}) for change in
               ({}, {"contractual_sla": True}, {"contractual_sla": True})]
    pdf = build_team_pdf("Hosting review", people, analyse(answers, kb), kb, bank,
                         generated_at=datetime(2026, 12, 2, tzinfo=UTC))
    pages = []
    for number in (1, 2):
        done = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number),
                               "-", "-"], input=pdf, capture_output=True, check=True)
        pages.append(" ".join(done.stdout.decode().split()))
    first, second = pages
    assert "Who holds the team verdict" in first and "Next actions" in first
    assert "Why:" in first and "Ana Souza (CTO) answered “No”" in first
    assert not re.search(r"\b[RF]\d+\b", first), "no rule or fact id on the card"
    assert "Section scores" in second
    assert "n/a" in " ".join(pages) or "Next actions in full" in second

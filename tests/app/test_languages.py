"""The questionnaire in the reader's language (AppTest): from the address, switched in the
sidebar, kept with the draft; the answers are the same document in every language."""

from __future__ import annotations

from questions.translations import bank_in
from tests.app.helpers import fill_section, start, widget
from tests.conftest import case

ANSWERS = case("starlink_startup")["answers"]


def test_the_address_asks_for_german_and_the_questions_are_german():
    at = start(lang="de")
    assert not at.exception
    de = bank_in("de")
    assert widget(at, "industry").label == de.question("industry").label == "Branche"
    assert "Finanzdienstleistungen" in widget(at, "industry").options
    texts = [m.value for kind in ("markdown", "header", "subheader", "title")
             for m in getattr(at, kind)]
    assert any("Ihre Organisation" in t for t in texts), texts


def test_an_unknown_language_in_the_address_is_named_and_english_shown():
    at = start(lang="xx")
    assert not at.exception
    assert any("“xx”" in w.value for w in at.sidebar.warning)
    assert widget(at, "industry").label == "Industry"


def test_switching_to_french_in_the_sidebar_keeps_the_answers_and_the_address_says_so():
    at = start()
    fill_section(at, {"org_name": "Acme", "industry": "retail"})
    at.selectbox(key="language_choice").set_value("fr").run()
    assert not at.exception
    assert at.query_params["lang"] == ["fr"] or at.query_params["lang"] == "fr"
    assert widget(at, "industry").label == "Secteur"
    assert widget(at, "industry").value == "retail"  # the same answer, other words
    assert widget(at, "org_name").value == "Acme"


def test_a_draft_answered_in_spanish_reopens_in_spanish_with_the_same_answers():
    at = start(lang="es")
    fill_section(at, {"org_name": "Acme", "industry": "healthcare", "employees": "under_250"})
    token = at.query_params["d"]
    token = token[0] if isinstance(token, list) else token
    from ui.resources import store
    saved = store().load_draft(token)
    assert saved is not None and saved.language == "es"
    assert saved.answers["industry"] == "healthcare"  # values, never words, are stored

    again = start(d=token)  # a new session, no language asked for
    assert not again.exception
    assert widget(again, "industry").label == "Sector"
    assert widget(again, "org_name").value == "Acme"
    assert any(m.value == "### Acerca de" for m in again.sidebar.markdown), "the sidebar too"


def test_the_interface_around_the_questions_speaks_it_too():
    at = start(lang="de")
    assert at.title[0].value == "Betrifft uns der Hosting-Deal zwischen SpaceX und Claude?"
    assert next(b for b in at.button if b.key == "next").label == "Weiter"
    assert "von 21 Fragen beantwortet" in at.get("progress")[0].proto.text
    english = start()
    assert next(b for b in english.button if b.key == "next").label == "Next"


def _all_text(at) -> str:
    parts = [m.value for kind in ("markdown", "header", "subheader", "title", "caption", "info",
                                  "success", "warning", "code")
             for m in getattr(at, kind)]
    parts += [b.label for b in at.button] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def test_the_result_speaks_the_language_as_one_and_the_verdict_is_the_same():
    from tests.app.helpers import fill_all, unfold

    at = fill_all(start(lang="de"), ANSWERS)
    assert not at.exception
    unfold(at)
    text = _all_text(at)
    english = unfold(fill_all(start(), ANSWERS))
    assert "Empfehlung für" in text and "Nächste Schritte" in text
    assert "Was würde das ändern?" in text and "Die Belege" in text
    labels = {"evaluate": "Evaluieren", "monitor": "Beobachten", "no_action": "Keine Maßnahme"}
    verdict = case("starlink_startup")["expect"]["verdict"]
    assert f"**{labels[verdict]}**" in text
    assert "Next actions" not in text and "What would change this?" not in text
    assert "Recommendation for" in _all_text(english)
    tables = [t.value for t in at.table]
    assert any("Aus dem Artikel" in list(t.columns) for t in tables), "the reasons table"


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
    assert any("veröffentlicht am 24. November 2026" in c.value for c in at.sidebar.caption)
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



def test_every_page_speaks_the_language_of_the_address():
    """The knowledge, batch and team pages in German, French and Spanish: their headings,
    tables and the version's own words, with no English heading left."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    expected = {
        "de": ("Das Wissen hinter der Empfehlung", "Zitat", "Stapel: viele Geschäftsbereiche "
               "auf einmal", "Teambewertung beginnen"),
        "fr": ("Les connaissances derrière la recommandation", "Citation",
               "Lot : plusieurs unités à la fois", "Commencer une évaluation d'équipe"),
        "es": ("El conocimiento detrás de la recomendación", "Cita",
               "Lote: muchas unidades de negocio a la vez", "Empezar una evaluación de equipo"),
    }
    for code, (knowledge, quote, batch, team) in expected.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
        at.query_params["lang"] = code
        at.run()
        at.switch_page("ui/pages/knowledge.py").run()
        assert not at.exception
        assert [t.value for t in at.title] == [knowledge]
        assert quote in list(at.table[0].value.columns)
        verdicts = " ".join(str(t.value.to_string()) for t in at.table)
        assert "Monitor" not in verdicts and "Evaluate" not in verdicts
        at.switch_page("ui/pages/batch.py").run()
        assert [t.value for t in at.title] == [batch] and not at.exception
        at.switch_page("ui/pages/team.py").run()
        assert [t.value for t in at.title] == [team] and not at.exception


def test_the_manage_page_in_french_after_a_share_made_in_french():
    from tests.app.helpers import button, fill_all

    at = fill_all(start(lang="fr"), ANSWERS)
    button(at, "share").click().run()
    assert not at.exception
    assert any("Enregistré." in s.value for s in at.success)
    manage = at.session_state["session"].sharing.last.manage
    page = start(m=manage, lang="fr")
    assert not page.exception
    texts = [m.value for m in page.markdown] + [h.value for h in page.header]
    for heading in ("## Liens de partage de cette évaluation", "## Plan d'action", "## Jalons",
                    "## Être averti quand cela change", "## Historique de cette évaluation",
                    "## Le résultat derrière ce lien"):
        assert heading in texts, heading
    assert not any(t.startswith("## ") and t in ("## Milestones", "## Action plan")
                   for t in texts)
    history = " ".join(t for t in texts if t.startswith("- "))  # the history's lines
    assert "Recommandation alors : pas encore complet" in history, history[:500]
    assert "not complete yet" not in history and "question to answer" not in history


def test_what_is_wrong_with_an_imported_file_is_said_in_the_language():
    import json

    bad = {**ANSWERS, "colour": "red", "edge_sitez": 1, "org_name": 5,
           "workloads": ["inference", "inference"]}
    bad.pop("industry", None)
    at = start(lang="de")
    at.get("file_uploader")[0].set_value(
        ("bad.json", json.dumps(bad).encode(), "application/json")).run()
    from tests.app.helpers import shown as unescaped

    shown = unescaped(" ".join(e.value for e in [*at.error, *at.sidebar.error]))
    assert "Nicht importiert" in shown and "unbekannte Frage-ID" in shown, shown
    assert "industry: ist Pflicht" in shown and "unknown question id" not in shown
    assert "org_name: Der Wert muss ein Text sein" in shown  # pydantic's words, said too
    assert "workloads: nennt inference mehr als einmal" in shown  # a validator's words too


def test_what_the_store_and_a_webhook_refuse_is_said_in_the_language(monkeypatch):
    """The limits the store keeps (a milestone's name used twice, or blank) and a refused
    webhook address reach the manage page in its language, the name typed kept as typed."""
    from tests.app.helpers import button, fill_all, shown
    from ui import language

    # AppTest words a select box's value again in the test's own thread (the plan's status
    # box, say it in the page's words): that thread speaks the page's language too.
    monkeypatch.setattr(language._RUN, "language", "fr", raising=False)

    at = fill_all(start(lang="fr"), ANSWERS)
    button(at, "share").click().run()
    manage = start(m=at.session_state["session"].sharing.last.manage, lang="fr")
    manage.text_input(key="milestone_name").set_value("Conseil, janvier")
    button(manage, "save_milestone").click().run()
    manage.text_input(key="milestone_name").set_value("conseil, janvier")
    button(manage, "save_milestone").click().run()
    said = " ".join(shown(e.value) for e in manage.error)
    assert "un jalon nommé « conseil, janvier » existe déjà" in said, said
    assert "exists already" not in said
    manage.text_input(key="milestone_name").set_value("   ")
    button(manage, "save_milestone").click().run()
    said = " ".join(shown(e.value) for e in manage.error)
    assert "un jalon a besoin d'un nom (par exemple « Conseil, janvier »)" in said, said

    monkeypatch.setattr(language._RUN, "language", "de", raising=False)
    german = start(m=at.session_state["session"].sharing.last.manage, lang="de")
    german.text_input(key="watch_webhook").set_value("ftp://example.org/hook")
    button(german, "watch_start").click().run()
    said = " ".join(shown(e.value) for e in german.error)
    assert "Nicht beobachtet: eine Webhook-Adresse beginnt mit https" in said, said
    assert "starts with" not in said

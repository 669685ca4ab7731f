"""What would change this, the knowledge page, version comparison and batch, via AppTest."""

from __future__ import annotations

from questions.schema import default_bank
from tests.app.helpers import button, complete, fill_all, fill_section, shown, start, widget
from tests.conftest import case
from ui.batch import template
from ui.state import dont_know_key

HYPOTHETICAL = "2027-01-hypothetical-sla"


def _page(path: str, **query: str):
    return start(**query).switch_page(path).run()


def test_what_would_change_this_on_the_result():
    at = fill_all(start(), {**case("starlink_startup")["answers"], "contractual_sla": True})
    panel = next(e for e in at.expander if e.label == "What would change this?")
    text = " ".join(m.value for m in panel.markdown)
    assert "**Fragile**" in text
    assert "If you answered “No” to “Do you need a contractual SLA with service credits?”, the " \
           "verdict would be **Evaluate**." in text
    assert "If reliability and support SLAs are published and meet your needs: **Evaluate**" \
        in text
    assert "if an SLA is published below your needs (say 99.5% uptime, business-hours " \
           "support): **Monitor**" in text


def test_knowledge_page_lists_every_fact_and_rule(kb):
    at = _page("ui/pages/knowledge.py")
    assert not at.exception
    facts, rules = at.table[0].value, at.table[1].value
    assert list(facts.index) == [f.id for f in kb.facts]
    assert facts.loc["F7", "Quote"] == "Reliability and support SLAs remain unverified."
    source = facts.loc["F7", "Source"]
    assert source.count("Shipped with this project as source/article.txt") == 1, source
    assert "(article)" not in source and source.count("article.txt") == 1, source
    assert facts.loc["F7", "Strength"] == "secondary"
    assert list(rules.index) == [r.id for r in kb.rules]
    assert "at most Monitor" in rules.loc["R12", "Effect"]
    assert "baseline" in rules.loc["R23", "When"]
    assert "**published** 24 November 2026" in " ".join(m.value for m in at.markdown)


def test_knowledge_page_marks_the_hypothetical_version():
    at = _page("ui/pages/knowledge.py")
    at.selectbox(key="kb_version").set_value(HYPOTHETICAL).run()
    assert any("Hypothetical version" in w.value for w in at.warning)
    assert "F90" in list(at.table[0].value.index)


def test_saved_assessment_under_a_newer_version_side_by_side():
    at = fill_all(start(), {**case("starlink_startup")["answers"], "contractual_sla": True})
    button(at, "share").click().run()
    view = start(a=at.session_state["session"].sharing.last.view)
    view.selectbox(key="compare_version").set_value(HYPOTHETICAL).run()
    metrics = {m.label: m.value for m in view.metric}
    assert metrics["Saved under 2026-11-article"] == "Monitor"
    assert metrics[f"Under {HYPOTHETICAL}"] == "Evaluate"
    assert any("Blocker gone: SLA unverified" in shown(m.value) for m in view.markdown)


def test_batch_upload_lists_bad_rows_and_keeps_good_ones():
    at = _page("ui/pages/batch.py")
    assert any("No file yet" in i.value for i in at.info)
    lines = template("csv").decode("utf-8").splitlines()
    bad = lines[1].replace("99.5", "100")
    text = "\n".join([lines[0], lines[1], bad, lines[2]]) + "\n"
    at.get("file_uploader")[0].set_value(("units.csv", text.encode(), "text/csv")).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Verdict"]) == ["Evaluate", "", "Monitor"], "labels, not ids"
    assert list(table["Status"]) == ["OK", "Error", "OK"]
    assert "Uptime target" in table["Error"][1], "the question's words, not its id"
    assert any("row 3, column Uptime target for the AI workloads in question: “100” is not one "
               "of its choices" in shown(e.value) for e in at.error)
    assert {m.label: m.value for m in at.metric} == {"Rows": "3", "Evaluated": "2",
                                                      "With errors": "1"}


def test_batch_refuses_oversized_and_non_utf8_files():
    at = _page("ui/pages/batch.py")
    at.get("file_uploader")[0].set_value(("big.csv", b"a" * 5_000_001, "text/csv")).run()
    assert any("at most 5 MB" in e.value for e in at.error)
    at.get("file_uploader")[0].set_value(("latin.csv", "org_name\ncafé".encode("latin-1"),
                                          "text/csv")).run()
    assert any("not UTF-8" in e.value for e in at.error)


def test_dont_know_answers_show_the_band_and_what_to_settle_first():
    answers = {**case("edge_gdpr_only")["answers"], "edge_traffic_pct": "unknown",
               "uptime_target": "unknown", "regulations": "unknown"}
    at = fill_all(start(), answers)
    assert not at.exception
    info = " ".join(i.value for i in at.info)
    assert "You answered “Don't know” to" in info and "Uptime target" in info
    assert "ranges from **No action** to **Evaluate**" in info
    assert "Settle first: “Share of your AI requests that start at edge sites (%)”" in info
    assert at.session_state["session"].form["edge_traffic_pct"] == "unknown"
    for line in ("“Uptime target for the AI workloads in question”: read as “99.9%”",
                 "“Regulations that apply to these workloads”: read as “None”",
                 "“Share of your AI requests that start at edge sites (%)”: read as “10”"):
        assert line in info, f"each unknown listed with the answer it was read as: {line}"


def test_dont_know_is_the_same_box_on_every_question_that_offers_it():
    """A number, a list, a choice and a yes-or-no each offer "Don't know" as one box under the
    question, never as one of its options; ticking it greys the question out."""
    at = start()
    offered = {q.id: q for q in default_bank().questions() if q.dont_know is not None}
    seen: set[str] = set()
    answers = complete(case("edge_gdpr_only")["answers"])
    for _ in default_bank().sections:
        fill_section(at, answers)
        for key in offered:
            box = [c for c in at.checkbox if c.key == dont_know_key(key)]
            if widget(at, key) is None:
                continue
            seen.add(key)
            assert [c.label for c in box] == ["Don't know"], f"{key}: one box"
            options = getattr(widget(at, key), "options", [])
            assert not any("Don't know" in str(o) for o in options), f"{key}: not an option"
            box[0].check().run()
            assert widget(at, key).disabled, f"{key}: greyed out once ticked"
            box = [c for c in at.checkbox if c.key == dont_know_key(key)]
            box[0].uncheck().run()
        [b for b in at.button if b.key in ("next", "get_recommendation")][0].click().run()
    kinds = {offered[k].kind for k in seen}
    assert kinds == {"integer", "multi_choice", "choice", "boolean"}, kinds


def test_knowledge_page_shows_each_record_fact_with_its_source_and_strength():
    at = _page("ui/pages/knowledge.py")
    at.selectbox(key="kb_version").set_value("2026-12-public-record").run()
    assert not at.exception
    facts = at.table[0].value
    assert "https://xix.ai/" in facts.loc["P3", "Source"]
    assert facts.loc["P3", "Strength"] == "secondary"
    assert facts.loc["W1", "Strength"] == "weak (context only)"


def test_batch_takes_the_excel_template_and_gives_results_back_as_excel():
    import io

    from openpyxl import load_workbook

    from ui.batch import template

    at = _page("ui/pages/batch.py")
    at.get("file_uploader")[0].set_value(
        ("units.xlsx", template("xlsx"),
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Status"]) == {"OK"} and "" not in set(table["Verdict"])
    download = next(d for d in at.get("download_button") if d.proto.label.startswith(
        "Download results"))
    assert download.proto.label == "Download results (Excel)"
    from ui.batch import _evaluate

    output, _, _ = _evaluate(template("xlsx"), "xlsx", "2026-11-article")
    sheet = load_workbook(io.BytesIO(output)).active
    heads = [c.value for c in sheet[1]]
    assert heads[-10:] == ["verdict", "drivers", "blockers", "caveats", "band_low",
                           "band_high", "settle_first", "later_version", "later_verdict", "error"]

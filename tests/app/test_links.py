"""Save and share, shared views, copies, drafts, revoking and importing, through AppTest."""

from __future__ import annotations

import json
from datetime import date

import pytest

from storage.tokens import new_token
from tests.app.helpers import (
    button,
    fill_all,
    fill_section,
    go_to,
    section,
    shown,
    start,
    unfold,
    widget,
)
from tests.conftest import case

ANSWERS = case("hospital_backup_hipaa")["answers"]


def _shared(answers=ANSWERS, note="Checked with the CISO"):
    at = fill_all(start(), answers)
    at.text_area(key="note___overall").set_value(note).run()
    button(at, "share").click().run()
    links = at.session_state["session"].sharing.last
    return at, links


def _messages(at) -> str:
    return " ".join(shown(e.value) for e in [*at.error, *at.warning, *at.info, *at.success])


def test_save_and_share_shows_both_links():
    at, links = _shared()
    codes = [c.value for c in at.code]
    assert any(c.endswith(f"?a={links.view}") for c in codes)
    assert any(c.endswith(f"?m={links.manage}") for c in codes)


def test_share_link_opens_the_same_result_read_only():
    _, links = _shared()
    view = start(a=links.view)
    assert not view.exception
    assert "Shared assessment, read-only" in _messages(view)
    assert any(w.value.startswith("From the news report\n\n**Monitor**") for w in view.warning)
    assert widget(view, "industry") is None, "no questionnaire widgets in the shared view"
    assert any("Checked with the CISO" in m.value for m in view.markdown)


def test_copy_gets_its_own_link_and_the_original_stays():
    _, links = _shared()
    view = start(a=links.view)
    button(view, "copy").click().run()
    draft = view.query_params["d"]
    assert draft and draft != links.view
    assert section(view) == "profile"
    assert widget(view, "org_name").value == "St. Aldric Health"
    note = " ".join(i.value for i in view.info).replace("\\", "")
    assert "This is your own copy of the assessment of St. Aldric Health shared on" in note
    assert "the shared original stays as it was" in note
    widget(view, "org_name").set_value("My copy").run()
    again = start(a=links.view)
    assert any("Aldric Health" in s.value for s in again.header)
    assert widget(again, "org_name") is None


@pytest.mark.parametrize("query, words", [
    ({"a": new_token()}, "Not found"),
    ({"a": "x" * 10_000}, "This link looks damaged"),
    ({"a": new_token()[:20]}, "it may have been cut when it was copied"),
    ({"a": "<script>alert(1)</script>"}, "This link looks damaged"),
    ({"m": new_token()}, "Not found"),
    ({"d": new_token()}, "Not found: no draft"),
    ({"a": new_token(), "d": new_token()}, "mixes parts of different links"),
    ({"a": [SAME := new_token(), SAME]}, "holds the same kind of link twice"),
])
def test_bad_links_get_a_clear_message(query, words):
    at = start(**query)
    assert not at.exception
    assert words in _messages(at)
    assert any(b.key == "start_new" for b in at.button)


def _share_buttons(at, prefix: str) -> list[str]:
    return [b.key for b in at.button if (b.key or "").startswith(prefix)]


def test_revoked_link_shows_not_found():
    _, links = _shared()
    manage = start(m=links.manage)
    [revoke] = _share_buttons(manage, "revoke_")
    button(manage, revoke).click().run()
    assert "has been revoked" in _messages(manage)
    assert "Not found" in _messages(start(a=links.view))


def test_the_manage_page_lists_every_share_with_revoke_and_a_new_link():
    """Shared, note changed, shared again: either manage link lists both shares; revoking the
    first from the second's page closes only the first; a new link for it opens it again."""
    at, first = _shared()
    at.text_area(key="note___overall").set_value("Checked with the CISO and legal").run()
    button(at, "share").click().run()
    second = at.session_state["session"].sharing.last
    assert second.view != first.view, "a changed note: a new share"
    manage = start(m=second.manage)
    text = " ".join(shown(m.value) for m in manage.markdown)
    assert text.count("**Shared ") == 2 and "(this manage link)" in text
    assert any(c.value.startswith("2 shares made from this assessment") for c in manage.caption)
    alone = start(m=_shared()[1].manage)
    assert any(c.value.startswith("1 share made from") for c in alone.caption), "not share(s)"
    revokes = _share_buttons(manage, "revoke_")
    assert len(revokes) == 2
    button(manage, revokes[0]).click().run()  # the oldest: the first share
    assert "Not found" in _messages(start(a=first.view))
    assert "Shared assessment, read-only" in _messages(start(a=second.view))
    [again] = _share_buttons(manage, "reshare_")
    button(manage, again).click().run()
    fresh = [c.value for c in manage.code if "?a=" in c.value]
    assert len(fresh) == 1
    assert "Shared assessment, read-only" in _messages(start(a=fresh[0].rsplit("=", 1)[1]))
    assert "Not found" in _messages(start(a=first.view)), "the revoked link stays revoked"


def test_draft_survives_a_reload():
    at = start()
    fill_section(at, {k: ANSWERS[k] for k in ("org_name", "industry", "employees")})
    token = at.query_params["d"]
    assert token
    reloaded = start(d=token)
    assert widget(reloaded, "org_name").value == "St. Aldric Health"
    assert widget(reloaded, "industry").value == "healthcare"
    assert widget(reloaded, "employees").value == ANSWERS["employees"]


def test_a_draft_saved_with_dont_know_on_a_choice_opens_with_its_box_ticked():
    """Before, "Don't know" on a choice was one of its options; a draft saved then holds
    "unknown" there. It opens with the one box ticked and the choice greyed out, and the
    result still reads it as unknown."""
    from questions.schema import default_bank
    from ui.resources import store
    from ui.state import dont_know_key

    saved = {"bank_version": default_bank().version, **ANSWERS, "uptime_target": "unknown",
             "data_residency": "unknown"}
    token = store().create_draft(saved, {})
    at = start(d=token)
    assert widget(at, "org_name").value == "St. Aldric Health"
    for step, key in (("reliability", "uptime_target"), ("compliance", "data_residency")):
        go_to(at, step).run()
        box = next(c for c in at.checkbox if c.key == dont_know_key(key))
        assert box.value is True and widget(at, key).disabled, key
    assert at.session_state["session"].form["uptime_target"] == "unknown"


def test_notes_on_questions_are_kept_with_the_draft():
    at = start()
    fill_section(at, {"industry": "healthcare"})
    at.text_area(key="note__industry").set_value("Hospital group and clinics").run()
    reloaded = start(d=at.query_params["d"])
    assert reloaded.text_area(key="note__industry").value == "Hospital group and clinics"


def test_import_answers_file_shows_the_result():
    at = start()
    at.get("file_uploader")[0].set_value(
        ("answers.json", json.dumps(ANSWERS).encode(), "application/json")).run()
    assert section(at) == "result"
    assert "Imported answers.json" in _messages(at)


def test_import_with_bad_fields_names_them():
    at = start()
    bad = {**ANSWERS, "uptime_target": "100", "colour": "red"}
    at.get("file_uploader")[0].set_value(
        ("bad.json", json.dumps(bad).encode(), "application/json")).run()
    message = _messages(at)
    assert "Not imported" in message and "uptime_target" in message and "colour" in message
    assert section(at) == "profile"


@pytest.fixture
def bank_changed_after_saving(tmp_path, monkeypatch):
    """Switch the app to a bank with one more question (version 2), as a new release would;
    what was saved before stays as it was stored."""
    import streamlit as st

    import questions.schema
    from tests.bank_changes import add_question, copy_bank

    def switch() -> None:
        monkeypatch.setattr(questions.schema, "BANK_DIR", add_question(copy_bank(tmp_path)))
        questions.schema.default_bank.cache_clear()
        st.cache_resource.clear()
        st.cache_data.clear()

    yield switch
    monkeypatch.undo()
    questions.schema.default_bank.cache_clear()
    st.cache_resource.clear()
    st.cache_data.clear()


def test_a_share_saved_before_a_bank_change_keeps_its_verdict_and_marks_the_new_question(
        bank_changed_after_saving):
    from questions.schema import default_bank
    from tests.bank_changes import NEW_QUESTION

    _, links = _shared()  # Monitor, under today's bank
    then = default_bank().version
    bank_changed_after_saving()
    view = start(a=links.view)
    assert not view.exception
    notice = " ".join(w.value for w in view.warning)
    assert f"questionnaire version {then} " in notice and f"now at version {then + 1}" in notice
    assert "Its verdict then was **Monitor**" in notice
    assert NEW_QUESTION["label"] in notice
    assert any(w.value.startswith("From the news report\n\n**Monitor**")
               for w in view.warning), "same verdict today"
    tables = [t.value for t in view.dataframe]
    marked = [str(row["Answer"]) for table in tables for _, row in table.iterrows()
              if row.name == NEW_QUESTION["label"]]
    assert marked == ["New since you answered: not answered"]
    assert "no longer matches" not in _messages(view)


def test_a_draft_saved_before_a_bank_change_reopens_with_the_new_question_marked_and_empty(
        bank_changed_after_saving):
    from tests.bank_changes import NEW_QUESTION

    at = fill_all(start(), ANSWERS)
    draft = at.query_params["d"]
    bank_changed_after_saving()
    again = start(d=draft)
    assert not again.exception
    assert widget(again, "org_name").value == ANSWERS["org_name"], "answers kept"
    again.session_state["session"].section = "reliability"
    again.run()
    assert widget(again, NEW_QUESTION["id"]).value is None, "nothing pre-answered"
    assert any("New since you answered" in m.value for m in again.markdown), "marked as new"


def test_a_session_saving_too_fast_is_told_to_wait():
    from storage.brakes import Brakes

    at = fill_all(start(), ANSWERS)
    at.session_state["session"].brakes = Brakes(per_minute=1)
    button(at, "share").click().run()
    assert at.session_state["session"].sharing.last is not None
    at.text_area(key="note___overall").set_value("A second thought").run()
    button(at, "share").click().run()
    assert "Not saved: this session has saved 1 new drafts" in _messages(at)


def _later_record(at) -> str:
    unfold(at, "later_open")
    panel = next(e for e in at.expander
                 if e.label == "What later public reports change, in detail")
    return shown(" ".join(m.value for m in panel.markdown))


def test_result_and_shared_view_show_what_later_public_reports_change():
    """A Starlink edge organisation at Evaluate under the article is Monitor under the public
    record: the result says so under the verdict, and the shared and manage views add a
    notice that newer knowledge changes the saved verdict."""
    at, links = _shared(case("edge_share_five_percent")["answers"], note="")
    text = _later_record(at)
    assert "would be **Monitor** instead of **Evaluate**" in text
    assert "P4: " in text and "thedailyscout.com" in text
    for query in ({"a": links.view}, {"m": links.manage}):
        view = start(**query)
        assert not view.exception
        assert "Newer knowledge changes this verdict: saved as **Evaluate**" in _messages(view)
        assert "instead of **Evaluate**" in _later_record(view)


def test_when_the_record_agrees_one_line_says_so():
    at = fill_all(start(), case("retailer_nothing_relevant")["answers"])
    assert any(m.value.startswith("The public record since then (checked 2 December 2026) "
                                  "does not change this verdict") for m in at.markdown)
    assert "the verdict stays **No action**" in _later_record(at)
    assert not any("Newer knowledge" in w.value for w in at.warning)


def test_a_tampered_decision_record_is_flagged_on_the_main_page():
    """Regression: the warning showed only in the sidebar, which phones fold away."""
    from datetime import UTC, datetime

    from logic.engine import evaluate
    from questions.documents import parse_answers
    from questions.schema import default_bank
    from storage.records import decision_record

    answers = parse_answers(ANSWERS)
    from ui.resources import store

    key = store().seal_key  # the app's own: the same database and key file
    record = decision_record(answers, {}, evaluate(answers), created_at=datetime.now(UTC),
                             key=key, bank=default_bank())
    record["answers"]["uptime_target"] = "none"  # edited after it was written
    at = start()
    at.get("file_uploader")[0].set_value(
        ("record.json", json.dumps(record).encode(), "application/json")).run()
    assert any("changed after this deployment wrote it" in w.value for w in at.main.warning)


def test_a_reload_comes_back_to_the_section_you_were_on():
    from questions.schema import default_bank

    at = start()
    first = {q.id for q in default_bank().sections[0].questions}
    fill_section(at, {k: v for k, v in ANSWERS.items() if k in first})
    button(at, "next").click().run()
    assert section(at) == "edge"
    assert at.query_params["s"] in ("edge", ["edge"]), "the address names the section"
    reloaded = start(d=at.query_params["d"], s="edge")
    assert section(reloaded) == "edge", "the reload stays on the section"
    assert widget(reloaded, "edge_sites") is not None
    assert section(start(d=at.query_params["d"], s="nonsense")) == "profile"


def test_save_and_share_twice_gives_the_same_links_until_something_changes():
    """Regression: every click made a new pair and hid the earlier manage link."""
    at, first = _shared()
    button(at, "share").click().run()
    assert at.session_state["session"].sharing.last == first
    at.text_area(key="note___overall").set_value("Checked again with the CISO").run()
    button(at, "share").click().run()
    assert at.session_state["session"].sharing.last.view != first.view, "a change, new links"


def test_two_windows_on_one_draft_do_not_overwrite_each_other():
    """Regression: a colleague who opened the draft's address silently overwrote it."""
    first = start()
    fill_section(first, {k: ANSWERS[k] for k in ("org_name", "industry", "employees")})
    token = first.query_params["d"]
    token = token[0] if isinstance(token, list) else token
    second = start(d=token)
    widget(second, "org_name").set_value("Second window").run()
    widget(first, "org_name").set_value("First window").run()
    assert any("this draft was changed elsewhere" in e.value for e in first.error)
    from ui.resources import store

    assert store().load_draft(token).answers["org_name"] == "Second window"
    button(first, "fork_draft").click().run()
    forked = first.query_params["d"]
    forked = forked[0] if isinstance(forked, list) else forked
    assert forked != token, "kept as a draft of its own, with its own address"
    assert store().load_draft(forked).answers["org_name"] == "First window"
    assert store().load_draft(token).answers["org_name"] == "Second window"


def test_the_manage_page_shows_the_drafts_history_and_opens_a_point_read_only():
    """Filled, shared, then an answer changed in the draft: the manage page lists every saved
    change, newest first, with who and what changed and the verdict then; the newest point
    opens read-only with its verdict, the first (before the form was complete) says why it had
    none and lists what was answered."""
    at, links = _shared()
    button(at, "edit").click().run()
    widget(at, "org_name").set_value("St. Aldric Clinics").run()
    manage = start(m=links.manage)
    newest, *older = next(shown(m.value) for m in manage.markdown
                          if m.value.startswith("- **")).splitlines()
    assert "someone with the draft link" in newest
    assert "Organisation name: St. Aldric Health → St. Aldric Clinics" in newest
    assert newest.endswith("Verdict then: **Monitor**")
    assert "note on the assessment as a whole added" in older[0]
    point = manage.selectbox(key="history_point")
    count = len(point.options)
    assert len(set(point.options)) == count, "each point told apart, even in the same second"
    assert point.options[0].startswith(f"Entry {count}: "), "the newest first"
    assert any(c.value.startswith(f"{count} entries, newest first") for c in manage.caption)
    def banners() -> int:
        return sum("**Monitor**" in w.value for w in manage.warning)

    alone = banners()  # the result behind the link, at the foot of the page
    point.select_index(0).run()
    assert any(m.value.startswith("### As it was on ") for m in manage.markdown)
    assert banners() == alone + 1, "the verdict banner of the point opened"
    manage.selectbox(key="history_point").select_index(count - 1).run()  # the first entry
    assert any(i.value.startswith("No verdict then: not complete yet") for i in manage.info)
    assert banners() == alone


def test_milestones_are_saved_from_the_manage_page_and_compared_side_by_side():
    """Milestone, an answer changed in the draft, a second milestone: both listed with their
    verdict and PDF, and compared: the answer that changed and the verdict the answers moved."""
    startup = case("starlink_startup")["answers"]
    at, links = _shared(startup)
    manage = start(m=links.manage)
    assert any(c.value == "No milestone yet." for c in manage.caption)
    manage.text_input(key="milestone_name").set_value("Board, January")
    button(manage, "save_milestone").click().run()
    assert any("Milestone “Board, January” saved: Evaluate" in shown(s.value)
               for s in manage.success)
    assert manage.text_input(key="milestone_name").value == "", "ready for the next one"
    manage.text_input(key="milestone_name").set_value("board, january")
    button(manage, "save_milestone").click().run()
    assert any("exists already" in shown(e.value) for e in manage.error)
    button(at, "edit").click().run()
    go_to(at, "edge").run()
    widget(at, "starlink").set_value("no").run()
    manage = start(m=links.manage)
    manage.text_input(key="milestone_name").set_value("Review, March")
    button(manage, "save_milestone").click().run()
    listed = [shown(m.value) for m in manage.markdown if m.value.startswith("**")]
    assert any(t.startswith("**Review, March**") and "**Monitor**" in t for t in listed)
    assert any(t.startswith("**Board, January**") and "**Evaluate**" in t for t in listed)
    assert len([b for b in manage.get("download_button")
                if b.proto.label == "PDF of this milestone"]) == 2
    assert any(b.proto.label == "Decision record with 2 milestones (JSON)"
               for b in manage.get("download_button"))
    opened = " ".join(shown(m.value) for m in manage.markdown)
    assert "The answers moved the verdict from Evaluate to Monitor." in opened, (
        "nothing changed since the newest: the two newest are compared first")
    frm, to = manage.selectbox(key="milestone_from"), manage.selectbox(key="milestone_to")
    names = list(frm.options)  # as shown
    assert names[-1] == "Now (the draft as it is)"
    frm.select_index(names.index("Review, March"))
    to.select_index(names.index("Now (the draft as it is)")).run()
    assert "The verdict stays Monitor." in " ".join(shown(m.value) for m in manage.markdown)
    frm.select_index(names.index("Board, January"))
    to.select_index(names.index("Review, March")).run()
    text = " ".join(shown(m.value) for m in manage.markdown)
    assert "The answers moved the verdict from Evaluate to Monitor." in text
    assert "Do those sites use Starlink? Yes → No" in text
    assert "R3: " in text and "(from the answers)" in text


def test_the_action_plan_assigns_an_owner_and_closes_on_the_account_teams_answer():
    """Latency unknown, shared: the plan's first point is to find the target out. Given an
    owner and a due date it says so; the account team's answer recorded from it goes into the
    draft with its source, and the point closes by itself."""
    at, links = _shared(case("edge_latency_unknown")["answers"])
    manage = start(m=links.manage)
    slug = "settle_latency_target_ms"
    manage.text_input(key=f"plan_owner_{slug}").set_value("Ana")
    manage.date_input(key=f"plan_due_{slug}").set_value(date(2027, 1, 15))
    manage.selectbox(key=f"plan_status_{slug}").set_value("asked")
    button(manage, f"plan_save_{slug}").click().run()
    assert any(shown(s.value) == "Saved to the plan." for s in manage.success)
    rows = " ".join(shown(m.value) for m in manage.markdown)
    assert "Asked, owner Ana, due 15 January 2027." in rows
    downloads = {b.proto.label: b for b in manage.get("download_button")}
    assert {"Plan (CSV)", "Due dates (iCalendar)"} <= set(downloads)
    manage.number_input(key=f"plan_answer_{slug}").set_value(200)
    button(manage, f"plan_record_{slug}").click().run()
    assert any("the draft has the answer now" in shown(s.value) for s in manage.success)
    text = " ".join(shown(m.value) for m in manage.markdown)
    assert "Closed: an answer change settled it" in text
    assert "told by the account team, recorded by Ana:" in text
    assert "(milliseconds): Don't know → 200" in text


def test_a_watch_shows_its_feed_once_then_the_notices_an_answer_change_makes():
    startup = case("starlink_startup")["answers"]
    at, links = _shared(startup)
    manage = start(m=links.manage)
    manage.text_input(key="watch_webhook").set_value("http://127.0.0.9/hook")
    button(manage, "watch_start").click().run()
    assert any("Not watched:" in shown(e.value) and "sends no webhooks" in shown(e.value)
               for e in manage.error), "no allow-list here: said, not sent"
    manage.text_input(key="watch_webhook").set_value("")
    button(manage, "watch_start").click().run()  # the feed alone
    [feed] = [c.value for c in manage.code if "/feed/" in c.value]
    assert len(feed.rsplit("/", 1)[1]) == 32
    button(at, "edit").click().run()
    go_to(at, "edge").run()
    widget(at, "starlink").set_value("no").run()
    again = start(m=links.manage)
    assert not any("/feed/" in c.value for c in again.code), "the feed address is shown once"
    text = " ".join(shown(m.value) for m in again.markdown)
    assert "1 notice so far." in text
    assert "Evaluate → Monitor, after an answer change" in text
    [stop] = [b for b in again.button if b.key.startswith("watch_stop_")]
    stop.click().run()
    assert "feed only, stopped." in " ".join(shown(m.value) for m in again.markdown)


def test_the_history_and_milestones_open_after_a_bank_change(bank_changed_after_saving):
    """Saved, milestoned, then a release adds a question: every history entry keeps the bank
    version it was made under, opens with its verdict then, and the milestones still compare
    (the new question read as not answered, never an error)."""
    at, links = _shared()  # Monitor, under today's bank
    manage = start(m=links.manage)
    manage.text_input(key="milestone_name").set_value("Before the release")
    button(manage, "save_milestone").click().run()
    bank_changed_after_saving()
    after = start(m=links.manage)
    assert not after.exception
    newest = next(shown(m.value) for m in after.markdown
                  if m.value.startswith("- **")).splitlines()[0]
    assert newest.endswith("Verdict then: **Monitor**"), newest
    after.selectbox(key="history_point").select_index(0).run()
    assert not after.exception
    assert any("**Monitor**" in w.value for w in after.warning)
    listed = [shown(m.value) for m in after.markdown if m.value.startswith("**Before")]
    assert listed and "**Monitor**" in listed[0]
    assert "The verdict stays Monitor." in " ".join(shown(m.value) for m in after.markdown)

"""Views opened from a link: a shared assessment (read-only), its manage page, not found."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from logic.assessment import Assessment, assess
from logic.knowledge_base import DEFAULT_VERSION, available_versions
from questions.answers import Answers, AnswersError
from questions.migrate import Upgrade, read_answers
from storage import Saved, ShareEntry
from ui import form, links, state
from ui.resources import bank, knowledge, store
from ui.results import recommendation_body
from ui.text import plain, show_table


def _answer_rows(section: Any, answers: Answers, notes: dict[str, str],
                 upgraded: Upgrade) -> list[dict[str, str]]:
    rows = []
    for question in form.visible(section, answers.values()):
        value = answers.get(question.id)
        if question.id in upgraded.pending:
            shown = "New since you answered: not answered"
        else:
            shown = question.label_of(value) if value not in (None, "") else "—"
        rows.append({"Question": question.label, "Answer": shown,
                     "Note": notes.get(question.id, "")})
    return rows


def _answers_table(answers: Answers, saved: Saved, upgraded: Upgrade) -> None:
    notes = upgraded.carry(saved.notes)
    for section in bank().sections:
        st.markdown(f"**{section.title}**")
        show_table(_answer_rows(section, answers, notes, upgraded), index="Question")
    if upgraded.dropped:
        st.markdown("**No longer asked**")
        show_table([{"Question id": q, "Answer given then": json.dumps(v, ensure_ascii=False),
                     "Note": notes.get(q, "")} for q, v in upgraded.dropped.items()],
                   index="Question id")


def migration_notice(upgraded: Upgrade, saved_verdict: str | None, version: str) -> None:
    """What changed in the questionnaire since these answers were saved, and the verdict they
    had then."""
    if not upgraded.changed:
        return
    kb = knowledge(version)
    then = f" Its verdict then was **{kb.verdicts[saved_verdict].label}**." if saved_verdict else ""
    parts = [f"Saved with questionnaire version {upgraded.from_version} and knowledge version "
             f"{version}; the questionnaire is now at version {upgraded.to_version}.{then}"]
    if upgraded.pending:
        labels = ", ".join(f"“{bank().question(q).label}”" for q in sorted(upgraded.pending))
        parts.append(f"New since it was answered, and not answered: {labels}. The result below "
                     "reads them as unanswered; make a copy to answer them.")
    if upgraded.dropped:
        parts.append(f"No longer asked: {', '.join(sorted(upgraded.dropped))} (the answers given "
                     "then are listed with the answers).")
    if upgraded.renamed:
        parts.append("Renamed since: " + ", ".join(f"{a} → {b}" for a, b in
                                                   upgraded.renamed.items()) + ".")
    st.warning(" ".join(parts), icon=":material/update:")


def _newer_knowledge_notice(assessment: Assessment, saved_verdict: str) -> None:
    """Word when a knowledge version newer than the one this was saved with gives another
    verdict; the side-by-side view is at the top and the detail below."""
    reading = assessment.reading
    if reading is None or reading.verdict == saved_verdict:
        return
    new_kb = knowledge(reading.version)
    old = assessment.knowledge.verdicts[saved_verdict].label
    st.warning(f"Newer knowledge changes this verdict: saved as **{old}** under "
               f"{assessment.knowledge.version}, it is **{new_kb.verdicts[reading.verdict].label}**"
               f" under {reading.version} (published {new_kb.published}). See “What later "
               "public reports change, in detail” below for what differs and the sources.",
               icon=":material/campaign:")


def _show(saved: Saved) -> bool:
    try:
        answers, upgraded = read_answers(saved.answers, bank())
    except AnswersError as exc:
        links.not_found("This saved assessment cannot be read by this version of the app ("
                        + "; ".join(exc.lines()) + ").")
        return False
    saved_version = saved.knowledge_version or DEFAULT_VERSION
    if saved_version not in available_versions():
        st.warning(f"This assessment was saved under knowledge version {saved_version}, which "
                   f"this app no longer has; it is shown under {DEFAULT_VERSION}.")
        saved_version = DEFAULT_VERSION
    migration_notice(upgraded, saved.verdict, saved_version)
    assessment = assess(answers, knowledge(saved_version), upgraded.carry(saved.notes))
    _newer_knowledge_notice(assessment, saved.verdict or assessment.recommendation.verdict)
    recommendation_body(assessment, overall_note=True)
    _compare_panel(assessment)
    with st.expander("The answers given, with notes", icon=":material/list_alt:",
                     expanded=bool(upgraded.pending or upgraded.dropped)):
        _answers_table(answers, saved, upgraded)
    return True


def _compare_panel(assessment: Assessment) -> None:
    """The saved verdict beside the verdict under another knowledge version, and what changed."""
    saved_version = assessment.knowledge.version
    st.markdown("### Re-check under another knowledge version")
    others = [v for v in available_versions() if v != saved_version]
    if not others:
        st.caption(f"Saved under {saved_version}, the only knowledge version there is.")
        return
    newer = assessment.reading.version if assessment.reading else None
    default = (others.index(newer) if newer in others else
               others.index(DEFAULT_VERSION) if DEFAULT_VERSION in others else None)
    chosen = st.selectbox(
        "Compare with", others, index=default, key="compare_version",
        placeholder="Choose a knowledge version",
        format_func=lambda v: f"{v} ({knowledge(v).status})",
        help="When new facts are published (say an SLA), a new knowledge version is added; see "
             "how this saved assessment would come out under it.")
    if chosen is None:
        return
    result, detail = assessment.against(chosen)
    new_kb = knowledge(chosen)
    if new_kb.status == "hypothetical":
        st.caption(f"{chosen} is hypothetical: {new_kb.note}")
    left, right = st.columns(2)
    left.metric(f"Saved under {saved_version}",
                assessment.knowledge.verdicts[result.old.verdict].label)
    right.metric(f"Under {chosen}", new_kb.verdicts[result.new.verdict].label,
                 delta="verdict changed" if result.verdict_changed else "same verdict",
                 delta_color="normal" if result.verdict_changed else "off")
    if not result.anything_changed:
        st.caption("Nothing changes for these answers.")
        return
    st.markdown("\n".join(f"- {plain(c)}" for c in detail.changes))


def shared_page(token: str) -> None:
    """Read-only view of a shared assessment, with 'make a copy and edit'."""
    saved = store().open_shared(token)
    if saved is None:
        links.not_found()
        return
    st.info(f"Shared assessment, read-only. Saved {saved.created_at:%d %B %Y, %H:%M} UTC.",
            icon=":material/share:")
    if _show(saved):
        st.button("Make a copy and edit", key="copy", type="primary", icon=":material/edit:",
                  on_click=links.open_copy, args=(token,))
        failed = state.session().copy_failed
        if failed:
            state.session().copy_failed = None
            st.error(failed)


def _share_row(token: str, entry: ShareEntry, kb_label: Any) -> None:
    """One share of the assessment on its manage page: when, which verdict, open or revoked,
    and the button that revokes it (after a confirmation) or gives it a new link."""
    with st.container(border=True, key=f"share_{entry.share_id}"):
        text, actions = st.columns([3, 2], vertical_alignment="center")
        status = "open to anyone with its link" if entry.open else "revoked"
        mark = " (this manage link)" if entry.this else ""
        verdict = kb_label(entry) or "no verdict saved"
        text.markdown(f"**Shared {entry.created_at:%d %B %Y, %H:%M} UTC**{mark}  \n"
                      f"{verdict}, {status}.")
        if entry.open:
            with actions.popover("Revoke…", icon=":material/link_off:"):
                st.caption("Colleagues who open this share link will see “not found”. The "
                           "other shares are not touched.")
                st.button("Revoke this share link", key=f"revoke_{entry.share_id}",
                          type="primary", on_click=_revoke, args=(token, entry.share_id))
        else:
            actions.button("New share link", key=f"reshare_{entry.share_id}",
                           icon=":material/add_link:", on_click=_reshare,
                           args=(token, entry.share_id),
                           help="A new link to the same saved result; the revoked one stays "
                                "revoked.")
        fresh = state.session().new_share_links.get(entry.share_id)
        if fresh:
            st.caption("New share link: send it to colleagues (shown once: copy it now)")
            st.code(links.link("a", fresh), language=None)


def _revoke(token: str, share_id: int) -> None:
    store().revoke(token, share_id)
    state.session().new_share_links.pop(share_id, None)


def _reshare(token: str, share_id: int) -> None:
    view = store().reshare(token, share_id)
    if view is not None:
        state.session().new_share_links[share_id] = view


def manage_page(token: str) -> None:
    """The owner's page: every share made from the same draft, each with revoke or a new link,
    then the result this manage link belongs to."""
    saved = store().open_managed(token)
    if saved is None:
        links.not_found("Not found: no assessment is managed with this link.")
        return
    st.info("Your private manage link. Anyone with it can revoke these share links; do not "
            "forward it.", icon=":material/admin_panel_settings:")
    if saved.revoked:
        st.warning("The share link of this result has been revoked: colleagues who open it see "
                   "“not found”.", icon=":material/link_off:")
    entries = store().shares(token)
    st.markdown("## Share links of this assessment")
    st.caption(f"{len(entries)} share(s) made from this assessment, oldest first. Revoking "
               "one leaves the others open.")

    def label(entry: ShareEntry) -> str | None:
        version = entry.knowledge_version or DEFAULT_VERSION
        if entry.verdict is None or version not in available_versions():
            return entry.verdict
        return knowledge(version).verdicts[entry.verdict].label

    for entry in entries:
        _share_row(token, entry, label)
    st.markdown("## The result behind this link")
    _show(saved)

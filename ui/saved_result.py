"""A saved assessment laid out: what changed since it was saved, its result, the re-check under
another knowledge version, and its answers."""

from __future__ import annotations

import json

import streamlit as st

from logic.assessment import Assessment, assess
from logic.knowledge_base import DEFAULT_VERSION, available_versions
from logic.wording import STATUSES, day_text
from questions.answers import Answers, AnswersError
from questions.migrate import Upgrade, read_answers
from questions.schema import Section
from storage import Saved
from ui import form, language, routing
from ui.i18n import tr
from ui.resources import bank, knowledge
from ui.results import recommendation_body
from ui.text import plain, show_table


def _answer_rows(section: Section, answers: Answers, notes: dict[str, str],
                 upgraded: Upgrade) -> list[dict[str, str]]:
    rows = []
    for question in form.visible(section, answers.values()):
        value = answers.get(question.id)
        if question.id in upgraded.pending:
            shown = tr("New since you answered: not answered")
        else:
            shown = question.label_of(value) if value not in (None, "") else "—"
        rows.append({tr("Question"): question.label, tr("Answer"): shown,
                     tr("Note"): notes.get(question.id, "")})
    return rows


def answers_table(answers: Answers, saved_notes: dict[str, str], upgraded: Upgrade) -> None:
    """The answers given, section by section, with their notes (and those no longer asked)."""
    notes = upgraded.carry(saved_notes)
    for section in bank().sections:
        st.markdown(f"**{section.title}**")
        show_table(_answer_rows(section, answers, notes, upgraded), index=tr("Question"))
    if upgraded.dropped:
        st.markdown("**" + tr("No longer asked") + "**")
        qid = tr("Question id")
        show_table([{qid: q, tr("Answer given then"): json.dumps(v, ensure_ascii=False),
                     tr("Note"): notes.get(q, "")} for q, v in upgraded.dropped.items()],
                   index=qid)


def migration_notice(upgraded: Upgrade, saved_verdict: str | None, version: str) -> None:
    """What changed in the questionnaire since these answers were saved, and the verdict they
    had then."""
    if not upgraded.changed:
        return
    kb = knowledge(version, language.current())
    parts = [tr("Saved with questionnaire version {old} and knowledge version {version}; the "
                "questionnaire is now at version {new}.", old=upgraded.from_version,
                version=version, new=upgraded.to_version)]
    if saved_verdict:
        parts.append(tr("Its verdict then was **{verdict}**.",
                        verdict=kb.verdicts[saved_verdict].label))
    if upgraded.pending:
        labels = ", ".join(f"“{bank().question(q).label}”" for q in sorted(upgraded.pending))
        parts.append(tr("New since it was answered, and not answered: {questions}. The result "
                        "below reads them as unanswered; make a copy to answer them.",
                        questions=labels))
    if upgraded.dropped:
        parts.append(tr("No longer asked: {questions} (the answers given then are listed with "
                        "the answers).", questions=", ".join(sorted(upgraded.dropped))))
    if upgraded.renamed:
        parts.append(tr("Renamed since: {names}.", names=", ".join(
            f"{a} → {b}" for a, b in upgraded.renamed.items())))
    st.warning(" ".join(parts), icon=":material/update:")


def _newer_knowledge_notice(assessment: Assessment, saved_verdict: str) -> None:
    """Word when a knowledge version newer than the one this was saved with gives another
    verdict; the side-by-side view is at the top and the detail below."""
    reading = assessment.reading
    if reading is None or reading.verdict == saved_verdict:
        return
    new_kb = knowledge(reading.version, language.current())
    old = assessment.knowledge.verdicts[saved_verdict].label
    st.warning(tr("Newer knowledge changes this verdict: saved as **{old}** under {version}, it "
                  "is **{new}** under {later} (published {day}). See “What later public "
                  "reports change, in detail” below for what differs and the sources.",
                  old=old, version=assessment.knowledge.version,
                  new=new_kb.verdicts[reading.verdict].label, later=reading.version,
                  day=day_text(new_kb.published, language.current())), icon=":material/campaign:")


def show(saved: Saved) -> bool:
    try:
        answers, upgraded = read_answers(saved.answers, bank())
    except AnswersError as exc:
        routing.not_found(tr("This saved assessment cannot be read by this version of the app "
                             "({problems}).", problems="; ".join(exc.lines())))
        return False
    saved_version = saved.knowledge_version or DEFAULT_VERSION
    if saved_version not in available_versions():
        st.warning(tr("This assessment was saved under knowledge version {version}, which this "
                      "app no longer has; it is shown under {default}.", version=saved_version,
                      default=DEFAULT_VERSION))
        saved_version = DEFAULT_VERSION
    migration_notice(upgraded, saved.verdict, saved_version)
    assessment = assess(answers, knowledge(saved_version), upgraded.carry(saved.notes),
                        language.current())
    _newer_knowledge_notice(assessment, saved.verdict or assessment.recommendation.verdict)
    recommendation_body(assessment, overall_note=True)
    _compare_panel(assessment)
    with st.expander(tr("The answers given, with notes"), icon=":material/list_alt:",
                     expanded=bool(upgraded.pending or upgraded.dropped)):
        answers_table(answers, saved.notes, upgraded)
    return True


def _compare_panel(assessment: Assessment) -> None:
    """The saved verdict beside the verdict under another knowledge version, and what changed."""
    saved_version = assessment.knowledge.version
    st.markdown("### " + tr("Re-check under another knowledge version"))
    others = [v for v in available_versions() if v != saved_version]
    if not others:
        st.caption(tr("Saved under {version}, the only knowledge version there is.",
                      version=saved_version))
        return
    newer = assessment.reading.version if assessment.reading else None
    default = (others.index(newer) if newer in others else
               others.index(DEFAULT_VERSION) if DEFAULT_VERSION in others else None)
    statuses = {k: tr(v) for k, v in STATUSES.items()}
    chosen = st.selectbox(
        tr("Compare with"), others, index=default, key="compare_version",
        placeholder=tr("Choose a knowledge version"),
        format_func=lambda v: f"{v} ({statuses.get(knowledge(v).status, knowledge(v).status)})",
        help=tr("When new facts are published (say an SLA), a new knowledge version is added; "
                "see how this saved assessment would come out under it."))
    if chosen is None:
        return
    result, detail = assessment.against(chosen)
    new_kb = knowledge(chosen, language.current())
    if new_kb.status == "hypothetical":
        st.caption(tr("{version} is hypothetical: {note}", version=chosen, note=new_kb.note))
    left, right = st.columns(2)
    left.metric(tr("Saved under {version}", version=saved_version),
                assessment.knowledge.verdicts[result.old.verdict].label)
    right.metric(tr("Under {version}", version=chosen), new_kb.verdicts[result.new.verdict].label,
                 delta=tr("verdict changed") if result.verdict_changed else tr("same verdict"),
                 delta_color="normal" if result.verdict_changed else "off")
    if not result.anything_changed:
        st.caption(tr("Nothing changes for these answers."))
        return
    st.markdown("\n".join(f"- {plain(c)}" for c in detail.changes))


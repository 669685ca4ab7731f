"""A watch's feed as Atom (RFC 4287, written by feedgen): one entry per notice, newest first,
saying from what verdict (and band) to what, and what moved it."""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from i18n import marked, say
from logic.knowledge_base import DEFAULT_VERSION, available_versions, load_knowledge
from questions.translations import ENGLISH
from storage.watch import NoticeView, State, WatchView

MEDIA_TYPE = "application/atom+xml"


CAUSES = {"answers": marked("an answer change"), "knowledge": marked("a new knowledge version"),
          "milestone": marked("a milestone"), "team": marked("a change to the team's answers")}


def state_words(state: State, version: str, language: str = ENGLISH) -> str:
    """'Monitor', 'Monitor (between Monitor and Evaluate)', or 'no verdict yet', in `language`."""
    if state.verdict is None:
        return say(language, "no verdict yet")
    kb = load_knowledge(version if version in available_versions() else DEFAULT_VERSION,
                        language)
    label = kb.verdicts[state.verdict].label
    if state.band is None:
        return label
    low, high = (kb.verdicts[v].label for v in state.band.split("-"))
    return say(language, "{verdict} (between {low} and {high})", verdict=label, low=low,
               high=high)


def notice_words(notice: NoticeView, language: str = ENGLISH) -> str:
    """What a notice says, from what it stored (the verdicts, the band, the cause, the
    version), in `language`: the same words as its stored summary in English."""
    if language == ENGLISH:
        return notice.summary
    version = notice.knowledge_version
    return say(language, "{old} → {new}, after {cause} ({version})",
               old=state_words(notice.old, version, language),
               new=state_words(notice.new, version, language),
               cause=say(language, CAUSES[notice.cause]) if notice.cause in CAUSES
               else notice.cause, version=version)


def atom(watch: WatchView, organisation: str, address: str, language: str = ENGLISH) -> bytes:
    """The feed at `address` (its own URL: its id and self link), for one watch, in
    `language` (the address's `lang`)."""
    feed = FeedGenerator()
    name = organisation or say(language, "an assessment")
    feed.id(f"urn:hosting-fit:watch:{watch.watch_id}")
    feed.title(say(language, "Hosting fit: word on {name}", name=name))
    feed.subtitle(say(language, "When the verdict or the band of “Don't know” answers moves, "
                      "and why."))
    feed.language(language)
    feed.author({"name": "Hosting fit"})
    feed.link(href=address, rel="self", type=MEDIA_TYPE)
    feed.updated(watch.notices[0].at if watch.notices else watch.created_at)
    feed.generator("hosting-fit")
    for notice in reversed(watch.notices):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{feed.id()}:notice:{notice.notice_id}")
        words = notice_words(notice, language)
        entry.title(words)
        entry.updated(notice.at)
        entry.published(notice.at)
        entry.content(say(language, "{words}. Old: {old}; new: {new}; knowledge version "
                          "{version}.", words=words,
                          old=_ids(notice.old, language), new=_ids(notice.new, language),
                          version=notice.knowledge_version), type="text")
    return bytes(feed.atom_str(pretty=True))


def _ids(state: State, language: str) -> str:
    """A state by its ids, as the webhook's body carries it ('monitor (monitor-evaluate)')."""
    if state.verdict is None:
        return say(language, "no verdict")
    return f"{state.verdict} ({state.band})" if state.band else state.verdict

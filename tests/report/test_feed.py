"""A watch's feed is Atom (RFC 4287): what a feed reader needs, read back by feedparser."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import feedparser

from report.feed import atom
from storage.watch import NoticeView, State, WatchView

ATOM = "{http://www.w3.org/2005/Atom}"
ADDRESS = "https://fit.example.com/feed/0123456789abcdefghijklmnopqrstuv"


def _watch(count: int) -> WatchView:
    notices = tuple(NoticeView(
        i, 7, datetime(2026, 12, 2, 10 + i, tzinfo=UTC), "answers",
        State("evaluate", None), State("monitor", "monitor-evaluate" if i % 2 else None),
        "2026-11-article", f"Evaluate → Monitor, after an answer change <{i}> & more")
        for i in range(count, 0, -1))  # newest first, as the store gives them
    return WatchView(7, datetime(2026, 12, 1, tzinfo=UTC), None, False, notices, ())


def test_the_feed_has_what_rfc_4287_requires_of_a_feed_and_its_entries():
    root = ET.fromstring(atom(_watch(3), "Quill <Labs>", ADDRESS))
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    [self_link] = [e for e in root.findall(f"{ATOM}link") if e.get("rel") == "self"]
    assert self_link.get("href") == ADDRESS
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 3 and all(i.startswith("urn:hosting-fit:watch:7:notice:") for i in ids)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))  # RFC 3339
        assert entry.find(f"{ATOM}content").get("type") == "text"


def test_a_feed_reader_reads_it_newest_first_with_the_text_as_text():
    parsed = feedparser.parse(atom(_watch(2), "Quill <Labs>", ADDRESS))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Hosting fit: word on Quill <Labs>"
    first, second = parsed.entries
    assert first.title == "Evaluate → Monitor, after an answer change <2> & more"
    assert first.updated_parsed > second.updated_parsed
    assert "monitor-evaluate" in second.content[0].value


def test_a_watch_with_no_notice_yet_is_a_valid_empty_feed():
    parsed = feedparser.parse(atom(_watch(0), "", ADDRESS))
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.title == "Hosting fit: word on an assessment"


def test_the_feed_in_german_says_its_notices_in_german_from_what_they_stored():
    """A feed asked for in German (the address's `lang`): its title, and each notice worded
    again from its verdicts, band, cause and version, never from the English summary."""
    parsed = feedparser.parse(atom(_watch(2), "Quill Labs", ADDRESS + "?lang=de", "de"))
    assert parsed.feed.title == "Hosting-Eignung: Meldungen zu Quill Labs"
    titles = [e.title for e in parsed.entries]
    assert titles[0] == ("Evaluieren → Beobachten, nach einer Antwortänderung "
                         "(2026-11-article)")
    assert titles[1] == ("Evaluieren → Beobachten (zwischen Beobachten und Evaluieren), nach "
                         "einer Antwortänderung (2026-11-article)")
    assert not any("after" in t or "answer change" in t for t in titles)

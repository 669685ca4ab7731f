"""A watch's feed as Atom (RFC 4287, written by feedgen): one entry per notice, newest first,
saying from what verdict (and band) to what, and what moved it."""

from __future__ import annotations

from feedgen.feed import FeedGenerator

from storage.watch import WatchView

MEDIA_TYPE = "application/atom+xml"


def atom(watch: WatchView, organisation: str, address: str) -> bytes:
    """The feed at `address` (its own URL: its id and self link), for one watch."""
    feed = FeedGenerator()
    name = organisation or "an assessment"
    feed.id(f"urn:hosting-fit:watch:{watch.watch_id}")
    feed.title(f"Hosting fit: word on {name}")
    feed.subtitle("When the verdict or the band of “Don't know” answers moves, and why.")
    feed.author({"name": "Hosting fit"})
    feed.link(href=address, rel="self", type=MEDIA_TYPE)
    feed.updated(watch.notices[0].at if watch.notices else watch.created_at)
    feed.generator("hosting-fit")
    for notice in reversed(watch.notices):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{feed.id()}:notice:{notice.notice_id}")
        entry.title(notice.summary)
        entry.updated(notice.at)
        entry.published(notice.at)
        entry.content(f"{notice.summary}. Old: {notice.old.verdict or 'no verdict'}"
                      f"{' (' + notice.old.band + ')' if notice.old.band else ''}; new: "
                      f"{notice.new.verdict or 'no verdict'}"
                      f"{' (' + notice.new.band + ')' if notice.new.band else ''}; "
                      f"knowledge version {notice.knowledge_version}.", type="text")
    return bytes(feed.atom_str(pretty=True))

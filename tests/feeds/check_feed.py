#!/usr/bin/python3
"""Reads an Atom feed on stdin with python3-feedparser (Debian's, a real feed reader) and prints
what the C++ tests assert on, as one JSON object: bozo (1 when the reader found the feed
malformed) and its reason, the feed version, and each entry's id, title, link, updated time,
author count and PDF link; and the feed's own updated time and self and alternate links."""
import json
import sys

import feedparser

parsed = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    "bozo": int(parsed.bozo),
    "bozo_exception": str(parsed.get("bozo_exception", "")),
    "version": parsed.version,
    "title": parsed.feed.get("title", ""),
    "updated": parsed.feed.get("updated", ""),
    "self": [link["href"] for link in parsed.feed.get("links", []) if link.get("rel") == "self"],
    "alternate": parsed.feed.get("link", ""),
    "entries": [{
        "id": entry.get("id", ""),
        "title": entry.get("title", ""),
        "link": entry.get("link", ""),
        "updated": entry.get("updated", ""),
        "authors": len(entry.get("authors", [])),
        "pdf": [link["href"] for link in entry.get("links", [])
                if link.get("type") == "application/pdf"],
    } for entry in parsed.entries],
}))

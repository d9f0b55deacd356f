#!/usr/bin/env python3
"""Reads the COinS of an HTML page (stdin) the way a COinS consumer does, independently of
coolpapers: every <span class="Z3988">'s title is an OpenURL ContextObject in KEV form
(Z39.88-2004), parsed with urllib.parse. Prints a JSON list, one object per span: each key with
its list of values, plus "problems" (what a consumer would reject: no ctx_ver, no rft_val_fmt,
no title, a key that is not a KEV key)."""
import json
import re
import sys
from html.parser import HTMLParser
from urllib.parse import parse_qs

KEV_KEY = re.compile(r"^(ctx_ver|ctx_enc|rfr_id|rft_val_fmt|rft_id|rft\.[a-z_]+|url_ver)$")


class CoinsSpans(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.titles = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "span" and "Z3988" in (attributes.get("class") or "").split():
            self.titles.append(attributes.get("title") or "")


def read(title):
    values = parse_qs(title, keep_blank_values=True, strict_parsing=False)
    problems = [f"not a KEV key: {key}" for key in values if not KEV_KEY.match(key)]
    for required in ("ctx_ver", "rft_val_fmt", "rft.atitle"):
        if not values.get(required, [""])[0]:
            problems.append(f"missing {required}")
    if values.get("ctx_ver", [""])[0] != "Z39.88-2004":
        problems.append("ctx_ver is not Z39.88-2004")
    return {**values, "problems": problems}


def main():
    parser = CoinsSpans()
    parser.feed(sys.stdin.read())
    json.dump([read(title) for title in parser.titles], sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

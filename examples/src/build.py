#!/usr/bin/env python3
"""Render sitrep's example dumps and their expected.json fixtures from the authoring sources.

The authoring sources (`*.src` beside this script) hold every article as typed blocks, so the
fixture is derived from the same data as the dump and cannot drift from it:

    =====                      starts an article
    @title: ...                headline as it should come out (clean)
    @titlesuffix: ...          appended to the rendered headline (" | Site Name"), not part of the title
    @titlemoji: yes            render the headline mis-decoded (UTF-8 read as Windows-1252)
    @url: ... | none           the clean URL the segmenter should recover
    @source: ... | none        the closing line exactly as rendered ("\\n" = line break); default "Source: <url>"
    @outlet: ... | none        intended display name; @outletFrom: where it can be read from
    @published: YYYY-MM-DD | YYYY-MM | none; @publishedFrom: url | metadata | caption | text
    tag| text                  one block; tags:
        sf    standfirst (part of the body)        p   body paragraph        h   subhead (part of the body)
        mp    body paragraph rendered mis-decoded  cap caption / credit line chrome  scraper junk (removed)
        meta  timestamp line left by the scraper (not body; a date clue)
        by    byline ("By Jane Doe"; not body)
        dup   N  repeats body paragraph N (1-based over sf/p/mp/h) verbatim: must be kept once
    A tag ending in "+" (e.g. "cap+|") is joined to the previous block by a single line break.

Usage: python3 examples/src/build.py   (writes the two dumps and their expected.json)
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)

BODY_TAGS = {"sf", "p", "h", "mp"}


def mojibake(s: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes fall through as Latin-1), as broken scrapers do."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def parse(path):
    articles = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.strip() == "=====":
                cur = {"meta": {}, "blocks": []}
                articles.append(cur)
                continue
            if line.startswith("@"):
                k, _, v = line[1:].partition(":")
                cur["meta"][k.strip()] = v.strip()
                continue
            m = re.match(r"^([a-z]+)(\+?)\|\s?(.*)$", line)
            if not m:
                sys.exit(f"{path}:{lineno}: cannot parse: {line[:60]}")
            cur["blocks"].append((m.group(1), m.group(2) == "+", m.group(3)))
    return articles


def none(v):
    return None if v in (None, "", "none") else v


def render(a):
    meta = a["meta"]
    title = meta["title"]
    shown = mojibake(title) if meta.get("titlemoji") == "yes" else title
    if meta.get("titlesuffix"):
        shown += " " + meta["titlesuffix"]
    parts = [shown, "\n\n"]
    body = []  # clean body paragraphs, in order, without repeats
    captions, subheads, bylines, standfirst = [], [], [], None
    first = True
    for tag, joined, text in a["blocks"]:
        if tag == "dup":
            text = body[int(text) - 1]
            rendered = text
        elif tag == "mp":
            rendered = mojibake(text)
        else:
            rendered = text
        if not first:
            parts.append("\n" if joined else "\n\n")
        first = False
        parts.append(rendered)
        if tag in BODY_TAGS:
            body.append(text)
            if tag == "sf":
                standfirst = text
            if tag == "h":
                subheads.append(text)
        elif tag == "cap":
            captions.append(text)
        elif tag == "by":
            bylines.append(text)
        elif tag not in ("chrome", "meta", "dup"):
            sys.exit(f"unknown tag {tag} in {title}")
    src = meta.get("source")
    url = none(meta.get("url"))
    if src is None:
        src = f"Source: {url}" if url else "none"
    if src != "none":
        parts.append("\n\n" + src.replace("\\n", "\n"))
    words = " ".join(body).split()
    expected = {
        "title": title,
        "url": url,
        "outlet": none(meta.get("outlet")),
        "published": none(meta.get("published")),
        "captions": len(captions),
        "firstBodyWords": " ".join(words[:6]),
        "lastBodyWords": " ".join(words[-6:]),
        # Extra detail, for tests that want it and for people reading the fixture:
        "publishedFrom": none(meta.get("publishedFrom")),
        "outletFrom": none(meta.get("outletFrom")),
        "standfirst": standfirst,
        "subheads": subheads,
        "captionLines": captions,
        "bylines": bylines,
        "bodyWordCount": len(words),
        "hasSourceLine": src != "none",
        "mojibake": any(t == "mp" for t, _, _ in a["blocks"]) or meta.get("titlemoji") == "yes",
        "lostCharacters": "\ufffd" in " ".join(body),
        "repeatedParagraphs": sum(1 for t, _, _ in a["blocks"] if t == "dup"),
    }
    return "".join(parts), expected


def build(src_name, out_dir, dump_name, newline, encoding, gaps):
    arts = parse(os.path.join(HERE, src_name))
    texts, expected = [], []
    for i, a in enumerate(arts):
        t, e = render(a)
        if not 300 <= e["bodyWordCount"] <= 700:
            print(f"warning: {e['title'][:50]} has {e['bodyWordCount']} body words", file=sys.stderr)
        texts.append(t)
        expected.append(e)
    out = ""
    for i, t in enumerate(texts):
        out += t
        if i < len(texts) - 1:
            out += "\n" * gaps[i % len(gaps)]
    out += "\n"
    if newline != "\n":
        out = out.replace("\n", newline)
    os.makedirs(os.path.join(EXAMPLES, out_dir), exist_ok=True)
    with open(os.path.join(EXAMPLES, out_dir, dump_name), "wb") as f:
        f.write(out.encode(encoding))
    # The fixture sits beside the dump folder, not in it, so analyzing the folder reads only the dump.
    with open(os.path.join(EXAMPLES, f"{out_dir}.expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{out_dir}/{dump_name}: {len(arts)} articles, {sum(e['bodyWordCount'] for e in expected)} body words")


if __name__ == "__main__":
    build("harbour.src", "dump-harbour", "harbour-crisis.txt", "\n", "utf-8", [2, 2, 3, 2])
    build("second.src", "dump-second", "doping-inquiry.txt", "\r\n", "cp1252", [2, 3])
    build("summit.src", "dump-summit", "aldmark-summit.txt", "\n", "utf-8", [2])

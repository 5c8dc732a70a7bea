#!/usr/bin/env python3
"""Assembles the clustering benchmark's texts (see README.md, "Rebuilding real-reports.jsonl").

Reads the batch files a rebuild wrote (one block per found report: a line "=== rNNN | title_source | title", then
the excerpt) and the labels, and writes one JSON object a line, in label order:

    python3 bench/data/assemble.py /work/bench-data/clustering/batches bench/data/clustering-labels.tsv \
        /work/bench-data/clustering/real-reports.jsonl

A report found twice keeps its first block; a leading " date YYYY-MM-DD" marker line of the search tool is dropped.
"""
import csv
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

HEADER = re.compile(r"^=== (r\d{3}) \| ([a-z-]+) \| (.*)$")
DATE_MARKER = re.compile(r"^\s*date \d{4}-\d{2}(-\d{2})?\s*")


def blocks(batch_dir):
    found = {}
    for path in sorted(Path(batch_dir).glob("*.txt")):
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            m = HEADER.match(line)
            if m:
                current = None if m.group(1) in found else m.group(1)
                if current:
                    found[current] = {"title_source": m.group(2), "title": m.group(3).strip(), "lines": []}
            elif current:
                found[current]["lines"].append(line)
    for block in found.values():
        text = "\n".join(block.pop("lines")).strip()
        block["text"] = DATE_MARKER.sub("", text, count=1).strip()
    return found


def main(batch_dir, labels_path, out_path):
    found = blocks(batch_dir)
    with open(labels_path, encoding="utf-8") as f:
        labels = list(csv.DictReader(f, delimiter="\t"))
    written = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for label in labels:
            block = found.get(label["id"])
            if block is None or not block["text"]:
                continue
            host = urlparse(label["url"]).netloc
            record = {"id": label["id"], "event": label["event"], "language": label["language"],
                      "published": label["published"], "title": block["title"],
                      "title_source": block["title_source"], "text": block["text"], "url": label["url"],
                      "outlet": host[4:] if host.startswith("www.") else host}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    events = {l["event"] for l in labels if l["id"] in found}
    print(f"{written} of {len(labels)} reports ({len(events)} events) -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])

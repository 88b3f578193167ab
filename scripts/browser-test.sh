#!/usr/bin/env bash
# The HTML report in a real browser (ctest: html_browser_test; CI). Headless
# Chromium loads `vnie extract --format html corpus/` and the test checks, in
# the DOM after the page's script ran (--dump-dom): one highlight element per
# mention and one row per event (in each document's table and in the table
# of all events), warnings shown, no network request; then a screenshot,
# checked non-blank; then a page of 1,000 documents, whose load time the page
# writes into <body data-load-ms> (performance.now() after its script and a
# forced layout), checked under 2000 ms.
# Usage: scripts/browser-test.sh [VNIE_BINARY]. Exits 77 (skip) without chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
vnie=${1:-${BUILD_DIR:-build}/vnie}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
  echo "browser test: SKIPPED: no chromium (apt-get install chromium; scripts/install-deps.sh does)"
  exit 77
fi
if ! command -v python3 >/dev/null; then
  echo "browser test: SKIPPED: no python3"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() {
  # --no-sandbox: root in CI; a fresh profile, no first-run work.
  timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --no-default-browser-check --disable-extensions \
    --user-data-dir="$work/profile" "$@" 2>>"$work/chrome.log"
}

# A document that must show as text, and one with a bad byte (a warning).
printf 'Ngày 23/12/2020 <script>alert(1)</script> & "quotes" '"'"'x'"'"' <b>bold</b>\n' \
  > "$work/hostile.txt"
printf 'Chiều 23/12, CĐVC tỉnh trao tặng 15 suất quà \xff\xfe, mỗi suất 500.000 đồng.\n' \
  > "$work/warning.txt"
"$vnie" extract corpus/ "$work/hostile.txt" "$work/warning.txt" > "$work/all.jsonl"
"$vnie" extract --format html corpus/ "$work/hostile.txt" "$work/warning.txt" > "$work/report.html"

start=$(date +%s.%N)
chrome --dump-dom "file://$work/report.html" > "$work/dom.html"
end=$(date +%s.%N)

python3 - "$work/all.jsonl" "$work/dom.html" <<'PY'
import json, sys
from html.parser import HTMLParser

docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
mentions = sum(len(d["mentions"]) for d in docs)
events = sum(len(d["events"]) for d in docs)
warnings = sum(len(d["warnings"]) for d in docs)

class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.marks, self.doc_rows, self.all_rows = [], 0, 0, 0
        self.warnings, self.scripts, self.external, self.text = 0, 0, [], []
        self.summary, self.in_summary = "", False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        inside = [t for t, _ in self.stack]
        if tag == "mark" and "m" in a.get("class", "").split():
            self.marks += 1
            assert a.get("tabindex") == "0" and a.get("data-tip"), a
        if tag == "tr" and "ev" in a.get("class", "").split():
            if any(i == "events-all" for _, i in self.stack):
                self.all_rows += 1
            else:
                self.doc_rows += 1
        if tag == "li" and a.get("class") == "warning":
            self.warnings += 1
        if tag == "script":
            self.scripts += 1
        for k in ("src", "href"):
            if k in a:
                self.external.append((tag, a[k]))
        if tag == "link":
            self.external.append((tag, a))
        self.in_summary = a.get("id") == "summary"
        if tag not in ("meta", "input", "br", "link", "img"):
            self.stack.append((tag, a.get("id")))
    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
    def handle_data(self, data):
        self.text.append(data)
        if self.in_summary:
            self.summary += data

dom = Dom()
dom.feed(open(sys.argv[2], encoding="utf-8").read())
text = "".join(dom.text)
checks = [
    ("documents", len(docs) == 32, len(docs)),
    ("one <mark> per mention", dom.marks == mentions, (dom.marks, mentions)),
    ("one row per event in the documents' tables", dom.doc_rows == events, (dom.doc_rows, events)),
    ("one row per event in the table of all events", dom.all_rows == events, (dom.all_rows, events)),
    ("warnings shown", dom.warnings == warnings and warnings >= 1, (dom.warnings, warnings)),
    ("<script> of a document shown as text", "<script>alert(1)</script>" in text, ""),
    ("& and quotes shown as text", '& "quotes" \'x\' <b>bold</b>' in text, ""),
    ("only the page's own script", dom.scripts == 1, dom.scripts),
    ("nothing loaded from elsewhere", not dom.external, dom.external[:3]),
    ("summary written by the script", dom.summary.startswith("32 documents, %d mentions, %d events" % (mentions, events)), dom.summary),
]
failed = [c for c in checks if not c[1]]
for name, ok, got in checks:
    print("browser test: %s %s%s" % ("ok  " if ok else "FAIL", name, "" if ok else " (got %r)" % (got,)))
print("browser test: corpus page: %d documents, %d mentions, %d events, %d warnings" % (len(docs), mentions, events, warnings))
sys.exit(1 if failed else 0)
PY
echo "browser test: corpus page loaded and dumped in $(python3 -c "print(round($end - $start, 2))") s (browser start included)"

# A screenshot, checked non-blank: many colours, not one flat background.
chrome --screenshot="$work/shot.png" --window-size=1280,900 --hide-scrollbars \
  "file://$work/report.html" >/dev/null
python3 scripts/png-check.py "$work/shot.png"

# Sorting, by the page's own click handler: #sort=4 sorts the table of all
# events by date, #sort=-4 by date descending.
for order in 4 -4; do
  chrome --dump-dom "file://$work/report.html#sort=$order" > "$work/sorted.html"
  python3 - "$work/sorted.html" "$order" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
table = dom[dom.index('id="events-all"'):]
table = table[:table.index("</table>")]
dates = re.findall(r'<td class="c-date">([^<]*)</td>', table)
want = sorted(dates, reverse=sys.argv[2].startswith("-"))
ok = len(dates) > 100 and dates == want and dates[0] != dates[-1] and 'aria-sort="' in table
print("browser test: %s table of all events sorted by date (%s), %d rows, first %r last %r" %
      ("ok  " if ok else "FAIL", "descending" if sys.argv[2].startswith("-") else "ascending",
       len(dates), dates[0] if dates else None, dates[-1] if dates else None))
sys.exit(0 if ok else 1)
PY
done

# 1,000 documents (the corpus articles over and over, as JSON Lines).
python3 - "$work/big.jsonl" <<'PY'
import glob, json, sys
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("corpus/*.txt"))]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(1000):
        f.write(json.dumps({"id": "doc-%04d" % i, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
PY
"$vnie" extract --input jsonl --format html "$work/big.jsonl" > "$work/big.html"
start=$(date +%s.%N)
chrome --dump-dom "file://$work/big.html" > "$work/big-dom.html"
end=$(date +%s.%N)
python3 - "$work/big.html" "$work/big-dom.html" "$start" "$end" <<'PY'
import os, re, sys
dom = open(sys.argv[2], encoding="utf-8").read()
m = re.search(r'<body[^>]*data-load-ms="(\d+)"', dom)
if not m:
    sys.exit("browser test: FAIL 1,000 documents: the page's script did not finish (no data-load-ms)")
ms = int(m.group(1))
rows = len(re.findall(r'<tr class="ev ', dom))
shown = dom[dom.index('id="events-all"'):]
shown = len(re.findall(r'<tr class="ev ', shown[:shown.index("</table>")]))
doc_rows = rows - shown
pager = re.search(r'<span id="range">([^<]*)</span>', dom).group(1)
if shown != 200 or pager != "events 1–200 of %d" % doc_rows:
    sys.exit("browser test: FAIL 1,000 documents: the table of all events shows %d rows, %r" % (shown, pager))
print("browser test: ok   1,000 documents: %d events, the table of all events shows %r" % (doc_rows, pager))
wall = float(sys.argv[4]) - float(sys.argv[3])
print("browser test: 1,000 documents (%.1f MB of HTML, %d event rows): loaded in %d ms "
      "(performance.now() after script and layout); %.2f s wall with browser start" %
      (os.path.getsize(sys.argv[1]) / 1e6, rows, ms, wall))
if ms >= 2000:
    sys.exit("browser test: FAIL 1,000 documents took %d ms, 2000 allowed" % ms)
PY
echo "browser test: passed"

#!/usr/bin/env python3
"""The terminal summary of the main job (scripts/run-corpus.sh): per article
of a `vnie extract` JSON Lines file, its events one per line: date, type,
organizer / issuer / giver, amount or award, recipients.
Usage: summary.py corpus.jsonl"""
import json
import sys


def date(d):
    if not d:
        return ""
    if "from" in d:
        return date(d["from"]) + "/" + date(d["to"])
    # ISO 8601, partial as in the CSV: 2020-12-23, 2020-12, --12-23, ---23
    y, m, day = d.get("year"), d.get("month"), d.get("day")
    if y:
        return "%04d" % y + ("-%02d" % m + ("-%02d" % day if day else "") if m else "")
    if m:
        return "--%02d" % m + ("-%02d" % day if day else "")
    return "---%02d" % day if day else ""


def amount(a):
    def n(x):
        return "{:,.0f}".format(x).replace(",", ".") if float(x).is_integer() else str(x)
    if a.get("amount") is not None:
        s = n(a["amount"])
    else:
        s = n(a.get("min", 0)) + "–" + n(a.get("max", 0))
    s += " " + a.get("currency", "")
    if a.get("per_unit"):
        s += "/" + a["per_unit"]
    q = a.get("qualifier", "exact")
    return s if q == "exact" else q + " " + s


def cut(s, width):
    return s if len(s) <= width else s[:width - 1] + "…"


def event_line(e):
    t = e["type"]
    if t == "meeting":
        agent, what = e.get("organizer"), e.get("kind", "")
        who = "; ".join(p["name"] for p in e.get("attendees", []))
        when = date(e.get("date") or e.get("date_range"))
    elif t == "award":
        agent, what = e.get("issuer"), e.get("award", "")
        parts = []
        for r in e.get("recipients", []):
            parts.append(" ".join(str(x) for x in (r.get("count"), r.get("kind"), r.get("name")) if x))
        who, when = "; ".join(parts), date(e.get("date"))
    else:
        agent, what = e.get("giver"), amount(e.get("amount", {}))
        b = e.get("beneficiaries") or {}
        who = " ".join(str(x) for x in (b.get("count"), b.get("unit")) if x)
        when = ""
    fields = [when or "-", t, cut(agent or "-", 45), cut(what or "-", 50)]
    line = "  %-10s  %-7s  %s · %s" % tuple(fields)
    return line + ("  → " + cut(who, 60) if who else "")


def main():
    docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    events = 0
    for d in docs:
        evs = d.get("events", [])
        events += len(evs)
        print("%s  (%d events)" % (d["id"], len(evs)))
        if "error" in d:
            print("  error: " + d["error"]["message"])
        for e in evs:
            print(event_line(e))
    print("%d articles, %d events" % (len(docs), events))


if __name__ == "__main__":
    main()

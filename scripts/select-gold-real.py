#!/usr/bin/env python3
"""Choose the paragraphs of the real-text gold set (tests/gold-real/) from the dantri file.

Deterministic: the same input gives the same choice. Paragraphs of 120-900 characters are
sorted into four topics by keyword (awards, unions, donations, meetings); 55 are drawn from
each topic (a paragraph counts for the first topic it matches) and 100 from the paragraphs
that match none (general news, the distractors). Each chosen paragraph becomes
tests/gold-real/NNN_<topic>_L<line>.txt (its text and a newline); the hand annotation goes
to tests/gold-real/gold/<same stem>.json (format: corpus/gold/README.md).

usage: scripts/select-gold-real.py [DANTRI_FILE] [OUT_DIR]
"""
import os
import random
import sys
import unicodedata

TOPICS = [
    ("award", ["bằng khen", "giấy khen", "huân chương", "cờ thi đua", "chiến sĩ thi đua",
               "kỷ niệm chương", "khen thưởng", "danh hiệu", "huy chương"]),
    ("union", ["công đoàn", "đoàn viên", "liên đoàn lao động", "lđlđ", "người lao động"]),
    ("donation", ["ủng hộ", "trao tặng", "hỗ trợ", "quyên góp", "suất quà", "học bổng",
                  "tặng quà", "trao quà"]),
    ("meeting", ["hội nghị", "đại hội", "tổng kết", "sơ kết", "hội thảo", "lễ kỷ niệm",
                 "tập huấn", "mít tinh"]),
]
PER_TOPIC = 55
DISTRACTORS = 100
SEED = 20261207


def fold(s):
    return unicodedata.normalize("NFC", s).lower()


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "bench", "dantri-2020-2021.txt")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "tests", "gold-real")
    pools = {name: [] for name, _ in TOPICS}
    pools["general"] = []
    seen = set()
    with open(src, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            text = line.rstrip("\n")
            if not 120 <= len(text) <= 900 or text in seen:
                continue
            seen.add(text)
            low = fold(text)
            topic = next((name for name, words in TOPICS if any(w in low for w in words)),
                         "general")
            pools[topic].append((number, text))
    rng = random.Random(SEED)
    chosen = []
    for name, _ in TOPICS:
        chosen += [(name, n, t) for n, t in rng.sample(pools[name], PER_TOPIC)]
    chosen += [("general", n, t) for n, t in rng.sample(pools["general"], DISTRACTORS)]
    chosen.sort(key=lambda c: c[1])
    os.makedirs(out, exist_ok=True)
    for k, (topic, number, text) in enumerate(chosen):
        with open(os.path.join(out, f"{k:03d}_{topic}_L{number}.txt"), "w",
                  encoding="utf-8") as f:
            f.write(text + "\n")
    sizes = {name: len(pool) for name, pool in pools.items()}
    print(f"{len(chosen)} paragraphs written to {out}; pools: {sizes}")


if __name__ == "__main__":
    main()

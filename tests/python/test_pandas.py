"""The pandas recipe of docs/python.md: plain dicts flattened by json_normalize."""
import pytest

pd = pytest.importorskip("pandas", reason="python3-pandas is not installed")


def test_json_normalize_recipe(ex, corpus_files):
    texts = [p.read_text(encoding="utf-8") for p in corpus_files]
    docs = list(ex.extract_many(({"id": p.name, "text": t} for p, t in zip(corpus_files, texts)),
                                threads=2))
    mentions = pd.json_normalize(docs, record_path="mentions", meta=["id"])
    assert len(mentions) == sum(len(d["mentions"]) for d in docs)
    for column in ("type", "start", "end", "char_start", "char_end", "text", "value.amount",
                   "value.canonical", "id"):
        assert column in mentions.columns
    money = mentions[mentions.type == "money"]
    row = money[money.text == "13,5 triệu đồng"].iloc[0]
    assert row["value.amount"] == 13500000 and row["value.currency"] == "VND"
    text = texts[[p.name for p in corpus_files].index(row["id"])]
    assert text[row["char_start"]:row["char_end"]] == "13,5 triệu đồng"

    events = pd.json_normalize(docs, record_path="events", meta=["id"])
    funding = events[events.type == "funding"]
    assert len(funding) == sum(e["type"] == "funding" for d in docs for e in d["events"]) > 0
    assert "Công đoàn Viên chức tỉnh" in set(funding["giver"])

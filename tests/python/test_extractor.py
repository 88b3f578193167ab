"""vnie.Extractor: results equal to the CLI's, char offsets, errors, threads."""
import concurrent.futures
import itertools
import json
import random
import unicodedata

import pytest

import vnie
from conftest import SOURCE_DIR, run_cli

SENTENCE = "Chiều 23/12, CĐVC tỉnh trao tặng hơn 15 suất quà, mỗi suất 500.000 đồng."


def strip_char_offsets(doc):
    """The object without the keys the Python package adds."""
    doc = json.loads(json.dumps(doc))
    for key in ("mentions", "events"):
        for item in doc.get(key, []):
            del item["char_start"], item["char_end"]
    for w in doc.get("warnings", []):
        del w["char_offset"]
    return doc


# ------------------------------------------------------------ same as the CLI

def test_corpus_equals_cli(ex, cli, corpus_files):
    lines = run_cli(cli, "extract", "corpus/").decode("utf-8").splitlines()
    assert len(lines) == len(corpus_files)
    for path, line in zip(corpus_files, lines):
        doc_id = f"corpus/{path.name}"
        data = path.read_bytes()
        # byte for byte the CLI's line
        assert ex.extract(data, id=doc_id, as_json=True) == line
        # the dict is that object plus char offsets, for bytes and for str input
        expected = json.loads(line)
        assert expected["id"] == doc_id
        assert strip_char_offsets(ex.extract(data, id=doc_id)) == expected
        assert strip_char_offsets(ex.extract(data.decode("utf-8"), id=doc_id)) == expected


def test_jsonl_items_equal_cli(ex, cli, corpus_files):
    """extract_many over parsed JSON Lines gives `vnie extract --input jsonl`'s lines."""
    records = [{"id": p.name, "text": p.read_text(encoding="utf-8"),
                "date": "2021-03-0" + str(1 + i % 9) if i % 2 else None}
               for i, p in enumerate(corpus_files)]
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    expected = run_cli(cli, "extract", "--input", "jsonl", "--threads", "1",
                       stdin=stdin).decode("utf-8").splitlines()
    got = list(ex.extract_many(records, threads=2, as_json=True))
    assert got == expected
    assert [json.loads(g)["id"] for g in got] == [r["id"] for r in records]


def test_normalize_equals_cli(cli):
    lines = ["Hoà bình, khoẻ mạnh, thuỷ lợi", "Liên đoàn Lao động tỉnh Quảng Ninh",
             unicodedata.normalize("NFD", "Việt Nam\u200b ủy ban")]
    stdin = "".join(line + "\n" for line in lines).encode("utf-8")
    for args, kw in ((["--style", "traditional"], {}), (["--style", "modern"], {"style": "modern"}),
                     (["--fold"], {"fold": True})):
        expected = run_cli(cli, "normalize", *args, stdin=stdin).decode("utf-8").splitlines()
        assert [vnie.normalize(line, **kw) for line in lines] == expected


# --------------------------------------------------------------- the values

def test_example_sentence(ex):
    doc = ex.extract(SENTENCE, id="news.txt:1", date="2020-12-20")
    assert doc["id"] == "news.txt:1"
    assert doc["reference_date"] == "2020-12-20"
    assert doc["warnings"] == []
    by_type = {m["type"]: m for m in doc["mentions"]}
    date = by_type["date"]
    assert (date["start"], date["end"], date["char_start"], date["char_end"]) == (0, 13, 0, 11)
    assert date["text"] == "Chiều 23/12"
    assert date["value"] == {"year": 2020, "month": 12, "day": 23, "part_of_day": "afternoon"}
    org = by_type["organization"]
    assert (org["start"], org["char_start"], org["char_end"]) == (15, 13, 22)
    assert org["value"]["canonical"] == "Công đoàn Viên chức tỉnh"
    money = by_type["money"]
    assert money["value"]["amount"] == 500000 and money["value"]["currency"] == "VND"
    assert SENTENCE[money["char_start"]:money["char_end"]] == "500.000 đồng"
    funding = [e for e in doc["events"] if e["type"] == "funding"]
    assert len(funding) == 1
    assert funding[0]["giver"] == "Công đoàn Viên chức tỉnh"
    assert funding[0]["beneficiaries"] == {"count": 15, "unit": "suất quà"}
    assert funding[0]["char_end"] == len(SENTENCE)


def test_date_argument_forms(ex):
    import datetime
    a = ex.extract("Ngày 5/3, hội nghị tổng kết.", date="2021-01-01")
    b = ex.extract("Ngày 5/3, hội nghị tổng kết.", date=datetime.date(2021, 1, 1))
    c = ex.extract("Ngày 5/3, hội nghị tổng kết.")
    assert a == b
    assert a["mentions"][0]["value"]["year"] == 2021
    assert c["reference_date"] is None and c["mentions"][0]["value"]["year"] is None


def test_types_and_style():
    only_money = vnie.Extractor(types=["money"])
    doc = only_money.extract(SENTENCE)
    assert {m["type"] for m in doc["mentions"]} == {"money"}
    modern = vnie.Extractor(style="modern")
    traditional = vnie.Extractor()
    text = "Hội nghị tổng kết của Công đoàn Trường Đại học Thủy lợi"
    canonical = lambda d: [m["value"]["canonical"] for m in d["mentions"]
                           if m["type"] == "organization"]
    assert canonical(traditional.extract(text)) == ["Công đoàn Trường Đại học Thủy lợi"]
    assert canonical(modern.extract(text)) == ["Công đoàn Trường Đại học Thuỷ lợi"]


# ------------------------------------------------------------- char offsets

def check_offsets(text, doc):
    data = text.encode("utf-8", "surrogatepass")
    for key in ("mentions", "events"):
        for item in doc[key]:
            cs, ce = item["char_start"], item["char_end"]
            assert len(text[:cs].encode("utf-8", "surrogatepass")) == item["start"]
            assert len(text[:ce].encode("utf-8", "surrogatepass")) == item["end"]
            if key == "mentions":
                assert text[cs:ce] == item["text"]
                assert data[item["start"]:item["end"]].decode("utf-8") == item["text"]


def test_char_offsets_on_the_corpus(ex, corpus_files):
    total = 0
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        doc = ex.extract(text)
        check_offsets(text, doc)
        total += len(doc["mentions"])
    assert total > 500


def test_char_offsets_survive_normalization(ex):
    # decomposed diacritics, a zero-width space, emoji (astral characters)
    text = "🎉🎉 " + unicodedata.normalize("NFD", SENTENCE).replace("tỉnh", "t\u200bỉnh")
    doc = ex.extract(text, date="2020-12-20")
    check_offsets(text, doc)
    money = [m for m in doc["mentions"] if m["type"] == "money"]
    assert money and money[0]["value"]["amount"] == 500000
    assert text[money[0]["char_start"]:money[0]["char_end"]] == \
        unicodedata.normalize("NFD", "500.000 đồng")


def test_invalid_utf8_bytes(ex):
    data = ("Ngày 23/12/2020, ".encode() + b"\xff\xfe" + " trao 500.000 đồng cho ".encode()
            + b"\xe1\xbb" + " 15 hộ nghèo, ".encode() + b"\xed\xa0\x80" + " 3 tỷ đồng".encode())
    doc = ex.extract(data)
    decoded = data.decode("utf-8", "replace")
    assert [w["code"] for w in doc["warnings"]] and \
        all(w["code"] == "invalid_utf8" for w in doc["warnings"])
    assert doc["warnings"][0]["byte_offset"] == data.index(b"\xff")
    for w in doc["warnings"]:
        assert len(data[:w["byte_offset"]].decode("utf-8", "replace")) == w["char_offset"]
    amounts = sorted(m["value"]["amount"] for m in doc["mentions"] if m["type"] == "money")
    assert amounts == [500000, 3000000000]
    for m in doc["mentions"]:
        assert data[m["start"]:m["end"]].decode("utf-8", "replace") == m["text"]
        assert decoded[m["char_start"]:m["char_end"]] == m["text"]
    # str input with lone surrogates (read with errors="surrogateescape"):
    # byte offsets index text.encode("utf-8", "surrogatepass"), char offsets text
    text = data.decode("utf-8", "surrogateescape")
    doc2 = ex.extract(text)
    encoded = text.encode("utf-8", "surrogatepass")
    assert sorted(m["value"]["amount"] for m in doc2["mentions"] if m["type"] == "money") == amounts
    for m in doc2["mentions"]:
        assert text[m["char_start"]:m["char_end"]] == m["text"]
        assert encoded[m["start"]:m["end"]].decode("utf-8") == m["text"]


def test_char_offsets_on_random_bytes(ex):
    """Python indices of bytes.decode('utf-8', 'replace') for any ill-formed input."""
    rng = random.Random(16)
    pieces = ["Ngày 5/3/2021 ", "500.000 đồng ", "15 suất quà ", "CĐVC tỉnh ", "53,5% "]
    junk = [b"\x80", b"\xc0", b"\xc3", b"\xe0\x80", b"\xe1\xbb", b"\xed\xa0\x80",
            b"\xf0\x90", b"\xf4\x90\x80\x80", b"\xf8", b"\xff", b"\xe2\x82"]
    for _ in range(40):
        data = b"".join(rng.choice(junk) if rng.random() < 0.3 else rng.choice(pieces).encode()
                        for _ in range(12))
        doc = ex.extract(data)
        decoded = data.decode("utf-8", "replace")
        for m in doc["mentions"]:
            assert len(data[:m["start"]].decode("utf-8", "replace")) == m["char_start"]
            assert decoded[m["char_start"]:m["char_end"]] == m["text"]
        for w in doc["warnings"]:
            assert len(data[:w["byte_offset"]].decode("utf-8", "replace")) == w["char_offset"]


def test_ten_megabyte_document(ex, corpus_files):
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in corpus_files)
    one = ex.extract(unit)
    text = "\n\n".join(itertools.repeat(unit, (10 << 20) // len(unit.encode()) + 1))
    assert len(text.encode()) > 10 << 20
    doc = ex.extract(text)
    copies = text.count(unit[:200])
    assert len(doc["mentions"]) >= copies * len(one["mentions"]) * 0.9
    last = doc["mentions"][-1]
    assert text[last["char_start"]:last["char_end"]] == last["text"]
    assert len(text[:last["char_start"]].encode()) == last["start"]
    # and refused over max_doc_bytes
    with pytest.raises(ValueError, match="input_too_large"):
        vnie.Extractor(max_doc_bytes=1 << 20).extract(text)


# ---------------------------------------------------------------- errors

def test_bad_arguments(ex):
    with pytest.raises(TypeError, match="text must be str or bytes"):
        ex.extract(42)
    with pytest.raises(TypeError, match="id must be"):
        ex.extract("x", id=3)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        ex.extract("x", date="23/12/2020")
    with pytest.raises(ValueError, match="not a real date"):
        ex.extract("x", date="2021-02-29")
    with pytest.raises(ValueError, match="unknown mention type 'dates'"):
        vnie.Extractor(types=["dates"])
    with pytest.raises(ValueError, match="unknown style"):
        vnie.Extractor(style="new")
    with pytest.raises(ValueError, match="max_doc_bytes"):
        vnie.Extractor(max_doc_bytes=0)
    with pytest.raises(ValueError, match="unknown style"):
        vnie.normalize("x", style="new")
    with pytest.raises(ValueError, match="threads"):
        ex.extract_many([], threads=0)
    with pytest.raises(ValueError, match="errors"):
        ex.extract_many([], errors="ignore")
    with pytest.raises(TypeError, match="for one document use extract"):
        ex.extract_many("Ngày 5/3/2021")


BAD_RULES = """\
# a rule whose pattern RE2 rejects
rule test.bad
  type: number
  production: number
  pattern: (?P<num>\\d+
end
"""


def test_bad_rule_directory(tmp_path):
    (tmp_path / "bad.rules").write_text(BAD_RULES, encoding="utf-8")
    with pytest.raises(vnie.RuleError) as info:
        vnie.Extractor(rules=tmp_path)
    err = info.value
    assert err.file is not None and err.file.endswith("bad.rules")
    assert err.line == 5  # the pattern's line
    assert err.code == "rule_compile"
    assert err.message.startswith("RE2 cannot compile the pattern in rule 'test.bad': missing )")
    assert str(err) == f"{err.file}:5: {err.message}"
    with pytest.raises(vnie.RuleError) as info:
        vnie.Extractor(rules=[tmp_path / "does-not-exist"])
    assert info.value.code == "io_error" and info.value.line is None
    assert info.value.file == str(tmp_path / "does-not-exist")
    assert info.value.message == "not a readable rule directory"


def test_extra_rule_directory(tmp_path):
    (tmp_path / "extra.rules").write_text(
        "rule test.nam\n  type: ordinal\n  production: ordinal\n"
        "  pattern: năm thứ (?P<num>\\d+)\n  example: năm thứ 7\nend\n", encoding="utf-8")
    ex = vnie.Extractor(rules=str(tmp_path))
    assert any(r["id"] == "test.nam" for r in ex.rules())


# ---------------------------------------------------------------- threads

def test_extract_many_threads_in_order(ex, corpus_files):
    texts = [p.read_text(encoding="utf-8") for p in corpus_files] * 3
    expected = [ex.extract(t) for t in texts]
    for threads, window in ((1, 1), (2, 3), (4, None)):
        got = list(ex.extract_many(iter(texts), threads=threads, window=window))
        assert got == expected
    # the same from many Python threads calling extract() at once
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        assert list(pool.map(ex.extract, texts)) == expected


def test_extract_many_is_lazy_and_bounded(ex):
    pulled = 0

    def items():
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield f"Ngày {1 + i % 28}/3/2021 trao {i + 1} suất quà"

    gen = ex.extract_many(items(), threads=2, window=8)
    assert pulled == 0
    first = next(gen)
    assert first["mentions"][0]["type"] == "date"
    assert pulled <= 9
    rest = list(itertools.islice(gen, 99))
    assert pulled <= 100 + 8
    assert [m["value"]["value"] for d in rest for m in d["mentions"] if m["type"] == "number"] \
        == list(range(2, 101))
    gen.close()  # stops the threads


def test_extract_many_byte_bound(ex, monkeypatch):
    """Over the in-flight byte bound the window shrinks (to one document alone
    when a document is larger): same results, same order, no deadlock."""
    monkeypatch.setattr(vnie, "_MAX_IN_FLIGHT_BYTES", 1000)
    texts = [f"Ngày {d}/3/2021 trao {d} suất quà. " * (k % 4 * 20 + 1)
             for k, d in enumerate(range(1, 29))]
    assert max(len(t.encode()) for t in texts) > 1000
    got = list(ex.extract_many(texts, threads=3, window=8))
    assert got == [ex.extract(t) for t in texts]
    assert [d["mentions"][0]["value"]["day"] for d in got] == list(range(1, 29))


def test_extract_many_errors(ex):
    items = ["Ngày 5/3/2021", {"id": "a", "text": "Trao 500.000 đồng"}, {"id": "b"},
             {"id": "c", "text": "x", "date": "2021-13-01"}, 7, {"id": 5, "text": "x"},
             {"id": "d", "text": "y" * 2000}, {"text": "Ngày 6/3/2021", "date": "2021-03-01"}]
    small = vnie.Extractor(max_doc_bytes=1000)
    got = list(small.extract_many(items, threads=2, errors="return"))
    assert len(got) == len(items)
    assert got[0]["id"] == "" and got[0]["mentions"][0]["value"]["day"] == 5
    assert got[1]["id"] == "a" and got[1]["mentions"][0]["value"]["amount"] == 500000
    assert got[2] == {"id": "b", "error": {"code": "invalid_argument",
                                           "message": 'missing string field "text"',
                                           "input": "<items>:3"}}
    assert got[3]["id"] == "c" and "not a real date" in got[3]["error"]["message"]
    assert got[4]["error"]["input"] == "<items>:5"
    assert got[5]["error"]["message"] == '"id" must be a string'
    assert got[6]["id"] == "d" and got[6]["error"]["code"] == "input_too_large"
    assert got[7]["reference_date"] == "2021-03-01"
    # as JSON lines
    lines = list(small.extract_many(items, threads=1, errors="return", as_json=True))
    assert [json.loads(x).get("error") for x in lines] == [g.get("error") for g in got]
    # errors="raise": the results before the bad item, then its exception
    gen = small.extract_many(items, threads=2)
    assert next(gen)["id"] == "" and next(gen)["id"] == "a"
    with pytest.raises(ValueError, match='item 3: missing string field "text"'):
        next(gen)
    with pytest.raises(TypeError, match="item 1: an item must be"):
        list(small.extract_many([None]))


# ---------------------------------------------------------------- decode

def test_decode():
    text = "Liên đoàn Lao động tỉnh trao tặng Bằng khen cho 15 tập thể, mỗi suất 500.000 đồng"
    data = unicodedata.normalize("NFD", text).encode("utf-8")
    assert vnie.decode(data) == text  # NFC
    info = vnie.decode(text.encode("utf-8"), details=True)
    assert info["encoding"] == "utf-8" and info["unsure"] is False and info["warnings"] == []
    legacy = _cp1258(text)
    assert vnie.decode(legacy, "cp1258") == text
    auto = vnie.decode(legacy, details=True)
    assert auto["encoding"] == "cp1258" and auto["text"] == text
    with pytest.raises(ValueError, match="unknown encoding"):
        vnie.decode(b"x", "latin-9")
    with pytest.raises(TypeError):
        vnie.decode("str is not bytes")
    bad = vnie.decode(b"Vi\xe1\xbb\x87t \xff", "utf-8", details=True)
    assert bad["text"] == "Việt \ufffd" and bad["warnings"][0]["byte_offset"] == 7


def _cp1258(text):
    """`text` in Windows-1258: letters with a tone mark are written as the
    letter without it (â, ơ, ê… are in the code page) plus a combining tone."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones))
        out.append(base + "".join(p for p in parts if p in tones))
    return "".join(out).encode("cp1258")

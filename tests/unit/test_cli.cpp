// The `vnie` tool, run as a process: options, exit codes, JSON Lines output
// (docs/output-format.md). Assertions on extraction results are structural
// (valid JSON, ids, order, offsets that slice the input), not on what the
// rules find.
#include <doctest/doctest.h>

#ifdef VNIE_CLI_PATH

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "support.h"
#include "vnie/encoding.h"
#include "vnie/extractor.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace vnie_cli_test;

/// Checks the shape of a result object and that every mention's and event's
/// offsets slice `input` as the contract says.
void check_result(const json& doc, const std::string& input) {
  REQUIRE(doc.is_object());
  CHECK(doc.contains("id"));
  CHECK(doc.contains("reference_date"));
  REQUIRE(doc["mentions"].is_array());
  REQUIRE(doc["events"].is_array());
  REQUIRE(doc["warnings"].is_array());
  std::size_t prev_start = 0, prev_end = 0;
  for (const auto& m : doc["mentions"]) {
    auto start = m["start"].get<std::size_t>(), end = m["end"].get<std::size_t>();
    REQUIRE(start <= end);
    REQUIRE(end <= input.size());
    CHECK(m["text"].get<std::string>() == input.substr(start, end - start));
    CHECK(m["type"].is_string());
    CHECK(m["rule"].is_string());
    CHECK(m.contains("value"));
    vnie::MentionType t{};
    CHECK(vnie::parse_mention_type(m["type"].get<std::string>(), t));
    // Sorted by start, then end.
    CHECK((start > prev_start || (start == prev_start && end >= prev_end)));
    prev_start = start;
    prev_end = end;
  }
  for (const auto& e : doc["events"]) {
    CHECK(e["start"].get<std::size_t>() <= e["end"].get<std::size_t>());
    CHECK(e["end"].get<std::size_t>() <= input.size());
  }
}

const char* kLine1 = "Chiều 23/12, Công đoàn tỉnh tổ chức hội nghị tổng kết năm 2020.";
const char* kLine2 = "Đã trao 542 suất quà, tổng trị giá hơn 13,5 tỷ đồng, tăng 53,5% so với năm trước.";

}  // namespace

TEST_CASE("cli: --version and --help") {
  Run r = run_vnie("--version");
  CHECK(r.code == 0);
  CHECK(r.out == std::string("vnie ") + vnie::version() + "\n");

  r = run_vnie("--help");
  CHECK(r.code == 0);
  for (const char* cmd : {"extract", "normalize", "rules", "bench"}) {
    CHECK(r.out.find(cmd) != std::string::npos);
  }
  r = run_vnie("extract --help");
  CHECK(r.code == 0);
  for (const char* opt : {"--input", "--format", "--ref-date", "--types", "--rules",
                          "--no-default-rules", "--style", "--max-doc-bytes", "--threads",
                          "--bom", "--progress", "--exit-zero"}) {
    CHECK(r.out.find(opt) != std::string::npos);
  }
  CHECK(run_vnie("normalize --help").code == 0);
  CHECK(run_vnie("rules --help").code == 0);
  CHECK(run_vnie("bench --help").code == 0);
}

TEST_CASE("cli: usage errors exit 2 with a message") {
  Run r = run_vnie("");
  CHECK(r.code == 2);
  CHECK(!r.err.empty());

  r = run_vnie("extract --ref-date 2020-02-30", kLine1);
  CHECK(r.code == 2);
  CHECK(r.err.find("2020-02-30") != std::string::npos);
  CHECK(r.out.empty());
  CHECK(run_vnie("extract --ref-date 23/12/2020", kLine1).code == 2);
  CHECK(run_vnie("extract --ref-date 2020-1-5", kLine1).code == 2);

  r = run_vnie("extract --types date,bogus", kLine1);
  CHECK(r.code == 2);
  CHECK(r.err.find("bogus") != std::string::npos);

  CHECK(run_vnie("extract --input xml", kLine1).code == 2);
  CHECK(run_vnie("extract --format yaml", kLine1).code == 2);
  CHECK(run_vnie("extract --style odd", kLine1).code == 2);
  CHECK(run_vnie("extract --max-doc-bytes 0", kLine1).code == 2);
  CHECK(run_vnie("extract --max-doc-bytes -1", kLine1).code == 2);
  CHECK(run_vnie("extract --max-doc-bytes lots", kLine1).code == 2);
  CHECK(run_vnie("extract --no-such-option", kLine1).code == 2);
  CHECK(run_vnie("rules", "").code == 2);

  r = run_vnie("extract --rules /nonexistent-vnie-dir", kLine1);
  CHECK(r.code == 2);
  CHECK(r.err.find("/nonexistent-vnie-dir") != std::string::npos);
}

TEST_CASE("cli: a good --ref-date and --types are accepted") {
  Run r = run_vnie("extract --ref-date 2020-02-29 --types date,number --types money", kLine1);
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 1);
  check_result(docs[0], kLine1);
  for (const auto& m : docs[0]["mentions"]) {
    std::string t = m["type"].get<std::string>();
    CHECK((t == "date" || t == "number" || t == "money"));
  }
}

TEST_CASE("cli: unreadable file exits 2 naming it, the other files are processed") {
  TempDir dir;
  fs::path good = dir.write("good.txt", kLine1);
  std::string missing = (dir.path() / "missing.txt").string();
  Run r = run_vnie("extract " + quote(missing) + " " + quote(good.string()));
  CHECK(r.code == 2);
  CHECK(r.err.find(missing) != std::string::npos);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == good.string());
  check_result(docs[0], kLine1);
}

TEST_CASE("cli: text input, stdin and directories") {
  // stdin, whole input is one document.
  std::string text = std::string(kLine1) + "\n" + kLine2 + "\n";
  Run r = run_vnie("extract", text);
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "<stdin>");
  check_result(docs[0], text);
  CHECK(run_vnie("extract -", text).out == r.out);

  // A directory: *.txt, recursively, sorted; ids relative as given.
  TempDir dir;
  dir.write("corpus/b.txt", kLine2);
  dir.write("corpus/a.txt", kLine1);
  dir.write("corpus/sub/c.txt", kLine1);
  dir.write("corpus/notes.md", "not a document");
  r = run_vnie("extract corpus", "", dir.path().string());
  CHECK(r.code == 0);
  docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0]["id"] == "corpus/a.txt");
  CHECK(docs[1]["id"] == "corpus/b.txt");
  CHECK(docs[2]["id"] == "corpus/sub/c.txt");
  check_result(docs[0], kLine1);
  check_result(docs[1], kLine2);
  check_result(docs[2], kLine1);
}

TEST_CASE("cli: offsets slice the input for every corpus article") {
  fs::path corpus = vnie_test::source_dir() / "corpus";
  Run r = run_vnie("extract corpus", "", vnie_test::source_dir().string());
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);
  std::size_t txt = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") ++txt;
  }
  CHECK(docs.size() == txt);
  std::string prev;
  for (const auto& d : docs) {
    REQUIRE(d.contains("mentions"));
    std::string id = d["id"].get<std::string>();
    CHECK(id > prev);
    prev = id;
    check_result(d, vnie_test::read_file(vnie_test::source_dir() / id));
  }
}

TEST_CASE("cli: --encoding reads legacy encodings, offsets index the original bytes") {
  // A corpus article in TCVN3, VNI, VIQR and CP1258 (encoded by the library)
  // gives the same mentions, values and events as the UTF-8 original.
  const fs::path article = vnie_test::source_dir() / "corpus" / "003_b2e70282d8fee054.txt";
  REQUIRE(fs::exists(article));
  const std::string utf8 = vnie_test::read_file(article);
  TempDir dir;
  const fs::path original = dir.write("original.txt", utf8);
  Run base = run_vnie("extract " + quote(original.string()));
  REQUIRE(base.code == 0);
  const json want = parse_jsonl(base.out).at(0);
  CHECK(!want.contains("encoding"));
  for (auto enc : {vnie::Encoding::tcvn3, vnie::Encoding::vni, vnie::Encoding::viqr,
                   vnie::Encoding::cp1258}) {
    CAPTURE(vnie::to_string(enc));
    std::string bytes;
    REQUIRE(vnie::encode(utf8, enc, &bytes).ok());
    const fs::path p = dir.write(std::string("doc-") + vnie::to_string(enc) + ".txt", bytes);
    for (const std::string& name : {std::string(vnie::to_string(enc)), std::string("auto")}) {
      CAPTURE(name);
      Run r = run_vnie("extract --encoding " + name + " " + quote(p.string()));
      REQUIRE(r.code == 0);
      const json got = parse_jsonl(r.out).at(0);
      CHECK(got["encoding"] == vnie::to_string(enc));
      REQUIRE(got["mentions"].size() == want["mentions"].size());
      for (std::size_t i = 0; i < want["mentions"].size(); ++i) {
        const json& g = got["mentions"][i];
        CHECK(g["type"] == want["mentions"][i]["type"]);
        CHECK(g["value"] == want["mentions"][i]["value"]);
        // The offsets index the legacy bytes: they decode to the mention's text.
        const auto start = g["start"].get<std::size_t>(), end = g["end"].get<std::size_t>();
        REQUIRE(end <= bytes.size());
        vnie::Decoded d;
        REQUIRE(vnie::decode(bytes.substr(start, end - start), enc, &d).ok());
        CHECK(d.text == g["text"].get<std::string>());
      }
      CHECK(got["events"].size() == want["events"].size());
    }
  }
  Run bad = run_vnie("extract --encoding latin9 " + quote(original.string()));
  CHECK(bad.code == 2);
  Run jsonl = run_vnie("extract --input jsonl --encoding vni", "{\"text\": \"a\"}\n");
  CHECK(jsonl.code == 2);
  CHECK(jsonl.err.find("--encoding") != std::string::npos);
}

TEST_CASE("cli: paths after -- may start with '-'") {
  TempDir dir;
  dir.write("-dash.txt", kLine1);
  dir.write("a.txt", kLine2);
  Run r = run_vnie("extract a.txt -- -dash.txt", "", dir.path().string());
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["id"] == "a.txt");
  CHECK(docs[1]["id"] == "-dash.txt");
  r = run_vnie("normalize --fold -- -dash.txt", "", dir.path().string());
  CHECK(r.code == 0);
  CHECK(lines_of(r.out).size() == 1);
  CHECK(run_vnie("rules list -- x").code == 2);
}

TEST_CASE("cli: lines input") {
  TempDir dir;
  std::string content = std::string(kLine1) + "\n\n   \n" + kLine2 + "\r\n" + kLine1;
  fs::path f = dir.write("news.txt", content);
  Run r = run_vnie("extract --input lines news.txt", "", dir.path().string());
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0]["id"] == "news.txt:1");
  CHECK(docs[1]["id"] == "news.txt:4");
  CHECK(docs[2]["id"] == "news.txt:5");
  check_result(docs[0], kLine1);
  check_result(docs[1], kLine2);  // without the \r
  check_result(docs[2], kLine1);

  r = run_vnie("extract --input lines", content);
  docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 3);
  CHECK(docs[1]["id"] == "<stdin>:4");
}

TEST_CASE("cli: jsonl input keeps ids and order, a bad line is an error line, exit 1") {
  json a = {{"id", "doc-a"}, {"text", kLine1}, {"date", "2020-12-25"}};
  json c = {{"id", "doc-c"}, {"text", kLine2}};
  json d = {{"text", kLine1}};  // no id
  json e = {{"id", "doc-e"}};   // no text
  json f = {{"id", "doc-f"}, {"text", kLine1}, {"date", "2021-02-29"}};  // no such day
  std::string input = a.dump() + "\n{\"id\": \"doc-b\", \"text\": \n" + c.dump() + "\n\n" +
                      d.dump() + "\n" + e.dump() + "\n[1,2]\n" + f.dump() + "\n";
  TempDir dir;
  dir.write("in.jsonl", input);
  Run r = run_vnie("extract --input jsonl in.jsonl", "", dir.path().string());
  CHECK(r.code == 1);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 7);

  CHECK(docs[0]["id"] == "doc-a");
  CHECK(docs[0]["reference_date"] == "2020-12-25");
  check_result(docs[0], kLine1);

  // Not JSON: the id is unknown, so FILE:LINE.
  CHECK(docs[1]["id"] == "in.jsonl:2");
  REQUIRE(docs[1].contains("error"));
  CHECK(docs[1]["error"]["code"] == "invalid_argument");
  CHECK(docs[1]["error"]["input"] == "in.jsonl:2");
  CHECK(docs[1]["error"]["message"].get<std::string>().size() > 0);
  CHECK(!docs[1].contains("mentions"));

  CHECK(docs[2]["id"] == "doc-c");
  check_result(docs[2], kLine2);

  CHECK(docs[3]["id"] == "in.jsonl:5");  // the blank line 4 is skipped
  check_result(docs[3], kLine1);

  CHECK(docs[4]["id"] == "doc-e");
  CHECK(docs[4]["error"]["input"] == "in.jsonl:6");
  CHECK(docs[4]["error"]["message"].get<std::string>().find("text") != std::string::npos);

  CHECK(docs[5]["id"] == "in.jsonl:7");
  CHECK(docs[5].contains("error"));

  CHECK(docs[6]["id"] == "doc-f");
  CHECK(docs[6]["error"]["code"] == "invalid_argument");

  // The same from stdin; --ref-date applies where a line has no date.
  r = run_vnie("extract --input jsonl --ref-date 2019-05-01", a.dump() + "\n" + c.dump() + "\n");
  CHECK(r.code == 0);
  docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["reference_date"] == "2020-12-25");
  CHECK(docs[1]["reference_date"] == "2019-05-01");
}

TEST_CASE("cli: --max-doc-bytes gives an error line and exit 1") {
  TempDir dir;
  dir.write("big.txt", kLine2);
  dir.write("small.txt", "Năm 2020.");
  Run r = run_vnie("extract --max-doc-bytes 20 big.txt small.txt", "", dir.path().string());
  CHECK(r.code == 1);
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["id"] == "big.txt");
  CHECK(docs[0]["error"]["code"] == "input_too_large");
  CHECK(docs[0]["error"]["input"] == "big.txt:1");
  check_result(docs[1], "Năm 2020.");

  r = run_vnie("extract --input lines --max-doc-bytes 20", std::string(kLine2) + "\nNăm 2020.\n");
  CHECK(r.code == 1);
  docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["error"]["code"] == "input_too_large");
  CHECK(docs[0]["id"] == "<stdin>:1");
  check_result(docs[1], "Năm 2020.");
}

TEST_CASE("cli: invalid UTF-8 input still gives valid JSON with a warning") {
  std::string bad = std::string("Ngày 5/3 có 12 người \xff\xfe và 3,5 tỷ đồng \xc3");
  Run r = run_vnie("extract --input lines", bad + "\n");
  CHECK(r.code == 0);
  auto docs = parse_jsonl(r.out);  // parse fails on invalid UTF-8
  REQUIRE(docs.size() == 1);
  const json& w = docs[0]["warnings"];
  REQUIRE(w.size() >= 1);
  CHECK(w[0]["code"] == "invalid_utf8");
  CHECK(w[0]["byte_offset"].get<std::size_t>() == bad.find('\xff'));
  for (const auto& m : docs[0]["mentions"]) {
    auto start = m["start"].get<std::size_t>(), end = m["end"].get<std::size_t>();
    REQUIRE(end <= bad.size());
    std::string slice = bad.substr(start, end - start);
    if (slice.find_first_of("\xff\xfe\xc3") == std::string::npos) {
      CHECK(m["text"] == slice);
    }
  }
}

TEST_CASE("cli: table format") {
  TempDir dir;
  dir.write("a.txt", std::string(kLine1) + "\n" + kLine2 + "\n");
  Run r = run_vnie("extract --format table --input lines a.txt", "", dir.path().string());
  CHECK(r.code == 0);
  CHECK(r.out.find("== a.txt:1") != std::string::npos);
  CHECK(r.out.find("== a.txt:2") != std::string::npos);
  r = run_vnie("extract --format table --input jsonl", "not json\n");
  CHECK(r.code == 1);
  CHECK(r.out.find("error") != std::string::npos);
}

namespace {

/// Display columns of UTF-8 text without wide characters: code points,
/// combining diacritics (U+0300–U+036F) excluded.
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    if (c == 0xCC && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80) continue;
    if (c == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xB0) continue;
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("cli: table columns align by display width") {
  TempDir rules;
  rules.write("counted.rules",
              "rule test.cli.counted\n"
              "  type: number\n"
              "  production: number\n"
              "  priority: 100\n"
              "  pattern: (?P<num>\\d+)\\s(?:người|suất quà|hòa)\n"
              "end\n");
  // Precomposed, decomposed (o + U+0300) and ASCII-only texts.
  std::string text = "Có 5 người, 12 suất quà và 13 Ho\xcc\x80" "a, 7 hòa.";
  Run r = run_vnie("extract --format table --types number --rules " +
                       quote(rules.path().string()),
                   text);
  CHECK(r.code == 0);
  auto lines = lines_of(r.out);
  std::size_t rule_col = std::string::npos, rows = 0;
  for (const auto& line : lines) {
    auto pos = line.find("RULE");
    if (line.find("TYPE") != std::string::npos && pos != std::string::npos) {
      rule_col = columns(line.substr(0, pos));
    }
    pos = line.find("test.cli.counted");
    if (pos != std::string::npos) {
      ++rows;
      CHECK(columns(line.substr(0, pos)) == rule_col);
    }
  }
  CHECK(rows == 4);
  CHECK(r.out.find("Ho\xcc\x80" "a") != std::string::npos);
}

TEST_CASE("cli: normalize") {
  Run r = run_vnie("normalize --fold", "Hòa bình THỦY Đức khoẻ\n");
  CHECK(r.code == 0);
  CHECK(r.out == "hoa binh thuy duc khoe\n");

  // Decomposed input (o + combining grave) folds the same.
  r = run_vnie("normalize --fold", "Ho\xcc\x80" "a\n");
  CHECK(r.out == "hoa\n");

  // One output line per input line, blank lines kept, CRLF accepted, last
  // line without a newline still printed.
  r = run_vnie("normalize", "hoà thuỷ\r\n\nkhoẻ");
  CHECK(r.code == 0);
  CHECK(r.out == "hòa thủy\n\nkhỏe\n");
  r = run_vnie("normalize --style modern", "hòa thủy\n");
  CHECK(r.out == "hoà thuỷ\n");
  r = run_vnie("normalize --style keep", "hoà thủy\n");
  CHECK(r.out == "hoà thủy\n");

  // Invalid UTF-8: a warning on stderr with file:line: byte N, the line still printed.
  r = run_vnie("normalize", "ok\nab\xff" "c\n");
  CHECK(r.code == 0);
  CHECK(lines_of(r.out).size() == 2);
  CHECK(r.out.rfind("ok\nab\xEF\xBF\xBD", 0) == 0);
  CHECK(r.err.find("<stdin>:2: byte 2: ") != std::string::npos);

  TempDir dir;
  dir.write("x.txt", "Hòa\n");
  r = run_vnie("normalize --fold x.txt missing.txt", "", dir.path().string());
  CHECK(r.code == 2);
  CHECK(r.out == "hoa\n");
  CHECK(r.err.find("missing.txt") != std::string::npos);
  CHECK(run_vnie("normalize --style wrong", "x\n").code == 2);
}

TEST_CASE("cli: normalize --encoding converts legacy files to UTF-8, --to back") {
  // A hand-written VIQR line (RFC 1456) and the UTF-8 it stands for.
  Run r = run_vnie("normalize --encoding viqr", "Vie^.t Nam\nLDDLDD ti?nh\n");
  CHECK(r.code == 0);
  CHECK(r.out == "Việt Nam\nLĐLĐ tỉnh\n");
  CHECK(r.err.empty());

  // A corpus article in each legacy encoding (encoded by the library),
  // explicit and detected, converts to what normalizing the UTF-8 gives (for
  // TCVN3 and VIQR, which lack curly quotes, with the library's ASCII
  // stand-ins: the decoded text normalized).
  const fs::path article = vnie_test::source_dir() / "corpus" / "003_b2e70282d8fee054.txt";
  REQUIRE(fs::exists(article));
  const std::string utf8 = vnie_test::read_file(article);
  const Run want = run_vnie("normalize", utf8);
  REQUIRE(want.code == 0);
  REQUIRE(lines_of(want.out).size() > 5);
  TempDir dir;
  for (auto enc : {vnie::Encoding::tcvn3, vnie::Encoding::vni, vnie::Encoding::viqr,
                   vnie::Encoding::cp1258}) {
    const std::string name = vnie::to_string(enc);
    CAPTURE(name);
    std::string bytes;
    REQUIRE(vnie::encode(utf8, enc, &bytes).ok());
    REQUIRE(bytes != utf8);
    const fs::path p = dir.write("doc-" + name + ".txt", bytes);
    vnie::Decoded decoded;
    REQUIRE(vnie::decode(bytes, enc, &decoded).ok());
    const std::string want_enc = run_vnie("normalize", decoded.text).out;
    if (enc == vnie::Encoding::cp1258 || enc == vnie::Encoding::vni) CHECK(want_enc == want.out);
    CHECK(lines_of(want_enc).size() == lines_of(want.out).size());
    Run got = run_vnie("normalize --encoding " + name + " " + quote(p.string()));
    CHECK(got.code == 0);
    CHECK(got.out == want_enc);
    CHECK(got.err.empty());
    got = run_vnie("normalize --encoding auto " + quote(p.string()));
    CHECK(got.code == 0);
    CHECK(got.out == want_enc);
    CHECK(got.err == p.string() + ": encoding " + name + " (detected)\n");
    // The way back: --to writes the legacy bytes, which decode to the same text.
    Run back = run_vnie("normalize --to " + name, want.out);
    CHECK(back.code == 0);
    std::string expected;
    REQUIRE(vnie::encode(want.out, enc, &expected).ok());
    CHECK(back.out == expected);
    CHECK(run_vnie("normalize --encoding " + name, back.out).out == want_enc);
  }

  // Bytes that do not decode: U+FFFD in the output, FILE:LINE: byte N on
  // stderr. 0x81 is undefined in CP1258; "Vi\xEAt" is "Viêt".
  const fs::path bad = dir.write("bad.txt", std::string("ok\nVi\xEAt \x81!\n"));
  r = run_vnie("normalize --encoding cp1258 " + quote(bad.string()));
  CHECK(r.code == 0);
  CHECK(r.out == "ok\nViêt \xEF\xBF\xBD!\n");
  CHECK(r.err.find(bad.string() + ":2: byte 5: ") == 0);

  // A character the target lacks is reported, written as a stand-in.
  r = run_vnie("normalize --to tcvn3", "a \xE2\x82\xAC b\n");  // the euro sign
  CHECK(r.code == 0);
  CHECK(r.out == "a ? b\n");
  CHECK(r.err.find("<stdin>:1: byte 2: U+20AC is not in tcvn3") == 0);

  CHECK(run_vnie("normalize --encoding latin9", "x\n").code == 2);
  CHECK(run_vnie("normalize --to auto", "x\n").code == 2);
}

TEST_CASE("cli: rules list and check") {
  Run r = run_vnie("rules list");
  CHECK(r.code == 0);
  auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 1);
  CHECK(lines[0].find("ID") == 0);

  r = run_vnie("rules check");
  CHECK(r.code == 0);
  CHECK(r.out.rfind("ok: ", 0) == 0);

  TempDir good;
  good.write("extra.rules",
             "rule test.cli.hashnum\n"
             "  type: number\n"
             "  production: number\n"
             "  pattern: #(?P<num>\\d+)\n"
             "  boundary: none\n"
             "end\n");
  r = run_vnie("rules check " + quote(good.path().string()));
  CHECK(r.code == 0);
  CHECK(r.out.rfind("ok: ", 0) == 0);
  r = run_vnie("rules list --rules " + quote(good.path().string()));
  CHECK(r.code == 0);
  CHECK(r.out.find("test.cli.hashnum") != std::string::npos);
  CHECK(r.out.find("extra.rules:1") != std::string::npos);

  TempDir bad;
  fs::path file = bad.write("broken.rules",
                            "rule test.cli.broken\n"
                            "  type: number\n"
                            "  production: number\n"
                            "  pattern: (?P<num>\\d+\n");
  r = run_vnie("rules check " + quote(bad.path().string()));
  CHECK(r.code == 2);
  CHECK(r.err.find("broken.rules") != std::string::npos);
  CHECK(r.out.empty());

  r = run_vnie("extract --rules " + quote(bad.path().string()), kLine1);
  CHECK(r.code == 2);
  CHECK(r.err.find("broken.rules") != std::string::npos);
  CHECK(r.out.empty());
  CHECK(run_vnie("rules list --rules " + quote(bad.path().string())).code == 2);
  CHECK(run_vnie("rules check /nonexistent-vnie-dir").code == 2);
}

TEST_CASE("cli: bench") {
  Run r = run_vnie("bench", "", "", "env -u VNIE_BENCH_FILE");
  CHECK(r.code == 2);
  CHECK(r.err.find("VNIE_BENCH_FILE") != std::string::npos);

  TempDir dir;
  std::string text;
  for (int i = 0; i < 20; ++i) text += std::string(i % 2 ? kLine1 : kLine2) + "\n";
  fs::path f = dir.write("bench.txt", text);
  r = run_vnie("bench --threads 2 --repeat 2 " + quote(f.string()));
  CHECK(r.code == 0);
  for (const char* what : {"normalize", "triggers", "match", "productions", "events", "output",
                           "total", "documents", "peak RSS", "2 threads", "1 thread"}) {
    CHECK(r.out.find(what) != std::string::npos);
  }
  r = run_vnie("bench", "", "", "VNIE_BENCH_FILE=" + quote(f.string()));
  CHECK(r.code == 0);
  CHECK(r.out.find("MB/s") != std::string::npos);
  CHECK(run_vnie("bench --threads 0 " + quote(f.string())).code == 2);
  CHECK(run_vnie("bench /nonexistent-vnie-file").code == 2);
}

#endif  // VNIE_CLI_PATH

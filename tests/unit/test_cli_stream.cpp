// The `vnie extract` tool run as a process: --threads, streaming (over-long
// lines, bad lines, line-in/line-out), --format json/csv, progress.
// Assertions are structural (order, equality between modes, quoting, exit
// codes), not on what the rules find.
#include <doctest/doctest.h>

#ifdef VNIE_CLI_PATH

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace vnie_cli_test;

/// The corpus articles, one per line, as JSON Lines with ids, plus bad lines.
std::string corpus_jsonl(bool with_bad_lines) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(vnie_test::source_dir() / "corpus")) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::string out;
  int n = 0;
  for (const auto& f : files) {
    json j = {{"id", f.filename().string()}, {"text", vnie_test::read_file(f)}};
    if (n % 3 == 1) j["date"] = "2021-01-15";
    out += j.dump() + "\n";
    if (with_bad_lines && n % 5 == 0) {
      out += "{\"id\": \"broken-" + std::to_string(n) + "\", \"text\": \n";
      out += "{\"id\": \"notext-" + std::to_string(n) + "\"}\n";
      out += "\n";
      out += "{\"id\": \"bad-utf8-" + std::to_string(n) + "\", \"text\": \"a\xff\"}\n";
    }
    ++n;
  }
  return out;
}

/// A minimal RFC 4180 reader: rows of fields (CRLF or LF row ends).
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_quotes = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      REQUIRE(field.empty());  // a quote only opens a field
      in_quotes = quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r') {
        REQUIRE((i + 1 < s.size() && s[i + 1] == '\n'));
        ++i;
      }
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
      quoted = false;
    } else {
      REQUIRE(!quoted);  // nothing after a closing quote
      field += c;
    }
  }
  REQUIRE(!in_quotes);
  REQUIRE(row.empty());
  REQUIRE(field.empty());
  return rows;
}

const std::vector<std::string> kCsvColumns = {
    "doc_id",          "event_no",         "type",          "kind",
    "date",            "agent",            "award",         "recipients",
    "recipient_count", "amount",           "amount_min",    "amount_max",
    "currency",        "qualifier",        "per_unit",      "purpose",
    "beneficiary_count", "beneficiary_unit", "reviewed_period", "plan_period",
    "attendees",       "start",            "end",           "evidence",
    "error"};

}  // namespace

TEST_CASE("cli stream: --threads N gives the same output as --threads 1, in input order") {
  TempDir dir;
  dir.write("in.jsonl", corpus_jsonl(true));
  for (const char* format : {"jsonl", "json", "csv", "table"}) {
    CAPTURE(format);
    std::string base = std::string("extract --input jsonl --format ") + format + " in.jsonl";
    Run one = run_vnie(base + " --threads 1", "", dir.path().string());
    CHECK(one.code == 1);  // the bad lines
    CHECK(!one.out.empty());
    for (const char* n : {"2", "3", "8"}) {
      CAPTURE(n);
      Run many = run_vnie(base + " --threads " + n, "", dir.path().string());
      CHECK(many.code == 1);
      CHECK(many.out == one.out);
    }
    Run dflt = run_vnie(base, "", dir.path().string());  // all cores
    CHECK(dflt.out == one.out);
  }
  // Whole files (--input text) too.
  Run one = run_vnie("extract corpus --threads 1", "", vnie_test::source_dir().string());
  Run four = run_vnie("extract corpus --threads 4", "", vnie_test::source_dir().string());
  CHECK(one.code == 0);
  CHECK(four.code == 0);
  CHECK(four.out == one.out);

  CHECK(run_vnie("extract --threads 0", "x").code == 2);
  CHECK(run_vnie("extract --threads lots", "x").code == 2);
}

TEST_CASE("cli stream: jsonl output equals processing each document alone") {
  std::string input = corpus_jsonl(true);
  Run all = run_vnie("extract --input jsonl --threads 3", input);
  auto docs = parse_jsonl(all.out);
  auto in_lines = lines_of(input);
  std::size_t k = 0;
  for (const auto& line : in_lines) {
    if (line.empty()) continue;
    REQUIRE(k < docs.size());
    Run alone = run_vnie("extract --input jsonl --threads 1", line + "\n");
    auto one = parse_jsonl(alone.out);
    REQUIRE(one.size() == 1);
    // Positions differ (line 1 alone); everything else is equal.
    if (one[0].contains("error")) {
      CHECK(docs[k].contains("error"));
      CHECK(one[0]["error"]["code"] == docs[k]["error"]["code"]);
    } else {
      CHECK(one[0] == docs[k]);
    }
    ++k;
  }
  CHECK(k == docs.size());
}

TEST_CASE("cli stream: a line over --max-doc-bytes is an error line, the run goes on") {
  std::string big(300000, 'x');
  for (const char* mode : {"lines", "jsonl"}) {
    CAPTURE(mode);
    for (const char* threads : {"1", "2"}) {
      std::string good = std::string(mode) == "jsonl"
                             ? json({{"id", "g"}, {"text", "Ngày 5/1/2024 họp."}}).dump()
                             : std::string("Ngày 5/1/2024 họp.");
      std::string input = good + "\n" + big + "\r\n" + good + "\n" + big;  // last without \n
      Run r = run_vnie(std::string("extract --max-doc-bytes 1000 --input ") + mode +
                           " --threads " + threads,
                       input);
      CHECK(r.code == 1);
      auto docs = parse_jsonl(r.out);
      REQUIRE(docs.size() == 4);
      CHECK(docs[0].contains("mentions"));
      CHECK(docs[1]["id"] == "<stdin>:2");
      CHECK(docs[1]["error"]["code"] == "input_too_large");
      CHECK(docs[1]["error"]["input"] == "<stdin>:2");
      CHECK(docs[1]["error"]["message"].get<std::string>().find("1000") != std::string::npos);
      CHECK(docs[2].contains("mentions"));
      CHECK(docs[2]["mentions"] == docs[0]["mentions"]);
      CHECK(docs[3]["error"]["input"] == "<stdin>:4");
    }
  }
  // A line of exactly the limit is fine, even with a CR before its newline.
  std::string exact(1000, 'a');
  Run r = run_vnie("extract --input lines --max-doc-bytes 1000", exact + "\r\n" + exact + "a\n");
  auto docs = parse_jsonl(r.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].contains("mentions"));
  CHECK(docs[1].contains("error"));
}

TEST_CASE("cli stream: bad jsonl lines never stop the run") {
  std::string input =
      "{\"id\": \"a\", \"text\": \"Ngày 5/1/2024.\"}\n"
      "not json\n"
      "{\"id\": \"u\", \"text\": \"bad \xc3\x28 utf-8\"}\n"
      "\xff\xfe\n"
      "{\"id\": \"n\"}\n"
      "{\"id\": 5, \"text\": \"x\"}\n"
      "[]\n"
      "{\"id\": \"z\", \"text\": \"Ngày 5/1/2024.\"}\n";
  for (const char* threads : {"1", "4"}) {
    Run r = run_vnie(std::string("extract --input jsonl --threads ") + threads, input);
    CHECK(r.code == 1);
    CHECK(r.err.empty());
    auto docs = parse_jsonl(r.out);
    REQUIRE(docs.size() == 8);
    CHECK(docs[0]["id"] == "a");
    for (std::size_t i = 1; i < 7; ++i) {
      CAPTURE(i);
      CHECK(docs[i]["error"]["code"] == "invalid_argument");
      CHECK(docs[i]["error"]["input"] == "<stdin>:" + std::to_string(i + 1));
    }
    CHECK(docs[7]["id"] == "z");
    CHECK(docs[7]["mentions"] == docs[0]["mentions"]);
    // --exit-zero: the same records, status 0.
    Run z = run_vnie(std::string("extract --input jsonl --exit-zero --threads ") + threads, input);
    CHECK(z.code == 0);
    CHECK(z.out == r.out);
  }
  CHECK(run_vnie("extract --exit-zero --rules /nonexistent-vnie-dir", "x").code == 2);
}

namespace {

/// Reads from `fd` until a newline arrives (or 60 s pass); returns what came.
std::string read_line_from(int fd) {
  std::string got;
  char c = 0;
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 60000) <= 0) break;
    ssize_t n = ::read(fd, &c, 1);
    if (n <= 0) break;
    got += c;
    if (c == '\n') break;
  }
  return got;
}

}  // namespace

TEST_CASE("cli stream: line in, line out (each result flushed before more input)") {
  for (const char* threads : {"1", "3"}) {
    CAPTURE(threads);
    int to_child[2], from_child[2];
    REQUIRE(::pipe(to_child) == 0);
    REQUIRE(::pipe(from_child) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(to_child[0], 0);
      ::dup2(from_child[1], 1);
      int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 2);
      ::close(to_child[1]);
      ::close(from_child[0]);
      ::execl(VNIE_CLI_PATH, "vnie", "extract", "--input", "jsonl", "--threads", threads,
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    ::signal(SIGPIPE, SIG_IGN);
    for (int i = 0; i < 3; ++i) {
      std::string line = json({{"id", "doc" + std::to_string(i)}, {"text", "Ngày 5/1/2024."}}).dump() + "\n";
      REQUIRE(::write(to_child[1], line.data(), line.size()) == static_cast<ssize_t>(line.size()));
      std::string got = read_line_from(from_child[0]);  // stdin still open
      REQUIRE(!got.empty());
      CHECK(got.back() == '\n');
      json j = json::parse(got);
      CHECK(j["id"] == "doc" + std::to_string(i));
    }
    ::close(to_child[1]);
    CHECK(read_line_from(from_child[0]).empty());  // end of output
    ::close(from_child[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
}

TEST_CASE("cli formats: --format json is the jsonl records in one array") {
  std::string input = corpus_jsonl(true);
  Run lines = run_vnie("extract --input jsonl", input);
  Run arr = run_vnie("extract --input jsonl --format json", input);
  CHECK(arr.code == lines.code);
  json j;
  REQUIRE_NOTHROW(j = json::parse(arr.out));
  REQUIRE(j.is_array());
  auto docs = parse_jsonl(lines.out);
  REQUIRE(j.size() == docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) CHECK(j[i] == docs[i]);
  CHECK(arr.out.substr(0, 2) == "[\n");
  CHECK(arr.out.substr(arr.out.size() - 3) == "\n]\n");
  CHECK(lines_of(arr.out).size() > docs.size() + 2);  // pretty-printed

  Run empty = run_vnie("extract --input jsonl --format json", "");
  CHECK(empty.code == 0);
  REQUIRE_NOTHROW(j = json::parse(empty.out));
  CHECK(j == json::array());
}

TEST_CASE("cli formats: --format csv, one row per event, RFC 4180") {
  Run lines = run_vnie("extract corpus", "", vnie_test::source_dir().string());
  Run csv = run_vnie("extract corpus --format csv", "", vnie_test::source_dir().string());
  CHECK(csv.code == 0);
  CHECK(csv.out.substr(0, 3) != "\xEF\xBB\xBF");
  auto rows = parse_csv(csv.out);
  REQUIRE(!rows.empty());
  CHECK(rows[0] == kCsvColumns);
  std::size_t r = 1, events = 0;
  for (const auto& doc : parse_jsonl(lines.out)) {
    std::string text = vnie_test::read_file(vnie_test::source_dir() / doc["id"].get<std::string>());
    std::size_t no = 0;
    for (const auto& e : doc["events"]) {
      ++events;
      REQUIRE(r < rows.size());
      const auto& row = rows[r++];
      REQUIRE(row.size() == kCsvColumns.size());
      CHECK(row[0] == doc["id"]);
      CHECK(row[1] == std::to_string(++no));
      CHECK(row[2] == e["type"]);
      auto start = e["start"].get<std::size_t>(), end = e["end"].get<std::size_t>();
      CHECK(row[21] == std::to_string(start));
      CHECK(row[22] == std::to_string(end));
      std::string evidence = text.substr(start, end - start);
      for (char& c : evidence) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      }
      if (evidence.find_first_of("=+-@") == 0) evidence.insert(0, 1, '\'');
      CHECK(row[23] == evidence);
      CHECK(row[24].empty());
      if (e["type"] == "meeting") {
        CHECK(row[3] == e["kind"]);
        CHECK(row[5] == (e["organizer"].is_null() ? "" : e["organizer"].get<std::string>()));
      } else if (e["type"] == "award") {
        CHECK(row[3] == e["award_kind"]);
        CHECK(row[6] == e["award"]);
      } else if (e["type"] == "funding") {
        CHECK(row[12] == e["amount"]["currency"]);
        CHECK(row[13] == e["amount"]["qualifier"]);
        if (!e["amount"]["amount"].is_null()) {
          CHECK(json::parse(row[9]) == e["amount"]["amount"]);
        }
      }
    }
  }
  CHECK(r == rows.size());
  CHECK(events + 1 == rows.size());

  // --bom; error rows; quoting of commas, quotes; no row for a document without events.
  std::string input = json({{"id", "a,\"b\""}}).dump() + "\n" +
                      json({{"id", "plain"}, {"text", "Không có gì."}}).dump() + "\n";
  Run bom = run_vnie("extract --input jsonl --format csv --bom", input);
  CHECK(bom.code == 1);
  REQUIRE(bom.out.substr(0, 3) == "\xEF\xBB\xBF");
  CHECK(bom.out.find("\"a,\"\"b\"\"\",") != std::string::npos);
  rows = parse_csv(bom.out.substr(3));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == kCsvColumns);
  CHECK(rows[1][0] == "a,\"b\"");
  CHECK(rows[1][24].find("invalid_argument") == 0);
  CHECK(rows[1][24].find("<stdin>:1") != std::string::npos);

  CHECK(run_vnie("extract --bom", "x").code == 2);
  CHECK(run_vnie("extract --format jsonl --bom", "x").code == 2);
}

TEST_CASE("cli formats: CSV texts that a spreadsheet would run as formulas get an apostrophe") {
  const std::string text = "Hội nghị tổng kết năm 2023 được Công đoàn ngành Y tế tổ chức ngày 5/1/2024.";
  std::string input;
  for (const char* lead : {"=HYPERLINK(\"http://x\")", "+1", "-", "@SUM(A1)", ""}) {
    input += json({{"id", std::string(lead) + "doc"}, {"text", text}}).dump() + "\n";
  }
  Run r = run_vnie("extract --input jsonl --format csv", input);
  CHECK(r.code == 0);
  auto rows = parse_csv(r.out);
  REQUIRE(rows.size() == 6);
  CHECK(rows[1][0] == "'=HYPERLINK(\"http://x\")doc");
  CHECK(rows[2][0] == "'+1doc");
  CHECK(rows[3][0] == "'-doc");
  CHECK(rows[4][0] == "'@SUM(A1)doc");
  CHECK(rows[5][0] == "doc");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i][2] == "meeting");
    CHECK(rows[i][4] == "2024-01-05");  // dates and numbers are never changed
    CHECK(rows[i][23] == text);
  }
}

TEST_CASE("cli formats: table aligns wide characters by display width") {
  TempDir rules;
  rules.write("counted.rules",
              "rule test.cli.wide\n"
              "  type: number\n"
              "  production: number\n"
              "  priority: 100\n"
              "  pattern: (?P<num>\\d+)\\s(?:người|中文字|ab)\n"
              "end\n");
  std::string text = "Có 5 người, 12 中文字 và 7 ab.";
  Run r = run_vnie("extract --format table --types number --rules " + quote(rules.path().string()),
                   text);
  CHECK(r.code == 0);
  // Display columns: CJK ideographs count two, other code points one.
  auto columns = [](const std::string& s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      auto c = static_cast<unsigned char>(s[i]);
      if ((c & 0xC0) == 0x80) continue;
      n += (c == 0xE4 || c == 0xE5 || c == 0xE6 || c == 0xE7 || c == 0xE8 || c == 0xE9) ? 2 : 1;
    }
    return n;
  };
  std::size_t rule_col = std::string::npos, rows = 0;
  for (const auto& line : lines_of(r.out)) {
    auto pos = line.find("RULE");
    if (line.find("TYPE") != std::string::npos && pos != std::string::npos) {
      rule_col = columns(line.substr(0, pos));
    }
    pos = line.find("test.cli.wide");
    if (pos != std::string::npos) {
      ++rows;
      CHECK(columns(line.substr(0, pos)) == rule_col);
    }
  }
  CHECK(rows == 3);
}

TEST_CASE("cli stream: progress only on a terminal, or when asked") {
  // Over 4 MB of cheap lines (invalid JSON): large enough for a bar.
  TempDir dir;
  std::string big;
  while (big.size() < (std::size_t{5} << 20)) big += "not json, not a document at all\n";
  dir.write("big.jsonl", big);
  Run r = run_vnie("extract --input jsonl big.jsonl", "", dir.path().string());
  CHECK(r.code == 1);
  CHECK(r.err.empty());  // stderr is a file, not a terminal
  r = run_vnie("extract --input jsonl --progress never big.jsonl", "", dir.path().string());
  CHECK(r.err.empty());
  r = run_vnie("extract --input jsonl --progress always big.jsonl", "", dir.path().string());
  CHECK(r.code == 1);
  CHECK(r.err.find("documents") != std::string::npos);
  CHECK(r.err.find("MB/s") != std::string::npos);
  CHECK(r.err.find("100%") != std::string::npos);
  CHECK(lines_of(r.out).size() == big.size() / 32);
  CHECK(run_vnie("extract --progress sometimes", "x").code == 2);

  // On a terminal (a pseudo-terminal from script(1), when installed): a bar for
  // the large input, nothing for a small one.
  if (fs::exists("/usr/bin/script")) {
    dir.write("small.jsonl", "not json\n");
    auto on_tty = [&](const std::string& file) {
      std::string inner = quote(VNIE_CLI_PATH) + " extract --input jsonl " + file + " >/dev/null";
      std::string cmd = "cd " + quote(dir.path().string()) + " && /usr/bin/script -qfec " +
                        quote(inner) + " /dev/null </dev/null >tty.out 2>&1";
      CHECK(std::system(cmd.c_str()) != -1);
      return vnie_test::read_file(dir.path() / "tty.out");
    };
    auto t0 = std::chrono::steady_clock::now();
    std::string tty = on_tty("big.jsonl");
    // The bar appears after the first second: check when the run took longer.
    if (std::chrono::steady_clock::now() - t0 > std::chrono::milliseconds(1500)) {
      CHECK(tty.find("documents") != std::string::npos);
      CHECK(tty.find("elapsed") != std::string::npos);
    }
    CHECK(on_tty("small.jsonl").find("documents") == std::string::npos);
  }
}

#endif  // VNIE_CLI_PATH

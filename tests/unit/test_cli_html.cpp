// `vnie extract --format html` (issue 17): the page as written, before any
// browser runs its script. scripts/browser-test.sh checks it in Chromium.
// Built only with the tool (VNIE_BUILD_TOOLS), like the other CLI tests.
#ifdef VNIE_CLI_PATH

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_support.h"
#include "support.h"
#include "vnie/encoding.h"

namespace fs = std::filesystem;
using nlohmann::json;
using vnie_cli_test::parse_jsonl;
using vnie_cli_test::quote;
using vnie_cli_test::Run;
using vnie_cli_test::run_vnie;
using vnie_cli_test::TempDir;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cli html: one page, one mark per mention and one row per event, for the corpus") {
  const std::string corpus = (vnie_test::source_dir() / "corpus").string();
  Run jsonl = run_vnie("extract " + quote(corpus));
  REQUIRE(jsonl.code == 0);
  std::size_t mentions = 0, events = 0;
  const std::vector<json> docs = parse_jsonl(jsonl.out);
  for (const auto& d : docs) {
    mentions += d["mentions"].size();
    events += d["events"].size();
  }
  REQUIRE(docs.size() >= 30);
  REQUIRE(events > 30);
  Run html = run_vnie("extract --format html --threads 2 " + quote(corpus));
  REQUIRE(html.code == 0);
  const std::string& page = html.out;
  CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"vi\">", 0) == 0);
  CHECK(page.size() > 100000);
  CHECK(page.substr(page.size() - 8) == "</html>\n");
  CHECK(count(page, "<section class=\"doc\"") == docs.size());
  CHECK(count(page, "<mark class=\"m t-") == mentions);
  CHECK(count(page, "</mark>") == mentions);
  // Rows of the documents' tables; the table of all events is built by the script.
  CHECK(count(page, "<tr class=\"ev e-") == events);
  CHECK(count(page, "<tr class=\"ev e-award\">") > 5);
  CHECK(count(page, "<tr class=\"ev e-funding\">") > 5);
  // Self-contained: one inline script, inline CSS, no URL to load.
  CHECK(count(page, "<script") == 1);
  CHECK(count(page, "<style>") == 1);
  CHECK(page.find(" src=") == std::string::npos);
  CHECK(page.find(" href=") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  // The legend: a checkbox per type; the same bytes for every thread count.
  CHECK(count(page, "<input type=\"checkbox\" checked data-type=") == 10);
  CHECK(run_vnie("extract --format html --threads 1 " + quote(corpus)).out == page);
}

TEST_CASE("cli html: everything from the input is escaped") {
  const std::string text =
      "Ngày 23/12/2020 <script>alert(1)</script> & \"quotes\" 'x' <b>b</b>\n"
      "Trao 500.000 đồng cho 15 em.";
  Run r = run_vnie("extract --format html --input lines --ref-date 2020-12-01", text);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("<script>alert") == std::string::npos);
  CHECK(r.out.find("<b>") == std::string::npos);
  // (the "1)" of alert(1) is a number mention: highlighted, escaped around)
  CHECK(r.out.find("&lt;script&gt;alert(<mark ") != std::string::npos);
  CHECK(r.out.find("&lt;/script&gt; &amp; &quot;quotes&quot; &#39;x&#39; &lt;b&gt;b&lt;/b&gt;") !=
        std::string::npos);
  CHECK(count(r.out, "<script") == 1);
  // The date is highlighted, with its value, rule and type in the tooltip,
  // reachable by keyboard (tabindex).
  CHECK(r.out.find("<mark class=\"m t-date\" tabindex=\"0\" data-tip=\"date\n2020-12-23\nrule: ") !=
        std::string::npos);
  CHECK(r.out.find(">Ngày 23/12/2020</mark>") != std::string::npos);
  // Money in the tooltip with Vietnamese digit grouping.
  CHECK(r.out.find("500.000 VND") != std::string::npos);

  // Ids are escaped too (an id is a file path or a JSONL "id").
  r = run_vnie("extract --format html --input jsonl",
               "{\"id\": \"<img src=x onerror=alert(1)>\", \"text\": \"ngày 1/2/2020\"}\n");
  REQUIRE(r.code == 0);
  CHECK(r.out.find("<img") == std::string::npos);
  CHECK(r.out.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("cli html: warnings, errors, invalid bytes and legacy encodings") {
  Run r = run_vnie("extract --format html --input lines", "ngày 1/2/2020 \xff\xfe ok\n");
  REQUIRE(r.code == 0);
  CHECK(count(r.out, "<li class=\"warning\">") == 1);
  CHECK(r.out.find("warning invalid_utf8 at byte 15 (2 bytes): invalid UTF-8: 2 bytes FF FE") !=
        std::string::npos);
  CHECK(r.out.find("\xEF\xBF\xBD\xEF\xBF\xBD ok") != std::string::npos);  // shown as U+FFFD
  CHECK(r.out.find('\xff') == std::string::npos);

  // A JSONL line that is not JSON: an error section, exit 1.
  r = run_vnie("extract --format html --input jsonl", "{bad\n");
  CHECK(r.code == 1);
  CHECK(r.out.find("<p class=\"error\">error invalid_argument at &lt;stdin&gt;:1: ") !=
        std::string::npos);

  // TCVN3 bytes: the page shows the decoded UTF-8 text, marks at the right words.
  std::string bytes;
  REQUIRE(vnie::encode("Ngày 23/12/2020, Công đoàn tỉnh trao 15 suất quà.", vnie::Encoding::tcvn3,
                       &bytes)
              .ok());
  TempDir dir;
  const fs::path p = dir.write("old.txt", bytes);
  r = run_vnie("extract --format html --encoding tcvn3 " + quote(p.string()));
  REQUIRE(r.code == 0);
  CHECK(r.out.find(">Ngày 23/12/2020</mark>") != std::string::npos);
  CHECK(r.out.find("decoded from tcvn3") != std::string::npos);
  CHECK(r.out.find("suất quà") != std::string::npos);

  // No document at all: still a whole page.
  r = run_vnie("extract --format html --input lines", "");
  CHECK(r.code == 0);
  CHECK(r.out.find("</html>") != std::string::npos);
  CHECK(count(r.out, "<section class=\"doc\"") == 0);
}

TEST_CASE("main job: run-corpus.sh writes JSON Lines, CSV with BOM, HTML, and a summary") {
  TempDir out;
  const fs::path bin = fs::path(VNIE_CLI_PATH).parent_path();
  const fs::path stdout_file = out.path() / "stdout";
  const std::string cmd = "cd " + quote(vnie_test::source_dir().string()) +
                          " && VNIE_SKIP_SETUP=1 BUILD_DIR=" + quote(bin.string()) +
                          " VNIE_OUT_DIR=" + quote(out.path().string()) +
                          " scripts/run-corpus.sh > " + quote(stdout_file.string()) + " 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string jsonl = vnie_test::read_file(out.path() / "corpus.jsonl");
  const std::vector<json> docs = parse_jsonl(jsonl);
  REQUIRE(docs.size() >= 30);
  std::size_t events = 0;
  for (const auto& d : docs) events += d["events"].size();
  const std::string csv = vnie_test::read_file(out.path() / "events.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF" "doc_id,event_no,type,", 0) == 0);
  CHECK(count(csv, "\r\n") == events + 1);
  const std::string html = vnie_test::read_file(out.path() / "report.html");
  CHECK(count(html, "<tr class=\"ev e-") == events);
  const std::string summary = vnie_test::read_file(stdout_file);
  // A heading per article, a line per event (two spaces, then its date or -).
  CHECK(count(summary, ".txt  (") == docs.size());
  std::size_t event_lines = 0;
  for (const auto& line : vnie_cli_test::lines_of(summary)) {
    if (line.rfind("  ", 0) == 0 && line.find(" · ") != std::string::npos) ++event_lines;
  }
  CHECK(event_lines == events);
  CHECK(summary.find(std::to_string(docs.size()) + " articles, " + std::to_string(events) +
                     " events") != std::string::npos);
  // The first article: its meeting of 23/12 (year inferred from "tổng kết … năm 2020"),
  // its gifts of 13,5 million đồng.
  CHECK(summary.find("  2020-12-23  meeting  Công đoàn Viên chức tỉnh · tong_ket") !=
        std::string::npos);
  CHECK(summary.find("funding  Công đoàn Viên chức tỉnh · 13.500.000 VND  → 27 suất quà") !=
        std::string::npos);
  CHECK(summary.find("HTML report: " + (out.path() / "report.html").string()) != std::string::npos);
}

#endif  // VNIE_CLI_PATH

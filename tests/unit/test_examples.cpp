// The example programs of examples/, run over corpus/ as a user would.
#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace {

#ifdef VNIE_EXAMPLES_DIR
/// Runs examples/NAME over corpus/; returns its standard output lines.
std::vector<std::string> run_example(const std::string& name, int* status) {
  const std::string cmd = std::string(VNIE_EXAMPLES_DIR) + "/vnie_" + name + " '" +
                          (vnie_test::source_dir() / "corpus").string() + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  *status = pclose(p);
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, '\t');) out.push_back(f);
  return out;
}
#endif

}  // namespace

#ifdef VNIE_EXAMPLES_DIR
TEST_CASE("examples: the award report lists the grants of seed 001") {
  int status = -1;
  auto lines = run_example("award_report", &status);
  CHECK(status == 0);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "article\tdate\tissuer\taward\tcollectives\tindividuals\tnamed");
  bool found = false;
  for (const auto& l : lines) {
    auto f = fields(l);
    // "trao tặng … Bằng khen toàn diện của Liên đoàn Lao động tỉnh cho 03 tập thể, 13 cá nhân"
    if (f.size() == 7 && f[0] == "001_2ee7caa0754762cc.txt" && f[3] == "Bằng khen toàn diện") {
      found = true;
      CHECK(f[1] == "2024-01-05");
      CHECK(f[2] == "Liên đoàn Lao động tỉnh");
      CHECK(f[4] == "3");
      CHECK(f[5] == "13");
    }
  }
  CHECK(found);
}

TEST_CASE("examples: the funding summary totals đồng per giver") {
  int status = -1;
  auto lines = run_example("funding_summary", &status);
  CHECK(status == 0);
  REQUIRE(lines.size() > 3);
  CHECK(lines[0] == "giver\tevents\ttotal_dong\tnote");
  bool found = false;
  for (const auto& l : lines) {
    auto f = fields(l);
    if (f.size() == 4 && f[0] == "Công đoàn Viên chức tỉnh") {
      found = true;
      // Seeds 000 and 002: 13,5 triệu đồng exactly and "hơn 62.000.000 đồng" at least.
      CHECK(std::stod(f[2]) >= 13500000 + 62000000);
      CHECK(f[3].find("at least") != std::string::npos);
    }
  }
  CHECK(found);
}

TEST_CASE("examples: the meeting timeline is sorted by date") {
  int status = -1;
  auto lines = run_example("meeting_timeline", &status);
  CHECK(status == 0);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "date\tkind\torganizer\treviewed\tplanned\tarticle");
  std::string previous;
  bool found = false, undated = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto f = fields(lines[i]);
    REQUIRE(f.size() == 6);
    const std::string year = f[0].substr(0, 4);
    if (year == "????" || f[0] == "-") {
      undated = true;
      continue;
    }
    CHECK_MESSAGE(!undated, "dated meetings come before undated ones");
    CHECK(f[0] >= previous);
    previous = f[0];
    if (f[5] == "001_2ee7caa0754762cc.txt" && f[1] == "tong_ket") {
      found = true;
      CHECK(f[0] == "2024-01-05");
      CHECK(f[2] == "Công đoàn Viên chức tỉnh");
      CHECK(f[3] == "năm 2023");
      CHECK(f[4] == "năm 2024");
    }
  }
  CHECK(found);
}
#else
TEST_CASE("examples: skipped") {
  MESSAGE("skipped: the examples are not built (VNIE_BUILD_EXAMPLES=OFF)");
}
#endif

// The trigger index (src/lib/extract/triggers.cpp) and the start items it is
// built from (start_set.cpp): where a rule can start a match.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <random>
#include <string>
#include <vector>

#include "extract/start_set.h"
#include "extract/triggers.h"
#include "text/unicode.h"

namespace {

using vnie::detail::FoldedSet;
using vnie::detail::StartItem;
using vnie::detail::TriggerIndex;

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) vnie::detail::append_utf8(out, c);
  return out;
}

/// "lit" or "^lit", sorted.
std::vector<StartItem> analyse(const std::string& pattern, bool word_boundary = true,
                               bool case_sensitive = false) {
  vnie::detail::StartSet set;
  REQUIRE(vnie::detail::start_items(pattern, word_boundary, case_sensitive, &set));
  return set.items;
}

bool readable(const std::string& pattern) {
  vnie::detail::StartSet set;
  return vnie::detail::start_items(pattern, true, false, &set);
}

std::vector<std::string> lits(const std::string& pattern, bool word_boundary = true) {
  const std::vector<StartItem> items = analyse(pattern, word_boundary);
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back((i.line_start ? "^" : "") + utf8(i.lit));
  std::sort(out.begin(), out.end());
  return out;
}

const StartItem& only_item(const std::vector<StartItem>& items) {
  REQUIRE(items.size() == 1);
  return items[0];
}

/// Byte offsets where rule 0 of an index of `pattern` may start in `line`.
std::vector<std::uint32_t> starts(const std::string& pattern, const std::string& line,
                                  bool anywhere = false) {
  TriggerIndex t;
  t.add(pattern, anywhere, /*case_sensitive=*/true, false);
  REQUIRE(!t.searched(0));
  std::vector<std::vector<std::uint32_t>> out;
  t.scan(line, 0, line.size(), &out);
  return out.at(0);
}

/// The starts of the matches an unanchored RE2 search finds that the engine
/// would keep (non-empty, not starting or ending inside a word), trying
/// again one character on after each match, as the engine does when a
/// production refuses one.
std::vector<std::uint32_t> match_starts(const RE2& re, const std::string& line) {
  std::vector<std::uint32_t> out;
  re2::StringPiece m;
  for (std::size_t pos = 0; pos <= line.size();) {
    if (!re.Match(line, pos, line.size(), RE2::UNANCHORED, &m, 1)) break;
    const auto s = static_cast<std::size_t>(m.data() - line.data());
    if (!m.empty() && vnie::detail::at_word_boundaries(line, s, s + m.size())) {
      out.push_back(static_cast<std::uint32_t>(s));
    }
    std::size_t len = 0;
    vnie::detail::decode_at(line, s, len);
    pos = s + std::max<std::size_t>(len, 1);
  }
  return out;
}

/// True when every start of `want` is in `got`.
bool covers(const std::vector<std::uint32_t>& got, const std::vector<std::uint32_t>& want) {
  for (std::uint32_t s : want) {
    if (std::find(got.begin(), got.end(), s) == got.end()) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("start items: literal first words, classes, line starts") {
  CHECK(lits("công\\s+đoàn|Công ty") == std::vector<std::string>{"công"});
  CHECK(lits("(?:ngày|hôm)\\s+\\d+") == std::vector<std::string>{"hôm", "ngày"});
  // Optional parts in front add their own first words.
  CHECK(lits("(?:(?P<pod>sáng|chiều)\\s+)?ngày\\s+\\d") ==
        std::vector<std::string>{"chiều", "ngày", "sáng"});
  // Case folded: Đ and đ, and a class of two cases is one letter.
  CHECK(lits("ĐẠI HỘI|[Đđ]ại") == std::vector<std::string>{"đại"});
  // A digit class: no literal, the class is the first character.
  std::vector<StartItem> items = analyse("(?P<num>\\d+)%");
  const StartItem& digit = only_item(items);
  CHECK(digit.lit.empty());
  CHECK(digit.next.contains(U'7'));
  CHECK(!digit.next.contains(U'a'));
  // '^' marks items that only hold at the start of the line.
  CHECK(lits("^\\s*(?:một|hai)") == std::vector<std::string>{"^", "^hai", "^một"});
  // A word glued to what follows (\s*): the literal runs on ("bagiờ").
  CHECK(lits("(?:ba|hai)\\s*giờ") ==
        std::vector<std::string>{"ba", "bagiờ", "hai", "haigiờ"});
  // Punctuation starts: the quote, then the next character.
  items = analyse("[“\"][ ]?(?P<nm>[^”\"]{2,8})");
  CHECK(items.size() == 1);
  CHECK(!items[0].next.all());
}

TEST_CASE("start items: a match that may end after a word must end the word") {
  std::vector<StartItem> items = analyse("CĐCS");
  const StartItem& i = only_item(items);
  CHECK(utf8(i.lit) == "cđcs");
  CHECK(i.next.contains(FoldedSet::kEnd));  // kEnd: the end, or any non-word character
  CHECK(!i.next.all());
  // With boundary: none a match may end inside a word: anything may follow.
  items = analyse("CĐCS", /*word_boundary=*/false);
  CHECK(only_item(items).next.all());
}

TEST_CASE("start items: what the analysis does not read makes the rule run everywhere") {
  CHECK(!readable("(a"));
  CHECK(!readable("a\\1"));
  // A pattern starting with any character: one item, no literal, any next;
  // the index searches such a rule over the line instead.
  std::vector<StartItem> items = analyse(".x");
  CHECK(only_item(items).lit.empty());
  CHECK(only_item(items).next.all());
  TriggerIndex t;
  t.add(".x", false, false, false);
  t.add("(a", false, false, false);
  t.add("\\d+\\s*$", false, false, false);  // ends at the end of the line: searched
  t.add("\\d+", false, false, false);
  CHECK(t.searched(0));
  CHECK(t.searched(1));
  CHECK(t.searched(2));
  CHECK(!t.searched(3));
  // An explosion of alternatives is closed early, never dropped: every
  // match still starts with one of the items.
  std::string big = "(?:";
  for (int i = 0; i < 80; ++i) big += (i ? "|" : "") + std::string("w") + std::to_string(i);
  big += ")\\s*(?:" + big.substr(3) + ")\\s*(?:" + big.substr(3) + ")x";
  CHECK(!analyse(big).empty());
  RE2 re(big);
  REQUIRE(re.ok());
  for (const std::string line : {"w7 w79w3x", "w0w0w0x", "x w12 w1 w2x"}) {
    const auto want = match_starts(re, line);
    CHECK(!want.empty());
    CHECK(covers(starts(big, line), want));
  }
}

TEST_CASE("start items: a case-sensitive class start checks two characters as written") {
  const std::string abbr = "[A-ZĐ](?:[A-ZĐ]|[0-9&\\-])*[A-ZĐ]";
  std::vector<StartItem> items = analyse(abbr, true, /*case_sensitive=*/true);
  const StartItem& i = only_item(items);
  CHECK(i.shaped);
  CHECK(i.first_raw.contains(U'Đ'));
  CHECK(!i.first_raw.contains(U'đ'));
  CHECK(i.second_raw.contains(U'B'));
  CHECK(i.second_raw.contains(U'3'));
  CHECK(!i.second_raw.contains(U'b'));
  CHECK(starts(abbr, "Ngày UBND và CĐ, Đà") == std::vector<std::uint32_t>{6, 15});
  // Where case is ignored, as written means any character.
  items = analyse("(?i:[a-z][0-9])", true, true);
  CHECK(only_item(items).first_raw.all());
  items = analyse("[a-z][0-9]", true, /*case_sensitive=*/false);
  CHECK(only_item(items).second_raw.all());
}

TEST_CASE("trigger index: positions where a word, class or symbol can start a match") {
  const std::string line = "Ngày 5/1, Công đoàn tặng “Bằng khen” cho 3 tập thể; ngày";
  CHECK(starts("ngày\\s+\\d", line) == std::vector<std::uint32_t>{0, 68});
  CHECK(starts("\\d+", line) == std::vector<std::uint32_t>{6, 8, 53});
  CHECK(starts("công\\s+đoàn", line) == std::vector<std::uint32_t>{11});
  CHECK(starts("[“\"](?:[^”\"]+)[”\"]", line) == std::vector<std::uint32_t>{31});
  // Never inside a word ("đoàn" holds no "oàn"), unless the rule allows it.
  CHECK(starts("oàn", line).empty());
  CHECK(starts("oàn", line, /*anywhere=*/true) == std::vector<std::uint32_t>{19});
  // Only at the start of the line.
  CHECK(starts("^ngày", line) == std::vector<std::uint32_t>{0});
}

// The index must find every start that a plain search over the line would
// keep. Random lines over a small alphabet of words, digits and symbols,
// against patterns of the shapes the rule files use.
TEST_CASE("trigger index: never misses a match that an unanchored search finds") {
  const std::vector<std::string> patterns = {
      "ngày\\s+(?P<d>\\d{1,2})(?:/(?P<m>\\d{1,2}))?",
      "(?:(?P<q>hơn|gần)\\s+)?(?P<n>\\d+(?:\\.\\d{3})*)\\s*(?P<u>tập thể|cá nhân|đồng)",
      "(?:ba|hai|mười)(?:\\s+(?:ba|hai|mười))*\\s*(?:giờ|h)",
      "(?i:công đoàn)(?:[ ]+[A-ZĐ][a-zđ]*)*",
      "[A-ZĐ](?:[A-ZĐ]|[0-9&\\-])*[A-ZĐ]",
      "[“\"][ ]?[^“”\"\\n]{2,20}?[ ]?[”\"]",
      "(?P<neg>^-\\s?|âm\\s+)?\\d+",
      "^\\s*(?:một|hai)\\s*[.!?]?",
      "\\(\\w+\\)|tổng\\s+cộng",
  };
  const std::vector<std::string> atoms = {
      "ngày", "Ngày", "5", "12", "1.000", "/", "-", " ", " ", " ", "  ", "tập thể", "cá nhân",
      "đồng", "hơn", "âm", "ba", "hai", "mười", "giờ", "h", "Công đoàn", "CÔNG ĐOÀN", "Hà",
      "Nội", "CĐ", "TNHH", "A1B", "“", "”", "\"", "(", ")", "x", "một", ".", ",", "tổng",
      "cộng", "bagiờ", "haih", "Đà"};
  std::mt19937 rng(20261206);
  std::size_t found = 0;
  for (const auto& p : patterns) {
    RE2 re(p);
    REQUIRE(re.ok());
    for (int k = 0; k < 300; ++k) {
      std::string line;
      const int n = 1 + static_cast<int>(rng() % 14);
      for (int j = 0; j < n; ++j) line += atoms[rng() % atoms.size()];
      const auto want = match_starts(re, line);
      const auto got = starts(p, line);
      // Every kept match start is a candidate (candidates may be more).
      INFO(p, " | ", line);
      CHECK(covers(got, want));
      found += want.size();
    }
  }
  CHECK(found > 100);  // the lines do hold matches (145 with this seed)
}

// Sentence segmentation (src/lib/events/sentences.cpp): ICU's rules plus the
// abbreviation list, and a sentence that starts with a figure.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "events/sentences.h"

namespace {

std::vector<std::string> sentences(const vnie::detail::SentenceSplitter& sp, const std::string& text) {
  std::vector<std::string> out;
  for (auto [s, e] : sp.split(text)) out.push_back(text.substr(s, e - s));
  return out;
}

}  // namespace

TEST_CASE("sentences: a full stop before a figure ends a sentence") {
  vnie::detail::SentenceSplitter sp({"TP.", "Q.", "ThS."});
  CHECK(sentences(sp, "Hội nghị đã thành công tốt đẹp. 3 tập thể được tặng Bằng khen.") ==
        std::vector<std::string>{"Hội nghị đã thành công tốt đẹp.",
                                 "3 tập thể được tặng Bằng khen."});
  CHECK(sentences(sp, "Tổng kết năm 2020.  15 đơn vị được khen thưởng") ==
        std::vector<std::string>{"Tổng kết năm 2020.", "15 đơn vị được khen thưởng"});
  // Several in one paragraph, and the offsets stay those of the input.
  const std::string text = "Trao quà. 20 suất quà. 5 suất học bổng.";
  auto spans = sp.split(text);
  REQUIRE(spans.size() == 3);
  CHECK(spans[1].first == text.find("20"));
  CHECK(spans[2].first == text.find("5 suất"));
}

TEST_CASE("sentences: no break before a figure after an abbreviation, an initial or an ellipsis") {
  vnie::detail::SentenceSplitter sp({"TP.", "Q.", "ThS."});
  CHECK(sentences(sp, "Trụ sở tại Q. 3, TP. Hồ Chí Minh.").size() == 1);
  CHECK(sentences(sp, "Anh Nguyễn Văn A. 5 năm liền đạt danh hiệu").size() == 1);
  CHECK(sentences(sp, "Chờ đợi... 5 phút sau mới bắt đầu").size() == 1);
  CHECK(sentences(sp, "Số tiền 1.200.000 đồng được trao").size() == 1);
}

TEST_CASE("sentences: a sentence over the limit is read in pieces cut at ',', ',' or a space") {
  using vnie::detail::cut_long_sentences;
  const std::string text = "aaaa; bbbb, cccc dddd";
  const std::vector<std::pair<std::size_t, std::size_t>> whole{{0, text.size()}};
  // Under the limit: unchanged.
  CHECK(cut_long_sentences(text, whole, 100) == whole);
  // 12 bytes: "aaaa; bbbb, " → cut after the ',' (the last ';' is in the first half).
  auto pieces = cut_long_sentences(text, whole, 12);
  REQUIRE(pieces.size() == 2);
  CHECK(text.substr(pieces[0].first, pieces[0].second - pieces[0].first) == "aaaa; bbbb,");
  CHECK(text.substr(pieces[1].first, pieces[1].second - pieces[1].first) == "cccc dddd");
  // No blank at all: cut on a code point boundary, never inside "đ".
  const std::string word = "đđđđđđđđđđ";  // 20 bytes
  pieces = cut_long_sentences(word, {{0, word.size()}}, 7);
  std::size_t covered = 0;
  for (auto [s, e] : pieces) {
    CHECK(e - s <= 7);
    CHECK((static_cast<unsigned char>(word[s]) & 0xC0) != 0x80);
    covered += e - s;
  }
  CHECK(covered == word.size());
  // Every piece of a long run of clauses is within the limit, none empty.
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "Tặng Bằng khen cho 5 tập thể, ";
  pieces = cut_long_sentences(many, {{0, many.size()}});
  CHECK(pieces.size() > many.size() / vnie::detail::kMaxSentenceBytes);
  for (auto [s, e] : pieces) {
    CHECK(e > s);
    CHECK(e - s <= vnie::detail::kMaxSentenceBytes);
  }
}

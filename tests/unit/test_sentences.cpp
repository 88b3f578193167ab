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

// Text typed without diacritics (issue 9): the diacritic restorer of
// src/lib/rules/restore.h lets the unchanged rules run on it. The corpus test
// strips the diacritics of every article (keeping case), extracts, and scores
// against the gold stripped the same way: per mention type, the F1 on the
// stripped text must be at least 85% of the F1 on the original.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "corpus_scorer.h"
#include "support.h"
#include "text/unicode.h"
#include "vnie/extractor.h"
#include "vnie/json.h"

namespace {

using nlohmann::json;

/// The Vietnamese letters with diacritics, grouped by base letter.
const std::vector<std::pair<char, std::u32string>>& letter_table() {
  static const std::vector<std::pair<char, std::u32string>> t = {
      {'a', U"àáảãạăằắẳẵặâầấẩẫậ"}, {'A', U"ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"}, {'e', U"èéẻẽẹêềếểễệ"},
      {'E', U"ÈÉẺẼẸÊỀẾỂỄỆ"},       {'i', U"ìíỉĩị"},             {'I', U"ÌÍỈĨỊ"},
      {'o', U"òóỏõọôồốổỗộơờớởỡợ"}, {'O', U"ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"}, {'u', U"ùúủũụưừứửữự"},
      {'U', U"ÙÚỦŨỤƯỪỨỬỮỰ"},       {'y', U"ỳýỷỹỵ"},             {'Y', U"ỲÝỶỸỴ"},
      {'d', U"đ"},                 {'D', U"Đ"}};
  return t;
}

char32_t strip_char(char32_t c) {
  for (const auto& [base, letters] : letter_table()) {
    if (letters.find(c) != std::u32string::npos) return static_cast<char32_t>(base);
  }
  return c;
}

/// Strips the Vietnamese diacritics of NFC UTF-8 `s` (keeping case; combining
/// marks dropped); `map[i]` is the offset in the result of byte i of `s`
/// (map[s.size()] its end).
std::string strip(const std::string& s, std::vector<std::size_t>* map = nullptr) {
  std::string out;
  if (map) map->assign(s.size() + 1, 0);
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 0;
    const char32_t c = vnie::detail::decode_at(s, i, len);
    len = std::max<std::size_t>(len, 1);
    if (map) {
      for (std::size_t k = 0; k < len; ++k) (*map)[i + k] = out.size();
    }
    if (!(c >= 0x300 && c <= 0x36F)) vnie::detail::append_utf8(out, strip_char(c));
    i += len;
  }
  if (map) (*map)[s.size()] = out.size();
  return out;
}

void strip_strings(json& j) {
  if (j.is_string()) {
    j = strip(j.get<std::string>());
  } else if (j.is_object() || j.is_array()) {
    for (auto& v : j) strip_strings(v);
  }
}

std::unique_ptr<vnie::Extractor> make(bool restore) {
  vnie::Options o;
  o.restore_diacritics = restore;
  std::unique_ptr<vnie::Extractor> ex;
  REQUIRE(vnie::Extractor::create(o, &ex).ok());
  return ex;
}

}  // namespace

TEST_CASE("unaccented: strip helper and restorer on one sentence") {
  CHECK(strip("Liên đoàn Lao động tỉnh Thanh Hóa") == "Lien doan Lao dong tinh Thanh Hoa");
  auto ex = make(true);
  const std::string text =
      "Lien doan Lao dong tinh Thanh Hoa tang Bang khen cho 03 tap the va 13 ca nhan, tong "
      "tri gia 13,5 trieu dong. Hoi nghi dien ra ngay 5 thang 1 nam 2024 tai TP Thanh Hoa.";
  vnie::Document doc;
  REQUIRE(ex->extract(text, {}, &doc).ok());
  for (const auto& m : doc.mentions) {
    CHECK(text.substr(m.start, m.end - m.start) == m.text);  // offsets into the input
  }
  const json j = json::parse(vnie::to_json_line(doc));
  auto find = [&](const std::string& t) -> json {
    for (const auto& m : j["mentions"]) {
      if (m["text"] == t) return m;
    }
    return json();
  };
  CHECK(find("Lien doan Lao dong tinh Thanh Hoa")["value"]["canonical"] ==
        "Liên đoàn Lao động tỉnh Thanh Hóa");
  CHECK(find("Bang khen")["value"]["kind"] == "bang_khen");
  CHECK(find("03 tap the")["value"]["value"] == 3);
  CHECK(find("13,5 trieu dong")["type"] == "money");
  CHECK(find("13,5 trieu dong")["value"]["amount"] == 13500000);
  const json date = find("ngay 5 thang 1 nam 2024")["value"];
  CHECK(date["year"] == 2024);
  CHECK(date["month"] == 1);
  CHECK(date["day"] == 5);
  // The award event: issuer with diacritics, 3 collectives and 13 individuals.
  REQUIRE(j["events"].size() >= 1);
  const json award = j["events"][0];
  CHECK(award["type"] == "award");
  CHECK(award["issuer"] == "Liên đoàn Lao động tỉnh Thanh Hóa");
  CHECK(award["award_kind"] == "bang_khen");
  REQUIRE(award["recipients"].size() == 2);
  CHECK(award["recipients"][0]["count"] == 3);
  CHECK(award["recipients"][1]["count"] == 13);

  // Off: nothing of the above is found.
  auto plain = make(false);
  vnie::Document d2;
  REQUIRE(plain->extract(text, {}, &d2).ok());
  for (const auto& m : d2.mentions) CHECK(m.type != vnie::MentionType::money);
  CHECK(d2.events.empty());
}

TEST_CASE("unaccented: text with diacritics is never restored") {
  auto a = make(true), b = make(false);
  for (const char* t : {"Công ty tặng 5 suất quà, mỗi suất 500.000 đồng.",
                        "Hội nghị tổng kết năm 2023 của LĐLĐ tỉnh diễn ra ngày 5/1/2024."}) {
    vnie::Document da, db;
    REQUIRE(a->extract(t, {}, &da).ok());
    REQUIRE(b->extract(t, {}, &db).ok());
    CHECK(vnie::to_json_line(da) == vnie::to_json_line(db));
  }
}

TEST_CASE("unaccented: corpus F1 on stripped text is at least 85% of the original's") {
  const auto dir = vnie_test::source_dir() / "corpus";
  std::vector<std::string> problems;
  const auto articles = vnie_eval::load_corpus(dir, &problems);
  REQUIRE(articles.size() >= 30);
  auto ex = make(true);
  vnie_eval::Scorer original, stripped;
  for (const auto& a : articles) {
    vnie::DocumentInfo info;
    info.id = a.id;
    info.reference_date = vnie_eval::parse_ymd(a.gold.reference_date);
    vnie::Document doc;
    REQUIRE(ex->extract(a.text, info, &doc).ok());
    // The original, with values compared without diacritics like the stripped run.
    json got = json::parse(vnie::to_json_line(doc));
    vnie_eval::GoldDoc gold = a.gold;
    for (auto& m : gold.mentions) strip_strings(m.value);
    for (auto& m : got["mentions"]) strip_strings(m["value"]);
    original.add(gold, got);

    std::vector<std::size_t> map;
    const std::string text = strip(a.text, &map);
    vnie::Document sdoc;
    REQUIRE(ex->extract(text, info, &sdoc).ok());
    vnie_eval::GoldDoc sgold = gold;
    for (auto& m : sgold.mentions) {
      m.start = map[m.start];
      m.end = map[m.end];
      m.text = text.substr(m.start, m.end - m.start);
    }
    sgold.events.clear();
    json sgot = json::parse(vnie::to_json_line(sdoc));
    for (auto& m : sgot["mentions"]) strip_strings(m["value"]);
    sgot["events"] = json::array();
    stripped.add(sgold, sgot);
  }
  const auto ro = original.table(), rs = stripped.table();
  std::string report = "type          F1 original  F1 stripped  ratio (value-exact)\n";
  for (std::size_t i = 0; i < ro.size(); ++i) {
    char line[160];
    const double fo = ro[i].value.f1, fs = rs[i].value.f1;
    std::snprintf(line, sizeof line, "%-13s %.3f        %.3f        %.2f\n", ro[i].type.c_str(), fo,
                  fs, fo > 0 ? fs / fo : 1.0);
    report += line;
  }
  MESSAGE(report);
  if (std::getenv("VNIE_UNACCENTED_ERRORS") != nullptr) {  // list what the stripped run misses
    for (const auto& e : stripped.errors()) {
      std::printf("%s %s %s @%zu «%s» %s\n", e.doc.c_str(), e.type.c_str(), e.kind.c_str(), e.start,
                  e.text.c_str(), e.detail.c_str());
    }
  }
  for (std::size_t i = 0; i < ro.size(); ++i) {
    CAPTURE(ro[i].type);
    if (ro[i].counts.gold == 0) continue;
    CHECK(rs[i].value.f1 >= 0.85 * ro[i].value.f1);
  }
}
